"""Search: folding (្ត/្ដ, digits, ZWSP), safe FTS5 queries, snippets, filters, facets, pages."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sleukrith.archive import Archive, ingest_paths, parse_when, search
from sleukrith.archive.ingest import Ingestor, Source
from sleukrith.archive.search import fts_query

TA, DA = "\u17d2\u178f", "\u17d2\u178a"

DOCS = [
    # written with COENG DA
    f"អភិបាលស្រុកកណ{DA}ាលស្ទឹងបានដឹកនាំកិច្ចប្រជុំប្រចាំខែ នៅសាលាស្រុក ។",
    # written with COENG TA, Khmer digits
    f"ក្រុមការងារបានចុះពិនិត្យផ្លូវលំនៅស្រុកកណ{TA}ាលស្ទឹង ប្រវែង ១២ គីឡូម៉ែត្រ ក្នុងឆ្នាំ២០២៣ ។",
    # ZWSP between words, as some news sites write
    "មន្ទីរ\u200bសុខាភិបាល\u200bខេត្ត\u200bកំពត\u200bបាន\u200bចុះ\u200bផ្សព្វផ្សាយ\u200bអំពី\u200bជំងឺ\u200bគ្រុនឈាម ។",
    # hostile markup and FTS5 syntax as plain text
    'សេចក្ដីជូនដំណឹង <script>alert("x")</script> AND NEAR(a b) "quoted" * ( ។',
]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    archive = Archive(tmp_path_factory.mktemp("s") / "small.db")
    ingestor = Ingestor(archive, analyze=False)
    for i, text in enumerate(DOCS):
        ingestor.add(Source(text, title=f"doc {i}", date=f"202{i}-0{i + 1}-15"))
    ingestor.flush()
    yield archive
    archive.close()


@pytest.fixture(scope="module")
def samples(tmp_path_factory, sample_paths):
    if not sample_paths:
        pytest.skip("no bundled samples yet")
    archive = Archive(tmp_path_factory.mktemp("s") / "samples.db")
    summary = ingest_paths(archive, [str(p) for p in sample_paths])
    assert summary.added == len(sample_paths), summary.error_messages
    yield archive
    archive.close()


def ids(response):
    return [r.id for r in response.results]


def test_ta_query_finds_da_document_and_highlights_original(small):
    response = search(small, f"កណ{TA}ាលស្ទឹង")
    assert sorted(ids(response)) == [1, 2]
    by_id = {r.id: r for r in response.results}
    first = by_id[1]
    marked = "".join(first.snippet[s:e] for s, e in first.highlights)
    assert marked == f"កណ{DA}ាលស្ទឹង"  # the document's own spelling, not the query's
    assert search(small, f"កណ{DA}ាលស្ទឹង").total == 2


def test_digits_zwsp_and_compound_parts(small):
    assert ids(search(small, "2023")) == [2]
    assert ids(search(small, "២០២៣")) == [2]
    assert ids(search(small, "សុខាភិបាលខេត្តកំពត")) == [3]  # the document had ZWSPs
    assert ids(search(small, "ប្រជុំ")) == [1]  # part of កិច្ចប្រជុំ


def test_words_are_anded_and_phrases_are_kept(small):
    assert ids(search(small, "ស្រុក គ្រុនឈាម")) == []
    assert search(small, "ស្ទឹង ស្រុក").total == 2


@pytest.mark.parametrize(
    "query",
    ['"', '""', "AND", "OR", "NOT", "NEAR(", "NEAR(a b, 2)", "*", "a*", "(", ")", "((", "a:b",
     "title_terms:x", "^a", "-", "+", "'", "\\", "{", "}", "[", "%", "_", "\x00", "។", "' OR 1=1 --"],
)
def test_fts_syntax_is_always_literal(small, query):
    response = search(small, query)
    assert response.total >= 0
    match, _terms = fts_query(query)
    if match is not None:
        assert match.startswith('"') and match.endswith('"')


def test_hostile_text_is_found_as_words(small):
    assert ids(search(small, "script")) == [4]
    assert ids(search(small, "NEAR")) == [4]
    assert ids(search(small, '"quoted"')) == [4]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40))
def test_any_query_is_safe(small, query):
    response = search(small, query)
    assert 0 <= response.total <= small.count()
    for r in response.results:
        for s, e in r.highlights:
            assert 0 <= s < e <= len(r.snippet)


def test_empty_query_lists_newest_first_and_pages(small):
    everything = search(small, "", limit=2)
    assert everything.total == 4 and everything.pages == 2
    second = search(small, "", limit=2, page=2)
    assert set(ids(everything)).isdisjoint(ids(second))
    dates = [r.date for r in everything.results + second.results]
    assert dates == sorted(dates, reverse=True)
    assert search(small, "", limit=2, page=9).results == []


def test_date_filters(small):
    assert ids(search(small, "", since="2022", until="2023")) == [4, 3]  # newest first
    assert ids(search(small, "ស្ទឹង", until="2020-12")) == [1]
    with pytest.raises(ValueError, match="YYYY"):
        search(small, "", since="last week")


def test_parse_when():
    assert parse_when("2021") == "2021-01-01"
    assert parse_when("2021", end=True) == "2021-12-31"
    assert parse_when("២០២៤-០២", end=True) == "2024-02-29"
    assert parse_when("2021-3-5") == "2021-03-05"
    for bad in ("2021-13", "2021-02-30", "soon", ""):
        with pytest.raises(ValueError):
            parse_when(bad)
    with pytest.raises(TypeError):
        parse_when(None)


def test_type_errors(small):
    for bad in (None, b"x", 1):
        with pytest.raises(TypeError):
            search(small, bad)
    with pytest.raises(TypeError):
        search(small, "x", person=3)


def test_facets_and_entity_filters_on_samples(samples):
    response = search(samples, "")
    facets = response.facets
    assert set(facets) == {"people", "places", "organisations", "years"}
    assert facets["places"], "the samples name places"
    assert sum(f["count"] for f in facets["years"]) <= response.total
    place = facets["places"][0]
    filtered = search(samples, "", place=place["value"])
    assert filtered.total >= place["count"] >= 1
    for r in filtered.results:
        rows = samples.conn.execute(
            "SELECT count(*) FROM entities WHERE doc_id = ? AND label = 'LOC'", (r.id,)
        ).fetchone()[0]
        assert rows >= 1
    if facets["people"]:
        person = facets["people"][0]
        assert search(samples, "", person=person["value"]).total >= person["count"]
        # a title typed before the name does not hide the person
        titled = search(samples, "", person="ឯកឧត្តម " + person["value"])
        assert titled.total >= person["count"]
    assert search(samples, "", person="ឈ្មោះដែលគ្មាន").total == 0
    # romanized / English names work as filters too, accents and case aside
    for label, param in (("PERSON", "person"), ("LOC", "place")):
        row = samples.conn.execute(
            "SELECT en, doc_id FROM entities WHERE label = ? AND en IS NOT NULL LIMIT 1", (label,)
        ).fetchone()
        if row:
            hits = search(samples, "", **{param: row[0].upper()})
            assert row[1] in [r.id for r in hits.results] or hits.total > 10


def test_cli_search_json(tmp_path, small):
    from typer.testing import CliRunner

    from sleukrith.cli import _load_verbs, app

    _load_verbs()
    runner = CliRunner()
    result = runner.invoke(app, ["search", "--db", small.path, "--json", f"កណ{TA}ាល"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"results", "facets"} <= set(data)
    assert {"id", "title", "date", "snippet"} <= set(data["results"][0])
    plain = runner.invoke(app, ["search", "--db", small.path, "ស្ទឹង"])
    assert plain.exit_code == 0 and "2 documents" in plain.stdout
    bad = runner.invoke(app, ["search", "--db", small.path, "--since", "x", "a"])
    assert bad.exit_code == 2 and "YYYY" in bad.output
    missing = runner.invoke(app, ["search", "--db", str(tmp_path / "none.db"), "a"])
    assert missing.exit_code == 2 and "no archive" in missing.output


def test_rank_window_keeps_totals_and_pages_complete(tmp_path, monkeypatch):
    import importlib

    # (the package re-exports the function ``search``, which hides the module's name)
    search_module = importlib.import_module("sleukrith.archive.search")

    with Archive(tmp_path / "w.db") as archive:
        ingestor = Ingestor(archive, analyze=False, batch_size=10)
        for i in range(12):
            # document i mentions the word i+1 times, so bm25 prefers the later ones
            ingestor.add(Source(f"ឯកសារ {i} " + "ប្រជុំ " * (i + 1) + "ផ្សេងៗ " * 30))
        ingestor.flush()
        full = search(archive, "ប្រជុំ", limit=100)
        monkeypatch.setattr(search_module, "RANK_WINDOW", 4)
        monkeypatch.setattr(search_module, "RANK_BUDGET", 5)
        pages = [search(archive, "ប្រជុំ", limit=5, page=p) for p in (1, 2, 3)]
        assert all(p.total == 12 for p in pages)
        seen = [r.id for p in pages for r in p.results]
        assert sorted(seen) == list(range(1, 13))  # every match once, none lost
        windowed = [r.score for r in pages[0].results[:4]]
        assert windowed == sorted(windowed)  # bm25 order inside the window
        assert full.total == 12 and [r.id for r in full.results][0] == 12


def test_every_word_finds_its_own_document(samples):
    """Search works at the word level: a word of a document, typed alone, finds it."""
    from sleukrith.segment import words

    total = found = 0
    for doc_id, text in samples.conn.execute("SELECT id, text FROM documents"):
        for word in {w.strip() for w in words(text)}:
            match, _terms = fts_query(word)
            if len(word) < 2 or match is None or not any("\u1780" <= c <= "\u17ff" for c in word):
                continue
            total += 1
            found += samples.conn.execute(
                "SELECT count(*) FROM doc_fts WHERE doc_fts MATCH ? AND rowid = ?",
                (match, doc_id),
            ).fetchone()[0]
    assert total > 500
    assert found / total >= 0.98, f"{found}/{total}"


def test_a_place_is_one_facet_whatever_its_spelling(tmp_path):
    archive = Archive(tmp_path / "p.db")
    ingestor = Ingestor(archive)
    ingestor.add(Source("ប្រជុំនៅខេត្តកណ្ដាល។ ក្រុមការងារខេត្តកណ្តាលបានចុះពិនិត្យ។", title="a"))
    ingestor.add(Source("កិច្ចប្រជុំនៅស្រុកកណ្ដាលស្ទឹង ខេត្តកណ្ដាល។", title="b"))
    ingestor.flush()
    places = {f["value"]: f["count"] for f in search(archive, "").facets["places"]}
    assert places.get("កណ្ដាល", places.get("កណ្តាល")) == 2, places
    assert not any(v.startswith("ខេត្ត") for v in places)
    for typed in ("ខេត្តកណ្តាល", "កណ្ដាល", "ខេត្ត កណ្ដាល"):
        assert search(archive, "", place=typed).total == 2, typed
    assert search(archive, "", place="ស្រុកកណ្តាលស្ទឹង").total == 1
    archive.close()
