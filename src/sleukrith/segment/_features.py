"""Features of the boundary model, computed for all gaps of a text at once with numpy.

The model decides, for every gap between two Khmer clusters inside a Khmer run, whether a
word boundary is there. Each gap gets a fixed number of hashed features (one per template):
cluster n-grams around the gap, the longest dictionary words ending/starting at and spanning
the gap (three word lists), and cluster shapes. Training (``train.py``) and inference
(``_model.py``) share this code, so the two can never disagree on a feature.
"""

from __future__ import annotations

import numpy as np

PAD = 0  # between runs and at both ends of the concatenated cluster sequence
N_PAD = 3  # PADs between two runs (the widest n-gram reaches 3 clusters away)
FIRST_UNK = 1  # ids 1..N_SHAPES are "unknown cluster of shape s"

MAXL = 10  # longest dictionary match considered, in clusters
DICT_BITS = 25  # size of the dictionary membership table (bitmask per slot)
FLAG_EXT, FLAG_LEX, FLAG_MOR = 1, 2, 4  # external dictionaries, corpus words, corpus morphemes
_FLAG_BITS = np.array([FLAG_EXT, FLAG_LEX, FLAG_MOR], dtype=np.uint8)

_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)
_M3 = np.uint64(0x94D049BB133111EB)
_S29 = np.uint64(29)
_S31 = np.uint64(31)

COENG = "\u17d2"


# --- clusters -> ids -----------------------------------------------------------------------


def fold_cluster(cluster: str) -> str:
    """Length-independent key of a cluster for lookups: COENG DA as COENG TA, no joiners."""
    if "\u17d2\u178a" in cluster:
        cluster = cluster.replace("\u17d2\u178a", "\u17d2\u178f")
    if "\u200c" in cluster or "\u200d" in cluster:
        cluster = cluster.replace("\u200c", "").replace("\u200d", "")
    return cluster


def _mark_rank(ch: str) -> int:
    cp = ord(ch)
    if cp in (0x17C9, 0x17CA, 0x17CC):  # shifters, robat
        return 2
    if 0x17B6 <= cp <= 0x17C5:  # dependent vowels
        return 3
    return 4  # signs


def canonical_cluster(cluster: str) -> str:
    """A best-effort canonical order of a misordered cluster (subscripts first, COENG RO last,
    then shifters, vowel, signs; exact duplicate marks dropped). Used only as a lookup key."""
    if not cluster:
        return cluster
    base, rest = cluster[0], cluster[1:]
    subs: list[str] = []
    marks: list[str] = []
    i = 0
    while i < len(rest):
        ch = rest[i]
        if ch == COENG and i + 1 < len(rest) and "\u1780" <= rest[i + 1] <= "\u17b3":
            subs.append(rest[i : i + 2])
            i += 2
            continue
        if ch not in marks and ch != COENG:
            marks.append(ch)
        i += 1
    subs.sort(key=lambda s: s == "\u17d2\u179a")
    marks.sort(key=_mark_rank)
    return base + "".join(subs) + "".join(marks)


def cluster_shape(cluster: str) -> int:
    """A small integer describing a cluster's make-up (base kind, subscripts, vowel, sign)."""
    if not cluster:
        return 0
    cp = ord(cluster[0])
    if 0x1780 <= cp <= 0x17A2:
        kind = 0
    elif 0x17A3 <= cp <= 0x17B3:
        kind = 1
    elif 0x17B4 <= cp <= 0x17DD:
        kind = 2
    else:
        kind = 3
    ncoeng = min(cluster.count(COENG), 2)
    vowel = 0
    sign = 0
    for ch in cluster[1:]:
        c = ord(ch)
        if 0x17B6 <= c <= 0x17C5:
            vowel = c - 0x17B5
        elif c == 0x17CB:
            sign = 1
        elif c == 0x17C7:
            sign = 2
        elif c == 0x17C6:
            sign = 3
        elif 0x17C8 <= c <= 0x17D3 and c != 0x17D2:
            sign = 4
    return ((kind * 3 + ncoeng) * 17 + vowel) * 5 + sign + 1


N_SHAPES = 4 * 3 * 17 * 5 + 2
FIRST_KNOWN = FIRST_UNK + N_SHAPES


# --- hashing ---------------------------------------------------------------------------------


def _mix(h: np.ndarray, x: np.ndarray) -> np.ndarray:
    h = (h ^ x) * _M1
    return h ^ (h >> _S29)


def _final(h: np.ndarray) -> np.ndarray:
    h = (h ^ (h >> _S31)) * _M2
    h = (h ^ (h >> _S29)) * _M3
    return h ^ (h >> _S31)


def table_slot(hashes: np.ndarray) -> np.ndarray:
    return (hashes >> np.uint64(64 - DICT_BITS)).astype(np.int64)


def build_table(entries: dict[int, int]) -> np.ndarray:
    """Membership table: slot of each word hash -> OR of its flags."""
    table = np.zeros(1 << DICT_BITS, dtype=np.uint8)
    if entries:
        hs = np.fromiter(entries.keys(), dtype=np.uint64, count=len(entries))
        fl = np.fromiter(entries.values(), dtype=np.uint8, count=len(entries))
        np.bitwise_or.at(table, table_slot(hs), fl)
    return table


def span_flags(a: np.ndarray, table: np.ndarray) -> np.ndarray:
    """For the cluster-id sequence ``a`` (uint64), per word list (external, corpus words,
    corpus morphemes): the longest dictionary word ending at each position, starting at each
    position, and strictly spanning each gap (gap i = between positions i and i+1).
    Returns an int64 array of shape (9, len(a)): rows (end, start, cross) x 3 lists."""
    n = len(a)
    out = np.zeros((9, n), dtype=np.int64)
    if n == 0:
        return out
    ext = np.concatenate([a, np.zeros(MAXL, dtype=np.uint64)])
    hs = np.empty((MAXL, n), dtype=np.uint64)
    with np.errstate(over="ignore"):
        h = np.full(n, np.uint64(2) * _M3, dtype=np.uint64)
        for r in range(MAXL):
            h = _mix(h, ext[r : r + n])
            hs[r] = h
        hs ^= np.arange(1, MAXL + 1, dtype=np.uint64)[:, None]
        flags = table[table_slot(_final(hs))]
    k, r, i = np.nonzero(flags[None, :, :] & _FLAG_BITS[:, None, None])
    inside = i + r < n  # spans running past the end are padding, not words
    if not inside.all():
        k, r, i = k[inside], r[inside], i[inside]
    if len(i):
        length = r + 1
        base = 3 * k * n
        np.maximum.at(out.reshape(-1), base + n + i, length)  # start
        np.maximum.at(out.reshape(-1), base + i + r, length)  # end
        inner = r > 0
        if inner.any():
            cnt = r[inner]
            starts = (base + 2 * n + i)[inner]
            total = int(cnt.sum())
            first = np.repeat(np.cumsum(cnt) - cnt, cnt)
            pos = np.repeat(starts, cnt) + (np.arange(total) - first)
            np.maximum.at(out.reshape(-1), pos, np.repeat(length[inner], cnt))
    return out


def word_hash(ids: list[int]) -> int:
    """Hash of a dictionary word (cluster ids) as ``span_flags`` computes it for a span."""
    length = len(ids)
    with np.errstate(over="ignore"):
        h = np.array([np.uint64(2) * _M3], dtype=np.uint64)  # seed of length-1 spans
        for x in ids:
            h = _mix(h, np.array([x], dtype=np.uint64))
        return int(_final(h ^ np.uint64(length))[0])


# --- gap features ----------------------------------------------------------------------------

# columns of the per-gap component matrix built in ``gap_features``
_COLS = [
    "zero",
    "L3",
    "L2",
    "L1",
    "R1",
    "R2",
    "R3",
    "sL2",
    "sL1",
    "sR1",
    "sR2",
    "eE",
    "sE",
    "cE",
    "eX",
    "sX",
    "cX",
    "eM",
    "sM",
    "cM",
    "dE",
    "dX",
    "dM",
    "dXE",
    "dXM",
    "dEM",
]
_TEMPLATES = [
    ("L1",),
    ("R1",),
    ("L2",),
    ("R2",),
    ("L2", "L1"),
    ("L1", "R1"),
    ("R1", "R2"),
    ("L2", "L1", "R1"),
    ("L1", "R1", "R2"),
    ("L3", "L2", "L1"),
    ("R1", "R2", "R3"),
    ("L2", "L1", "R1", "R2"),
    ("L3", "L2", "L1", "R1"),
    ("L1", "R1", "R2", "R3"),
    ("dE",),
    ("dX",),
    ("dM",),
    ("dXE",),
    ("dXM",),
    ("dEM",),
    ("eX", "R1"),
    ("sX", "L1"),
    ("cX", "L1", "R1"),
    ("eE", "R1"),
    ("sE", "L1"),
    ("eM", "R1"),
    ("sM", "L1"),
    ("sL1", "sR1"),
    ("sL2", "sL1", "sR1", "sR2"),
    ("dX", "L1"),
    ("dX", "R1"),
    ("L2", "R1"),
    ("L1", "R2"),
    ("dX", "L1", "R1"),
    ("dE", "L1", "R1"),
]
N_TEMPLATES = len(_TEMPLATES)
# bit width of each column: cluster ids < 2**13, shapes < 2**11, lengths < 2**4, ...
_WIDTH = {
    "zero": 1,
    "sL2": 11,
    "sL1": 11,
    "sR1": 11,
    "sR2": 11,
    "dE": 11,
    "dX": 11,
    "dM": 11,
    "dXE": 21,
    "dXM": 21,
    "dEM": 21,
}
MAX_ID = 1 << 13


def _layout() -> tuple[np.ndarray, np.ndarray]:
    cols, shifts = [], []
    for t in _TEMPLATES:
        pos = 0
        row_c, row_s = [], []
        for c in t:
            row_c.append(_COLS.index(c))
            row_s.append(pos)
            pos += _WIDTH.get(c, 13 if c[0] in "LR" else 4)
        assert pos <= 58, t
        row_c += [0] * (4 - len(t))
        row_s += [0] * (4 - len(t))
        cols.append(row_c)
        shifts.append(row_s)
    return np.array(cols, dtype=np.int64), np.array(shifts, dtype=np.uint64)


_TIDX, _TSHIFT = _layout()
_TKEY = (np.arange(N_TEMPLATES, dtype=np.uint64) << np.uint64(58))[None, :]
_OFFSETS = np.arange(-2, 4, dtype=np.int64)[None, :]


def gap_features(
    a: np.ndarray,
    shapes: np.ndarray,
    gaps: np.ndarray,
    table: np.ndarray,
    bits: int,
    fl: np.ndarray | None = None,
    n_templates: int = 0,
) -> np.ndarray:
    """Hashed feature indices, shape (len(gaps), N_TEMPLATES), for the gaps ``gaps`` (gap p is
    between clusters p and p+1 of the padded id sequence ``a``; ``shapes`` parallel to ``a``).
    ``fl``: ``span_flags(a, table)`` when the caller already has it (chunked scoring)."""
    if fl is None:
        fl = span_flags(a, table)
    fl = np.minimum(fl, MAXL)
    n = len(gaps)
    b = np.empty((n, len(_COLS)), dtype=np.uint64)
    pos = gaps[:, None] + _OFFSETS
    b[:, 0] = 0
    b[:, 1:7] = a[pos]
    b[:, 7:11] = shapes[pos[:, 1:5]]
    # rows of fl: (end, start, cross) x (external, corpus words, corpus morphemes); end and
    # cross are read at the left cluster of the gap, start at the right one
    d = fl[:, gaps].astype(np.uint64)
    d[1::3] = fl[1::3, gaps + 1]
    b[:, 11:20] = d.T
    m = np.uint64(MAXL + 1)
    d3 = (d[0::3] * m + d[1::3]) * m + d[2::3]  # dE, dX, dM
    b[:, 20:23] = d3.T
    b[:, 23:26] = (d3[[1, 1, 0]] * (m * m * m) + d3[[0, 2, 2]]).T  # dXE, dXM, dEM
    nt = n_templates or N_TEMPLATES  # a model trained with the first nt templates
    key = np.broadcast_to(_TKEY[:, :nt], (n, nt))
    for c in range(4):
        key = key | (b[:, _TIDX[:nt, c]] << _TSHIFT[None, :nt, c])
    with np.errstate(over="ignore"):
        key = (key ^ (key >> _S29)) * _M1
        return (key >> np.uint64(64 - bits)).astype(np.int64)
