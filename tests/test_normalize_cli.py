"""Tests of the ``sleukrith normalize`` and ``sleukrith explain`` verbs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import sleukrith.cli.normalize  # noqa: F401 - registers the verbs
from sleukrith.cli import app
from sleukrith.normalize import explain, normalize

runner = CliRunner()
TEXT = "ខែកុម្ភ: ១\r\nការបេ្តជ្ញា\u200b ok\r\nno change\n"


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "in.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    return path


def test_normalize_file(sample):
    result = runner.invoke(app, ["normalize", str(sample)])
    assert result.exit_code == 0, result.output
    assert result.stdout == normalize(TEXT)
    assert "\r" not in result.stdout


def test_normalize_stdin_and_fold():
    result = runner.invoke(app, ["normalize", "-", "--fold"], input="កណ្ដាល ២០២១\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == "កណ្តាល 2021\n"


def test_explain_json_offsets_are_in_the_whole_input(sample):
    result = runner.invoke(app, ["explain", str(sample), "--json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    expected = explain(TEXT)
    assert [r["rule"] for r in records] == [f.rule for f in expected]
    assert [(r["start"], r["end"]) for r in records] == [(f.start, f.end) for f in expected]
    assert records[0]["line"] == 1 and records[0]["col"] == 8
    assert records[2]["line"] == 2 and records[2]["before"] == "បេ្ត"
    assert set(records[0]) == {"line", "col", "rule", "start", "end", "before", "after", "message"}


def test_explain_table(sample):
    result = runner.invoke(app, ["explain", str(sample)])
    assert result.exit_code == 0, result.output
    assert "colon_to_yuukaleapintu" in result.stdout
    assert "2:4" in result.stdout and "បេ្ត → ប្តេ" in result.stdout
    assert "<U+200B>" in result.stdout
    assert "5 fixes" in result.stdout


def test_missing_file_is_a_clean_error(tmp_path):
    result = runner.invoke(app, ["normalize", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_help_has_an_example():
    for verb in ("normalize", "explain"):
        result = runner.invoke(app, [verb, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.stdout


_PEAK_CODE = (
    "import resource, sys\n"
    "out = open(sys.argv[2], 'w', encoding='utf-8', newline='')\n"
    "sys.stdout = out\n"
    "sys.argv = ['sleukrith', 'normalize', sys.argv[1]]\n"
    "from sleukrith.cli import main\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "out.close()\n"
    "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
)
_LINE = "ប្រធានគណ:ប្រចាំការ ការបេ្តជ្ញា\u200b ខ្មែរ ok\r\n"


def _peak_kb(tmp_path: Path, lines: int) -> tuple[int, Path]:
    path = tmp_path / f"in{lines}.txt"
    with path.open("w", encoding="utf-8", newline="") as fh:
        for _ in range(lines):
            fh.write(_LINE)
    out_path = tmp_path / f"out{lines}.txt"
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK_CODE, str(path), str(out_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return int(proc.stderr.strip().splitlines()[-1]), out_path


@pytest.mark.slow
def test_streaming_big_input_in_bounded_memory(tmp_path):
    # 4 MB of input (1.8 M characters) must not cost more memory than 100 KB does: the verb
    # streams line by line (reading it whole would add the text twice, > 7 MB)
    small, _ = _peak_kb(tmp_path, 1_000)
    big, out_path = _peak_kb(tmp_path, 40_000)
    assert big - small < 3_000, (small, big)
    with out_path.open(encoding="utf-8", newline="") as fh:
        assert fh.readline() == normalize(_LINE)
    assert out_path.stat().st_size == len(normalize(_LINE).encode("utf-8")) * 40_000
