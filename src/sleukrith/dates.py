"""Dates and times in Khmer text: ``find_dates`` and ``format_date``.

This module owns reading Gregorian dates, times, date ranges, month and year mentions
(including Buddhist Era years) and relative expressions (ម្សិលមិញ, ថ្ងៃច័ន្ទខាងមុខ,
ខែក្រោយ, កាលពី៣ថ្ងៃមុន) from running Khmer text, and writing Khmer dates. Lunar dates
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
    "expand_two_digit_year",
    "find_dates",
    "format_date",
    "habit_list_before",
    "weekday_named",
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
    the expression is invalid (ថ្ងៃទី៣២) or partial or relative (ម្សិលមិញ, ខែក្រោយ) with no
    reference date to complete it. ``end_value`` is the last day of a range, of a month or of a
    year (the end time of a time range); a relative week (សប្តាហ៍ក្រោយ) is a date_range from
    Monday to Sunday. ``relative`` is True when the value was completed from the reference
    date; ``be_year`` is the Buddhist Era year when the text wrote one. ``day``, ``month``,
    ``year`` are the parts as written (year in the era written, a two-digit year expanded;
    None when absent, and for relative expressions), also for invalid or uncompleted dates.
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
    "អង្គារ៍": 1,
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
_NMR = "(?![\u17b6-\u17d3\u17d7\u17dd])"  # ... nor with the repetition sign ៗ (ឆ្នាំមុនៗ)
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


def _year_expr(p: str, two_digit: bool = False) -> str:
    """A year with optional ឆ្នាំ and an era before or after it (named groups prefixed ``p``);
    ``two_digit`` also accepts ឆ្នាំ + two digits (group ``{p}y2``, read only in full dates)."""
    era_pre = _ERA.format(p=p + "a")
    era_post = _ERA.format(p=p + "b")
    short = f"|ឆ្នាំ{_S}(?P<{p}y2>(?<![0-9])[0-9]{{2}}(?![0-9]))" if two_digit else ""
    return (
        f"(?:(?:ឆ្នាំ{_S})?(?:{era_pre}{_S})?(?P<{p}y>{_Y4})|ឆ្នាំ{_S}(?P<{p}yw>{_WNUM}){short})"
        f"(?:{_S}(?:នៃ{_S})?{era_post})?"
    )


# Qualifiers after a partial date, a weekday or a unit (ខែ, ឆ្នាំ ...): coming, past, this.
_Q_FUTURE = ("ខាងមុខនេះ", "ខាងមុខ", "ខាងក្រោយ", "ក្រោយ")
_Q_PAST = ("កន្លងផុតទៅ", "កន្លងទៅនេះ", "កន្លងទៅ", "កន្លងមក", "មុននេះ", "មុន")
_Q_THIS = ("ទៅនេះ", "នេះ")
# the offset a qualifier gives a unit: ខែក្រោយ +1, ឆ្នាំមុន -1, សប្តាហ៍នេះ 0; ឆ្នាំទៅ (last
# year) is only read after ឆ្នាំ
_UNIT_QUAL = {
    "ខាងមុខនេះ": 1,
    "ខាងមុខ": 1,
    "ក្រោយ": 1,
    "កន្លងផុតទៅ": -1,
    "កន្លងទៅនេះ": -1,
    "កន្លងទៅ": -1,
    "កន្លងមក": -1,
    "មុននេះ": -1,
    "មុន": -1,
    "ទៅ": -1,
    "នេះ": 0,
}


# the words multi-word expressions are made of: news text often has a zero-width space (a
# space in the folded view) between them (ខាង​មុខ, កាល​ពី, ម្សិល​មិញ)
_ATOMS = ("ខាង", "មុខ", "នេះ", "ក្រោយ", "កន្លង", "ទៅ", "មក", "មុន", "ម្សិល", "ខាន")


def _spaced(word: str) -> str:
    """``word`` as a pattern that allows spaces between its atoms (ខាងមុខ -> ខាង[ \t]*មុខ)."""
    parts, i = [], 0
    while i < len(word):
        atom = next((a for a in _ATOMS if word.startswith(a, i)), None)
        if atom is None:  # the rest is one word
            parts.append(word[i:])
            break
        parts.append(atom)
        i += len(atom)
    return _S.join(re.escape(p) for p in parts)


def _squeeze(words: str) -> str:
    """A matched multi-word expression without its inner spaces, for look-ups."""
    return words.replace(" ", "").replace("\t", "")


def _qual_alt(words) -> str:  # noqa: ANN001
    """Qualifier words as an alternation, each guarded against its ordinary-prose readings:
    ក្រោយពី/ក្រោយមក (after X, later on), មុនពេល/មុននឹង/មុនពី (before X), មុន គ.ស. (BC),
    ទៅមុខ/ទៅវិញ/ទៅដល់ and ទៅ + a number (onwards, back, up to: ១០ឆ្នាំទៅ២០ឆ្នាំ)."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        guard = _NMR
        if w.endswith("ក្រោយ"):
            guard += f"(?!{_S}(?:ពី|មក))"
        elif w == "មុន":
            # (មុន គ.ស., BC; not a glued word that starts with គ: ខែមុនគិតជា...)
            guard += f"(?!{_S}(?:ពេល|នឹង|ពី|ដល់|គ{_S}(?:\\.|ស)))"
        elif w == "ទៅ":
            guard += f"(?!{_S}(?:មុខ|វិញ|ដល់|ទៀត|[0-9]))"
        out.append(_spaced(w) + guard)
    return "|".join(out)


_UNIT_Q = _qual_alt(_UNIT_QUAL)
_UNIT_Q_NOT_TO = _qual_alt(w for w in _UNIT_QUAL if w != "ទៅ")
_MONTH_EXPR = f"(?:ខែ{_S})?(?P<mn>{_MONTH_NAME})|ខែ(?P<mdg>{_S})(?:(?P<md>{_D12})|(?P<mdw>{_WDAY}))"
# after a partial date: a plain qualifier, or a relative year (ខែមីនា ឆ្នាំក្រោយ)
_QUALIFIER = (
    f"{_qual_alt((*_Q_FUTURE, *_Q_PAST, *_Q_THIS))}"
    f"|(?:កាល{_S}ពី{_S})?ឆ្នាំ{_S}(?:{_UNIT_Q})"  # (ខែឧសភាកាលពីឆ្នាំមុន: May last year)
)

_DATE_RE = re.compile(
    f"(?:(?P<dp>{_DAYPART}){_S})?"
    f"(?:(?P<th>ថ្ងៃ){_S})?(?:(?P<wd>{_WEEKDAY}){_S})?(?:(?P<ti>ទី){_S})?"
    f"(?:(?P<d>{_D12})(?:{_S}-{_S}(?P<d2>{_D12}))?|(?P<dw>{_WDAY})){_S}(?:,{_S})?"
    f"(?:{_MONTH_EXPR})"
    f"(?:{_S},?{_S}{_year_expr('', two_digit=True)})?"
    f"(?:{_S}(?P<q>{_QUALIFIER}))?"
)
_NUMERIC_RE = re.compile(
    f"(?:(?P<dp>{_DAYPART}){_S})?"
    f"(?:(?P<th>ថ្ងៃ){_S})?(?:(?P<wd>{_WEEKDAY}){_S})?(?:(?P<ti>ទី){_S})?"
    "(?<![0-9./-])(?:(?P<d>[0-9]{1,2})(?P<sep>[/.-])(?P<m>[0-9]{1,2})(?P=sep)"
    "(?P<y>[0-9]{4}|[0-9]{2})"
    "|(?P<iy>[0-9]{4})(?P<isep>[/-])(?P<im>[0-9]{1,2})(?P=isep)(?P<id>[0-9]{1,2}))"
    "(?![0-9]|[./-][0-9])"
)
_DAY_ONLY_RE = re.compile(  # a day part before it is read backwards (_DAYPART_BEFORE_RE)
    f"(?P<th>ថ្ងៃ){_S}(?:(?P<wd>{_WEEKDAY}){_S})?(?P<ti>ទី){_S}(?:(?P<d>{_D12})|(?P<dw>{_WDAY}))"
    f"(?:{_S}(?P<q>{_QUALIFIER}|ខែ{_S}(?:{_UNIT_Q_NOT_TO})))?"
)
# "ថ្ងៃទីN នៃ" + what is not a month: the Nth day of an event ("នៃដំណើរ", "នៃការប្រកួត")
_ORDINAL_DAY_RE = re.compile(f"{_S}នៃ{_S}(?!ខែ|{_MONTH_NAME}|[0-9])")
_EVERY_YEAR_RE = re.compile(f"{_S}(?:ជា{_S})?(?:រៀងរាល់{_S}ឆ្នាំ|នៃ{_S}ឆ្នាំ{_S}នីមួយៗ|ប្រចាំ{_S}ឆ្នាំ)")
_MONTH_YEAR_RE = re.compile(
    f"(?:ខែ{_S})?(?P<mn>{_MONTH_NAME})(?:{_S},?{_S}{_year_expr('', two_digit=True)})?"
    f"(?:{_S}(?P<q>{_QUALIFIER}))?"
    f"|ខែ{_S}(?:(?P<md>{_D12})|(?P<mdw>{_WDAY})){_S}{_year_expr('n')}"
)
_YEAR_RE = re.compile(
    f"ឆ្នាំ{_S}(?:{_ERA.format(p='a')}{_S})?(?P<y>{_Y4})(?:{_S}(?:នៃ{_S})?{_ERA.format(p='b')})?"
    f"|ឆ្នាំ{_S}(?P<yw>{_WNUM})(?:{_S}(?:នៃ{_S})?{_ERA.format(p='d')})?"
)
# an era and a year without ឆ្នាំ (ព.ស. ២៥៦៥); a មុន before a BE era (BC) is read backwards
_ERA_YEAR_RE = re.compile(f"(?:(?P<cbe>{_ERA_BE})|(?P<cad>{_ERA_AD})){_S}(?P<cy>{_Y4})")
_BC_BEFORE_RE = re.compile(f"មុន{_S}$")
_TIME_WORDS_RE = re.compile(  # a វេលា before it is read backwards (_VELA_BEFORE_RE)
    f"ម៉ោង{_S}(?P<tw>{_WNUM}(?:{_S}(?:វិនាទី|នាទី){_NM}|{_S}{_WNUM})*)(?:{_S}(?P<dp>{_DAYPART}))?"
)
_VELA_BEFORE_RE = re.compile(f"វេលា{_S}$")
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
# a two-digit numeric year followed by a month is a list of days (១០-១១-១២ វិច្ឆិកា)
_MONTH_AFTER_RE = re.compile(f"{_S}(?:ខែ|{_MONTH_NAME})")

# --- relative expressions (docs/dates.md, "Relative dates") ---------------------------------

# day words and their offset in days from the reference
_DAY_WORDS = {
    "ម្សិលមិញ": -1,
    "ម្សិលម្ង៉ៃ": -2,
    "ម្សិលម៉្ងៃ": -2,
    "ម្សិលម្ងៃ": -2,
    "ខានស្អែក": 2,
    "ស្អែក": 1,
}
# a day part + មិញ is the last such part of the day: this morning/noon/afternoon, but the
# evening or night before
_DAYPART_MINH_YESTERDAY = ("ល្ងាច", "ព្រលប់", "យប់")
_WEEK_WORDS = ("សប្តាហ៍", "អាទិត្យ")
_WEEKDAY_FULL = f"(?:{_alt(_WEEKDAY_SPELLINGS)}){_NM}"
_DAY_WORD = f"(?:{'|'.join(_spaced(w) for w in sorted(_DAY_WORDS, key=len, reverse=True))})(?!{_S}ឡើង)"  # ដល់ស្អែកឡើង: "the next day" of a story
_EMPHATIC = f"(?:{_S}(?:កន្លង{_S}ទៅ{_S})?នេះ{_NMR})?"  # ស្អែកនេះ, យប់មិញនេះ
# Each relative pattern starts with a fixed word (a day part, a day word, ថ្ងៃ, a unit), which
# keeps the scan fast (no lookbehind in front: it would disable the regex engine's scan for
# the first word, so a coeng before the word is checked in code); what may stand before that
# word is read backwards from it (the *_BEFORE patterns, searched in a short stretch ending at
# the word).
# ព្រឹកនេះ, យប់មិញ
_REL_DAYPART_RE = re.compile(f"(?P<dp>{_DAYPART}){_S}(?P<q>មិញ{_NMR}{_EMPHATIC}|នេះ{_NMR})")
# [ព្រឹក] [ថ្ងៃ] [ចន្ទ] ម្សិលមិញ | ស្អែក ...
_REL_WORD_RE = re.compile(f"(?P<dw>{_DAY_WORD}){_EMPHATIC}")
_REL_WORD_BEFORE_RE = re.compile(
    f"(?:(?P<dp>{_DAYPART}){_S})?(?:ថ្ងៃ{_S})?(?:{_WEEKDAY_FULL}{_S})?$"
)
# [ព្រឹក] ថ្ងៃនេះ | ថ្ងៃចន្ទ [ខាងមុខ | សប្តាហ៍ក្រោយ ...]
_REL_THNGAI_RE = re.compile(
    f"ថ្ងៃ{_S}(?:(?P<today>នេះ){_NMR}|(?P<wd>{_WEEKDAY_FULL})"
    f"(?:{_S}(?:(?:{_alt(_WEEK_WORDS)}){_S}(?P<wkq>{_UNIT_Q_NOT_TO})"
    f"|(?P<wq>{_qual_alt((*_Q_FUTURE, *_Q_PAST, *_Q_THIS))})))?)"
)
_DAYPART_BEFORE_RE = re.compile(f"(?P<dp>{_DAYPART}){_S}$")
# weekdays that name a habit, not a day: ពីថ្ងៃចន្ទ-សុក្រ, ចន្ទ ដល់ សុក្រ (working days),
# រៀងរាល់ថ្ងៃចន្ទ និងថ្ងៃសុក្រ (every Monday and Friday)
_WD_TO = f"{_S}(?:-|–|ដល់|រហូត{_S}ដល់|ទៅ){_S}"
_WEEKDAY_RANGE_AFTER_RE = re.compile(f"{_WD_TO}(?:ថ្ងៃ{_S})?{_WEEKDAY_FULL}")
_WEEKDAY_RANGE_BEFORE_RE = re.compile(f"{_WEEKDAY_FULL}{_WD_TO}$")
_HABIT_LIST_BEFORE_RE = re.compile(
    f"(?:រាល់|ប្រចាំ){_S}ថ្ងៃ{_S}{_WEEKDAY_FULL}{_S}(?:(?:និង|ឬ|,){_S}(?:ថ្ងៃ{_S})?{_WEEKDAY_FULL}{_S})*(?:និង|ឬ|,){_S}$"
)


def habit_list_before(before: str) -> bool:
    """``before`` ends in a list of weekdays that names a habit ("រៀងរាល់ថ្ងៃចន្ទ និង"), so
    the weekday written next is part of it, not a day (zero-width spaces ignored)."""
    require_str(before)
    return _HABIT_LIST_BEFORE_RE.search(before.replace("\u200b", "")) is not None


_WEEKDAY_WORD_RE = re.compile(_alt(_WEEKDAY_SPELLINGS))


def weekday_named(said: str) -> int | None:
    """The weekday (Monday 0 ... Sunday 6) that the words of a date name, if any
    (``ថ្ងៃសុក្រ ទី១៨ ខែតុលា`` → 4; spelling variants such as ``ច័ន្ទ``, ``សៅរិ៍`` included)."""
    require_str(said)
    m = _WEEKDAY_WORD_RE.search(fold_for_matching(said))
    return _WEEKDAY_SPELLINGS[m.group()] if m else None


# សប្តាហ៍ក្រោយ, ខែមុន, ឆ្នាំនេះ, ឆ្នាំទៅ ...
_REL_UNIT_RE = re.compile(f"(?P<u>{_alt((*_WEEK_WORDS, 'ខែ', 'ឆ្នាំ'))}){_S}(?P<q>{_UNIT_Q})")
_UNIT_OF = {"ថ្ងៃ": "day", "សប្តាហ៍": "week", "អាទិត្យ": "week", "ខែ": "month", "ឆ្នាំ": "year"}
# ៣ថ្ងៃមុន (three days ago), ក្នុងពេល ២សប្តាហ៍ទៀត (in two weeks): the unit and its word, then
# the number read backwards
_REL_N_RE = re.compile(
    f"(?P<u>{_alt(_UNIT_OF)}){_NM}{_S}(?P<q>មុន{_NMR}(?!{_S}(?:ពេល|នឹង|ពី|ដល់|គ))|ទៀត{_NMR})"
)
_N_BEFORE_RE = re.compile(f"(?<![0-9.,/:-])(?:(?P<n>[0-9]{{1,4}})|(?P<nw>{_WNUM})){_S}$")
_AGO_CUE_RE = re.compile(
    f"(?:(?:កាល|តាំង|ចាប់){_S})?ពី{_S}(?:រយៈ{_S}ពេល{_S})?(?:(?:ប្រហែល(?:{_S}ជា)?|ប្រមាណ|ជិត|ជាង){_S})?$"
)
# "in N days" needs ក្នុង/នៅ/នា/ត្រឹម right before the number, or the number opening a clause:
# "ក្នុងរយៈពេល ៥ឆ្នាំទៀត" (within a period), "នៅសល់ ១៩ថ្ងៃទៀត" (19 days remain) and
# "បន្ត ២ថ្ងៃទៀត" (two more days) are durations, not dates
_IN_CUE_RE = re.compile(f"(?:ក្នុង(?:{_S}ពេល)?|នៅ|នា|ត្រឹម){_S}(?:(?:ប្រហែល(?:{_S}ជា)?|ប្រមាណ|ជិត){_S})?$")
_PAST_CUE_RE = re.compile(f"កាល{_S}ពី{_S}(?:(?:ពេល|នា|នៅ){_S})?$")
# what before a unit word makes it a count or a habit, not a date: a number (២ថ្ងៃនេះ "these
# two days"), សព្វថ្ងៃ (nowadays), រាល់/ប្រចាំ (every), ប៉ុន្មាន/ច្រើន/រាប់ (a few, many),
# ប្រាក់ខែ (salary), ព្រះអាទិត្យ (the sun)
_COUNT_BEFORE_RE = re.compile(
    f"(?:(?P<count>[0-9]|(?<!\u17d2)(?:{_alt([*_UNIT_WORDS, *_TEN_WORDS, 'រយ', 'ពាន់', 'ម៉ឺន'])}))"
    f"|សព្វ|រាល់|ប្រចាំ|ប៉ុន្មាន|ច្រើន|រាប់|ពីរបី|មួយចំនួន|ប្រាក់|ព្រះ|ៗ){_S}$"
)
# ... but ប្រចាំ before a qualified unit is "of": របាយការណ៍ប្រចាំឆ្នាំកន្លងទៅ (last year's annual
# report) names last year
_ANNUAL_BEFORE_RE = re.compile(f"ប្រចាំ{_S}$")
_AGO_END_CHARS = frozenset("\n\r ។៕!?,.»)\"'”’:;…")


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
    q = qualifier.replace(" ", "").replace("\t", "") if qualifier else None
    if q is not None and q.startswith("កាលពីឆ្នាំ"):
        q = q[len("កាលពី") :]  # ខែឧសភាកាលពីឆ្នាំមុន: May last year
    if q is not None and q[:5] == "ឆ្នាំ" and q[5:] in _UNIT_QUAL:  # ខែមីនា ឆ្នាំក្រោយ
        if month is None:
            return None
        try:
            return _dt.date(ref.year + _UNIT_QUAL[q[5:]], month, day or 1)
        except ValueError:
            return None
    if q is not None and q[:2] == "ខែ" and q[2:] in _UNIT_QUAL:  # ថ្ងៃទី២ ខែក្រោយ
        y, m = _add_months(ref.year, ref.month, _UNIT_QUAL[q[2:]])
        try:
            return _dt.date(y, m, day or 1)
        except ValueError:
            return None
    qualifier = q
    future = qualifier in _Q_FUTURE
    past = qualifier in _Q_PAST
    this = qualifier in _Q_THIS
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


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def _month_end(d: _dt.date) -> _dt.date:
    y, m = _add_months(d.year, d.month, 1)
    return _dt.date(y, m, 1) - _dt.timedelta(days=1) if y <= 9999 else _dt.date(9999, 12, 31)


def expand_two_digit_year(yy: int, reference: _dt.date | None = None) -> int:
    """The four-digit year of a two-digit year ``yy`` (0-99).

    With a reference date: the year ending in ``yy`` within the 100 years from 80 years before
    the reference year to 19 after it (reference 2018: 1938-2037). Without: 00-69 are
    2000-2069, 70-99 are 1970-1999.

    >>> expand_two_digit_year(18), expand_two_digit_year(85)
    (2018, 1985)
    >>> expand_two_digit_year(45, _dt.date(2018, 1, 1))
    1945
    """
    if not 0 <= yy <= 99:
        raise ValueError("a two-digit year is 0-99")
    if reference is None:
        return 2000 + yy if yy < 70 else 1900 + yy
    low = reference.year - 80
    year = low - low % 100 + yy
    return year if year >= low else year + 100


def _relative_value(rel: tuple, ref: _dt.date) -> tuple[_dt.date | None, _dt.date | None]:
    """The first and last day a relative expression means, from the reference date.

    ``rel`` is ("day", offset) | ("weekday", weekday, mode, weeks) | ("week"|"month"|"year", k)
    | ("n", unit, signed count); see docs/dates.md for the rules.
    """
    one = _dt.timedelta(days=1)
    try:
        what = rel[0]
        if what == "day":
            return ref + rel[1] * one, None
        if what == "weekday":
            wd, mode, weeks = rel[1], rel[2], rel[3]
            now = ref.weekday()
            if mode == "future":  # the first such day after the reference
                return ref + ((wd - now - 1) % 7 + 1) * one, None
            if mode == "past":  # the last such day before it
                return ref - ((now - wd - 1) % 7 + 1) * one, None
            if mode == "past_or_same":  # កាលពីថ្ងៃចន្ទ: on or before
                return ref - ((now - wd) % 7) * one, None
            if mode == "week":  # in the reference's week (Monday first) moved by ``weeks``
                return ref + (wd - now + 7 * weeks) * one, None
            return ref + ((wd - now + 3) % 7 - 3) * one, None  # nearest
        if what == "week":
            monday = ref - ref.weekday() * one + 7 * rel[1] * one
            return monday, monday + 6 * one
        if what == "month":
            y, m = _add_months(ref.year, ref.month, rel[1])
            first = _dt.date(y, m, 1)
            return first, _month_end(first)
        if what == "year":
            y = ref.year + rel[1]
            return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
        unit, n = rel[1], rel[2]
        if unit == "day":
            return ref + n * one, None
        if unit == "week":
            return ref + 7 * n * one, None
        if unit == "month":
            return _relative_value(("month", n), ref)
        return _relative_value(("year", n), ref)
    except (ValueError, OverflowError):  # beyond year 1..9999
        return None, None


def _relative_kind(rel: tuple) -> str:
    if rel[0] == "n":  # ៣ថ្ងៃមុន, ២សប្តាហ៍ទៀត: a day; ៣ខែមុន: a month; ២ឆ្នាំមុន: a year
        return {"day": "date", "week": "date"}.get(rel[1], rel[1])
    return {"day": "date", "weekday": "date", "week": "date_range"}.get(rel[0], rel[0])


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
    rel: tuple | None = None  # a relative expression (see _relative_value)
    year2: int | None = None  # a two-digit year as written (02/03/18)


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


def _finditer(regex: re.Pattern, windows: list[tuple[int, int]], f: str) -> list[re.Match]:
    return [m for lo, hi in windows for m in regex.finditer(f, lo, hi)]


def _date_cands(f: str) -> list[_Cand]:
    out: list[_Cand] = []
    month_windows = _windows(_MONTH_ANCHOR_RE, f)
    for m in _finditer(_DATE_RE, month_windows, f):
        prefixed = m.group("th") or m.group("wd") or m.group("ti")
        year, _ = _year_of(m)
        if m.group("md") and not prefixed and m.group("mdg") and not year:
            # "២ ខែ ៩" is 2 September, but "៣ ខែ ៥ ថ្ងៃ" is three months five days
            if int(m.group("md")) > 12 or _DURATION_AFTER_RE.match(f, m.end()):
                continue
        if (
            m.group("dw")
            and not prefixed
            and not (
                m.group("mn")
                and (year or f[m.start("dw") : m.start("mn")].rstrip(" \t\u200b").endswith("ខែ"))
            )
        ):
            # a spelled day needs ថ្ងៃ/ទី, or a month name with ខែ or a year: "ពីរ ខែ ៣" is
            # not a date, and "មួយកញ្ញា" may be a name (កញ្ញា is also "Miss")
            continue
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
        if m.group("y2"):
            c.year2 = int(m.group("y2"))
        if c.year is None and c.be_year is None and c.year2 is None:
            c.qualifier = m.group("q") or _past_cue(f, c.start)
        else:
            c.end = _end_before_q(m)
        out.append(c)
    for m in _finditer(_NUMERIC_RE, _windows(_NUMERIC_ANCHOR_RE, f), f):
        if m.group("d"):
            c = _Cand(m.start(), m.end(), "date", day=int(m.group("d")), month=int(m.group("m")))
            if len(m.group("y")) == 2:
                # 02/03/18; but a two-digit year is only believed on a possible day and
                # month, and not before a month word (១០-១១-១២ វិច្ឆិកា lists days)
                if not (1 <= c.day <= 31 and 1 <= c.month <= 12):
                    continue
                if _MONTH_AFTER_RE.match(f, m.end()):
                    continue
                if m.group("sep") == "." and len(m.group("d") + m.group("m")) < 4:
                    continue  # 1.2.18 is a section or version number; 01.02.18 a date
                c.year2 = int(m.group("y"))
            else:
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
        if not m.group("q") and _ORDINAL_DAY_RE.match(f, m.end()):
            continue  # "ថ្ងៃទី៣ នៃដំណើរទស្សនកិច្ច": the third day of a visit, no date
        c = _Cand(m.start(), m.end(), "date", day=day)
        dp = _DAYPART_BEFORE_RE.search(f, max(0, c.start - 12), c.start)
        if dp:  # ព្រឹកថ្ងៃទី៥
            c.start, c.dp_stop, c.body = dp.start(), dp.end("dp"), m.start()
        c.qualifier = m.group("q") or _past_cue(f, c.start)
        out.append(c)
    for m in _finditer(_MONTH_YEAR_RE, month_windows, f):
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
        q = m.group("q")
        year_q = q is not None and q.replace(" ", "").startswith(("ឆ្នាំ", "កាលពីឆ្នាំ"))
        if m.group("mn") and not year and not year_q and not f.startswith("ខែ", m.start()):
            continue  # a bare month name with no ខែ and no year is too ambiguous (តុលា, កញ្ញា)
        if not year and not q and _EVERY_YEAR_RE.match(f, m.end()):
            continue  # "ខែមិថុនា រៀងរាល់ឆ្នាំ": June of every year, a habit, no date
        c = _Cand(m.start(), m.end(), "month", month=month, has_month=True)
        _set_year(c, year, _era(m, ("a", "b", "na", "nb")))
        if m.group("y2"):  # ខែមីនា ឆ្នាំ១៨
            c.year2 = int(m.group("y2"))
        if c.year is None and c.be_year is None and c.year2 is None:
            c.qualifier = q or _past_cue(f, c.start)
        elif q:
            c.end = _end_before_q(m)
        out.append(c)
    for m in _YEAR_RE.finditer(f):
        year = m.group("y")
        if m.group("yw"):
            value = _int(None, m.group("yw"))
            if value is None or value < 1000:
                continue  # ឆ្នាំមួយ "one year", ឆ្នាំ ពីរ: not a year number
            year = str(value)
        c = _Cand(m.start(), m.end(), "year")
        _set_year(c, year, _era(m, ("a", "b", "d")))
        out.append(c)
    for m in _ERA_YEAR_RE.finditer(f):
        c = _Cand(m.start(), m.end(), "year")
        era = "be" if m.group("cbe") else "ad"
        bc = _BC_BEFORE_RE.search(f, max(0, c.start - 8), c.start) if era == "be" else None
        if bc:  # មុន ព.ស.
            c.start, era = bc.start(), "bc"
        _set_year(c, m.group("cy"), era)
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
            c = _time_cand(m, *clock)
            vela = _VELA_BEFORE_RE.search(f, max(0, c.start - 8), c.start)
            if vela:  # វេលាម៉ោង ...
                c.start = vela.start()
            out.append(c)
    return out


def _past_cue(f: str, start: int) -> str | None:
    """The past qualifier when កាលពី stands right before ``start`` (កាលពីថ្ងៃទី៥ is past)."""
    return "កន្លងទៅ" if _PAST_CUE_RE.search(f, max(0, start - 16), start) else None


def _count_before(f: str, start: int, numbers: bool = True) -> bool:
    """A count or a habit word right before ``start`` (see _COUNT_BEFORE_RE); ``numbers=False``
    ignores numbers, for a day part that may end a clock time (ម៉ោង៧ព្រឹកថ្ងៃនេះ)."""
    m = _COUNT_BEFORE_RE.search(f, max(0, start - 12), start)
    return m is not None and (numbers or m.group("count") is None)


_CLAUSE_OPENERS = frozenset('\n\r។៕៖!?,:;«"“(')


def _clause_start(text: str, start: int) -> bool:
    """Whether ``start`` opens the text, a line or a clause (spaces, not ZWSP, skipped)."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in _CLAUSE_OPENERS


def _rel_day(s: int, e: int, rel: tuple, dp_end: int, f: str) -> _Cand:
    """A day-level relative candidate; a leading day part is noted as for dates, so that a
    clock time before it can take the word (ម៉ោង៧ព្រឹកថ្ងៃនេះ)."""
    c = _Cand(s, e, "date", rel=rel)
    if dp_end >= 0:
        c.dp_stop = c.body = dp_end
        while c.body < e and f[c.body] in " \t":
            c.body += 1
    return c


def _rel_cands(f: str, text: str) -> list[_Cand]:
    """Relative expressions: ម្សិលមិញ, ព្រឹកនេះ, ថ្ងៃចន្ទខាងមុខ, សប្តាហ៍ក្រោយ, ឆ្នាំមុន,
    កាលពី៣ថ្ងៃមុន ... (rules and the readings left out: docs/dates.md, "Relative dates")."""
    out: list[_Cand] = []
    for m in _REL_DAYPART_RE.finditer(f):  # ព្រឹកនេះ, យប់មិញ
        if _count_before(f, m.start(), numbers=False):  # រាល់ព្រឹកនេះ
            continue
        late = m.group("dp") in _DAYPART_MINH_YESTERDAY and m.group("q").startswith("មិញ")
        out.append(_rel_day(m.start(), m.end(), ("day", -1 if late else 0), m.end("dp"), f))
    for m in _REL_WORD_RE.finditer(f):  # [ព្រឹក] [ថ្ងៃ] [ចន្ទ] ម្សិលមិញ
        before = _REL_WORD_BEFORE_RE.search(f, max(0, m.start() - 40), m.start())
        s = before.start() if before else m.start()
        dp_end = before.end("dp") if before and before.group("dp") else -1
        out.append(_rel_day(s, m.end(), ("day", _DAY_WORDS[_squeeze(m.group("dw"))]), dp_end, f))
    for m in _REL_THNGAI_RE.finditer(f):  # [ព្រឹក] ថ្ងៃនេះ, ថ្ងៃចន្ទ [ខាងមុខ ...]
        before = _DAYPART_BEFORE_RE.search(f, max(0, m.start() - 12), m.start())
        s = before.start() if before else m.start()
        if _count_before(f, s, numbers=before is None):  # សព្វថ្ងៃនេះ, ២ថ្ងៃនេះ, រាល់ថ្ងៃចន្ទ
            continue
        if m.group("today"):
            rel: tuple = ("day", 0)
        else:
            wd = _WEEKDAY_SPELLINGS[m.group("wd")]
            wq, wkq = (_squeeze(m.group(g)) if m.group(g) else None for g in ("wq", "wkq"))
            past_cue = _past_cue(f, s) is not None
            if wkq:  # ថ្ងៃចន្ទ សប្តាហ៍ក្រោយ
                rel = ("weekday", wd, "week", _UNIT_QUAL[wkq])
            elif wq in _Q_FUTURE:
                rel = ("weekday", wd, "future", 0)
            elif wq in _Q_PAST:
                rel = ("weekday", wd, "past", 0)
            elif wq:  # នេះ: this week's, or the last one after កាលពី
                rel = ("weekday", wd, "past_or_same" if past_cue else "week", 0)
            elif (
                _WEEKDAY_RANGE_AFTER_RE.match(f, m.end())
                or _WEEKDAY_RANGE_BEFORE_RE.search(f, max(0, s - 30), s)
                or _HABIT_LIST_BEFORE_RE.search(f, max(0, s - 80), s)
            ):
                continue  # a habit: ពីថ្ងៃចន្ទ-សុក្រ, រាល់ថ្ងៃចន្ទ និងថ្ងៃសុក្រ
            else:  # a bare weekday: the nearest, or the last one after កាលពី
                rel = ("weekday", wd, "past_or_same" if past_cue else "nearest", 0)
        out.append(_rel_day(s, m.end(), rel, before.end("dp") if before else -1, f))
    for m in _REL_UNIT_RE.finditer(f):
        s, u, q = m.start(), m.group("u"), _squeeze(m.group("q"))
        if s and f[s - 1] == "\u17d2":
            continue
        if q == "ទៅ" and u != "ឆ្នាំ":
            continue  # ឆ្នាំទៅ is "last year"; ខែទៅ, សប្តាហ៍ទៅ are not said
        if (_count_before(f, s) and not _ANNUAL_BEFORE_RE.search(f, max(0, s - 12), s)) or (
            u == "អាទិត្យ" and f[max(0, s - 4) : s].rstrip(" \t") == "ថ្ងៃ"
        ):
            continue  # ២ឆ្នាំនេះ, ប្រាក់ខែនេះ, ព្រះអាទិត្យ; ថ្ងៃអាទិត្យនេះ is a weekday
        unit = _UNIT_OF[u]
        out.append(_Cand(s, m.end(), unit, rel=(unit, _UNIT_QUAL[q])))
    for m in _REL_N_RE.finditer(f):
        if m.start() and f[m.start() - 1] == "\u17d2":
            continue
        before = _N_BEFORE_RE.search(f, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        n = int(before.group("n")) if before.group("n") else _int(None, before.group("nw"))
        if n is None:
            continue
        s, e = before.start(), m.end()
        if m.group("q").startswith("មុន"):
            if not _AGO_CUE_RE.search(f, max(0, s - 30), s):
                # without កាលពី, "N units មុន" is "N units ago" only at the end of a phrase
                # (a real space, punctuation, the end); written on, it is "N units before X"
                tail = re.match(f"{_S}នេះ{_NMR}", f[e : e + 8])
                if tail:
                    e += tail.end()
                elif e < len(text) and text[e] not in _AGO_END_CHARS:
                    continue
            sign = -1
        else:
            # "in N units" after ក្នុង/នៅ/..., or opening a clause (២សប្តាហ៍ទៀត លោកនឹង...)
            if not _IN_CUE_RE.search(f, max(0, s - 30), s) and not _clause_start(text, s):
                continue
            sign = 1
        unit = _UNIT_OF[m.group("u")]
        out.append(_Cand(s, e, _relative_kind(("n", unit, 0)), rel=("n", unit, sign * n)))
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
    order = {"lunar": 0, "date": 1, "time": 2, "week": 3, "month": 4, "year": 5}
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
    if c.rel is not None:
        if ref is None:
            return None, False
        value = _relative_value(c.rel, ref)[0]
        return value, value is not None
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
    if c.kind == "month":  # a month is compared with the reference's month, not its day
        value = _complete(day, month, c.qualifier, ref.replace(day=1))
    else:
        value = _complete(day, month, c.qualifier, ref)
    return value, value is not None


def find_dates(text: str, *, reference: _dt.date | None = None) -> list[DateMatch]:
    """Every date, time, date range, month, year and lunar date in ``text``.

    Spans are offsets in the original text; see ``DateMatch`` for the fields and
    docs/dates.md for the rules. ``reference`` (the report's own date) completes partial dates:
    ``ថ្ងៃទី១៧ ខែមីនា ខាងមុខ`` with reference 2018-03-02 is 2018-03-17, and gives relative
    expressions their value (ម្សិលមិញ, ថ្ងៃច័ន្ទខាងមុខ, សប្តាហ៍ក្រោយ, ឆ្នាំមុន, កាលពី៣ថ្ងៃមុន).
    Without a reference they are still reported, with value None.

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
    cands = _select(_lunar_cands(text) + _date_cands(f) + _rel_cands(f, text))
    cands = _apposition(f, _time_ranges(f, cands))
    for c in cands:
        if c.year2 is not None:  # 02/03/18
            c.year = expand_two_digit_year(c.year2, reference)
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


_APPOSITION_GAP_RE = re.compile(f"{_S},?{_S}")


def _apposition(f: str, cands: list[_Cand]) -> list[_Cand]:
    """A relative day next to the date it names is one expression: ព្រឹកមិញ ថ្ងៃទី២២ ខែតុលា,
    ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៩ ស្អែកនេះ. The written date gives the value."""
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and _APPOSITION_GAP_RE.fullmatch(f, prev.end, c.start):
            day_rel = [x for x in (prev, c) if x.rel is not None and x.rel[0] in ("day", "weekday")]
            written = [x for x in (prev, c) if x.kind == "date" and x.rel is None and x.day]
            if len(day_rel) == 1 and len(written) == 1:
                written[0].start, written[0].end = prev.start, c.end
                out[-1] = written[0]
                continue
        out.append(c)
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
    if c.rel is not None:
        first = last = None
        if ref is not None:
            first, last = _relative_value(c.rel, ref)
        return DateMatch(
            c.start, c.end, span, first, _relative_kind(c.rel), last, first is not None
        )
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
            c.start,
            c.end,
            span,
            value,
            "date_range",
            end_value,
            rel and value is not None,
            c.be_year,
            *_parts(c),
        )
    end_value = None
    if value is not None and c.kind == "month":
        end_value = _month_end(value)
    elif value is not None and c.kind == "year":
        end_value = value.replace(month=12, day=31)
    return DateMatch(c.start, c.end, span, value, c.kind, end_value, rel, c.be_year, *_parts(c))


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
    rel = (rel_a or rel_b) and va is not None  # relative means "has a value from the reference"
    return DateMatch(
        start, b.end, text[start : b.end], va, "date_range", vb, rel, b.be_year, *parts
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
        rel and value is not None,
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
