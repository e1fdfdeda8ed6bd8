"""sleukrith.dates: find_dates, format_date and the calendar rules behind them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sleukrith.dates import (
    MONTHS,
    DateMatch,
    ad_to_be,
    be_to_ad,
    expand_two_digit_year,
    find_dates,
    format_date,
    to_24h,
)

REF = dt.date(2018, 3, 2)  # a Friday
ZW = "\u200b"


def one(text: str, reference: dt.date | None = REF) -> DateMatch:
    found = find_dates(text, reference=reference)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("ថ្ងៃអង្គារ ទី១៤ ខែមេសា ឆ្នាំ២០២៦", dt.date(2026, 4, 14), "date"),
        ("ថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០២១", dt.date(2021, 11, 29), "date"),
        ("ថ្ងៃទី29 ខែវិច្ឆិកា ឆ្នាំ2021", dt.date(2021, 11, 29), "date"),
        ("ថ្ងៃទី២៩ខែវិច្ឆិកាឆ្នាំ២០២១", dt.date(2021, 11, 29), "date"),
        ("ថ្ងៃ\u200bទី\u200b២១ ខែ\u200bតុលា ឆ្នាំ\u200b២០១៩", dt.date(2019, 10, 21), "date"),
        ("ថ្ងៃទី៣ ខែកុម្ភ: ឆ្នាំ២០២០", dt.date(2020, 2, 3), "date"),
        ("ថ្ងៃទី៣ ខែកុម្ភៈ ឆ្នាំ២០២០", dt.date(2020, 2, 3), "date"),
        ("02/03/2018", dt.date(2018, 3, 2), "date"),
        ("2018-03-02", dt.date(2018, 3, 2), "date"),
        ("02.03.2018", dt.date(2018, 3, 2), "date"),
        ("02-03-2018", dt.date(2018, 3, 2), "date"),
        ("ខែតុលា ឆ្នាំ២០១៩", dt.date(2019, 10, 1), "month"),
        ("ឆ្នាំ២០១៩", dt.date(2019, 1, 1), "year"),
        ("ម៉ោង ៨ព្រឹក", dt.time(8, 0), "time"),
        ("ម៉ោង ១៤:៣០", dt.time(14, 30), "time"),
        ("ម៉ោង៦ និង៤៣នាទីល្ងាច", dt.time(18, 43), "time"),
        ("ម៉ោង ៨:០០ នាទីព្រឹក", dt.time(8, 0), "time"),
        ("ម៉ោង ៧៖០០នាទីយប់", dt.time(19, 0), "time"),
        ("ម៉ោង ១១យប់", dt.time(23, 0), "time"),
        ("ម៉ោង ៨ កន្លះ", dt.time(8, 30), "time"),
        ("ម៉ោង១២ថ្ងៃត្រង់", dt.time(12, 0), "time"),
        ("9:19 pm", dt.time(21, 19), "time"),
        ("12:30 AM", dt.time(0, 30), "time"),
    ],
)
def test_single(text, value, kind):
    found = find_dates(text, reference=REF)
    assert len(found) == 1, found
    m = found[0]
    assert (m.text, m.value, m.kind) == (text, value, kind)


def test_day_part_prefix_is_in_span():
    m = one("កាលពីព្រឹកថ្ងៃទី០២ ខែមីនា ឆ្នាំ២០១៨ នេះ")
    assert m.text == "ព្រឹកថ្ងៃទី០២ ខែមីនា ឆ្នាំ២០១៨"
    assert m.value == dt.date(2018, 3, 2)


def test_spans_index_the_original_text():
    text = "នៅ\u200bថ្ងៃ\u200bទី\u200b២១ ខែតុលា ឆ្នាំ\u200b២០១៩\u200b ម៉ោង\u200b៨ ព្រឹក"
    for m in find_dates(text):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ថ្ងៃទី១៧ ខែមីនា ខាងមុខ", dt.date(2018, 3, 17)),
        ("ថ្ងៃទី១៧ ខែមីនា ក្រោយ", dt.date(2018, 3, 17)),
        ("ថ្ងៃទី១ ខែមីនា ខាងមុខ", dt.date(2019, 3, 1)),
        ("ថ្ងៃទី២៨ ខែកុម្ភៈ មុន", dt.date(2018, 2, 28)),
        ("ថ្ងៃទី៥ ខែមីនា មុន", dt.date(2017, 3, 5)),
        ("ថ្ងៃទី២៨ ខែធ្នូ នេះ", dt.date(2018, 12, 28)),
        ("ថ្ងៃទី២៨ ខែធ្នូ", dt.date(2017, 12, 28)),  # nearest
        ("ថ្ងៃទី១៥ ខែមេសា", dt.date(2018, 4, 15)),  # nearest
        ("ថ្ងៃទី១៧ នេះ", dt.date(2018, 3, 17)),
        ("ថ្ងៃទី២៨ កន្លងទៅ", dt.date(2018, 2, 28)),
    ],
)
def test_partial_dates_completed_from_reference(text, value):
    m = one(text)
    assert (m.text, m.value, m.relative) == (text, value, True)


def test_partial_without_reference_has_no_value():
    m = one("ថ្ងៃទី១៧ ខែមីនា ខាងមុខ", reference=None)
    assert (m.kind, m.value, m.relative) == ("date", None, False)


@pytest.mark.parametrize(
    "text",
    [
        "ថ្ងៃទី៣២ ខែមករា ឆ្នាំ២០២០",
        "ថ្ងៃទី៣១ ខែកុម្ភៈ ឆ្នាំ២០២០",
        "31/02/2020",
        "13/13/2020",
        "ថ្ងៃទី៥ ខែ១៣ ឆ្នាំ២០២០",
        "ថ្ងៃទី៣២",
    ],
)
def test_invalid_dates_have_no_value(text):
    m = one(text)
    assert m.kind == "date"
    assert m.value is None


def test_datetime_and_ranges():
    m = one("ម៉ោង២ និង៣០នាទី រសៀលថ្ងៃទី២១ ខែតុលា ឆ្នាំ២០១៩")
    assert (m.kind, m.value) == ("datetime", dt.datetime(2019, 10, 21, 14, 30))
    m = one("ថ្ងៃទី២១ ខែតុលា ឆ្នាំ២០១៩ វេលាម៉ោង ៨ព្រឹក")
    assert (m.kind, m.value) == ("datetime", dt.datetime(2019, 10, 21, 8, 0))
    m = one("ពីថ្ងៃទី១ ដល់ថ្ងៃទី៥ ខែមករា ឆ្នាំ២០២០")
    assert m.text.startswith("ពីថ្ងៃទី១")
    assert (m.kind, m.value, m.end_value) == (
        "date_range",
        dt.date(2020, 1, 1),
        dt.date(2020, 1, 5),
    )
    m = one("ថ្ងៃទី១-៥ ខែមករា ឆ្នាំ២០២០")
    assert (m.kind, m.value, m.end_value) == (
        "date_range",
        dt.date(2020, 1, 1),
        dt.date(2020, 1, 5),
    )
    m = one("ថ្ងៃទី១០ -១១-១២ ខែវិច្ឆិកា ឆ្នាំ២០១៩")
    assert (m.value, m.end_value) == (dt.date(2019, 11, 10), dt.date(2019, 11, 12))
    m = one("ចាប់ពីថ្ងៃទី១៨ ដល់២០ ខែតុលា ឆ្នាំ២០១៩")
    assert (m.value, m.end_value) == (dt.date(2019, 10, 18), dt.date(2019, 10, 20))
    m = one("ពីថ្ងៃទី២៨ ខែធ្នូ ដល់ថ្ងៃទី២ ខែមករា ឆ្នាំ២០២០")
    assert (m.value, m.end_value) == (dt.date(2019, 12, 28), dt.date(2020, 1, 2))


def test_buddhist_era():
    m = one("ព.ស. ២៥៦៥")
    assert (m.kind, m.be_year, m.value) == ("year", 2565, dt.date(2021, 1, 1))
    m = one("ពុទ្ធសករាជ២៥៦៥")
    assert (m.kind, m.be_year) == ("year", 2565)
    m = one("ថ្ងៃទី១០ ខែមករា ព.ស. ២៥៦៥")
    assert m.value == dt.date(2022, 1, 10)
    m = one("ថ្ងៃទី១០ ខែតុលា ព.ស. ២៥៦៥")
    assert m.value == dt.date(2021, 10, 10)
    assert be_to_ad(2565) == 2021
    assert ad_to_be(dt.date(2022, 1, 1)) == 2565
    assert ad_to_be(dt.date(2022, 12, 1)) == 2566


@pytest.mark.parametrize(
    ("hour", "part", "expected"),
    [
        (8, "ព្រឹក", 8),
        (12, "ថ្ងៃត្រង់", 12),
        (1, "ថ្ងៃត្រង់", 13),
        (2, "រសៀល", 14),
        (5, "ល្ងាច", 17),
        (6, "ល្ងាច", 18),
        (7, "យប់", 19),
        (11, "យប់", 23),
        (12, "យប់", 0),
        (2, "យប់", 2),
        (12, "អធ្រាត្រ", 0),
        (14, "រសៀល", 14),
        (22, "យប់", 22),
        (24, None, 0),
        (25, None, None),
    ],
)
def test_to_24h(hour, part, expected):
    assert to_24h(hour, part) == expected


def test_not_dates():
    assert find_dates("រយៈពេល ៣ ខែ ៥ ថ្ងៃ") == []
    assert find_dates("កញ្ញា សុខា និង ធ្នូ") == []
    assert find_dates("លេខ ១២៣៤៥ និង ៣:១") == []


def test_lunar_dates_in_text():
    pytest.importorskip("sleukrith.lunar")
    from sleukrith import lunar

    if not hasattr(lunar, "find_lunar"):
        pytest.skip("sleukrith.lunar.find_lunar not there yet")
    text = "ថ្ងៃអង្គារ ៩រោច ខែអស្សុជ ឆ្នាំកុរ ឯកស័ក ព.ស ២៥៦៣ ត្រូវនឹងថ្ងៃទី២២ ខែតុលា ឆ្នាំ២០១៩"
    found = find_dates(text)
    kinds = [m.kind for m in found]
    assert "lunar" in kinds and "date" in kinds
    lunar_match = found[kinds.index("lunar")]
    assert lunar_match.value == dt.date(2019, 10, 22)


def test_format_date_lunar_and_time():
    lunar = pytest.importorskip("sleukrith.lunar")
    if not hasattr(lunar, "from_gregorian"):
        pytest.skip("sleukrith.lunar.from_gregorian not there yet")
    text = format_date(dt.date(2018, 3, 2), lunar=True)
    assert text.endswith("ត្រូវនឹងថ្ងៃទី២ ខែមីនា ឆ្នាំ២០១៨")
    assert "ខែផល្គុន" in text
    kinds = {m.kind: m.value for m in find_dates(text)}
    assert kinds == {"lunar": dt.date(2018, 3, 2), "date": dt.date(2018, 3, 2)}
    m = one(format_date(dt.datetime(2018, 3, 2, 14, 30)), reference=None)
    assert (m.kind, m.value) == ("datetime", dt.datetime(2018, 3, 2, 14, 30))


def test_format_date():
    assert format_date(dt.date(2021, 11, 29)) == "ថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០២១"
    assert format_date(dt.date(2026, 4, 14), weekday=True) == "ថ្ងៃអង្គារ ទី១៤ ខែមេសា ឆ្នាំ២០២៦"
    assert format_date(dt.date(2026, 4, 4), digits="ascii") == "ថ្ងៃទី4 ខែមេសា ឆ្នាំ2026"
    with pytest.raises(TypeError):
        format_date("2021-11-29")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        format_date(dt.date(2021, 1, 1), digits="roman")


@settings(max_examples=200)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.booleans())
def test_format_then_find_round_trip(d, weekday):
    m = one(format_date(d, weekday=weekday), reference=None)
    assert (m.value, m.kind) == (d, "date")


@settings(max_examples=300)
@given(st.text())
def test_find_dates_total(text):
    for m in find_dates(text, reference=REF):
        assert text[m.start : m.end] == m.text
        assert m.kind in {"date", "datetime", "time", "date_range", "year", "month", "lunar"}


_PIECES = [
    "ថ្ងៃ",
    "ម្សិលមិញ",
    "ស្អែក",
    "មិញ",
    "នេះ",
    "មុន",
    "ក្រោយ",
    "ទៀត",
    "កាលពី",
    "ក្នុង",
    "សប្តាហ៍",
    "ច័ន្ទ",
    "អាទិត្យ",
    "ទៅ",
    "ទី",
    "ខែ",
    "ឆ្នាំ",
    "ម៉ោង",
    "និង",
    "នាទី",
    "ព្រឹក",
    "យប់",
    "ដល់",
    "ពី",
    " ",
    "\u200b",
    "-",
    "/",
    ".",
    ":",
    "ព.ស.",
    "ខាងមុខ",
    "ដប់",
    "ប្រាំ",
    "ពីរ",
    "ពាន់",
    "វិនាទី",
    "ទៅ",
    "រសៀល",
    " pm",
    "\n",
    *MONTHS,
    *"០១២៣៤៥៦៧៨៩",
    "12",
    "2020",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_find_dates_total_on_date_like_text(text):
    for m in find_dates(text):
        assert text[m.start : m.end] == m.text
    for m in find_dates(text, reference=REF):
        assert text[m.start : m.end] == m.text
        if m.end_value is not None and m.value is not None:
            assert m.end_value >= m.value
        if m.relative:
            assert m.value is not None


@pytest.mark.parametrize("bad", [None, b"x", 3])
def test_type_errors(bad):
    with pytest.raises(TypeError):
        find_dates(bad)
    with pytest.raises(TypeError):
        find_dates("x", reference="2018-03-02")  # type: ignore[arg-type]


def test_cli_dates(tmp_path):
    import json

    import typer
    from typer.testing import CliRunner

    from sleukrith.cli.dates import dates_command

    app = typer.Typer()  # a second verb keeps typer in sub-command mode
    app.command("dates")(dates_command)
    app.command("noop")(lambda: None)

    path = tmp_path / "report.txt"
    path.write_text("ថ្ងៃទី១៧ ខែមីនា ខាងមុខ ម៉ោង ៨ព្រឹក", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["dates", str(path), "--reference", "2018-03-02", "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    assert (record["kind"], record["value"], record["relative"]) == (
        "datetime",
        "2018-03-17T08:00:00",
        True,
    )
    result = runner.invoke(app, ["dates", str(path)])
    assert result.exit_code == 0 and "datetime" in result.output
    assert runner.invoke(app, ["dates", str(tmp_path / "missing.txt")]).exit_code == 2
    assert runner.invoke(app, ["dates", str(path), "-r", "2018-02-30"]).exit_code == 2


@pytest.mark.parametrize(
    ("text", "kind", "parts", "value"),
    [
        ("ថ្ងៃទីដប់ប្រាំ ខែមករា ឆ្នាំ២០២០", "date", (15, 1, 2020), dt.date(2020, 1, 15)),
        (
            "ដប់ មួយ ខែ កញ្ញា ឆ្នាំ ពីរ ពាន់ ប្រាំ រយ ម្ភៃ ប្រាំមួយ",
            "date",
            (11, 9, 2526),
            dt.date(1982, 9, 11),
        ),
        ("ថ្ងៃ ពុធ ទី សាមសិប មួយ ខែ មេសា", "date", (31, 4, None), None),  # 31 April: no value
        ("ខែ កក្កដា ឆ្នាំ ពីរ ពាន់ ដប់ ប្រាំបួន", "month", (None, 7, 2019), dt.date(2019, 7, 1)),
        ("ឆ្នាំ ពីរ ពាន់ ដប់ ប្រាំបួន", "year", (None, None, 2019), dt.date(2019, 1, 1)),
        ("ម៉ោង ប្រាំបួន ដប់ ប្រាំបួន នាទី យប់", "time", (None, None, None), dt.time(21, 19)),
        ("ម៉ោង ដប់ ពីរ ម្ភៃ បី នាទី", "time", (None, None, None), dt.time(12, 23)),
        ("ម៉ោង ប្រាំពីរ ប្រាំបួន វិនាទី យប់", "time", (None, None, None), dt.time(19, 0, 9)),
    ],
)
def test_spelled_out(text, kind, parts, value):
    m = one(text, reference=None)
    assert (m.text, m.kind, (m.day, m.month, m.year), m.value) == (text, kind, parts, value)


def test_parts_without_reference():
    m = one("ថ្ងៃទី១៧ ខែមីនា ខាងមុខ", reference=None)
    assert (m.day, m.month, m.year, m.value) == (17, 3, None, None)
    m = one("ថ្ងៃទី១០ ខែមករា ព.ស. ២៥៦៥")
    assert (m.day, m.month, m.year, m.be_year) == (10, 1, 2565, 2565)


def test_spelled_numbers_in_prose_are_not_dates():
    assert find_dates("ក្នុងឆ្នាំមួយៗ ពីរ ខែ ៣ និង ម៉ោង មួយ ពីរ") == []
    # not the 2nd of a month: "two months ago", a relative month
    m = one("ពីរ ខែ មុន")
    assert (m.kind, m.value, m.day, m.month) == ("month", dt.date(2018, 1, 1), None, None)


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("ចន្លោះ ម៉ោង៧ ទៅ៨យប់", "ម៉ោង៧ ទៅ៨យប់", dt.time(19), dt.time(20)),
        ("ម៉ោង ១១ ដល់ ២ រសៀល", "ម៉ោង ១១ ដល់ ២ រសៀល", dt.time(11), dt.time(14)),
        ("ម៉ោង៨ព្រឹក ដល់ម៉ោង៥ល្ងាច", "ម៉ោង៨ព្រឹក ដល់ម៉ោង៥ល្ងាច", dt.time(8), dt.time(17)),
    ],
)
def test_time_ranges(text, span, start, end):
    m = one(text)
    assert (m.text, m.kind, m.value, m.end_value) == (span, "time", start, end)


def test_time_range_with_date():
    m = one("ពីម៉ោង ៧:៣០ ដល់ម៉ោង ១១:០០ ថ្ងៃទី២១ ខែតុលា ឆ្នាំ២០១៩")
    assert m.kind == "datetime"
    assert (m.value, m.end_value) == (
        dt.datetime(2019, 10, 21, 7, 30),
        dt.datetime(2019, 10, 21, 11, 0),
    )
    assert one("ម៉ោង ៨ ដល់ ១០ នាក់").text == "ម៉ោង ៨"


# --- relative expressions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ថ្ងៃនេះ", dt.date(2018, 3, 2)),
        ("ម្សិលមិញ", dt.date(2018, 3, 1)),
        ("ថ្ងៃម្សិលមិញ", dt.date(2018, 3, 1)),
        ("ម្សិលម្ង៉ៃ", dt.date(2018, 2, 28)),
        ("ថ្ងៃស្អែក", dt.date(2018, 3, 3)),
        ("ស្អែក", dt.date(2018, 3, 3)),
        ("ស្អែកនេះ", dt.date(2018, 3, 3)),
        ("ខានស្អែក", dt.date(2018, 3, 4)),
        ("ព្រឹកនេះ", dt.date(2018, 3, 2)),
        ("ល្ងាចនេះ", dt.date(2018, 3, 2)),
        ("យប់នេះ", dt.date(2018, 3, 2)),
        ("ព្រឹកមិញ", dt.date(2018, 3, 2)),  # this morning
        ("យប់មិញ", dt.date(2018, 3, 1)),  # last night
        ("ល្ងាចមិញ", dt.date(2018, 3, 1)),
        ("ព្រឹកស្អែក", dt.date(2018, 3, 3)),
        ("ព្រឹកថ្ងៃស្អែក", dt.date(2018, 3, 3)),
        ("រសៀលម្សិលមិញ", dt.date(2018, 3, 1)),
        ("ល្ងាចថ្ងៃនេះ", dt.date(2018, 3, 2)),
        ("ថ្ងៃពុធម្សិលមិញ", dt.date(2018, 3, 1)),
        (f"ម្សិល{ZW}មិញ", dt.date(2018, 3, 1)),
        (f"ថ្ងៃ{ZW}នេះ", dt.date(2018, 3, 2)),
    ],
)
def test_relative_days(text, value):
    m = one(text)
    assert (m.text, m.kind, m.value, m.relative) == (text, "date", value, True)
    # without a reference: the same span and kind, no value
    m = one(text, reference=None)
    assert (m.text, m.kind, m.value, m.relative) == (text, "date", None, False)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ថ្ងៃច័ន្ទខាងមុខ", dt.date(2018, 3, 5)),
        ("ថ្ងៃចន្ទ ខាងមុខ", dt.date(2018, 3, 5)),
        (f"ថ្ងៃ{ZW}ច័ន្ទ{ZW}ខាង{ZW}មុខ", dt.date(2018, 3, 5)),
        ("ថ្ងៃពុធក្រោយ", dt.date(2018, 3, 7)),
        ("ថ្ងៃសុក្រក្រោយ", dt.date(2018, 3, 9)),  # not the reference day itself
        ("ថ្ងៃអង្គារមុន", dt.date(2018, 2, 27)),
        ("ថ្ងៃសុក្រមុន", dt.date(2018, 2, 23)),
        ("ថ្ងៃអាទិត្យកន្លងទៅ", dt.date(2018, 2, 25)),
        ("ថ្ងៃសុក្រនេះ", dt.date(2018, 3, 2)),
        ("ថ្ងៃសៅរ៍នេះ", dt.date(2018, 3, 3)),  # this week (Monday first)
        ("ថ្ងៃច័ន្ទនេះ", dt.date(2018, 2, 26)),
        ("ថ្ងៃអង្គារ៍នេះ", dt.date(2018, 2, 27)),
        ("ថ្ងៃព្រហស្បត្តិ៍ក្រោយ", dt.date(2018, 3, 8)),
        ("ថ្ងៃសៅរិ៍ខាងមុខ", dt.date(2018, 3, 3)),
        ("ថ្ងៃច័ន្ទ សប្តាហ៍ក្រោយ", dt.date(2018, 3, 5)),
        ("ថ្ងៃសុក្រសប្ដាហ៍មុន", dt.date(2018, 2, 23)),
        ("ថ្ងៃពុធ អាទិត្យក្រោយ", dt.date(2018, 3, 7)),
        ("ថ្ងៃចន្ទ", dt.date(2018, 3, 5)),  # bare: the nearest Monday
        ("ថ្ងៃពុធ", dt.date(2018, 2, 28)),
        ("ព្រឹកថ្ងៃអង្គារ", dt.date(2018, 2, 27)),
    ],
)
def test_relative_weekdays(text, value):
    m = one(text)
    assert (m.text, m.kind, m.value, m.relative) == (text, "date", value, True)
    assert m.value.weekday() == value.weekday()


def test_weekday_after_kalpi_is_past():
    # កាលពី (in the past) turns a bare weekday to the last one, the reference day included
    m = one("កាលពីថ្ងៃចន្ទ លោកបាននិយាយ")
    assert (m.text, m.value) == ("ថ្ងៃចន្ទ", dt.date(2018, 2, 26))
    assert one("កាល​ពី​ថ្ងៃ​សុក្រ").value == REF
    assert one("កាលពីរសៀលថ្ងៃព្រហស្បតិ៍").value == dt.date(2018, 3, 1)
    # and a partial date to the last such day
    assert one("កាលពីថ្ងៃទី៥").value == dt.date(2018, 2, 5)
    assert one("ថ្ងៃទី៥").value == dt.date(2018, 3, 5)  # the nearest


@pytest.mark.parametrize(
    ("text", "kind", "value", "end_value"),
    [
        ("សប្តាហ៍ក្រោយ", "date_range", dt.date(2018, 3, 5), dt.date(2018, 3, 11)),
        ("សប្ដាហ៍មុន", "date_range", dt.date(2018, 2, 19), dt.date(2018, 2, 25)),
        ("សប្តាហ៍នេះ", "date_range", dt.date(2018, 2, 26), dt.date(2018, 3, 4)),
        ("អាទិត្យក្រោយ", "date_range", dt.date(2018, 3, 5), dt.date(2018, 3, 11)),
        ("សប្តាហ៍ខាងមុខ", "date_range", dt.date(2018, 3, 5), dt.date(2018, 3, 11)),
        ("ខែក្រោយ", "month", dt.date(2018, 4, 1), dt.date(2018, 4, 30)),
        ("ខែមុន", "month", dt.date(2018, 2, 1), dt.date(2018, 2, 28)),
        ("ខែនេះ", "month", dt.date(2018, 3, 1), dt.date(2018, 3, 31)),
        ("ខែខាងមុខ", "month", dt.date(2018, 4, 1), dt.date(2018, 4, 30)),
        ("ឆ្នាំក្រោយ", "year", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
        ("ឆ្នាំមុន", "year", dt.date(2017, 1, 1), dt.date(2017, 12, 31)),
        ("ឆ្នាំនេះ", "year", dt.date(2018, 1, 1), dt.date(2018, 12, 31)),
        ("ឆ្នាំទៅ", "year", dt.date(2017, 1, 1), dt.date(2017, 12, 31)),
        ("ឆ្នាំកន្លងទៅ", "year", dt.date(2017, 1, 1), dt.date(2017, 12, 31)),
        (f"ឆ្នាំ{ZW}កន្លង{ZW}ទៅ", "year", dt.date(2017, 1, 1), dt.date(2017, 12, 31)),
    ],
)
def test_relative_weeks_months_years(text, kind, value, end_value):
    m = one(text)
    assert (m.text, m.kind, m.value, m.end_value, m.relative) == (
        text,
        kind,
        value,
        end_value,
        True,
    )
    m = one(text, reference=None)
    assert (m.kind, m.value, m.end_value) == (kind, None, None)


def test_relative_month_across_year_end():
    assert one("ខែក្រោយ", reference=dt.date(2018, 12, 31)).value == dt.date(2019, 1, 1)
    m = one("ខែមុន", reference=dt.date(2018, 1, 31))
    assert (m.value, m.end_value) == (dt.date(2017, 12, 1), dt.date(2017, 12, 31))


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("កាលពី៣ថ្ងៃមុន", "៣ថ្ងៃមុន", "date", dt.date(2018, 2, 27)),
        ("កាល​ពី ៣ ថ្ងៃ​មុន​ក្រុមហ៊ុន", "៣ ថ្ងៃ\u200bមុន", "date", dt.date(2018, 2, 27)),
        ("លោកមកដល់ ៣ថ្ងៃមុន។", "៣ថ្ងៃមុន", "date", dt.date(2018, 2, 27)),
        ("កាលពីពីរសប្តាហ៍មុន", "ពីរសប្តាហ៍មុន", "date", dt.date(2018, 2, 16)),
        ("កាលពីរយៈពេល២សប្តាហ៍មុន", "២សប្តាហ៍មុន", "date", dt.date(2018, 2, 16)),
        ("កាលពី ២ ខែមុន", "២ ខែមុន", "month", dt.date(2018, 1, 1)),
        ("កាលពី៨០ឆ្នាំមុន", "៨០ឆ្នាំមុន", "year", dt.date(1938, 1, 1)),
        ("ក្នុងពេល ១១ ថ្ងៃទៀត", "១១ ថ្ងៃទៀត", "date", dt.date(2018, 3, 13)),
        ("នៅ ២សប្តាហ៍ទៀត", "២សប្តាហ៍ទៀត", "date", dt.date(2018, 3, 16)),
        ("២សប្តាហ៍ទៀត", "២សប្តាហ៍ទៀត", "date", dt.date(2018, 3, 16)),
        ("ក្នុង ៣ខែទៀត", "៣ខែទៀត", "month", dt.date(2018, 6, 1)),
    ],
)
def test_n_units_ago_and_later(text, span, kind, value):
    m = one(text)
    assert (m.text, m.kind, m.value, m.relative) == (span, kind, value, True)


@pytest.mark.parametrize(
    "text",
    [
        "សព្វថ្ងៃនេះ ថាមពលកើតឡើងវិញ",  # nowadays
        "រហូតមកដល់សព្វ​ថ្ងៃ​នេះ",
        "ការតម្លើងប្រាក់ខែនេះ",  # this salary raise
        "ក្នុងរយៈពេល២ថ្ងៃនេះ",  # these two days
        "ការប្រកួតរយៈពេល ៣ ថ្ងៃនេះ",
        "ប៉ុន្មានថ្ងៃនេះម្តាយជាប់រវល់",
        "រៀងរាល់ឆ្នាំទៅវិញ",
        "ពន្ធនាគារពី១០ឆ្នាំទៅ២០ឆ្នាំ",
        "រាប់សិបឆ្នាំទៅមុខទៀត",
        "ច្រើនឆ្នាំមុននឹងរៀបការ",
        "មិនខុសពីឆ្នាំមុនៗ",  # previous years
        "ក្នុងឆ្នាំក្រោយៗ",
        "២៨ឆ្នាំក្រោយពីកិច្ចព្រមព្រៀង",  # 28 years after the agreement
        "លុះ២ថ្ងៃក្រោយមក",  # two days later (in the story)
        "២ថ្ងៃមុនពេលបោះឆ្នោត",  # two days before the vote
        "៣៣ ឆ្នាំ មុននឹងផុតពីតំណែង",
        "រយៈពេល ៥ឆ្នាំ មុនឈានដល់",
        "ក្នុងរយៈពេល ២សប្តាហ៍ទៀត",  # within two weeks: a period
        "នៅសល់ ១៩ថ្ងៃទៀត",  # nineteen days remain
        "ត្រូវប្រើរយៈពេល១២ថ្ងៃទៀត",
        "ដល់ស្អែកឡើង អ្នកបែរធ្វើមិនដឹង",  # the next day, in a story
        "មិនបារម្ភថាថ្ងៃក្រោយគ្មានអនាគត",  # the future, not a date
        "ថ្ងៃមុនមានអ្នកជិះឡាន",  # the other day
        "ពន្លឺព្រះអាទិត្យនេះ",  # the sun
        "ជារៀងរាល់ថ្ងៃចន្ទ និងថ្ងៃសុក្រ",  # every Monday and Friday
        "ផ្សាយពីថ្ងៃចន្ទ-សុក្រ",  # Monday to Friday, every week
        "ឆ្នាំ១៨",  # a two-digit year alone
        "មុនពេលប្រជុំ",
    ],
)
def test_relative_false_positives(text):
    assert find_dates(text, reference=REF) == []


def test_relative_with_times_and_ranges():
    m = one("ម៉ោង៧ព្រឹកថ្ងៃនេះ")
    assert (m.kind, m.value, m.relative) == ("datetime", dt.datetime(2018, 3, 2, 7), True)
    m = one("ម៉ោង ៩ យប់មិញ")
    assert (m.text, m.value) == ("ម៉ោង ៩ យប់មិញ", dt.datetime(2018, 3, 1, 21))
    m = one("ម៉ោង ៨ព្រឹក ថ្ងៃស្អែក")
    assert m.value == dt.datetime(2018, 3, 3, 8)
    m = one("ចាប់ពីថ្ងៃនេះរហូតដល់ថ្ងៃទី២៤ ខែមីនា")
    assert (m.kind, m.value, m.end_value) == ("date_range", REF, dt.date(2018, 3, 24))


def test_relative_word_next_to_its_date_is_one_expression():
    # the written date gives the value; the relative word is part of the span
    m = one("កាលពីព្រឹកមិញ ថ្ងៃទី២២ ខែតុលា ឆ្នាំ២០១៩")
    assert (m.text, m.value, m.relative) == (
        "ព្រឹកមិញ ថ្ងៃទី២២ ខែតុលា ឆ្នាំ២០១៩",
        dt.date(2019, 10, 22),
        False,
    )
    m = one("ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៩ ស្អែកនេះ")
    assert (m.text, m.value) == ("ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៩ ស្អែកនេះ", dt.date(2019, 10, 23))


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("ថ្ងៃទី២ ខែក្រោយ", "date", dt.date(2018, 4, 2)),
        ("ថ្ងៃទី២៨ ខែមុន", "date", dt.date(2018, 2, 28)),
        ("ថ្ងៃទី១៥ ខែនេះ", "date", dt.date(2018, 3, 15)),
        ("ថ្ងៃទី២ ខែមីនា ឆ្នាំក្រោយ", "date", dt.date(2019, 3, 2)),
        ("ថ្ងៃទី១៥ ខែមករា ឆ្នាំមុន", "date", dt.date(2017, 1, 15)),
        ("ថ្ងៃទី២៩ ខែកក្កដាឆ្នាំនេះ", "date", dt.date(2018, 7, 29)),
        ("ខែមីនា ឆ្នាំក្រោយ", "month", dt.date(2019, 3, 1)),
        ("ខែមិថុនាឆ្នាំនេះ", "month", dt.date(2018, 6, 1)),
        ("ខែកក្កដាកន្លងទៅ", "month", dt.date(2017, 7, 1)),
        ("ខែមករាខាងមុខ", "month", dt.date(2019, 1, 1)),
        ("ខែមីនានេះ", "month", dt.date(2018, 3, 1)),
    ],
)
def test_partial_dates_with_relative_month_or_year(text, kind, value):
    m = one(text)
    assert (m.text, m.kind, m.value, m.relative) == (text, kind, value, True)


def test_months_and_years_carry_their_last_day():
    m = one("ខែកុម្ភៈ ឆ្នាំ២០២០")
    assert (m.value, m.end_value) == (dt.date(2020, 2, 1), dt.date(2020, 2, 29))
    m = one("ឆ្នាំ២០១៩")
    assert (m.value, m.end_value) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))


@settings(max_examples=200)
@given(st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_relative_rules_on_any_reference(ref):
    def value(text: str) -> dt.date:
        return one(text, reference=ref).value

    one_day = dt.timedelta(days=1)
    assert value("ម្សិលមិញ") == ref - one_day
    assert value("ថ្ងៃស្អែក") == ref + one_day
    nxt = value("ថ្ងៃច័ន្ទខាងមុខ")
    assert nxt.weekday() == 0 and 1 <= (nxt - ref).days <= 7
    last = value("ថ្ងៃសុក្រមុន")
    assert last.weekday() == 4 and 1 <= (ref - last).days <= 7
    this = value("ថ្ងៃពុធនេះ")
    assert this.weekday() == 2 and this.isocalendar()[:2] == ref.isocalendar()[:2]
    near = value("ថ្ងៃសៅរ៍")
    assert near.weekday() == 5 and abs((near - ref).days) <= 3
    week = one("សប្តាហ៍ក្រោយ", reference=ref)
    assert week.value.weekday() == 0 and week.value <= ref + 7 * one_day <= week.end_value
    month = one("ខែមុន", reference=ref)
    assert month.end_value + one_day == ref.replace(day=1)
    assert value("កាលពី១០ថ្ងៃមុន") == ref - 10 * one_day


# --- two-digit years ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("02/03/18", dt.date(2018, 3, 2)),
        ("2/3/18", dt.date(2018, 3, 2)),
        ("០២/០៣/១៨", dt.date(2018, 3, 2)),
        ("02-03-18", dt.date(2018, 3, 2)),
        ("02.03.18", dt.date(2018, 3, 2)),
        ("18/10/85", dt.date(1985, 10, 18)),
        ("ថ្ងៃទី២ ខែមីនា ឆ្នាំ១៨", dt.date(2018, 3, 2)),
        ("ថ្ងៃទី២ ខែ៣ ឆ្នាំ១៨", dt.date(2018, 3, 2)),
    ],
)
def test_two_digit_years(text, value):
    for ref in (None, REF):
        m = one(text, reference=ref)
        assert (m.text, m.kind, m.value, m.year, m.relative) == (
            text,
            "date",
            value,
            value.year,
            False,
        )


def test_two_digit_year_rules():
    assert one("ខែមីនា ឆ្នាំ១៨").value == dt.date(2018, 3, 1)
    assert one("31/02/18").value is None  # read, but 31 February does not exist
    # not dates: impossible day/month, a list of days before a month, a section number
    assert find_dates("ជី20-20-15") == []
    assert one("ថ្ងៃទី10-11-12 វិច្ឆិកា").kind == "date_range"
    assert find_dates("មាត្រា 1.2.18") == []
    # the pivot: fixed without a reference, a window around it with one
    assert expand_two_digit_year(69) == 2069 and expand_two_digit_year(70) == 1970
    assert expand_two_digit_year(69, dt.date(2018, 1, 1)) == 1969
    assert expand_two_digit_year(37, dt.date(2018, 1, 1)) == 2037
    assert expand_two_digit_year(38, dt.date(2018, 1, 1)) == 1938
    assert one("02/03/69", reference=None).value == dt.date(2069, 3, 2)
    assert one("02/03/69", reference=REF).value == dt.date(1969, 3, 2)
    with pytest.raises(ValueError):
        expand_two_digit_year(100)


def test_spelled_day_and_month_name_need_a_year_or_thngai():
    ref = dt.date(2019, 10, 22)
    assert find_dates("អ្នកនាង មួយកញ្ញា បានថ្លែងថា", reference=ref) == []  # a name, not 1 Sept
    assert [m.value for m in find_dates("ម្ភៃ មករា ឆ្នាំ២០២០")] == [dt.date(2020, 1, 20)]
    assert [m.value for m in find_dates("ថ្ងៃទីម្ភៃ ខែមករា", reference=ref)] == [dt.date(2020, 1, 20)]


def test_annual_of_last_year_is_last_year():
    ref = dt.date(2019, 10, 22)
    (m,) = find_dates("របាយការណ៍ប្រចាំឆ្នាំកន្លងទៅ", reference=ref)
    assert m.text == "ឆ្នាំកន្លងទៅ" and m.value == dt.date(2018, 1, 1)
    assert find_dates("រាល់ឆ្នាំនេះ", reference=ref) == []  # every year: a habit


def test_last_month_glued_to_a_word_starting_with_ko() -> None:
    """មុន before គ.ស. is "BC", but a glued word starting with គ is no era (ខែមុនគិតជា...)."""
    assert [d.text for d in find_dates("ការនាំចេញកាលពីខែមុនគិតជាប្រាក់ដុល្លារ")] == ["ខែមុន"]


def test_month_of_last_year_with_kalpi() -> None:
    """ខែឧសភាកាលពីឆ្នាំមុន is one date: May of last year (like ខែមីនា ឆ្នាំក្រោយ)."""
    ref = dt.date(2015, 6, 10)
    (d,) = find_dates("ខែឧសភាកាលពីឆ្នាំមុន", reference=ref)
    assert d.text == "ខែឧសភាកាលពីឆ្នាំមុន" and d.value == dt.date(2014, 5, 1)
    (d,) = find_dates("កាលពីខែឧសភា", reference=ref)
    assert d.value == dt.date(2015, 5, 1)


def test_a_weekday_in_a_habit_list_is_no_date() -> None:
    from sleukrith.dates import habit_list_before
    from sleukrith.entities import find_entities

    text = "ជា\u200bរៀង\u200bរាល់\u200bថ្ងៃ\u200bចន្ទ និង\u200bថ្ងៃ\u200bសុក្រ"
    assert [e for e in find_entities(text) if e.label == "DATE"] == []
    assert habit_list_before("រៀងរាល់ថ្ងៃចន្ទ និង") and not habit_list_before("កាលពីថ្ងៃចន្ទ និង")
    labels = [e.text for e in find_entities("កាលពីថ្ងៃចន្ទ និងថ្ងៃសុក្រ") if e.label == "DATE"]
    assert labels == ["ថ្ងៃចន្ទ", "ថ្ងៃសុក្រ"]
    with pytest.raises(TypeError):
        habit_list_before(b"x")  # type: ignore[arg-type]


def test_weekday_named() -> None:
    from sleukrith.dates import weekday_named

    assert weekday_named("រសៀល\u200bថ្ងៃ\u200bសុក្រ ទី\u200b ១៨ ខែ\u200bតុលា") == 4
    assert weekday_named("ថ្ងៃច័ន្ទ ទី២១") == 0 and weekday_named("ថ្ងៃសៅរិ៍") == 5
    assert weekday_named("ថ្ងៃទី២១ ខែតុលា") is None
    with pytest.raises(TypeError):
        weekday_named(b"x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Nth day of an event is no date; the Nth of a month is
        ("ថ្ងៃនេះជាថ្ងៃទី២ នៃសន្និបាតរបស់គណបក្ស", ["ថ្ងៃនេះ"]),
        ("ជាថ្ងៃទី៤នៃការប្រកួតកីឡា", []),
        ("ថ្ងៃទី៤ នៃមករា ឆ្នាំ២០២០", ["ថ្ងៃទី៤", "មករា ឆ្នាំ២០២០"]),
        # a month of every year is a habit; "កន្លងផុតទៅ" (gone by) qualifies a date
        ("បុណ្យនេះធ្វើក្នុងខែមេសា រៀងរាល់ឆ្នាំ", []),
        ("កាលពីខែមីនាកន្លងផុតទៅ គាត់បានមក", ["ខែមីនាកន្លងផុតទៅ"]),
    ],
)
def test_round11_ordinal_days_habits_and_gone_by(text: str, expected: list[str]) -> None:
    assert [d.text for d in find_dates(text)] == expected
