"""The analysed document: :func:`analyze` and :class:`Document`, the type every shell uses.

A :class:`Document` keeps the input untouched and describes it with spans ``(start, end)`` into
it: title, paragraphs, sentences, tokens, entities, the scraping noise left out (each removal with
its reason), the normalization fixes, and the event record.

    >>> doc = analyze("ប្រជុំ\\nថ្ងៃទី២ ខែមីនា ឆ្នាំ២០២៤ លោក សុខ ដារ៉ា បានដឹកនាំកិច្ចប្រជុំ។\\nIMG_1234.jpg")
    >>> doc.title, doc.date.isoformat(), [r.reason for r in doc.cleaning]
    ('ប្រជុំ', '2024-03-02', ['image-caption'])
    >>> doc.to_dict()["record"]["chair"]["name"]
    'សុខ ដារ៉ា'
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from sleukrith.chars import require_str
from sleukrith.clean import Removal, find_noise, find_title, line_spans, without_web_stamp
from sleukrith.dates import DateMatch, find_dates, weekday_named
from sleukrith.entities import Entity, english_month, find_entities
from sleukrith.normalize import Fix
from sleukrith.records import Record, build_record
from sleukrith.segment import Token, sentence_spans, tokenize

__all__ = ["Document", "Removal", "analyze"]


class Document:
    """Everything sleukrith knows about one text, as spans of the original ``text``.

    Fields (CONTRACT.md): ``text``, ``title``, ``title_span``, ``date`` (the report's own date),
    ``paragraphs`` (content lines: title and noise left out), ``sentences``, ``tokens``,
    ``entities``, ``record``, ``cleaning`` (list of :class:`Removal`), ``fixes``. ``tokens`` is
    computed on first use, so analysing a very large text does not hold every token.
    """

    __slots__ = (
        "text",
        "title",
        "title_span",
        "date",
        "paragraphs",
        "sentences",
        "_tokens",
        "entities",
        "record",
        "cleaning",
        "fixes",
    )

    def __init__(
        self,
        text: str,
        *,
        title: str | None = None,
        title_span: tuple[int, int] | None = None,
        date: date | None = None,
        paragraphs: list[tuple[int, int]] | None = None,
        sentences: list[tuple[int, int]] | None = None,
        tokens: list[Any] | None = None,
        entities: list[Entity] | None = None,
        record: Record | None = None,
        cleaning: list[Removal] | None = None,
        fixes: list[Any] | None = None,
    ) -> None:
        self.text = text
        self.title = title
        self.title_span = title_span
        self.date = date
        self.paragraphs = paragraphs or []
        self.sentences = sentences or []
        self._tokens = tokens
        self.entities = entities or []
        self.record = record or Record()
        self.cleaning = cleaning or []
        self.fixes = fixes or []

    @property
    def tokens(self) -> list[Any]:
        """Tokens of the whole text (``sleukrith.segment.tokenize``), computed once on use."""
        if self._tokens is None:
            self._tokens = _tokenize(self.text)
        return self._tokens

    @tokens.setter
    def tokens(self, value: list[Any]) -> None:
        self._tokens = value

    def __repr__(self) -> str:
        return (
            f"Document(title={self.title!r}, date={self.date}, "
            f"entities={len(self.entities)}, chars={len(self.text)})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def entities_of(self, label: str) -> list[Entity]:
        """The entities with one label, e.g. ``doc.entities_of("PERSON")``."""
        return [e for e in self.entities if e.label == label]

    def to_dict(self) -> dict[str, Any]:
        """JSON-able dict (keys in CONTRACT.md; schema in docs/document.schema.json)."""
        return {
            "text": self.text,
            "title": self.title,
            "title_span": list(self.title_span) if self.title_span else None,
            "date": self.date.isoformat() if self.date else None,
            "paragraphs": [[s, e] for s, e in self.paragraphs],
            "sentences": [[s, e] for s, e in self.sentences],
            "tokens": [
                {"text": t.text, "start": t.start, "end": t.end, "kind": t.kind}
                for t in self.tokens
            ],
            "entities": [e.to_dict() for e in self.entities],
            "record": self.record.to_dict(),
            "cleaning": [
                {"start": r.start, "end": r.end, "text": r.text, "reason": r.reason}
                for r in self.cleaning
            ],
            "fixes": [f.to_dict() for f in self.fixes],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        """Rebuild a Document from :meth:`to_dict` output (as the archive stores it)."""
        ts = d.get("title_span")
        day = d.get("date")
        return cls(
            d["text"],
            title=d.get("title"),
            title_span=(int(ts[0]), int(ts[1])) if ts else None,
            date=date.fromisoformat(day) if day else None,
            paragraphs=[(int(s), int(e)) for s, e in d.get("paragraphs", [])],
            sentences=[(int(s), int(e)) for s, e in d.get("sentences", [])],
            tokens=[Token(t["text"], t["start"], t["end"], t["kind"]) for t in d.get("tokens", [])],
            entities=[Entity.from_dict(e) for e in d.get("entities", [])],
            record=Record.from_dict(d.get("record")),
            cleaning=[
                Removal(r["start"], r["end"], r["text"], r["reason"]) for r in d.get("cleaning", [])
            ],
            fixes=[
                Fix(f["rule"], f["start"], f["end"], f["before"], f["after"], f["message"])
                for f in d.get("fixes", [])
            ],
        )


def _tokenize(text: str) -> list[Token]:
    return list(tokenize(text))


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in sentence_spans(text)]


_TOLD_COMING_RE = re.compile("នឹង|គ្រោង|ខាង[\u200b ]?មុខ")
_FUTURE_AFTER_RE = re.compile("[ \u200b]*(?:ខាងមុខ|ក្រោយ|តទៅ)")
_FUTURE_BEFORE_RE = re.compile("(?:នឹង|គ្រោង|ចាប់ពី|រហូតដល់|ត្រឹម|មុន|ដល់|ពី|ក្នុង)[^។៕]{0,30}$")


_WEB_STAMP_RE = re.compile(r"(?<![0-9])([0-3]?[0-9]), ([A-Z][a-z]{2}) ((?:19|20)[0-9]{2})(?![0-9])")


def _report_date(text: str, spans: list[tuple[int, int]]) -> date | None:
    """The first full (day, month, year) date of the first paragraphs that is not a coming
    or bounding date ("... ខាងមុខ", "ចាប់ពី ...", "នឹង ... នៅ ..."); else the first full date,
    unless that is a day told as coming and a day of the lead, dated by the year the text gives
    it, falls before it."""
    first = None
    told = False
    lead: list[tuple[str, list[DateMatch]]] = []  # the lines read and their dates
    for s, e in spans[:6]:
        line = text[s:e]
        sm = _WEB_STAMP_RE.search(line)
        if sm:
            # a web page's publication stamp ("21, Oct 2019 , 7:19 pm"): the report's day
            month = english_month(sm.group(2))
            try:
                return date(int(sm.group(3)), month or 0, int(sm.group(1)))
            except ValueError:
                pass
        dates = find_dates(line)
        lead.append((line, dates))
        for d in dates:
            if d.kind in ("date", "datetime") and not d.relative and d.value is not None:
                v = d.value.date() if isinstance(d.value, datetime) else d.value
                if not isinstance(v, date):
                    continue
                if _coming(line, d):
                    if first is None:
                        first = v
                        # a day told as coming ("សវនាការ...គ្រោងធ្វើនៅថ្ងៃទី១៥ ខែធ្នូ ឆ្នាំ២០២៦")
                        told = bool(d.day) and bool(
                            _TOLD_COMING_RE.search(line, max(0, d.start - 30), d.end + 8)
                        )
                    continue
                return _latest_told_day(v, lead)
    if first is not None and told:
        # the report is written before a day it tells as coming: a day of the lead dated
        # before it is the report's
        by_year = _dated_by_this_year(text, spans, lead)
        if by_year is not None and by_year < first:
            return by_year
    return first or _dated_by_this_year(text, spans, lead)


def _latest_told_day(v: date, lead: list[tuple[str, list[DateMatch]]]) -> date:
    """The report date when its first full date is ``v``: a report is written on or after
    every day it tells as past, so a day and month of the lines read so far, written without a
    year, with ថ្ងៃ and not told as coming, that falls up to 45 days after ``v`` in its year moves the
    report date to that day (``... នៅថ្ងៃទី២០ ខែតុលា ...`` in the lead and ``យប់ថ្ងៃទី១៨ ខែតុលា
    ឆ្នាំ២០១៩`` further on: the report is of the 20th)."""
    best = v
    for line, dates in lead:
        for d in dates:
            if not _yearless_day(d) or d.relative or "ថ្ងៃ" not in d.text or _coming(line, d):
                continue  # (a day named without ថ្ងៃ may be a holiday: ៩វិច្ឆិកា)
            day = _report_day(line, d, v.year)
            if day is not None and 0 < (day - v).days <= 45 and day > best:
                best = day
    return best


def _coming(line: str, d: DateMatch) -> bool:
    """A coming or bounding date ("... ខាងមុខ", "ចាប់ពី ...", "នឹង ... នៅ ...")."""
    said = d.text.replace("\u200b", "")
    before = line[max(0, d.start - 40) : d.start].replace("\u200b", "")
    return bool(
        said.endswith(("ខាងមុខ", "ក្រោយ", "តទៅ"))
        or "ខាងមុខ" in said  # (before its clock time: "ថ្ងៃទី២០ ខែតុលា ខាងមុខ វេលាម៉ោង...")
        or _FUTURE_AFTER_RE.match(line, d.end)
        or _FUTURE_BEFORE_RE.search(before)
    )


_THIS_AFTER_RE = re.compile("[ \u200b]*នេះ")
_YESTERDAY_AFTER_RE = re.compile("[ \u200b]*ម្សិលមិញ")


def _yearless_day(d: DateMatch) -> bool:
    """A day and month written without a year."""
    return d.kind in ("date", "datetime") and not d.year and bool(d.day and d.month)


def _report_day(line: str, d: DateMatch, year: int) -> date | None:
    """The report's day told by the yearless day ``d`` of ``line`` in ``year``: that day, or the
    next for a day told as yesterday ("... ម្សិលមិញ"); ``None`` for an impossible day."""
    try:
        day = date(year, d.month or 0, d.day or 0)
    except ValueError:
        return None
    if d.text.replace("\u200b", "").endswith("ម្សិលមិញ") or _YESTERDAY_AFTER_RE.match(line, d.end):
        day += timedelta(days=1)
    return day


def _dated_by_this_year(
    text: str, spans: list[tuple[int, int]], lead: list[tuple[str, list[DateMatch]]]
) -> date | None:
    """No full date in the lead: a day and month of the lead (not a coming one) completed with
    the year the text gives it. ``lead`` holds the first lines with the dates already found in
    them. The year is, in this order: the year the text calls "this year" (``ឆ្នាំ២០១៩នេះ``,
    ``ចុងឆ្នាំ២០១៩ នេះ``); the one year, of those the text names, in which the day falls on
    the weekday written with it (``ថ្ងៃសុក្រ ទី១៨ ខែតុលា``); the year of the full dates the text
    gives within 45 days of it (``ថ្ងៃទី១៥ តុលា`` ... ``ថ្ងៃទី១៧ ខែតុលា ឆ្នាំ២០១៩``), when they
    agree."""
    later = [find_dates(text[s:e]) for s, e in spans[len(lead) : 40]]
    every = [d for _, dates in lead for d in dates] + [d for dates in later for d in dates]
    this_year = None
    for k, (s, e) in enumerate(spans[:40]):
        line = lead[k][0] if k < len(lead) else text[s:e]
        dates = lead[k][1] if k < len(lead) else later[k - len(lead)]
        for d in dates:
            if d.kind == "year" and _THIS_AFTER_RE.match(line, d.end) and isinstance(d.value, date):
                this_year = d.value.year
                break
        if this_year:
            break
    named = {d.year for d in every if d.year and 1900 <= d.year <= 2100}
    full = [
        d.value.date() if isinstance(d.value, datetime) else d.value
        for d in every
        if d.kind in ("date", "datetime") and d.year and isinstance(d.value, date)
    ]
    first = None
    for line, dates in lead:
        for d in dates:
            if not _yearless_day(d):
                continue
            year = this_year or _year_of_day(d, named, full)
            v = _report_day(line, d, year) if year is not None else None
            if v is None:
                continue
            if _coming(line, d):
                first = first or v
                continue
            return v
    return first


def _year_of_day(d: DateMatch, named: set[int], full: list[date]) -> int | None:
    """The year of a day and month written without one (see ``_dated_by_this_year``): by its
    weekday among the years the text names, else by the full dates near it."""
    weekday = weekday_named(d.text)
    if weekday is not None:
        fits = set()
        for y in named:
            try:
                if date(y, d.month or 0, d.day or 0).weekday() == weekday:
                    fits.add(y)
            except ValueError:
                continue
        if len(fits) == 1:
            return fits.pop()
    near = set()
    for v in full:
        try:
            if abs((date(v.year, d.month or 0, d.day or 0) - v).days) <= 45:
                near.add(v.year)
        except ValueError:
            continue
    return near.pop() if len(near) == 1 else None


def analyze(text: str, *, reference: date | None = None) -> Document:
    """Analyse a report: cleaning, title, sentences, entities and the event record.

    ``reference`` is the report's date when known (it resolves dates written without a year and
    decides which events are upcoming); otherwise the first full date of the text is used.

    >>> analyze("លោក សុខ ដារ៉ា ជាប្រធាន។").entities[0].label
    'PERSON'
    """
    require_str(text)
    if reference is not None and isinstance(reference, datetime):
        reference = reference.date()
    if reference is not None and not isinstance(reference, date):
        raise TypeError(f"reference must be a datetime.date, not {type(reference).__name__}")
    removals = find_noise(text)
    removed = [(r.start, r.end) for r in removals]
    title_span = find_title(text, removals)
    lines = line_spans(text)
    removed_set = set(removed)
    content = [sp for sp in lines if sp not in removed_set]
    paragraphs = [sp for sp in content if sp != title_span]
    report_date = reference or _report_date(text, content)
    fixes: list[Any] = []
    entities = find_entities(text, reference=report_date, spans=content, fixes_out=fixes)
    sentences = _sentences(text)
    record = build_record(
        text,
        title_span=title_span,
        paragraphs=paragraphs,
        sentences=sentences,
        entities=entities,
        report_date=report_date,
        removed=removed,
    )
    tokens = None if len(text) > 200_000 else _tokenize(text)
    shown = without_web_stamp(text, title_span) if title_span else None
    return Document(
        text,
        title=text[shown[0] : shown[1]] if shown else None,
        title_span=shown,
        date=report_date,
        paragraphs=paragraphs,
        sentences=sentences,
        tokens=tokens,
        entities=entities,
        record=record,
        cleaning=removals,
        fixes=fixes,
    )
