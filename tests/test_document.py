"""analyze() and Document: spans, cleaning, title, JSON round trip, schema, totality."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sleukrith.clean import find_noise, find_title, noise_reason
from sleukrith.document import Document, analyze

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "document.schema.json").read_text(encoding="utf-8"))

REPORT = (
    "អភិបាលខេត្តកណ្ដាល ដឹកនាំកិច្ចប្រជុំប្រចាំខែ\n"
    "ខេត្តកណ្ដាល៖ នាព្រឹកថ្ងៃចន្ទ ទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០២១ វេលាម៉ោង ៨:០០ព្រឹក "
    "នៅសាលប្រជុំសាលាខេត្តកណ្តាល ឯកឧត្តម គង់ សុវណ្ណារ៉ា អភិបាលខេត្តកណ្ដាល បានដឹកនាំកិច្ចប្រជុំ "
    "ដោយមានការចូលរួមសរុប ៨៥នាក់។\n"
    "ឯកឧត្តម បានណែនាំដូចតទៅ៖\n"
    "១. ត្រូវពង្រឹងសន្តិសុខនៅតាមភូមិ\n"
    "២. មន្ទីរសុខាភិបាលខេត្ត ត្រូវរៀបចំក្រុមគ្រូពេទ្យចល័ត\n"
    "កិច្ចប្រជុំលើកក្រោយនឹងធ្វើនៅថ្ងៃទី១៥ ខែធ្នូ ឆ្នាំ២០២១។\n"
    "WhatsApp Image 2021-11-29 at 10.21.44 AM\n"
    "ប្រភព៖ រដ្ឋបាលខេត្តកណ្ដាល\n"
    "ចែករំលែក\n"
)


# --- a tiny JSON Schema checker for the subset docs/document.schema.json uses ---------------


def _type_ok(value, t) -> bool:  # noqa: ANN001
    types = t if isinstance(t, list) else [t]
    for name in types:
        if name == "null" and value is None:
            return True
        if name == "string" and isinstance(value, str):
            return True
        if name == "integer" and isinstance(value, int) and not isinstance(value, bool):
            return True
        if name == "number" and isinstance(value, int | float) and not isinstance(value, bool):
            return True
        if name == "object" and isinstance(value, dict):
            return True
        if name == "array" and isinstance(value, list):
            return True
        if name == "boolean" and isinstance(value, bool):
            return True
    return False


def validate(value, schema, path="$") -> list[str]:  # noqa: ANN001
    """Errors of ``value`` against ``schema`` (type, enum, required, properties,
    additionalProperties, items, min/maxItems, minimum, pattern, oneOf)."""
    errors: list[str] = []
    if "oneOf" in schema:
        ok = [s for s in schema["oneOf"] if not validate(value, s, path)]
        if len(ok) != 1:
            errors.append(f"{path}: matches {len(ok)} of oneOf")
        return errors
    if "type" in schema and not _type_ok(value, schema["type"]):
        return [f"{path}: {value!r:.60} is not {schema['type']}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not in enum")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{path}: missing {key}")
        props = schema.get("properties", {})
        for key, sub in value.items():
            if key in props:
                errors += validate(sub, props[key], f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unexpected key {key}")
    if isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            errors.append(f"{path}: too short")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{path}: too long")
        if "items" in schema:
            for i, item in enumerate(value):
                errors += validate(item, schema["items"], f"{path}[{i}]")
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and "minimum" in schema
        and value < schema["minimum"]
    ):
        errors.append(f"{path}: below minimum")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        errors.append(f"{path}: does not match {schema['pattern']}")
    return errors


def test_validator_catches_errors() -> None:
    d = analyze(REPORT).to_dict()
    d["entities"].append({"label": "NOPE", "start": 0, "end": 1, "text": "x", "value": None})
    del d["record"]["kind"]
    errors = validate(d, SCHEMA)
    assert any("NOPE" in e for e in errors) and any("missing kind" in e for e in errors)


# --- behaviour -------------------------------------------------------------------------------


def test_report_fields() -> None:
    doc = analyze(REPORT)
    assert doc.title == "អភិបាលខេត្តកណ្ដាល ដឹកនាំកិច្ចប្រជុំប្រចាំខែ"
    assert doc.date == date(2021, 11, 29)
    assert [r.reason for r in doc.cleaning] == ["image-caption", "photo-credit", "share-widget"]
    # every span points into the untouched text
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
    for s, e in doc.paragraphs + doc.sentences:
        assert 0 <= s < e <= len(doc.text)
    assert "".join(t.text for t in doc.tokens) == doc.text
    # nothing is taken from the removed lines
    removed = [(r.start, r.end) for r in doc.cleaning]
    assert not any(s <= e.start < t for e in doc.entities for s, t in removed)


def test_to_dict_is_json_and_matches_schema() -> None:
    d = analyze(REPORT).to_dict()
    json.dumps(d, ensure_ascii=False)
    assert validate(d, SCHEMA) == []


def test_samples_match_schema(sample_paths: list[Path]) -> None:
    for path in sample_paths:
        d = analyze(path.read_text(encoding="utf-8")).to_dict()
        assert validate(d, SCHEMA) == [], path.name


def test_from_dict_round_trip() -> None:
    doc = analyze(REPORT)
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False)))
    assert again.to_dict() == doc.to_dict()
    assert again == doc


def test_reference_sets_date_and_upcoming() -> None:
    doc = analyze(REPORT, reference=date(2021, 11, 29))
    assert doc.date == date(2021, 11, 29)
    assert [u["date"] for u in doc.record.upcoming] == ["2021-12-15"]
    later = analyze(REPORT, reference=date(2022, 1, 1))
    assert later.record.upcoming == []


def test_bad_input_types() -> None:
    for bad in (None, b"abc", 3, ["x"]):
        with pytest.raises(TypeError):
            analyze(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        analyze("x", reference="2021-01-01")  # type: ignore[arg-type]


def test_empty_and_odd_inputs() -> None:
    for text in ("", " ", "\n\n", "\u200b", "។", "abc", "១២៣", "\ud800" if False else "x"):
        doc = analyze(text)
        assert doc.text == text
        assert validate(doc.to_dict(), SCHEMA) == []


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("កខគងចឆជញដតទនបពមយរលវសហអាិីុូេែោំះ់្៉៊ ។៖\n០១២៣៤៥៦៧៨៩\u200bឯឧលោកខេត្តស្រុក:.-*ab12")
        ),
        max_size=300,
    )
)
def test_total_on_any_text(text: str) -> None:
    doc = analyze(text)
    for e in doc.entities:
        assert text[e.start : e.end] == e.text
        assert e.start < e.end
    assert doc.to_dict()["text"] == text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_total_on_arbitrary_unicode(text: str) -> None:
    doc = analyze(text)
    json.dumps(doc.to_dict())


# --- cleaning --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line,reason",
    [
        ("WhatsApp Image 2018-03-02 at 6.43.03 PM", "image-caption"),
        ("IMG_1234.jpg", "image-caption"),
        ("DSC_0042.JPG", "image-caption"),
        ("ប្រភព៖ រដ្ឋបាលខេត្តកណ្ដាល", "photo-credit"),
        ("ដកស្រង់ពី៖ អាជ្ញាធរជាតិអប្សរា", "photo-credit"),
        ("Photo: Fresh News", "photo-credit"),
        ("ចែករំលែក", "share-widget"),
        ("Share  Tweet  Like 12", "share-widget"),
        ("អានបន្ត", "read-more"),
        ("Read more", "read-more"),
        ("ទំព័រដើម > សន្តិសុខ", "navigation"),
        ("Tags: ភ្នំពេញ, នគរបាល", "navigation"),
        ("https://example.com/news/1", "url"),
        ("#Cambodia #news", "hashtag"),
        ("------", "symbols"),
        ("(\u200bកែសម្រួល\u200bដោយ ៖ បុប្ផា\u200b)", "photo-credit"),
        ("AFP/SK", "photo-credit"),
        # a short translator's credit without its colon
        ("ប្រែសម្រួល\u200bដោយ\u200bលោក សុខ ដារ៉ា", "photo-credit"),
        ("សូមទស្សនារូបភាពខាងក្រោមនេះ៖", "read-more"),
        ("ចុចអានបន្ត៖", "read-more"),
        ("ចុចអាន៖ វិធីថែរក្សាសុខភាពក្នុងរដូវវស្សា", "read-more"),
        ("(អាន ៖ របៀបដាំបន្លែនៅផ្ទះ)", "read-more"),
    ],
)
def test_noise_lines(line: str, reason: str) -> None:
    assert noise_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "បន្ទាប់ពីស្ដាប់របាយការណ៍ ឯឧ ស៊ុំ វិបុល បានណែនាំដូចតទៅ៖",
        "ខេត្តបាត់ដំបង៖ នាព្រឹកថ្ងៃចន្ទ ទី២៦ ខែកញ្ញា ឆ្នាំ២០២២",
        "* ត្រូវហាមឃាត់ការនេសាទ",
        "១. មន្ទីរធនធានទឹក ត្រូវតាមដាន",
        "លោកស្រី ចាន់ សុភា ចែករំលែកបទពិសោធន៍ក្នុងការងារសហគមន៍ជាមួយសិក្ខាកាម",
        "អានសៀវភៅជារៀងរាល់ថ្ងៃ ជួយឱ្យកុមារចេះគិត",
        # a long sentence that starts like a credit
        "រៀបរៀងដោយក្រសួងអប់រំ យុវជន និងកីឡា ដើម្បីផ្សព្វផ្សាយដល់សិស្សានុសិស្សទូទាំងប្រទេស",
    ],
)
def test_content_lines_are_kept(line: str) -> None:
    assert noise_reason(line) is None


def test_title_span() -> None:
    text = "ចែករំលែក\nចំណងជើងព័ត៌មាន\nអត្ថបទ។"
    s, e = find_title(text, find_noise(text))
    assert text[s:e] == "ចំណងជើងព័ត៌មាន"
    assert find_title("តែមួយបន្ទាត់") is None


_BIG = """
import resource, sys
from sleukrith.document import analyze
body = sys.stdin.read()
text = body * (10_000_000 // len(body) + 1)
doc = analyze(text)
assert len(doc.text) >= 10_000_000 and len(doc.entities) > 1000
assert doc._tokens is None  # tokens of a big text are computed only on demand
for e in doc.entities[::997]:
    assert text[e.start:e.end] == e.text
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_ten_megabytes_bounded_memory() -> None:
    lines = REPORT.split("\n")
    body = "\n".join(lines[1:7]) + "\n"
    out = subprocess.run(
        [sys.executable, "-c", _BIG],
        input=body,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    peak_kb = int(out.stdout.strip().splitlines()[-1])
    assert peak_kb < 1_500_000, f"peak RSS {peak_kb // 1024} MB"


def test_byline_under_the_last_paragraph_is_noise() -> None:
    text = "ចំណងជើង\nអត្ថបទទីមួយ។\nអត្ថបទទីពីរ៕\nសុភា វណ្ណ\n"
    assert [(r.text, r.reason) for r in find_noise(text)] == [("សុភា វណ្ណ", "photo-credit")]
    # a short line that does not follow a finished paragraph is content
    assert find_noise("ចំណងជើង\nអត្ថបទទីមួយ\nសេចក្តីសន្និដ្ឋាន\n") == []


def test_report_date_is_not_a_coming_date() -> None:
    text = (
        "ការជូនដំណឹង\nច្បាប់នេះនឹងចូលជាធរមាន ចាប់ពីថ្ងៃទី០១ ខែមករា ឆ្នាំ២០២៥ ខាងមុខ។ "
        "ក្រសួងបានប្រកាសនៅថ្ងៃទី១០ ខែតុលា ឆ្នាំ២០២៤។\n"
    )
    doc = analyze(text)
    assert doc.date == date(2024, 10, 10)
    assert [u["date"] for u in doc.record.upcoming] == ["2025-01-01"]


# --- round 3: the title of a typed document, short breadcrumbs, the CLI reference ------------


@pytest.mark.parametrize(
    "first,second,title_is_second",
    [
        ("សេចក្តីជូនដំណឹង", "ស្តីពីការផ្អាកសេវាសាធារណៈ", True),
        ("សេចក្ដីប្រកាសព័ត៌មាន", "ស្ដីពីលទ្ធផលនៃដំណើរទស្សនកិច្ច", True),
        ("របាយការណ៍", "អំពីការអនុវត្តផែនការប្រចាំខែ", True),
        ("លិខិតអញ្ជើញ ៖", "ស្តីពីការចូលរួមពិធីបើកសិក្ខាសាលា", True),
        # a type word over a line that is no subject, or a real headline: left as it is
        ("សេចក្តីជូនដំណឹង", "ក្រសួងសូមជូនដំណឹងដល់សាធារណជន។", False),
        ("សេចក្តីជូនដំណឹងស្តីពីការប្រឡង", "ស្តីពីកាលបរិច្ឆេទ", False),
    ],
)
def test_title_of_a_typed_document(first: str, second: str, title_is_second: bool) -> None:
    text = f"{first}\n{second}\nមន្ទីរ​សូមជម្រាបជូនថា ការងារនឹងចាប់ផ្តើម។\n"
    s, e = find_title(text)  # type: ignore[misc]
    assert text[s:e] == (second if title_is_second else first)


def test_title_needs_a_body_after_the_subject() -> None:
    text = "សេចក្តីជូនដំណឹង\nស្តីពីការផ្អាកសេវាសាធារណៈ\n"
    s, e = find_title(text)  # type: ignore[misc]
    assert text[s:e] == "សេចក្តីជូនដំណឹង"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_doc_type_line_is_total(text: str) -> None:
    from sleukrith.clean import is_doc_type_line

    assert isinstance(is_doc_type_line(text), bool)


def test_doc_type_line_type_error() -> None:
    from sleukrith.clean import is_doc_type_line

    with pytest.raises(TypeError):
        is_doc_type_line(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "line,reason",
    [
        ("ព័ត៌មានជាតិ > សង្គម", "navigation"),
        ("Home » Business", "navigation"),
        ("អត្រាការប្រាក់ > ៥ភាគរយ ក្នុងមួយឆ្នាំ បើធៀបនឹងឆ្នាំមុន។", None),
    ],
)
def test_short_breadcrumbs(line: str, reason: str | None) -> None:
    assert noise_reason(line) == reason


def test_cli_reference_accepts_khmer_digits_and_today(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sleukrith.cli import _load_verbs, app

    _load_verbs()
    report = tmp_path / "r.txt"
    report.write_text("ប្រជុំ\nគណៈកម្មការនឹងប្រជុំនៅថ្ងៃទី១០ ខែមីនា ឆ្នាំ២០២៥។\n", encoding="utf-8")
    runner = CliRunner()
    khmer = runner.invoke(app, ["analyze", str(report), "--json", "--reference", "២០២៥-០៣-០១"])
    assert khmer.exit_code == 0, khmer.output
    doc = json.loads(khmer.output)
    assert doc["date"] == "2025-03-01"
    assert [u["date"] for u in doc["record"]["upcoming"]] == ["2025-03-10"]
    today = runner.invoke(app, ["analyze", str(report), "--json", "-r", "today"])
    assert today.exit_code == 0 and json.loads(today.output)["date"] == date.today().isoformat()
    bad = runner.invoke(app, ["analyze", str(report), "--reference", "១០/០៣"])
    assert bad.exit_code == 2 and "--reference" in bad.output


def test_web_publication_stamp_gives_the_report_date() -> None:
    text = (
        "ក្រសួងរៀបចំវេទិកាថ្មី 14, Mar 2025 , 9:05 am\n"
        "កាលពីថ្ងៃទី១៣ ខែមីនា ក្រសួងបានរៀបចំវេទិកាមួយ ហើយនឹងរៀបចំម្តងទៀតនៅថ្ងៃទី២០ ខែមីនា។\n"
    )
    doc = analyze(text)
    assert doc.date == date(2025, 3, 14)
    assert [u["date"] for u in doc.record.upcoming] == ["2025-03-20"]


def test_this_year_completes_a_lead_date_without_its_year() -> None:
    # no full date anywhere: the year the text calls "this year" dates the lead's day, and a
    # day told as "... ម្សិលមិញ" (yesterday) makes the report the next day
    text = (
        "ក្រុមការងារចុះជួយប្រជាពលរដ្ឋ\n"
        "ខេត្តតាកែវ៖ កាលពីល្ងាចថ្ងៃទី៤ ខែមីនា ម្សិលមិញ ក្រុមការងារបានចុះជួយប្រជាពលរដ្ឋ។\n"
        "គម្រោងនឹងបញ្ចប់នៅចុងឆ្នាំ២០២១ នេះ ហើយការប្រជុំបន្ទាប់ធ្វើនៅថ្ងៃទី២០ ខែមីនា ខាងមុខ។\n"
    )
    doc = analyze(text)
    assert doc.date == date(2021, 3, 5)
    assert doc.record.date == "2021-03-04"
    assert [u["date"] for u in doc.record.upcoming] == ["2021-03-20"]
    # a year named without "this" is no evidence of the report's year
    other = analyze(text.replace("ឆ្នាំ២០២១ នេះ", "ឆ្នាំ២០២១"))
    assert other.date is None
    assert other.record.date is None


def test_a_weekday_or_a_full_date_nearby_completes_a_lead_date_without_its_year() -> None:
    # Friday 18 October: of the years the text names (2019, 2023), only 2019 has it on a Friday
    text = (
        "ប៉ូលិសចាប់ខ្លួនបុរសម្នាក់\n"
        "ខេត្តកំពត៖ កាលពីរសៀលថ្ងៃសុក្រ ទី១៨ ខែតុលា ប៉ូលិសបានចាប់ខ្លួនបុរសម្នាក់។\n"
        "គេរំពឹងថាគម្រោងនេះនឹងបញ្ចប់នៅឆ្នាំ២០២៣ ដូចគម្រោងឆ្នាំ២០១៩ដែរ។\n"
    )
    assert analyze(text).record.date == "2019-10-18"
    # on a weekday it has in no year named (Monday): no year; Wednesday: 2023
    assert analyze(text.replace("សុក្រ", "ច័ន្ទ")).record.date is None
    assert analyze(text.replace("សុក្រ", "ពុធ")).record.date == "2023-10-18"
    # a full date further on, a few days away, gives the year of the lead's day
    text = (
        "តុលាការឃុំខ្លួនជនសង្ស័យ\n"
        "ភ្នំពេញ៖ នគរបាលបានចាប់ខ្លួនជនសង្ស័យម្នាក់កាលពីថ្ងៃទី ១៥ តុលា ពាក់ព័ន្ធនឹងករណីលួច។\n"
        "ជនសង្ស័យត្រូវបានបញ្ជូនទៅតុលាការ។\n"
        "ចៅក្រមបានសម្រេចឃុំខ្លួនគាត់នៅថ្ងៃទី ១៧ ខែតុលា ឆ្នាំ២០១៩។\n"
    )
    assert analyze(text).record.date == "2019-10-15"


def test_a_day_told_as_this_day_in_the_second_paragraph_dates_the_event() -> None:
    text = (
        "សម្តេចប្រគល់សញ្ញាបត្រ\n"
        "ភ្នំពេញ៖ សម្តេចនាយករដ្ឋមន្ត្រីបានច្រានចោលសំណើរបស់ក្រសួងសុខាភិបាល ដែលបានស្នើឲ្យ"
        "រាជរដ្ឋាភិបាលកំណត់លក្ខខណ្ឌពិនិត្យសុខភាពបេក្ខជនប្រឡងចូលក្របខណ្ឌរដ្ឋ។\n"
        "នៅក្នុងពិធីចែកសញ្ញាបត្រនៅព្រឹកថ្ងៃទី២២ តុលានេះ សម្តេចបានមានប្រសាសន៍ថា ...។\n"
        "ពិធីនេះធ្វើឡើងនៅព្រឹកថ្ងៃទី២២ ខែតុលា ឆ្នាំ២០១៩ នៅមជ្ឈមណ្ឌលកោះពេជ្រ។\n"
    )
    assert analyze(text).record.date == "2019-10-22"
    # a day without "this" (nor its year) there is a detail
    assert analyze(text.replace("តុលានេះ", "តុលា")).record.date is None


def test_the_report_date_is_not_before_a_day_the_lead_tells_as_past() -> None:
    # the lead's day has no year; the first full date, further on, is two days earlier: the
    # report is of the lead's day, which is the event's date
    text = (
        "បុរសម្នាក់លង់ទឹកស្លាប់\n"
        "កណ្តាល៖ បុរសម្នាក់បានលង់ទឹកស្លាប់ នៅថ្ងៃទី២០ ខែតុលា វេលាម៉ោង១០ព្រឹក នៅភូមិព្រែកតាឃិន។\n"
        "ប្រភពបន្តថា ជនរងគ្រោះជាមនុស្សញៀនស្រា។\n"
        "លុះនៅយប់ថ្ងៃទី១៨ ខែតុលា ឆ្នាំ២០១៩ គាត់បានចាកចេញពីផ្ទះ។\n"
    )
    doc = analyze(text)
    assert doc.date == date(2019, 10, 20)
    assert doc.record.date == "2019-10-20"
    # a day told as coming does not move it, nor a day without ថ្ងៃ (a holiday's name)
    coming = text.replace("នៅថ្ងៃទី២០ ខែតុលា", "នៅថ្ងៃទី២០ ខែតុលា ខាងមុខ")
    assert analyze(coming).date == date(2019, 10, 18)
    holiday = text.replace("នៅថ្ងៃទី២០ ខែតុលា", "ជិតបុណ្យ ២០តុលា")
    assert analyze(holiday).date == date(2019, 10, 18)


def test_an_event_over_a_range_of_days_is_dated_by_its_first_day() -> None:
    text = (
        "ក្រសួងឆៀករថយន្តនៅខេត្តកោះកុង\n"
        "ពីថ្ងៃទី២១ ដល់ថ្ងៃទី២៥ ខែតុលា ឆ្នាំ២០១៩ ក្រសួងសាធារណការ និងដឹកជញ្ជូន រៀបចំការត្រួតពិនិត្យ"
        "យានជំនិះនៅខេត្តកោះកុង។\n"
    )
    assert analyze(text).record.date == "2019-10-21"
    # a range of years is no day
    years = text.replace("ពីថ្ងៃទី២១ ដល់ថ្ងៃទី២៥ ខែតុលា ឆ្នាំ២០១៩", "ពីឆ្នាំ២០១៩-២០២០")
    assert analyze(years).record.date is None


def test_a_day_told_as_yesterday_in_the_second_paragraph_dates_the_event() -> None:
    text = (
        "អត្តពលិកចេញដំណើរទៅប្រកួតនៅកូរ៉េ\n"
        "ភ្នំពេញ៖ កីឡាករកីឡាការិនី ១០នាក់ ត្រូវបានសហព័ន្ធបញ្ជូនទៅចូលរួមការប្រកួតអន្តរជាតិមួយ "
        "ឆ្នាំ២០១៩ នៅសាធារណរដ្ឋកូរ៉េ ដើម្បីត្រៀមខ្លួនសម្រាប់ស៊ីហ្គេម។\n"
        "ថ្លែងប្រាប់អ្នកសារព័ត៌មានកាលពីរាត្រីថ្ងៃទី២១ ខែតុលាម្សិលមិញ លោកប្រធានបានបញ្ជាក់ថា ...។\n"
        "ការប្រកួតនឹងចាប់ផ្ដើមនៅថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៩។\n"
    )
    assert analyze(text).record.date == "2019-10-21"
    # without "yesterday" (nor a year) it is a detail
    assert analyze(text.replace("តុលាម្សិលមិញ", "តុលា")).record.date is None


def test_title_without_the_web_stamp() -> None:
    text = "ក្រសួងរៀបចំវេទិកាថ្មី 14, Mar 2025 , 9:05 am\nអត្ថបទ នៅថ្ងៃទី១៣ ខែមីនា ឆ្នាំ២០២៥។\n"
    doc = analyze(text)
    assert doc.title == "ក្រសួងរៀបចំវេទិកាថ្មី"
    assert doc.record.title == "ក្រសួងរៀបចំវេទិកាថ្មី"
    assert text[slice(*doc.title_span)] == doc.title


def test_a_link_to_the_source_is_noise() -> None:
    text = "ចំណងជើង\nអត្ថបទ។\n \u200bសូម\u200bចុច\u200bទៅ\u200bប្រភពដើម VOA ត្រង់នេះ\u200b\n"
    assert [r.reason for r in find_noise(text)] == ["read-more"]
    assert not [e for e in analyze(text).entities if e.label == "ORG"]


def test_a_participant_named_again_by_a_given_name_is_listed_once() -> None:
    text = (
        "មន្ទីរការងារប្រជុំពិភាក្សា\n"
        "កំពត៖ កាលពីព្រឹកថ្ងៃទី១៤ ខែមីនា ឆ្នាំ២០១៩ មន្ទីរការងារបានរៀបចំកិច្ចប្រជុំមួយ "
        "ក្រោមអធិបតីភាពលោកស្រី ម៉ៅ សុភាវី ប្រធានមន្ទីរ ដោយមានលោក ចាន់ ដារ៉ា ចូលរួមផងដែរ។\n"
        "លោកស្រី សុភាវី បានមានប្រសាសន៍ថា ការងារនេះសំខាន់ណាស់ ហើយលោក ដារ៉ា បានគាំទ្រ។\n"
    )
    rec = analyze(text).record
    assert rec.chair is not None and rec.chair["name"] == "ម៉ៅ សុភាវី"
    assert [p["name"] for p in rec.participants] == ["ចាន់ ដារ៉ា"]


def test_a_coming_day_without_a_year_is_upcoming_when_the_report_date_is_unknown() -> None:
    text = (
        "ក្រសួងរៀបចំវេទិកា\n"
        "ភ្នំពេញ៖ កាលពីព្រឹកថ្ងៃទី២២ ខែតុលានេះ ក្រសួងបានរៀបចំវេទិកាមួយ។\n"
        "ពិធីបុណ្យឯករាជ្យជាតិនឹងប្រារព្ធនៅថ្ងៃទី៩ ខែវិច្ឆិកា ខាងមុខ។\n"
        "លោកបានចុះសួរសុខទុក្ខប្រជាពលរដ្ឋកាលពីថ្ងៃទី២០ តុលា។\n"
    )
    doc = analyze(text)
    assert doc.date is None
    # the day told as coming is upcoming, with no ISO date and its words; the past day is not
    assert [(u["date"], u["when"], u["text"]) for u in doc.record.upcoming] == [
        (None, "ថ្ងៃទី៩ ខែវិច្ឆិកា ខាងមុខ", "ពិធីបុណ្យឯករាជ្យជាតិ")
    ]
    # with the report date, the same day has its ISO date and no "when"
    dated = analyze(text, reference=date(2019, 10, 22)).record.upcoming
    assert dated == [{"date": "2019-11-09", "end_date": None, "text": "ពិធីបុណ្យឯករាជ្យជាតិ"}]


def test_cli_card_shows_a_coming_day_without_a_year(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sleukrith.cli import _load_verbs, app

    _load_verbs()
    report = tmp_path / "r.txt"
    report.write_text(
        "ក្រសួងរៀបចំវេទិកា\nពិធីបុណ្យឯករាជ្យជាតិនឹងប្រារព្ធនៅថ្ងៃទី៩ ខែវិច្ឆិកា ខាងមុខ។\n",
        encoding="utf-8",
    )
    card = CliRunner().invoke(app, ["analyze", str(report), "--md"])
    assert card.exit_code == 0, card.output
    assert "- ថ្ងៃទី៩ ខែវិច្ឆិកា ខាងមុខ: ពិធីបុណ្យឯករាជ្យជាតិ" in card.output


def test_a_day_dated_before_the_only_full_coming_date_is_the_report_date() -> None:
    # the only date with a year is a coming hearing; the statement's day, without a year, comes
    # first and is the report's day
    text = (
        "អង្គការអំពាវនាវឱ្យដោះលែងសកម្មជន\n"
        "ភ្នំពេញ៖ អង្គការលីកាដូ កាលពីថ្ងៃទី២១ ខែវិច្ឆិកា បានចេញសេចក្តីថ្លែងការណ៍មួយ។\n"
        "សវនាការលើកក្រោយគ្រោងធ្វើនៅថ្ងៃទី១៥ ខែធ្នូ ឆ្នាំ២០២៦។\n"
    )
    doc = analyze(text)
    assert doc.date == date(2026, 11, 21)
    assert [u["date"] for u in doc.record.upcoming] == ["2026-12-15"]


def test_headlines_under_a_related_news_heading_are_noise() -> None:
    text = (
        "ចំណងជើង\nអត្ថបទទីមួយ។\nព័ត៌មានទាក់ទង\n"
        "ក្រសួងអប់រំប្រកាសលទ្ធផលប្រឡងឆ្នាំមុន\nexam results 2025\n"
        "ប្រយោគពេញលេញមួយដែលបញ្ចប់ដោយខណ្ឌសញ្ញា។\n"
    )
    got = [(r.text, r.reason) for r in find_noise(text)]
    assert got == [
        ("ព័ត៌មានទាក់ទង", "read-more"),
        ("ក្រសួងអប់រំប្រកាសលទ្ធផលប្រឡងឆ្នាំមុន", "read-more"),
        ("exam results 2025", "read-more"),
    ]
    # a short line after an ordinary paragraph stays content
    assert find_noise("ចំណងជើង\nអត្ថបទទីមួយ។\nក្រសួងអប់រំប្រកាសលទ្ធផល\nអត្ថបទ។\n") == []


def test_a_publication_line_gives_no_event_time() -> None:
    text = (
        "ក្រសួងប្រជុំតាមប្រព័ន្ធវីដេអូ\n"
        "ចុះផ្សាយ៖ ២៣ វិច្ឆិកា ២០២៦ | ម៉ោង ៤:១០ ល្ងាច\n"
        "ភ្នំពេញ៖ កាលពីរសៀលថ្ងៃទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២៦ ឯកឧត្តមរដ្ឋមន្ត្រី បានដឹកនាំកិច្ចប្រជុំតាមប្រព័ន្ធវីដេអូ។\n"
    )
    doc = analyze(text)
    assert doc.record.date == "2026-11-23"
    assert doc.record.time is None
    # the clock time of the event's own sentence is kept
    text = text.replace("កាលពីរសៀលថ្ងៃទី២៣", "កាលពីម៉ោង ២:០០ រសៀលថ្ងៃទី២៣")
    assert analyze(text).record.time == "14:00"


def test_an_announcement_dated_where_signed_lists_the_days_it_announces() -> None:
    text = (
        "សេចក្តីជូនដំណឹង\nស្តីពី ការផ្អាកចរាចរណ៍នៅលើស្ពានព្រែកក្តាម\n"
        "រដ្ឋបាលរាជធានីភ្នំពេញ សូមជម្រាបជូនសាធារណជនជ្រាបថា ចរាចរណ៍លើស្ពានព្រែកក្តាមនឹងត្រូវផ្អាក"
        " ចាប់ពីម៉ោង ២២:០០ យប់ ថ្ងៃទី២៨ ខែវិច្ឆិកា ឆ្នាំ២០២៦ ដល់ម៉ោង ០៥:០០ ព្រឹក ថ្ងៃទី៣០ ខែវិច្ឆិកា ឆ្នាំ២០២៦។\n"
        "ធ្វើនៅរាជធានីភ្នំពេញ ថ្ងៃទី២៤ ខែវិច្ឆិកា ឆ្នាំ២០២៦\n"
    )
    rec = analyze(text).record
    assert rec.kind == "announcement" and rec.date == "2026-11-24"
    assert [u["date"] for u in rec.upcoming] == ["2026-11-28", "2026-11-30"]
    # the venue ends before នឹង (will) glued to it
    assert rec.place is not None and rec.place["text"] == "ស្ពានព្រែកក្តាម"


def test_a_line_of_reaction_icons_and_counts_is_a_share_widget() -> None:
    assert noise_reason("👍 ១២៣   💬 ៤៥   ↗️ ១០") == "share-widget"
    # an icon before words is content
    assert noise_reason("📢 ជូនដំណឹង! សាលាស្រុកនឹងរៀបចំវេទិកា") is None
