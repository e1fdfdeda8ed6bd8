"""Train the shipped segmentation model from the corpora (reproducible, seeded).

    python -m sleukrith.segment.train --data ../shared/data [--out PATH] [--epochs N]

Reads NIPTICT 2015 and khPOS train (``seg/``) and the word lists in ``dict/``, holds out the
dev split defined in ``_corpus`` (about 10 %), trains two logistic-regression boundary models
(compound words, morphemes) over hashed features with AdaGrad, writes the model (gzip'd npz)
into the package and prints dev scores for news, khPOS and all of NIPTICT.

Corpus words are also dictionary features; inside the training set they come from the other
folds only (5-fold jack-knifing), so the model learns how far to trust a word list that does
not already contain the answer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

from sleukrith.chars import CLUSTER_RE
from sleukrith.segment import _features as F
from sleukrith.segment._corpus import Scores, Sentence, read_all, spans_of
from sleukrith.segment._model import _ZW_CHARS, MODEL_PATH, BoundaryModel
from sleukrith.segment._pretok import KHMER_RUN, pretokenize

SEED = 20151
FOLDS = 5
BITS = 22
LR = 0.15

EXT_FILES = [
    ("dict/icu/khmerdict.txt", "ICU khmerdict (Unicode License V3)"),
    ("dict/sbbic/km_symspell_dictionary.txt", "SBBIC symspell dictionary (MIT)"),
    ("dict/sil-khmerlbdict/seafreq.txt", "SIL khmerlbdict SEALang list (MIT)"),
    ("dict/sil-khmerlbdict/KHOV.txt", "SIL khmerlbdict (MIT)"),
    ("dict/sil-khmerlbdict/KHSV.txt", "SIL khmerlbdict (MIT)"),
    ("dict/sil-khmerlbdict/DFD.txt", "SIL khmerlbdict (MIT)"),
    ("dict/sil-khmerlbdict/HC.txt", "SIL khmerlbdict (MIT)"),
    ("dict/sil-khmerlbdict/TD.txt", "SIL khmerlbdict (MIT)"),
    ("dict/sil-khmerlbdict/names.txt", "SIL khmerlbdict names (MIT)"),
    ("dict/sil-khmerlbdict/places.txt", "SIL khmerlbdict places (MIT)"),
]


def _khmer_only(word: str) -> bool:
    return bool(word) and all("\u1780" <= ch <= "\u17dd" for ch in word)


def read_ext_words(data: Path) -> list[str]:
    words: set[str] = set()
    for rel, _ in EXT_FILES:
        p = data / rel
        if not p.exists():
            continue
        for line in p.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            w = line.split("\t")[0].strip()
            if _khmer_only(w):
                words.add(w)
    return sorted(words)


def _stable_fold(i: int) -> int:
    return int(hashlib.md5(f"fold:{i}".encode()).hexdigest(), 16) % FOLDS


def sentence_runs(s: Sentence) -> list[tuple[int, str]]:
    return [(a, s.text[a:b]) for a, b, k in pretokenize(s.text) if k == KHMER_RUN]


def build_vocab(train: list[Sentence], ext: list[str]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for s in train:
        for _, run in sentence_runs(s):
            for c in CLUSTER_RE.findall(run):
                if c not in _ZW_CHARS:
                    counts[F.fold_cluster(c)] += 1
    for w in ext:
        for c in CLUSTER_RE.findall(w):
            counts[F.fold_cluster(c)] += 1
    ordered = sorted(counts, key=lambda c: (-counts[c], c))[: F.MAX_ID - F.FIRST_KNOWN]
    return {c: i + F.FIRST_KNOWN for i, c in enumerate(ordered)}


def encode(sents: list[Sentence], model: BoundaryModel):
    """Padded id array, gap positions, and the two label vectors (word, fine)."""
    ids: list[int] = [F.PAD] * F.N_PAD
    gap_pos: list[int] = []
    y_word: list[int] = []
    y_fine: list[int] = []
    cid = model.cluster_id
    for s in sents:
        wb = {e for _, e in s.words} | {b for b, _ in s.words}
        fb = {e for _, e in s.fine} | {b for b, _ in s.fine}
        for start, run in sentence_runs(s):
            off = start
            first = True
            for c in CLUSTER_RE.findall(run):
                if c in _ZW_CHARS:
                    off += len(c)
                    continue
                if not first:
                    gap_pos.append(len(ids) - 1)
                    y_word.append(off in wb)
                    y_fine.append(off in fb)
                ids.append(cid(c))
                first = False
                off += len(c)
            ids.extend((F.PAD,) * F.N_PAD)
    return (
        np.array(ids, dtype=np.uint64),
        np.array(gap_pos, dtype=np.int64),
        np.array(y_word, dtype=np.float32),
        np.array(y_fine, dtype=np.float32),
    )


def weights_of(sents: list[Sentence], model: BoundaryModel, khpos_weight: float) -> np.ndarray:
    """Per-gap training weight (khPOS sentences can count more: its conventions differ)."""
    out: list[float] = []
    for s in sents:
        n = 0
        for _, run in sentence_runs(s):
            k = sum(1 for c in CLUSTER_RE.findall(run) if c not in _ZW_CHARS)
            n += max(k - 1, 0)
        out.extend([khpos_weight if s.source == "khpos" else 1.0] * n)
    return np.array(out, dtype=np.float32)


def lexicon_masks(train: list[Sentence]) -> tuple[dict[str, int], dict[str, int]]:
    """Word -> bitmask of the folds it occurs in (compound words; morphemes)."""
    lex: dict[str, int] = {}
    mor: dict[str, int] = {}
    for i, s in enumerate(train):
        bit = 1 << _stable_fold(i)
        for a, b in s.words:
            w = s.text[a:b]
            if _khmer_only(w):
                lex[w] = lex.get(w, 0) | bit
        for a, b in s.fine:
            w = s.text[a:b]
            if _khmer_only(w):
                mor[w] = mor.get(w, 0) | bit
    return lex, mor


def table_entries(model, ext, lex, mor, fold: int | None) -> dict[int, int]:
    """Dictionary entries; with ``fold``, corpus words seen only in that fold are left out."""
    entries: dict[int, int] = {}
    hash_of: dict[str, int | None] = {}

    def add(w: str, flag: int) -> None:
        h = hash_of.get(w, 0)
        if h == 0:
            ids = model.word_ids(w)
            h = F.word_hash(ids) if 0 < len(ids) <= F.MAXL else None
            hash_of[w] = h
        if h is not None:
            entries[h] = entries.get(h, 0) | flag

    for w in ext:
        add(w, F.FLAG_EXT)
    others = ((1 << FOLDS) - 1) if fold is None else ((1 << FOLDS) - 1) & ~(1 << fold)
    for w, m in lex.items():
        if m & others:
            add(w, F.FLAG_LEX)
    for w, m in mor.items():
        if m & others:
            add(w, F.FLAG_MOR)
    return entries


def train_lr(
    idx: np.ndarray,
    ys: list[np.ndarray],
    bits: int,
    epochs: int,
    seed: int,
    weight: np.ndarray,
    lr: float = LR,
):
    """AdaGrad logistic regression, one weight vector per label vector, shared features."""
    rng = np.random.default_rng(seed)
    size = 1 << bits
    n = len(idx)
    ws = [np.zeros(size, dtype=np.float32) for _ in ys]
    gs = [np.full(size, 1e-2, dtype=np.float32) for _ in ys]
    bs = [0.0 for _ in ys]
    batch = 4096
    avg = [np.zeros(size, dtype=np.float64) for _ in ys]
    n_avg = 0
    for ep in range(epochs):
        order = rng.permutation(n)
        loss = [0.0 for _ in ys]
        for bn, b0 in enumerate(range(0, n, batch)):
            if ep == epochs - 1 and bn % 10 == 0:  # average the iterates of the last epoch
                for k in range(len(ys)):
                    avg[k] += ws[k]
                n_avg += 1
            sel = order[b0 : b0 + batch]
            bi = idx[sel]
            flat = bi.ravel()
            uniq, inv = np.unique(flat, return_inverse=True)
            for k, y in enumerate(ys):
                s = ws[k][bi].sum(axis=1) + bs[k]
                p = 1.0 / (1.0 + np.exp(-s))
                yk = y[sel]
                g = ((p - yk) * weight[sel]).astype(np.float32)
                loss[k] += float(-np.sum(yk * np.log(p + 1e-9) + (1 - yk) * np.log(1 - p + 1e-9)))
                gsum = np.bincount(inv, weights=np.repeat(g, bi.shape[1]), minlength=len(uniq))
                gsum = gsum.astype(np.float32)
                gs[k][uniq] += gsum * gsum
                ws[k][uniq] -= lr * gsum / np.sqrt(gs[k][uniq])
                bs[k] -= 0.01 * float(g.mean())
        print(f"  epoch {ep + 1}: loss " + " ".join(f"{x / n:.4f}" for x in loss), flush=True)
    if n_avg:
        ws = [(a / n_avg).astype(np.float32) for a in avg]
    return ws, bs


def evaluate(seg, sents: list[Sentence]) -> dict[str, dict[str, float]]:
    """Scores of a segmenter (text -> list of str, fine: bool) on groups of sentences."""
    groups = {
        "news": [s for s in sents if s.domain == "news"],
        "khpos": [s for s in sents if s.source == "khpos"],
        "niptict": [s for s in sents if s.source == "niptict"],
    }
    out = {}
    for name, group in groups.items():
        sw, sf = Scores(), Scores()
        for s in group:
            toks = seg(s.text, False)
            sw.add(s.text, s.words, spans_of(toks, s.text), "".join(toks) == s.text)
            toks = seg(s.text, True)
            sf.add(s.text, s.fine, spans_of(toks, s.text), "".join(toks) == s.text)
        out[name] = {
            "sentences": len(group),
            "compound_boundary_f1": round(sw.boundary_f1, 4),
            "word_f1": round(sw.word_f1, 4),
            "fine_boundary_f1": round(sf.boundary_f1, 4),
            "fine_word_f1": round(sf.word_f1, 4),
        }
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--bits", type=int, default=BITS)
    ap.add_argument("--khpos-weight", type=float, default=3.0)
    ap.add_argument("--lr", type=float, default=LR)
    ap.add_argument("--limit", type=int, default=0, help="use only N training sentences")
    ap.add_argument(
        "--tune",
        action="store_true",
        help="hold out the tuning split too and score on it instead of dev (for choosing "
        "hyper-parameters; use with --out elsewhere)",
    )
    args = ap.parse_args(argv)
    t0 = time.time()
    sents = read_all(args.data)
    if args.tune:
        if args.out == MODEL_PATH:
            ap.error("--tune needs --out: a tuning model must not replace the shipped one")
        train = [s for s in sents if not s.dev and not s.tune]
        dev = [s for s in sents if s.tune]
    else:
        train = [s for s in sents if not s.dev]
        dev = [s for s in sents if s.dev]
    if args.limit:
        rng = np.random.default_rng(SEED)
        train = [train[i] for i in sorted(rng.choice(len(train), args.limit, replace=False))]
    print(f"{len(train)} training, {len(dev)} dev sentences ({time.time() - t0:.1f}s)")
    ext = read_ext_words(args.data)
    vocab = build_vocab(train, ext)
    id_shape = np.zeros(F.FIRST_KNOWN + len(vocab), dtype=np.uint16)
    id_shape[: F.FIRST_KNOWN] = np.arange(F.FIRST_KNOWN)  # unknown ids are their shape
    for c, i in vocab.items():
        id_shape[i] = F.cluster_shape(c)
    dummy = np.zeros(1 << args.bits, dtype=np.float32)
    model = BoundaryModel(vocab, id_shape, {}, dummy, dummy, (0.0, 0.0), args.bits)
    lex, mor = lexicon_masks(train)
    print(f"vocab {len(vocab)} clusters, {len(ext)} dictionary words, {len(lex)} corpus words")

    folds: list[list[Sentence]] = [[] for _ in range(FOLDS)]
    for i, s in enumerate(train):
        folds[_stable_fold(i)].append(s)
    all_idx, all_yw, all_yf, all_wt = [], [], [], []
    for k in range(FOLDS):
        table = F.build_table(table_entries(model, ext, lex, mor, k))
        a, gaps, yw, yf = encode(folds[k], model)
        all_idx.append(F.gap_features(a, model.id_shape[a], gaps, table, args.bits))
        all_yw.append(yw)
        all_yf.append(yf)
        all_wt.append(weights_of(folds[k], model, args.khpos_weight))
    idx = np.concatenate(all_idx)
    yw = np.concatenate(all_yw)
    yf = np.concatenate(all_yf)
    wt = np.concatenate(all_wt)
    del all_idx
    print(f"{len(idx)} gaps, {idx.shape[1]} features each ({time.time() - t0:.1f}s)", flush=True)
    (w_word, w_fine), (b_word, b_fine) = train_lr(
        idx, [yw, yf], args.bits, args.epochs, SEED, wt, args.lr
    )
    print(f"trained ({time.time() - t0:.1f}s)")
    entries = table_entries(model, ext, lex, mor, None)
    meta = {
        "trained_on": {
            "niptict2015": sum(s.source == "niptict" for s in train),
            "khpos_train": sum(s.source == "khpos" for s in train),
        },
        "dictionaries": [name for _, name in EXT_FILES],
        "epochs": args.epochs,
        "khpos_weight": args.khpos_weight,
        "lr": args.lr,
        "seed": SEED,
    }
    final = BoundaryModel(
        vocab, id_shape, entries, w_word, w_fine, (b_word, b_fine), args.bits, meta
    )
    final.save(args.out)
    print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    loaded = BoundaryModel.load(args.out)

    from sleukrith.segment import Segmenter

    seg = Segmenter(model=loaded)
    scores = evaluate(lambda t, fine: seg.words(t, level="morpheme" if fine else "word"), dev)
    print(json.dumps(scores, indent=1))
    name = "tune_scores.json" if args.tune else "dev_scores.json"
    (args.out.parent / name).write_text(json.dumps(scores, indent=1) + "\n")
    print(f"done ({time.time() - t0:.1f}s)")


if __name__ == "__main__":
    main()
