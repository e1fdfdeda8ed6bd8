"""Pre-tokenization: cut text into spans whose boundaries are certain before any model runs.

Spaces, line breaks, numbers (with separators, dates, times), URLs, e-mails, Latin words,
dotted Khmer abbreviations (ព.ស., ឯ.ឧ.), ``។ល។`` and punctuation are tokens by themselves.
What is left are *Khmer runs*: maximal stretches of Khmer clusters (with any zero-width
characters inside them) that the statistical model splits into words.

The split is lossless: the spans cover the input exactly, in order.
"""

from __future__ import annotations

import re
import unicodedata

# a Khmer letter (consonant / independent vowel) or a stray mark, with what attaches to it
_BASE = "\u1780-\u17b3"
_MARK = "\u17b4-\u17d1\u17d3\u17dd"
_KC = f"(?:[{_BASE}{_MARK}]|\u17d2[{_BASE}]?)(?:\u17d2[{_BASE}]?|[{_MARK}\u200c\u200d])*+"  # never split a cluster
# a cluster that may belong to a run: not the start of a dotted abbreviation (ស.ម)
_KC_RUN = f"{_KC}(?!\\.[{_BASE}])"
# zero-width characters that may sit inside a run (ZWSP is a weak word-break hint)
_ZW = "\u200b\u200c\u200d\u00ad\u2060\ufeff"
_DIGIT = "0-9\u17e0-\u17e9"
_NOT_KHMER_WORDCHAR = "(?:(?![\u1780-\u17ff\u19e0-\u19ff])[^\\W\\d_])"

KHMER_RUN = "khmer"

_PRETOK_RE = re.compile(
    "|".join(
        [
            r"(?P<nl>\r\n|[\n\r\x0b\x0c\x85\u2028\u2029])",
            r"(?P<sp>(?:(?![\n\r\x0b\x0c\x85\u2028\u2029])\s|[\u200b\ufeff\u2060])+)",
            # URLs and e-mail addresses; trailing sentence punctuation is not part of them
            r"(?P<url>(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)[^\s<>\"'«»“”\u200b\u1780-\u17ff]*"
            r"[^\s<>\"'«»“”\u200b\u1780-\u17ff.,;:!?)\]}])",
            r"(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})",
            # numbers with thousands/decimal separators, dates 2018-03-02, 02/03/2018, 14:30
            f"(?P<num>[{_DIGIT}]+(?:[.,:/\\-][{_DIGIT}]+)*)",
            "(?P<etc>\u17d4\u179b\u17d4)",  # ។ល។
            # dotted abbreviations: ព.ស. ឯ.ឧ. ល.រ ស.ម.
            f"(?P<abbr>(?:{_KC}\\.){{2,}}(?:{_KC}(?![{_BASE}{_MARK}\u17d2]))?|{_KC}\\.{_KC})",
            f"(?P<khmer>{_KC_RUN}(?:[{_ZW}]*{_KC_RUN})*)",
            # Latin (or any other script's) words, with inner apostrophes, hyphens, digits
            f"(?P<latin>{_NOT_KHMER_WORDCHAR}(?:{_NOT_KHMER_WORDCHAR}|[0-9]"
            f"|['’\\-.](?={_NOT_KHMER_WORDCHAR})|-(?=[0-9]))*)",
            r"(?P<same>(?P<rep>[!?.\-=*~_#])(?P=rep)+)",  # "...", "!!", "--", "===" stay together
            r"(?P<other>[\s\S])",
        ]
    )
)

_GROUP_KIND = {
    "nl": "space",
    "sp": "space",
    "url": "latin",
    "email": "latin",
    "num": "number",
    "etc": "word",
    "abbr": "word",
    "khmer": KHMER_RUN,
    "latin": "latin",
    "same": "punct",
}


def _char_kind(ch: str) -> str:
    cp = ord(ch)
    if 0x17D4 <= cp <= 0x17DA or cp == 0x17DC:
        return "punct"
    if cp == 0x17DB or 0x17F0 <= cp <= 0x17F9 or 0x19E0 <= cp <= 0x19FF:
        return "symbol"
    if ch in "%‰‱":
        return "symbol"
    cat = unicodedata.category(ch)
    if cat[0] == "P":
        return "punct"
    if cat[0] == "Z" or ch.isspace():
        return "space"
    if cat[0] == "N":
        return "number"
    if cat[0] == "L":
        return "latin"
    if cat[0] == "M":
        return "word" if 0x1780 <= cp <= 0x17FF else "symbol"
    return "symbol"


def pretokenize(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` spans covering ``text``; kind ``"khmer"`` marks a Khmer run.

    >>> text = "ថ្ងៃ ២០១៨-០៣-០២ www.x.com"
    >>> [text[s:e] for s, e, _ in pretokenize(text)]
    ['ថ្ងៃ', ' ', '២០១៨-០៣-០២', ' ', 'www.x.com']
    """
    out: list[tuple[int, int, str]] = []
    append = out.append
    kinds = _GROUP_KIND
    for m in _PRETOK_RE.finditer(text):
        group = m.lastgroup
        s, e = m.span()
        if group == "other":
            append((s, e, _char_kind(text[s])))
        elif group == "same":
            # lastgroup can report the inner back-reference group; kind from the character
            append((s, e, _char_kind(text[s])))
        else:
            append((s, e, kinds.get(group) or _char_kind(text[s])))
    return out
