"""Reading the segmented corpora, the dev split, and the segmentation metrics.

Used by ``train.py`` and ``bench/segment.py`` (never at run time of the library).

Corpus formats (see shared/data/SOURCES.md): NIPTICT lines are ``{w1}{w2} {w3}`` (a space
between ``}`` and ``{`` is a space of the original text); khPOS lines are ``word/TAG``
tokens separated by spaces (the original text had no spaces). Inside a word, ``_`` marks a
compound-internal boundary, ``~`` a prefix and ``^`` a suffix.

The dev split is deterministic: a block of 50 consecutive sentences of a file (NIPTICT) or
of the khPOS file is dev when ``md5(file:block) % 10 == 0`` (about 10 % of each). Blocks with
``md5 % 10 == 1`` are the tuning split: ordinary training data, held out only when choosing
hyper-parameters (``python -m sleukrith.segment.train --tune``), so that the dev figures are
never used for a choice.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MARKS = "_~^"
_MARK_RE = re.compile("[_~^]")
_NIPTICT_ITEM = re.compile(r"\{([^{}]*)\}|( +)")
BLOCK = 50


@dataclass(frozen=True)
class Sentence:
    """A gold sentence: its text, compound-level words and fine (morpheme) pieces as spans."""

    text: str
    words: tuple[tuple[int, int], ...]  # compound-level word spans (no spaces)
    fine: tuple[tuple[int, int], ...]  # morpheme spans
    source: str  # "niptict" | "khpos"
    domain: str
    dev: bool
    tune: bool = False  # the tuning split: training data held out only by ``train --tune``


def _bucket(key: str) -> int:
    return int(hashlib.md5(key.encode("utf-8")).hexdigest(), 16) % 10


def _build(items: Iterable[str | None], source: str, domain: str, key: str) -> Sentence | None:
    """``items``: marked words, or None for an original space."""
    text_parts: list[str] = []
    words: list[tuple[int, int]] = []
    fine: list[tuple[int, int]] = []
    pos = 0
    for item in items:
        if item is None:
            text_parts.append(" ")
            pos += 1
            continue
        pieces = [p for p in _MARK_RE.split(item) if p]
        if not pieces:
            continue
        start = pos
        for p in pieces:
            fine.append((pos, pos + len(p)))
            pos += len(p)
            text_parts.append(p)
        words.append((start, pos))
    if not words:
        return None
    b = _bucket(key)
    return Sentence("".join(text_parts), tuple(words), tuple(fine), source, domain, b == 0, b == 1)


def block_of(sent_id: str) -> int:
    """The block of a NIPTICT sentence id ("news-sg000123" -> 2): its number // ``BLOCK``."""
    m = re.search(r"(\d+)$", sent_id)
    return int(m.group(1)) // BLOCK if m else 0


def _read_niptict(path: Path) -> Iterator[tuple[str, int, Sentence]]:
    """(file, block, sentence) for each well-formed line of the NIPTICT tsv, in file order."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4 or parts[0] == "domain":
                continue
            domain, file, sent_id, seg = parts
            rest = _NIPTICT_ITEM.sub("", seg)
            if rest:  # malformed line (unbalanced braces): skip
                continue
            block = block_of(sent_id)
            items: list[str | None] = []
            for w, sp in _NIPTICT_ITEM.findall(seg):
                if sp:
                    if items and items[-1] is not None:
                        items.append(None)
                elif w.strip():
                    items.append(w.strip())
            if items and items[-1] is None:
                items.pop()
            s = _build(items, "niptict", domain, f"{file}:{block}")
            if s is not None:
                yield file, block, s


def read_niptict(path: Path) -> Iterator[Sentence]:
    for _file, _block, s in _read_niptict(path):
        yield s


def niptict_passages(path: Path, domain: str = "news") -> dict[tuple[str, int], str]:
    """The text of every block of one NIPTICT domain: its sentences in file order, one per
    line (the real-news gold of round 7 annotates the dev blocks of the news domain)."""
    out: dict[tuple[str, int], list[str]] = {}
    for file, block, s in _read_niptict(path):
        if s.domain == domain:
            out.setdefault((file, block), []).append(s.text)
    return {key: "\n".join(lines) for key, lines in out.items()}


def read_khpos(path: Path) -> Iterator[Sentence]:
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            toks = line.split()
            items = [t.rsplit("/", 1)[0] if "/" in t[1:] else t for t in toks]
            s = _build(items, "khpos", "khpos", f"khpos:{i // BLOCK}")
            if s is not None:
                yield s


def read_all(data_dir: Path) -> list[Sentence]:
    seg = Path(data_dir) / "seg"
    return [*read_niptict(seg / "niptict2015.tsv"), *read_khpos(seg / "khpos-train.txt")]


# --- metrics ---------------------------------------------------------------------------------


def _strip_map(text: str) -> list[int]:
    """For each offset of ``text`` the offset in the text without whitespace."""
    out = []
    k = 0
    for ch in text:
        out.append(k)
        if not ch.isspace():
            k += 1
    out.append(k)
    return out


def spans_of(tokens: list[str], text: str) -> list[tuple[int, int]] | None:
    """Non-space token spans of a tokenization of ``text`` (None when it is not lossless:
    then the spans are recovered by aligning the tokens to the text, skipping whitespace)."""
    out = []
    pos = 0
    lossless = "".join(tokens) == text
    for t in tokens:
        if not lossless:
            t2 = t.strip()
            if not t2:
                continue
            j = text.find(t2, pos)
            if j < 0:
                return None
            out.append((j, j + len(t2)))
            pos = j + len(t2)
            continue
        if t.strip():
            out.append((pos, pos + len(t)))
        pos += len(t)
    return out


class Scores:
    """Accumulates boundary precision/recall (on the text without spaces) and word F1."""

    def __init__(self) -> None:
        self.b_tp = self.b_pred = self.b_gold = 0
        self.w_tp = self.w_pred = self.w_gold = 0
        self.sentences = 0
        self.lossless = 0

    def add(
        self,
        text: str,
        gold: Iterable[tuple[int, int]],
        pred: list[tuple[int, int]] | None,
        lossless: bool = True,
    ) -> None:
        self.sentences += 1
        self.lossless += bool(lossless)
        m = _strip_map(text)
        gold = [(m[s], m[e]) for s, e in gold if m[e] > m[s]]
        n = m[-1]
        if pred is None:
            pred = [(0, n)]
        else:
            pred = [(m[s], m[e]) for s, e in pred if m[e] > m[s]]
        gb = {e for _, e in gold if 0 < e < n}
        pb = {e for _, e in pred if 0 < e < n}
        self.b_tp += len(gb & pb)
        self.b_pred += len(pb)
        self.b_gold += len(gb)
        gs, ps = set(gold), set(pred)
        self.w_tp += len(gs & ps)
        self.w_pred += len(ps)
        self.w_gold += len(gs)

    @staticmethod
    def _f(tp: int, np_: int, ng: int) -> float:
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def boundary_f1(self) -> float:
        return self._f(self.b_tp, self.b_pred, self.b_gold)

    @property
    def word_f1(self) -> float:
        return self._f(self.w_tp, self.w_pred, self.w_gold)
