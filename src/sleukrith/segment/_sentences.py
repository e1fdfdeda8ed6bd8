"""Sentence splitting: terminators and line structure, lossless.

A sentence ends after ``។ ៕ ៚ ? !`` (with any closing quotes or brackets right after them)
and at every line break (a heading line without punctuation, each bullet or numbered line,
a line ending in ``៖`` before its list are all sentences of their own). Whitespace after a
sentence end stays with that sentence, so sentences join back to the text exactly. Not a
sentence end: ``៖`` inside a line, ``ៗ``, ``។ល។``, dots of abbreviations (ព.ស.), decimal
points, URLs. An ASCII ``.`` ends a sentence only after a Latin word, before a space.
"""

from __future__ import annotations

from sleukrith.chars import require_str
from sleukrith.segment._pretok import pretokenize

_TERMINATORS = frozenset("។៕៚?!？！")
_CLOSERS = frozenset("\"'”’»›)]}」』")


def _is_terminator(tok: str) -> bool:
    return all(ch in _TERMINATORS for ch in tok)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence; the spans cover ``text`` exactly.

    >>> t = "ថ្ងៃនេះ។ ល្អ!"
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['ថ្ងៃនេះ។ ', 'ល្អ!']
    """
    require_str(text)
    if not text:
        return []
    toks = pretokenize(text)
    n = len(toks)
    cuts: list[int] = []
    i = 0
    while i < n:
        s, e, kind = toks[i]
        piece = text[s:e]
        end_here = False
        if kind == "punct" and _is_terminator(piece):
            end_here = True
        elif kind == "space" and (
            "\n" in piece or "\r" in piece or piece in "\x0b\x0c\x85\u2028\u2029"
        ):
            end_here = True
        elif kind == "punct" and piece == "." and i > 0:
            ps, pe, pk = toks[i - 1]
            nxt = toks[i + 1] if i + 1 < n else None
            if pk == "latin" and pe - ps >= 2 and (nxt is None or nxt[2] == "space"):
                end_here = True
        if not end_here:
            i += 1
            continue
        j = i + 1
        # closing quotes/brackets directly after the terminator stay with the sentence
        while (
            j < n
            and toks[j][2] == "punct"
            and all(c in _CLOSERS for c in text[toks[j][0] : toks[j][1]])
        ):
            j += 1
        # so does the whitespace after it (blank lines included)
        while j < n and toks[j][2] == "space":
            j += 1
        if j < n:
            cuts.append(toks[j][0])
        i = j
    spans: list[tuple[int, int]] = []
    prev = 0
    for c in cuts:
        if c > prev:
            spans.append((prev, c))
            prev = c
    spans.append((prev, len(text)))
    # leading whitespace alone is not a sentence: it joins the first one
    if len(spans) > 1 and not text[spans[0][0] : spans[0][1]].strip():
        spans[1] = (spans[0][0], spans[1][1])
        spans.pop(0)
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, lossless (``"".join(sentences(t)) == t``).

    >>> sentences("ចំណងជើង\\nគាត់បានមក។ គាត់ទៅវិញ។")
    ['ចំណងជើង\\n', 'គាត់បានមក។ ', 'គាត់ទៅវិញ។']
    """
    return [text[s:e] for s, e in sentence_spans(text)]
