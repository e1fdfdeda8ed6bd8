"""Dates and times in Khmer text: ``find_dates`` and ``format_date``.

This module owns reading Gregorian dates, times, date ranges, month and year mentions
(including Buddhist Era years) from running Khmer text, and writing Khmer dates. Lunar dates
written in text are found by ``sleukrith.lunar.find_lunar`` and reported here as kind "lunar".

Matching runs on a same-length folded view of the text (Khmer digits to ASCII, ្ដ to ្ត, ZWSP
and no-break space to a space, see ``sleukrith.numbers.fold_for_matching``), so every span is
a span of the ORIGINAL text. The rules (12-hour periods, BE years, completion of partial
dates from a reference date) are documented in ``docs/dates.md``.

Example::

    >>> [(m.text, m.value, m.kind) for m in find_dates("ថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០២១")]
    [('ថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០២១', datetime.date(2021, 11, 29), 'date')]
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import NamedTuple

from sleukrith.chars import require_str
from sleukrith.numbers import (
    _MULTIPLIERS,
    _TEN_WORDS,
    _UNIT_WORDS,
    fold_for_matching,
    parse_number,
    to_khmer_digits,
)

__all__ = [
    "DateMatch",
    "find_dates",
    "format_date",
    "MONTHS",
    "WEEKDAYS",
    "to_24h",
    "be_to_ad",
    "ad_to_be",
]

MONTHS = (
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
)
"""Khmer Gregorian month names, January first."""

WEEKDAYS = ("ចន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ")
"""Khmer weekday names, Monday first (``date.weekday()`` order)."""


class DateMatch(NamedTuple):
    """A date or time found in text; ``start``/``end`` index the ORIGINAL text.

    ``kind``: date, datetime, time, date_range, year, month, lunar. ``value`` is a
    ``date``/``datetime``/``time`` (a year or month is given as its first day), or None when
    the expression is invalid (ថ្ងៃទី៣២) or partial with no reference date to complete it.
    ``end_value`` is the last day of a range (the end time of a time range); ``relative`` is True when the value was completed
    from the reference date; ``be_year`` is the Buddhist Era year when the text wrote one.
    ``day``, ``month``, ``year`` are the parts as written (year in the era written, None when
    absent), also for invalid or uncompleted dates.
    """

    start: int
    end: int
    text: str
    value: _dt.date | _dt.datetime | _dt.time | None
    kind: str
    end_value: _dt.date | _dt.datetime | _dt.time | None = None
    relative: bool = False
    be_year: int | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None


# --- vocabulary (folded spellings) -----------------------------------------------------------

_MONTH_SPELLINGS = {
    "មករា": 1,
    "កុម្ភៈ": 2,
    "កុម្ភះ": 2,
    "កុម្ភ:": 2,  # ASCII colon typed for ៈ
    "កុម្ភ": 2,
    "មីនា": 3,
    "មិនា": 3,
    "មេសា": 4,
    "ឧសភា": 5,
    "ឩសភា": 5,
    "មិថុនា": 6,
    "កក្កដា": 7,
    "សីហា": 8,
    "កញ្ញា": 9,
    "តុលា": 10,
    "វិច្ឆិកា": 11,
    "វិច្ចិកា": 11,
    "ធ្នូ": 12,
}
_WEEKDAY_SPELLINGS = {
    "ច័ន្ទ": 0,
    "ចន្ទ": 0,
    "អង្គារ": 1,
    "ពុធ": 2,
    "ព្រហស្បតិ៍": 3,
    "ព្រហស្បត្តិ៍": 3,
    "ព្រហស្បតិ": 3,
    "សុក្រ": 4,
    "សៅរ៍": 5,
    "សៅរិ៍": 5,
    "សៅរ": 5,
    "អាទិត្យ": 6,
}
_WEEKDAY_ABBR = {"ច.": 0, "អ.": 1, "ពុ.": 2, "ព្រ.": 3, "សុ.": 4, "ស.": 5, "អា.": 6}
_DAYPARTS = (
    "ថ្ងៃត្រង់",
    "អធ្រាត្រ",
    "ព្រលឹម",
    "ទៀបភ្លឺ",
    "ព្រឹក",
    "រសៀល",
    "ល្ងាច",
    "ព្រលប់",
    "យប់",
)


def _alt(words) -> str:  # noqa: ANN001
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_S = "[ \t]*"
_NM = "(?![\u17b6-\u17d3\u17dd])"  # the word does not continue with a Khmer mark
_D12 = "(?<![0-9])[0-9]{1,2}(?![0-9])"
_Y4 = "(?<![0-9])[0-9]{4}(?![0-9])"
_MONTH_NAME = f"(?:{_alt(_MONTH_SPELLINGS)}){_NM}"
# numbers spelled out: a day/month/hour is at most a ten word and a unit word (ម្ភៃ ប្រាំ),
# a year any run of number words (ពីរ ពាន់ ដប់ ប្រាំបួន)
_SMALL_WORDS = _alt([*_UNIT_WORDS, *_TEN_WORDS])
_ANY_WORDS = _alt([*_UNIT_WORDS, *_TEN_WORDS, *_MULTIPLIERS])
_WDAY = f"(?<!\u17d2)(?:{_SMALL_WORDS})(?:[ \t]?(?:{_SMALL_WORDS}))?{_NM}"
_WNUM = f"(?<!\u17d2)(?:{_ANY_WORDS})(?:[ \t]?(?:{_ANY_WORDS}))*{_NM}"
_WEEKDAY = f"(?:(?:{_alt(_WEEKDAY_SPELLINGS)}){_NM}|(?:{_alt(_WEEKDAY_ABBR)}))"
_DAYPART = f"(?:{_alt(_DAYPARTS)}){_NM}"
_ERA_BE = f"(?:ពុទ្ធសករាជ|ព{_S}\\.{_S}ស(?:{_S}\\.)?)"
_ERA_AD = f"(?:គ្រិស្តសករាជ|គ្រឹស្តសករាជ|គ{_S}\\.{_S}ស(?:{_S}\\.)?)"
_ERA = f"(?:(?P<{{p}}bc>មុន{_S})?(?P<{{p}}be>{_ERA_BE})|(?P<{{p}}ad>{_ERA_AD}))"


def _year_expr(p: str) -> str:
    """A year with optional ឆ្នាំ and an era before or after it (named groups prefixed ``p``)."""
    era_pre = _ERA.format(p=p + "a")
    era_post = _ERA.format(p=p + "b")
    return (
        f"(?:(?:ឆ្នាំ{_S})?(?:{era_pre}{_S})?(?P<{p}y>{_Y4})|ឆ្នាំ{_S}(?P<{p}yw>{_WNUM}))"
        f"(?:{_S}(?:នៃ{_S})?{era_post})?"
    )


_MONTH_EXPR = f"(?:ខែ{_S})?(?P<mn>{_MONTH_NAME})|ខែ(?P<mdg>{_S})(?:(?P<md>{_D12})|(?P<mdw>{_WDAY}))"
_QUALIFIER = "ខាងមុខនេះ|ខាងមុខ|ខាងក្រោយ|ក្រោយ|កន្លងទៅនេះ|កន្លងទៅ|កន្លងមក|មុននេះ|មុន|ទៅនេះ|នេះ"

_DATE_RE = re.compile(
    f"(?:(?P<dp>{_DAYPART}){_S})?"
    f"(?:(?P<th>ថ្ងៃ){_S})?(?:(?P<wd>{_WEEKDAY}){_S})?(?:(?P<ti>ទី){_S})?"
    f"(?:(?P<d>{_D12})(?:{_S}-{_S}(?P<d2>{_D12}))?|(?P<dw>{_WDAY})){_S}(?:,{_S})?"
    f"(?:{_MONTH_EXPR})"
    f"(?:{_S},?{_S}{_year_expr('')})?"
    f"(?:{_S}(?P<q>{_QUALIFIER}){_NM})?"
)
_NUMERIC_RE = re.compile(
    f"(?:(?P<dp>{_DAYPART}){_S})?"
    f"(?:(?P<th>ថ្ងៃ){_S})?(?:(?P<wd>{_WEEKDAY}){_S})?(?:(?P<ti>ទី){_S})?"
    "(?<![0-9./-])(?:(?P<d>[0-9]{1,2})(?P<sep>[/.-])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})"
    "|(?P<iy>[0-9]{4})(?P<isep>[/-])(?P<im>[0-9]{1,2})(?P=isep)(?P<id>[0-9]{1,2}))"
    "(?![0-9]|[./-][0-9])"
)
_DAY_ONLY_RE = re.compile(
    f"(?:(?P<dp>{_DAYPART}){_S})?"
    f"(?P<th>ថ្ងៃ){_S}(?:(?P<wd>{_WEEKDAY}){_S})?(?P<ti>ទី){_S}(?:(?P<d>{_D12})|(?P<dw>{_WDAY}))"
    f"(?:{_S}(?P<q>{_QUALIFIER}){_NM})?"
)
_MONTH_YEAR_RE = re.compile(
    f"(?:ខែ{_S})?(?P<mn>{_MONTH_NAME})(?:{_S},?{_S}{_year_expr('')})?"
    f"|ខែ{_S}(?:(?P<md>{_D12})|(?P<mdw>{_WDAY})){_S}{_year_expr('n')}"
)
_YEAR_RE = re.compile(
    f"ឆ្នាំ{_S}(?:{_ERA.format(p='a')}{_S})?(?P<y>{_Y4})(?:{_S}(?:នៃ{_S})?{_ERA.format(p='b')})?"
    f"|{_ERA.format(p='c')}{_S}(?P<cy>{_Y4})"
    f"|ឆ្នាំ{_S}(?P<yw>{_WNUM})(?:{_S}(?:នៃ{_S})?{_ERA.format(p='d')})?"
)
_TIME_WORDS_RE = re.compile(
    f"(?:វេលា{_S})?ម៉ោង{_S}"
    f"(?P<tw>{_WNUM}(?:{_S}(?:វិនាទី|នាទី){_NM}|{_S}{_WNUM})*)"
    f"(?:{_S}(?P<dp>{_DAYPART}))?"
)
_CLOCK_TOKEN_RE = re.compile(f"វិនាទី|នាទី|{_ANY_WORDS}")
_TIME_RE = re.compile(
    f"(?:(?:វេលា{_S})?ម៉ោង{_S}(?:(?:ប្រមាណ|ប្រហែល|ជាង){_S})?"
    f"(?P<h>{_D12})"
    f"(?:{_S}[:៖.]{_S}(?P<m>[0-9]{{2}})(?:{_S}[:៖]{_S}(?P<s>[0-9]{{2}}))?(?:{_S}នាទី)?"
    f"|{_S}(?:និង|នឹង){_S}(?P<m2>{_D12}){_S}នាទី(?:{_S}(?P<s2>{_D12}){_S}វិនាទី)?"
    f"|{_S}(?P<half>កន្លះ))?"
    f"|(?<![0-9.:,])(?P<bh>[0-9]{{1,2}}){_S}:{_S}(?P<bm>[0-9]{{2}})(?![0-9:])"
    f"(?::(?P<bs>[0-9]{{2}})(?![0-9:]))?)"
    f"(?:{_S}(?P<dp>{_DAYPART})|{_S}(?P<ampm>[AaPp])\\.?[Mm]\\.?(?![A-Za-z]))?"
)
# Every _DATE_RE match contains a month word and every _NUMERIC_RE match two separators
# between digits; these cheap patterns find the places worth running the big ones on.
_MONTH_ANCHOR_RE = re.compile(f"ខែ|{_alt(_MONTH_SPELLINGS)}")
_NUMERIC_ANCHOR_RE = re.compile("[0-9][/.-][0-9]{1,2}[/.-][0-9]")
# the end of a time range: "ម៉ោង៧ ទៅ៨យប់", "ពីម៉ោង ៧:៣០ ដល់ម៉ោង ១១:០០"
_TIME_TAIL_RE = re.compile(
    f"{_S}(?:ដល់|រហូតដល់|ទៅ|-){_S}(?:ម៉ោង{_S})?(?P<h>{_D12})"
    f"(?:{_S}[:៖.]{_S}(?P<m>[0-9]{{2}})(?:{_S}នាទី)?|{_S}(?:និង|នឹង){_S}(?P<m2>{_D12}){_S}នាទី)?"
    f"(?:{_S}(?P<dp>{_DAYPART}))?"
    f"(?![0-9]|{_S}(?:នាក់|ដង|%|ភាគរយ))"
)
_DURATION_AFTER_RE = re.compile(f"{_S}(?:ថ្ងៃ|ឆ្នាំ|ខែ|សប្តាហ៍|អាទិត្យ|ម៉ោង|នាទី|ដង|នាក់)")
_RANGE_GAP_RE = re.compile(f"{_S}(?:-|ដល់|រហូតដល់|ទៅ|ទៅដល់){_S}")
_RANGE_FROM_RE = re.compile(f"(?:ចាប់ពី|ពី){_S}$")
_DT_GAP_RE = re.compile(f"{_S},?{_S}(?:(?:នា|នៅ|វេលា){_S})?")


# --- rules ---------------------------------------------------------------------------------


def to_24h(hour: int, daypart: str | None) -> int | None:
    """24-hour hour for ``hour`` said with a Khmer day part; None when impossible.

    ព្រឹក/ព្រលឹម/ទៀបភ្លឺ (morning) keep 1-11 and make 12 midnight-ish 0; ថ្ងៃត្រង់ (noon)
    keeps 11-12 and adds 12 to 1-4; រសៀល (afternoon), ល្ងាច (evening) and ព្រលប់ (dusk) add 12
    to 1-11; យប់ (night) adds 12 to 6-11, keeps 1-5 (small hours) and makes 12 midnight 0;
    អធ្រាត្រ (midnight) makes 12 into 0. Hours 13-23 are already 24-hour and stay; 24 is 0.

    >>> to_24h(6, "ល្ងាច"), to_24h(8, "ព្រឹក"), to_24h(11, "យប់"), to_24h(2, "យប់")
    (18, 8, 23, 2)
    """
    if hour < 0 or hour > 24:
        return None
    if hour == 24:
        return 0
    if daypart is None or hour == 0 or hour >= 13:
        return hour
    if daypart in ("ព្រឹក", "ព្រលឹម", "ទៀបភ្លឺ"):
        return 0 if hour == 12 else hour
    if daypart == "ថ្ងៃត្រង់":
        return hour + 12 if hour <= 4 else hour
    if daypart in ("រសៀល", "ល្ងាច", "ព្រលប់"):
        return hour if hour == 12 else hour + 12
    if daypart == "យប់":
        if hour == 12:
            return 0
        return hour + 12 if hour >= 6 else hour
    if daypart == "អធ្រាត្រ":
        return 0 if hour == 12 else hour
    return hour


def _lunar_be_year(d: _dt.date) -> int | None:
    try:
        from sleukrith.lunar import from_gregorian
    except ImportError:
        return None
    try:
        return from_gregorian(d).be_year
    except Exception:  # noqa: BLE001 - outside the lunar module's range: fall back to the rule
        return None


def ad_to_be(d: _dt.date) -> int:
    """The Buddhist Era year of a Gregorian date (BE = AD + 543 up to Visak Bochea, then
    + 544), from ``sleukrith.lunar`` when it covers the date, else with Visak Bochea
    approximated as 15 May.

    >>> ad_to_be(_dt.date(2022, 1, 1)), ad_to_be(_dt.date(2022, 12, 1))
    (2565, 2566)
    """
    be = _lunar_be_year(d)
    if be is not None:
        return be
    return d.year + (543 if (d.month, d.day) <= (5, 15) else 544)


def be_to_ad(be_year: int, month: int | None = None, day: int | None = None) -> int:
    """The AD year in which day/month of Buddhist Era year ``be_year`` falls.

    Without a month the AD year in which that BE year starts (and most of its days fall) is
    returned: BE - 544. With month and day: BE - 543 if that date is still before the turn of
    the BE year (Visak Bochea), else BE - 544.

    >>> be_to_ad(2565), be_to_ad(2565, 1, 10), be_to_ad(2565, 10, 1)
    (2021, 2022, 2021)
    """
    if month is None:
        return be_year - 544
    day = day or 1
    for ad in (be_year - 543, be_year - 544):
        try:
            if ad_to_be(_dt.date(ad, month, day)) == be_year:
                return ad
        except ValueError:
            break
    return be_year - (543 if (month, day) <= (5, 15) else 544)


def _complete(
    day: int | None, month: int | None, qualifier: str | None, ref: _dt.date
) -> _dt.date | None:
    """Complete a partial date from the reference date (see docs/dates.md)."""
    future = qualifier in ("ខាងមុខនេះ", "ខាងមុខ", "ខាងក្រោយ", "ក្រោយ")
    past = qualifier in ("កន្លងទៅនេះ", "កន្លងទៅ", "កន្លងមក", "មុននេះ", "មុន")
    this = qualifier in ("ទៅនេះ", "នេះ")
    if month is None:
        base = [(ref.year, ref.month)]
        y, m = ref.year, ref.month
        prev = (y - 1, 12) if m == 1 else (y, m - 1)
        nxt = (y + 1, 1) if m == 12 else (y, m + 1)
        candidates = [prev, *base, nxt]
    else:
        candidates = [(ref.year - 1, month), (ref.year, month), (ref.year + 1, month)]
    dates = []
    for y, m in candidates:
        try:
            dates.append(_dt.date(y, m, day or 1))
        except ValueError:
            continue
    if not dates:
        return None
    if this:
        same = [
            d
            for d in dates
            if (d.year, d.month if month is None else 0)
            == (ref.year, ref.month if month is None else 0)
        ]
        return same[0] if same else None
    if future:
        after = [d for d in dates if d >= ref]
        return min(after) if after else None
    if past:
        before = [d for d in dates if d <= ref]
        return max(before) if before else None
    return min(dates, key=lambda d: (abs((d - ref).days), d))


# --- candidates ------------------------------------------------------------------------------


@dataclass
class _Cand:
    start: int
    end: int
    kind: str  # date, time, year, month, lunar
    day: int | None = None
    day2: int | None = None
    month: int | None = None
    year: int | None = None
    be_year: int | None = None
    bc: bool = False
    qualifier: str | None = None
    time: _dt.time | None = None
    bad_time: bool = False
    raw_hour: int = -1  # a time's hour as written, and whether a day part fixed it
    has_daypart: bool = False
    end_time: _dt.time | None = None  # the end of a time range
    value: object = None  # lunar: the ready value
    has_month: bool = False
    dp_stop: int = -1  # end of a leading day-part word (ព្រឹកថ្ងៃទី...), -1 if none
    body: int = -1  # where the date proper starts after that day part


def _era(m: re.Match, prefixes: tuple[str, ...]) -> str | None:
    for p in prefixes:
        if m.groupdict().get(p + "bc"):
            return "bc"
        if m.groupdict().get(p + "be"):
            return "be"
        if m.groupdict().get(p + "ad"):
            return "ad"
    return None


def _set_year(c: _Cand, raw: str | None, era: str | None) -> None:
    if raw is None:
        return
    y = int(raw)
    if era == "bc":
        c.bc = True
        c.year = y
    elif era == "be" or (era is None and y >= 2300):
        c.be_year = y
    else:
        c.year = y


def _int(digits: str | None, words: str | None) -> int | None:
    """Value of a digit group or of a spelled-out number group (None if absent or not one)."""
    if digits:
        return int(digits)
    if words:
        try:
            value = parse_number(words)
        except ValueError:
            return None
        return value if isinstance(value, int) else None
    return None


def _year_of(m: re.Match, p: str = "") -> tuple[str | None, bool]:
    """The written year of a match as a digit string, and whether it was spelled out."""
    if m.group(p + "y"):
        return m.group(p + "y"), False
    value = _int(None, m.group(p + "yw"))
    return (str(value), True) if value is not None else (None, False)


def _windows(anchor: re.Pattern, f: str) -> list[tuple[int, int]]:
    """Disjoint stretches of ``f`` around each anchor match, wide enough for any expression
    containing it (expressions never cross a line break)."""
    out: list[tuple[int, int]] = []
    for a in anchor.finditer(f):
        lo = max(f.rfind("\n", max(0, a.start() - 120), a.start()) + 1, a.start() - 120, 0)
        nl = f.find("\n", a.end(), a.end() + 200)
        hi = nl if nl >= 0 else min(len(f), a.end() + 200)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _finditer(regex: re.Pattern, anchor: re.Pattern, f: str) -> list[re.Match]:
    return [m for lo, hi in _windows(anchor, f) for m in regex.finditer(f, lo, hi)]


def _date_cands(f: str) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _finditer(_DATE_RE, _MONTH_ANCHOR_RE, f):
        prefixed = m.group("th") or m.group("wd") or m.group("ti")
        year, _ = _year_of(m)
        if m.group("md") and not prefixed and m.group("mdg") and not year:
            # "២ ខែ ៩" is 2 September, but "៣ ខែ ៥ ថ្ងៃ" is three months five days
            if int(m.group("md")) > 12 or _DURATION_AFTER_RE.match(f, m.end()):
                continue
        if m.group("dw") and not prefixed and not m.group("mn"):
            continue  # a spelled day needs ថ្ងៃ/ទី or a month name: "ពីរ ខែ ៣" is not a date
        if m.group("mdw") and not (prefixed or year):
            continue
        day = _int(m.group("d"), m.group("dw"))
        month = (
            _MONTH_SPELLINGS[m.group("mn")]
            if m.group("mn")
            else _int(m.group("md"), m.group("mdw"))
        )
        if day is None or month is None:
            continue
        c = _Cand(m.start(), m.end(), "date", day=day, month=month, has_month=True)
        _note_daypart(c, m)
        c.day2 = int(m.group("d2")) if m.group("d2") else None
        _set_year(c, year, _era(m, ("a", "b")))
        if c.year is None and c.be_year is None:
            c.qualifier = m.group("q")
        else:
            c.end = _end_before_q(m)
        out.append(c)
    for m in _finditer(_NUMERIC_RE, _NUMERIC_ANCHOR_RE, f):
        if m.group("d"):
            c = _Cand(m.start(), m.end(), "date", day=int(m.group("d")), month=int(m.group("m")))
            _set_year(c, m.group("y"), None)
        else:
            c = _Cand(m.start(), m.end(), "date", day=int(m.group("id")), month=int(m.group("im")))
            _set_year(c, m.group("iy"), None)
        c.has_month = True
        _note_daypart(c, m)
        out.append(c)
    for m in _DAY_ONLY_RE.finditer(f):
        day = _int(m.group("d"), m.group("dw"))
        if day is None:
            continue
        c = _Cand(m.start(), m.end(), "date", day=day, qualifier=m.group("q"))
        _note_daypart(c, m)
        out.append(c)
    for m in _MONTH_YEAR_RE.finditer(f):
        year, spelled = _year_of(m)
        if not year:
            year, spelled = _year_of(m, "n")
        if spelled and int(year) < 1000:
            continue  # "ខែមករា ឆ្នាំមួយ": not a year
        month = (
            _MONTH_SPELLINGS[m.group("mn")]
            if m.group("mn")
            else _int(m.group("md"), m.group("mdw"))
        )
        if month is None:
            continue
        if m.group("mn") and not year and not f.startswith("ខែ", m.start()):
            continue  # a bare month name with no ខែ and no year is too ambiguous (តុលា, កញ្ញា)
        c = _Cand(m.start(), m.end(), "month", month=month, has_month=True)
        _set_year(c, year, _era(m, ("a", "b", "na", "nb")))
        out.append(c)
    for m in _YEAR_RE.finditer(f):
        year = m.group("y") or m.group("cy")
        if m.group("yw"):
            value = _int(None, m.group("yw"))
            if value is None or value < 1000:
                continue  # ឆ្នាំមួយ "one year", ឆ្នាំ ពីរ: not a year number
            year = str(value)
        c = _Cand(m.start(), m.end(), "year")
        _set_year(c, year, _era(m, ("a", "b", "c", "d")))
        out.append(c)
    for m in _TIME_RE.finditer(f):
        h = int(m.group("h") or m.group("bh"))
        mi = m.group("m") or m.group("m2") or m.group("bm")
        se = m.group("s") or m.group("s2") or m.group("bs")
        minute = 30 if m.group("half") else int(mi) if mi else 0
        second = int(se) if se else 0
        out.append(_time_cand(m, h, minute, second))
    for m in _TIME_WORDS_RE.finditer(f):
        clock = _word_clock(m.group("tw"))
        if clock is not None:
            out.append(_time_cand(m, *clock))
    return out


def _time_cand(m: re.Match, h: int, minute: int, second: int) -> _Cand:
    c = _Cand(m.start(), m.end(), "time", raw_hour=h)
    c.has_daypart = bool(m.group("dp") or m.groupdict().get("ampm"))
    hour = to_24h(h, m.group("dp"))
    ampm = m.groupdict().get("ampm")
    if ampm and 1 <= h <= 12:  # English am/pm after a bare time
        hour = (h % 12) + (12 if ampm in "Pp" else 0)
    if hour is None or minute > 59 or second > 59 or (h == 24 and (minute or second)):
        c.bad_time = True
    else:
        c.time = _dt.time(hour, minute, second)
    return c


def _word_clock(words: str) -> tuple[int, int, int] | None:
    """Hours, minutes, seconds of a spelled clock time after ម៉ោង.

    The words split into numbers of at most a ten and a unit word: the first is the hour, a
    number followed by នាទី the minutes, one followed by វិនាទី the seconds
    (``ប្រាំបួន ដប់ ប្រាំបួន នាទី`` = 9:19). None if anything else is left.
    """
    runs: list[list[int]] = []
    marks: list[str | None] = []
    for tok in _CLOCK_TOKEN_RE.findall(words.replace(" ", "").replace("\t", "")):
        if tok in ("នាទី", "វិនាទី"):
            if not runs or marks[-1] is not None:
                return None
            marks[-1] = tok
            continue
        if tok in _MULTIPLIERS:
            return None
        value = _UNIT_WORDS.get(tok, _TEN_WORDS.get(tok))
        run = runs[-1] if runs and marks[-1] is None else None
        if run is not None and len(run) == 1 and run[0] >= 10 and value < 10:
            run.append(value)  # ដប់ ពីរ = 12
        else:
            runs.append([value])
            marks.append(None)
    if not runs or marks[0] is not None:
        return None
    hour, minute, second = sum(runs[0]), 0, 0
    for run, mark in zip(runs[1:], marks[1:], strict=True):
        if mark == "នាទី":
            minute = sum(run)
        elif mark == "វិនាទី":
            second = sum(run)
        else:
            return None
    return hour, minute, second


def _note_daypart(c: _Cand, m: re.Match) -> None:
    if m.group("dp"):
        c.dp_stop = m.end("dp")
        c.body = (
            m.start("th")
            if m.group("th")
            else m.start("wd")
            if m.group("wd")
            else (
                m.start("ti") if m.group("ti") else m.start("d") if m.group("d") else m.start("dw")
            )
        )


def _end_before_q(m: re.Match) -> int:
    """A full date does not take a trailing qualifier (ឆ្នាំ២០១៩នេះ: នេះ is prose)."""
    if m.group("q"):
        end = m.start("q")
        while end > m.start() and m.string[end - 1] in " \t":
            end -= 1
        return end
    return m.end()


def _lunar_cands(text: str) -> list[_Cand]:
    try:
        from sleukrith.lunar import find_lunar, to_gregorian
    except ImportError:
        return []
    out = []
    try:
        found = find_lunar(text)
    except Exception:  # noqa: BLE001 - a lunar reader bug must not break date finding
        return []
    for s, e, ld in found:
        try:
            value = to_gregorian(ld)
        except Exception:  # noqa: BLE001 - an impossible lunar day: reported without value
            value = None
        out.append(_Cand(s, e, "lunar", value=value, be_year=getattr(ld, "be_year", None)))
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest leftmost non-overlapping candidates (lunar first on ties)."""
    order = {"lunar": 0, "date": 1, "time": 2, "month": 3, "year": 4}
    # a day part said once serves the time before it: "ម៉ោង២ រសៀលថ្ងៃទី២១" is 14:00 on the
    # 21st, so the date gives the shared word up to the time
    time_ends = {c.end for c in cands if c.kind == "time"}
    for c in cands:
        if c.dp_stop >= 0 and c.dp_stop in time_ends:
            c.start = c.body
    out: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start, order[c.kind])):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        taken.append((c.start, c.end))
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


def _resolve_date(c: _Cand, ref: _dt.date | None) -> tuple[_dt.date | None, bool]:
    """The date of a candidate, and whether it was completed from the reference."""
    if c.bc:
        return None, False
    day = c.day
    if c.kind in ("month", "year"):
        day = 1
    month = c.month if c.kind != "year" else 1
    if c.year is not None or c.be_year is not None:
        if month is None:
            return None, False
        year = c.year if c.year is not None else None
        if year is None:
            if not (1 <= month <= 12 and 1 <= (day or 0) <= 31):
                return None, False
            year = be_to_ad(c.be_year, month if c.kind != "year" else None, day)
        try:
            return _dt.date(year, month, day or 1), False
        except ValueError:
            return None, False
    if ref is None:
        return None, False
    if month is not None and not 1 <= month <= 12:
        return None, False
    if day is None or not 1 <= day <= 31:
        return None, False
    return _complete(day, month, c.qualifier, ref), True


def find_dates(text: str, *, reference: _dt.date | None = None) -> list[DateMatch]:
    """Every date, time, date range, month, year and lunar date in ``text``.

    Spans are offsets in the original text; see ``DateMatch`` for the fields and
    docs/dates.md for the rules. ``reference`` (the report's own date) completes partial dates:
    ``ថ្ងៃទី១៧ ខែមីនា ខាងមុខ`` with reference 2018-03-02 is 2018-03-17. Without a reference a
    partial date is still reported, with value None.

    >>> m = find_dates("ម៉ោង៦ និង៤៣នាទីល្ងាច ថ្ងៃទី២ ខែមីនា ឆ្នាំ២០១៨")[0]
    >>> m.kind, m.value
    ('datetime', datetime.datetime(2018, 3, 2, 18, 43))
    """
    require_str(text)
    if isinstance(reference, _dt.datetime):
        reference = reference.date()
    if reference is not None and not isinstance(reference, _dt.date):
        raise TypeError(f"reference must be a datetime.date, not {type(reference).__name__}")
    f = fold_for_matching(text)
    cands = _time_ranges(f, _select(_lunar_cands(text) + _date_cands(f)))
    out: list[DateMatch] = []
    i = 0
    n = len(cands)
    while i < n:
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < n else None
        # date range: [ពី] A ដល់ B, or an inline day range ថ្ងៃទី១-៥ ខែ...
        if c.kind == "date" and nxt is not None and nxt.kind == "date":
            gap = _RANGE_GAP_RE.fullmatch(f, c.end, nxt.start)
            if gap:
                out.append(_range(text, f, c, nxt, reference))
                i += 2
                continue
        if (
            c.kind in ("date", "time")
            and nxt is not None
            and {c.kind, nxt.kind} == {"date", "time"}
        ):
            if _DT_GAP_RE.fullmatch(f, c.end, nxt.start):
                out.append(_datetime(text, c, nxt, reference))
                i += 2
                continue
        out.append(_single(text, c, reference))
        i += 1
    return out


def _time_ranges(f: str, cands: list[_Cand]) -> list[_Cand]:
    """Extend times followed by ដល់/ទៅ/- and a second hour into ranges (the end's day part
    also applies to a bare start when the start stays before the end)."""
    out: list[_Cand] = []
    skip_until = -1
    for c in cands:
        if c.start < skip_until:
            continue
        out.append(c)
        if c.kind != "time" or c.time is None:
            continue
        m = _TIME_TAIL_RE.match(f, c.end)
        if not m:
            continue
        mi = m.group("m") or m.group("m2")
        hour = to_24h(int(m.group("h")), m.group("dp"))
        minute = int(mi) if mi else 0
        if hour is None or minute > 59:
            continue
        end = _dt.time(hour, minute)
        start = c.time
        if not c.has_daypart and m.group("dp"):
            moved = to_24h(c.raw_hour, m.group("dp"))
            if moved is not None and start.replace(hour=moved) <= end:
                start = start.replace(hour=moved)
        if end < start:
            continue
        c.time, c.end_time, c.end = start, end, m.end()
        before = _RANGE_FROM_RE.search(f, max(0, c.start - 12), c.start)
        if before:
            c.start = before.start()
        skip_until = c.end
    return out


def _parts(c: _Cand) -> tuple[int | None, int | None, int | None]:
    """Day, month and year as written (the year in its own era)."""
    return c.day, c.month, c.year if c.year is not None else c.be_year


def _single(text: str, c: _Cand, ref: _dt.date | None) -> DateMatch:
    span = text[c.start : c.end]
    if c.kind == "lunar":
        return DateMatch(c.start, c.end, span, c.value, "lunar", be_year=c.be_year)
    if c.kind == "time":
        return DateMatch(c.start, c.end, span, c.time, "time", c.end_time)
    value, rel = _resolve_date(c, ref)
    if c.kind == "date" and c.day2 is not None:
        end_value = None
        if value is not None:
            try:
                end_value = value.replace(day=c.day2)
            except ValueError:
                value = None
            if end_value is not None and end_value < value:
                value = end_value = None
        return DateMatch(
            c.start, c.end, span, value, "date_range", end_value, rel, c.be_year, *_parts(c)
        )
    return DateMatch(c.start, c.end, span, value, c.kind, None, rel, c.be_year, *_parts(c))


def _range(text: str, f: str, a: _Cand, b: _Cand, ref: _dt.date | None) -> DateMatch:
    start = a.start
    before = _RANGE_FROM_RE.search(f, max(0, a.start - 12), a.start)
    if before:
        start = before.start()
    parts = _parts(a)
    # the first end borrows what it lacks from the second
    if a.month is None and b.month is not None:
        a.month = b.month
    if a.year is None and a.be_year is None and (b.year is not None or b.be_year is not None):
        if a.month is not None and b.month is not None and a.month > b.month:
            a.year = (b.year if b.year is not None else be_to_ad(b.be_year, b.month, b.day)) - 1
        else:
            a.year, a.be_year = b.year, b.be_year
    va, rel_a = _resolve_date(a, ref)
    vb, rel_b = _resolve_date(b, ref)
    if vb is not None and b.day2 is not None:  # ថ្ងៃទី១០ -១១-១២ ខែវិច្ឆិកា ends on the 12th
        try:
            vb = vb.replace(day=b.day2)
        except ValueError:
            vb = None
    if va is not None and vb is not None and vb < va:
        va = vb = None
    return DateMatch(
        start, b.end, text[start : b.end], va, "date_range", vb, rel_a or rel_b, b.be_year, *parts
    )


def _datetime(text: str, a: _Cand, b: _Cand, ref: _dt.date | None) -> DateMatch:
    d, t = (a, b) if a.kind == "date" else (b, a)
    dv, rel = _resolve_date(d, ref)
    value = end_value = None
    if dv is not None and t.time is not None and d.day2 is None:
        value = _dt.datetime.combine(dv, t.time)
        if t.end_time is not None:
            end_value = _dt.datetime.combine(dv, t.end_time)
    return DateMatch(
        a.start,
        b.end,
        text[a.start : b.end],
        value,
        "datetime",
        end_value,
        rel,
        d.be_year,
        *_parts(d),
    )


# --- writing ---------------------------------------------------------------------------------


def format_date(
    d: _dt.date,
    *,
    weekday: bool = False,
    lunar: bool = False,
    digits: str = "khmer",
) -> str:
    """A Khmer date: ``ថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០២១``.

    ``weekday`` prefixes the weekday (ថ្ងៃចន្ទ ទី២៩ ...); ``lunar`` puts the lunar date from
    ``sleukrith.lunar`` first, as official letters do (``ថ្ងៃសុក្រ ១រោច ខែផល្គុន ...
    ត្រូវនឹងថ្ងៃទី២ ខែមីនា ឆ្នាំ២០១៨``); ``digits`` is "khmer" or "ascii". A ``datetime`` also
    gets its time (ម៉ោង ១៤:៣០).

    >>> format_date(_dt.date(2021, 11, 29))
    'ថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០២១'
    """
    if not isinstance(d, _dt.date):
        raise TypeError(f"format_date() needs a datetime.date, not {type(d).__name__}")
    if digits not in ("khmer", "ascii"):
        raise ValueError('digits must be "khmer" or "ascii"')
    if weekday:
        head = f"ថ្ងៃ{WEEKDAYS[d.weekday()]} ទី{d.day}"
    else:
        head = f"ថ្ងៃទី{d.day}"
    out = f"{head} ខែ{MONTHS[d.month - 1]} ឆ្នាំ{d.year}"
    if isinstance(d, _dt.datetime):
        out += f" ម៉ោង {d.hour:02d}:{d.minute:02d}"
    if lunar:  # the official letter style: the lunar day first, then ត្រូវនឹង + the date
        try:
            from sleukrith.lunar import from_gregorian
        except ImportError:
            from_gregorian = None
        if from_gregorian is not None:
            day = d.date() if isinstance(d, _dt.datetime) else d
            out = f"{from_gregorian(day).format()} ត្រូវនឹង{out}"
    return to_khmer_digits(out) if digits == "khmer" else out
