"""Quality floor on the annotated dev set (tests/data/analysis-dev), scored by bench/analysis.py.

The floors sit a little under the measured figures (docs/benchmarks.md) so a regression shows;
they are not the targets (PERSON/LOC/DATE F1 >= 0.90, ORG >= 0.80 on real news).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "analysis-dev"
sys.path.insert(0, str(ROOT))  # bench._report: where the shared data is
# held-out real news: floors set under the figures measured at the end of round 2 (never tuned on)
HELDOUT_FLOORS = {"PERSON": 0.80, "ORG": 0.75, "LOC": 0.92, "DATE": 0.90}


def _load_bench(name: str):  # noqa: ANN202
    """The module of bench/<name>.py (the bench scripts are no package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _bench():  # noqa: ANN202
    return _load_bench("analysis")


@pytest.fixture(scope="module")
def result() -> dict:
    if not list(DEV.glob("dev-*.json")):
        pytest.skip("no dev set")
    return _bench().evaluate(DEV)


def test_gold_spans_resolve_occurrences() -> None:
    gold = _bench().gold_spans("ក ខ ក", [{"label": "LOC", "text": "ក", "occurrence": 2}])
    assert gold == {("LOC", 4, 5)}


def test_record_field_scoring() -> None:
    fields = _bench().record_fields(
        {
            "kind": "meeting",
            "place": {"text": "សាលប្រជុំ សាលាខេត្ត", "value": None},
            "chair": {"name": "ស៊ុំ វិបុល"},
            "decisions": ["ក", "ខ"],
            "upcoming": [],
        },
        {
            "kind": "meeting",
            "place": "សាលប្រជុំសាលាខេត្ត",
            "chair": "ស៊ុំ វិបុល",
            "decisions": ["ក", "ខ", "គ"],
            "upcoming": [{"date": "2022-10-03", "text": "x"}],
        },
    )
    assert fields == {
        "kind": True,
        "place": True,
        "chair": True,
        "decisions": False,
        "upcoming": False,
    }


@pytest.mark.parametrize(
    "label,floor",
    [
        ("PERSON", 0.85),
        ("LOC", 0.85),
        ("DATE", 0.80),
        ("ORG", 0.70),
        ("TIME", 0.80),
        ("QUANTITY", 0.80),
        ("MONEY", 0.80),
        ("PERCENT", 0.80),
    ],
)
def test_entity_f1_floor(result: dict, label: str, floor: float) -> None:
    v = result["labels"][label]
    if v["gold"] == 0:
        pytest.skip(f"no {label} in the dev set")
    assert v["f1"] >= floor, (label, v)


@pytest.mark.parametrize(
    "field,floor",
    [
        ("kind", 0.75),
        ("date", 0.75),
        ("decisions", 0.8),
        ("upcoming", 0.8),
        ("chair", 0.7),
        ("title", 0.8),
    ],
)
def test_record_field_floor(result: dict, field: str, floor: float) -> None:
    if field not in result["record"]:
        pytest.skip(f"no {field} annotated")
    assert result["record"][field] >= floor, (field, result["record"][field])


# --- real news (tests/data/news-gold; the article texts stay in the shared data) -------------

NEWS_GOLD = ROOT / "tests" / "data" / "news-gold"


def _gold_files() -> list[Path]:
    return sorted(NEWS_GOLD.glob("*/*.json"))


def test_news_gold_files_are_well_formed() -> None:
    files = _gold_files()
    assert len(files) >= 363
    parts = {p.parent.name for p in files}
    assert parts == {
        "dev",
        "dev2",
        "dev3",
        "dev4",
        "dev5",
        "dev6",
        "dev7",
        "dev8",
        "dev9",
        "dev10",
        "dev11",
        "dev12",
        "dev13",
        "dev14",
        "heldout",
        "heldout2",
        "heldout3",
        "heldout4",
        "heldout5",
        "heldout6",
        "heldout7",
        "heldout8",
        "heldout9",
        "heldout10",
        "heldout11",
        "heldout12",
        "heldout13",
        "heldout14",
        "heldout15",
    }
    niptict = _bench().NIPTICT_PARTS
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["part"] == path.parent.name
        if path.parent.name in niptict:
            # rounds 7 to 10, 13 and 14: a block of NIPTICT news sentences, named <file stem>.b<block>
            where = gold["niptict"]
            assert gold["path"] == "seg/niptict2015.tsv"
            assert path.stem == f"{Path(where['file']).stem}.b{where['block']}"
        else:
            assert gold["path"] == f"news/phylypo-2019/{path.stem}_orig.txt"
        assert len(gold["sha256"]) == 64 and int(gold["sha256"], 16) >= 0
        last = 0
        for e in gold["entities"]:
            assert e["label"] in ("PERSON", "ORG", "LOC", "DATE")
            assert last <= e["start"] < e["end"] and len(e["text"]) == e["end"] - e["start"]
            # entity strings only, never article text (ZWSPs, invisible, not counted)
            assert len(e["text"].replace("\u200b", "")) <= 80
            if e["label"] == "PERSON":
                assert e["start"] <= e["name_start"] < e["end"]
            last = e["end"]


def _news(part: str) -> dict:
    from bench._report import data_dir

    try:
        return _bench().evaluate_news(data_dir(), part)
    except LookupError as exc:
        pytest.skip(f"real-news gold not scorable here: {exc}")


@pytest.fixture(scope="module")
def news_heldout() -> dict:
    return _news("heldout")


# Regression floors a little under the figures in docs/benchmarks.md (not the targets, never
# tuned on): the dev parts guided the rules; each held-out part's floor sits under its scoring
# at the end of round 5, 6 or 7 (heldout7 was first scored blind at the end of round 6,
# heldout9 at the end of round 7).
NEWS_FLOORS = {
    "dev": {"PERSON": 0.90, "ORG": 0.80, "LOC": 0.90, "DATE": 0.90},
    "dev2": {"PERSON": 0.93, "ORG": 0.93, "LOC": 0.93, "DATE": 0.95},
    "dev3": {"PERSON": 0.80, "ORG": 0.88, "LOC": 0.95, "DATE": 0.88},
    "dev4": {"PERSON": 0.90, "ORG": 0.75, "LOC": 0.92, "DATE": 0.92},
    "dev5": {"PERSON": 0.90, "ORG": 0.70, "LOC": 0.88, "DATE": 0.85},
    "dev6": {"PERSON": 0.90, "ORG": 0.74, "LOC": 0.90, "DATE": 0.88},
    "dev7": {"PERSON": 0.87, "ORG": 0.80, "LOC": 0.91, "DATE": 0.94},
    "dev12": {"PERSON": 0.89, "ORG": 0.84, "LOC": 0.91, "DATE": 0.93},
    "heldout2": {"PERSON": 0.78, "ORG": 0.66, "LOC": 0.88, "DATE": 0.88},
    "heldout3": {"PERSON": 0.62, "ORG": 0.66, "LOC": 0.90, "DATE": 0.90},
    "heldout4": {"PERSON": 0.88, "ORG": 0.84, "LOC": 0.89, "DATE": 0.92},
    "heldout5": {"PERSON": 0.89, "ORG": 0.76, "LOC": 0.91, "DATE": 0.89},
    "heldout6": {"PERSON": 0.89, "ORG": 0.68, "LOC": 0.93, "DATE": 0.91},
    "heldout7": {"PERSON": 0.89, "ORG": 0.68, "LOC": 0.83, "DATE": 0.94},
    "dev8": {"PERSON": 0.80, "ORG": 0.84, "LOC": 0.90, "DATE": 0.94},
    "dev9": {"PERSON": 0.74, "ORG": 0.82, "LOC": 0.93, "DATE": 0.91},
    "heldout8": {"PERSON": 0.74, "ORG": 0.80, "LOC": 0.90, "DATE": 0.91},
    "heldout9": {"PERSON": 0.76, "ORG": 0.66, "LOC": 0.92, "DATE": 0.91},
    # first scored blind at the end of round 10
    "heldout12": {"PERSON": 0.74, "ORG": 0.79, "LOC": 0.87, "DATE": 0.92},
    # first scored blind near the end of round 11
    "heldout13": {"PERSON": 0.91, "ORG": 0.83, "LOC": 0.91, "DATE": 0.88},
    # first scored blind at the start of round 13 (the same at its end)
    "heldout14": {"PERSON": 0.85, "ORG": 0.76, "LOC": 0.92, "DATE": 0.92},
    "dev13": {"PERSON": 0.80, "ORG": 0.86, "LOC": 0.89, "DATE": 0.93},
    "dev14": {"PERSON": 0.86, "ORG": 0.77, "LOC": 0.92, "DATE": 0.93},
    # first scored blind at the start of round 14
    "heldout15": {"PERSON": 0.93, "ORG": 0.87, "LOC": 0.89, "DATE": 0.90},
}


@functools.cache
def _news_cached(part: str) -> dict:
    return _news(part)


@pytest.mark.parametrize(
    "part,label,floor",
    [
        (part, label, floor)
        for part, floors in NEWS_FLOORS.items()
        for label, floor in floors.items()
    ],
)
def test_news_part_f1_floor(part: str, label: str, floor: float) -> None:
    res = _news_cached(part)
    assert res["labels"][label]["f1"] >= floor, (part, label, res["labels"][label])


def test_dev2_articles_are_new() -> None:
    """dev2 was drawn after dev and held-out: no article is in two parts."""
    seen: dict[str, str] = {}
    for path in _gold_files():
        assert seen.setdefault(path.stem, path.parent.name) == path.parent.name, path


@pytest.mark.parametrize(
    "label,floor",
    [
        ("PERSON", HELDOUT_FLOORS["PERSON"]),
        ("ORG", HELDOUT_FLOORS["ORG"]),
        ("LOC", HELDOUT_FLOORS["LOC"]),
        ("DATE", HELDOUT_FLOORS["DATE"]),
    ],
)
def test_news_heldout_f1_floor(news_heldout: dict, label: str, floor: float) -> None:
    assert news_heldout["labels"][label]["f1"] >= floor, (label, news_heldout["labels"][label])


# --- real-news records (tests/data/news-records) ---------------------------------------------


def _news_records(part: str) -> dict:
    from bench._report import data_dir

    try:
        return _bench().evaluate_news_records(data_dir(), part)
    except LookupError as exc:
        pytest.skip(f"real-news records not scorable here: {exc}")


def test_news_record_files_are_well_formed() -> None:
    files = sorted((ROOT / "tests" / "data" / "news-records").glob("*/*.json"))
    assert len(files) >= 184
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["part"] == path.parent.name
        assert gold["path"] == f"news/phylypo-2019/{path.stem}_orig.txt"
        assert (NEWS_GOLD / path.parent.name / path.name).is_file()  # same articles as news-gold
        assert gold["record"]["kind"] in (
            "meeting",
            "video_conference",
            "visit",
            "ceremony",
            "announcement",
            "incident",
            "other",
        )


@pytest.mark.parametrize("part", ["dev3", "dev4", "dev5", "dev6"])
@pytest.mark.parametrize(
    "field,floor", [("kind", 0.65), ("date", 0.5), ("place", 0.35), ("chair", 0.75)]
)
def test_news_record_dev_floors(part: str, field: str, floor: float) -> None:
    res = _news_records(part)
    assert res["record"][field] >= floor, (part, field, res["record"][field])


def test_name_parts_rebuild_reads_no_held_out_passage(tmp_path: Path) -> None:
    """The shipped name list is what ``--build-name-parts`` gives from the shared data, which
    skips the NIPTICT blocks of the held-out passages and their neighbours: a name of a
    held-out passage can only be listed when another source gives it."""
    from bench._report import data_dir

    data = data_dir()
    if not (data / "seg" / "niptict2015.tsv").exists():
        pytest.skip(f"shared data not found at {data}")
    bench = _bench()
    blocks = bench._held_out_blocks()
    held = [
        json.loads(p.read_text(encoding="utf-8"))["niptict"]
        for p in sorted((ROOT / "tests" / "data" / "news-gold").glob("heldout*/*.json"))
        if "niptict" in json.loads(p.read_text(encoding="utf-8"))
    ]
    assert len(held) >= 40
    for w in held:
        assert {(w["file"], w["block"] + k) for k in (-1, 0, 1)} <= blocks
    shipped = ROOT / "src" / "sleukrith" / "data" / "name-parts.txt"
    copy = tmp_path / "name-parts.txt"
    copy.write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    bench.build_name_parts(data, copy)
    assert copy.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
    # a name after a title in a held-out passage only: not read, so not added
    copy.write_text(shipped.read_text(encoding="utf-8") + "ហ៊ីឡារី\tfamily\n", encoding="utf-8")
    bench.build_name_parts(data, copy)
    assert "ហ៊ីឡារី" not in copy.read_text(encoding="utf-8").split()


def _nospace():  # noqa: ANN202
    return _load_bench("nospace")


def test_nospace_bench_removes_only_spaces_between_khmer_letters_and_maps_back() -> None:
    bench = _nospace()
    text = "លោក សុខ\u200bសាន បាន\u200bទៅ Phnom Penh ។"
    glued, where = bench.without_spaces(text)
    assert glued == "លោកសុខសានបានទៅ Phnom Penh ។"
    assert len(where) == len(glued) + 1 and where[-1] == len(text)
    assert all(text[where[i]] == ch for i, ch in enumerate(glued))


def test_nospace_bench_counts_what_both_readings_find() -> None:
    counts = _nospace().compare("កិច្ចប្រជុំនៅខេត្តកំពត ថ្ងៃទី៥ ខែមករា ឆ្នាំ២០២៦។")
    assert counts["LOC"]["both"] == 1 and counts["DATE"]["both"] == 1
    assert all(c["spaced"] == 0 and c["unspaced"] == 0 for c in counts.values())
