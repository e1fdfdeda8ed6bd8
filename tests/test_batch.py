"""Tests of the Dask batch pipeline (sleukrith.batch) on one 2-worker LocalCluster."""

from __future__ import annotations

import importlib
import json
import os
import random
import re
import signal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from distributed.diagnostics.plugin import WorkerPlugin
from hypothesis import given, settings
from hypothesis import strategies as st

from sleukrith import batch
from sleukrith.batch import (
    STEPS,
    BadRecord,
    BatchError,
    Unit,
    check_steps,
    find_duplicates,
    iter_output,
    parse_unit,
    plan_partitions,
    process_document,
    process_partition,
    run_batch,
)

pytestmark = pytest.mark.timeout(120)

_CONSONANTS = "កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ"
_VOWELS = ["", "ា", "ិ", "ី", "ឹ", "ឺ", "ុ", "ូ", "ួ", "ើ", "ៀ", "េ", "ែ", "ៃ", "ោ", "ៅ", "ំ", "ាំ"]


def _have(module: str) -> bool:
    try:
        importlib.import_module(module)
    except Exception:  # noqa: BLE001 - a module being written may not import yet
        return False
    return True


#: steps whose library module exists in this checkout
AVAILABLE = tuple(
    s
    for s, mod in (
        ("normalize", "sleukrith.normalize"),
        ("words", "sleukrith.segment"),
        ("analyze", "sleukrith.document"),
        ("dedup", "datasketch"),
    )
    if _have(mod)
)


def khmer_doc(rng: random.Random, n_words: int = 300) -> str:
    """A pseudo-Khmer document: random syllables grouped into words and sentences."""
    words = []
    for i in range(n_words):
        syl = rng.randint(1, 3)
        words.append("".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(syl)))
        if i % 12 == 11:
            words[-1] += "។"
    return " ".join(words) + "។"


def corpus(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    return [{"id": f"d{i:04d}", "text": khmer_doc(rng)} for i in range(n)]


def write_jsonl(path, records, extra_lines=()) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        for line in extra_lines:
            f.write(line if isinstance(line, str) else line.decode("latin-1"))


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        memory_limit="1GiB",
        dashboard_address=None,
        silence_logs=50,
    )
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


# --- the pure per-document function -------------------------------------------------------------


def test_process_document_row_shape_and_flags():
    rng = random.Random(1)
    text = khmer_doc(rng)
    row = process_document({"id": "a", "text": text, "source": "s", "position": 3}, ("dedup",))
    assert set(batch.SCHEMA.names) <= set(row)
    assert row["id"] == "a" and row["source"] == "s" and row["position"] == 3
    assert row["text"] == text and row["n_chars"] == len(text)
    assert row["khmer_ratio"] > 0.9
    assert row["flags"] == []
    assert row["_minhash"].shape == (128,)
    assert process_document({"id": "b", "text": "  \n"}, ("dedup",))["flags"] == ["empty"]
    assert "_minhash" not in process_document({"id": "b", "text": ""}, ("dedup",))
    flags = process_document({"id": "c", "text": "hello world " * 20}, ())["flags"]
    assert flags == ["low_khmer"]
    noisy = process_document({"id": "n", "text": "ក" * 50 + "<>|{}=■■■" * 20}, ())["flags"]
    assert "mostly_noise" in noisy
    assert "truncated" in process_document({"id": "t", "text": "ក" * 200 + "ន្"}, ())["flags"]


def test_process_document_truncates_long_text_at_a_cluster_boundary():
    text = "ស្រ្តី" * 100
    row = process_document({"id": "x", "text": text}, (), max_chars=50)
    assert "truncated" in row["flags"]
    assert row["n_chars"] <= 50 and text.startswith(row["text"])
    assert not row["text"].endswith("្")


@pytest.mark.parametrize(
    "record, reason",
    [
        ({"id": "x"}, "missing 'text'"),
        ({"id": "x", "text": 5}, "'text' is int"),
        ({"id": "x", "text": None}, "'text' is NoneType"),
        ({"id": "x", "text": b"abc"}, "'text' is bytes"),
    ],
)
def test_process_document_rejects_bad_records(record, reason):
    with pytest.raises(BadRecord, match=reason):
        process_document(record, ("dedup",))


def test_process_document_extracts_html():
    html = (
        "<html><head><title>t</title></head><body><nav>menu</nav><article><p>"
        + khmer_doc(random.Random(3), 80)
        + "</p></article></body></html>"
    )
    row = process_document({"id": "h", "html": html}, ())
    assert "<p>" not in row["text"] and row["khmer_ratio"] > 0.9 and row["n_chars"] > 100


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_process_document_any_text(text):
    row = process_document({"id": "p", "text": text}, ("dedup",))
    assert row["text"] == text and row["n_chars"] == len(text)
    assert set(row["flags"]) <= {"empty", "very_short", "low_khmer", "mostly_noise", "truncated"}
    assert ("empty" in row["flags"]) == ("_minhash" not in row)
    assert row["content_hash"] == batch.content_hash(" \n" + text + "\u200b")


@pytest.mark.skipif(AVAILABLE != STEPS, reason="not every step's module exists yet")
@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_process_document_all_steps_never_raise(text):
    row = process_document({"id": "p", "text": text}, STEPS)
    assert row["n_chars"] == len(row["text"])
    pa.Table.from_pylist([{k: row[k] for k in batch.SCHEMA.names}], schema=batch.SCHEMA)


def test_doctests():
    import doctest

    assert doctest.testmod(batch).failed == 0


_MIXED = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x1780, max_codepoint=0x17FF),
        st.sampled_from(" \n\u200b<>|=#+$©\ufffd\x00\u200e▲ab1."),
        st.characters(),
    ),
    max_size=200,
)


@settings(max_examples=200, deadline=None)
@given(_MIXED)
def test_quality_flags_match_their_definition(text):
    visible = [c for c in text if not c.isspace() and c != "\u200b"]
    flags = batch.quality_flags(text)
    assert ("empty" in flags) == (not visible)
    if visible:
        noise = sum(1 for c in visible if batch._is_noise(c))
        assert ("mostly_noise" in flags) == (noise > batch.NOISE_SHARE * len(visible))
        assert ("very_short" in flags) == (len(visible) < batch.VERY_SHORT_CHARS)
        assert ("low_khmer" in flags) == (batch.khmer_ratio(text) < batch.LOW_KHMER)


def test_check_steps():
    assert check_steps("dedup,normalize") == ("normalize", "dedup")
    with pytest.raises(ValueError, match="unknown step"):
        check_steps(["normalise"])


# --- units, partitions, bad rows -----------------------------------------------------------------


@pytest.mark.parametrize(
    "payload, reason",
    [
        (b"not json\n", "invalid JSON"),
        (b"[1, 2]\n", "not an object"),
        (b'{"id": 1}\n', "missing 'text'"),
        (b'{"id": 1, "text": 3}\n', "'text' is int"),
        (b'{"id": 1, "text": null}\n', "null"),
        (b'{"id": [1], "text": "x"}\n', "'id' is list"),
        (b'{"id": 1, "text": "\xff\xfe"}\n', "not valid UTF-8"),
    ],
)
def test_parse_unit_bad_lines(payload, reason):
    with pytest.raises(BadRecord, match=reason):
        parse_unit(Unit("f.jsonl", 4, "jsonl", payload))


def test_parse_unit_ids():
    rec = parse_unit(Unit("f.jsonl", 4, "jsonl", '{"text": "ក"}'.encode()))
    assert rec["id"] == "f.jsonl:4"
    assert parse_unit(Unit("f.jsonl", 5, "jsonl", b'{"id": 12, "text": "x"}'))["id"] == "12"
    assert parse_unit(Unit("a/b.txt", None, "txt", "\ufeffក".encode()))["text"] == "ក"
    with pytest.raises(BadRecord, match="binary"):
        parse_unit(Unit("a.txt", None, "txt", b"\x00\x01"))


def test_plan_partitions_is_deterministic_and_bounded():
    units = [Unit("s", i, "jsonl", b"x" * 10) for i in range(23)]
    parts = list(plan_partitions(iter(units), 5))
    assert [len(p) for p in parts] == [5, 5, 5, 5, 3]
    assert [len(p) for p in plan_partitions(iter(units), 50, max_bytes=35)] == [4] * 5 + [3]
    assert parts == list(plan_partitions(iter(units), 5))


def test_process_partition_keeps_good_rows_and_reports_bad_ones():
    units = [
        Unit("f.jsonl", 1, "jsonl", b'{"id": "a", "text": "\\u1780\\u17b6"}'),
        Unit("f.jsonl", 2, "jsonl", b"{oops"),
        Unit("f.jsonl", 3, "jsonl", b'{"id": "c", "text": 1}'),
        Unit("f.jsonl", 4, "jsonl", b'{"id": "d", "text": "x"}'),
    ]
    res = process_partition(0, units, ("dedup",))
    assert res.table.column("id").to_pylist() == ["a", "d"]
    assert [(e["line"], e["stage"]) for e in res.errors] == [(2, "read"), (3, "read")]
    assert res.signatures.column("row").to_pylist() == [0, 1]
    assert res.n_units == 4


def test_find_duplicates_keeps_the_first_in_input_order():
    rng = random.Random(5)
    a, b = khmer_doc(rng), khmer_doc(rng)
    near_a = a[:-20] + "ខខខខ"  # a few characters changed at the end
    docs = [("p0", a), ("p1", b), ("p2", near_a), ("p3", a), ("p4", "  " + b)]
    tables = []
    for part in range(2):
        chunk = docs[part * 3 : part * 3 + 3]
        res = process_partition(
            part, [Unit("x", i, "row", d) for i, d in enumerate(chunk)], ("dedup",)
        )
        tables.append((part, res.signatures))
    dups, n_exact, n_near = find_duplicates(tables)
    assert dups == {(0, 2): "p0", (1, 0): "p0", (1, 1): "p1"}
    assert (n_exact, n_near) == (2, 1)


# --- the job on a 2-worker LocalCluster ---------------------------------------------------------


def _rows(out):
    return list(iter_output(out))


def test_jsonl_job_with_bad_rows_and_cross_partition_dedup(client, tmp_path):
    docs = corpus(40)
    docs.append({"id": "copy-of-d0003", "text": docs[3]["text"]})
    docs.append({"id": "near-d0010", "text": docs[10]["text"][:-15] + "កខគ"})
    src = tmp_path / "in.jsonl"
    bad = ['{"id": "bad1", "text": 5}\n', "{not json\n", '{"id": "bad3"}\n', "\n", "[1]\n"]
    write_jsonl(src, docs, bad)
    out = tmp_path / "out"
    summary = run_batch(src, out, steps=("dedup",), client=client, partition_size=6)
    rows = _rows(out)
    assert [r["id"] for r in rows] == [d["id"] for d in docs]
    assert [r["position"] for r in rows] == list(range(1, len(docs) + 1))
    dup = {r["id"]: r["duplicate_of"] for r in rows if r["duplicate_of"]}
    assert dup == {"copy-of-d0003": "d0003", "near-d0010": "d0010"}
    errors = [json.loads(line) for line in open(out / "errors.jsonl", encoding="utf-8")]
    n = len(docs)
    assert [(e["line"], e["reason"].split(" ")[0]) for e in errors] == [
        (n + 1, "'text'"),
        (n + 2, "invalid"),
        (n + 3, "missing"),
        (n + 5, "JSON"),
    ]
    assert summary.documents == n and summary.errors == 4
    assert summary.partitions == 8 and summary.exact_duplicates == 1
    assert summary.near_duplicates == 1
    assert len(list(out.glob("part-*.parquet"))) == 8
    assert not list(out.glob("_work/*.parquet.tmp")) and not list(
        out.glob("_work/part-*[0-9].parquet")
    )


def _deterministic_run(client, tmp_path, steps):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus(30, seed=11) + corpus(5, seed=11))  # 5 exact duplicate texts
    a, b = tmp_path / "a", tmp_path / "b"
    run_batch(src, a, steps=steps, client=client, partition_size=4)
    run_batch(src, b, steps=steps, client=client, partition_size=4, in_flight=2)
    return src, a, b


def test_output_is_deterministic_and_jsonl_matches_parquet(client, tmp_path):
    steps = tuple(s for s in AVAILABLE if s in ("normalize", "dedup"))
    src, a, b = _deterministic_run(client, tmp_path, steps)
    for shard in sorted(a.glob("part-*.parquet")):
        assert (b / shard.name).read_bytes() == shard.read_bytes()
    j = tmp_path / "j"
    run_batch(src, j, steps=steps, client=client, partition_size=4, fmt="jsonl")
    rows_a, rows_j = _rows(a), _rows(j)
    assert [r["id"] for r in rows_a] == [r["id"] for r in rows_j]
    assert [r["duplicate_of"] for r in rows_a] == [r["duplicate_of"] for r in rows_j]
    assert [r["text"] for r in rows_a] == [r["text"] for r in rows_j]
    assert sum(1 for r in rows_a if r["duplicate_of"]) == 5


@pytest.mark.skipif("words" not in AVAILABLE, reason="sleukrith.segment not importable yet")
def test_words_step_is_deterministic_whatever_worker_runs_it(client, tmp_path):
    _src, a, b = _deterministic_run(client, tmp_path, ("words",))
    for shard in sorted(a.glob("part-*.parquet")):
        assert pq.read_table(shard).equals(pq.read_table(b / shard.name))


@pytest.mark.skipif(AVAILABLE != STEPS, reason="not every step's module exists yet")
def test_all_steps_on_the_sample_reports(client, tmp_path, sample_paths):
    if not sample_paths:
        pytest.skip("no bundled sample reports")
    docs = tmp_path / "docs"
    docs.mkdir()
    for p in sample_paths:
        (docs / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "out"
    summary = run_batch(docs, out, steps=STEPS, client=client, partition_size=3, fmt="jsonl")
    rows = _rows(out)
    assert [r["id"] for r in rows] == [p.name for p in sample_paths]
    assert summary.errors == 0 and summary.documents == len(sample_paths)
    from sleukrith.document import analyze
    from sleukrith.normalize import normalize

    for p, row in zip(sample_paths, rows, strict=True):
        text = normalize(p.read_text(encoding="utf-8"))
        assert row["text"] == text and "".join(row["words"]) == text
        assert row["n_sentences"] >= 1 and row["n_words"] >= 1
        assert isinstance(row["record"], dict) and "kind" in row["record"]
        expected = analyze(text).to_dict()
        assert row["record"] == json.loads(json.dumps(expected["record"], default=str))
        assert [(e["label"], e["start"], e["end"]) for e in row["entities"]] == [
            (e["label"], e["start"], e["end"]) for e in expected["entities"]
        ]
        for e in row["entities"]:
            assert row["text"][e["start"] : e["end"]] == e["text"]
    assert any(row["entities"] for row in rows)


def test_resume_skips_finished_shards(client, tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus(24, seed=3))
    out = tmp_path / "out"
    first = run_batch(src, out, steps=("dedup",), client=client, partition_size=5)
    assert first.partitions == 5 and first.partitions_skipped == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("part-*.parquet")}
    # as if the job died while writing partition 2: its shard, marker and work files are gone
    for p in [out / "part-00002.parquet", out / "part-00002.done", *out.glob("_work/part-00002*")]:
        p.unlink()
    again = run_batch(src, out, steps=("dedup",), client=client, partition_size=5)
    assert again.partitions_skipped == 4 and again.documents == 24
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("part-*.parquet")}
    assert set(after) == set(before)
    assert all(after[n] == before[n] for n in before if n != "part-00002.parquet")
    assert [r["id"] for r in _rows(out)] == [f"d{i:04d}" for i in range(24)]
    with pytest.raises(BatchError, match="other options"):
        run_batch(src, out, steps=("dedup",), client=client, partition_size=7)
    with open(src, "a", encoding="utf-8") as f:
        f.write('{"id": "late", "text": "ក"}\n')
    with pytest.raises(BatchError, match="INPUT changed"):
        run_batch(src, out, steps=("dedup",), client=client, partition_size=5)


def test_directory_and_parquet_inputs(client, tmp_path):
    rng = random.Random(9)
    d = tmp_path / "docs"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(khmer_doc(rng, 50), encoding="utf-8")
    (d / "sub" / "b.html").write_text(
        f"<html><body><article><p>{khmer_doc(rng, 60)}</p></article></body></html>",
        encoding="utf-8",
    )
    (d / "c.txt").write_bytes("ក".encode() + b"\xff\xfe bad")
    (d / "notes.md").write_text("ignored", encoding="utf-8")
    table = pa.table({"id": ["p1", "p2", "p3"], "text": ["ខ្មែរ", None, khmer_doc(rng, 20)]})
    pq.write_table(table, d / "rows.parquet")
    out = tmp_path / "out"
    summary = run_batch(d, out, steps=("dedup",), client=client, partition_size=2, fmt="jsonl")
    rows = _rows(out)
    assert [r["id"] for r in rows] == ["a.txt", "p1", "p3", "sub/b.html"]
    html_row = rows[-1]
    assert html_row["khmer_ratio"] > 0.9 and "<p>" not in html_row["text"]
    errors = [json.loads(line) for line in open(out / "errors.jsonl", encoding="utf-8")]
    assert [(e["source"], e.get("row")) for e in errors] == [("c.txt", None), ("rows.parquet", 1)]
    assert "UTF-8" in errors[0]["reason"] and "null" in errors[1]["reason"]
    assert summary.documents == 4


def test_glob_input_reads_several_jsonl_files_in_order(client, tmp_path):
    docs = corpus(9, seed=8)
    for i in range(3):
        write_jsonl(tmp_path / f"part{i}.jsonl", docs[i * 3 : i * 3 + 3])
    out = tmp_path / "out"
    run_batch(str(tmp_path / "part*.jsonl"), out, steps=(), client=client, partition_size=2)
    rows = _rows(out)
    assert [r["id"] for r in rows] == [d["id"] for d in docs]
    assert rows[3]["source"].endswith("part1.jsonl") and rows[3]["position"] == 1
    with pytest.raises(BatchError, match="no input file matches"):
        run_batch(str(tmp_path / "nothing*.jsonl"), tmp_path / "o2", client=client)


def test_bad_input_paths(client, tmp_path):
    with pytest.raises(BatchError, match="no such file"):
        run_batch(tmp_path / "missing.jsonl", tmp_path / "o", client=client)
    (tmp_path / "x.csv").write_text("a,b\n")
    with pytest.raises(BatchError, match="unknown input type"):
        run_batch(tmp_path / "x.csv", tmp_path / "o", client=client)
    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "t.parquet")
    with pytest.raises(BatchError, match="'text' column"):
        run_batch(tmp_path / "t.parquet", tmp_path / "o", client=client)


@pytest.mark.slow
def test_killed_worker_loses_no_documents(client, tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus(120, seed=21))
    out = tmp_path / "out"
    pids = client.run(os.getpid)  # worker address -> pid
    killed = {}

    def kill_busy_worker(index, c):
        if killed:
            return
        busy = [addr for addr, tasks in c.processing().items() if tasks and addr in pids]
        if not busy:  # both idle right now: kill at a later partition, mid-task
            return
        addr = sorted(busy)[0]
        killed[addr] = pids[addr]
        os.kill(pids[addr], signal.SIGKILL)

    summary = run_batch(
        src,
        out,
        steps=("dedup",),
        client=client,
        partition_size=3,
        in_flight=6,
        on_partition=kill_busy_worker,
    )
    assert killed, "the kill never happened"
    assert summary.documents == 120 and summary.errors == 0
    assert [r["id"] for r in _rows(out)] == [f"d{i:04d}" for i in range(120)]
    client.wait_for_workers(2, timeout=60)
    assert list(killed.values())[0] not in client.run(os.getpid).values()


class PoisonDocument(WorkerPlugin):
    """Worker plugin: the worker process dies whenever it starts partition 1 as a whole, or
    the task of that partition's third document (as a document that crashes the library or
    exhausts memory would)."""

    name = "sleukrith-test-poison"

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing" and re.fullmatch(
            r"sleukrith-batch-00001-(u00002-)?[0-9a-f]{32}", str(key)
        ):
            os._exit(1)


@pytest.mark.slow
def test_a_document_that_kills_every_worker_goes_to_the_errors_file(client, tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus(20, seed=4))
    scheduler = client.cluster.scheduler
    allowed = scheduler.allowed_failures
    scheduler.allowed_failures = 0  # give up on a task after one dead worker (default 3)
    client.register_plugin(PoisonDocument(), name=PoisonDocument.name)
    try:
        summary = run_batch(
            src, tmp_path / "out", steps=("dedup",), client=client, partition_size=5, in_flight=2
        )
    finally:
        client.unregister_worker_plugin(PoisonDocument.name)
        scheduler.allowed_failures = allowed
        client.wait_for_workers(2, timeout=60)
    ids = [r["id"] for r in _rows(tmp_path / "out")]
    assert ids == [f"d{i:04d}" for i in range(20) if i != 7]
    errors = [json.loads(x) for x in open(tmp_path / "out" / "errors.jsonl", encoding="utf-8")]
    assert [e["line"] for e in errors] == [8] and "worker process died" in errors[0]["reason"]
    assert summary.documents == 19 and summary.errors == 1


def test_cli_batch(client, tmp_path):
    import typer
    from typer.testing import CliRunner

    from sleukrith.cli.batch import batch_command

    app = typer.Typer()
    app.command("batch")(batch_command)
    app.command("other")(lambda: None)  # keep typer in multi-command mode
    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus(6, seed=2), ["oops\n"])
    out = tmp_path / "out"
    scheduler = client.scheduler.address
    res = CliRunner().invoke(
        app,
        [
            "batch",
            str(src),
            str(out),
            "--scheduler",
            scheduler,
            "--steps",
            "dedup",
            "--format",
            "jsonl",
            "--no-progress",
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["documents"] == 6 and summary["errors"] == 1
    assert len(list(out.glob("part-*.jsonl"))) == 1
    bad = CliRunner().invoke(app, ["batch", str(tmp_path / "nope"), str(out), "--no-progress"])
    assert bad.exit_code == 2 and "no such file" in bad.output
    bad = CliRunner().invoke(app, ["batch", str(src), str(out), "--steps", "magic"])
    assert bad.exit_code == 2 and "unknown step" in bad.output


def test_output_that_is_a_file_is_refused(tmp_path):
    from sleukrith.batch import BatchError

    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus(2))
    out = tmp_path / "report.txt"
    out.write_text("not a directory", encoding="utf-8")
    with pytest.raises(BatchError, match="is a file"):
        run_batch(src, out, steps=("normalize",), workers=1)
    assert out.read_text(encoding="utf-8") == "not a directory"


def test_unreachable_scheduler_leaves_no_empty_output(tmp_path):
    import dask

    src = tmp_path / "in.jsonl"
    write_jsonl(src, corpus(2))
    out = tmp_path / "out"
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), pytest.raises(OSError):
        run_batch(src, out, steps=("normalize",), scheduler="tcp://127.0.0.1:9")
    assert not out.exists()
    kept = tmp_path / "kept"
    kept.mkdir()
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), pytest.raises(OSError):
        run_batch(src, kept, steps=("normalize",), scheduler="tcp://127.0.0.1:9")
    assert kept.is_dir()  # a directory the user made is never removed
