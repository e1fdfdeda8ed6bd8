"""Benchmark: Khmer lunar conversions per second, both ways, against momentkh when available.

Run: .venv/bin/python bench/lunar.py   (writes the "lunar" section of docs/benchmarks.md)

momentkh (npm) is timed only when node is installed and tests/test_lunar_momentkh.py has already
installed it into tests/artifacts/momentkh; nothing is downloaded here.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench._report import write_section  # noqa: E402
from sleukrith import lunar  # noqa: E402

N = 100_000
MOMENTKH_DIR = ROOT / "tests" / "artifacts" / "momentkh"
MOMENTKH_SCRIPT = """
process.env.TZ = 'UTC';
const moment = require('moment'); require('@thyrith/momentkh')(moment);
const dates = JSON.parse(process.argv[1]);
const t0 = process.hrtime.bigint();
for (const iso of dates) moment.utc(iso, 'YYYY-MM-DD').toLunarDate();
const t1 = process.hrtime.bigint();
console.log(JSON.stringify({seconds: Number(t1 - t0) / 1e9}));
"""


def rate(fn, items) -> float:
    best = 0.0
    for _ in range(3):
        t0 = time.perf_counter()
        for x in items:
            fn(x)
        best = max(best, len(items) / (time.perf_counter() - t0))
    return best


def momentkh_rate(dates: list[dt.date]) -> float | None:
    if not shutil.which("node") or not (MOMENTKH_DIR / "node_modules" / "@thyrith").exists():
        return None
    args = json.dumps([d.isoformat() for d in dates])
    done = subprocess.run(
        ["node", "-e", MOMENTKH_SCRIPT, args],
        cwd=MOMENTKH_DIR,
        capture_output=True,
        text=True,
        env=dict(os.environ, TZ="UTC"),
        timeout=600,
    )
    if done.returncode != 0:
        return None
    return len(dates) / json.loads(done.stdout)["seconds"]


def main() -> None:
    rng = random.Random(7)
    first = dt.date(1900, 1, 1)
    dates = [first + dt.timedelta(days=rng.randrange(73_414)) for _ in range(N)]
    t0 = time.perf_counter()
    lunars = [lunar.from_gregorian(d) for d in dates]
    assert [lunar.to_gregorian(x) for x in lunars] == dates
    texts = [x.format() for x in lunars[:20_000]]
    warm = time.perf_counter() - t0

    to_lunar = rate(lunar.from_gregorian, dates)
    to_greg = rate(lunar.to_gregorian, lunars)
    fmt = rate(lunar.LunarDate.format, lunars[:20_000])
    parse = rate(lunar.parse_lunar, texts)
    years = list(range(1900, 2101))
    lunar._new_year.cache_clear()
    t0 = time.perf_counter()
    for y in years:
        lunar.khmer_new_year(y)
    new_year = len(years) / (time.perf_counter() - t0)
    mk = momentkh_rate(dates[:200])

    rows = [
        ("from_gregorian (date → LunarDate)", to_lunar),
        ("to_gregorian (LunarDate → date)", to_greg),
        ("LunarDate.format()", fmt),
        ("parse_lunar (full Khmer text → LunarDate)", parse),
        ("khmer_new_year (uncached, per year)", new_year),
    ]
    lines = [
        "## Lunar calendar (`sleukrith.lunar`)",
        "",
        f"{N:,} random days 1900–2100 (round trip checked, {warm:.1f} s incl. checks); "
        "best of 3 runs, one core. Goal: ≥ 10,000 conversions/s.",
        "",
        "| operation | per second |",
        "|---|---:|",
        *[f"| {name} | {value:,.0f} |" for name, value in rows],
    ]
    if mk is not None:
        lines += [
            f"| momentkh 2.5.5 `toLunarDate()` (node, 200 days) | {mk:,.1f} |",
            "",
            f"from_gregorian is **{to_lunar / mk:,.0f}×** momentkh's toLunarDate "
            "(which walks day by day to find Visak Bochea for the BE year).",
        ]
    else:
        lines += ["", "_momentkh not timed (node or its install in tests/artifacts missing)._"]
    write_section("lunar", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
