"""Shared by the bench scripts: where the data is, and writing a section of docs/benchmarks.md.

Each script owns one section, delimited by ``<!-- bench:NAME -->`` / ``<!-- /bench:NAME -->``
markers, and replaces only that section, so scripts can be rerun independently.
"""

from __future__ import annotations

import os
import platform
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def data_dir() -> Path:
    """The corpora: $SLEUKRITH_DATA or ../shared/data (never vendored into the repo)."""
    return Path(os.environ.get("SLEUKRITH_DATA", DEFAULT_DATA))


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def write_section(name: str, markdown: str) -> None:
    """Replace (or append) the ``name`` section of docs/benchmarks.md with ``markdown``."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    stamp = time.strftime("%Y-%m-%d")
    block = f"{start}\n{markdown.rstrip()}\n\n_Measured {stamp} on {machine()}._\n{end}"
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")
