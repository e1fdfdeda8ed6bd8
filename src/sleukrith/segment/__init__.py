"""Word and sentence segmentation of Khmer text: ``words``, ``tokenize``, ``sentences``.

This package owns the segmenter: the pre-tokenizer (``_pretok``: spaces, numbers, Latin,
URLs, punctuation, dotted abbreviations), the statistical boundary model that splits Khmer
runs into words (``_model``, ``_features``; trained by ``train.py`` from NIPTICT 2015 and
khPOS), and the sentence splitter (``_sentences``).

Every result is lossless: the tokens (or sentences) of a text join back to the text exactly,
and each token is a substring of the original input (the model only looks at a folded view).

>>> words("ខ្ញុំស្រលាញ់ភាសាខ្មែរ")
['ខ្ញុំ', 'ស្រលាញ់', 'ភាសា', 'ខ្មែរ']
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import NamedTuple

from sleukrith.chars import require_str
from sleukrith.segment._pretok import KHMER_RUN, pretokenize
from sleukrith.segment._sentences import sentence_spans, sentences

__all__ = [
    "Token",
    "Segmenter",
    "words",
    "tokenize",
    "pipe",
    "sentences",
    "sentence_spans",
    "LEVELS",
    "in_external_dictionary",
]

LEVELS = ("word", "morpheme")
_ZW = frozenset("\u200b\u200c\u200d\u00ad\u2060\ufeff")


class Token(NamedTuple):
    """A token: its text (a substring of the input), offsets and kind.

    ``kind`` is one of ``word`` (Khmer word, abbreviation), ``number``, ``latin`` (Latin or
    other-script word, URL, e-mail), ``punct``, ``space`` (spaces, line breaks, ZWSP) and
    ``symbol``.
    """

    text: str
    start: int
    end: int
    kind: str


def _check_level(level: str) -> bool:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    return level == "morpheme"


_model_lock = threading.Lock()
_default_model = None
_model_missing = False


def _load_default_model():  # noqa: ANN202 - BoundaryModel | None
    global _default_model, _model_missing
    if _default_model is None and not _model_missing:
        with _model_lock:
            if _default_model is None and not _model_missing:
                from sleukrith.segment._model import MODEL_PATH, BoundaryModel

                if MODEL_PATH.exists():
                    _default_model = BoundaryModel.load(MODEL_PATH)
                else:  # pragma: no cover - only before the first training run
                    _model_missing = True
    return _default_model


def in_external_dictionary(word: str) -> bool:
    """Whether ``word`` is a word of the external dictionaries the shipped model was built
    with (ICU, SBBIC, SIL khmerlbdict; see MODEL_CARD.md), not only of the training corpus.

    >>> in_external_dictionary("ទម្លាយ"), in_external_dictionary("ណាស្ត្រាឡាហ៍")
    (True, False)
    """
    from sleukrith.segment import _features as F

    model = _load_default_model()
    word = _fold(require_str(word, "word"))
    return bool(model is not None and model.word_flags(word) & F.FLAG_EXT)


class Segmenter:
    """A configured segmenter; ``extra_words`` are kept whole wherever they occur.

    >>> Segmenter(extra_words=["សាខន"]).words("លោកសាខន")
    ['លោក', 'សាខន']
    """

    def __init__(self, extra_words: Iterable[str] | None = None, *, model=None) -> None:  # noqa: ANN001
        self._base_model = model
        words_ = sorted({require_str(w, "extra word") for w in (extra_words or ()) if w})
        self.extra_words: tuple[str, ...] = tuple(words_)
        self._model = None
        self._fold_extra = sorted({_fold(w) for w in self.extra_words}, key=lambda w: (-len(w), w))

    @property
    def model(self):  # noqa: ANN201
        # extra words are enforced on the model's cuts (``_force_extra``), so every Segmenter
        # shares the one loaded model (no per-dictionary copy of its tables)
        if self._model is None:
            self._model = self._base_model or _load_default_model()
        return self._model

    def tokenize(self, text: str, *, level: str = "word") -> list[Token]:
        """Tokens of ``text`` covering it exactly.

        >>> [t.kind for t in Segmenter().tokenize("ថ្ងៃ ១,០០០ USD។")]
        ['word', 'space', 'number', 'space', 'latin', 'punct']
        """
        require_str(text)
        fine = _check_level(level)
        return [Token(text[s:e], s, e, k) for s, e, k in self._spans(text, fine)]

    def words(self, text: str, *, level: str = "word") -> list[str]:
        """Tokens of ``text`` as strings (spaces and punctuation included: lossless)."""
        require_str(text)
        fine = _check_level(level)
        return [text[s:e] for s, e, _ in self._spans(text, fine)]

    def pipe(self, texts: Iterable[str], *, level: str = "word", batch_chars: int = 50_000):
        """Words of each text of ``texts``, in order, scoring the Khmer runs of many texts in
        one pass (much faster than one ``words()`` call per short text, same result).

        >>> list(Segmenter().pipe(["ខ្ញុំទៅ", "ផ្សារ"]))
        [['ខ្ញុំ', 'ទៅ'], ['ផ្សារ']]
        """
        fine = _check_level(level)
        if isinstance(texts, str | bytes):
            raise TypeError("pipe() takes an iterable of texts, not a single string; use words()")
        return self._pipe(iter(texts), fine, batch_chars)

    def _pipe(self, texts, fine: bool, batch_chars: int):  # noqa: ANN001, ANN202
        batch: list[str] = []
        size = 0
        for text in texts:
            batch.append(require_str(text))
            size += len(text)
            if size >= batch_chars:
                yield from self._words_of_batch(batch, fine)
                batch, size = [], 0
        if batch:
            yield from self._words_of_batch(batch, fine)

    def _words_of_batch(self, texts: list[str], fine: bool) -> list[list[str]]:
        views = [_colon_view(t) for t in texts]
        pres = [pretokenize(v) if v else [] for v in views]
        pairs = zip(views, pres, strict=True)
        runs = [v[s:e] for v, pre in pairs for s, e, k in pre if k == KHMER_RUN]
        cuts = iter(self._cuts(runs, fine))
        out = []
        for t, pre in zip(texts, pres, strict=True):
            out.append([t[s:e] for s, e, _ in self._assemble(t, pre, cuts)])
        return out

    def _cuts(self, runs: list[str], fine: bool) -> list[list[int]]:
        model = self.model
        if not runs:
            return []
        all_cuts = model.cuts(runs, fine) if model is not None else [[] for _ in runs]
        if self._fold_extra:
            all_cuts = [self._force_extra(r, c) for r, c in zip(runs, all_cuts, strict=True)]
        return all_cuts

    def _spans(self, text: str, fine: bool) -> list[tuple[int, int, str]]:
        if not text:
            return []
        view = _colon_view(text)
        pre = pretokenize(view)
        runs = [view[s:e] for s, e, k in pre if k == KHMER_RUN]
        if not runs:
            return pre
        return self._assemble(text, pre, iter(self._cuts(runs, fine)))

    @staticmethod
    def _assemble(text: str, pre: list, cuts_of_runs) -> list[tuple[int, int, str]]:  # noqa: ANN001
        """Pre-tokens with each Khmer run replaced by its words (cuts taken in run order)."""
        out: list[tuple[int, int, str]] = []
        append = out.append
        zw = _ZW
        for s, e, kind in pre:
            if kind != KHMER_RUN:
                append((s, e, kind))
                continue
            cuts = next(cuts_of_runs)
            if not cuts:
                append((s, e, "word"))
                continue
            prev = s
            for c in cuts:
                c += s
                append((prev, c, "space" if text[prev] in zw else "word"))
                prev = c
            append((prev, e, "space" if text[prev] in zw else "word"))
        return out

    def _force_extra(self, run: str, cuts: list[int]) -> list[int]:
        """Keep user words whole: no cut inside an occurrence, cuts at both of its ends."""
        folded = _fold(run)
        spans: list[tuple[int, int]] = []
        taken = [False] * (len(run) + 1)
        for w in self._fold_extra:
            start = folded.find(w)
            while start >= 0:
                end = start + len(w)
                if (
                    not any(taken[start:end])
                    and _is_cut_point(run, start)
                    and _is_cut_point(run, end)
                ):
                    spans.append((start, end))
                    for i in range(start, end):
                        taken[i] = True
                start = folded.find(w, start + 1)
        if not spans:
            return cuts
        cut_set = set(cuts)
        for a, b in spans:
            cut_set = {c for c in cut_set if not (a < c < b)}
            cut_set.update(x for x in (a, b) if 0 < x < len(run))
        return sorted(cut_set)


def _colon_view(text: str) -> str:
    """``text`` with each ASCII colon typed for ៈ (``គណ:``, see
    ``sleukrith.normalize.colon_to_yuukaleapintu``) read as ៈ, so the word is not cut at it.
    Same length as ``text``: token offsets stay those of the input."""
    if ":" not in text:
        return text
    from sleukrith.normalize import colon_to_yuukaleapintu

    chars = list(text)
    for i, ch in enumerate(chars):
        if ch == ":" and colon_to_yuukaleapintu(text, i):
            chars[i] = "\u17c8"
    return "".join(chars)


def _fold(text: str) -> str:
    """Length-preserving fold for matching user words: COENG DA as COENG TA."""
    return text.replace("\u17d2\u178a", "\u17d2\u178f")


def _is_cut_point(run: str, i: int) -> bool:
    """True when offset ``i`` of a Khmer run is between two clusters."""
    if i <= 0 or i >= len(run):
        return True
    ch = run[i]
    prev = run[i - 1]
    if prev == "\u17d2":
        return False
    return not ("\u17b4" <= ch <= "\u17d3" or ch == "\u17dd" or ch in "\u200c\u200d")


_default_segmenter = Segmenter()
_user_segmenters: dict[tuple[str, ...], Segmenter] = {}


def _segmenter(dictionary: Iterable[str] | None) -> Segmenter:
    if dictionary is None:
        return _default_segmenter
    if isinstance(dictionary, str | bytes):
        raise TypeError("dictionary must be an iterable of words, not a single string")
    key = tuple(sorted({require_str(w, "dictionary word") for w in dictionary if w}))
    if not key:
        return _default_segmenter
    seg = _user_segmenters.get(key)
    if seg is None:
        if len(_user_segmenters) > 8:
            _user_segmenters.clear()
        seg = _user_segmenters[key] = Segmenter(key)
    return seg


def tokenize(
    text: str, *, level: str = "word", dictionary: Iterable[str] | None = None
) -> list[Token]:
    """Tokens (text, start, end, kind) of ``text``, covering it exactly.

    >>> [(t.text, t.kind) for t in tokenize("ព.ស. ២៥៦២")]
    [('ព.ស.', 'word'), (' ', 'space'), ('២៥៦២', 'number')]
    """
    require_str(text)
    return _segmenter(dictionary).tokenize(text, level=level)


def pipe(
    texts: Iterable[str],
    *,
    level: str = "word",
    dictionary: Iterable[str] | None = None,
    batch_chars: int = 50_000,
):
    """Words of each text of an iterable, in order: ``[words(t) for t in texts]``, but the
    Khmer runs of many short texts are scored together (use it for sentences, lines, rows).

    >>> list(pipe(["សួស្តី", "ភ្នំពេញ"]))
    [['សួស្តី'], ['ភ្នំពេញ']]
    """
    return _segmenter(dictionary).pipe(texts, level=level, batch_chars=batch_chars)


def words(text: str, *, level: str = "word", dictionary: Iterable[str] | None = None) -> list[str]:
    """Split ``text`` into words; lossless (``"".join(words(t)) == t``).

    ``level="word"`` gives compound-level words, ``level="morpheme"`` also splits compounds,
    prefixes and suffixes. ``dictionary``: extra words to keep whole.

    >>> words("ការអភិវឌ្ឍសេដ្ឋកិច្ច", level="morpheme")
    ['ការ', 'អភិវឌ្ឍ', 'សេដ្ឋ', 'កិច្ច']
    """
    require_str(text)
    return _segmenter(dictionary).words(text, level=level)
