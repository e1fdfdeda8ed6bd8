"""The event record: kind, date/time, place, chair, attendance, decisions, upcoming events."""

from __future__ import annotations

from datetime import date

import pytest

from sleukrith.document import analyze
from sleukrith.records import KINDS, Record, bullet_item

MEETING = (
    "អភិបាលខេត្តបាត់ដំបង ដឹកនាំកិច្ចប្រជុំគណៈកម្មាធិការគ្រប់គ្រងគ្រោះមហន្តរាយខេត្ត\n"
    "ខេត្តបាត់ដំបង៖ នាព្រឹកថ្ងៃចន្ទ ទី២៦ ខែកញ្ញា ឆ្នាំ២០២២ វេលាម៉ោង ៨:៣០នាទីព្រឹក "
    "នៅសាលប្រជុំសាលាខេត្តបាត់ដំបង ឯកឧត្តម ស៊ុំ វិបុល អភិបាលខេត្តបាត់ដំបង បានដឹកនាំកិច្ចប្រជុំបន្ទាន់។ "
    "កិច្ចប្រជុំមានសមាសភាពចូលរួមសរុប ៦៤នាក់។\n"
    "លោក ឈឹម ផល្លា ប្រធានមន្ទីរធនធានទឹក និងឧតុនិយមខេត្ត បានរាយការណ៍ថា ទឹកឡើងខ្ពស់។\n"
    "បន្ទាប់ពីស្ដាប់របាយការណ៍ ឯឧ ស៊ុំ វិបុល បានណែនាំដូចតទៅ៖\n"
    "១. មន្ទីរធនធានទឹក និងឧតុនិយមខេត្ត ត្រូវតាមដានកម្ពស់ទឹកជារៀងរាល់ម៉ោង\n"
    "២. រដ្ឋបាលស្រុកសង្កែ ត្រូវរៀបចំទីទួលសុវត្ថិភាព\n"
    "- ត្រូវហាមឃាត់ការនេសាទខុសច្បាប់\n"
    "* កាកបាទក្រហមកម្ពុជា ត្រូវត្រៀមអង្ករ\n"
    "ឯកឧត្តមអភិបាលខេត្ត បានសម្រេចឱ្យរៀបចំកិច្ចប្រជុំតាមដានលើកក្រោយ នៅថ្ងៃចន្ទ ទី៣ ខែតុលា ខាងមុខ។\n"
    "WhatsApp Image 2022-09-26 at 10.21.44 AM\n"
    "ប្រភព៖ រដ្ឋបាលខេត្តបាត់ដំបង\n"
)


@pytest.fixture(scope="module")
def meeting() -> Record:
    return analyze(MEETING, reference=date(2022, 9, 26)).record


def test_kind_date_time(meeting: Record) -> None:
    assert meeting.kind == "meeting"
    assert meeting.date == "2022-09-26"
    assert meeting.time == "08:30"


def test_place_chair_attendance(meeting: Record) -> None:
    assert meeting.place is not None and meeting.place["text"] == "សាលប្រជុំសាលាខេត្តបាត់ដំបង"
    assert meeting.chair is not None and meeting.chair["name"] == "ស៊ុំ វិបុល"
    assert meeting.chair["titles"] == ["ឯកឧត្តម"]
    assert meeting.chair["role"] == "អភិបាលខេត្តបាត់ដំបង"
    assert meeting.attendance == 64
    assert [p["name"] for p in meeting.participants] == ["ឈឹម ផល្លា"]


def test_every_bulleted_directive(meeting: Record) -> None:
    assert meeting.decisions == [
        "មន្ទីរធនធានទឹក និងឧតុនិយមខេត្ត ត្រូវតាមដានកម្ពស់ទឹកជារៀងរាល់ម៉ោង",
        "រដ្ឋបាលស្រុកសង្កែ ត្រូវរៀបចំទីទួលសុវត្ថិភាព",
        "ត្រូវហាមឃាត់ការនេសាទខុសច្បាប់",
        "កាកបាទក្រហមកម្ពុជា ត្រូវត្រៀមអង្ករ",
    ]


def test_upcoming_event(meeting: Record) -> None:
    assert meeting.upcoming == [{"date": "2022-10-03", "text": "កិច្ចប្រជុំតាមដានលើកក្រោយ"}]


def test_no_scraping_noise_in_record(meeting: Record) -> None:
    flat = repr(meeting.to_dict())
    assert "WhatsApp" not in flat and "ប្រភព" not in flat
    assert meeting.title and "WhatsApp" not in meeting.title


def test_record_round_trip(meeting: Record) -> None:
    assert Record.from_dict(meeting.to_dict()) == meeting
    assert Record.from_dict(None) == Record()


@pytest.mark.parametrize(
    "text,kind",
    [
        ("ពិធីសម្ពោធស្ពានថ្មី\nនាព្រឹកថ្ងៃទី៥ ខែធ្នូ ឆ្នាំ២០២៣ បានប្រារព្ធពិធីសម្ពោធស្ពាន។", "ceremony"),
        ("គ្រោះថ្នាក់ចរាចរណ៍ធ្វើឱ្យស្លាប់មនុស្ស២នាក់\nកាលពីយប់មិញ រថយន្តបានបុកម៉ូតូ។", "incident"),
        ("សេចក្តីជូនដំណឹង\nក្រសួងសុខាភិបាល សូមជូនដំណឹងដល់សាធារណជន។", "announcement"),
        ("ប្រជុំតាមប្រព័ន្ធវីដេអូ\nក្រសួងបានធ្វើកិច្ចប្រជុំតាមប្រព័ន្ធវីដេអូជាមួយមន្ទីរ។", "video_conference"),
        ("រដ្ឋមន្ត្រីចុះពិនិត្យការដ្ឋាន\nឯកឧត្តម បានអញ្ជើញចុះពិនិត្យការដ្ឋានសាងសង់។", "visit"),
        ("អាកាសធាតុ\nថ្ងៃនេះមេឃស្រឡះ។", "other"),
    ],
)
def test_kinds(text: str, kind: str) -> None:
    assert kind in KINDS
    assert analyze(text).record.kind == kind


def test_upcoming_needs_a_report_date() -> None:
    text = "ការប្រកួតនឹងធ្វើនៅថ្ងៃទី១៥ ខែធ្នូ ឆ្នាំ២០៣០។"
    assert analyze(text, reference=date(2030, 1, 1)).record.upcoming[0]["date"] == "2030-12-15"
    assert analyze(text, reference=date(2031, 1, 1)).record.upcoming == []


def test_list_without_directive_heading_is_not_decisions() -> None:
    text = "ការផ្អាកចរន្តអគ្គិសនី\nការផ្អាកនឹងធ្វើនៅតំបន់ដូចខាងក្រោម៖\n- មហាវិថីព្រះនរោត្តម\n- ផ្លូវលេខ ១៨៤\n"
    assert analyze(text).record.decisions == []


@pytest.mark.parametrize(
    "line,item",
    [
        ("១. ត្រូវរៀបចំ", "ត្រូវរៀបចំ"),
        ("1) check", "check"),
        ("- ធ្វើ", "ធ្វើ"),
        ("• ធ្វើ", "ធ្វើ"),
        ("* ធ្វើ", "ធ្វើ"),
        ("(២) ធ្វើ", "ធ្វើ"),
        ("ក. ធ្វើ", "ធ្វើ"),
        ("ទី១. ធ្វើ", "ធ្វើ"),
        ("២០២២ ឆ្នាំ", None),
        ("ក្រុង", None),
        ("1.5 ម៉ែត្រ", None),
        ("-", None),
    ],
)
def test_bullet_item(line: str, item: str | None) -> None:
    assert bullet_item(line) == item


def test_directive_word_inside_a_long_paragraph_is_no_heading() -> None:
    text = (
        "ការណែនាំសុខភាព\n"
        "នៅពេលដែលអ្នកមានអារម្មណ៍ធុញ អ្នកត្រូវដើរលេងខាងក្រៅ ហើយញ៉ាំអាហារឱ្យបានទៀងទាត់ "
        "ព្រោះរាងកាយត្រូវការពេលសម្រាកគ្រប់គ្រាន់ ដើម្បីឱ្យមានកម្លាំងធ្វើការនៅថ្ងៃបន្ទាប់\n"
        "២. ដេកឱ្យបានប្រាំបីម៉ោង\n"
        "៣. ផឹកទឹកឱ្យបានច្រើន\n"
    )
    assert analyze(text).record.decisions == []


def test_outcomes_heading_lists_decisions() -> None:
    text = (
        "កិច្ចប្រជុំគណៈកម្មការខេត្ត\n"
        "នាព្រឹកថ្ងៃទី៤ ខែមីនា ឆ្នាំ២០២៤ គណៈកម្មការបានប្រជុំ។\n"
        "កិច្ចប្រជុំទទួលបានលទ្ធផលសំខាន់ៗដូចខាងក្រោម៖\n"
        "ទី១៖ ភាគីទាំងពីរឯកភាពបង្កើតក្រុមការងាររួម\n"
        "ទី២៖ ភាគីទាំងពីរនឹងជួបគ្នាម្តងទៀតនៅខែក្រោយ\n"
    )
    assert analyze(text).record.decisions == [
        "ភាគីទាំងពីរឯកភាពបង្កើតក្រុមការងាររួម",
        "ភាគីទាំងពីរនឹងជួបគ្នាម្តងទៀតនៅខែក្រោយ",
    ]


def test_place_alone_ends_with_its_address() -> None:
    text = "ទស្សនកិច្ច\nលោក សុខ ដារ៉ា បានទៅនៅខេត្តសៀមរាបមានអាកាសធាតុល្អ និងបានជួបប្រជាជន។\n"
    place = analyze(text).record.place
    assert place is not None and place["text"] == "ខេត្តសៀមរាប"


def test_tomorrow_is_upcoming() -> None:
    text = "ការងារប្រចាំថ្ងៃ\nលោកនាយករដ្ឋមន្ត្រីនឹងទទួលជួបគណៈប្រតិភូនៅព្រឹកស្អែកនេះ។\n"
    up = analyze(text, reference=date(2024, 3, 6)).record.upcoming
    assert [u["date"] for u in up] == ["2024-03-07"]
