"""The Khmer lunisolar calendar (Chhankitek): Gregorian <-> Khmer lunar dates and the New Year.

This module owns the calendar arithmetic: the year type of every Buddhist Era (BE) year from the
traditional integer formulas (aharkun, kromthupul, avoman, bodithey), the lunar day of any
Gregorian date, the way back, the moment the Khmer New Year begins, and reading lunar dates
written in Khmer text.

>>> import datetime
>>> from_gregorian(datetime.date(2018, 3, 2)).format()
'ថ្ងៃសុក្រ ១រោច ខែផល្គុន ឆ្នាំរកា នព្វស័ក ពុទ្ធសករាជ ២៥៦១'
>>> to_gregorian(parse_lunar("១៥កើត ខែពិសាខ ព.ស. ២៥៦៥"))
datetime.date(2022, 5, 15)

How it works (details in docs/lunar.md): a lunar year runs from 1 កើត ខែមិគសិរ (Nov/Dec) to the
end of ខែកត្តិក and is named here by the BE year in force in its middle (BE = AD + 544 for the
AD year of its ពិសាខ). Its length is 354, 355 (ជេស្ឋ has 30 days) or 384 days (អាសាឍ doubled)
according to the formulas. The first day of every lunar year from AD 1600 to 2400 is tabulated
once at import (a few hundred integers), so a conversion is a few index look-ups: no walk.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from functools import lru_cache
from pathlib import Path

from sleukrith.chars import require_str

__all__ = [
    "ANIMAL_YEARS",
    "ERAS",
    "LEAP_MONTHS",
    "MONTHS",
    "WEEKDAYS",
    "LunarDate",
    "find_lunar",
    "from_gregorian",
    "khmer_new_year",
    "leung_sak",
    "parse_lunar",
    "to_gregorian",
    "year_kind",
]

# --- names ---------------------------------------------------------------------------------

MONTHS: tuple[str, ...] = (
    "មិគសិរ", "បុស្ស", "មាឃ", "ផល្គុន", "ចេត្រ", "ពិសាខ",
    "ជេស្ឋ", "អាសាឍ", "ស្រាពណ៍", "ភទ្របទ", "អស្សុជ", "កត្តិក",
)  # fmt: skip
"""The twelve lunar months, from the first (មិគសិរ, Nov/Dec) to the last (កត្តិក)."""

LEAP_MONTHS: tuple[str, str] = ("បឋមាសាឍ", "ទុតិយាសាឍ")
"""The two អាសាឍ months of a leap-month year (អធិកមាស)."""

ANIMAL_YEARS: tuple[str, ...] = (
    "ជូត", "ឆ្លូវ", "ខាល", "ថោះ", "រោង", "ម្សាញ់", "មមី", "មមែ", "វក", "រកា", "ច", "កុរ",
)  # fmt: skip
"""The twelve animal years, ជូត (rat) first."""

ERAS: tuple[str, ...] = (
    "សំរឹទ្ធិស័ក", "ឯកស័ក", "ទោស័ក", "ត្រីស័ក", "ចត្វាស័ក",
    "បញ្ចស័ក", "ឆស័ក", "សប្តស័ក", "អដ្ឋស័ក", "នព្វស័ក",
)  # fmt: skip
"""The ten ស័ក indexed by the last digit of the Chula Sakaraj year (0 = សំរឹទ្ធិស័ក)."""

WEEKDAYS: tuple[str, ...] = ("ច័ន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ")
"""Khmer weekday names indexed like ``date.weekday()`` (Monday = 0)."""

WAXING, WANING = "កើត", "រោច"
_KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
_ASCII_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")

# year kinds
NORMAL, LEAP_DAY, LEAP_MONTH = "normal", "leap-day", "leap-month"


def _month_table(kind: str) -> tuple[tuple[str, int], ...]:
    """(name, length) of the months of a lunar year of ``kind``, in order."""
    months: list[tuple[str, int]] = []
    for i, name in enumerate(MONTHS):
        length = 29 if i % 2 == 0 else 30  # មិគសិរ 29, បុស្ស 30, ... alternating
        if name == "ជេស្ឋ" and kind == LEAP_DAY:
            length = 30
        if name == "អាសាឍ" and kind == LEAP_MONTH:
            months += [(LEAP_MONTHS[0], 30), (LEAP_MONTHS[1], 30)]
            continue
        months.append((name, length))
    return tuple(months)


class _Layout:
    """Where each month starts in a lunar year of one kind, and what each day offset is."""

    __slots__ = ("length", "month_start", "month_length", "days")

    def __init__(self, kind: str) -> None:
        table = _month_table(kind)
        self.month_start: dict[str, int] = {}
        self.month_length: dict[str, int] = {}
        # offset in the year -> (month, day 1..15, waxing)
        self.days: list[tuple[str, int, bool]] = []
        for name, length in table:
            self.month_start[name] = len(self.days)
            self.month_length[name] = length
            for i in range(length):
                self.days.append((name, i % 15 + 1, i < 15))
        self.length = len(self.days)


_LAYOUTS = {kind: _Layout(kind) for kind in (NORMAL, LEAP_DAY, LEAP_MONTH)}
_CHETR_OFFSET = _LAYOUTS[NORMAL].month_start["ចេត្រ"]  # same in every kind
_VISAK_OFFSET = _LAYOUTS[NORMAL].month_start["ពិសាខ"] + 14  # ១៥កើត ខែពិសាខ (Visak Bochea)


# --- the year formulas (integer arithmetic on the BE year) ---------------------------------


def _aharkun_raw(be: int) -> int:
    return be * 292207 + 499


def _aharkun(be: int) -> int:
    """អាហារគុណ: days elapsed since the epoch of the era (floor), used by avoman and bodithey."""
    return _aharkun_raw(be) // 800 + 4


def _kromthupul(be: int) -> int:
    """ក្រមធុពល: 800 minus the fractional part of the aharkun, in 1/800 day (1..800)."""
    return 800 - _aharkun_raw(be) % 800


def _solar_leap(be: int) -> bool:
    """A 366-day Khmer solar year (kromthupul <= 207)."""
    return _kromthupul(be) <= 207


def _avoman(be: int) -> int:
    """អវមាន (0..691): how far the lunar days run ahead of the solar days."""
    return (11 * _aharkun(be) + 25) % 692


def _bodithey(be: int) -> int:
    """បូតិថី (0..29): the lunar day on which the solar year begins."""
    ah = _aharkun(be)
    return (ah + (11 * ah + 25) // 692 + 29) % 30


def _bodithey_leap(be: int) -> bool:
    """Does the bodithey call for a 13th month?  (>= 25 or <= 5, with the 24/6, 25/5 pairs)."""
    b = _bodithey(be)
    if b == 25 and _bodithey(be + 1) == 5:
        return False  # of a 25/5 pair only the 5 year takes the month
    if b == 24 and _bodithey(be + 1) == 6:
        return True  # of a 24/6 pair the 24 year takes the month
    return b >= 25 or b <= 5


def _avoman_leap(be: int) -> bool:
    """Does the avoman call for a 30-day ជេស្ឋ?"""
    avoman = _avoman(be)
    if _solar_leap(be):
        return avoman <= 126
    if avoman == 137 and _avoman(be + 1) == 0:
        return False  # a 137 followed by 0 is a normal year
    return avoman <= 137


@lru_cache(maxsize=4096)
def year_kind(be_year: int) -> str:
    """The kind of the lunar year whose middle (ពិសាខ..កត្តិក) falls in BE ``be_year``.

    ``"leap-month"`` (384 days, អាសាឍ doubled), ``"leap-day"`` (355 days, ជេស្ឋ has 30 days) or
    ``"normal"`` (354 days). A year that qualifies for both takes the month; its day is
    deferred to the next year when that year is otherwise normal.

    >>> year_kind(2570), year_kind(2563), year_kind(2564)
    ('leap-month', 'normal', 'leap-day')
    """
    if _bodithey_leap(be_year):
        return LEAP_MONTH
    if _avoman_leap(be_year):
        return LEAP_DAY
    if _bodithey_leap(be_year - 1) and _avoman_leap(be_year - 1):
        return LEAP_DAY  # the deferred leap day of the previous year
    return NORMAL


# --- the table of lunar year starts --------------------------------------------------------

_FIRST_AD, _LAST_AD = 1600, 2400  # lunar years tabulated (by the AD year of their ពិសាខ)
_BE0 = _FIRST_AD + 544
# 1900-01-01 is ១កើត ខែបុស្ស, so ១កើត ខែមិគសិរ of the lunar year of AD 1900 is 29 days earlier.
_EPOCH_BE = 1900 + 544
_EPOCH_ORD = _dt.date(1900, 1, 1).toordinal() - 29


def _build_starts() -> tuple[list[int], list[str]]:
    kinds = [year_kind(be) for be in range(_BE0, _LAST_AD + 545)]
    starts = [0] * len(kinds)
    i0 = _EPOCH_BE - _BE0
    starts[i0] = _EPOCH_ORD
    for i in range(i0 + 1, len(kinds)):
        starts[i] = starts[i - 1] + _LAYOUTS[kinds[i - 1]].length
    for i in range(i0 - 1, -1, -1):
        starts[i] = starts[i + 1] - _LAYOUTS[kinds[i]].length
    return starts, kinds


_STARTS, _KINDS = _build_starts()
_MIN_DATE = _dt.date.fromordinal(_STARTS[1])
_MAX_DATE = _dt.date.fromordinal(_STARTS[-1] - 1)


def _year_index(be_middle: int) -> int:
    i = be_middle - _BE0
    if not 0 <= i < len(_STARTS):
        raise ValueError(f"BE year {be_middle} is outside the supported range")
    return i


def _visak_ordinal(ad_year: int) -> int:
    """Ordinal of Visak Bochea (១៥កើត ខែពិសាខ) in Gregorian year ``ad_year``."""
    return _STARTS[_year_index(ad_year + 544)] + _VISAK_OFFSET


# --- New Year (មហាសង្ក្រាន្ត) ---------------------------------------------------------------


def _sun_longitude(sotin: int, prev_kromthupul: int) -> int:
    """The true longitude of the sun (in libda, 1/60 degree) after ``sotin`` days of the year.

    The traditional steps: mean sun from the day count, then the equation of centre from a
    six-step table (ឆាយា) in half-sign (ខណ្ឌ) steps, added or subtracted by quadrant (កែន).
    """
    r2 = 800 * sotin + prev_kromthupul
    sign, rest = divmod(r2, 24350)
    degree, rest = divmod(rest, 811)
    mean = 1800 * sign + 60 * degree + rest // 14 - 3
    # distance from the apogee at 2 signs 20 degrees, in libda
    left = mean - (1800 * 2 + 60 * 20)
    if left < 0:
        left += 1800 * 12
    quadrant = left // 1800
    if quadrant <= 2:
        arc = left
    elif quadrant <= 5:
        arc = 1800 * 6 - left
    elif quadrant <= 8:
        arc = left - 1800 * 6
    else:
        arc = 1800 * 12 - left
    sign_part, within = divmod(arc, 1800)
    deg, minute = divmod(within, 60)
    if deg >= 15:
        khan, rem = 2 * sign_part + 1, 60 * (deg - 15) + minute
    else:
        khan, rem = 2 * sign_part, 60 * deg + minute
    base = (0, 35, 67, 94, 116, 129)
    step = (35, 32, 27, 22, 13, 5)
    correction = base[khan] + rem * step[khan] // 900 if khan < 6 else 134
    return mean - correction if quadrant <= 5 else mean + correction


class _NewYear(tuple):
    """(moment ពេលទេវតាចុះ, days 3 or 4, ថ្ងៃឡើងស័ក, source "formula" or a citation)."""

    __slots__ = ()

    def __new__(cls, moment: _dt.datetime, days: int, leung: _dt.date, source: str):
        return tuple.__new__(cls, (moment, days, leung, source))

    moment = property(lambda self: self[0])
    days = property(lambda self: self[1])
    leung_sak = property(lambda self: self[2])
    source = property(lambda self: self[3])
    leung_ordinal = property(lambda self: self[2].toordinal())

    @property
    def first_new_ordinal(self) -> int:
        """The first date whose midnight is at or after the moment."""
        o = self[0].toordinal()
        return o if self[0].time() == _dt.time() else o + 1


def _new_year_formula(ad_year: int) -> _NewYear:
    be = ad_year + 544  # the BE year of this New Year's lunar year (equals JS + 1182)
    prev_krom = _kromthupul(be - 1)
    first = 363 if _solar_leap(be - 1) else 362
    # the day (sotin) on which the sun reaches 0 degrees of Aries (angsar 0 of sign 0)
    longitudes = [_sun_longitude(s, prev_krom) for s in range(first, first + 4)]
    hits = [i for i, lon in enumerate(longitudes) if (lon % 1800) // 60 == 0]
    if not hits:  # never happens in the tabulated range; keep the function total
        raise ValueError(f"no New Year moment found for {ad_year}")
    libda = longitudes[hits[0]] % 60
    minutes = 24 * 60 - libda * 24
    days = 4 if (longitudes[0] % 1800) // 60 == 0 else 3
    # ថ្ងៃឡើងស័ក: the lunar day "bodithey" counted from ១កើត ខែចេត្រ (0..5 mean 30..35);
    # the bodithey moves one day on when the previous year was both leap-month and leap-day.
    bodithey = _bodithey(be)
    if _bodithey_leap(be - 1) and _avoman_leap(be - 1):
        bodithey = (bodithey + 1) % 30
    if bodithey < 6:
        bodithey += 30
    leung = _STARTS[_year_index(be)] + _CHETR_OFFSET + bodithey - 1
    first_day = _dt.date.fromordinal(leung - (days - 1))
    moment = _dt.datetime.combine(first_day, _dt.time()) + _dt.timedelta(minutes=minutes)
    return _NewYear(moment, days, _dt.date.fromordinal(leung), "formula")


_TABLE_PATH = Path(__file__).parent / "data" / "new_year_moments.json"


def _load_announced() -> dict[int, dict]:
    try:
        raw = _TABLE_PATH.read_text(encoding="utf-8")
    except OSError:
        return {}
    return {int(k): v for k, v in json.loads(raw).get("moments", {}).items()}


_ANNOUNCED = _load_announced()


@lru_cache(maxsize=1024)
def _new_year(ad_year: int) -> _NewYear:
    entry = _ANNOUNCED.get(ad_year)
    if entry is None:
        return _new_year_formula(ad_year)
    moment = _dt.datetime.fromisoformat(entry["moment"])
    days = int(entry.get("days", 3))
    return _NewYear(
        moment, days, moment.date() + _dt.timedelta(days=days - 1), entry.get("source", "")
    )


def khmer_new_year(year: int) -> _dt.datetime:
    """The moment (Cambodian local time) the Khmer New Year of Gregorian ``year`` begins.

    Officially announced moments from ``data/new_year_moments.json`` take precedence over the
    formulas (see docs/lunar.md for the table and its sources).

    >>> khmer_new_year(2026).date()
    datetime.date(2026, 4, 14)
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be int, not {type(year).__name__}")
    if not _FIRST_AD + 1 <= year <= _LAST_AD:
        raise ValueError(
            f"year {year} is outside the supported range ({_FIRST_AD + 1}..{_LAST_AD})"
        )
    return _new_year(year).moment


def leung_sak(year: int) -> _dt.date:
    """ថ្ងៃឡើងស័ក of Gregorian ``year``: the last New Year day, when the ស័ក turns.

    >>> leung_sak(2026)
    datetime.date(2026, 4, 16)
    """
    khmer_new_year(year)  # validates
    return _new_year(year).leung_sak


# --- LunarDate -----------------------------------------------------------------------------


class LunarDate:
    """A Khmer lunar date. Equality compares the lunar day only (day, waxing, month, BE year).

    ``animal_year``, ``era`` and ``weekday`` are derived (filled by :func:`from_gregorian`) and
    may be empty on a date built by hand; :meth:`format` fills them in. Immutable.
    """

    __slots__ = ("day", "waxing", "month", "be_year", "animal_year", "era", "weekday")
    day: int  # 1..15
    waxing: bool  # True: កើត, False: រោច
    month: str  # a name from MONTHS or LEAP_MONTHS
    be_year: int
    animal_year: str
    era: str
    weekday: str

    def __init__(
        self,
        day: int,
        waxing: bool,
        month: str,
        be_year: int,
        animal_year: str = "",
        era: str = "",
        weekday: str = "",
    ) -> None:
        setter = object.__setattr__
        setter(self, "day", day)
        setter(self, "waxing", waxing)
        setter(self, "month", month)
        setter(self, "be_year", be_year)
        setter(self, "animal_year", animal_year)
        setter(self, "era", era)
        setter(self, "weekday", weekday)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("LunarDate is immutable")

    def _key(self) -> tuple:
        return (self.day, self.waxing, self.month, self.be_year)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LunarDate):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"LunarDate(day={self.day!r}, waxing={self.waxing!r}, month={self.month!r}, "
            f"be_year={self.be_year!r}, animal_year={self.animal_year!r}, era={self.era!r}, "
            f"weekday={self.weekday!r})"
        )

    def format(self) -> str:
        """The date as a Khmer almanac writes it.

        >>> LunarDate(1, False, "ផល្គុន", 2561).format()
        'ថ្ងៃសុក្រ ១រោច ខែផល្គុន ឆ្នាំរកា នព្វស័ក ពុទ្ធសករាជ ២៥៦១'
        """
        full = self
        if not (self.animal_year and self.era and self.weekday):
            full = from_gregorian(to_gregorian(self))
        phase = WAXING if self.waxing else WANING
        return (
            f"ថ្ងៃ{full.weekday} {_kh(self.day)}{phase} ខែ{self.month} "
            f"ឆ្នាំ{full.animal_year} {full.era} ពុទ្ធសករាជ {_kh(self.be_year)}"
        )

    def to_dict(self) -> dict:
        """A JSON-able dict of every field (and the ``text`` of :meth:`format`)."""
        return {
            "day": self.day,
            "waxing": self.waxing,
            "month": self.month,
            "be_year": self.be_year,
            "animal_year": self.animal_year,
            "era": self.era,
            "weekday": self.weekday,
        }

    def __str__(self) -> str:
        return self.format()


def _kh(n: int) -> str:
    return str(n).translate(_KHMER_DIGITS)


def _as_date(value: object) -> tuple[_dt.date, _dt.datetime | None]:
    if isinstance(value, _dt.datetime):
        return value.date(), value.replace(tzinfo=None)
    if isinstance(value, _dt.date):
        return value, None
    raise TypeError(f"expected datetime.date, not {type(value).__name__}")


def from_gregorian(d: _dt.date) -> LunarDate:
    """The Khmer lunar date of Gregorian date ``d`` (a ``datetime`` counts at its time).

    The BE year turns on ១រោច ខែពិសាខ, the animal year at the New Year moment (a plain date
    counts as its midnight, so the New Year's own day still has the old animal), the ស័ក on
    ថ្ងៃឡើងស័ក.

    >>> import datetime
    >>> from_gregorian(datetime.date(2026, 6, 29))
    LunarDate(day=15, waxing=True, month='បឋមាសាឍ', be_year=2570, animal_year='មមី', era='អដ្ឋស័ក', weekday='ច័ន្ទ')
    """
    day, moment = _as_date(d)
    o = day.toordinal()
    ad = day.year
    be_next = ad + 545  # the lunar year that starts in Nov/Dec of ``ad``
    i = be_next - _BE0
    if not 1 <= i < len(_STARTS) - 1:
        raise ValueError(
            f"{day.isoformat()} is outside the supported range "
            f"({_MIN_DATE.isoformat()}..{_MAX_DATE.isoformat()})"
        )
    if o < _STARTS[i]:
        i -= 1
    month, lday, waxing = _LAYOUTS[_KINDS[i]].days[o - _STARTS[i]]
    be = ad + 544 if o > _STARTS[ad + 544 - _BE0] + _VISAK_OFFSET else ad + 543
    ny = _new_year(ad)
    if moment is not None:
        new_animal = moment >= ny.moment
    else:  # a plain date counts as its midnight
        new_animal = o >= ny.first_new_ordinal
    animal = ANIMAL_YEARS[(ad + (548 if new_animal else 547)) % 12]
    chula = ad - 638 if o >= ny.leung_ordinal else ad - 639
    return LunarDate(lday, waxing, month, be, animal, ERAS[chula % 10], WEEKDAYS[(o - 1) % 7])


def _lunar_year_of(month: str, waxing: bool, be_year: int) -> int:
    """The lunar-year key (BE of its middle) holding ``month`` of BE ``be_year``."""
    if month in LEAP_MONTHS:
        return be_year
    idx = MONTHS.index(month)
    before_turn = idx < 5 or (idx == 5 and waxing)  # up to ១៥កើត ខែពិសាខ the BE is one less
    return be_year + 1 if before_turn else be_year


def _ordinal_in_year(key: int, month: str, day: int, waxing: bool) -> int:
    i = _year_index(key)
    layout = _LAYOUTS[_KINDS[i]]
    if month == "អាសាឍ" and _KINDS[i] == LEAP_MONTH:
        month = LEAP_MONTHS[1]  # the ordinary អាសាឍ of a leap-month year is ទុតិយាសាឍ
    if month not in layout.month_start:
        raise ValueError(f"BE {key} has no month {month} (it is not a leap-month year)")
    if not 1 <= day <= 15:
        raise ValueError(f"lunar day must be 1..15, not {day}")
    pos = day - 1 if waxing else day + 14
    if pos >= layout.month_length[month]:
        raise ValueError(f"ខែ{month} of BE {key} has {layout.month_length[month]} days")
    return _STARTS[i] + layout.month_start[month] + pos


def to_gregorian(lunar: LunarDate) -> _dt.date:
    """The Gregorian date of a Khmer lunar date (ValueError if that day does not exist).

    In a leap-month year a plain ``អាសាឍ`` is read as ``ទុតិយាសាឍ``.

    >>> to_gregorian(LunarDate(15, True, "បឋមាសាឍ", 2570))
    datetime.date(2026, 6, 29)
    """
    if not isinstance(lunar, LunarDate):
        raise TypeError(f"expected LunarDate, not {type(lunar).__name__}")
    if lunar.month not in MONTHS and lunar.month not in LEAP_MONTHS:
        raise ValueError(f"unknown lunar month {lunar.month!r}")
    key = _lunar_year_of(lunar.month, lunar.waxing, lunar.be_year)
    return _dt.date.fromordinal(_ordinal_in_year(key, lunar.month, lunar.day, lunar.waxing))


# --- reading lunar dates in text -----------------------------------------------------------

_MONTH_SPELLINGS: dict[str, str] = {
    "មិគសិរ": "មិគសិរ", "មិគសីរ": "មិគសិរ", "មិគស៊ីរ": "មិគសិរ",
    "បុស្ស": "បុស្ស", "បុស្យ": "បុស្ស", "បុស": "បុស្ស",
    "មាឃ": "មាឃ", "មាគ": "មាឃ",
    "ផល្គុន": "ផល្គុន", "ផល្គុណ": "ផល្គុន",
    "ចេត្រ": "ចេត្រ", "ចែត្រ": "ចេត្រ", "ចេត": "ចេត្រ",
    "ពិសាខ": "ពិសាខ", "វិសាខ": "ពិសាខ", "ពិសាក": "ពិសាខ",
    "ជេស្ឋ": "ជេស្ឋ", "ជេស្ឌ": "ជេស្ឋ", "ជេស្ត": "ជេស្ឋ", "ជេស្ដ": "ជេស្ឋ",
    "អាសាឍ": "អាសាឍ", "អាសាធ": "អាសាឍ", "អាសាត": "អាសាឍ",
    "បឋមាសាឍ": "បឋមាសាឍ", "បឋមាសាធ": "បឋមាសាឍ", "បឋមអាសាឍ": "បឋមាសាឍ",
    "ទុតិយាសាឍ": "ទុតិយាសាឍ", "ទុតិយាសាធ": "ទុតិយាសាឍ", "ទុតិយអាសាឍ": "ទុតិយាសាឍ",
    "ស្រាពណ៍": "ស្រាពណ៍", "ស្រាពណ": "ស្រាពណ៍", "ស្រាពន៍": "ស្រាពណ៍",
    "ភទ្របទ": "ភទ្របទ", "ភទ្របត": "ភទ្របទ", "ភទ្របថ": "ភទ្របទ",
    "អស្សុជ": "អស្សុជ", "អស្សុច": "អស្សុជ", "អស្សុយុជ": "អស្សុជ",
    "កត្តិក": "កត្តិក", "កក្តិក": "កត្តិក", "កត្តិកា": "កត្តិក",
}  # fmt: skip
# (spellings are stored with ្ត; the text is matched after folding ្ដ to ្ត)

_WEEKDAY_SPELLINGS = (
    "អាទិត្យ", "ច័ន្ទ", "ចន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "ព្រហស្បត្តិ៍", "ព្រហស្បតិ",
    "សុក្រ", "សៅរ៍", "សៅរ",
)  # fmt: skip
_ERA_SPELLINGS = {e: e for e in ERAS} | {
    "សំរឹទ្ធស័ក": "សំរឹទ្ធិស័ក", "សម្រឹទ្ធិស័ក": "សំរឹទ្ធិស័ក", "សម្រឹទ្ធស័ក": "សំរឹទ្ធិស័ក",
    "ចត្វាស័ក": "ចត្វាស័ក", "ចត្តាស័ក": "ចត្វាស័ក", "សប្ដស័ក": "សប្តស័ក",
}  # fmt: skip
_ANIMAL_SPELLINGS = {a: a for a in ANIMAL_YEARS} | {"មមីរ": "មមី", "ម្សាញ": "ម្សាញ់"}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_SP = r"\s*"
_DIGIT = r"[0-9០-៩]"
_LUNAR_RE = re.compile(
    rf"(?:ថ្ងៃ{_SP}(?:(?P<wd>{_alt(_WEEKDAY_SPELLINGS)}){_SP})?(?:ទី{_SP})?)?"
    rf"(?<![0-9០-៩])(?P<day>{_DIGIT}{{1,2}}){_SP}(?P<phase>កើត|រោច)"
    rf"{_SP}(?:ខែ{_SP})?(?P<month>{_alt(_MONTH_SPELLINGS)})"
    rf"(?:{_SP}(?:ឆ្នាំ{_SP})?(?P<animal>{_alt(_ANIMAL_SPELLINGS)}))?"
    rf"(?:{_SP}(?P<era>{_alt(_ERA_SPELLINGS)}))?"
    rf"(?:{_SP},?{_SP}(?:ពុទ្ធសករាជ|ព\.{_SP}ស\.?|ព\.ស){_SP}(?P<be>{_DIGIT}{{4}})(?![0-9០-៩]))?"
)


_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")


def _fold(text: str) -> str:
    """Same-length folding for matching: COENG DA -> COENG TA."""
    return text.replace("\u17d2\u178a", "\u17d2\u178f")


def _matches_words(lunar: LunarDate, animal: str | None, era: str | None) -> bool:
    return (animal is None or lunar.animal_year == animal) and (era is None or lunar.era == era)


def _resolve(m: re.Match, reference: _dt.date | None) -> LunarDate | None:
    day = int(m["day"].translate(_ASCII_DIGITS))
    if not 1 <= day <= 15:
        return None
    waxing = m["phase"] == WAXING
    month = _MONTH_SPELLINGS[m["month"]]
    animal = _ANIMAL_SPELLINGS[m["animal"]] if m["animal"] else None
    era = _ERA_SPELLINGS[m["era"]] if m["era"] else None
    try:
        if m["be"]:
            be = int(m["be"].translate(_ASCII_DIGITS))
            found = from_gregorian(to_gregorian(LunarDate(day, waxing, month, be)))
            key = _lunar_year_of(month, waxing, be)
            if animal and not _matches_words(found, animal, era) and key == be + 1:
                # Between the New Year and Visak Bochea some writers already use the new BE
                # year (it turns at New Year for them): when the written animal year (and ស័ក)
                # fit that reading and not ours, follow the text.
                other = from_gregorian(
                    _dt.date.fromordinal(_ordinal_in_year(be, month, day, waxing))
                )
                if _matches_words(other, animal, era):
                    return other
            return found
        if reference is None:
            return None
        ref_o = reference.toordinal()
        ref_key = from_gregorian(reference)
        key0 = _lunar_year_of(ref_key.month, ref_key.waxing, ref_key.be_year)
        # without a BE year: the nearest occurrence; with an animal year (and ស័ក) written,
        # the nearest occurrence that fits them, within a 60-year cycle either way
        span = 31 if animal else 1
        best: LunarDate | None = None
        best_distance = 0
        for key in range(key0 - span, key0 + span + 1):
            try:
                o = _ordinal_in_year(key, month, day, waxing)
                candidate = from_gregorian(_dt.date.fromordinal(o))
            except ValueError:  # outside the supported range
                continue
            if not _matches_words(candidate, animal, era):
                continue
            if best is None or abs(o - ref_o) < best_distance:
                best, best_distance = candidate, abs(o - ref_o)
        return best
    except ValueError:
        return None


def find_lunar(text: str, *, reference: _dt.date | None = None) -> list[tuple[int, int, LunarDate]]:
    """Every Khmer lunar date written in ``text``, as ``(start, end, LunarDate)``.

    A date needs a day with កើត/រោច and a month; a BE year (ព.ស./ពុទ្ធសករាជ) fixes the year.
    Without a BE year the date is completed from ``reference`` (the occurrence nearest to it
    that fits the animal year and ស័ក when they are written) and skipped when no reference is
    given. Days that do not exist (១៥រោច of a 29-day month) are skipped. The span covers the leading ថ្ងៃ/weekday and the trailing year words when present.

    >>> [(s, e, d.month) for s, e, d in find_lunar("នៅថ្ងៃ១៥កើត ខែពិសាខ ព.ស.២៥៦៥ នេះ")]
    [(2, 28, 'ពិសាខ')]
    """
    require_str(text)
    if reference is not None:
        reference, _ = _as_date(reference)
    if "កើត" not in text and "រោច" not in text:
        return []
    folded = _fold(text)
    index: list[int] | None = None
    if _INVISIBLE.search(folded):
        # match on the text without zero-width characters (some sites put them inside words,
        # e.g. ច\u200bន្ទ) and map the spans back to the original offsets
        index = [i for i, c in enumerate(folded) if c not in _INVISIBLE_CHARS]
        folded = "".join(folded[i] for i in index)
    out: list[tuple[int, int, LunarDate]] = []
    for m in _LUNAR_RE.finditer(folded):
        lunar = _resolve(m, reference)
        if lunar is None:
            continue
        start, end = m.start(), m.end()
        while end > start and folded[end - 1] in " \t\n\r,":
            end -= 1
        if index is not None:
            start, end = index[start], index[end - 1] + 1
        out.append((start, end, lunar))
    return out


def parse_lunar(text: str, *, reference: _dt.date | None = None) -> LunarDate:
    """Read one Khmer lunar date that makes up all of ``text`` (surrounding spaces allowed).

    Raises ``ValueError`` when the text is not exactly one existing lunar date, or when it has
    no BE year and no ``reference`` is given.

    >>> parse_lunar("ថ្ងៃសុក្រ ១រោច ខែផល្គុន ឆ្នាំរកា នព្វស័ក ពុទ្ធសករាជ ២៥៦១").be_year
    2561
    """
    require_str(text)
    stripped = text.strip(" \t\r\n\u200b។")
    offset = len(text) - len(text.lstrip(" \t\r\n\u200b។"))
    found = find_lunar(stripped, reference=reference)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(stripped):
        return found[0][2]
    if not stripped:
        raise ValueError("empty text is not a lunar date")
    m = _LUNAR_RE.match(_fold(stripped))
    if m and m.end() == len(stripped) and not m["be"] and reference is None:
        raise ValueError("a lunar date without BE year needs a reference date")
    raise ValueError(f"not a Khmer lunar date: {text[offset : offset + 60]!r}")
