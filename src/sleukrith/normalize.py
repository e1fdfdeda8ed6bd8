"""Khmer normalization: one encoding for text that looks the same, and an account of each change.

This module owns ``normalize()``, ``explain()`` and ``fold()``. Every fix is a small named pure
function (``reorder_cluster``, ``compose_vowels``, ``colon_to_yuukaleapintu`` ...) with an
example in its docstring; ``RULES`` lists them with a one-line message. The pipeline is one
left-to-right scan of the input with a single regular expression: each match is a spot that
may need fixing (a Khmer cluster that is not already canonical, an invisible character, an odd
space, a CR, a colon after Khmer), so text that needs nothing costs one regex pass, and every
change is an edit of an input span. ``explain()`` returns those edits as ``Fix`` records;
replaying them with ``apply_fixes()`` gives exactly ``normalize(text)``.

Canonical cluster order follows SIL's Khmer character specification (section 7.2) and the
behaviour of SIL's reference normalizer on its test pairs (COENG DA is stored as COENG TA).
Unicode NFC/NFKD is never applied: NFC reorders U+17DD before COENG and NFKD drops nothing
useful for Khmer. Text without Khmer is only touched by the whitespace and invisible-character
rules (see ``docs/normalization.md``).

>>> normalize("ការបេ្តជ្ញា")
'ការប្តេជ្ញា'
>>> normalize("ទំាំង")
'ទាំង'
>>> [f.rule for f in explain("ប្រធានគណ:ប្រចាំការ")]
['colon_to_yuukaleapintu']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sleukrith.chars import KHMER_DIGITS, cluster_spans, require_str

__all__ = [
    "Fix",
    "RULES",
    "normalize",
    "explain",
    "fold",
    "apply_fixes",
    "reorder_cluster",
    "compose_vowels",
    "u_to_shifter",
    "coeng_ro_last",
    "coeng_da_to_ta",
    "drop_duplicate_marks",
    "drop_retyped_sign",
    "remove_invisible",
    "replace_deprecated",
    "fix_line_endings",
    "fix_spaces",
    "colon_to_yuukaleapintu",
]


@dataclass(frozen=True, slots=True)
class Fix:
    """One change made by ``normalize``: ``text[start:end] == before`` became ``after``.

    ``rule`` names the fix functions that produced it (joined by ``+`` when several fixes
    touched the same cluster); ``message`` says why in one line.
    """

    rule: str
    start: int
    end: int
    before: str
    after: str
    message: str

    def to_dict(self) -> dict[str, object]:
        """A JSON-able dict with the DESIGN.md keys (rule, start, end, before, after, message)."""
        return {
            "rule": self.rule,
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "message": self.message,
        }


#: rule name -> one-line message used by ``explain()``
RULES: dict[str, str] = {
    "line_endings": "CRLF or CR line ending written as LF",
    "remove_invisible": "invisible character removed (ZWSP, BOM, soft hyphen, word joiner, "
    "U+17B4/U+17B5, or a ZWNJ/ZWJ outside SIL's joiner slot)",
    "odd_space": "non-breaking or typographic space written as a plain space",
    "replace_deprecated": "deprecated Khmer character replaced (ឣ -> អ, ឤ -> អា, ៘ -> ។ល។)",
    "drop_retyped_sign": "sign typed once in the wrong place and again with its vowel: "
    "the misplaced copy removed",
    "reorder_cluster": "characters of the cluster put in SIL's canonical order",
    "compose_vowels": "vowel typed in two parts (េ+ី, េ+ា) written as one character",
    "u_to_shifter": "ុ typed for a register shifter under an above vowel (ស៊ី, ម៉ី)",
    "coeng_ro_last": "subscript ro (្រ) moved after the other subscript",
    "coeng_da_to_ta": "subscript da (្ដ) stored as subscript ta (្ត), SIL's canonical form",
    "drop_duplicate_marks": "the same vowel, sign or COENG typed twice in a row",
    "colon_to_yuukaleapintu": "ASCII colon typed for ៈ (yuukaleapintu) in a word spelled with it",
}

# --- character sets ---------------------------------------------------------------------------

COENG = "\u17d2"
_BASES = "\u1780-\u17b3"  # consonants and independent vowels, incl. deprecated U+17A3/U+17A4
_BASE_OK = "\u1780-\u17a2\u17a5-\u17b3"
_MARKS = "\u17b6-\u17d1\u17d3\u17dd"  # dependent vowels and signs (U+17B4/5 are invisible)
_VOWELS = "\u17b6-\u17c5"
_ABOVE_SIGNS = "\u17c6\u17cb\u17cd-\u17d1\u17d3\u17dd"
_JOINERS = "\u200c\u200d"
#: characters with no visible form that the invisible rule may remove
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u17b4\u17b5"
_ALWAYS_DROP = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad\u17b4\u17b5"))
_ODD_SPACES = "\u1680\u2000-\u200a\u202f\u205f\u3000"
_KHMER_CHAR = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")
_DEPRECATED = {"\u17a3": "\u17a2", "\u17a4": "\u17a2\u17b6", "\u17d8": "\u17d4\u179b\u17d4"}

# Sort keys inside a cluster: SIL's order Base, Robat, Coeng(+base), RegShift, Z (joiner),
# then the vowels (pre, below, above, post: the split-vowel fixes rely on this order), then
# above signs and post signs. A base after a COENG takes the COENG's key.
_ROBAT, _SUB, _SHIFT, _Z, _VPRE, _VBELOW, _VABOVE, _VPOST, _SABOVE, _SPOST = range(2, 12)
_KEY: dict[str, int] = {"\u17cc": _ROBAT, COENG: _SUB, "\u17c9": _SHIFT, "\u17ca": _SHIFT}
_KEY |= dict.fromkeys(_JOINERS, _Z)
_KEY |= dict.fromkeys("\u17be\u17bf\u17c0\u17c1\u17c2\u17c3\u17c4\u17c5", _VPRE)
_KEY |= dict.fromkeys("\u17bb\u17bc\u17bd", _VBELOW)
_KEY |= dict.fromkeys("\u17b7\u17b8\u17b9\u17ba", _VABOVE)
_KEY |= {"\u17b6": _VPOST, "\u17c7": _SPOST, "\u17c8": _SPOST}
_KEY |= dict.fromkeys("\u17c6\u17cb\u17cd\u17ce\u17cf\u17d0\u17d1\u17d3\u17dd", _SABOVE)

# Consonants whose -u is read as TRIISAP (series 1, "strong"); a cluster with BA, or with
# only the others, takes MUUSIKATOAN. Same sets as SIL's normalizer (UTN #61).
_STRONG = frozenset(
    "\u1780\u1781\u1782\u1783\u1785\u1786\u1787\u1788\u178a\u178b\u178c\u178d"
    "\u178f\u1790\u1791\u1792\u1795\u1796\u1797\u179e\u179f\u17a0\u17a2"
)
_BA = "\u1794"

# --- the scanner ------------------------------------------------------------------------------

_NON_RO_DA = "\u1780-\u1789\u178b-\u1799\u179b-\u17a2\u17a5-\u17b3"
_NON_DA = "\u1780-\u1789\u178b-\u17a2\u17a5-\u17b3"
#: a cluster already in canonical form with nothing to fix (a subset of the fixed points of
#: ``_fix_cluster``; a test checks that on random clusters)
_CANONICAL = (
    f"[{_BASE_OK}]"
    f"(?:\u17cc|(?:{COENG}[{_NON_RO_DA}])?(?:{COENG}[{_NON_DA}])?)"
    "[\u17c9\u17ca]?"
    f"(?:[{_JOINERS}](?=[{_VOWELS}]))?"
    f"(?:\u17bb(?![\u17d0\u17dd])|[\u17b6-\u17ba\u17bc-\u17c5])?"
    f"(?:\u17c6\u17c6|[{_ABOVE_SIGNS}])?"
    "[\u17c7\u17c8]?"
    f"(?![{_INVISIBLE}]*[{_MARKS}{COENG}])"
)
_ELEMENT = f"[{_INVISIBLE}]*(?:{COENG}(?:[{_INVISIBLE}]*[{_BASES}])?|[{_MARKS}])"
_UNIT = f"(?<!{COENG})(?!{_CANONICAL})[{_BASES}](?:{_ELEMENT})*"

_SCAN = re.compile(
    f"(?P<unit>{_UNIT})"
    r"|(?P<nl>\r\n?)"
    f"|(?P<inv>[{_INVISIBLE}]+)"
    f"|(?P<sp>\u00a0(?![{_MARKS}])|[{_ODD_SPACES}])"
    # a colon after Khmer and not before a mark (ៈ would join the marks' cluster)
    f"|(?P<colon>(?<=[\u1780-\u17d3\u17dd{_INVISIBLE}]):(?![{_INVISIBLE}]*[{_MARKS}{COENG}]))"
    "|(?P<dep>\u17d8)"
)
#: quick test: can the scanner find anything at all?
_ANYTHING = re.compile(f"[\u1780-\u17ff\r\u00a0{_ODD_SPACES}{_INVISIBLE}]")


# --- the fixes inside one cluster -------------------------------------------------------------


def remove_invisible(cluster: str) -> str:
    """Drop invisible characters inside a cluster (a joiner survives only in SIL's Z slot).

    >>> remove_invisible("ក\\u200bា") == "កា"
    True
    """
    require_str(cluster, "cluster")
    cluster = cluster.translate(_ALWAYS_DROP)
    if "\u200c" not in cluster and "\u200d" not in cluster:
        return cluster
    return _place_joiner(reorder_cluster(cluster))


def _place_joiner(sorted_cluster: str) -> str:
    # after sorting every joiner sits in the Z slot; keep one only right before a vowel
    return re.sub(
        f"[{_JOINERS}]+(?P<v>[{_VOWELS}])?",
        lambda m: (m.group()[0] + m.group("v")) if m.group("v") else "",
        sorted_cluster,
    )


def replace_deprecated(cluster: str) -> str:
    """Replace the deprecated independent vowels U+17A3 and U+17A4 by what they stand for.

    >>> replace_deprecated("\\u17a4")
    'អា'
    """
    head = require_str(cluster, "cluster")[:1]
    return _DEPRECATED[head] + cluster[1:] if head and head in "\u17a3\u17a4" else cluster


_VOWEL_SIGN_KEY = re.compile("(?:[\u17b6\u17bb]\u17c6|[\u17bb\u17c1\u17c4]\u17c7)$")


def drop_retyped_sign(cluster: str) -> str:
    """Drop a ំ or ះ typed before the vowel when the cluster ends with the vowel+sign key.

    Khmer keyboards have one key for ាំ, ុំ, ុះ, េះ, ោះ; typing the sign first and then that
    key doubles the sign (as typed, before any reordering).

    >>> drop_retyped_sign("ទំាំ")
    'ទាំ'
    """
    require_str(cluster, "cluster")
    m = _VOWEL_SIGN_KEY.search(cluster)
    if m is None:
        return cluster
    head = cluster[: m.start()]
    return head[:1] + head[1:].replace(m.group()[1], "") + m.group()


def reorder_cluster(cluster: str) -> str:
    """Put the characters of one cluster in SIL's canonical order (stable within a slot).

    >>> reorder_cluster("ធើ្វ") == "ធ្វើ"
    True
    >>> reorder_cluster("ម៉្យា") == "ម្យ៉ា"
    True
    """
    require_str(cluster, "cluster")
    keys = [0]
    prev = ""
    for ch in cluster[1:]:
        keys.append(keys[-1] if prev == COENG and ch not in _KEY else _KEY.get(ch, _SUB))
        prev = ch
    order = sorted(range(len(cluster)), key=keys.__getitem__)
    return "".join(cluster[i] for i in order)


_E_II = re.compile("\u17c1([\u17bb-\u17bd]?)\u17b8")
_E_AA = re.compile("\u17c1([\u17bb-\u17bd]?)\u17b6")


def compose_vowels(cluster: str) -> str:
    """Write a vowel typed in two parts as its one code point (in a sorted cluster).

    េ+ី is ើ and េ+ា is ោ; ើ+ា looks exactly like ោ+ី and is written so.

    >>> compose_vowels("លេា") == "លោ"
    True
    >>> compose_vowels("បេី") == "បើ"
    True
    """
    require_str(cluster, "cluster")
    cluster = cluster.replace("\u17be\u17b6", "\u17c4\u17b8")
    cluster = _E_II.sub("\u17be\\1", cluster)
    return _E_AA.sub("\u17c4\\1", cluster)


_U_BEFORE_ABOVE = re.compile(
    f"([{_BASES}]\u17cc?(?:{COENG}[{_BASES}])*[{_JOINERS}]?[\u17c1-\u17c5]?)\u17bb"
    "(?=[\u17b7-\u17ba\u17be\u17bf\u17dd\u17d0]|\u17b6\u17c6)"
)


def u_to_shifter(cluster: str) -> str:
    """Read ុ before an above vowel as the register shifter it was typed for.

    A shifter under an above vowel is drawn like ុ, so people type ុ. Series-1 clusters
    (ស, ហ, អ ..., no ប) take TRIISAP ៊, the others MUUSIKATOAN ៉.

    >>> u_to_shifter("សុី") == "ស៊ី"
    True
    >>> u_to_shifter("មុី") == "ម៉ី"
    True
    """
    require_str(cluster, "cluster")
    cluster = cluster.replace("\u17be\u17bb", "\u17bb\u17be")
    m = _U_BEFORE_ABOVE.match(cluster)
    if m is None:
        return cluster
    consonants = m.group(1).replace(COENG, "").replace("\u17cc", "")
    strong = _BA not in consonants and any(c in _STRONG for c in consonants)
    if cluster[m.end() : m.end() + 1] == "\u17d0":
        # SAMYOK SANNYA does not push TRIISAP down, so a -u before it is a vowel in a
        # series-1 cluster; in the others it stands for MUUSIKATOAN (UTN #61, as pheasa)
        if strong or m.group(1)[-1:] in "\u17c4\u17c5\u17be\u17bf\u17c0":
            return cluster
    return m.group(1) + ("\u17ca" if strong else "\u17c9") + cluster[m.end() :]


_RO_FIRST = re.compile(f"({COENG}\u179a)({COENG}[{_BASES}])")


def coeng_ro_last(cluster: str) -> str:
    """Put subscript ro after the other subscript (SIL 7.2 restriction).

    >>> coeng_ro_last("ស្រ្តី") == "ស្ត្រី"
    True
    """
    require_str(cluster, "cluster")
    while True:
        swapped = _RO_FIRST.sub(r"\2\1", cluster)
        if swapped == cluster:
            return cluster
        cluster = swapped


def coeng_da_to_ta(cluster: str) -> str:
    """Store subscript da as subscript ta; they look the same and SIL's form is ្ត.

    >>> coeng_da_to_ta("ណ្ដា") == "ណ្តា"
    True
    """
    require_str(cluster, "cluster")
    return cluster.replace("\u17d2\u178a", "\u17d2\u178f")


_REPEATED = re.compile(
    f"({COENG})[{COENG}{_JOINERS}]+"
    # NIKAHIT is left doubled: SIL's reference output keeps ាំំ, and a normalizer must
    # reproduce its own output unchanged
    "|([\u17b6-\u17c5\u17c7-\u17d1\u17d3\u17dd])\\2+"
)


def drop_duplicate_marks(cluster: str) -> str:
    """Collapse the same vowel, sign or COENG typed twice in a row (a sorted cluster).

    >>> drop_duplicate_marks("កាា") == "កា"
    True
    """
    require_str(cluster, "cluster")
    return _REPEATED.sub(lambda m: m.group(1) or m.group(2), cluster)


# (name, function) applied in this order to a sorted cluster, repeated to a fixed point
_CLUSTER_FIXES = (
    ("drop_duplicate_marks", drop_duplicate_marks),
    ("compose_vowels", compose_vowels),
    ("u_to_shifter", u_to_shifter),
    ("coeng_ro_last", coeng_ro_last),
    ("coeng_da_to_ta", coeng_da_to_ta),
)

_memo: dict[str, tuple[str, tuple[str, ...]]] = {}


def _fix_cluster(unit: str) -> tuple[str, tuple[str, ...]]:
    """Normalize one cluster (as matched by the scanner); returns (result, rules fired)."""
    hit = _memo.get(unit)
    if hit is not None:
        return hit
    fired: list[str] = []

    def step(name: str, before: str, after: str) -> str:
        if after != before and name not in fired:
            fired.append(name)
        return after

    s = unit
    if any(c in _INVISIBLE for c in s):
        s = step("remove_invisible", s, s.translate(_ALWAYS_DROP))
    s = step("replace_deprecated", s, replace_deprecated(s))
    s = step("drop_retyped_sign", s, drop_retyped_sign(s))
    for _ in range(8):  # each round shortens the cluster or only permutes it: ends quickly
        start = s
        s = step("reorder_cluster", s, reorder_cluster(s))
        if "\u200c" in s or "\u200d" in s:
            s = step("remove_invisible", s, _place_joiner(s))
        for name, fix in _CLUSTER_FIXES:
            s = step(name, s, fix(s))
        if s == start:
            break
    result = (s, tuple(fired))
    if len(_memo) > 200_000:
        _memo.clear()
    _memo[unit] = result
    return result


# --- fixes outside clusters -------------------------------------------------------------------


def fix_line_endings(text: str) -> str:
    r"""Write CRLF and lone CR line endings as LF.

    >>> fix_line_endings("a\r\nb\rc")
    'a\nb\nc'
    """
    require_str(text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def fix_spaces(text: str) -> str:
    """Write NBSP and typographic spaces as a plain space (NBSP carrying a Khmer mark stays).

    >>> fix_spaces("a\\u00a0b\\u2009c")
    'a b c'
    """
    require_str(text)
    return re.sub(f"\u00a0(?![{_MARKS}])|[{_ODD_SPACES}]", " ", text)


_Z_SLOT = re.compile(f"(?<=[{_BASES}\u17c9\u17ca\u17cc])[{_JOINERS}](?=[{_VOWELS}])")


def _invisible_run(text: str, start: int, end: int) -> str:
    run = text[start:end]
    if end - start == 1 and _Z_SLOT.match(text, start):
        return run  # the joiner of a canonical cluster, in SIL's Z slot
    near_khmer = (
        (start > 0 and _is_khmer_or_colon_after_khmer(text, start - 1))
        or (end < len(text) and _KHMER_CHAR.match(text, end) is not None)
        or "\u17b4" in run
        or "\u17b5" in run
    )
    # ZWNJ/ZWJ away from Khmer belong to other scripts (emoji sequences, Persian): kept
    return "" if near_khmer else run.translate(_ALWAYS_DROP)


def _is_khmer_or_colon_after_khmer(text: str, i: int) -> bool:
    # invisible characters between are ignored: they are removed next to Khmer anyway
    while i > 0 and text[i] in _INVISIBLE:
        i -= 1
    if text[i] == ":" and i > 0:
        i -= 1
        while i > 0 and text[i] in _INVISIBLE:
            i -= 1
    return _KHMER_CHAR.match(text, i) is not None


@lru_cache(maxsize=1)
def _yuukaleapintu_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], int]:
    """(stems, compounds, blocks, longest entry in clusters) from data/yuukaleapintu.tsv."""
    stems: set[str] = set()
    compounds: set[str] = set()
    blocks: set[str] = set()
    try:
        data = resources.files("sleukrith").joinpath("data/yuukaleapintu.tsv")
        lines = data.read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, OSError):  # pragma: no cover - data file missing
        lines = []
    for line in lines:
        if not line or line.startswith("#"):
            continue
        word, _, kind = line.partition("\t")
        kind = kind.strip()
        if kind == "stem":
            stems.add(word[:-1])
        elif kind == "block":
            blocks.add(word[:-1])
        else:
            compounds.add(word)
    longest = max((len(list(cluster_spans(s))) for s in stems | blocks), default=0)
    return frozenset(stems), frozenset(compounds), frozenset(blocks), longest


_KHMER_RUN_BEFORE = re.compile(f"[\u1780-\u17d3\u17dd{_INVISIBLE}]{{1,80}}$")
_KHMER_RUN_AFTER = re.compile("[\u1780-\u17b3][\u1780-\u17d3\u17dd]{0,60}")


def colon_to_yuukaleapintu(text: str, colon: int) -> bool:
    """Was the ASCII colon at ``text[colon]`` typed for ៈ (U+17C8)?

    Yes when the Khmer word before it is a known spelling with ៈ whose bare stem is not a
    common word by itself (ខណៈ, គណៈ, កុម្ភៈ, តាមរយៈ), or when the colon is glued to the next
    Khmer word and the three make a known compound (រយៈពេល). A colon after a complete word
    (ដូចតទៅ:, អាន:, ខ្លឹមសារ:) or between digits (៦:៣០) is a colon. The longest matching
    ending decides.

    >>> [colon_to_yuukaleapintu(t, t.index(":")) for t in ("ខែកុម្ភ:", "ដូចតទៅ:")]
    [True, False]
    """
    require_str(text)
    if not 0 <= colon < len(text) or text[colon] != ":":
        return False
    if text[colon + 1 : colon + 3] == "//":
        return False
    m = _KHMER_RUN_BEFORE.search(text, max(0, colon - 80), colon)
    if m is None:
        return False
    stems, compounds, blocks, longest = _yuukaleapintu_words()
    left = _normalize_plain(m.group())
    starts = [s for s, _ in cluster_spans(left)][-longest:] if longest else []
    after = _KHMER_RUN_AFTER.match(text, colon + 1)
    right = _normalize_plain(after.group()) if after else ""
    for s in starts:  # longest suffix first
        stem = left[s:]
        if stem in stems:
            return True
        if stem in blocks:
            return False  # a complete common word ends here (ខ្លឹមសារ, not ...មសារៈ)
        if right:
            head = stem + "\u17c8"
            for cut in range(len(right), 0, -1):
                if head + right[:cut] in compounds:
                    return True
    return False


# --- the pipeline -----------------------------------------------------------------------------


def _edit(m: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    """The replacement of one scanner match and the rules that produced it."""
    kind = m.lastgroup
    if kind == "unit":
        return _fix_cluster(m.group())
    if kind == "inv":
        after = _invisible_run(m.string, m.start(), m.end())
        return after, ("remove_invisible",)
    if kind == "nl":
        return "\n", ("line_endings",)
    if kind == "sp":
        return " ", ("odd_space",)
    if kind == "colon":
        if colon_to_yuukaleapintu(m.string, m.start()):
            return "\u17c8", ("colon_to_yuukaleapintu",)
        return ":", ()
    return _DEPRECATED[m.group()], ("replace_deprecated",)


def _normalize_plain(text: str) -> str:
    if _ANYTHING.search(text) is None:
        return text
    return _SCAN.sub(lambda m: _edit(m)[0], text)


def normalize(text: str, *, fold: bool = False) -> str:
    """Return ``text`` in sleukrith's normal form (see ``RULES`` and docs/normalization.md).

    With ``fold=True`` also fold for matching and search: joiners dropped, Khmer digits to
    ASCII, known variant spellings to one form (COENG DA is already COENG TA).

    >>> normalize("ស្រ្តី") == "ស្ត្រី"
    True
    >>> normalize("ខែកុម្ភ: ១៥", fold=True) == "ខែកុម្ភៈ 15"
    True
    """
    out = _normalize_plain(require_str(text))
    if not fold:
        return out
    # folding can change what the normalizer sees (a variant ending in ៈ folded before a
    # colon); repeat the pair until nothing moves, so that fold(fold(x)) == fold(x)
    for _ in range(5):
        again = _fold(out)
        if again == out:
            break
        out = _normalize_plain(again)
    return out


def explain(text: str) -> list[Fix]:
    """Every change ``normalize(text)`` makes, in order, with spans in ``text``.

    ``apply_fixes(text, explain(text)) == normalize(text)`` for every string.

    >>> [(f.rule, f.before, f.after) for f in explain("កំុ\\u200b")]
    [('reorder_cluster', 'កំុ', 'កុំ'), ('remove_invisible', '\\u200b', '')]
    """
    require_str(text)
    fixes: list[Fix] = []
    if _ANYTHING.search(text) is None:
        return fixes
    for m in _SCAN.finditer(text):
        after, rules = _edit(m)
        before = m.group()
        if after != before:
            fixes.append(
                Fix(
                    rule="+".join(rules),
                    start=m.start(),
                    end=m.end(),
                    before=before,
                    after=after,
                    message="; ".join(RULES[r] for r in rules),
                )
            )
    return fixes


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """Replay ``fixes`` (from ``explain(text)``) on ``text``.

    >>> t = "លាេក"
    >>> apply_fixes(t, explain(t)) == normalize(t)
    True
    """
    require_str(text)
    pieces: list[str] = []
    done = 0
    for f in sorted(fixes, key=lambda f: f.start):
        if f.start < done or text[f.start : f.end] != f.before:
            raise ValueError(f"fix {f.rule} at {f.start} does not match the text")
        pieces += (text[done : f.start], f.after)
        done = f.end
    pieces.append(text[done:])
    return "".join(pieces)


# --- folding (for matching and search) --------------------------------------------------------

_DIGITS_TO_ASCII = str.maketrans(KHMER_DIGITS, "0123456789")
_FOLD_JOINERS = re.compile(f"(?<=[\u1780-\u17ff])[{_JOINERS}]")


@lru_cache(maxsize=1)
def _variants() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    table: dict[str, str] = {}
    try:
        data = resources.files("sleukrith").joinpath("data/variants.tsv")
        lines = data.read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, OSError):  # pragma: no cover - data file missing
        lines = []
    for line in lines:
        if line and not line.startswith("#") and "\t" in line:
            variant, canonical = line.split("\t")[:2]
            table[variant] = canonical
    if not table:
        return None, table
    alternation = "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
    # whole clusters only: not after a COENG, not followed by a mark
    pattern = re.compile(f"(?<!{COENG})(?:{alternation})(?![{_MARKS}{COENG}])")
    return pattern, table


def _fold(text: str) -> str:
    text = _FOLD_JOINERS.sub("", text).translate(_DIGITS_TO_ASCII)
    pattern, table = _variants()
    if pattern is not None:
        # a replacement can complete a variant with the text after it: go to a fixed point
        for _ in range(10):
            folded = pattern.sub(lambda m: table[m.group()], text)
            if folded == text:
                break
            text = folded
    return text


def fold(text: str) -> str:
    """``normalize(text, fold=True)``: the form used to match and search text.

    >>> fold("កណ្ដាល ២០២១") == "កណ្តាល 2021"
    True
    """
    return normalize(text, fold=True)
