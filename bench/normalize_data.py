"""Build the word lists shipped with ``sleukrith.normalize`` from the shared dictionaries.

Run from the project root (needs ../shared/data, see bench/_report.py)::

    .venv/bin/python bench/normalize_data.py

Writes two files under ``src/sleukrith/data/``:

* ``yuukaleapintu.tsv`` -- spellings with ៈ (U+17C8) that tell an ASCII colon typed for ៈ
  from a real colon. ``stem`` rows: a word ending in ៈ whose bare stem is not itself a common
  word (``ខណៈ``: "ខណ:" is a typo; ``មានៈ``/``មាន`` fails, "មាន:" means "has:"), so the colon is
  replaced even before a space. ``compound`` rows: words with ៈ inside (``រយៈពេល``), used only
  when the colon is glued to the next Khmer word. ``block`` rows (written with ៈ appended):
  common words that end with a stem (``ខ្លឹមសារ`` ends with ``មសារ``), after which a colon is
  a colon.
* ``variants.tsv`` -- ``variant<TAB>canonical`` pairs from SBBIC's multiple-spellings list that
  are safe for search folding (see ``safe_variant`` below for what is dropped and why).
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import ROOT, data_dir  # noqa: E402

from sleukrith.chars import clusters  # noqa: E402
from sleukrith.normalize import normalize  # noqa: E402

OUT = ROOT / "src" / "sleukrith" / "data"
YUU = "\u17c8"
#: the ៈ spelling must be at least this frequent relative to its bare stem
MIN_RATIO = 0.1


def _load() -> tuple[set[str], dict[str, int]]:
    d = data_dir() / "dict"
    words: set[str] = set()
    freq: dict[str, int] = {}
    for name in ("icu/khmerdict.txt", "coeng-tada/khmerdict.txt"):
        for line in (d / name).read_text(encoding="utf-8-sig").splitlines():
            w = line.split("\t")[0].strip()
            if w and not w.startswith("#"):
                words.add(normalize(w))
    for name in ("sbbic/km_symspell_dictionary.txt", "sil-khmerlbdict/seafreq.txt"):
        for line in (d / name).read_text(encoding="utf-8-sig").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[1].strip().isdigit():
                w = normalize(parts[0].strip())
                words.add(w)
                freq[w] = max(freq.get(w, 0), int(parts[1]))
    return words, freq


def build_yuukaleapintu(words: set[str], freq: dict[str, int]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for w in sorted(words):
        if YUU not in w or w.count(YUU) > 1 and not w.endswith(YUU):
            continue
        if w.endswith(YUU):
            stem = w[:-1]
            if len(clusters(stem)) < 2 or YUU in stem:
                continue
            if stem in words and (
                freq.get(w, 0) < MIN_RATIO * max(freq.get(stem, 0), 1) or freq.get(w, 0) < 20
            ):
                continue  # the bare stem is a word of its own, more usual: a colon may follow
            rows.append((w, "stem"))
        elif w.index(YUU) >= 2:
            rows.append((w, "compound"))
    # a longer common word that ends with a stem (ខ្លឹមសារ ends with the junk stem មសារ) is a
    # complete word: a colon after it is a colon
    stems = {w[:-1] for w, k in rows if k == "stem"}
    for w in sorted(words):
        if YUU in w or freq.get(w, 0) < 10 or w in stems:
            continue
        if freq.get(w, 0) < 10 * (freq.get(w + YUU, 0) + 1):
            continue
        starts = [m for m, _ in _spans(w)][1:]
        if any(w[i:] in stems for i in starts):
            rows.append((w + YUU, "block"))
    return rows


def _spans(word: str) -> list[tuple[int, int]]:
    spans, i = [], 0
    for c in clusters(word):
        spans.append((i, i + len(c)))
        i += len(c)
    return spans


def safe_variant(variant: str, canonical: str, words: set[str], freq: dict[str, int]) -> str:
    """'' when the pair is safe for folding, else the reason it is dropped."""
    if variant == canonical:
        return "same after normalization"
    if len(clusters(variant)) < 2:
        return "too short to replace inside running text"
    if sorted(variant) == sorted(canonical) and variant != canonical:
        return "word order swap, not a spelling"
    dist = _edit_distance(_skeleton(variant), _skeleton(canonical))
    if dist > max(2, len(canonical) // 3):
        return f"too different ({dist} edits): a synonym, not a spelling variant"
    if freq.get(variant, 0) > 20 * max(freq.get(canonical, 0), 1) and freq.get(variant, 0) > 200:
        return "the variant is a common word of its own"
    if variant in _names():
        return "the variant is a person or place name"
    return ""


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    d = data_dir() / "dict" / "sil-khmerlbdict"
    names: set[str] = set()
    for name in ("names.txt", "places.txt"):
        for line in (d / name).read_text(encoding="utf-8-sig").splitlines():
            if line.strip():
                names.add(normalize(line.split("\t")[0].strip()))
    return frozenset(names)


def _inside_other_words(pairs: dict[str, str], words: set[str]) -> dict[str, str]:
    """Variants found inside another dictionary word that the replacement would spoil."""
    alternation = "|".join(map(re.escape, sorted(pairs, key=len, reverse=True)))
    pattern = re.compile(f"(?<!\u17d2)(?:{alternation})(?![\u17b6-\u17d3\u17dd\u17d2])")
    spoiled: dict[str, str] = {}
    for w in words:
        for m in pattern.finditer(w):
            v = m.group()
            if v == w or v in spoiled:
                continue
            fixed = w[: m.start()] + pairs[v] + w[m.end() :]
            if fixed not in words:
                spoiled[v] = w
    return spoiled


def _skeleton(word: str) -> str:
    # the usual spelling alternations count as one edit: ំ/ម្, ដ/ត
    return word.replace("\u17c6", "\u1798").replace("\u178a", "\u178f")


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def build_variants(words: set[str], freq: dict[str, int]) -> tuple[list[tuple[str, str]], dict]:
    src = data_dir() / "dict" / "sbbic" / "khmer-multiple-spellings.txt"
    pairs: dict[str, str] = {}
    dropped: dict[str, list[str]] = {}
    for line in src.read_text(encoding="utf-8-sig").splitlines():
        if not line.strip() or line.startswith("#") or "=" not in line:
            continue
        left, right = line.split("=", 1)
        canonical = normalize(right.strip())
        for v in left.split("|"):
            v = normalize(v.strip())
            if not v or not canonical:
                continue
            why = safe_variant(v, canonical, words, freq)
            if why:
                dropped.setdefault(why.split(" (")[0].split(":")[0], []).append(f"{v}={canonical}")
                continue
            if v in pairs and pairs[v] != canonical:
                dropped.setdefault("variant with two canonical forms", []).append(v)
                pairs.pop(v)
                continue
            pairs[v] = canonical
    # replacing inside running text must not spoil longer words (វិទ្យា in វិទ្យាល័យ)
    for v, w in _inside_other_words(pairs, words).items():
        dropped.setdefault("variant found inside another word", []).append(f"{v}({w})")
        pairs.pop(v)
    # a canonical form must not itself be rewritten (keeps folding idempotent): a variant
    # found inside a canonical word would also corrupt that word in running text
    while True:
        alternation = "|".join(map(re.escape, sorted(pairs, key=len, reverse=True)))
        pattern = re.compile(f"(?<!\u17d2)(?:{alternation})(?![\u17b6-\u17d3\u17dd])")
        inside = {m.group() for c in set(pairs.values()) for m in pattern.finditer(c)}
        if not inside:
            break
        for v in inside:
            dropped.setdefault("variant found inside a canonical word", []).append(v)
            pairs.pop(v)
    return sorted(pairs.items()), dropped


def main() -> None:
    words, freq = _load()
    rows = build_yuukaleapintu(words, freq)
    head = "# spelling\tkind   (built by bench/normalize_data.py; sources: see LICENSES.md)\n"
    (OUT / "yuukaleapintu.tsv").write_text(
        head + "".join(f"{w}\t{k}\n" for w, k in rows), encoding="utf-8"
    )
    pairs, dropped = build_variants(words, freq)
    head = "# variant\tcanonical   (built by bench/normalize_data.py from SBBIC, MIT)\n"
    (OUT / "variants.tsv").write_text(
        head + "".join(f"{v}\t{c}\n" for v, c in pairs), encoding="utf-8"
    )
    print(
        f"yuukaleapintu.tsv: {sum(k == 'stem' for _, k in rows)} stems, "
        f"{sum(k == 'compound' for _, k in rows)} compounds"
    )
    print(f"variants.tsv: {len(pairs)} pairs kept")
    for why, items in dropped.items():
        print(f"  dropped {len(items):4d}: {why}  e.g. {' '.join(items[:4])}")


if __name__ == "__main__":
    main()
