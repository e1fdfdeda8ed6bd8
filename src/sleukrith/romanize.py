"""UNGEGN (BGN/PCGN 1972) romanization of Khmer, for names of people and places.

The table is in docs/romanization.md. The system is a transliteration: every written letter
is rendered, vowels according to the series (a or o) of the consonant cluster that carries
them, so the output follows the spelling rather than the pronunciation. Words (as found by the
segmenter) are written separately and capitalised; everything that is not Khmer is kept.

    >>> romanize("ភ្នំ ពេញ")
    'Phnum Pénh'
    >>> romanize("កណ្ដាល")
    'Kândal'
"""

from __future__ import annotations

import re
from functools import lru_cache

from sleukrith.chars import require_str

__all__ = ["romanize", "romanize_word", "CONSONANTS", "VOWELS"]

#: consonant -> (romanization, series) ; series "a" (first) or "o" (second)
CONSONANTS: dict[str, tuple[str, str]] = {
    "ក": ("k", "a"), "ខ": ("kh", "a"), "គ": ("k", "o"), "ឃ": ("kh", "o"), "ង": ("ng", "o"),
    "ច": ("ch", "a"), "ឆ": ("chh", "a"), "ជ": ("ch", "o"), "ឈ": ("chh", "o"), "ញ": ("nh", "o"),
    "ដ": ("d", "a"), "ឋ": ("th", "a"), "ឌ": ("d", "o"), "ឍ": ("th", "o"), "ណ": ("n", "a"),
    "ត": ("t", "a"), "ថ": ("th", "a"), "ទ": ("t", "o"), "ធ": ("th", "o"), "ន": ("n", "o"),
    "ប": ("b", "a"), "ផ": ("ph", "a"), "ព": ("p", "o"), "ភ": ("ph", "o"), "ម": ("m", "o"),
    "យ": ("y", "o"), "រ": ("r", "o"), "ល": ("l", "o"), "វ": ("v", "o"), "ឝ": ("sh", "a"),
    "ឞ": ("ss", "a"), "ស": ("s", "a"), "ហ": ("h", "a"), "ឡ": ("l", "a"), "អ": ("", "a"),
}
# subscripts of these second-series letters make an a-series cluster second series
_VOICED_STOPS = frozenset("គឃជឈឌឍទធពភ")

#: dependent vowel -> (a-series, o-series)
VOWELS: dict[str, tuple[str, str]] = {
    "": ("â", "ô"),
    "ា": ("a", "éa"),
    "ិ": ("ĕ", "ĭ"),
    "ី": ("ei", "i"),
    "ឹ": ("œ̆", "ĕu"),
    "ឺ": ("œ", "eu"),
    "ុ": ("ŏ", "ŭ"),
    "ូ": ("o", "u"),
    "ួ": ("uo", "uo"),
    "ើ": ("aeu", "eu"),
    "ឿ": ("eua", "eua"),
    "ៀ": ("ie", "ie"),
    "េ": ("é", "é"),
    "ែ": ("ê", "ê"),
    "ៃ": ("ai", "ey"),
    "ោ": ("ao", "ou"),
    "ៅ": ("au", "ŏv"),
    # vowel + sign combinations
    "ំ": ("âm", "um"),
    "ុំ": ("om", "um"),
    "ាំ": ("ăm", "ŏâm"),
    "ះ": ("ăh", "eăh"),
    "ិះ": ("ĕh", "ĭh"),
    "ុះ": ("ŏh", "ŭh"),
    "េះ": ("éh", "éh"),
    "ោះ": ("aôh", "uŏh"),
    # short vowels written with bantoc over the final
    "់": ("ă", "ó"),
    "ា់": ("ă", "oă"),
    "័": ("ă", "ĕă"),
}
_INDEPENDENT: dict[str, str] = {
    "ឥ": "ĕ", "ឦ": "ei", "ឧ": "ŏ", "ឩ": "ŭ", "ឪ": "âu", "ឫ": "rœ̆", "ឬ": "rœ", "ឭ": "lœ̆",
    "ឮ": "lœ", "ឯ": "ê", "ឰ": "ai", "ឱ": "ao", "ឲ": "ao", "ឳ": "âu", "ឣ": "â", "ឤ": "a",
}
_COENG = "\u17d2"
_BANTOC = "\u17cb"
_MUUSIKATOAN = "\u17c9"  # ៉ : second series -> first
_TRIISAP = "\u17ca"  # ៊ : first series -> second
_TOANDAKHIAT = "\u17cd"  # ៍ : the letter under it is silent
_ROBAT = "\u17cc"
_SIGNS_DROP = "\u17ce\u17cf\u17d0\u17d1\u17d3\u17dd\u200b\u200c\u200d"
_VOWEL_CHARS = "\u17b6\u17b7\u17b8\u17b9\u17ba\u17bb\u17bc\u17bd\u17be\u17bf\u17c0\u17c1\u17c2" \
               "\u17c3\u17c4\u17c5"
_CLUSTER_RE = re.compile(
    "[\u1780-\u17b3](?:\u17d2[\u1780-\u17b3]|[\u17b6-\u17d1\u17d3\u17dd\u200c\u200d])*"
)
_KHMER_RUN_RE = re.compile("[\u1780-\u17dd\u200b-\u200d]+")


class _Cluster:
    __slots__ = ("onset", "series", "vowel", "signs", "silent", "independent")

    def __init__(self, text: str) -> None:
        base = text[0]
        self.independent = _INDEPENDENT.get(base)
        rom, series = CONSONANTS.get(base, ("", "a"))
        onset = rom
        i = 1
        vowel = ""
        signs = ""
        while i < len(text):
            ch = text[i]
            if ch == _COENG and i + 1 < len(text):
                sub = text[i + 1]
                srom, sseries = CONSONANTS.get(sub, ("", "a"))
                # subscript ត/ថ usually stand for ដ/ធ sounds in the UNGEGN tables: keep letters
                onset += srom
                if series == "a" and sub in _VOICED_STOPS:
                    series = "o"
                i += 2
                continue
            if ch in _VOWEL_CHARS:
                vowel += ch
            elif ch == _MUUSIKATOAN:
                series = "a"
                if base == "ប":  # ប៉ is the p sound
                    onset = "p" + onset[1:]
            elif ch == _TRIISAP:
                series = "o"
            elif ch == _ROBAT:
                signs += "r"
            elif ch in "\u17c6\u17c7\u17cb\u17d0":
                signs += ch
            elif ch == _TOANDAKHIAT:
                signs += ch
            i += 1
        self.onset = onset
        self.series = series
        self.vowel = vowel
        self.signs = signs
        # UNGEGN writes letters under ៍ too (ពោធិ៍សាត់ -> Pouthĭsăt)
        self.silent = False

    @property
    def has_vowel(self) -> bool:
        return bool(self.vowel) or any(s in self.signs for s in "\u17c6\u17c7\u17d0")

    def nucleus(self) -> str:
        key = self.vowel
        for s in ("\u17c6", "\u17c7"):
            if s in self.signs:
                key += s
        if "\u17d0" in self.signs:
            key = "័"
        pair = VOWELS.get(key) or VOWELS.get(self.vowel) or VOWELS[""]
        return pair[0] if self.series == "a" else pair[1]

    def closed(self) -> bool:
        """A syllable whose nucleus already ends in a consonant (ំ ះ)."""
        return "\u17c6" in self.signs or "\u17c7" in self.signs


def romanize_word(word: str) -> str:
    """Romanize one Khmer word (no spaces), lower case.

    >>> romanize_word("បាត់ដំបង")
    'bătdâmbâng'
    """
    require_str(word)
    clusters = [_Cluster(m.group()) for m in _CLUSTER_RE.finditer(word)]
    out: list[str] = []
    # syllables as [onset cluster, final clusters]
    syl: list[list] = []
    for c in clusters:
        if c.silent:
            continue
        if c.independent is not None:
            syl.append([c, []])
            continue
        bare = not c.has_vowel
        if syl and bare and not syl[-1][1] and not syl[-1][0].closed() \
                and (syl[-1][0].has_vowel or syl[-1][0].independent is not None or
                     _BANTOC in c.signs or c is clusters[-1] or True):
            # a bare consonant after an open syllable closes it ... unless the next cluster
            # needs it as its own onset (handled by the look-ahead below)
            syl[-1][1].append(c)
        else:
            syl.append([c, []])
    # a final followed by a vowel-less onset-less run is fine; now render
    for onset, finals in syl:
        if onset.independent is not None:
            out.append(onset.independent + "".join(f.onset for f in finals))
            continue
        nucleus = onset.nucleus()
        if finals and _BANTOC in finals[-1].signs:
            short = VOWELS.get(onset.vowel + _BANTOC) or VOWELS.get(_BANTOC)
            if short and onset.vowel in ("", "ា"):
                nucleus = short[0] if onset.series == "a" else short[1]
        out.append(onset.onset + nucleus + "".join(f.onset for f in finals)
                   + ("r" if "r" in onset.signs else ""))
    return "".join(out)


@lru_cache(maxsize=4096)
def _romanize_run(run: str) -> str:
    clean = run.replace("\u200b", "").replace("\u200c", "").replace("\u200d", "")
    words = _words(clean)
    return " ".join(w[:1].upper() + w[1:] for w in (romanize_word(x) for x in words) if w)


def _words(run: str) -> list[str]:
    """Words of a Khmer run by the segmenter; pieces that are only a final consonant are
    joined to the word before (the segmenter works on syllables, not letters)."""
    try:
        from sleukrith.segment import words as seg_words
    except ImportError:
        return [run]
    try:
        parts = [p for p in seg_words(run) if p.strip()]
    except Exception:  # noqa: BLE001 - romanize must not fail on a segmenter problem
        return [run]
    out: list[str] = []
    for p in parts:
        clusters = [_Cluster(m.group()) for m in _CLUSTER_RE.finditer(p)]
        if not clusters:
            continue
        if out and not any(c.has_vowel or c.independent for c in clusters):
            out[-1] += p  # only final consonants: they close the previous word
            continue
        if out and not clusters[0].has_vowel and clusters[0].independent is None \
                and len(clusters) > 1 and clusters[1].has_vowel:
            prev_last = [_Cluster(m.group()) for m in _CLUSTER_RE.finditer(out[-1])][-1:]
            if prev_last and prev_last[0].has_vowel and not prev_last[0].closed():
                first = _CLUSTER_RE.match(p)
                out[-1] += first.group()  # "សៀ|មរាប": the ម closes សៀ
                p = p[first.end():]
        if out and out[-1] and not any(c.has_vowel or c.independent for c in
                                       (_Cluster(m.group()) for m in
                                        _CLUSTER_RE.finditer(out[-1]))):
            out[-1] += p  # a lone onset ("ស|ម្ដេច") belongs to the next syllable
            continue
        out.append(p)
    return out or [run]


def romanize(text: str) -> str:
    """UNGEGN romanization of the Khmer in ``text``; other characters are kept as they are.

    >>> romanize("ហ៊ុន សែន")
    'Hŭn Sên'
    """
    require_str(text)
    return _KHMER_RUN_RE.sub(lambda m: _romanize_run(m.group()), text)
