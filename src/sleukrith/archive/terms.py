"""Index terms: the one text pipeline shared by indexing and querying.

A text is folded (``sleukrith.normalize.fold``: ្ដ->្ត, Khmer digits -> ASCII, variant spellings
-> one form, ZWSP and cluster order repaired) and split into words (``sleukrith.segment.words`` at the morpheme level, see ``LEVEL``).
Each word is then cut at every character SQLite's FTS5 tokenizer
``unicode61 categories 'L* N* Co M*'`` treats as a separator, so the terms we keep in Python are
exactly the tokens FTS5 indexes. Every term remembers the span of the ORIGINAL text it came from
(through an alignment of the folded text back to the input), which is how search highlights the
untouched original.

>>> [t.text for t in index_terms("ស្រុកកណ្ដាលស្ទឹង")]  # doctest: +SKIP
['ស្រុក', 'កណ្តាលស្ទឹង']
"""

from __future__ import annotations

import difflib
import re
import sys
import unicodedata
import zlib
from array import array
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from sleukrith.chars import require_str

# Index at the morpheme level: compounds (កិច្ចប្រជុំ = កិច្ច|ប្រជុំ) are then found by their parts,
# and a multi-morpheme query word is matched as a phrase, which keeps it precise.
LEVEL = "morpheme"

__all__ = ["LEVEL", "Term", "latin_key", "index_terms", "query_terms", "fold_key", "pack_spans", "unpack_spans"]


class Term(NamedTuple):
    """One indexed term (folded, lower-cased) and its span in the original text."""

    text: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _separator_re() -> re.Pattern[str]:
    """A regex matching runs of characters FTS5 (with our categories) treats as separators."""
    ranges: list[tuple[int, int]] = []
    begin = None
    for cp in range(sys.maxunicode + 1):
        cat = unicodedata.category(chr(cp))
        keep = cat[0] in "LNM" or cat == "Co"
        if not keep and cat != "Cs":
            if begin is None:
                begin = cp
        elif begin is not None:
            ranges.append((begin, cp - 1))
            begin = None
    if begin is not None:
        ranges.append((begin, sys.maxunicode))

    def esc(cp: int) -> str:
        return f"\\U{cp:08x}"

    body = "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in ranges)
    # surrogates (Cs) can only appear in broken strings; treat them as separators too
    return re.compile(f"[{body}\\ud800-\\udfff]+")


COENG = "\u17d2"
_category = unicodedata.category


def _fold(text: str) -> str:
    from sleukrith.normalize import fold

    return fold(text)


def _words(text: str) -> list[str]:
    from sleukrith.segment import words

    return words(text, level=LEVEL)


def _alignment(original: str, folded: str) -> list[int]:
    """For every index of ``folded`` (and its end) the matching index in ``original``."""
    n = len(folded)
    if n == len(original):
        # fold kept the length (្ដ->្ត, digits, in-cluster reordering): positions correspond
        return list(range(n + 1))
    mapping = [0] * (n + 1)
    matcher = difflib.SequenceMatcher(None, folded, original, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                mapping[i1 + k] = j1 + k
        elif tag in ("replace", "delete"):
            width = i2 - i1
            for k in range(width):
                # spread a changed run over its original counterpart
                mapping[i1 + k] = j1 + (k * (j2 - j1)) // width
    mapping[n] = len(original)
    return mapping


def _pieces(folded: str, words: list[str]) -> list[tuple[str, int, int]]:
    """Cut ``folded`` at word boundaries and FTS5 separators: (term, start, end) in ``folded``."""
    boundaries = []
    pos = 0
    n = len(folded)
    for word in words:
        pos += len(word)
        # never cut a character cluster: no boundary before a mark or after a COENG
        if pos < n and (_category(folded[pos])[0] == "M" or folded[pos - 1] == COENG):
            continue
        boundaries.append(pos)
    if pos != n:  # words() is lossless by contract; never trust offsets otherwise
        raise RuntimeError("segment.words() lost characters; cannot map terms back to the text")
    out: list[tuple[str, int, int]] = []
    sep = _separator_re()
    start = 0
    k = 0  # index into boundaries (sorted)
    nb = len(boundaries)
    for m in sep.finditer(folded + " "):
        run_start, run_end = start, m.start()
        start = m.end()
        if run_end <= run_start:
            continue
        # skip word boundaries at or before the run start
        k = bisect_right(boundaries, run_start, k, nb)
        s = run_start
        while k < nb and boundaries[k] < run_end:
            out.append((folded[s : boundaries[k]], s, boundaries[k]))
            s = boundaries[k]
            k += 1
        out.append((folded[s:run_end], s, run_end))
    return out


def index_terms(text: str) -> list[Term]:
    """The FTS5 terms of ``text`` with their spans in ``text`` itself.

    >>> index_terms("")
    []
    """
    require_str(text)
    if not text:
        return []
    folded = _fold(text)
    pieces = _pieces(folded, _words(folded))
    mapping = _alignment(text, folded)
    terms: list[Term] = []
    for piece, s, e in pieces:
        os_, oe = mapping[s], mapping[e]
        if oe <= os_:
            oe = min(len(text), os_ + 1)
        terms.append(Term(piece.lower(), os_, oe))
    return terms


def query_terms(text: str) -> list[str]:
    """The terms of a user query (same pipeline as documents), in order, duplicates kept.

    >>> query_terms("")
    []
    """
    require_str(text)
    if not text.strip():
        return []
    folded = _fold(text)
    return [t.lower() for t, _s, _e in _pieces(folded, _words(folded))]


def fold_key(text: str) -> str:
    """A comparison key for names and places: folded, lower-cased, single spaces.

    >>> fold_key("")
    ''
    """
    require_str(text)
    if not text.strip():
        return ""
    return " ".join(_separator_re().sub(" ", _fold(text)).lower().split())


_PLACE_TYPES = ("រាជធានី", "ខេត្ត", "ខេត្ដ", "ក្រុង", "ស្រុក", "ខណ្ឌ", "ឃុំ", "សង្កាត់", "ភូមិ", "ប្រទេស")


def place_name(text: str) -> str:
    """A place written without its leading type word, so that facets and filters treat
    ``ខេត្តកណ្ដាល`` and ``កណ្តាល`` as one place.

    >>> place_name("ខេត្តកណ្ដាល"), place_name("ស្រុក កណ្ដាលស្ទឹង"), place_name("ភូមិ")
    ('កណ្ដាល', 'កណ្ដាលស្ទឹង', 'ភូមិ')
    """
    require_str(text)
    stripped = text.strip()
    for word in _PLACE_TYPES:
        if stripped.startswith(word) and stripped[len(word) :].strip():
            return stripped[len(word) :].strip()
    return stripped


def latin_key(text: str) -> str:
    """Latin text without accents, lower-cased: how romanized and English names are matched.

    Only for Latin-script values (romanizations, English place names): Khmer marks are never
    stripped.

    >>> latin_key("Kóng Sŏvnnara")
    'kong sovnnara'
    """
    require_str(text)
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).lower().split()
    )


def pack_spans(terms: list[Term]) -> bytes:
    """Term spans as compact bytes (delta-encoded ints, zlib)."""
    flat = array("i")
    prev = 0
    for t in terms:
        flat.append(t.start - prev)
        flat.append(t.end - t.start)
        prev = t.start
    return zlib.compress(flat.tobytes(), 1)


def unpack_spans(blob: bytes) -> list[tuple[int, int]]:
    """Inverse of :func:`pack_spans`."""
    flat = array("i")
    flat.frombytes(zlib.decompress(blob))
    spans = []
    pos = 0
    for i in range(0, len(flat), 2):
        pos += flat[i]
        spans.append((pos, pos + flat[i + 1]))
    return spans
