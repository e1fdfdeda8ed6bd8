"""The shipped boundary model: loading it and splitting Khmer runs into words.

A run (a stretch of Khmer clusters, see ``_pretok``) is cut into clusters; every gap between
two clusters gets a logistic-regression score from hashed features (``_features``). Two
weight vectors share the features: one for compound-level word boundaries, one for fine
(morpheme) boundaries. All runs of a call are scored in one numpy pass; results are cached
per run, because running text repeats the same runs a lot.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from itertools import accumulate, repeat
from pathlib import Path

import numpy as np

from sleukrith.chars import CLUSTER_RE
from sleukrith.segment import _features as F

MODEL_PATH = Path(__file__).with_name("data") / "model.npz"

_ZW_CHARS = frozenset("\u200b\u200c\u200d\u00ad\u2060\ufeff")
_ZW_RE = re.compile("[\u200b\u200c\u200d\u00ad\u2060\ufeff]")
ZWSP_BONUS = 1.5  # a ZWSP in a gap raises the boundary logit a little: a hint, not gold
_CACHE_MAX = 100_000  # runs (and unknown clusters) remembered; bounds memory
_GAP_CHUNK = 16_384  # gaps whose features are built at once
_BATCH_CHARS = 60_000  # bounds the size of the feature arrays of one numpy pass


def lookup_id(cluster: str, vocab: dict[str, int]) -> int:
    """Model id of a cluster: its (folded, else canonicalised) vocabulary id, else the id of
    "an unknown cluster of this shape"."""
    key = F.fold_cluster(cluster)
    i = vocab.get(key)
    if i is None:
        i = vocab.get(F.canonical_cluster(key))
        if i is None:
            i = F.cluster_shape(key)
    return i


class BoundaryModel:
    """Weights, vocabulary and dictionary table of the segmenter."""

    def __init__(
        self,
        vocab: dict[str, int],
        id_shape: np.ndarray,
        entries: dict[int, int],
        w_word: np.ndarray,
        w_fine: np.ndarray,
        bias: tuple[float, float],
        bits: int,
        meta: dict | None = None,
    ) -> None:
        self.vocab = vocab
        self.id_shape = id_shape.astype(np.uint64)
        self.entries = entries
        self.table = F.build_table(entries)
        self.w_word = w_word.astype(np.float32)
        self.w_fine = w_fine.astype(np.float32)
        self.bias = bias
        self.bits = bits
        self.meta = meta or {}
        # models saved before templates were added use the first 31
        self.n_templates = int(self.meta.get("n_templates", 31))
        self._ids: dict[str, int] = {}
        self._cache: dict[tuple[str, bool], list[int]] = {}
        self._extra: dict[int, int] = {}

    # --- persistence ---------------------------------------------------------------------

    def save(self, path: Path) -> None:
        keys = np.fromiter(self.entries.keys(), dtype=np.uint64, count=len(self.entries))
        flags = np.fromiter(self.entries.values(), dtype=np.uint8, count=len(self.entries))
        order = np.argsort(keys)
        meta = dict(
            self.meta,
            bits=self.bits,
            bias=list(self.bias),
            n_templates=F.N_TEMPLATES,
        )
        buf = io.BytesIO()
        scale_w = float(np.abs(self.w_word).max() or 1.0) / 127
        scale_f = float(np.abs(self.w_fine).max() or 1.0) / 127
        meta["scale"] = [scale_w, scale_f]
        np.savez(
            buf,
            vocab=np.array("\n".join(sorted(self.vocab, key=self.vocab.get))),
            id_shape=self.id_shape.astype(np.uint16),
            keys=keys[order],
            flags=flags[order],
            w_word=np.round(self.w_word / scale_w).astype(np.int8),
            w_fine=np.round(self.w_fine / scale_f).astype(np.int8),
            meta=np.array(json.dumps(meta)),
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        # stored uncompressed: loading must stay well under a second
        path.write_bytes(buf.getvalue())

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> BoundaryModel:
        opener = gzip.open if str(path).endswith(".gz") else open
        with opener(path, "rb") as f:
            z = np.load(io.BytesIO(f.read()), allow_pickle=False)
            meta = json.loads(str(z["meta"]))
            words = str(z["vocab"]).split("\n")
            vocab = {w: i + F.FIRST_KNOWN for i, w in enumerate(words)}
            entries = dict(zip(z["keys"].tolist(), z["flags"].tolist(), strict=True))
            sw, sf = meta["scale"]
            return cls(
                vocab,
                z["id_shape"],
                entries,
                z["w_word"].astype(np.float32) * np.float32(sw),
                z["w_fine"].astype(np.float32) * np.float32(sf),
                tuple(meta["bias"]),
                int(meta["bits"]),
                meta,
            )

    # --- user words ----------------------------------------------------------------------

    def word_ids(self, word: str) -> list[int]:
        return [self.cluster_id(c) for c in CLUSTER_RE.findall(word) if c not in _ZW_CHARS]

    def word_flags(self, word: str) -> int:
        """The word lists ``word`` is in (``F.FLAG_EXT | F.FLAG_LEX | F.FLAG_MOR`` bits; 0 for
        none), as the boundary features see it."""
        ids = self.word_ids(word)
        if not 0 < len(ids) <= F.MAXL:
            return 0
        return self.entries.get(F.word_hash(ids), 0)

    # --- inference -----------------------------------------------------------------------

    def cluster_id(self, cluster: str) -> int:
        i = self._ids.get(cluster)
        if i is None:
            i = lookup_id(cluster, self.vocab)
            if len(self._ids) < _CACHE_MAX:
                self._ids[cluster] = i
        return i

    def cuts(self, runs: list[str], fine: bool = False) -> list[list[int]]:
        """For each Khmer run, the offsets (relative to the run, excluding 0 and its length)
        where a word starts."""
        cache = self._cache
        results: list[list[int] | None] = []
        todo: dict[str, None] = {}
        for run in runs:
            hit = cache.get((run, fine))
            results.append(hit)
            if hit is None:
                todo[run] = None
        if todo:
            if len(cache) > _CACHE_MAX:
                cache.clear()
            batch: list[str] = []
            size = 0
            for run in todo:
                batch.append(run)
                size += len(run)
                if size >= _BATCH_CHARS:
                    self._score_into(batch, fine, cache)
                    batch, size = [], 0
            if batch:
                self._score_into(batch, fine, cache)
            results = [
                r if r is not None else cache[(run, fine)]
                for r, run in zip(results, runs, strict=True)
            ]
        return results  # type: ignore[return-value]

    def _score_into(self, runs: list[str], fine: bool, cache: dict) -> None:
        for run, cuts in zip(runs, self._score(runs, fine), strict=True):
            cache[(run, fine)] = cuts

    def _score(self, runs: list[str], fine: bool) -> list[list[int]]:
        pad = (F.PAD,) * F.N_PAD
        ids: list[int] = list(pad)
        offs: list[int] = [0] * F.N_PAD  # per position: offset of the cluster in its run
        run_of: list[int] = [-1] * F.N_PAD  # per position: index of its run
        zw_at: dict[int, int] = {}  # position -> offset of the zero-width char just before it
        get = self._ids.get
        cid = self.cluster_id
        findall = CLUSTER_RE.findall
        zw_search = _ZW_RE.search
        for k, run in enumerate(runs):
            cl = findall(run)
            if zw_search(run) is None:
                ids += [get(c) or cid(c) for c in cl]
                offs += accumulate(map(len, cl[:-1]), initial=0)
                run_of += repeat(k, len(cl))
            else:
                off = 0
                zw = -1
                for c in cl:
                    if c in _ZW_CHARS:
                        if zw < 0:
                            zw = off
                        off += len(c)
                        continue
                    if zw >= 0:
                        zw_at[len(ids)] = zw
                    ids.append(get(c) or cid(c))
                    offs.append(off)
                    run_of.append(k)
                    zw = -1
                    off += len(c)
            ids += pad
            offs += pad
            run_of += (-1,) * F.N_PAD
        a = np.array(ids, dtype=np.uint64)
        real = a != 0
        gaps = np.flatnonzero(real[:-1] & real[1:])
        out: list[list[int]] = [[] for _ in runs]
        if not len(gaps):
            return out
        shapes = self.id_shape[a]
        fl = F.span_flags(a, self.table)
        score = np.empty(len(gaps), dtype=np.float32)
        fscore = np.empty(len(gaps), dtype=np.float32) if fine else None
        for c0 in range(0, len(gaps), _GAP_CHUNK):  # bounded memory on huge runs
            g = gaps[c0 : c0 + _GAP_CHUNK]
            idx = F.gap_features(
                a, shapes, g, self.table, self.bits, fl, self.n_templates, transposed=True
            )
            # summed over templates, gap by gap: a gap's score never depends on other gaps
            score[c0 : c0 + len(g)] = np.take(self.w_word, idx).sum(axis=0)
            if fscore is not None:
                fscore[c0 : c0 + len(g)] = np.take(self.w_fine, idx).sum(axis=0)
        score += np.float32(self.bias[0])
        if fscore is not None:
            fscore += np.float32(self.bias[1])
            np.maximum(score, fscore, out=score)  # a cut at either level
        right = gaps + 1
        if zw_at:
            # a zero-width char in a gap raises its boundary score by ZWSP_BONUS
            zpos = np.fromiter(zw_at, dtype=np.int64, count=len(zw_at))
            gi = np.minimum(np.searchsorted(right, zpos), len(right) - 1)
            gi = gi[right[gi] == zpos]  # not at the start of a run: that is no gap
            score[gi] += np.float32(ZWSP_BONUS)
        sel = right[score > 0].tolist()
        for p in sel:
            r = run_of[p]
            z = zw_at.get(p, -1) if zw_at else -1
            if z >= 0:
                out[r].append(z)  # the zero-width char becomes its own token
            out[r].append(offs[p])
        return out
