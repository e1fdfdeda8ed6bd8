"""sleukrith.numbers: digits, parse_number, spell_number, find_numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sleukrith.numbers import (
    UNIT_EN,
    find_numbers,
    fold_for_matching,
    parse_number,
    spell_number,
    to_ascii_digits,
    to_khmer_digits,
)


def test_digits_round_trip():
    assert to_ascii_digits("ឆ្នាំ២០២៦") == "ឆ្នាំ2026"
    assert to_khmer_digits("2026-04-14") == "២០២៦-០៤-១៤"
    assert to_ascii_digits(to_khmer_digits("0123456789")) == "0123456789"


def test_fold_is_length_preserving():
    text = "ថ្ងៃ\u200bទី២ កណ្ដាល\u00a0១២"
    folded = fold_for_matching(text)
    assert len(folded) == len(text)
    assert folded == "ថ្ងៃ ទី2 កណ្តាល 12"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ពីររយហាសិបប្រាំ", 255),
        ("៣៣", 33),
        ("១,០០០", 1000),
        ("1,000.50", Decimal("1000.50")),
        ("១.៥", Decimal("1.5")),
        ("៤.០៦៨,០០", Decimal("4068.00")),
        ("1.001.001", 1001001),
        ("២.៤០០", 2400),
        ("1001,001", Decimal("1001.001")),
        ("0.123", Decimal("0.123")),
        ("មួយលានប្រាំពីរសែន", 1_700_000),
        ("ប្រាំមួយ រយ លាន ប្រាំបី", 600_000_008),
        ("មួយ ពាន់ លាន", 1_000_000_000),
        ("ប៊ីលាន", 1_000_000_000),
        ("ពីរ កោដិ", 20_000_000),
        ("ដប់ មួយ", 11),
        ("ម្ភៃប្រាំពិល", 27),
        ("ដក បួន ក្បៀស ប្រាំ", Decimal("-4.5")),
        ("អវិជ្ជមាន ដប់", -10),
        ("-15", -15),
        ("សូន្យ ក្បៀស សូន្យ សូន្យ ប្រាំ", Decimal("0.005")),
        ("សាមសិប ប្រាំមួយ ក្បៀស សូន្យ មួយ", Decimal("36.01")),
        ("បី ក្បៀស ប្រាំ ប្រាំ", Decimal("3.55")),
        ("២,៥ លាន", 2_500_000),
        ("1.7 កោដិ", 17_000_000),
        ("ទី១", 1),
        ("ទីមួយ", 1),
        ("ម្ភៃ\u200bប្រាំ", 25),
    ],
)
def test_parse_number(text, value):
    got = parse_number(text)
    assert got == value
    assert type(got) is type(value)


@pytest.mark.parametrize(
    "text",
    ["", "abc", "ប្រាំ ប្រាំ", "មួយ ពីរ", "ដក", "1..2", "ពាន់ ពាន់", "ក្បៀស", "១២ ក", "ពីរោះ", "1,2,3"],
)
def test_parse_number_rejects(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "សូន្យ"),
        (255, "ពីររយហាសិបប្រាំ"),
        (1_700_000, "មួយលានប្រាំពីរសែន"),
        (11, "ដប់មួយ"),
        (20004, "ពីរម៉ឺនបួន"),
        (10_000_000, "ដប់លាន"),
        (-17, "ដកដប់ប្រាំពីរ"),
        (Decimal("0.012"), "សូន្យក្បៀសសូន្យដប់ពីរ"),
        (1.5, "មួយក្បៀសប្រាំ"),
        (10**12, "មួយទ្រីលាន"),
    ],
)
def test_spell_number(n, words):
    assert spell_number(n) == words


def test_spell_number_types():
    for bad in ("12", None, True, b"1"):
        with pytest.raises(TypeError):
            spell_number(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        spell_number(float("nan"))


@settings(max_examples=300)
@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_round_trip_int(n):
    assert parse_number(spell_number(n)) == n


@settings(max_examples=200)
@given(
    st.decimals(
        min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False
    )
)
def test_round_trip_decimal(d):
    assert parse_number(spell_number(d)) == d


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**12))
def test_digits_parse(n):
    assert parse_number(str(n)) == n
    assert parse_number(to_khmer_digits(f"{n:,}")) == n


@settings(max_examples=300)
@given(st.text())
def test_parse_number_total(text):
    try:
        value = parse_number(text)
    except ValueError:
        return
    assert isinstance(value, int | Decimal)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("០១២៣៤៥៦៧៨៩12.,- $%៛នាក់រៀលមួយពីររយលានទីខែ\u200b"))))
def test_find_numbers_total_and_spans(text):
    for m in find_numbers(text):
        assert text[m.start : m.end] == m.text
        assert m.kind in {"number", "ordinal", "percent", "money", "quantity", "range"}


@pytest.mark.parametrize("bad", [None, b"12", 12])
def test_type_errors(bad):
    with pytest.raises(TypeError):
        parse_number(bad)
    with pytest.raises(TypeError):
        find_numbers(bad)
    with pytest.raises(TypeError):
        to_ascii_digits(bad)


def _found(text):
    return [(m.text, m.value, m.kind, m.unit) for m in find_numbers(text)]


def test_find_numbers_kinds():
    assert _found("មាន ៣៣នាក់ និង $500") == [
        ("៣៣នាក់", 33, "quantity", "នាក់"),
        ("$500", 500, "money", "USD"),
    ]
    assert _found("ថវិកា ២លានរៀល") == [("២លានរៀល", 2_000_000, "money", "KHR")]
    assert _found("១០០ ដុល្លារ") == [("១០០ ដុល្លារ", 100, "money", "USD")]
    assert _found("កើន ៨៥% និង ៧,២ ភាគរយ") == [
        ("៨៥%", 85, "percent", "%"),
        ("៧,២ ភាគរយ", Decimal("7.2"), "percent", "%"),
    ]
    assert _found("៥០០ គ្រួសារ") == [("៥០០ គ្រួសារ", 500, "quantity", "គ្រួសារ")]
    assert _found("១០-១៥ នាក់") == [("១០-១៥ នាក់", (10, 15), "range", "នាក់")]
    assert _found("ពី ១០ ដល់ ២០ គីឡូម៉ែត្រ") == [("១០ ដល់ ២០ គីឡូម៉ែត្រ", (10, 20), "range", "គីឡូម៉ែត្រ")]
    assert _found("ជាលើកទី១") == [("ទី១", 1, "ordinal", None)]
    assert _found("ប្រជាជន ២,៨ លាន\u200bនាក់") == [("២,៨ លាន\u200bនាក់", 2_800_000, "quantity", "នាក់")]


def test_find_numbers_leaves_dates_and_prose():
    # numbers inside dates and times belong to sleukrith.dates; "3 months" is a quantity
    assert _found("ថ្ងៃទី២១ ខែតុលា ឆ្នាំ២០១៩ ម៉ោង ៨:៣០ 2019-10-21") == []
    assert [m.text for m in find_numbers("2019-10-21", skip_dates=False)] == ["2019", "10", "21"]
    assert _found("ពីរោះណាស់ រយៈពេលវែង") == []
    assert _found("ម្នាក់ មួយចំនួន") == []
    assert _found("រយៈពេល ៣ ខែ") == [("៣ ខែ", 3, "quantity", "ខែ")]
    # "three days ago" is a date; "within three days" stays a quantity
    assert _found("កាលពី៣ថ្ងៃមុន លោកបានមក") == []
    assert _found("ក្នុងរយៈពេល ៣ថ្ងៃទៀត") == [("៣ថ្ងៃ", 3, "quantity", "ថ្ងៃ")]


def test_scores_are_not_ranges():
    assert _found("ឈ្នះ ២-១ និង ៣-៣") == [
        ("២", 2, "number", None),
        ("១", 1, "number", None),
        ("៣", 3, "number", None),
        ("៣", 3, "number", None),
    ]
    assert _found("ពីររយ និង មួយ") == [("ពីររយ", 200, "number", None)]


def test_unit_glosses_are_strings():
    assert UNIT_EN["នាក់"] == "people"
    assert all(isinstance(v, str) and v for v in UNIT_EN.values())


def test_a_scaled_number_and_the_smaller_scaled_number_after_it_are_one_amount():
    assert _found("ថវិកា ៨៥លាន ៥សែនរៀល") == [("៨៥លាន ៥សែនរៀល", 85_500_000, "money", "KHR")]
    assert _found("១លាន ២សែន ៥ម៉ឺនរៀល") == [("១លាន ២សែន ៥ម៉ឺនរៀល", 1_250_000, "money", "KHR")]
    assert _found("២លាន៣សែននាក់") == [("២លាន៣សែននាក់", 2_300_000, "quantity", "នាក់")]
    # a number that is not smaller than the first one's last multiplier is another amount
    assert _found("៥លាន ៣លាន") == [
        ("៥លាន", 5_000_000, "number", None),
        ("៣លាន", 3_000_000, "number", None),
    ]
    assert _found("២លាន ៥០០នាក់") == [
        ("២លាន", 2_000_000, "number", None),
        ("៥០០នាក់", 500, "quantity", "នាក់"),
    ]


def test_a_multiplier_written_once_scales_both_ends_of_a_range():
    assert _found("១,៥ ទៅ ២,៥លានរៀល") == [
        ("១,៥ ទៅ ២,៥លានរៀល", (1_500_000, 2_500_000), "range", "KHR")
    ]
    assert _found("៤៩០ ទៅ ៩២០ ពាន់លានដុល្លារ") == [
        ("៤៩០ ទៅ ៩២០ ពាន់លានដុល្លារ", (490 * 10**9, 920 * 10**9), "range", "USD")
    ]
    # a low end above the high end's number is read as written
    assert _found("១០០ ទៅ ២លាន") == [("១០០ ទៅ ២លាន", (100, 2_000_000), "range", None)]
