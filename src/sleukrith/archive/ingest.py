"""Ingest: read files into documents, analyse them, and store them in the archive.

Inputs: ``.txt``, ``.md``, ``.html``/``.htm`` (main text extracted with trafilatura) and
``.jsonl`` (one object a line with ``text`` and optional ``id``, ``title``, ``date``, ``url``),
given as files or directories (searched recursively; README/LICENSE files and hidden paths
found in a directory walk are skipped: they describe the folder).

* Idempotent: a document's content hash (text with whitespace runs collapsed) is UNIQUE in the
  archive, and it is checked before any analysis, so a rerun skips what is already stored.
* Near-duplicates: a MinHash (datasketch) over word 3-shingles of the folded terms; documents
  whose estimated Jaccard similarity passes ``near_threshold`` are linked both ways.
* Transactional: each document (or each batch, see ``batch_size``) is one SQLite transaction;
  a ``kill -9`` loses at most the open batch and a rerun completes the work.

>>> from sleukrith.archive import Archive  # doctest: +SKIP
>>> ingest_paths(Archive("sleukrith.db"), ["src/sleukrith/data/samples"]).added  # doctest: +SKIP
12
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sleukrith.archive.store import FACET_LABELS, Archive, EntityRow, PreparedDocument
from sleukrith.archive.terms import (
    fold_key,
    index_terms,
    latin_key,
    pack_spans,
    place_name,
    query_terms,
)
from sleukrith.chars import dedup_key, require_str

__all__ = [
    "SUFFIXES",
    "Source",
    "Outcome",
    "Summary",
    "Ingestor",
    "content_hash",
    "iter_sources",
    "count_sources",
    "prepare",
    "ingest_paths",
]

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
NUM_PERM = 64
_SCHEME = "affine32"  # datasketch >= 2: 32-bit hash values, stored as uint32 bytes
_DTYPE = "uint32"
# files in a directory walk that describe the folder rather than being documents
_NOT_DOCUMENTS = {"readme", "license", "licence", "changelog", "contributing", "notice"}


@dataclass
class Source:
    """One document to ingest, before analysis."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    ext_id: str | None = None
    source: str | None = None
    error: str | None = None  # set when the input could not be read


@dataclass
class Outcome:
    """What happened to one source: ``added``, ``duplicate``, ``empty`` or ``error``."""

    status: str
    id: int | None = None
    source: str | None = None
    near: list[tuple[int, float]] = field(default_factory=list)
    message: str | None = None


@dataclass
class Summary:
    """Counts of one ingest run."""

    added: int = 0
    duplicates: int = 0
    empty: int = 0
    errors: int = 0
    near_duplicates: int = 0
    error_messages: list[str] = field(default_factory=list)

    def record(self, outcome: Outcome) -> None:
        if outcome.status == "added":
            self.added += 1
            self.near_duplicates += len(outcome.near)
        elif outcome.status == "duplicate":
            self.duplicates += 1
        elif outcome.status == "empty":
            self.empty += 1
        else:
            self.errors += 1
            if len(self.error_messages) < 50:
                self.error_messages.append(f"{outcome.source}: {outcome.message}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "empty": self.empty,
            "errors": self.errors,
            "near_duplicates": self.near_duplicates,
            "error_messages": self.error_messages,
        }


def content_hash(text: str) -> str:
    """The identity of a document: SHA-256 of ``chars.dedup_key(text)`` (whitespace runs
    collapsed, zero-width spaces dropped), the key ``batch`` dedup compares too.

    >>> content_hash("ក  ខ") == content_hash("ក ខ")
    True
    >>> content_hash("ក\u200bខ") == content_hash("កខ")
    True
    """
    require_str(text)
    return hashlib.sha256(dedup_key(text).encode("utf-8")).hexdigest()


def _legacy_hash(text: str) -> str:
    """The identity older archives stored (ZWSPs kept), still recognised on re-ingest."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


# -- reading inputs ----------------------------------------------------------------------------


class _TextOnly(HTMLParser):
    """Fallback HTML -> text when trafilatura finds no main content (very short pages)."""

    _SKIP = {"script", "style", "noscript", "template", "head"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def html_to_source(markup: str, source: str | None = None) -> Source:
    """Main text (and title, date, url when present) of an HTML page."""
    text = title = when = url = None
    try:
        import trafilatura

        text = trafilatura.extract(
            markup, include_comments=False, include_tables=True, favor_recall=True
        )
        meta = trafilatura.extract_metadata(markup)
        if meta is not None:
            title, when, url = meta.title, meta.date, meta.url
    except Exception:  # noqa: BLE001 - a broken page falls back to plain tag stripping
        text = None
    if not text or not text.strip():
        parser = _TextOnly()
        parser.feed(markup)
        parser.close()
        text = re.sub(r"\n\s*\n+", "\n\n", "".join(parser.parts)).strip()
        title = title or (html.unescape("".join(parser.title)).strip() or None)
    return Source(text=text, title=title, date=_iso_date(when), url=url, source=source)


def _iso_date(value: Any) -> str | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def _markdown_title(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            m = re.match(r"#{1,6}\s+(.+)", line.strip())
            return m.group(1).strip() if m else None
    return None


def _expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() in SUFFIXES
                    and child.stem.lower() not in _NOT_DOCUMENTS
                    and not any(part.startswith(".") for part in child.relative_to(p).parts)
                ):
                    yield child
        else:
            yield p


def count_sources(paths: Iterable[str | Path]) -> int:
    """How many documents :func:`iter_sources` will yield (for a progress bar)."""
    total = 0
    for p in _expand(paths):
        if p.suffix.lower() == ".jsonl" and p.is_file():
            with open(p, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Source]:
    """Documents of the given files and directories, in a stable order."""
    for p in _expand(paths):
        name = str(p)
        if not p.exists():
            yield Source(text="", source=name, error="no such file")
            continue
        suffix = p.suffix.lower()
        if suffix not in SUFFIXES:
            yield Source(text="", source=name, error=f"unsupported file type {suffix or '(none)'}")
            continue
        if suffix == ".jsonl":
            yield from _jsonl_sources(p)
            continue
        try:
            raw = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield Source(text="", source=name, error=f"cannot read as UTF-8 text: {exc}")
            continue
        if suffix in (".html", ".htm"):
            yield html_to_source(raw, source=name)
        elif suffix in (".md", ".markdown"):
            yield Source(text=raw, title=_markdown_title(raw), source=name)
        else:
            yield Source(text=raw, source=name)


def _opt_str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return None if value is None else str(value)


def _jsonl_sources(path: Path) -> Iterator[Source]:
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Source(text="", source=where, error=f"invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                yield Source(text="", source=where, error='each line needs a "text" string')
                continue

            yield Source(
                text=obj["text"],
                title=_opt_str(obj, "title"),
                date=_iso_date(obj.get("date")),
                url=_opt_str(obj, "url"),
                ext_id=_opt_str(obj, "id"),
                source=where,
            )


# -- preparing ---------------------------------------------------------------------------------


_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")


def _romanized(name: str) -> str | None:
    """UNGEGN romanization of a name, so filters also accept Latin spellings."""
    try:
        from sleukrith import romanize

        return romanize(name) or None
    except Exception:  # noqa: BLE001 - a name without romanization is still stored
        return None


def _entity_rows(entities: list[dict[str, Any]]) -> list[EntityRow]:
    rows = []
    for ent in entities:
        label = ent.get("label")
        if label not in FACET_LABELS:
            continue
        text = str(ent.get("text") or "")
        value = ent.get("value") if isinstance(ent.get("value"), dict) else {}
        display = text
        en = None
        if label == "PERSON":
            display = str(value.get("name") or text).strip() or text
            en = value.get("romanized") or _romanized(display)
        elif label == "LOC":
            en = value.get("name_en")
            display = place_name(display)
        display = _ZERO_WIDTH.sub("", display)
        key = fold_key(display)
        if not key:
            continue
        rows.append(
            EntityRow(
                label=label,
                start=int(ent.get("start", 0)),
                end=int(ent.get("end", 0)),
                text=text,
                display=display,
                key=key,
                en=latin_key(str(en)) if en else None,
            )
        )
    return rows


def _first_line(text: str, limit: int = 120) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return None


def _shingles(terms: list[str]) -> list[bytes]:
    if len(terms) < 3:
        return [t.encode("utf-8") for t in terms]
    return [" ".join(terms[i : i + 3]).encode("utf-8") for i in range(len(terms) - 2)]


_PERMUTATIONS: Any = None


def minhash_of(terms: list[str]) -> Any:
    """A datasketch MinHash of the word 3-shingles of ``terms`` (None when there are none)."""
    global _PERMUTATIONS
    from datasketch import MinHash

    shingles = _shingles(terms)
    if not shingles:
        return None
    if _PERMUTATIONS is None:
        _PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=_SCHEME).permutations
    mh = MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS, scheme=_SCHEME)
    mh.update_batch(shingles)
    return mh


def _minhash_from_bytes(blob: bytes | None) -> Any:
    global _PERMUTATIONS
    if blob is None:
        return None
    import numpy as np
    from datasketch import MinHash

    values = np.frombuffer(blob, dtype=_DTYPE)
    if len(values) != NUM_PERM:
        return None
    if _PERMUTATIONS is None:
        _PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=_SCHEME).permutations
    return MinHash(
        num_perm=NUM_PERM, hashvalues=values, permutations=_PERMUTATIONS, scheme=_SCHEME
    )


def prepare(src: Source, *, analyze: bool = True) -> PreparedDocument:
    """Analyse one source and compute everything the archive stores for it (no DB access)."""
    text = src.text
    title, when = src.title, src.date
    analysis = None
    entities: list[EntityRow] = []
    if analyze:
        from sleukrith import analyze as run_analysis

        reference = date.fromisoformat(when) if when else None
        document = run_analysis(text, reference=reference)
        analysis = document.to_dict()
        title = title or analysis.get("title")
        when = when or analysis.get("date")
        entities = _entity_rows(analysis.get("entities") or [])
    title = title or _first_line(text)
    terms = index_terms(text)
    title_terms = query_terms(title) if title else []
    term_texts = [t.text for t in terms]
    mh = minhash_of(term_texts)
    return PreparedDocument(
        hash=content_hash(text),
        text=text,
        title=title,
        date=_iso_date(when),
        title_terms=" ".join(title_terms),
        terms=" ".join(term_texts),
        spans=pack_spans(terms),
        analysis=analysis,
        entities=entities,
        minhash=None if mh is None else mh.hashvalues.tobytes(),
        ext_id=src.ext_id,
        source=src.source,
        url=src.url,
    )


# -- storing -----------------------------------------------------------------------------------


class Ingestor:
    """Adds sources to an archive: dedupe, analysis, near-duplicate links, transactions.

    >>> ing = Ingestor(Archive(":memory:"))  # doctest: +SKIP
    >>> ing.add(Source("សួស្តី")).status  # doctest: +SKIP
    'added'
    """

    def __init__(
        self,
        archive: Archive,
        *,
        analyze: bool = True,
        near_threshold: float = 0.8,
        batch_size: int = 1,
    ) -> None:
        self.archive = archive
        self.analyze = analyze
        self.near_threshold = near_threshold
        self.batch_size = max(1, batch_size)
        self._lsh: Any = None
        self._pending: list[tuple[PreparedDocument, Any, Outcome]] = []
        self._pending_hashes: set[str] = set()

    def _index(self) -> Any:
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=self.near_threshold, num_perm=NUM_PERM)
            for doc_id, blob in self.archive.signatures():
                mh = _minhash_from_bytes(blob)
                if mh is not None:
                    self._lsh.insert(doc_id, mh)
        return self._lsh

    def add(self, src: Source) -> Outcome:
        """Ingest one source (committed at once unless batching)."""
        if src.error:
            return Outcome("error", source=src.source, message=src.error)
        if not src.text.strip():
            return Outcome("empty", source=src.source, message="no text")
        digest = content_hash(src.text)
        existing = self.archive.find_hash(digest)
        if existing is None and "\u200b" in src.text:
            existing = self.archive.find_hash(_legacy_hash(src.text))
        if existing is not None or digest in self._pending_hashes:
            return Outcome("duplicate", id=existing, source=src.source)
        try:
            prepared = prepare(src, analyze=self.analyze)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a run
            return Outcome("error", source=src.source, message=f"{type(exc).__name__}: {exc}")
        mh = _minhash_from_bytes(prepared.minhash)
        outcome = Outcome("added", source=src.source)
        self._pending.append((prepared, mh, outcome))
        self._pending_hashes.add(digest)
        if len(self._pending) >= self.batch_size:
            self.flush()
        return outcome

    def flush(self) -> None:
        """Commit the open batch (one transaction)."""
        if not self._pending:
            return
        lsh = self._index()
        fresh: dict[int, Any] = {}
        try:
            with self.archive.write_lock, self.archive.transaction():
                for prepared, mh, outcome in self._pending:
                    near: list[tuple[int, float]] = []
                    if mh is not None:
                        near = self._similar(mh, list(lsh.query(mh)), fresh)
                    outcome.id = self.archive.insert(prepared, near)
                    outcome.near = near
                    if mh is not None:
                        # visible to the rest of this batch at once
                        lsh.insert(outcome.id, mh)
                        fresh[outcome.id] = mh
        except BaseException:
            self._lsh = None  # rolled back: rebuild the index from what was committed
            for _prepared, _mh, outcome in self._pending:
                outcome.status, outcome.id, outcome.near = "error", None, []
                outcome.message = "the batch was rolled back"
            self._pending.clear()
            self._pending_hashes.clear()
            raise
        self._pending.clear()
        self._pending_hashes.clear()

    def _similar(
        self, mh: Any, candidates: list[int], fresh: dict[int, Any]
    ) -> list[tuple[int, float]]:
        found = []
        for cid in dict.fromkeys(candidates):
            other = fresh.get(cid)
            if other is None:
                row = self.archive.conn.execute(
                    "SELECT minhash FROM documents WHERE id = ?", (cid,)
                ).fetchone()
                other = None if row is None else _minhash_from_bytes(row[0])
                if other is None:
                    continue
            similarity = float(mh.jaccard(other))
            if similarity >= self.near_threshold:
                found.append((cid, round(similarity, 3)))
        return found


def ingest_paths(
    archive: Archive,
    paths: Iterable[str | Path],
    *,
    analyze: bool = True,
    batch_size: int = 1,
    progress: Callable[[Outcome], None] | None = None,
) -> Summary:
    """Ingest every document of ``paths``; returns the counts."""
    ingestor = Ingestor(archive, analyze=analyze, batch_size=batch_size)
    outcomes: list[Outcome] = []
    for src in iter_sources(paths):
        outcome = ingestor.add(src)
        outcomes.append(outcome)
        if progress is not None:
            progress(outcome)
    ingestor.flush()
    summary = Summary()
    for outcome in outcomes:
        summary.record(outcome)
    return summary
