"""View models for the web app: plain dicts and lists the templates render (always escaped).

Nothing here builds HTML: highlighted text is a list of parts ``{"text", "label"}`` that the
templates wrap in elements, so hostile text can never become markup.

>>> highlight_parts("abc", [(1, 2, "X", "")])[1]["label"]
'X'
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from sleukrith.archive.search import SearchResult

__all__ = [
    "analyze_dict",
    "normalize_dict",
    "words_dict",
    "dates_dict",
    "document_view",
    "result_view",
    "highlight_parts",
    "endpoints",
    "lunar_text",
]

LABEL_NAMES = {
    "PERSON": "person",
    "ORG": "organisation",
    "LOC": "place",
    "DATE": "date",
    "TIME": "time",
    "QUANTITY": "quantity",
    "MONEY": "money",
    "PERCENT": "percent",
}


def _plain(obj: Any) -> Any:
    """A JSON-able copy of a NamedTuple / dataclass / date value."""
    if hasattr(obj, "_asdict"):
        return {k: _plain(v) for k, v in obj._asdict().items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, date | datetime):
        return obj.isoformat()
    if hasattr(obj, "isoformat"):  # datetime.time
        return obj.isoformat()
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return obj


def analyze_dict(text: str) -> dict[str, Any]:
    """``sleukrith.analyze(text).to_dict()``."""
    from sleukrith import analyze

    return analyze(text).to_dict()


def normalize_dict(text: str) -> dict[str, Any]:
    """Normalized and folded text plus the explained fixes."""
    from sleukrith.normalize import explain, normalize

    return {
        "text": text,
        "normalized": normalize(text),
        "folded": normalize(text, fold=True),
        "fixes": [_plain(f) for f in explain(text)],
    }


def words_dict(text: str) -> dict[str, Any]:
    from sleukrith.segment import words

    found = words(text)
    return {"words": found, "count": sum(1 for w in found if w.strip())}


def lunar_text(iso: str | None) -> str | None:
    """The Khmer lunar date of an ISO date (None when unknown or out of range)."""
    if not iso:
        return None
    try:
        day = date.fromisoformat(str(iso)[:10])
        from sleukrith import lunar

        return lunar.from_gregorian(day).format()
    except Exception:  # noqa: BLE001 - a lunar date is an extra, never a reason to fail a page
        return None


def dates_dict(text: str) -> dict[str, Any]:
    from sleukrith.dates import find_dates

    out = []
    for match in find_dates(text):
        item = _plain(match)
        if not isinstance(item, dict):
            item = {"text": str(match)}
        item["lunar"] = lunar_text(item.get("value")) if item.get("kind") != "lunar" else None
        out.append(item)
    return {"dates": out}


def highlight_parts(text: str, spans: list[tuple[int, int, str, str]]) -> list[dict[str, Any]]:
    """Cut ``text`` into parts; ``spans`` are (start, end, label, tip); overlaps are dropped."""
    parts: list[dict[str, Any]] = []
    pos = 0
    for start, end, label, tip in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if start < pos or end <= start or end > len(text):
            continue
        if start > pos:
            parts.append({"text": text[pos:start], "label": None, "tip": None})
        parts.append({"text": text[start:end], "label": label, "tip": tip})
        pos = end
    if pos < len(text):
        parts.append({"text": text[pos:], "label": None, "tip": None})
    return parts


def result_view(result: SearchResult) -> dict[str, Any]:
    spans = [(s, e, "hit", "") for s, e in result.highlights]
    return {
        "id": result.id,
        "title": result.title or f"#{result.id}",
        "date": result.date,
        "source": result.source,
        "parts": highlight_parts(result.snippet, spans),
    }


def _tip(entity: dict[str, Any]) -> str:
    label = LABEL_NAMES.get(entity.get("label", ""), entity.get("label", ""))
    value = entity.get("value")
    if isinstance(value, dict):
        bits = [f"{k}: {v}" for k, v in value.items() if v not in (None, "", [], {})]
        return f"{label} — " + "; ".join(bits) if bits else label
    if value not in (None, ""):
        return f"{label} — {value}"
    return label


def document_view(text: str, analysis: dict[str, Any] | None) -> dict[str, Any]:
    """Everything the document page shows, from the original text and its analysis."""
    view: dict[str, Any] = {
        "parts": [{"text": text, "label": None, "tip": None}],
        "analysed": analysis is not None,
        "record": None,
        "dates": [],
        "people": [],
        "places": [],
        "organisations": [],
        "normalized": None,
        "fixes": [],
        "cleaning": [],
        "counts": {},
    }
    if analysis is not None:
        entities = [e for e in analysis.get("entities") or [] if isinstance(e, dict)]
        view["parts"] = highlight_parts(
            text,
            [
                (int(e["start"]), int(e["end"]), str(e.get("label")), _tip(e))
                for e in entities
                if isinstance(e.get("start"), int) and isinstance(e.get("end"), int)
            ],
        )
        counts: dict[str, int] = {}
        for e in entities:
            counts[e.get("label", "?")] = counts.get(e.get("label", "?"), 0) + 1
        view["counts"] = counts
        seen: set[tuple[str, str]] = set()
        for e in entities:
            label, value = e.get("label"), e.get("value")
            key = (str(label), str(e.get("text")))
            if key in seen:
                continue
            seen.add(key)
            value = value if isinstance(value, dict) else {}
            if label == "PERSON":
                romanized = value.get("romanized") or _romanize(value.get("name") or e["text"])
                view["people"].append(
                    {"text": e["text"], "name": value.get("name"), "role": value.get("role"),
                     "romanized": romanized}
                )
            elif label == "LOC":
                view["places"].append(
                    {"text": e["text"], "type": value.get("type"), "name_en": value.get("name_en"),
                     "province": value.get("province")}
                )
            elif label == "ORG":
                view["organisations"].append({"text": e["text"]})
            elif label == "DATE":
                iso = e.get("value") if isinstance(e.get("value"), str) else None
                view["dates"].append(
                    {"text": e["text"], "iso": iso, "lunar": lunar_text(iso)}
                )
        record = analysis.get("record")
        if isinstance(record, dict):
            view["record"] = _record_view(record)
        view["cleaning"] = [c for c in analysis.get("cleaning") or [] if isinstance(c, dict)]
    try:
        normalized = normalize_dict(text)
        view["normalized"] = normalized["normalized"]
        view["fixes"] = normalized["fixes"]
    except Exception:  # noqa: BLE001 - the page still shows the original text
        view["normalized"] = None
    return view


def _romanize(text: str) -> str | None:
    try:
        from sleukrith import romanize

        return romanize(text)
    except Exception:  # noqa: BLE001 - romanization is optional on the page
        return None


def _person(p: Any) -> str | None:
    if not isinstance(p, dict):
        return None if p is None else str(p)
    bits = [p.get("text") or p.get("name") or ""]
    if p.get("role"):
        bits.append(f"({p['role']})")
    return " ".join(b for b in bits if b) or None


def _record_view(record: dict[str, Any]) -> list[tuple[str, Any]]:
    """(label, value) rows of the record card; values are strings or lists of strings."""
    rows: list[tuple[str, Any]] = []
    place = record.get("place")
    rows.append(("Kind", record.get("kind")))
    rows.append(("Date", record.get("date")))
    if record.get("date"):
        rows.append(("Lunar date", lunar_text(record.get("date"))))
    rows.append(("Time", record.get("time")))
    rows.append(("Place", place.get("text") if isinstance(place, dict) else place))
    rows.append(("Chair", _person(record.get("chair"))))
    rows.append(("Participants", [_person(p) for p in record.get("participants") or []]))
    rows.append(("Organisations", [str(o) for o in record.get("organisations") or []]))
    rows.append(("Attendance", record.get("attendance")))
    rows.append(("Topics", [str(t) for t in record.get("topics") or []]))
    rows.append(("Decisions", [str(t) for t in record.get("decisions") or []]))
    upcoming = []
    for item in record.get("upcoming") or []:
        if isinstance(item, dict):
            when = item.get("date") or item.get("when")
            upcoming.append(" — ".join(str(x) for x in (when, item.get("text")) if x))
    rows.append(("Upcoming", upcoming))
    return [(k, v) for k, v in rows if v not in (None, "", [])]


def endpoints(openapi: dict[str, Any]) -> list[dict[str, Any]]:
    """The API reference rows of the offline ``/docs`` page, from the OpenAPI document."""
    rows = []
    for path, methods in openapi.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p.get("name"),
                    "where": p.get("in"),
                    "required": p.get("required", False),
                    "type": (p.get("schema") or {}).get("type")
                    or "/".join(
                        str(s.get("type")) for s in (p.get("schema") or {}).get("anyOf", [])
                    ),
                }
                for p in op.get("parameters", [])
            ]
            body = list((op.get("requestBody") or {}).get("content", {}).keys())
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary") or "",
                    "description": op.get("description") or "",
                    "params": params,
                    "body": body,
                }
            )
    return rows
