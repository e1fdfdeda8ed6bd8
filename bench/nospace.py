"""Entities in text written without spaces: how many of the entities the analyzer finds in a
news article as written it still finds when the same article has no spaces between words.

    .venv/bin/python bench/nospace.py [--limit N]

Data: the articles of news/phylypo-2019 under the shared data directory (``$SLEUKRITH_DATA`` or
../shared/data), in the order of their ids (the first N with ``--limit``). Each article is
analysed as written and again with every space and zero-width space that stands between two
Khmer letters removed (as in pages and corpora typed without spaces); the spans found in the
second text are mapped back to the first. No gold is needed: the figure is agreement with the
analyzer's own reading of the spaced text, per label (exact span): **kept** = found in both /
found in the spaced text, **new** = found only without spaces / found without spaces (new spans
are a mix of boundary changes and wrong reads). Writes the ``nospace`` section of
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _report import data_dir, write_section  # noqa: E402

from sleukrith import analyze  # noqa: E402

LABELS = ("PERSON", "ORG", "LOC", "DATE")


def _is_kh(ch: str) -> bool:
    return "\u1780" <= ch <= "\u17ff"


def without_spaces(text: str) -> tuple[str, list[int]]:
    """``text`` without the spaces and zero-width spaces between two Khmer letters, and for
    each offset of the result (and its end) the offset in ``text``."""
    keep = [
        i
        for i, ch in enumerate(text)
        if not (
            ch in " \u200b"
            and 0 < i < len(text) - 1
            and _is_kh(text[i - 1])
            and _is_kh(text[i + 1])
        )
    ]
    return "".join(text[i] for i in keep), keep + [len(text)]


def compare(text: str) -> dict[str, dict[str, int]]:
    """Per label: entities found in both readings, only with spaces, only without."""
    glued, where = without_spaces(text)
    spaced = {(e.label, e.start, e.end) for e in analyze(text).entities if e.label in LABELS}
    unspaced = {
        (e.label, where[e.start], where[e.end - 1] + 1)
        for e in analyze(glued).entities
        if e.label in LABELS and e.end > e.start
    }
    out = {}
    for label in LABELS:
        a = {x for x in spaced if x[0] == label}
        b = {x for x in unspaced if x[0] == label}
        out[label] = {"both": len(a & b), "spaced": len(a - b), "unspaced": len(b - a)}
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = ap.parse_args(argv)
    folder = data_dir() / "news" / "phylypo-2019"
    files = sorted(folder.glob("*_orig.txt"), key=lambda p: p.name)
    if not files:
        raise SystemExit(f"no articles in {folder}: set SLEUKRITH_DATA to the shared data")
    if args.limit:
        files = files[: args.limit]
    totals = {label: {"both": 0, "spaced": 0, "unspaced": 0} for label in LABELS}
    chars = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        chars += len(text)
        for label, counts in compare(text).items():
            for k, v in counts.items():
                totals[label][k] += v
    rows = [
        "| label | found as written | still found without spaces | kept | new without spaces |"
        " new share |",
        "|---|---|---|---|---|---|",
    ]
    for label in LABELS:
        t = totals[label]
        written = t["both"] + t["spaced"]
        glued = t["both"] + t["unspaced"]
        kept = t["both"] / written if written else 0.0
        new = t["unspaced"] / glued if glued else 0.0
        rows.append(
            f"| {label} | {written} | {t['both']} | {kept:.3f} | {t['unspaced']} | {new:.3f} |"
        )
    md = (
        f"**Text without spaces** (`bench/nospace.py`): the {len(files)} articles of"
        f" news/phylypo-2019 ({chars / 1e6:.1f} M characters), each analysed as written and"
        " with the spaces and zero-width spaces between Khmer letters removed; exact spans of"
        " the second reading mapped back to the first. No gold: **kept** is the share of the"
        " entities found in the text as written that are found again without spaces, **new**"
        " the share of the entities found without spaces that the written text did not give"
        " (boundary changes and wrong reads).\n\n" + "\n".join(rows)
    )
    print(md)
    write_section("nospace", md)


if __name__ == "__main__":
    main()
