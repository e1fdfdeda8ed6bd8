"""Benchmark: find_dates and find_numbers chars/s, parse_number calls/s on the news corpus, and
the pass rates on Google's Khmer text-normalization test data; dateparser as the anchor.

Run: .venv/bin/python bench/dates.py   (writes the "dates" section of docs/benchmarks.md)

Corpus: ``<data>/news/phylypo-2019/*_orig.txt`` (1,000 raw news pages). dateparser is timed
on the first 50 documents only (it is much slower) when it is installed; nothing is downloaded.
"""

from __future__ import annotations

import datetime
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench._report import data_dir, write_section  # noqa: E402
from sleukrith.dates import find_dates  # noqa: E402
from sleukrith.numbers import find_numbers, parse_number, spell_number  # noqa: E402


def _best(fn, repeat: int = 3) -> float:  # noqa: ANN001
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    news = sorted((data_dir() / "news" / "phylypo-2019").glob("*_orig.txt"))
    if not news:
        sys.exit(f"no corpus at {data_dir() / 'news' / 'phylypo-2019'}")
    texts = [p.read_text(encoding="utf-8") for p in news]
    chars = sum(map(len, texts))

    t_dates = _best(lambda: [find_dates(t) for t in texts])
    found = [m for t in texts for m in find_dates(t)]
    with_value = sum(m.value is not None for m in found)
    # with a reference date (the corpus was crawled in October 2019) relative expressions and
    # partial dates get values too
    ref = datetime.date(2019, 10, 22)
    found_ref = [m for t in texts for m in find_dates(t, reference=ref)]
    relative = sum(m.relative for m in found_ref)
    t_numbers = _best(lambda: [find_numbers(t, skip_dates=False) for t in texts])
    numbers = [
        m.text for t in texts for m in find_numbers(t, skip_dates=False) if m.kind == "number"
    ]
    words = [spell_number(n) for n in range(0, 2_000_000, 397)]
    t_parse = _best(lambda: [parse_number(s) for s in numbers])
    t_parse_words = _best(lambda: [parse_number(s) for s in words])

    rows = [
        "| measure | sleukrith | dateparser 1.x (anchor) | ratio |",
        "|---|---:|---:|---:|",
    ]
    anchor_rate = anchor_found = None
    try:
        from dateparser.search import search_dates
    except ImportError:
        search_dates = None
    if search_dates is not None:
        sample = texts[:50]
        sample_chars = sum(map(len, sample))
        t0 = time.perf_counter()
        hits = 0
        for t in sample:
            try:
                hits += len(search_dates(t, languages=["km"]) or [])
            except Exception:  # noqa: BLE001 - the anchor's own failures count as no date
                pass
        anchor_rate = sample_chars / (time.perf_counter() - t0)
        ours_sample = sum(len(find_dates(t)) for t in sample)
        anchor_found = (hits, ours_sample)
    dates_rate = chars / t_dates
    rows.append(
        f"| find_dates chars/s (news, {len(texts)} docs, {chars:,} chars) | {dates_rate:,.0f} | "
        + (
            f"{anchor_rate:,.0f} (50 docs) | {dates_rate / anchor_rate:,.0f}x |"
            if anchor_rate
            else "not installed | |"
        )
    )
    if anchor_found:
        rows.append(
            f"| date expressions found in the first 50 docs | {anchor_found[1]} | "
            f"{anchor_found[0]} (spans like a bare តុលា, ៣៣%, phone numbers) | |"
        )
    rows += [
        f"| date/time expressions found (all docs) | {len(found):,} "
        f"({with_value:,} with a value, no reference date) | | |",
        f"| ... with reference {ref.isoformat()} | {len(found_ref):,} ({relative:,} completed "
        "from the reference: partial and relative dates) | | |",
        f"| find_numbers chars/s (news, skip_dates=False) | {chars / t_numbers:,.0f} | | |",
        f"| parse_number calls/s (the {len(numbers):,} bare-number spans of the news) | "
        f"{len(numbers) / t_parse:,.0f} | | |",
        f"| parse_number calls/s (spelled-out numbers, 0..2M) | "
        f"{len(words) / t_parse_words:,.0f} | | |",
    ]

    from test_textnorm_google import evaluate

    report = evaluate(data_dir() / "textnorm" / "google-km")
    rows += [
        "",
        "Google Khmer text-normalization test data (scope rules in docs/dates.md):",
        "",
        "| category | in scope | passed | pass rate | out of scope |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, r in report.items():
        in_scope = r["pass"] + r["fail"]
        rate = f"{r['rate']:.1%}" if r["rate"] is not None else "—"
        rows.append(f"| {name} | {in_scope} | {r['pass']} | {rate} | {r['out']} |")
    table = "\n".join(rows)
    print(table)
    write_section("dates", "## Dates and numbers\n\n" + table)


if __name__ == "__main__":
    main()
