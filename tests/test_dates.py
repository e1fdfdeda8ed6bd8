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
    find_dates,
    format_date,
    to_24h,
)

REF = dt.date(2018, 3, 2)


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
    assert find_dates("ពីរ ខែ មុន") == []


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
