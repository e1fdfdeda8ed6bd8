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


# Dictionary spans are hashed with a polynomial rolling hash (mod 2**64), so the hashes of all
# spans of all lengths come from one prefix sum instead of a loop over lengths; ``_final``
# then mixes in the length. ``word_hash`` computes the same value for one word.
_B = 0xD6E8FEB86659FD93  # odd, so invertible mod 2**64
_B_INV = pow(_B, -1, 1 << 64)
_LEN_MIX = (np.arange(1, MAXL + 1, dtype=np.uint64) * _M2)[None, :]
_LENGTHS = np.arange(1, MAXL + 1, dtype=np.int8)[None, :]
_SPAN = np.arange(MAXL, dtype=np.int64)[None, :]
_pow = np.ones(1, dtype=np.uint64)  # _B ** k
_ipow = np.ones(1, dtype=np.uint64)  # _B_INV ** k


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    global _pow, _ipow
    if len(_pow) < n:
        m = max(n, 2 * len(_pow), 4096)
        _pow = np.cumprod(np.r_[np.uint64(1), np.full(m - 1, _B, dtype=np.uint64)])
        _ipow = np.cumprod(np.r_[np.uint64(1), np.full(m - 1, _B_INV, dtype=np.uint64)])
    return _pow, _ipow


# Words ending at a cluster and words strictly spanning a gap are read from a per-list table
# ``lens[list, position, length - 1]`` (the length where a word of that length starts at that
# position, else 0) with one ``np.take``. Pairs (length - 1, distance back from the cluster):
# a word ends at j when it starts j - (length - 1); it strictly spans the gap right of j when it
# starts d <= length - 2 clusters before j.
_PAIRS = [(r, r) for r in range(MAXL)] + [(r, d) for r in range(1, MAXL) for d in range(r)]
_PAIR_OFF = np.array([r - d * MAXL for r, d in _PAIRS], dtype=np.int64)[:, None]


def span_flags(a: np.ndarray, table: np.ndarray) -> np.ndarray:
    """For the cluster-id sequence ``a`` (uint64, runs separated by PADs), per word list
    (external, corpus words, corpus morphemes): the longest dictionary word ending at each
    position, starting at each position, and strictly spanning each gap (gap i = between
    positions i and i+1). Returns an int64 array of shape (9, len(a)): rows (end, start,
    cross) x 3 lists. A span that runs over a PAD or past the end is never a word, so the
    result for a run does not depend on the runs around it."""
    n = len(a)
    if n == 0:
        return np.zeros((9, 0), dtype=np.int64)
    pw, ipw = _powers(n + MAXL + 1)
    pref = np.zeros(n + MAXL + 1, dtype=np.uint64)
    np.cumsum(a * ipw[:n], out=pref[1 : n + 1])
    pref[n + 1 :] = pref[n]
    ends = np.arange(1, n + 1)[:, None] + _SPAN  # (n, MAXL): one past the end of each span
    h = (pref[ends] - pref[:n, None]) * pw[ends - 1]
    flags = table[table_slot(_final(h ^ _LEN_MIX))]
    n_pad = np.zeros(n + MAXL + 1, dtype=np.int32)
    np.cumsum(a == PAD, out=n_pad[1 : n + 1])
    n_pad[n + 1 :] = n_pad[n] + 1  # past the end counts as padding
    flags[n_pad[ends] != n_pad[:n, None]] = 0
    # MAXL zero rows in front, so that looking back past the start reads 0
    lens = np.zeros((3, MAXL + n, MAXL), dtype=np.int8)
    lens[:, MAXL:] = ((flags[None] & _FLAG_BITS[:, None, None]) != 0) * _LENGTHS
    idx = np.arange(MAXL * MAXL, MAXL * (MAXL + n), MAXL)[None, :] + _PAIR_OFF
    got = np.take(lens.reshape(3, -1), idx, axis=1)  # (3, pairs, n)
    out = np.empty((3, 3, n), dtype=np.int64)
    out[:, 0] = got[:, :MAXL].max(axis=1)  # end
    out[:, 1] = lens[:, MAXL:].max(axis=2)  # start
    out[:, 2] = got[:, MAXL:].max(axis=1)  # cross
    return out.reshape(9, n)


def word_hash(ids: list[int]) -> int:
    """Hash of a dictionary word (cluster ids) as ``span_flags`` computes it for a span."""
    length = len(ids)
    mask = (1 << 64) - 1
    poly = 0
    for x in ids:
        poly = (poly * _B + x) & mask
    h = np.array([poly ^ ((length * int(_M2)) & mask)], dtype=np.uint64)
    return int(_final(h)[0])


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
_TKEY_COL = _TKEY.T.copy()  # (templates, 1)
_TSHIFT_COL = _TSHIFT[:, :, None]  # (templates, 4, 1)


def gap_features(
    a: np.ndarray,
    shapes: np.ndarray,
    gaps: np.ndarray,
    table: np.ndarray,
    bits: int,
    fl: np.ndarray | None = None,
    n_templates: int = 0,
    transposed: bool = False,
) -> np.ndarray:
    """Hashed feature indices, shape (len(gaps), N_TEMPLATES), for the gaps ``gaps`` (gap p is
    between clusters p and p+1 of the padded id sequence ``a``; ``shapes`` parallel to ``a``).
    ``fl``: ``span_flags(a, table)`` when the caller already has it (chunked scoring).
    ``transposed``: return the (N_TEMPLATES, len(gaps)) view instead (no copy)."""
    if fl is None:
        fl = span_flags(a, table)
    n = len(gaps)
    # components, one row each (see _COLS), one column per gap
    b = np.empty((len(_COLS), n), dtype=np.uint64)
    b[0] = 0
    pos = gaps[None, :] + _OFFSETS.T  # clusters L3 .. R3 of each gap
    b[1:7] = np.take(a, pos)
    b[7:11] = np.take(shapes, pos[1:5])
    # rows of fl: (end, start, cross) x (external, corpus words, corpus morphemes); end and
    # cross are read at the left cluster of the gap, start at the right one
    d = np.take(fl, gaps, axis=1).astype(np.uint64)
    d[1::3] = np.take(fl[1::3], gaps + 1, axis=1)
    b[11:20] = d
    m = np.uint64(MAXL + 1)
    d3 = (d[0::3] * m + d[1::3]) * m + d[2::3]  # dE, dX, dM
    b[20:23] = d3
    b[23:26] = d3[[1, 1, 0]] * (m * m * m) + d3[[0, 2, 2]]  # dXE, dXM, dEM
    nt = n_templates or N_TEMPLATES  # a model trained with the first nt templates
    key = _TKEY_COL[:nt] | (np.take(b, _TIDX[:nt, 0], axis=0) << _TSHIFT_COL[:nt, 0])
    for c in range(1, 4):
        key |= np.take(b, _TIDX[:nt, c], axis=0) << _TSHIFT_COL[:nt, c]
    key = (key ^ (key >> _S29)) * _M1
    key >>= np.uint64(64 - bits)
    out = key.astype(np.int64)
    return out if transposed else np.ascontiguousarray(out.T)
