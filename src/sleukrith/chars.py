"""Khmer code points, character classes and the cluster grammar.

This module is the single source of truth about the Khmer block for the rest of sleukrith:
normalization, segmentation, search folding and the entity matchers all ask it what a code
point is. The classes and the canonical order follow SIL's Khmer character specification
(section 7.2, "New Proposal"):

    Base ({CoengGroup} | [Robat]) [RegShift] [Z] [VowelGroup] [TailGroup]

``clusters(text)`` splits any string into Khmer character clusters (a base with everything
attached to it) and single other characters. It is lossless: ``"".join(clusters(t)) == t``
for every string, including malformed Khmer (marks with no base, a COENG at the end).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import IntEnum

__all__ = [
    "CharClass",
    "char_class",
    "is_khmer",
    "is_khmer_letter",
    "has_khmer",
    "khmer_ratio",
    "dedup_key",
    "clusters",
    "cluster_spans",
    "CLUSTER_RE",
    "require_str",
    "VALID_CLUSTER_RE",
    "is_valid_cluster",
    "KHMER_DIGITS",
    "ASCII_DIGITS",
    "COENG",
    "COENG_TA",
    "COENG_DA",
    "KHAN",
    "BARIYOOSAN",
    "CAMNUC_PII_KUUH",
    "LEK_TOO",
    "KOOMUUT",
    "YUUKALEAPINTU",
    "ROBAT",
    "NIKAHIT",
    "REAHMUK",
    "ZWSP",
    "ZWNJ",
    "ZWJ",
    "BOM",
    "SOFT_HYPHEN",
    "NBSP",
]

# --- named code points ----------------------------------------------------------------------

COENG = "\u17d2"  # ្  subscript marker
TA = "\u178f"  # ត
DA = "\u178a"  # ដ
RO = "\u179a"  # រ
COENG_TA = COENG + TA  # ្ត
COENG_DA = COENG + DA  # ្ដ
COENG_RO = COENG + RO  # ្រ
ROBAT = "\u17cc"  # ៌
NIKAHIT = "\u17c6"  # ំ
REAHMUK = "\u17c7"  # ះ
YUUKALEAPINTU = "\u17c8"  # ៈ
MUUSIKATOAN = "\u17c9"  # ៉
TRIISAP = "\u17ca"  # ៊
BANTOC = "\u17cb"  # ់
KHAN = "\u17d4"  # ។
BARIYOOSAN = "\u17d5"  # ៕
CAMNUC_PII_KUUH = "\u17d6"  # ៖
LEK_TOO = "\u17d7"  # ៗ
BEYYAL = "\u17d8"  # ៘ (deprecated "etc." sign)
KOOMUUT = "\u17da"  # ៚
RIEL = "\u17db"  # ៛

ZWSP = "\u200b"
ZWNJ = "\u200c"
ZWJ = "\u200d"
BOM = "\ufeff"
SOFT_HYPHEN = "\u00ad"
NBSP = "\u00a0"

KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"
ASCII_DIGITS = "0123456789"


class CharClass(IntEnum):
    """SIL's classes. The integer values are not the canonical order (see ``normalize``)."""

    OTHER = 0
    CONSONANT = 1  # U+1780..U+17A2
    INDEPENDENT_VOWEL = 2  # U+17A5..U+17B3 (U+17A3/17A4 are deprecated, see DEPRECATED)
    ROBAT = 3  # U+17CC
    REGSHIFT = 4  # U+17C9 muusikatoan, U+17CA triisap
    COENG = 5  # U+17D2
    VOWEL_PRE = 6  # U+17C1..U+17C3  េ ែ ៃ
    VOWEL_BELOW = 7  # U+17BB..U+17BD  ុ ូ ួ
    VOWEL_ABOVE = 8  # U+17B7..U+17BA, U+17BE  ិ ី ឹ ឺ ើ
    VOWEL_POST = 9  # U+17B6, U+17BF, U+17C0, U+17C4, U+17C5  ា ឿ ៀ ោ ៅ
    SIGN_ABOVE = 10  # U+17C6 ំ, U+17CB ់, U+17CD..U+17D1, U+17D3, U+17DD
    SIGN_POST = 11  # U+17C7 ះ, U+17C8 ៈ
    JOINER = 12  # ZWNJ, ZWJ
    DEPRECATED = 13  # U+17A3, U+17A4, U+17B4, U+17B5, U+17D8
    DIGIT = 14  # Khmer digits U+17E0..U+17E9
    PUNCTUATION = 15  # U+17D4..U+17DA (but U+17D8), U+17DC
    SYMBOL = 16  # U+17DB riel, U+17F0..U+17F9 lek attak, U+19E0..U+19FF lunar date symbols


def _build_table() -> dict[int, CharClass]:
    table: dict[int, CharClass] = {}

    def put(cls: CharClass, *points: int | range) -> None:
        for p in points:
            for cp in p if isinstance(p, range) else (p,):
                table[cp] = cls

    put(CharClass.CONSONANT, range(0x1780, 0x17A3))
    put(CharClass.DEPRECATED, 0x17A3, 0x17A4, 0x17B4, 0x17B5, 0x17D8)
    put(CharClass.INDEPENDENT_VOWEL, range(0x17A5, 0x17B4))
    put(CharClass.VOWEL_POST, 0x17B6, 0x17BF, 0x17C0, 0x17C4, 0x17C5)
    put(CharClass.VOWEL_ABOVE, range(0x17B7, 0x17BB), 0x17BE)
    put(CharClass.VOWEL_BELOW, range(0x17BB, 0x17BE))
    put(CharClass.VOWEL_PRE, range(0x17C1, 0x17C4))
    put(CharClass.SIGN_ABOVE, 0x17C6, 0x17CB, range(0x17CD, 0x17D2), 0x17D3, 0x17DD)
    put(CharClass.SIGN_POST, 0x17C7, 0x17C8)
    put(CharClass.REGSHIFT, 0x17C9, 0x17CA)
    put(CharClass.ROBAT, 0x17CC)
    put(CharClass.COENG, 0x17D2)
    put(CharClass.PUNCTUATION, 0x17D4, 0x17D5, 0x17D6, 0x17D7, 0x17D9, 0x17DA, 0x17DC)
    put(CharClass.SYMBOL, 0x17DB, range(0x17F0, 0x17FA), range(0x19E0, 0x1A00))
    put(CharClass.DIGIT, range(0x17E0, 0x17EA))
    put(CharClass.JOINER, 0x200C, 0x200D)
    return table


_TABLE = _build_table()

#: classes that attach to a preceding base (combining marks of the Khmer block)
MARK_CLASSES = frozenset(
    {
        CharClass.ROBAT,
        CharClass.REGSHIFT,
        CharClass.COENG,
        CharClass.VOWEL_PRE,
        CharClass.VOWEL_BELOW,
        CharClass.VOWEL_ABOVE,
        CharClass.VOWEL_POST,
        CharClass.SIGN_ABOVE,
        CharClass.SIGN_POST,
    }
)


def char_class(ch: str) -> CharClass:
    """The SIL class of one character, e.g. ``char_class("ក") is CharClass.CONSONANT``."""
    return _TABLE.get(ord(ch), CharClass.OTHER)


def is_khmer(ch: str) -> bool:
    """True for any code point of the Khmer (U+1780..U+17FF) or Khmer Symbols block."""
    cp = ord(ch)
    return 0x1780 <= cp <= 0x17FF or 0x19E0 <= cp <= 0x19FF


def is_khmer_letter(ch: str) -> bool:
    """True for consonants, independent vowels and the combining marks (not digits/punct)."""
    cls = _TABLE.get(ord(ch))
    return cls is not None and (
        cls in MARK_CLASSES
        or cls in (CharClass.CONSONANT, CharClass.INDEPENDENT_VOWEL, CharClass.DEPRECATED)
    )


_KHMER_ANY_RE = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")


def has_khmer(text: str) -> bool:
    """True when ``text`` contains at least one Khmer code point."""
    return _KHMER_ANY_RE.search(require_str(text)) is not None


def dedup_key(text: str) -> str:
    """The text two documents are compared on for exact duplicates (``batch`` dedup, the
    archive's content hash): whitespace runs collapsed, ZWSP (site-specific) dropped.

    >>> dedup_key(" ក\u200bខ \\n គ ")
    'កខ គ'
    """
    return " ".join(text.replace("\u200b", "").split())


def khmer_ratio(text: str) -> float:
    """Share of Khmer code points among the non-space characters (0.0 for blank text)."""
    visible = [c for c in require_str(text) if not c.isspace()]
    if not visible:
        return 0.0
    return sum(1 for c in visible if is_khmer(c)) / len(visible)


# --- the cluster grammar ---------------------------------------------------------------------

_BASE = "\u1780-\u17b3"  # consonants, independent vowels (incl. deprecated U+17A3/17A4)
_MARKS = "\u17b4-\u17d1\u17d3\u17dd"  # dependent vowels, signs, robat, shifters, U+17B4/5
_ZW = "\u200c\u200d"

#: Lenient, lossless cluster splitter: a base with every subscript, mark and joiner that
#: follows it; a run of marks with no base; or any single other character. Used for splitting
#: real (often malformed) text: never fails, never drops a character.
CLUSTER_RE = re.compile(
    f"[{_BASE}](?:{COENG}[{_BASE}]?|[{_MARKS}]|[{_ZW}](?=[{_MARKS}{COENG}]))*"
    f"|(?:{COENG}[{_BASE}]?|[{_MARKS}])+"
    r"|\r\n|[\s\S]",
)

# Strict grammar of a well-formed cluster in canonical order (SIL 7.2), used to *check* text:
#   Base ({CoengGroup} | [Robat]) [RegShift] [Z] [VowelGroup] [TailGroup]
#   TailGroup: [AbvS] [PstS] [AbvS] | CoengGroup     ({} = 0..2 occurrences)
_CONS_IV = "\u1780-\u17a2\u17a5-\u17b3"
_COENG_GROUP = f"{COENG}[{_CONS_IV}]"
_COENG_NOT_RO = f"{COENG}[\u1780-\u1799\u179b-\u17a2\u17a5-\u17b3]"
_VOWEL = "\u17b6-\u17c5"
_ABV_S = "\u17c6\u17cb\u17cd-\u17d1\u17d3\u17dd"
_PST_S = "\u17c7\u17c8"
VALID_CLUSTER_RE = re.compile(
    f"[{_CONS_IV}\u25cc\u00a0]"
    # up to two subscripts, COENG RO never before another one; or a robat
    f"(?:(?:{_COENG_NOT_RO})?(?:{_COENG_GROUP})?|\u17cc)"
    "[\u17c9\u17ca]?"
    f"[{_ZW}]?"
    f"[{_VOWEL}]?"
    f"(?:[{_ABV_S}]?[{_PST_S}]?[{_ABV_S}]?|{_COENG_GROUP})"
)


def require_str(text: object, name: str = "text") -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a ``TypeError`` that says what to pass.

    Every public function of sleukrith calls this on its text argument.
    """
    if not isinstance(text, str):
        hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(
            text, bytes | bytearray
        ) else ""
        raise TypeError(f"{name} must be str, not {type(text).__name__}{hint}")
    return text


def clusters(text: str) -> list[str]:
    """Split ``text`` into Khmer character clusters and single other characters, losslessly.

    >>> clusters("ខ្មែរ 2")
    ['ខ្មែ', 'រ', ' ', '2']
    """
    return CLUSTER_RE.findall(require_str(text))


def cluster_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` offsets of each cluster of ``clusters(text)``, in order."""
    for m in CLUSTER_RE.finditer(require_str(text)):
        yield m.span()


def is_valid_cluster(cluster: str) -> bool:
    """True when ``cluster`` is one well-formed Khmer cluster in SIL's canonical order.

    >>> is_valid_cluster("ស្ត្រី"), is_valid_cluster("ស្រ្តី")
    (True, False)
    >>> is_valid_cluster("កំុ")
    False
    """
    return VALID_CLUSTER_RE.fullmatch(require_str(cluster, "cluster")) is not None
