"""Benchmark ``sleukrith.normalize`` against pheasa, khmernormalizer and khmerspell.

On the 1,000 news articles of ``news/phylypo-2019/*_orig.txt`` (raw page text), in one run:
throughput (characters per second, best of several rounds, the tools interleaved), the ratio
of sleukrith to each anchor, how many documents each tool changes; then what sleukrith
changes on that (mostly correctly written) text, per rule, with a sample of the changes, so a
reader can check that each is a real fix. Writes the ``normalize`` section of
docs/benchmarks.md.

    .venv/bin/pip install pheasa==0.1.0 khmernormalizer==0.0.4 khmerspell==0.1.1
    .venv/bin/python bench/normalize.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import importlib  # noqa: E402

from _report import data_dir, write_section  # noqa: E402

sk = importlib.import_module("sleukrith.normalize")


def _anchors() -> dict[str, Callable[[str], str]]:
    tools: dict[str, Callable[[str], str]] = {}
    try:
        import pheasa  # pheasa.normalize(text) -> str (SIL order, NFC, keeps ZWSP)

        tools["pheasa 0.1.0"] = pheasa.normalize
    except ImportError:
        print("pheasa not installed: skipped", file=sys.stderr)
    try:
        import khmernormalizer  # khmernormalizer.normalize(text) -> str (ftfy, NFKC, khnormal)

        tools["khmernormalizer 0.0.4"] = khmernormalizer.normalize
    except ImportError:
        print("khmernormalizer not installed: skipped", file=sys.stderr)
    try:
        import khmerspell  # khmerspell.khnormal(text) -> str (SIL's khnormal script)

        tools["khmerspell 0.1.1"] = khmerspell.khnormal
    except ImportError:
        print("khmerspell not installed: skipped", file=sys.stderr)
    return tools


def _time(func: Callable[[str], str], docs: list[str]) -> float:
    start = time.perf_counter()
    for doc in docs:
        func(doc)
    return time.perf_counter() - start


def _context(text: str, start: int, end: int, width: int = 12) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}⟦{text[start:end]}⟧{right}"


def _visible(s: str) -> str:
    return "".join(c if c.isprintable() and c != "|" else f"<U+{ord(c):04X}>" for c in s) or "∅"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print, do not write the doc")
    args = parser.parse_args()

    corpus = data_dir() / "news" / "phylypo-2019"
    paths = sorted(corpus.glob("*_orig.txt"))
    if not paths:
        sys.exit(f"no *_orig.txt under {corpus}")
    docs = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(map(len, docs))
    tools: dict[str, Callable[[str], str]] = {"sleukrith": sk.normalize, **_anchors()}

    # warm up (imports, memo tables), then interleave the tools round by round
    for func in tools.values():
        for doc in docs[:20]:
            func(doc)
    best = dict.fromkeys(tools, float("inf"))
    for _ in range(args.rounds):
        for name, func in tools.items():
            sk._memo.clear()  # sleukrith starts each round with an empty cluster memo
            best[name] = min(best[name], _time(func, docs))
    changed = {name: sum(func(d) != d for d in docs) for name, func in tools.items()}

    # sleukrith alone: what changes, per rule
    per_rule: dict[str, list] = collections.defaultdict(lambda: [0, 0, set(), []])
    touched = invisible_only = 0
    for i, doc in enumerate(docs):
        for fix in sk.explain(doc):
            touched += len(fix.before)
            if fix.rule == "remove_invisible":
                invisible_only += len(fix.before)
            for rule in fix.rule.split("+"):
                row = per_rule[rule]
                row[0] += 1
                row[1] += len(fix.before)
                row[2].add(i)
                row[3].append((i, fix))

    rng = random.Random(2019)
    s_rate = chars / best["sleukrith"]
    lines = [
        "## Normalization",
        "",
        f"Corpus: {len(docs)} news articles (`news/phylypo-2019/*_orig.txt`), {chars:,} "
        f"characters. Best of {args.rounds} interleaved rounds; each tool's own default call.",
        "",
        "| tool | call | chars/s | sleukrith ÷ tool | documents changed |",
        "|---|---|---:|---:|---:|",
    ]
    calls = {
        "sleukrith": "`sleukrith.normalize(text)`",
        "pheasa 0.1.0": "`pheasa.normalize(text)`",
        "khmernormalizer 0.0.4": "`khmernormalizer.normalize(text)`",
        "khmerspell 0.1.1": "`khmerspell.khnormal(text)`",
    }
    for name in tools:
        rate = chars / best[name]
        ratio = "—" if name == "sleukrith" else f"{s_rate / rate:.2f}"
        lines.append(
            f"| {name} | {calls.get(name, '')} | {rate / 1e6:.2f} M | {ratio} | "
            f"{changed[name]} / {len(docs)} |"
        )
    lines += [
        "",
        "Documents changed are not comparable one to one: sleukrith removes the sites' ZWSPs "
        "(most documents have them), pheasa and khmerspell keep them, khmernormalizer also "
        "rewrites quotes, spaces and punctuation.",
        "",
        "### What sleukrith changes on this corpus",
        "",
        f"{touched:,} input characters touched ({touched / chars:.2%}); "
        f"{invisible_only:,} of them are invisible characters only (mostly the sites' ZWSP "
        "word marks). Per rule (a fix on one cluster that combines rules counts for each):",
        "",
        "| rule | fixes | input chars | documents |",
        "|---|---:|---:|---:|",
    ]
    for rule, row in sorted(per_rule.items(), key=lambda kv: -kv[1][0]):
        lines.append(f"| `{rule}` | {row[0]:,} | {row[1]:,} | {len(row[2])} |")
    lines += [
        "",
        "A random sample of the visible changes (up to 4 per rule; ⟦ ⟧ marks the span in the "
        "input), to check that each is a real fix:",
        "",
        "| rule | in context | before → after |",
        "|---|---|---|",
    ]
    for rule, row in sorted(per_rule.items(), key=lambda kv: -kv[1][0]):
        if rule == "remove_invisible":  # 2 plain removals, 2 inside a fixed cluster
            plain = [(i, f) for i, f in row[3] if f.rule == rule]
            mixed = [(i, f) for i, f in row[3] if f.rule != rule]
            sample = rng.sample(plain, min(2, len(plain))) + rng.sample(mixed, min(2, len(mixed)))
        else:
            sample = rng.sample(row[3], min(4, len(row[3])))
        for i, fix in sample:
            ctx = _visible(_context(docs[i], fix.start, fix.end))
            lines.append(f"| `{rule}` | {ctx} | {_visible(fix.before)} → {_visible(fix.after)} |")
    markdown = "\n".join(lines)
    print(markdown)
    if not args.no_write:
        write_section("normalize", markdown)


if __name__ == "__main__":
    main()
