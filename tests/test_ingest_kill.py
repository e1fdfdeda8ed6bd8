"""A kill -9 in the middle of an ingest leaves the archive intact; a rerun completes it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from sleukrith.archive import Archive, search

N_DOCS = 800


def _write_docs(path):
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(N_DOCS):
            text = (
                f"ឯកសារលេខ {i} ៖ រដ្ឋបាលខេត្តកំពង់ចាមបានរៀបចំកិច្ចប្រជុំលើកទី {i} "
                f"ស្តីពីការងារអភិវឌ្ឍន៍ ភូមិ{i % 97} ។ សម្គាល់ {i * 7919 % 100003}"
            )
            fh.write(json.dumps({"id": f"d{i}", "text": text}, ensure_ascii=False) + "\n")


def _count(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _ingest_cmd(db, path, batch):
    return [sys.executable, "-m", "sleukrith", "ingest", "--db", str(db), "--no-analyze",
            "--batch-size", str(batch), "--json", str(path)]


@pytest.mark.slow
@pytest.mark.parametrize("batch", [1, 20])
def test_sigkill_midway_then_rerun(tmp_path, batch):
    path = tmp_path / "docs.jsonl"
    _write_docs(path)
    db = tmp_path / "kill.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(_ingest_cmd(db, path, batch), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while _count(db) < 60:
            assert proc.poll() is None, "ingest ended before it could be killed"
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with Archive(db) as archive:
        assert archive.check() == []
        partial = archive.count()
        assert 60 <= partial < N_DOCS
        # whole batches only: every stored document is complete and indexed
        conn = archive.conn
        assert conn.execute("SELECT count(*) FROM doc_fts").fetchone()[0] == partial
        if batch > 1:
            assert partial % batch == 0

    done = subprocess.run(_ingest_cmd(db, path, batch), env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["added"] == N_DOCS - partial
    assert summary["duplicates"] == partial

    with Archive(db) as archive:
        assert archive.check() == []
        assert archive.count() == N_DOCS
        conn = archive.conn
        assert conn.execute("SELECT count(DISTINCT hash) FROM documents").fetchone()[0] == N_DOCS
        assert conn.execute("SELECT count(DISTINCT ext_id) FROM documents").fetchone()[0] == N_DOCS
        assert search(archive, f"សម្គាល់ {(N_DOCS - 1) * 7919 % 100003}").total == 1
