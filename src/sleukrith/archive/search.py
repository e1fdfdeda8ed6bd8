"""Search the archive: Khmer-aware query, bm25 ranking, snippets of the original, facets.

The query goes through the same pipeline as the documents (``terms.query_terms``: fold, then
segment into words). Every term is emitted as a double-quoted FTS5 string, so nothing a user types
(``"``, ``AND``, ``NEAR(``, ``*``, unbalanced parentheses) is ever interpreted as FTS5 syntax; the
words of one space-separated chunk of the query form a phrase, chunks are AND-ed.

Snippets are cut from the ORIGINAL text: each indexed term keeps its span in the original, so a
query spelled with ្ត highlights the ្ដ spelling the report actually used.

>>> from sleukrith.archive import Archive  # doctest: +SKIP
>>> search(Archive("sleukrith.db"), "កណ្តាលស្ទឹង").total  # doctest: +SKIP
3
"""

from __future__ import annotations

import json
import math
import re
import threading
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from sleukrith.archive.store import Archive
from sleukrith.archive.terms import fold_key, latin_key, place_name, query_terms, unpack_spans
from sleukrith.chars import require_str

__all__ = ["SearchResult", "SearchResponse", "search", "fts_query", "parse_when", "MAX_LIMIT"]

MAX_LIMIT = 100
SNIPPET_CHARS = 240
_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_FACETS = {"PERSON": "people", "LOC": "places", "ORG": "organisations"}


@dataclass
class SearchResult:
    """One hit: the document's identity, a snippet of its original text, highlight offsets."""

    id: int
    title: str | None
    date: str | None
    snippet: str
    highlights: list[tuple[int, int]]
    score: float
    source: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
            "score": self.score,
            "source": self.source,
            "url": self.url,
        }


@dataclass
class SearchResponse:
    """A page of results plus facets over all matching documents."""

    query: str
    terms: list[str]
    total: int
    page: int
    limit: int
    results: list[SearchResult] = field(default_factory=list)
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    filters: dict[str, str | None] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.limit)) if self.limit else 1

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` / ``/api/search`` shape."""
        return {
            "query": self.query,
            "terms": self.terms,
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "limit": self.limit,
            "filters": self.filters,
            "results": [r.to_dict() for r in self.results],
            "facets": self.facets,
        }


def parse_when(value: str, *, end: bool = False) -> str:
    """An ISO date from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (Khmer digits allowed).

    ``end=True`` gives the last day of a year or month (for ``--until``).

    >>> parse_when("២០២១"), parse_when("2021-02", end=True)
    ('2021-01-01', '2021-02-28')
    """
    require_str(value)
    text = value.strip().translate(_KHMER_DIGITS)
    m = re.fullmatch(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?", text)
    if not m:
        raise ValueError(f"{value!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    try:
        if m.group(3):
            return date(year, month, int(m.group(3))).isoformat()
        if end:
            nxt = date(year + (month == 12), month % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1).isoformat()
        return date(year, month, 1).isoformat()
    except ValueError as exc:
        raise ValueError(f"{value!r}: not a valid date ({exc})") from exc


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _phrases(query: str) -> list[list[str]]:
    """The terms of each whitespace-separated chunk of ``query`` (empty chunks dropped)."""
    return [terms for terms in (query_terms(chunk) for chunk in query.split()) if terms]


def _match(phrases: list[list[str]]) -> str | None:
    quoted: list[str] = []
    for terms in phrases:
        phrase = _quote(" ".join(terms))
        if phrase not in quoted:
            quoted.append(phrase)
    return " AND ".join(quoted) if quoted else None


def fts_query(query: str) -> tuple[str | None, list[str]]:
    """The FTS5 MATCH expression for a user query, and its terms.

    Each whitespace-separated chunk becomes a quoted phrase of its folded words; chunks are
    AND-ed. ``None`` when the query has no searchable term.

    >>> fts_query('') == (None, [])
    True
    """
    require_str(query)
    phrases = _phrases(query)
    return _match(phrases), [t for terms in phrases for t in terms]


def _filter_key(label: str, value: str) -> str:
    """The folded key a person/place filter is matched on; a person's titles are dropped."""
    if label == "PERSON":
        try:
            from sleukrith.entities import split_title

            _titles, name = split_title(value.strip())
            value = name or value
        except Exception:  # noqa: BLE001 - without the entity module, match the whole value
            pass
    elif label == "LOC":
        value = place_name(value)
    return fold_key(value)


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _snippet(
    text: str, terms: list[str], spans: list[tuple[int, int]], phrases: list[list[str]]
) -> tuple[str, list[tuple[int, int]]]:
    hits = _phrase_hits(terms, phrases)
    n = len(text)
    if hits:
        # the window of terms (about SNIPPET_CHARS long) holding the most distinct query terms
        best, best_score = hits[0], -1
        early = hits[:50]  # bounded work per result, even for very common words
        for n_i, i in enumerate(early):
            limit_pos = spans[i][0] + SNIPPET_CHARS
            seen = set()
            for j in early[n_i:]:
                if spans[j][1] <= limit_pos:
                    seen.add(terms[j])
            if len(seen) > best_score:
                best, best_score = i, len(seen)
        anchor = spans[best][0]
        start = max(0, anchor - 60)
    else:
        start = 0
    end = min(n, start + SNIPPET_CHARS)
    # snap to term boundaries so no cluster is cut in half
    if start > 0:
        starts = [s for s, _e in spans if s >= start]
        start = starts[0] if starts else start
    if end < n:
        ends = [e for _s, e in spans if start < e <= end]
        end = ends[-1] if ends else end
    piece = text[start:end]
    # collapse runs of whitespace for a one-line snippet, keeping offsets in step
    out: list[str] = []
    index_map: list[int] = []
    prev_space = False
    for k, ch in enumerate(piece):
        if ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            prev_space = True
        else:
            out.append(ch)
            prev_space = False
        index_map.append(k)
    snippet = "".join(out)
    lead = "…" if start > 0 else ""
    tail = "…" if end < n else ""
    position = {orig: new for new, orig in enumerate(index_map)}
    marks: list[tuple[int, int]] = []
    for i in hits:
        s, e = spans[i]
        if s < start or e > end:
            continue
        ns = position.get(s - start)
        ne_last = position.get(e - 1 - start)
        if ns is None or ne_last is None:
            continue
        s2, e2 = ns + len(lead), ne_last + 1 + len(lead)
        if marks and s2 <= marks[-1][1]:
            marks[-1] = (marks[-1][0], max(marks[-1][1], e2))
        else:
            marks.append((s2, e2))
    return lead + snippet + tail, marks


def _phrase_hits(terms: list[str], phrases: list[list[str]]) -> list[int]:
    """Indices of ``terms`` inside complete occurrences of a query phrase (else single terms)."""
    covered: set[int] = set()
    for phrase in phrases:
        k = len(phrase)
        first = phrase[0]
        for i, term in enumerate(terms):
            if term == first and terms[i : i + k] == phrase:
                covered.update(range(i, i + k))
    if not covered:
        wanted = {t for phrase in phrases for t in phrase}
        covered = {i for i, t in enumerate(terms) if t in wanted}
    return sorted(covered)


def search(
    archive: Archive,
    query: str,
    *,
    person: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 10,
    page: int = 1,
    facets: bool = True,
) -> SearchResponse:
    """Search ``archive``. An empty query lists documents newest first.

    Ranking is bm25 (title weighted 4x). For a query matching more than ``RANK_WINDOW`` documents
    bm25 orders the newest ``RANK_WINDOW`` matches and older ones follow newest first, which
    bounds the work of very common words; totals and facets always count every match.
    Raises ``ValueError`` for a malformed ``since``/``until``.
    """
    require_str(query)
    for name, value in (("person", person), ("place", place), ("since", since), ("until", until)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be str or None, not {type(value).__name__}")
    limit = max(1, min(int(limit), MAX_LIMIT))
    page = max(1, int(page))
    phrases = _phrases(query)
    match, terms = _match(phrases), [t for p in phrases for t in p]
    since_iso = parse_when(since) if since and since.strip() else None
    until_iso = parse_when(until, end=True) if until and until.strip() else None
    filters: dict[str, str | None] = {
        "person": person or None,
        "place": place or None,
        "since": since_iso,
        "until": until_iso,
    }
    response = SearchResponse(query=query, terms=terms, total=0, page=page, limit=limit)
    response.filters = filters
    response.facets = {name: [] for name in (*_FACETS.values(), "years")}
    if match is None and query.strip():
        return response  # only punctuation/symbols: nothing can match

    conn = archive.conn
    if match is not None:
        # one string from SQLite is much faster than a Python row per match
        joined = conn.execute(
            "SELECT group_concat(rowid) FROM doc_fts WHERE doc_fts MATCH ?", (match,)
        ).fetchone()[0]
        ids = np.fromstring(joined, dtype=np.int64, sep=",") if joined else _EMPTY
        ids.sort()
        meta = _meta(archive)  # after the query: it knows every id the query can return
        ids = ids[ids <= meta.max_id]
    else:
        meta = _meta(archive)
        ids = meta.ids()
    all_matches = ids
    keep = np.ones(len(ids), dtype=bool)
    if since_iso or until_iso:
        dates = meta.ordinals[ids]
        keep &= dates > 0
        if since_iso:
            keep &= dates >= date.fromisoformat(since_iso).toordinal()
        if until_iso:
            keep &= dates <= date.fromisoformat(until_iso).toordinal()
    for label, value in (("PERSON", person), ("LOC", place)):
        if value and value.strip():
            named = [
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT doc_id FROM entities WHERE label = ? AND "
                    "(key LIKE ? ESCAPE '\\' OR en LIKE ? ESCAPE '\\')",
                    (label, _like(_filter_key(label, value)), _like(latin_key(value))),
                )
            ]
            keep &= np.isin(ids, np.asarray(named, dtype=np.int64))
    ids = ids[keep]
    response.total = int(len(ids))
    start = (page - 1) * limit
    if match is not None:
        order = _ranked(conn, match, ids, all_matches, start + limit)
    else:
        # newest first: by date (undated last), then by id
        order = ids[np.lexsort((-ids, -meta.ordinals[ids]))][: start + limit].tolist()
        order = [(i, 0.0) for i in order]
    page_hits = order[start : start + limit]
    if page_hits:
        marks_sql = ",".join("?" * len(page_hits))
        rows = {
            row["id"]: row
            for row in conn.execute(
                "SELECT id, title, date, source, url, text, terms, spans FROM documents "
                f"WHERE id IN ({marks_sql})",
                [doc_id for doc_id, _score in page_hits],
            )
        }
    else:
        rows = {}
    for doc_id, score in page_hits:
        row = rows.get(doc_id)
        if row is None:
            continue
        snippet, marks = _snippet(
            row["text"], row["terms"].split(" ") if row["terms"] else [],
            unpack_spans(row["spans"]), phrases,
        )
        response.results.append(
            SearchResult(
                id=int(row["id"]),
                title=row["title"],
                date=row["date"],
                snippet=snippet,
                highlights=marks,
                score=round(float(score), 4),
                source=row["source"],
                url=row["url"],
            )
        )
    if facets and len(ids):
        response.facets = _facets(archive, ids, meta)
    return response


_EMPTY = np.zeros(0, dtype=np.int64)
RANK_WINDOW = 1000  # matches ordered by bm25 (the newest); older ones follow by recency
RANK_BUDGET = 3000  # index rows bm25 may score for one query (filters can make them sparse)


def _ranked(
    conn: Any, match: str, ids: Any, all_matches: Any, wanted: int
) -> list[tuple[int, float]]:
    """The first ``wanted`` of ``ids`` (sorted ascending) in rank order, with bm25 scores."""
    if not len(ids):
        return []
    candidates = ids[-RANK_WINDOW:]
    hi = int(candidates[-1])
    lo = int(candidates[0])
    # how many matches (filtered or not) bm25 would have to score in [lo, hi]
    first = int(np.searchsorted(all_matches, lo, side="left"))
    last = int(np.searchsorted(all_matches, hi, side="right"))
    if last - first > RANK_BUDGET:
        lo = int(all_matches[last - RANK_BUDGET])
    scores = {
        int(r[0]): float(r[1])
        for r in conn.execute(
            "SELECT rowid, bm25(doc_fts, 4.0, 1.0) FROM doc_fts "
            "WHERE doc_fts MATCH ? AND rowid BETWEEN ? AND ?",
            (match, lo, hi),
        )
    }
    scored = [(i, scores[i]) for i in candidates.tolist() if i in scores]
    scored.sort(key=lambda h: (h[1], -h[0]))
    if len(scored) >= wanted:
        return scored[:wanted]
    seen = {i for i, _s in scored}
    rest = [int(i) for i in ids[::-1][: wanted + len(scored)].tolist() if int(i) not in seen]
    return scored + [(i, 0.0) for i in rest[: wanted - len(scored)]]


class _Meta:
    """Per-document year and date (as ordinals) in memory, indexed by id; grows with the archive.

    Documents are never deleted, so the largest id tells whether rows were added since.
    """

    def __init__(self) -> None:
        self.max_id = 0
        self.present = np.zeros(1, dtype=bool)
        self.years = np.zeros(1, dtype=np.int32)
        self.ordinals = np.zeros(1, dtype=np.int32)

    def refresh(self, conn: Any) -> None:
        current = conn.execute("SELECT max(id) FROM documents").fetchone()[0] or 0
        if current <= self.max_id:
            return
        size = current + 1
        for name in ("present", "years", "ordinals"):
            old = getattr(self, name)
            grown = np.zeros(size, dtype=old.dtype)
            grown[: len(old)] = old
            setattr(self, name, grown)
        for doc_id, year, when in conn.execute(
            "SELECT id, year, date FROM documents WHERE id > ? AND id <= ?",
            (self.max_id, current),
        ):
            self.present[doc_id] = True
            self.years[doc_id] = year or 0
            if when:
                try:
                    self.ordinals[doc_id] = date.fromisoformat(when).toordinal()
                except ValueError:
                    pass
        self.max_id = current

    def ids(self) -> Any:
        return np.flatnonzero(self.present).astype(np.int64)


_META_LOCK = threading.Lock()


def _meta(archive: Archive) -> _Meta:
    with _META_LOCK:
        meta = getattr(archive, "_search_meta", None)
        if meta is None:
            meta = _Meta()
            archive._search_meta = meta  # type: ignore[attr-defined]
        meta.refresh(archive.conn)
        return meta


def _facets(archive: Archive, ids: Any, meta: _Meta, top: int = 10) -> dict[str, Any]:
    """Facet counts over all matching documents (not only the page)."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in _FACETS.values()}
    if archive.has_entities():
        rows = archive.conn.execute(
            "SELECT label, key, min(display) AS display, count(DISTINCT doc_id) AS n "
            "FROM entities WHERE doc_id IN (SELECT value FROM json_each(?)) "
            "AND label IN ('PERSON', 'LOC', 'ORG') "
            "GROUP BY label, key ORDER BY n DESC, display",
            (json.dumps(ids.tolist()),),
        ).fetchall()
        for row in rows:
            bucket = out[_FACETS[row["label"]]]
            if len(bucket) < top:
                bucket.append({"value": row["display"], "count": int(row["n"])})
    years = meta.years[ids]
    values, counts = np.unique(years[years > 0], return_counts=True)
    out["years"] = [
        {"value": int(v), "count": int(c)} for v, c in sorted(
            zip(values.tolist(), counts.tolist(), strict=True), reverse=True)[:30]
    ]
    return out
