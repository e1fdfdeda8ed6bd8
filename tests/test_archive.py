"""The archive store and ingest: schema, index terms, idempotence, inputs, near-duplicates."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sleukrith.archive import Archive, ArchiveError, ingest_paths
from sleukrith.archive.ingest import Ingestor, Source, content_hash, count_sources, iter_sources
from sleukrith.archive.store import SCHEMA_VERSION, TOKENIZE
from sleukrith.archive.terms import (
    fold_key,
    index_terms,
    latin_key,
    pack_spans,
    query_terms,
    unpack_spans,
)

TA, DA = "\u17d2\u178f", "\u17d2\u178a"  # COENG TA, COENG DA
KHMERISH = st.text(
    alphabet=st.sampled_from(
        list("កខគងចឆជញដឋណតថទធនបផពភមយរលវសហឡអឥឧាិីឹឺុូួើឿៀេែៃោៅំះៈ់៉៊៍្០១២៣៤៥៦៧៨៩។៖")
        + [" ", "\u200b", "\n", "a", "Z", "1", '"', "(", "*", "<"]
    ),
    max_size=60,
)


@pytest.fixture(scope="module")
def sample_archive(tmp_path_factory, sample_paths):
    if not sample_paths:
        pytest.skip("no bundled samples yet")
    db = tmp_path_factory.mktemp("arch") / "samples.db"
    archive = Archive(db)
    summary = ingest_paths(archive, [str(p) for p in sample_paths])
    yield archive, summary, sample_paths
    archive.close()


# -- index terms ------------------------------------------------------------------------------


def test_terms_fold_coeng_da_to_ta_and_keep_original_spans():
    text = f"ស្រុកកណ{DA}ាលស្ទឹង"
    terms = index_terms(text)
    joined = "".join(t.text for t in terms)
    assert DA not in joined and TA in joined
    # every span points at the original text, which still has its DA
    assert "".join(text[t.start : t.end] for t in terms) == text
    assert query_terms(f"កណ{TA}ាល") == query_terms(f"កណ{DA}ាល")


def test_terms_ignore_zwsp_and_digits_are_folded():
    assert query_terms("ស្រុក\u200bកណ្តាល") == query_terms("ស្រុកកណ្តាល")
    assert query_terms("២០២១") == ["2021"]


def test_latin_key_strips_accents_only():
    assert latin_key("Kóng  Sŏvnnara") == "kong sovnnara"
    assert latin_key("Phnom Penh") == "phnom penh"


def test_terms_drop_punctuation_and_fts_syntax():
    assert query_terms('"(*) AND') == ["and"]
    assert query_terms("។ ៖ , .") == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(KHMERISH)
def test_terms_property_spans_in_bounds(text):
    terms = index_terms(text)
    last = 0
    for t in terms:
        assert t.text and " " not in t.text and t.text == t.text.lower()
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= last
        last = t.start
    assert unpack_spans(pack_spans(terms)) == [(t.start, t.end) for t in terms]


@pytest.mark.parametrize(
    "fn", [index_terms, query_terms, fold_key, content_hash, latin_key]
)
@pytest.mark.parametrize("bad", [b"abc", None, 3])
def test_terms_type_errors(fn, bad):
    with pytest.raises(TypeError):
        fn(bad)


# -- the store --------------------------------------------------------------------------------


def test_schema_version_wal_and_tokenizer(tmp_path):
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        conn = archive.conn
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'doc_fts'").fetchone()[0]
        assert TOKENIZE in sql
        assert archive.count() == 0
    # reopening an existing archive works and does not duplicate the version row
    with Archive(db) as archive:
        assert archive.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 1


def test_refuses_other_files(tmp_path):
    with pytest.raises(ArchiveError, match="no archive"):
        Archive(tmp_path / "missing.db", create=False)
    with pytest.raises(ArchiveError, match="cannot open"):
        Archive(tmp_path / "no" / "such" / "dir.db")
    with pytest.raises(ArchiveError, match="directory"):
        Archive(tmp_path)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="not a sleukrith archive"):
        Archive(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ArchiveError):
        Archive(junk)
    newer = tmp_path / "newer.db"
    Archive(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE schema_version SET version = 999")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="schema version 999"):
        Archive(newer)


# -- ingest -----------------------------------------------------------------------------------


def test_ingest_samples_is_idempotent(sample_archive):
    archive, summary, paths = sample_archive
    assert summary.added == len(paths) and summary.errors == 0
    again = ingest_paths(archive, [str(p) for p in paths])
    assert again.added == 0 and again.duplicates == len(paths)
    assert archive.count() == len(paths)
    assert archive.check() == []


def test_ingest_stores_analysis_and_entities(sample_archive):
    archive, _summary, _paths = sample_archive
    doc = archive.get(1)
    assert doc is not None and doc.analysis is not None
    assert doc.analysis["text"] == doc.text  # the contract: offsets into the untouched input
    for ent in doc.analysis["entities"]:
        assert doc.text[ent["start"] : ent["end"]] == ent["text"]
    stored = archive.conn.execute("SELECT label, start, end, text, doc_id FROM entities").fetchall()
    assert stored, "the samples name people, places and organisations"
    for label, start, end, text, doc_id in stored:
        assert label in ("PERSON", "LOC", "ORG")
        assert archive.get(doc_id).text[start:end] == text
    from sleukrith.document import Document

    rebuilt = Document.from_dict(doc.analysis)
    assert rebuilt.to_dict() == doc.analysis


def test_directory_walk_skips_readme(tmp_path):
    (tmp_path / "README.md").write_text("# about this folder\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("ក", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.txt").write_text("ខ", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert [s.text for s in iter_sources([tmp_path])] == ["ក"]
    assert count_sources([tmp_path]) == 1
    # named explicitly, an unsupported file is an error, not silently skipped
    assert iter_sources([tmp_path / "notes.pdf"]).__next__().error


def test_jsonl_fields_and_bad_lines(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "n1", "text": "ការប្រជុំនៅខេត្តកណ្ដាល", "title": "T1",
                    "date": "2021-11-29", "url": "https://example.org/1"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "n2"}),
        "",
        json.dumps({"text": "ការ\u200bប្រជុំ\u200bនៅ\u200bខេត្ត\u200bកំពត", "date": "garbage"},
                   ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Archive(tmp_path / "j.db") as archive:
        summary = ingest_paths(archive, [path], analyze=False)
        assert (summary.added, summary.errors) == (2, 2)
        assert any("invalid JSON" in m for m in summary.error_messages)
        assert any('"text"' in m for m in summary.error_messages)
        first = archive.get(1)
        assert (first.ext_id, first.title, first.date, first.url) == (
            "n1", "T1", "2021-11-29", "https://example.org/1"
        )
        assert first.source.endswith("docs.jsonl:1")
        assert archive.get(2).date is None  # an unreadable date is dropped, not guessed


def test_html_main_text_and_markdown_title(tmp_path):
    body = "ក្រសួងសុខាភិបាលបានរៀបចំកិច្ចប្រជុំស្ដីពីការបង្ការជំងឺគ្រុនឈាម នៅខេត្តកំពង់ចាម។ " * 6
    page = (
        "<html><head><title>ព័ត៌មាន</title><script>var secret = 1;</script></head><body>"
        "<nav><a href='/'>ទំព័រដើម</a> <a href='/x'>ព័ត៌មាន</a></nav>"
        f"<article><h1>កិច្ចប្រជុំ</h1><p>{body}</p><p>{body}</p></article>"
        "<footer>រក្សាសិទ្ធិ ២០២៤</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "note.md").write_text("# ចំណងជើង\n\nអត្ថបទ\n", encoding="utf-8")
    sources = {Path(s.source).name: s for s in iter_sources([tmp_path])}
    html_src = sources["page.html"]
    assert "គ្រុនឈាម" in html_src.text
    assert "secret" not in html_src.text and "<p>" not in html_src.text
    assert sources["note.md"].title == "ចំណងជើង"


def test_whitespace_variant_is_a_duplicate_and_near_duplicate_is_linked(tmp_path):
    base = (
        "រដ្ឋបាលខេត្តកំពង់ចាមបានរៀបចំកិច្ចប្រជុំប្រចាំខែ ដើម្បីពិនិត្យលទ្ធផលការងារ និងលើកទិសដៅការងារបន្ត "
        "ក្នុងនោះមានការចូលរួមពីមន្ទីរ អង្គភាព និងអាជ្ញាធរស្រុកទាំងអស់ ។ "
    ) * 4
    with Archive(tmp_path / "n.db") as archive:
        ingestor = Ingestor(archive, analyze=False)
        first = ingestor.add(Source(base))
        assert first.status == "added"
        assert ingestor.add(Source("  " + base.replace(" ", "   ") + "\n")).status == "duplicate"
        near = ingestor.add(Source(base + "បន្ថែមមួយឃ្លា។"))
        other = ingestor.add(Source("ក្រុមហ៊ុនទូរស័ព្ទបានប្រកាសតម្លៃថ្មី សម្រាប់អតិថិជនទូទាំងប្រទេស ។ " * 3))
        assert near.status == "added" and other.status == "added"
        assert [i for i, _s in near.near] == [first.id]
        assert other.near == []
        assert archive.get(first.id).near_duplicates[0][0] == near.id
        assert archive.stats()["near_duplicate_pairs"] == 1


def test_empty_and_unreadable_inputs(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    with Archive(tmp_path / "e.db") as archive:
        summary = ingest_paths(archive, [tmp_path], analyze=False)
    assert (summary.added, summary.empty, summary.errors) == (0, 1, 1)
    assert "UTF-8" in summary.error_messages[0]


def test_batched_ingest_commits_everything(tmp_path):
    path = tmp_path / "many.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(23):
            fh.write(json.dumps({"id": str(i), "text": f"ឯកសារលេខ {i} អំពីការប្រជុំ"},
                                ensure_ascii=False) + "\n")
    with Archive(tmp_path / "b.db") as archive:
        summary = ingest_paths(archive, [path], analyze=False, batch_size=10)
        assert summary.added == 23 and archive.count() == 23
        assert archive.check() == []


def test_cli_ingest_twice(tmp_path, sample_paths):
    from typer.testing import CliRunner

    from sleukrith.cli import _load_verbs, app

    if not sample_paths:
        pytest.skip("no bundled samples yet")
    _load_verbs()
    runner = CliRunner()
    db = tmp_path / "cli.db"
    folder = str(sample_paths[0].parent)
    first = runner.invoke(app, ["ingest", "--db", str(db), "--json", folder])
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout.strip().splitlines()[-1])
    assert data["added"] == len(sample_paths)
    second = runner.invoke(app, ["ingest", "--db", str(db), "--json", folder])
    data = json.loads(second.stdout.strip().splitlines()[-1])
    assert data["added"] == 0 and data["duplicates"] == len(sample_paths)
    missing = runner.invoke(app, ["ingest", "--db", str(db), str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_cli_ingest_reports_bad_inputs_and_exits_1(tmp_path):
    from typer.testing import CliRunner

    from sleukrith.cli import _load_verbs, app

    _load_verbs()
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01")
    (tmp_path / "rows.jsonl").write_text(
        '{"text": "ឯកសារទីមួយ"}\n{"text": "bad\x01"\n', encoding="utf-8"
    )
    db = tmp_path / "a.db"
    r = CliRunner().invoke(
        app, ["ingest", "--db", str(db), str(tmp_path / "bin.dat"), str(tmp_path / "rows.jsonl")]
    )
    assert r.exit_code == 1
    assert "1 added" in r.output and "[red]" not in r.output
    assert "unsupported file type .dat" in r.output
    assert "invalid JSON" in r.output and "column" in r.output  # the reason is not cut off


def test_cli_serve_refuses_a_missing_archive(tmp_path):
    from typer.testing import CliRunner

    from sleukrith.cli import _load_verbs, app

    _load_verbs()
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "typo.db")])
    assert r.exit_code == 2 and "no archive here" in r.output and "--create" in r.output
    assert not (tmp_path / "typo.db").exists()


def test_a_zwsp_only_difference_is_the_same_document(tmp_path):
    from sleukrith.archive.ingest import Ingestor, Source, _legacy_hash
    from sleukrith.archive.store import Archive

    archive = Archive(tmp_path / "z.db")
    ing = Ingestor(archive)
    text = "កិច្ចប្រជុំ\u200bគណៈកម្មាធិការ\u200bខេត្ត"
    first = ing.add(Source(text=text, source="a"))
    ing.flush()
    again = ing.add(Source(text=text.replace("\u200b", ""), source="b"))
    assert first.status == "added" and again.status == "duplicate"
    # an archive that stored the old hash (ZWSPs kept) still recognises the same text
    archive.conn.execute("UPDATE documents SET hash = ?", (_legacy_hash(text),))
    assert Ingestor(archive).add(Source(text=text, source="c")).status == "duplicate"
    archive.close()
