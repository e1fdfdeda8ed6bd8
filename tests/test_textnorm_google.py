"""Google's Khmer text-normalization test data (../shared/data/textnorm/google-km, Apache-2.0).

Google's grammars map written text to structured fields (classifier) and fields to spoken
words (verbalizer). We check what corresponds to sleukrith's job:

* classifier date/time: ``find_dates`` on the input finds one expression covering all of it,
  with Google's day, month, year (as written: a BE year is compared with ``be_year``) and
  hours/minutes;
* classifier money/measure and tokenize_and_classify cardinal/decimal/ordinal rows:
  ``find_numbers`` / ``parse_number`` give Google's amount, currency and unit;
* verbalizer cardinal/decimal/money/measure: ``spell_number`` writes Google's spoken number
  (spaces removed, the spoken ប្រាំពិល written ប្រាំពីរ) and ``parse_number`` reads it back;
* verbalizer date/time: ``find_dates`` reads the spoken (spelled-out) form back to Google's
  fields (day, month, year as written; hours, minutes, seconds).

Cases outside sleukrith's job are excluded by a stated rule (never by outcome); the rules and
the measured rates are in docs/dates.md. The in-scope pass rate must be >= 0.95 per category.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from sleukrith.dates import _MONTH_SPELLINGS, find_dates
from sleukrith.numbers import (
    CURRENCIES,
    UNIT_EN,
    find_numbers,
    fold_for_matching,
    parse_number,
    spell_number,
)

REF = dt.date(2020, 6, 15)  # completes Google's year-less dates; only day/month are compared
_FIELD_RE = re.compile(r'(\w+): ("[^"]*"|[^\s{}]+)')
_CURRENCY_NAME = {k.replace(" ", ""): v for k, v in CURRENCIES.items()}
_UNIT_NAMES = {k.replace(" ", "") for k in UNIT_EN}

_ROOT = Path()
Outcome = tuple[str, str]  # ("pass" | "fail" | "out", detail)


def _rows(path: Path) -> list[list[str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line.split("\t"))
    return out


def _proto_fields(text: str) -> dict[str, str]:
    return {k: v.strip('"') for k, v in _FIELD_RE.findall(text)}


def _bar_fields(text: str) -> dict[str, str]:
    return dict(p.split(":", 1) for p in text.split("|") if ":" in p)


def _spoken(words: str) -> str:
    return words.replace(" ", "").replace("ប្រាំពិល", "ប្រាំពីរ")


def _month_number(field: str) -> int | None:
    if field.startswith("ខែ"):
        return int(field[2:])
    return _MONTH_SPELLINGS.get(fold_for_matching(field))


def _whole(found, text):  # noqa: ANN001, ANN202
    return [m for m in found if m.start == 0 and m.end == len(text)]


# --- classifier ------------------------------------------------------------------------------


def cls_date(row: list[str]) -> Outcome:
    text, f = row[1].strip(), _proto_fields(row[2])
    if "មុន" in f.get("era", ""):
        return "out", "BC year: Python dates cannot hold it"
    hits = _whole(find_dates(text, reference=REF), text)
    if len(hits) != 1:
        return "fail", f"no single match covering the input: {find_dates(text, reference=REF)}"
    m = hits[0]
    if m.value is None:
        return "fail", f"no value: {m}"
    if "day" in f and m.value.day != int(f["day"]):
        return "fail", f"day {m.value.day} != {f['day']}"
    if "month" in f and m.value.month != _month_number(f["month"]):
        return "fail", f"month {m.value.month} != {f['month']}"
    if "year" in f:
        written = m.be_year if m.be_year is not None else m.value.year
        if written != int(f["year"]):
            return "fail", f"year {written} != {f['year']}"
    return "pass", ""


def cls_time(row: list[str]) -> Outcome:
    if len(row) == 2:  # this file separates input and fields with a space, not a tab
        text, _, proto = row[1].partition(" time {")
        row = [row[0], text, "time {" + proto]
    text, f = row[1].strip(), _proto_fields(row[2])
    hits = _whole(find_dates(text), text)
    if len(hits) != 1 or hits[0].kind != "time" or hits[0].value is None:
        return "fail", f"{find_dates(text)}"
    t = hits[0].value
    if (t.hour, t.minute) != (int(f["hours"]) % 24, int(f.get("minutes", 0))):
        return "fail", f"{t} != {f}"
    return "pass", ""


def _amount(f: dict[str, str]) -> Decimal:
    value = Decimal(f"{f.get('integer_part', '0')}.{f.get('fractional_part', '0')}")
    return value * int(f.get("quantity", 1))


def cls_money(row: list[str]) -> Outcome:
    text, f = row[1].strip(), _proto_fields(row[2])
    hits = _whole(find_numbers(text), text)
    if len(hits) != 1 or hits[0].kind != "money":
        return "fail", f"{find_numbers(text)}"
    m = hits[0]
    if m.unit != f["currency"].upper() or m.value != _amount(f):
        return "fail", f"{m.value} {m.unit} != {_amount(f)} {f['currency']}"
    return "pass", ""


def cls_measure(row: list[str]) -> Outcome:
    text, f = row[1].strip(), _proto_fields(row[2])
    number = re.match(r"[0-9០-៩.,]+", text)
    unit_written = text[number.end() :].strip() if number else ""
    if unit_written.replace(" ", "") not in _UNIT_NAMES:
        return "out", "unit not written as a full Khmer unit word (abbreviation, English, per-unit)"
    hits = _whole(find_numbers(text), text)
    if len(hits) != 1 or hits[0].kind not in ("quantity", "percent"):
        return "fail", f"{find_numbers(text)}"
    if hits[0].value != _amount(f):
        return "fail", f"{hits[0].value} != {_amount(f)}"
    return "pass", ""


def cls_tokenize(row: list[str]) -> Outcome:
    text, tokens = row[1].strip(), row[2]
    kinds = re.findall(r"tokens \{ (\w+)", tokens)
    f = _proto_fields(tokens)
    if kinds == ["name", "cardinal"] and f.get("name") == "ទី":
        expected: int | Decimal = int(f["integer"])  # ordinal ទីN
    elif kinds == ["cardinal"]:
        expected = int(f["integer"])
    elif kinds == ["decimal"]:
        expected = Decimal(f"{f['integer_part']}.{f['fractional_part']}")
        if f.get("negative") == "true":
            expected = -expected
    else:
        return "out", "names, digit strings, fractions, letters: tokenization is not ours"
    if not re.fullmatch(r"-?(?:ទី ?)?[0-9០-៩.,]+", text):
        return "out", "not written with digits (Roman numerals)"
    if re.fullmatch(r"-?[0-9០-៩]{1,3},[0-9០-៩]{3}", text) and kinds == ["decimal"]:
        return "out", "N,NNN alone: Google reads a decimal (its comment: ambiguous); we group"
    try:
        got = parse_number(text)
    except ValueError as exc:
        return "fail", str(exc)
    return ("pass", "") if got == expected else ("fail", f"{got!r} != {expected!r}")


# --- verbalizer ------------------------------------------------------------------------------


def _spell_and_parse(value: int | Decimal, words: str) -> Outcome:
    mine = spell_number(value)
    if mine != _spoken(words):
        return "fail", f"spell {mine} != {words}"
    try:
        back = parse_number(words)
    except ValueError as exc:
        return "fail", f"parse: {exc}"
    return ("pass", "") if back == value else ("fail", f"parse {back!r} != {value!r}")


def verb_cardinal(row: list[str]) -> Outcome:
    f = _bar_fields(row[1])
    return _spell_and_parse(int(f["integer"]), row[2])


def _decimal_value(f: dict[str, str]) -> int | Decimal:
    if "fractional_part" in f:
        value: int | Decimal = Decimal(f"{f['integer_part']}.{f['fractional_part']}")
    else:
        value = int(f["integer_part"])
    return -value if f.get("negative") == "1" else value


def verb_decimal(row: list[str]) -> Outcome:
    f = _bar_fields(row[1])
    if "exponent" in f:
        return "out", "scientific notation (គុណ នឹង ដប់ ស្វ័យគុណ) is not written in reports"
    return _spell_and_parse(_decimal_value(f), row[2])


def verb_date(row: list[str]) -> Outcome:
    """Google's spoken date, read back by find_dates: the day, month and year as written."""
    f = _bar_fields(row[1])
    if "មុន" in f.get("era", ""):
        return "out", "BC year: Python dates cannot hold it"
    text = row[2].strip()
    hits = _whole(find_dates(text), text)
    if len(hits) != 1:
        return "fail", f"no single match covering the input: {find_dates(text)}"
    m = hits[0]
    if "day" in f and m.day != int(f["day"]):
        return "fail", f"day {m.day} != {f['day']}"
    if "month" in f:
        month = int(f["month"]) if f["month"].isdigit() else _month_number(f["month"])
        if m.month != month:
            return "fail", f"month {m.month} != {f['month']}"
    if "year" in f and m.year != int(f["year"]):
        return "fail", f"year {m.year} != {f['year']}"
    return "pass", ""


def verb_time(row: list[str]) -> Outcome:
    """Google's spoken clock time, read back by find_dates."""
    f = _bar_fields(row[1])
    text = row[2].strip()
    hits = _whole(find_dates(text), text)
    if len(hits) != 1 or hits[0].kind != "time" or hits[0].value is None:
        return "fail", f"{find_dates(text)}"
    t = hits[0].value
    want = (int(f["hours"]) % 24, int(f.get("minutes", 0)), int(f.get("seconds", 0)))
    if (t.hour, t.minute, t.second) != want:
        return "fail", f"{t} != {want}"
    return "pass", ""


def _split_unit(words: str, names: set[str]) -> tuple[str, str] | None:
    compact = words.replace(" ", "")
    for name in sorted(names, key=len, reverse=True):
        if compact.endswith(name):
            return compact[: -len(name)], name
    return None


def verb_money(row: list[str]) -> Outcome:
    f = _bar_fields(row[1])
    if row[1].count("currency:") > 1 or f.get("integer_part") == "0":
        return "out", "minor units (សេន, សាតាំង, ផិននី): we do not spell cents as words"
    split = _split_unit(row[2], set(_CURRENCY_NAME))
    if split is None:
        return "fail", f"currency of {row[2]!r} unknown"
    amount_words, name = split
    if _CURRENCY_NAME[name] != f["currency"].upper():
        return "fail", f"{name} is not {f['currency']}"
    value: int | Decimal
    if f.get("fractional_part", "0").strip("0"):
        value = Decimal(f"{f['integer_part']}.{f['fractional_part']}")
    else:
        value = int(f["integer_part"])
    quantity = int(f.get("quantity", 1))
    if quantity > 1:  # "ម្ភៃ ប្រាំ ក្បៀស សូន្យ មួយ លាន": the scale word stays as written
        for word, scale in (("ទ្រីលាន", 10**12), ("ប៊ីលាន", 10**9), ("កោដិ", 10**7), ("លាន", 10**6)):
            if scale == quantity and amount_words.endswith(word):
                mine = spell_number(value) + word
                if mine != _spoken(amount_words):
                    return "fail", f"spell {mine} != {amount_words}"
                back = parse_number(amount_words)
                expected = value * quantity
                return ("pass", "") if back == expected else ("fail", f"{back} != {expected}")
        return "fail", f"scale {quantity} not found in {amount_words}"
    return _spell_and_parse(value, amount_words)


def verb_measure(row: list[str]) -> Outcome:
    if len(row) < 3 or not row[2].strip():
        return "out", "no spoken form given"
    f = _bar_fields(row[1])
    if "integer_part" not in f:
        return "out", "a unit name without a number"
    unit = _google_units().get(f.get("units", ""))
    if unit is None or fold_for_matching(unit).replace(" ", "") not in _UNIT_NAMES:
        return "out", "SI-prefixed, compound or non-Khmer unit (not in our unit list)"
    words = _spoken(row[2])
    unit_spoken = fold_for_matching(unit).replace(" ", "")
    if not fold_for_matching(words).endswith(unit_spoken):
        return "fail", f"unit {unit} not at the end of {row[2]!r}"
    return _spell_and_parse(_decimal_value(f), row[2][: len(row[2]) - len(unit)].strip())


_GOOGLE_UNITS: dict[str, str] = {}


def _google_units() -> dict[str, str]:
    """Google's English unit name -> Khmer unit word (verbalizer/measure_units_en.txt)."""
    if not _GOOGLE_UNITS:
        path = _ROOT / "verbalizer" / "measure_units_en.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                en, km = line.split("\t", 1)
                _GOOGLE_UNITS[en.strip()] = km.strip()
    return _GOOGLE_UNITS


CASES: dict[str, tuple[str, Callable[[list[str]], Outcome]]] = {
    "classifier/date": ("classifier/testdata/date.tsv", cls_date),
    "classifier/time": ("classifier/testdata/time.tsv", cls_time),
    "classifier/money": ("classifier/testdata/money.tsv", cls_money),
    "classifier/measure": ("classifier/testdata/measure.tsv", cls_measure),
    "classifier/cardinal+decimal": ("classifier/testdata/tokenize_and_classify.tsv", cls_tokenize),
    "verbalizer/cardinal": ("verbalizer/testdata/cardinal.tsv", verb_cardinal),
    "verbalizer/decimal": ("verbalizer/testdata/decimal.tsv", verb_decimal),
    "verbalizer/money": ("verbalizer/testdata/money.tsv", verb_money),
    "verbalizer/measure": ("verbalizer/testdata/measure.tsv", verb_measure),
    "verbalizer/date": ("verbalizer/testdata/date.tsv", verb_date),
    "verbalizer/time": ("verbalizer/testdata/time.tsv", verb_time),
}


def evaluate(root: Path) -> dict[str, dict[str, object]]:
    """Pass/fail/out counts and the failures per category (used by bench/dates.py too)."""
    global _ROOT
    _ROOT = root
    report: dict[str, dict[str, object]] = {}
    for name, (rel, check) in CASES.items():
        counts = {"pass": 0, "fail": 0, "out": 0}
        failures = []
        for row in _rows(root / rel):
            if len(row) < 2:
                continue
            status, detail = check(row)
            counts[status] += 1
            if status == "fail":
                failures.append((row[1], detail))
        in_scope = counts["pass"] + counts["fail"]
        report[name] = {
            **counts,
            "rate": counts["pass"] / in_scope if in_scope else None,
            "failures": failures,
        }
    return report


@pytest.fixture(scope="module")
def report(shared_data: Path) -> dict[str, dict[str, object]]:
    return evaluate(shared_data / "textnorm" / "google-km")


@pytest.mark.parametrize("category", list(CASES))
def test_pass_rate(report, category):
    r = report[category]
    assert r["pass"] + r["fail"] > 0, "nothing in scope"
    assert r["rate"] >= 0.95, f"{category}: {r['rate']:.3f}; failures: {r['failures'][:10]}"
