"""Shared test fixtures: the corpora in ../shared/data (tests that need them skip without)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("SLEUKRITH_DATA", ROOT.parent / "shared" / "data"))
SAMPLES = ROOT / "src" / "sleukrith" / "data" / "samples"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Path to ../shared/data; skips the test when the corpora are not present."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"needs the shared corpora at {SHARED_DATA} (set SLEUKRITH_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    """The bundled sample documents."""
    return sorted(SAMPLES.glob("*.txt"))
