"""Numbers in Khmer text: digits, number words, spell-out, money, percent, ordinals, ranges.

This module owns everything about reading and writing quantities:

* ``to_ascii_digits`` / ``to_khmer_digits`` swap the two digit sets (length-preserving);
* ``parse_number`` reads one number written with digits (Khmer or ASCII, with grouping and
  decimal separators), with number words (``ពីររយហាសិបប្រាំ``), or a mix (``២,៥ លាន``);
* ``spell_number`` writes the number words back (``255 -> ពីររយហាសិបប្រាំ``);
* ``find_numbers`` finds numbers in running text with their span, value, kind and unit.

Separators. Khmer news writes both ``៣០,០០០`` and ``៣០.០០០`` for thirty thousand and both
``៧,២`` and ``៧.២`` for seven point two. The rule used here: when both ``.`` and ``,`` occur the
last one is the decimal mark; a separator that occurs twice or more groups thousands; a single
separator followed by exactly three digits after a 1-3 digit non-zero head groups thousands
(``១,០០០`` = 1000, ``២.៤០០`` = 2400); any other single separator is the decimal mark
(``១.៥`` = 1.5, ``1,2`` = 1.2, ``1001.001`` = 1001.001).

Example::

    >>> parse_number("ពីររយហាសិបប្រាំ"), parse_number("៣៣"), spell_number(1700000)
    (255, 33, 'មួយលានប្រាំពីរសែន')
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from typing import NamedTuple

from sleukrith.chars import require_str

__all__ = [
    "NumberMatch",
    "find_numbers",
    "parse_number",
    "spell_number",
    "to_ascii_digits",
    "to_khmer_digits",
    "fold_for_matching",
    "UNIT_EN",
    "CURRENCIES",
    "DIGIT",
    "NUMBER_WORD_RE",
]

Number = int | Decimal

_TO_ASCII = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_TO_KHMER = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def to_ascii_digits(text: str) -> str:
    """Khmer digits to ASCII digits, everything else untouched.

    >>> to_ascii_digits("ឆ្នាំ២០២៦")
    'ឆ្នាំ2026'
    """
    return require_str(text).translate(_TO_ASCII)


def to_khmer_digits(text: str) -> str:
    """ASCII digits to Khmer digits, everything else untouched.

    >>> to_khmer_digits("2026")
    '២០២៦'
    """
    return require_str(text).translate(_TO_KHMER)


# Length-preserving view used for matching: digits to ASCII, COENG DA to COENG TA, the
# invisible separators and no-break space to a plain space. Offsets in the view are offsets
# in the original, so every span found on it is a span of the untouched text.
_FOLD_TABLE = str.maketrans(
    {
        **{k: v for k, v in zip("០១២៣៤៥៦៧៨៩", "0123456789", strict=True)},
        "\u200b": " ",
        "\u00a0": " ",
        "\u202f": " ",
        "\ufeff": " ",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)


def fold_for_matching(text: str) -> str:
    """The same-length matching view of ``text`` (digits, ្ដ/្ត, ZWSP/NBSP folded).

    >>> fold_for_matching("ថ្ងៃ\u200bទី២") == "ថ្ងៃ ទី2"
    True
    """
    return require_str(text).translate(_FOLD_TABLE).replace("\u17d2\u178a", "\u17d2\u178f")


# --- number words ---------------------------------------------------------------------------

_UNIT_WORDS = {
    "សូន្យ": 0,
    "មួយ": 1,
    "ពីរ": 2,
    "បី": 3,
    "បួន": 4,
    "ប្រាំ": 5,
    "ប្រាំមួយ": 6,
    "ប្រាំពីរ": 7,
    "ប្រាំពិល": 7,  # the spoken form Google's verbalizer writes
    "ប្រាំបី": 8,
    "ប្រាំបួន": 9,
}
_TEN_WORDS = {
    "ដប់": 10,
    "ម្ភៃ": 20,
    "សាមសិប": 30,
    "សែសិប": 40,
    "ហាសិប": 50,
    "ហុកសិប": 60,
    "ចិតសិប": 70,
    "ប៉ែតសិប": 80,
    "កៅសិប": 90,
}
_MULTIPLIERS = {
    "រយ": 100,
    "ពាន់": 1000,
    "ម៉ឺន": 10_000,
    "សែន": 100_000,
    "លាន": 1_000_000,
    "កោដិ": 10_000_000,
    "កោដ": 10_000_000,
    "ប៊ីលាន": 1_000_000_000,
    "ទ្រីលាន": 1_000_000_000_000,
}
_WORD_VALUES: dict[str, int] = {**_UNIT_WORDS, **_TEN_WORDS}
_ALL_WORDS = sorted([*_WORD_VALUES, *_MULTIPLIERS], key=len, reverse=True)

DIGIT = "[0-9០-៩]"
# a digit number with optional grouping/decimal separators (no spaces inside)
_DIGITS_RE = f"{DIGIT}+(?:[.,]{DIGIT}+)*"
_WORD_ALT = "|".join(map(re.escape, _ALL_WORDS))
_TOKEN_RE = re.compile(f"({_DIGITS_RE})|({_WORD_ALT})|(ក្បៀស|ចុច)")
_SPACES_RE = re.compile(r"[\s\u200b\u200c\u200d\u00a0\ufeff]+")
_NEG_PREFIX_RE = re.compile(r"^(?:-|\u2212|ដក|អវិជ្ជមាន|ក្រោមសូន្យ)")

NUMBER_WORD_RE = re.compile(f"(?:{_WORD_ALT})(?:[ \u200b]?(?:{_WORD_ALT}))*")
"""A run of number words (what ``find_numbers`` and the date reader look for)."""

_UNITS_SPELL = ["", "មួយ", "ពីរ", "បី", "បួន", "ប្រាំ", "ប្រាំមួយ", "ប្រាំពីរ", "ប្រាំបី", "ប្រាំបួន"]
_TENS_SPELL = ["", "ដប់", "ម្ភៃ", "សាមសិប", "សែសិប", "ហាសិប", "ហុកសិប", "ចិតសិប", "ប៉ែតសិប", "កៅសិប"]


def _digits_value(raw: str) -> Number:
    """Value of a digit string with separators, by the module's separator rule."""
    s = raw.translate(_TO_ASCII)
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        grp = "," if dec == "." else "."
        head, _, frac = s.rpartition(dec)
        if dec in head:
            raise ValueError(f"not a number: {raw!r}")
        groups = head.split(grp)
        if not _is_grouping(groups):
            raise ValueError(f"not a number: {raw!r}")
        return Decimal("".join(groups) + "." + frac)
    sep = "." if dots else "," if commas else ""
    if not sep:
        return int(s)
    parts = s.split(sep)
    if len(parts) > 2:
        if not _is_grouping(parts):
            raise ValueError(f"not a number: {raw!r}")
        return int("".join(parts))
    if _is_grouping(parts) and parts[0] != "0":
        return int("".join(parts))
    return Decimal(parts[0] + "." + parts[1])


def _is_grouping(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _tokens(folded: str) -> list[tuple[str, str]] | None:
    """Split a space-free folded string into (kind, text) tokens, None if anything is left."""
    out: list[tuple[str, str]] = []
    pos = 0
    n = len(folded)
    while pos < n:
        m = _TOKEN_RE.match(folded, pos)
        if not m:
            return None
        if m.group(1):
            out.append(("digits", m.group(1)))
        elif m.group(2):
            out.append(("word", m.group(2)))
        else:
            out.append(("point", m.group(3)))
        pos = m.end()
    return out


def _combine(tokens: list[tuple[str, str]]) -> Number | None:
    """Value of a run of number tokens (words, digit numbers, multipliers), None if malformed.

    The parts of a well-formed Khmer number strictly decrease: ``ប្រាំមួយ រយ លាន ប្រាំបី`` is
    600 x 10^6 + 8; a multiplier takes everything before it that is smaller than itself.
    """
    parts: list[Number] = []
    for kind, tok in tokens:
        if kind == "digits":
            if parts:
                return None
            parts.append(_digits_value(tok))
            continue
        mult = _MULTIPLIERS.get(tok)
        if mult is None:
            value = _WORD_VALUES[tok]
            if value == 0 and (parts or len(tokens) > 1):
                return None
            if parts and parts[-1] <= value:
                return None
            parts.append(value)
            continue
        acc: Number = 0
        took = False
        while parts and parts[-1] < mult:
            acc += parts.pop()
            took = True
        if not took:
            acc = 1
        value = acc * mult
        if parts and parts[-1] <= value:
            return None
        parts.append(value)
    if not parts:
        return None
    total: Number = sum(parts)
    if isinstance(total, Decimal) and total == total.to_integral_value():
        if any(k == "word" for k, _ in tokens):
            total = int(total)
    return total


def _fraction_digits(tokens: list[tuple[str, str]]) -> str | None:
    """Digits after the decimal word: leading សូន្យ each a 0, then one number (Google's
    reading ``ក្បៀស សូន្យ ដប់ ពីរ`` = .012), or a digit-by-digit reading."""
    zeros = 0
    while zeros < len(tokens) and tokens[zeros] == ("word", "សូន្យ"):
        zeros += 1
    rest = tokens[zeros:]
    if not rest:
        return "0" * zeros if zeros else None
    if len(rest) == 1 and rest[0][0] == "digits" and rest[0][1].isdigit():
        return "0" * zeros + rest[0][1].translate(_TO_ASCII)
    if any(k != "word" for k, _ in rest):
        return None
    value = _combine(rest)
    if isinstance(value, int) and value > 0:
        return "0" * zeros + str(value)
    if all(t in _UNIT_WORDS for _, t in rest):  # digit by digit: ប្រាំ ប្រាំ = 55
        return "0" * zeros + "".join(str(_UNIT_WORDS[t]) for _, t in rest)
    return None


def parse_number(text: str) -> Number:
    """The value of one number written in ``text``; ``ValueError`` if it is not one.

    Accepts Khmer or ASCII digits with separators (see the module docstring), number words,
    digits followed by multiplier words (``២,៥ លាន``), decimals with ក្បៀស, a leading minus,
    ដក or អវិជ្ជមាន, and an ordinal prefix ទី. Spaces and ZWSP between words are ignored.
    Returns an ``int`` for whole numbers and a ``Decimal`` for decimals.

    >>> parse_number("ពីររយហាសិបប្រាំ"), parse_number("១,០០០"), parse_number("ដក បួន ក្បៀស ប្រាំ")
    (255, 1000, Decimal('-4.5'))
    """
    require_str(text)
    folded = _SPACES_RE.sub("", fold_for_matching(text))
    negative = False
    m = _NEG_PREFIX_RE.match(folded)
    if m:
        negative = True
        folded = folded[m.end() :]
    if folded.startswith("ទី"):
        folded = folded[2:]
    tokens = _tokens(folded)
    if not tokens:
        raise ValueError(f"not a number: {text!r}")
    points = [i for i, (k, _) in enumerate(tokens) if k == "point"]
    value: Number | None
    if not points:
        value = _combine(tokens)
    elif len(points) == 1 and 0 < points[0] < len(tokens) - 1:
        head, tail = tokens[: points[0]], tokens[points[0] + 1 :]
        scale = 1
        # ពីរ ក្បៀស ប្រាំ លាន = 2.5 x 10^6; a smaller word (រយ, ពាន់) belongs to the fraction
        while len(tail) > 1 and _MULTIPLIERS.get(tail[-1][1], 0) >= 1_000_000:
            scale *= _MULTIPLIERS[tail.pop()[1]]
        whole = _combine(head)
        frac = _fraction_digits(tail)
        if whole is None or frac is None or not isinstance(whole, int):
            value = None
        else:
            value = Decimal(f"{whole}.{frac}") * scale
            if scale > 1 and value == value.to_integral_value():
                value = int(value)
    else:
        value = None
    if value is None:
        raise ValueError(f"not a number: {text!r}")
    return -value if negative else value


# --- spelling -------------------------------------------------------------------------------


def _spell_below_million(n: int) -> str:
    out = []
    for scale, word in ((100_000, "សែន"), (10_000, "ម៉ឺន"), (1000, "ពាន់"), (100, "រយ")):
        d, n = divmod(n, scale)
        if d:
            out.append(_UNITS_SPELL[d] + word)
    t, u = divmod(n, 10)
    out.append(_TENS_SPELL[t] + _UNITS_SPELL[u])
    return "".join(out)


def _spell_int(n: int) -> str:
    if n == 0:
        return "សូន្យ"
    if n < 1_000_000:
        return _spell_below_million(n)
    for scale, word in ((10**12, "ទ្រីលាន"), (10**9, "ប៊ីលាន"), (10**6, "លាន")):
        if n >= scale:
            q, r = divmod(n, scale)
            return _spell_int(q) + word + (_spell_int(r) if r else "")
    raise AssertionError("unreachable")


def spell_number(n: int | float | Decimal) -> str:
    """Khmer number words for ``n`` (written form, no spaces).

    Below a million the ម៉ឺន/សែន system is used; above it, groups of លាន, ប៊ីលាន (10^9) and
    ទ្រីលាន (10^12) as Google's Khmer verbalizer does (``979156713712`` is
    ប្រាំបួនរយចិតសិបប្រាំបួនប៊ីលាន...). Decimals use ក្បៀស; the digits after it are read as one
    number after their leading zeros (0.012 -> សូន្យក្បៀសសូន្យដប់ពីរ). Floats are spelled through
    their shortest repr. ``TypeError`` for other types, ``ValueError`` for NaN/infinity.

    >>> spell_number(255), spell_number(-1.5)
    ('ពីររយហាសិបប្រាំ', 'ដកមួយក្បៀសប្រាំ')
    """
    if isinstance(n, bool) or not isinstance(n, int | float | Decimal):
        raise TypeError(f"spell_number() needs an int, float or Decimal, not {type(n).__name__}")
    if isinstance(n, int):
        return "ដក" + _spell_int(-n) if n < 0 else _spell_int(n)
    d = Decimal(repr(n)) if isinstance(n, float) else n
    if not d.is_finite():
        raise ValueError(f"cannot spell {n!r}")
    sign, digits, exp = d.as_tuple()
    prefix = "ដក" if sign and d != 0 else ""
    if exp >= 0:
        return prefix + _spell_int(int(abs(d)))
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    if frac.endswith("000000"):  # would end in លាន and read as a scale: same value, shorter
        frac = frac.rstrip("0") or "0"
    stripped = frac.lstrip("0")
    frac_words = "សូន្យ" * (len(frac) - len(stripped)) + (
        _spell_int(int(stripped)) if stripped else ""
    )
    return prefix + _spell_int(int(whole)) + "ក្បៀស" + frac_words


# --- finding numbers in text ----------------------------------------------------------------


class NumberMatch(NamedTuple):
    """A number found in text: span in the ORIGINAL text, value, kind and unit.

    kind is one of ``number ordinal percent money quantity range``; ``unit`` is the
    classifier/unit word as written (``នាក់``), ``%`` for percent, ``USD``/``KHR``/... for
    money, None for bare numbers. For a range ``value`` is a ``(low, high)`` tuple.
    """

    start: int
    end: int
    text: str
    value: object
    kind: str
    unit: str | None = None


# Currency words (Google's money_major list plus the usual symbols and spellings), ISO codes.
CURRENCIES: dict[str, str] = {
    "ដុល្លារ អាមេរិក": "USD",
    "ដុល្លារ": "USD",
    "ដុល្លា": "USD",
    "ដូឡា": "USD",
    "USD": "USD",
    "US$": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "$": "USD",
    "រៀល": "KHR",
    "៛": "KHR",
    "KHR": "KHR",
    "riels": "KHR",
    "riel": "KHR",
    "ដុល្លារ អូស្ត្រាលី": "AUD",
    "ដុល្លារ អូស្រ្តាលី": "AUD",  # COENG RO typed before COENG TA, as often seen
    "ដុល្លារ កាណាដា": "CAD",
    "ហ្វ្រង់ ស្វីស": "CHF",
    "យ៉ន់": "CNY",
    "យាន់": "CNY",
    "អឺរ៉ូ": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "€": "EUR",
    "ផោន": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "£": "GBP",
    "រូពី ឥណ្ឌូនេស៊ី": "IDR",
    "រូពី ឥណ្ឌា": "INR",
    "យ៉េន ជប៉ុន": "JPY",
    "យ៉េន": "JPY",
    "yen": "JPY",
    "¥": "JPY",
    "វ៉ុន": "KRW",
    "គីប": "LAK",
    "ក្យាត": "MMK",
    "រីងហ្គីត ម៉ាឡេស៊ី": "MYR",
    "ប៉េសូ ហ្វីលីពីន": "PHP",
    "បាត": "THB",
    "baht": "THB",
    "ដុង": "VND",
}

# Unit and classifier words with an English gloss (Google's measure unit lists, plus the
# classifiers news uses for counts). Longest first at match time.
UNIT_EN: dict[str, str] = {
    "នាក់": "people",
    "រូប": "persons",
    "គ្រួសារ": "households",
    "ខ្នងផ្ទះ": "houses",
    "ខ្នង": "buildings",
    "ករណី": "cases",
    "គ្រឿង": "units",
    "កន្លែង": "places",
    "ដង": "times",
    "ក្បាល": "head",
    "ដើម": "trees",
    "គ្រាប់": "pieces",
    "កញ្ចប់": "packages",
    "ប្រអប់": "boxes",
    "ដុំ": "pieces",
    "សន្លឹក": "sheets",
    "ក្បាន": "volumes",
    "ក្រុម": "groups",
    "ខេត្ត": "provinces",
    "ស្រុក": "districts",
    "ឃុំ": "communes",
    "ភូមិ": "villages",
    "អង្គភាព": "units",
    "ស្ថាប័ន": "institutions",
    "សាលារៀន": "schools",
    "គម្រោង": "projects",
    "ប្រទេស": "countries",
    "គីឡូម៉ែត្រការ៉េ": "km2",
    "ម៉ែត្រការ៉េ": "m2",
    "ម៉ែត្រគូប": "m3",
    "គីឡូម៉ែត្រ": "km",
    "សង់ទីម៉ែត្រ": "cm",
    "មីលីម៉ែត្រ": "mm",
    "ម៉ែត្រ": "m",
    "គ.ម": "km",
    "ហិកតា": "ha",
    "ហិកតារ": "ha",
    "តោន": "t",
    "គីឡូក្រាម": "kg",
    "គីឡូ": "kg",
    "ក្រាម": "g",
    "មីលីលីត្រ": "ml",
    "លីត្រ": "l",
    "អង្សាសេ": "degrees Celsius",
    "ដឺក្រេ": "degrees",
    "វ៉ាត់": "W",
    "មេហ្គាវ៉ាត់": "MW",
    "គីឡូវ៉ាត់": "kW",
    "វ៉ុល": "V",
    "ឆ្នាំ": "years",
    "ខែ": "months",
    "សប្តាហ៍": "weeks",
    "ថ្ងៃ": "days",
    "ម៉ោង": "hours",
    "នាទី": "minutes",
    "វិនាទី": "seconds",
    "km": "km",
    "kg": "kg",
    "ha": "ha",
    # the rest of Google's Khmer measure units (textnorm/google-km, Apache-2.0)
    "អំពែរ": "ampere",
    "កែលវិន": "kelvin",
    "ញ៉ូតុន": "newton",
    "ប៉ាស្កាល់": "pascal",
    "ស៊ូល": "joule",
    "គូឡុំ": "coulomb",
    "ហ្វារ៉ាដ": "farad",
    "អូម": "ohm",
    "អង្សា សេ": "degrees Celsius",
    "សតវត្សរ៍": "centuries",
    "អ៊ីញ": "inches",
    "ហ្វ៊ូត": "feet",
    "យ៉ាត": "yards",
    "ម៉ាយល៍": "miles",
    "ហ្គាឡុង": "gallons",
    "អោនស៍": "ounces",
    "កាឡូរី": "calories",
    "គីឡូ កាឡូរី": "kilocalories",
    "ដេស៊ីប៊ែល": "decibels",
    "ណត់": "knots",
    "សេស": "horsepower",
    "អង្សា ហ្វារ៉ិនហៃ": "degrees Fahrenheit",
    "ប៊ីត": "bits",
    "បៃ": "bytes",
    "ឆ្នាំពន្លឺ": "light years",
    "បារ៉ែល": "barrels",
    "ភិកស៊ែល": "pixels",
    "សង់ទីលីត្រ": "cl",
    "គីឡូលីត្រ": "kl",
    "សង់ទីក្រាម": "cg",
    "មីលីក្រាម": "mg",
}

_MULT_ALT = "|".join(map(re.escape, sorted(_MULTIPLIERS, key=len, reverse=True)))


def _spaced_alt(words) -> str:  # noqa: ANN001
    """Alternation where a space inside a multi-word name is optional (ដុល្លារ អាមេរិក)."""
    return "|".join(
        re.escape(w).replace("\\ ", "[ ]?") for w in sorted(words, key=len, reverse=True)
    )


_CUR_ALT = _spaced_alt(CURRENCIES)
_UNIT_ALT = _spaced_alt(UNIT_EN)
_CUR_KEY = {k.replace(" ", ""): k for k in CURRENCIES}
_UNIT_KEY = {k.replace(" ", ""): k for k in UNIT_EN}
_S = "[ \t]*"
# Khmer mark that may not follow the end of a matched word (it would continue the word)
_NO_MARK = "(?![\u17b6-\u17d3\u17dd])"
_GREG_MONTHS_ALT = "មករា|កុម្ភ|មីនា|មិនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ"
_AMOUNT = (
    f"(?:(?<![0-9A-Za-z.,])-{_S})?(?<![0-9.,]){_DIGITS_RE}(?![0-9])(?:{_S}(?:{_MULT_ALT}){_NO_MARK})*"
    f"|(?<![\u17d2])(?:{_WORD_ALT})(?:[ ]?(?:{_WORD_ALT}))*{_NO_MARK}"
)
_FIND_RE = re.compile(
    f"(?P<pre>(?:US\\$|\\$|USD){_S})?"
    f"(?P<ord>ទី{_S})?"
    f"(?P<amt>{_AMOUNT})"
    f"(?:{_S}(?P<dash>-|ដល់|ទៅ){_S}(?P<amt2>{_AMOUNT}))?"
    f"(?:{_S}(?P<pct>%|ភាគរយ)"
    f"|{_S}(?P<cur>{_CUR_ALT}){_NO_MARK}"
    f"|{_S}(?P<unit>{_UNIT_ALT}){_NO_MARK}(?!(?<=ខែ){_S}(?:{_GREG_MONTHS_ALT}|[0-9]))"
    f"(?!(?<=ម៉ោង){_S}[0-9]))?"
)


def _value_or_none(text: str) -> Number | None:
    try:
        return parse_number(text)
    except ValueError:
        return None


def find_numbers(text: str, *, skip_dates: bool = True) -> list[NumberMatch]:
    """Numbers in running text, left to right, with spans in the original ``text``.

    Digit numbers are always reported; number words only when they are two words or more
    (ពីររយ) or are followed by a unit, currency or percent (a lone មួយ "one, a" is everywhere
    in Khmer prose). An ordinal is ``ទី`` + number. A range is ``A-B``,
    ``A ដល់ B`` or ``A ទៅ B`` with A < B (``២-១`` is a score: two numbers). With
    ``skip_dates`` (the default) numbers inside a date or time expression found by
    ``sleukrith.dates.find_dates`` (``២០១៩-១០-២១``, ``ម៉ោង ៨:៣០``) are left out.

    >>> [(m.text, m.value, m.kind, m.unit) for m in find_numbers("មាន ៣៣នាក់ និង $500")]
    [('៣៣នាក់', 33, 'quantity', 'នាក់'), ('$500', 500, 'money', 'USD')]
    """
    require_str(text)
    folded = fold_for_matching(text)
    out: list[NumberMatch] = []
    for m in _FIND_RE.finditer(folded):
        amt = m.group("amt")
        value = _value_or_none(amt)
        if value is None:
            continue
        start, end = m.start(), m.end()
        is_words = not amt.lstrip("- ")[:1].isdigit()
        has_tail = bool(m.group("pct") or m.group("cur") or m.group("unit") or m.group("pre"))
        if is_words and not has_tail and not m.group("ord"):
            words = NUMBER_WORD_RE.fullmatch(amt.replace(" ", ""))
            n_words = len(re.findall(_WORD_ALT, amt)) if words else 0
            if n_words < 2:
                continue
        low = value
        value2 = _value_or_none(m.group("amt2")) if m.group("amt2") else None
        if m.group("amt2") and value2 is None:
            end = m.start("dash")
            # drop the broken second half: re-evaluate the tail as absent
            out.append(NumberMatch(start, _rstrip_end(folded, start, end), "", low, "number"))
            continue
        if m.group("ord"):
            if value2 is not None or m.group("pre"):
                continue
            after = folded[end : end + 8].lstrip(" \t")
            if after.startswith("ខែ"):
                continue
            if not isinstance(value, int):
                continue
            end = m.end("amt")
            out.append(NumberMatch(start, end, "", value, "ordinal"))
            continue
        kind, unit = "number", None
        if m.group("pre"):
            kind, unit = "money", "USD"
        elif m.group("cur"):
            kind, unit = "money", CURRENCIES[_CUR_KEY[m.group("cur").replace(" ", "")]]
        elif m.group("pct"):
            kind, unit = "percent", "%"
        elif m.group("unit"):
            kind, unit = "quantity", _UNIT_KEY[m.group("unit").replace(" ", "")]
        scale = _scale_of(m.group("amt2")) if value2 is not None else None
        if scale is not None and not _LAST_MULT_RE.search(amt) and 0 < low < value2 / scale:
            # "១,៥ ទៅ ២,៥លានរៀល", "៤៩០ ទៅ ៩២០ ពាន់លានដុល្លារ": the multiplier written once
            # scales both ends
            low = low * scale
            if isinstance(low, Decimal) and low == low.to_integral_value():
                low = int(low)
        if value2 is not None and not value2 > low:
            # "២-១", "៣-៣": a score or a code, not a range; two numbers
            out.append(NumberMatch(start, m.end("amt"), "", low, "number"))
            out.append(NumberMatch(m.start("amt2"), m.end("amt2"), "", value2, "number"))
        elif value2 is not None:
            out.append(NumberMatch(start, end, "", (low, value2), "range", unit))
        else:
            out.append(NumberMatch(start, end, "", value, kind, unit))
    out = _join_scaled(folded, out)
    if skip_dates and out:
        from sleukrith.dates import find_dates

        spans = [(d.start, d.end) for d in find_dates(text)]
        if spans:
            out = [mm for mm in out if not _overlaps(mm.start, mm.end, spans)]
    return [mm._replace(text=text[mm.start : mm.end]) for mm in out]


_LAST_MULT_RE = re.compile(f"(?:{_MULT_ALT})[ \t]*$")
_SCALED_GAP_RE = re.compile("[ \t]{0,2}")


def _join_scaled(folded: str, out: list[NumberMatch]) -> list[NumberMatch]:
    """Join a number ending with a multiplier and the smaller scaled number after it into one:
    "៨៥លាន ៥សែនរៀល" is 85,500,000 riel, "២លាន៣សែននាក់" 2,300,000 people (the words'
    reading "ប៉ែតសិបប្រាំលានប្រាំសែន" is one number already)."""
    joined: list[NumberMatch] = []
    for m in out:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.kind == "number"
            and isinstance(prev.value, int)
            and m.kind in ("number", "money", "quantity")
            and isinstance(m.value, int)
            and (last := _LAST_MULT_RE.search(folded, prev.start, prev.end)) is not None
            and _SCALED_GAP_RE.fullmatch(folded, prev.end, m.start)
            and _LAST_MULT_RE.search(folded, m.start, _amount_end(folded, m))
            and 0 < m.value < _MULTIPLIERS[last.group().strip(" \t")]
        ):
            joined[-1] = NumberMatch(prev.start, m.end, "", prev.value + m.value, m.kind, m.unit)
            continue
        joined.append(m)
    return joined


_LEAD_DIGITS_RE = re.compile(f"[ \t]*({_DIGITS_RE})[ \t]*(?:{_MULT_ALT})")


def _scale_of(amount: str) -> Number | None:
    """The multiplier of a digit amount that ends with multiplier words ("២,៥លាន" -> 10^6,
    "៩២០ ពាន់លាន" -> 10^9), else ``None``."""
    dm = _LEAD_DIGITS_RE.match(amount)
    if dm is None or not _LAST_MULT_RE.search(amount):
        return None
    head, whole = _value_or_none(dm.group(1)), _value_or_none(amount)
    if not head or whole is None:
        return None
    scale = whole / head
    return int(scale) if scale == int(scale) and scale >= 100 else None


def _amount_end(folded: str, m: NumberMatch) -> int:
    """End of the amount of ``m`` (before its unit, currency or percent sign)."""
    fm = _FIND_RE.match(folded, m.start)
    return fm.end("amt") if fm else m.end


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    for s, e in spans[max(i, 0) : i + 2]:
        if s < end and start < e:
            return True
    return False


def _rstrip_end(folded: str, start: int, end: int) -> int:
    while end > start and folded[end - 1] in " \t":
        end -= 1
    return end
