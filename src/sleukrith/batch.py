"""Batch processing of many Khmer documents on Dask (``sleukrith batch``).

This module owns the corpus pipeline: reading inputs (JSONL, directories of .txt/.html files,
Parquet), cutting them into deterministic partitions, running :func:`process_document` over
every document on a ``dask.distributed`` cluster, writing one output shard per partition
(Parquet or JSONL), the errors file, resuming, and corpus-wide de-duplication (exact content
hash + datasketch MinHash LSH, Jaccard >= 0.8).

The per-document work is one pure function, :func:`process_document`, so the same code runs in
a plain loop, in tests and on a cluster::

    >>> row = process_document({"id": "a", "text": "សួស្តី ពិភពលោក។"}, steps=("dedup",))
    >>> row["id"], row["flags"]
    ('a', ['very_short'])

How the pieces fit (``run_batch``):

1. the client streams the input as *units* (a JSONL line, a file, a Parquet row) and cuts them
   into partitions of ``partition_size`` units (fewer when a partition reaches
   ``MAX_PARTITION_BYTES``); the same input and options always give the same partitions;
2. each partition is one Dask task (:func:`process_partition`, ``retries=``) whose arguments
   carry the raw units, so the workers need no access to the client's files and a task lost
   with a killed worker is simply run again elsewhere;
3. the client writes each result as soon as it arrives (temp file + rename, then a ``.done``
   marker), keeping at most a few partitions in flight (bounded memory);
4. with ``dedup``, every document's content hash and MinHash signature are kept in
   ``_work/``; after the last partition the client runs LSH over the whole corpus in input
   order (the first document of a group is kept, the others get ``duplicate_of``) and
   finalises each shard.

A rerun on the same OUTPUT skips every partition whose shard and marker exist.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import shutil
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from sleukrith.chars import dedup_key, khmer_ratio

#: The steps ``sleukrith batch`` knows, in the order they run.
STEPS: tuple[str, ...] = ("normalize", "words", "analyze", "dedup")
#: Documents longer than this are cut (at a cluster boundary) and flagged ``truncated``.
MAX_CHARS = 1_000_000
#: A partition is closed early when its raw input reaches this many bytes.
MAX_PARTITION_BYTES = 8 * 1024 * 1024
#: Text and HTML files larger than this go to the errors file instead of being read.
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Near-duplicate threshold (estimated Jaccard similarity of character 5-gram sets).
DEDUP_THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE = 5
#: Quality thresholds.
VERY_SHORT_CHARS = 100
LOW_KHMER = 0.5
NOISE_SHARE = 0.3

MANIFEST = "_batch.json"
WORK = "_work"
ERRORS = "errors.jsonl"

_ENTITY = pa.struct(
    [
        ("label", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
        ("value", pa.string()),  # JSON (its shape depends on the label)
    ]
)

#: Columns of every output shard (columns of steps that did not run are null).
SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("position", pa.int64()),
        ("text", pa.string()),
        ("n_chars", pa.int64()),
        ("khmer_ratio", pa.float64()),
        ("words", pa.list_(pa.string())),
        ("n_words", pa.int64()),
        ("n_sentences", pa.int64()),
        ("title", pa.string()),
        ("date", pa.string()),
        ("entities", pa.list_(_ENTITY)),
        ("record", pa.string()),  # JSON object (Document.to_dict()["record"])
        ("flags", pa.list_(pa.string())),
        ("content_hash", pa.string()),
        ("duplicate_of", pa.string()),
    ]
)

_SIG_SCHEMA = pa.schema(
    [
        ("row", pa.int64()),
        ("id", pa.string()),
        ("hash", pa.string()),
        ("minhash", pa.binary(NUM_PERM * 4)),
    ]
)


class BatchError(Exception):
    """A problem with the job as a whole (bad INPUT, OUTPUT made with other options...)."""


class BadRecord(ValueError):
    """One input document that cannot be processed; its message is the reason."""


# --- per-document work ------------------------------------------------------------------------


def check_steps(steps: Iterable[str]) -> tuple[str, ...]:
    """Validate step names and return them in pipeline order.

    >>> check_steps(["dedup", "normalize"])
    ('normalize', 'dedup')
    """
    if isinstance(steps, str):
        steps = [s for s in steps.split(",") if s.strip()]
    wanted = {s.strip() for s in steps}
    unknown = sorted(wanted - set(STEPS))
    if unknown:
        raise ValueError(f"unknown step(s) {', '.join(unknown)}; choose from {', '.join(STEPS)}")
    return tuple(s for s in STEPS if s in wanted)


def content_hash(text: str) -> str:
    """Hex digest identifying the content of ``text`` for exact de-duplication.

    >>> content_hash("ក  ខ") == content_hash("ក ខ")
    True
    """
    return hashlib.blake2b(dedup_key(text).encode("utf-8"), digest_size=16).hexdigest()


_PERMUTATIONS: Any = None


def _identity(x: int) -> int:
    return x


def _permutations() -> Any:
    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        from datasketch import MinHash

        _PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1).permutations
    return _PERMUTATIONS


def _minhash(values: np.ndarray | None = None) -> Any:
    from datasketch import MinHash

    return MinHash(
        num_perm=NUM_PERM,
        hashfunc=_identity,
        hashvalues=values,
        permutations=_permutations(),
        scheme="affine32",
    )


def shingle_hashes(text: str, k: int = SHINGLE) -> np.ndarray:
    """Distinct 32-bit hashes of the character ``k``-grams of ``dedup_key(text)``.

    >>> len(shingle_hashes("abcabcabc", k=3))
    3
    """
    key = dedup_key(text)
    if not key:
        return np.zeros(0, dtype=np.uint32)
    cps = np.frombuffer(key.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(cps) < k:
        k = len(cps)
    n = len(cps) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    mult = np.uint64(0x100000001B3)
    for i in range(k):  # polynomial rolling hash, wrapping in 64 bits
        h = h * mult + cps[i : i + n]
    h ^= h >> np.uint64(29)
    return np.unique((h & np.uint64(0xFFFFFFFF)).astype(np.uint32))


def minhash_signature(text: str) -> np.ndarray:
    """MinHash (datasketch, affine32, 128 permutations) of the character 5-grams of ``text``.

    >>> a = minhash_signature("ក" * 50 + "ខគឃង")
    >>> a.dtype, a.shape
    (dtype('uint32'), (128,))
    """
    mh = _minhash()
    shingles = shingle_hashes(text)
    for start in range(0, len(shingles), 4096):  # bounded temporary (4096 x 128)
        mh.update_batch(shingles[start : start + 4096].tolist())
    return np.asarray(mh.hashvalues, dtype=np.uint32)


_NOISE_EXTRA = frozenset("<>{}[]|\\=_~^#*@\ufffd")
_INVISIBLE_RE = re.compile(r"[\s\u200b]+")
# runs of characters that are never noise (Khmer letters, signs and punctuation, ASCII letters,
# digits, common punctuation): removed before the per-character check, which is then short
_PLAIN_RE = re.compile(r"[\u1780-\u17dd\u17e0-\u17e9\u17f0-\u17f9A-Za-z0-9.,;:!?'\"()/%&\-]+")


def _is_noise(ch: str) -> bool:
    if ch in _NOISE_EXTRA:
        return True
    cat = unicodedata.category(ch)
    if cat == "Cf":
        return ch not in "\u200b\u200c\u200d\ufeff"
    return cat[0] == "C" or cat in ("So", "Sk", "Sm")


def quality_flags(text: str, ratio: float | None = None) -> list[str]:
    """Quality flags of a document's text: empty, very_short, low_khmer, mostly_noise, truncated.

    ``ratio`` is ``khmer_ratio(text)`` when the caller has it already. ``truncated`` here means
    the text ends inside a cluster (a dangling COENG); documents cut at ``max_chars`` get it
    from :func:`process_document`.

    >>> quality_flags("")
    ['empty']
    >>> quality_flags("hello world")
    ['very_short', 'low_khmer']
    """
    visible = _INVISIBLE_RE.sub("", text)
    if not visible:
        return ["empty"]
    flags = []
    if len(visible) < VERY_SHORT_CHARS:
        flags.append("very_short")
    if (khmer_ratio(text) if ratio is None else ratio) < LOW_KHMER:
        flags.append("low_khmer")
    rest = _PLAIN_RE.sub("", visible)
    if rest and sum(1 for c in rest if _is_noise(c)) > NOISE_SHARE * len(visible):
        flags.append("mostly_noise")
    if visible[-1] == "\u17d2":
        flags.append("truncated")
    return flags


def _cut(text: str, limit: int) -> str:
    """``text[:limit]`` moved back so it does not split a Khmer cluster."""
    end = limit
    while end > 0 and (
        unicodedata.combining(text[end])
        or "\u17b4" <= text[end] <= "\u17d3"
        or text[end - 1] == "\u17d2"
    ):
        end -= 1
    return text[: end or limit]


def html_to_text(html: str) -> str:
    """Main text of an HTML page (trafilatura), or '' when nothing is extracted."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True) or ""


def _jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_jsonable)


def _empty_row(record: dict) -> dict:
    return {
        "id": record.get("id"),
        "source": record.get("source"),
        "position": record.get("position"),
        "text": "",
        "n_chars": 0,
        "khmer_ratio": 0.0,
        "words": None,
        "n_words": None,
        "n_sentences": None,
        "title": None,
        "date": None,
        "entities": None,
        "record": None,
        "flags": [],
        "content_hash": None,
        "duplicate_of": None,
    }


def process_document(
    record: dict, steps: Sequence[str] = STEPS, *, max_chars: int = MAX_CHARS
) -> dict:
    """Run ``steps`` over one document and return its output row (columns of :data:`SCHEMA`).

    ``record`` has ``id`` and ``text`` (or ``html``, extracted with trafilatura), optionally
    ``source`` and ``position``. Offsets (entities) point into the row's ``text``, which is the
    normalized text when ``normalize`` runs. A step that raises does not lose the document: the
    row gets a ``failed:<step>`` flag and the reason is listed under ``"_step_errors"``. With
    ``dedup`` the row carries ``"_minhash"`` (uint32[128]) for the corpus-wide pass.

    Raises :class:`BadRecord` when the record has no usable text.

    >>> row = process_document({"id": "x", "text": "ក  ខ"}, steps=())
    >>> row["text"], row["n_chars"]
    ('ក  ខ', 4)
    """
    if not isinstance(record, dict):
        raise BadRecord(f"record must be an object, not {type(record).__name__}")
    steps = check_steps(steps)
    row = _empty_row(record)
    step_errors: list[str] = []
    if "text" in record:
        text = record["text"]
        if not isinstance(text, str):
            raise BadRecord(f"'text' is {type(text).__name__}, not a string")
    elif isinstance(record.get("html"), str):
        try:
            text = html_to_text(record["html"])
        except Exception as exc:  # noqa: BLE001 - a broken page must not stop the job
            raise BadRecord(f"HTML extraction failed: {type(exc).__name__}: {exc}") from exc
    else:
        raise BadRecord("missing 'text'")
    flags: list[str] = []
    if len(text) > max_chars:
        text = _cut(text, max_chars)
        flags.append("truncated")

    if "normalize" in steps:
        try:
            from sleukrith.normalize import normalize

            text = normalize(text)
        except Exception as exc:  # noqa: BLE001
            flags.append("failed:normalize")
            step_errors.append(f"normalize: {type(exc).__name__}: {exc}")
    row["text"] = text
    row["n_chars"] = len(text)
    row["khmer_ratio"] = khmer_ratio(text)

    if "words" in steps:
        try:
            from sleukrith.segment import sentence_spans, words

            ws = words(text)
            row["words"] = ws
            row["n_words"] = sum(1 for w in ws if any(c.isalnum() for c in w))
            row["n_sentences"] = len(sentence_spans(text))
        except Exception as exc:  # noqa: BLE001
            flags.append("failed:words")
            step_errors.append(f"words: {type(exc).__name__}: {exc}")

    if "analyze" in steps:
        try:
            from sleukrith.document import analyze

            d = analyze(text).to_dict()
            title, date = d.get("title"), d.get("date")
            row["title"] = None if title is None else str(title)
            row["date"] = None if date is None else _jsonable(date)
            row["entities"] = [
                {
                    "label": e["label"],
                    "start": e["start"],
                    "end": e["end"],
                    "text": e["text"],
                    "value": _dumps(e.get("value")),
                }
                for e in d.get("entities") or []
            ]
            rec = d.get("record")
            row["record"] = None if rec is None else _dumps(rec)
            if row["n_sentences"] is None:
                row["n_sentences"] = len(d.get("sentences") or [])
        except Exception as exc:  # noqa: BLE001
            flags.append("failed:analyze")
            step_errors.append(f"analyze: {type(exc).__name__}: {exc}")

    for flag in quality_flags(text, row["khmer_ratio"]):
        if flag not in flags:
            flags.append(flag)
    row["flags"] = flags
    row["content_hash"] = content_hash(text)
    if "dedup" in steps and "empty" not in flags:
        row["_minhash"] = minhash_signature(text)
    if step_errors:
        row["_step_errors"] = step_errors
    return row


# --- input units -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unit:
    """One input document as read by the client: a JSONL line, a file or a Parquet row."""

    source: str
    position: int | None  # JSONL: 1-based line; Parquet: 0-based row; files: None
    kind: str  # "jsonl" | "txt" | "html" | "row" | "error"
    payload: Any  # bytes (jsonl/txt/html), (id, text) (row), reason (error)

    def size(self) -> int:
        if isinstance(self.payload, bytes | str):
            return len(self.payload)
        if self.kind == "row" and isinstance(self.payload[1], str):
            return len(self.payload[1]) * 3
        return 64


_JSONL = (".jsonl", ".ndjson", ".json")
_TEXT = (".txt",)
_HTML = (".html", ".htm")
_PARQUET = (".parquet", ".pq")


def _kind_of(path: Path) -> str | None:
    name = path.name.lower()
    for exts, kind in ((_JSONL, "jsonl"), (_TEXT, "txt"), (_HTML, "html"), (_PARQUET, "parquet")):
        if name.endswith(exts):
            return kind
    return None


def input_files(input_path: str | os.PathLike) -> list[tuple[Path, str, str]]:
    """The input files in processing order: ``(path, source name, kind)``.

    A file is taken as is (by extension); a directory is walked recursively in sorted order,
    skipping hidden entries and unknown extensions; a glob pattern (``data/*.jsonl``, quoted
    so the shell leaves it alone) gives its matching files in sorted order.
    """
    root = Path(input_path)
    if not root.exists() and any(ch in str(input_path) for ch in "*?["):
        matches = [Path(p) for p in sorted(glob.glob(str(input_path), recursive=True))]
        found = []
        for path in matches:
            kind = _kind_of(path)
            if kind is not None and path.is_file():
                found.append((path, path.as_posix(), kind))
        if not found:
            raise BatchError(f"{input_path}: no input file matches")
        return found
    if not root.exists():
        raise BatchError(f"{input_path}: no such file or directory")
    if root.is_file():
        kind = _kind_of(root)
        if kind is None:
            raise BatchError(
                f"{input_path}: unknown input type (use .jsonl, .txt, .html or .parquet, "
                "or a directory of them)"
            )
        return [(root, root.name, kind)]
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath, name)
            kind = _kind_of(path)
            if kind is not None:
                found.append((path, path.relative_to(root).as_posix(), kind))
    return found


def _parquet_columns(path: Path) -> tuple[str | None, str]:
    names = pq.ParquetFile(path).schema_arrow.names
    if "text" not in names:
        raise BatchError(f"{path}: Parquet input needs a 'text' column (has {', '.join(names)})")
    return ("id" if "id" in names else None), "text"


def iter_units(input_path: str | os.PathLike) -> Iterator[Unit]:
    """Stream the input's units in order (bounded memory: one line, file or row batch)."""
    for path, source, kind in input_files(input_path):
        if kind == "jsonl":
            with open(path, "rb") as stream:
                for lineno, raw in enumerate(stream, 1):
                    if raw.strip():
                        yield Unit(source, lineno, "jsonl", raw)
        elif kind in ("txt", "html"):
            try:
                size = path.stat().st_size
                if size > MAX_FILE_BYTES:
                    yield Unit(source, None, "error", f"file larger than {MAX_FILE_BYTES} bytes")
                    continue
                yield Unit(source, None, kind, path.read_bytes())
            except OSError as exc:
                yield Unit(source, None, "error", f"cannot read: {exc.strerror or exc}")
        else:
            id_col, text_col = _parquet_columns(path)
            cols = [c for c in (id_col, text_col) if c]
            row = 0
            for batch in pq.ParquetFile(path).iter_batches(batch_size=1024, columns=cols):
                texts = batch.column(text_col).to_pylist()
                ids = batch.column(id_col).to_pylist() if id_col else [None] * len(texts)
                for id_, text in zip(ids, texts, strict=True):
                    yield Unit(source, row, "row", (id_, text))
                    row += 1


def count_units(input_path: str | os.PathLike) -> int:
    """How many units :func:`iter_units` will yield (for the progress bar), read cheaply."""
    total = 0
    for path, _source, kind in input_files(input_path):
        if kind == "jsonl":
            with open(path, "rb") as stream:
                total += sum(1 for raw in stream if raw.strip())
        elif kind == "parquet":
            total += pq.ParquetFile(path).metadata.num_rows
        else:
            total += 1
    return total


def plan_partitions(
    units: Iterable[Unit], partition_size: int, max_bytes: int = MAX_PARTITION_BYTES
) -> Iterator[list[Unit]]:
    """Cut the unit stream into partitions: ``partition_size`` units, or fewer once the raw
    input of the partition reaches ``max_bytes``. Deterministic for the same input."""
    if partition_size < 1:
        raise ValueError("partition_size must be >= 1")
    part: list[Unit] = []
    size = 0
    for unit in units:
        part.append(unit)
        size += unit.size()
        if len(part) >= partition_size or size >= max_bytes:
            yield part
            part, size = [], 0
    if part:
        yield part


_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.I)


def _decode(data: bytes, kind: str) -> str:
    if b"\x00" in data:
        raise BadRecord("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if kind == "html":
            m = _META_CHARSET.search(data[:4096])
            if m:
                try:
                    return data.decode(m.group(1).decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    pass
        raise BadRecord(f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc


def parse_unit(unit: Unit) -> dict:
    """The record (``id``, ``text`` or ``html``, ``source``, ``position``) of one unit.

    Raises :class:`BadRecord` with the reason for invalid JSON, non-UTF-8 bytes, a missing or
    non-string ``text``.
    """
    base = {"source": unit.source, "position": unit.position}
    if unit.kind == "error":
        raise BadRecord(unit.payload)
    if unit.kind in ("txt", "html"):
        text = _decode(unit.payload, unit.kind)
        key = "html" if unit.kind == "html" else "text"
        return {"id": unit.source, key: text, **base}
    if unit.kind == "row":
        id_, text = unit.payload
    else:
        try:
            line = unit.payload.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise BadRecord(f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadRecord(f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
        if not isinstance(obj, dict):
            raise BadRecord(f"JSON line is {type(obj).__name__}, not an object")
        if "text" not in obj:
            raise BadRecord("missing 'text'")
        id_, text = obj.get("id"), obj["text"]
    if text is None:
        raise BadRecord("missing 'text' (null)")
    if not isinstance(text, str):
        raise BadRecord(f"'text' is {type(text).__name__}, not a string")
    if id_ is None:
        id_ = f"{unit.source}:{unit.position}"
    elif isinstance(id_, bool) or not isinstance(id_, str | int | float):
        raise BadRecord(f"'id' is {type(id_).__name__}, not a string or number")
    return {"id": str(id_), "text": text, **base}


# --- one partition (runs on a worker) ----------------------------------------------------------


@dataclass
class PartitionResult:
    """What a worker sends back for one partition."""

    index: int
    table: pa.Table
    signatures: pa.Table | None
    errors: list[dict]
    n_units: int
    n_chars: int


def _error(unit: Unit, reason: str, stage: str, id_: str | None = None) -> dict:
    err: dict[str, Any] = {"source": unit.source}
    if unit.kind == "jsonl":
        err["line"] = unit.position
    elif unit.kind == "row":
        err["row"] = unit.position
    if id_ is not None:
        err["id"] = id_
    err["stage"] = stage
    err["reason"] = reason
    return err


def process_partition(
    index: int, units: Sequence[Unit], steps: Sequence[str], max_chars: int = MAX_CHARS
) -> PartitionResult:
    """Parse and process every unit of one partition; bad units become error entries."""
    steps = check_steps(steps)
    rows: list[dict] = []
    errors: list[dict] = []
    sig_rows: list[int] = []
    sig_ids: list[str] = []
    sig_hashes: list[str] = []
    sig_values: list[bytes] = []
    n_chars = 0
    for unit in units:
        try:
            record = parse_unit(unit)
        except BadRecord as exc:
            errors.append(_error(unit, str(exc), "read"))
            continue
        try:
            row = process_document(record, steps, max_chars=max_chars)
        except BadRecord as exc:
            errors.append(_error(unit, str(exc), "read", record.get("id")))
            continue
        except Exception as exc:  # noqa: BLE001 - one document must never stop the job
            errors.append(_error(unit, f"{type(exc).__name__}: {exc}", "process", record["id"]))
            continue
        for reason in row.pop("_step_errors", ()):
            errors.append(_error(unit, reason, reason.split(":", 1)[0], row["id"]))
        sig = row.pop("_minhash", None)
        if sig is not None:
            sig_rows.append(len(rows))
            sig_ids.append(row["id"])
            sig_hashes.append(row["content_hash"])
            sig_values.append(sig.astype("<u4").tobytes())
        n_chars += row["n_chars"]
        rows.append(row)
    table = pa.Table.from_pylist(rows, schema=SCHEMA)
    signatures = None
    if "dedup" in steps:
        signatures = pa.Table.from_arrays(
            [
                pa.array(sig_rows, pa.int64()),
                pa.array(sig_ids, pa.string()),
                pa.array(sig_hashes, pa.string()),
                pa.array(sig_values, pa.binary(NUM_PERM * 4)),
            ],
            schema=_SIG_SCHEMA,
        )
    return PartitionResult(index, table, signatures, errors, len(units), n_chars)


# --- corpus-wide de-duplication (client) -------------------------------------------------------


def find_duplicates(
    signature_tables: Iterable[tuple[int, pa.Table]], threshold: float = DEDUP_THRESHOLD
) -> tuple[dict[tuple[int, int], str], int, int]:
    """``{(partition, row): kept id}`` for every duplicate, visiting documents in input order.

    A document is an exact duplicate when its content hash was seen before, a near duplicate
    when MinHash LSH finds an earlier *kept* document with estimated Jaccard >= ``threshold``
    (the earliest such one wins, so the result does not depend on LSH bucket order). Returns
    the map and the numbers of exact and near duplicates.
    """
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    exact: dict[str, str] = {}
    kept_sigs: list[np.ndarray] = []
    kept_ids: list[str] = []
    dups: dict[tuple[int, int], str] = {}
    n_exact = n_near = 0
    need = int(np.ceil(threshold * NUM_PERM - 1e-9))
    for part, table in signature_tables:
        rows = table.column("row").to_pylist()
        ids = table.column("id").to_pylist()
        hashes = table.column("hash").to_pylist()
        values = table.column("minhash").to_pylist()
        for row, id_, digest, raw in zip(rows, ids, hashes, values, strict=True):
            if digest in exact:
                dups[(part, row)] = exact[digest]
                n_exact += 1
                continue
            sig = np.frombuffer(raw, dtype="<u4").astype(np.uint32)
            mh = _minhash(sig)
            best = None
            for cand in lsh.query(mh):
                if (best is None or cand < best) and np.count_nonzero(
                    kept_sigs[cand] == sig
                ) >= need:
                    best = cand
            if best is not None:
                dups[(part, row)] = exact[digest] = kept_ids[best]
                n_near += 1
                continue
            exact[digest] = id_
            lsh.insert(len(kept_ids), mh, check_duplication=False)
            kept_sigs.append(sig)
            kept_ids.append(id_)
    return dups, n_exact, n_near


# --- output ------------------------------------------------------------------------------------


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _write_jsonl(table: pa.Table, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for row in table.to_pylist():
            if row["record"] is not None:
                row["record"] = json.loads(row["record"])
            for ent in row["entities"] or ():
                ent["value"] = json.loads(ent["value"])
            out.write(json.dumps(row, ensure_ascii=False))
            out.write("\n")


def _write_shard(table: pa.Table, path: Path, fmt: str) -> None:
    if fmt == "parquet":
        _atomic_write(path, lambda p: pq.write_table(table, p, compression="zstd"))
    else:
        _atomic_write(path, lambda p: _write_jsonl(table, p))


def _write_rows_jsonl(rows: Iterable[dict], path: Path) -> None:
    def write(p: Path) -> None:
        with open(p, "w", encoding="utf-8", newline="\n") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False))
                out.write("\n")

    _atomic_write(path, write)


def _touch(path: Path) -> None:
    _atomic_write(path, lambda p: p.write_text("ok\n"))


def iter_output(output: str | os.PathLike) -> Iterator[dict]:
    """Rows of a finished OUTPUT directory in input order (Parquet or JSONL shards).

    In Parquet shards ``record`` and entity ``value`` are JSON strings; in JSONL shards objects.
    """
    out = Path(output)
    for path in sorted(out.glob("part-*")):
        if path.suffix == ".parquet":
            yield from pq.read_table(path).to_pylist()
        elif path.suffix == ".jsonl":
            with open(path, encoding="utf-8") as stream:
                for line in stream:
                    yield json.loads(line)


# --- the driver --------------------------------------------------------------------------------


@dataclass
class BatchSummary:
    """What a run did (also stored in OUTPUT/_batch.json)."""

    output: str
    format: str
    steps: list[str]
    partitions: int = 0
    partitions_skipped: int = 0
    documents: int = 0
    errors: int = 0
    chars: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    workers: int = 0
    seconds: float = 0.0
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


@contextmanager
def _connect(workers: int | None, scheduler: str | None, client: Any) -> Iterator[Any]:
    if client is not None:
        yield client
        return
    import logging

    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as c:
            yield c
        return
    import dask

    n = workers or os.cpu_count() or 1
    # Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536 (to hand freed memory back
    # quickly); for this allocation-heavy pure-Python work it made workers ~30% slower here,
    # and partitions are bounded anyway, so local workers keep glibc's default
    with (
        dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}),
        LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def _manifest_options(steps: tuple[str, ...], fmt: str, partition_size: int, max_chars: int):
    return {
        "steps": list(steps),
        "format": fmt,
        "partition_size": partition_size,
        "max_chars": max_chars,
        "max_partition_bytes": MAX_PARTITION_BYTES,
        "version": 1,
    }


def input_fingerprint(files: Sequence[tuple[Path, str, str]]) -> str:
    """A digest of the input files' names, sizes and modification times (resume checks it)."""
    h = hashlib.blake2b(digest_size=16)
    for path, source, kind in files:
        st = path.stat()
        h.update(f"{source}\0{kind}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _check_manifest(out: Path, options: dict) -> None:
    path = out / MANIFEST
    if path.exists():
        try:
            old = json.loads(path.read_text(encoding="utf-8")).get("options")
        except (OSError, ValueError) as exc:
            raise BatchError(f"{path}: unreadable ({exc}); remove it or use a new OUTPUT") from exc
        if old is not None and old.get("input") != options["input"]:
            raise BatchError(
                f"INPUT changed since the run that made {out} (files, sizes or times differ); "
                "use a new OUTPUT directory or remove this one to start over"
            )
        if old != options:
            diff = ", ".join(k for k in options if old is None or old.get(k) != options[k])
            raise BatchError(
                f"{out} holds a run with other options ({diff}); use a new OUTPUT directory "
                "or remove this one to start over"
            )
    elif any(out.glob("part-*")):
        raise BatchError(f"{out} has shards but no {MANIFEST}; use an empty OUTPUT directory")
    _atomic_write(
        path,
        lambda p: p.write_text(json.dumps({"options": options}, indent=1), encoding="utf-8"),
    )


class _Paths:
    def __init__(self, out: Path, fmt: str):
        self.out, self.fmt, self.work = out, fmt, out / WORK

    def shard(self, k: int) -> Path:
        return self.out / f"part-{k:05d}.{self.fmt}"

    def done(self, k: int) -> Path:
        return self.out / f"part-{k:05d}.done"

    def interim(self, k: int) -> Path:
        return self.work / f"part-{k:05d}.parquet"

    def sig(self, k: int) -> Path:
        return self.work / f"part-{k:05d}.sig.parquet"

    def errors(self, k: int) -> Path:
        return self.work / f"part-{k:05d}.errors.jsonl"

    def work_done(self, k: int) -> Path:
        return self.work / f"part-{k:05d}.done"

    def final_done(self, k: int) -> bool:
        return self.shard(k).exists() and self.done(k).exists()


@contextmanager
def _forget_if_nothing_written(out: Path, created: bool) -> Iterator[None]:
    """When a run that created OUTPUT fails before writing anything (no scheduler, say),
    remove OUTPUT again instead of leaving an empty directory behind."""
    try:
        yield
    except BaseException:
        if created and not any(
            p.is_file() and p.name != MANIFEST for p in out.rglob("*")
        ):
            shutil.rmtree(out, ignore_errors=True)
        raise


def run_batch(
    input_path: str | os.PathLike,
    output: str | os.PathLike,
    *,
    steps: Sequence[str] | str = STEPS,
    fmt: str = "parquet",
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    partition_size: int = 500,
    max_chars: int = MAX_CHARS,
    progress: bool = False,
    retries: int = 2,
    in_flight: int | None = None,
    on_partition: Callable[[int, Any], None] | None = None,
) -> BatchSummary:
    """Process every document of ``input_path`` into shards in ``output`` on a Dask cluster.

    ``client`` (a ``distributed.Client``) wins over ``scheduler`` (an address such as
    ``tcp://host:8786``), which wins over a fresh ``LocalCluster`` of ``workers`` processes.
    ``on_partition(index, client)`` is called after each partition is written (tests use it).

    >>> run_batch("corpus.jsonl", "out/", workers=2)          # doctest: +SKIP
    BatchSummary(output='out/', format='parquet', ..., documents=1000, errors=2, ...)
    """
    started = time.perf_counter()
    steps = check_steps(steps)
    if fmt not in ("parquet", "jsonl"):
        raise ValueError("fmt must be 'parquet' or 'jsonl'")
    if partition_size < 1:
        raise ValueError("partition_size must be >= 1")
    files = input_files(input_path)  # validates INPUT early
    for path, _source, kind in files:
        if kind == "parquet":
            _parquet_columns(path)
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise BatchError(f"OUTPUT {out} is a file: give a directory (it is created if missing)")
    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    paths = _Paths(out, fmt)
    paths.work.mkdir(exist_ok=True)
    options = _manifest_options(steps, fmt, partition_size, max_chars)
    options["input"] = input_fingerprint(files)
    _check_manifest(out, options)
    dedup = "dedup" in steps
    summary = BatchSummary(output=str(out), format=fmt, steps=list(steps))

    def pass1_needed(k: int) -> bool:
        if paths.work_done(k).exists():
            return False
        return not paths.final_done(k) or dedup  # the dedup pass needs every signature

    total_units = count_units(input_path) if progress else 0
    bar = _Progress(total_units, progress)
    with _forget_if_nothing_written(out, created), _connect(workers, scheduler, client) as c, bar:
        from distributed import as_completed

        summary.workers = len(c.scheduler_info().get("workers", {}))
        summary.extra["startup_seconds"] = round(time.perf_counter() - started, 3)

        def window() -> int:
            # twice the worker threads, so none waits for input; follows workers joining
            return in_flight or max(2, 2 * sum(c.nthreads().values()) + 1)

        pending = as_completed()
        submitted: dict[Any, tuple[int, list[Unit], int]] = {}

        def submit(k: int, units: list[Unit], attempt: int = 0) -> None:
            fut = c.submit(
                process_partition,
                k,
                units,
                steps,
                max_chars,
                retries=retries,
                pure=False,
                key=f"sleukrith-batch-{k:05d}-{uuid.uuid4().hex}",
            )
            submitted[fut] = (k, units, attempt)
            pending.add(fut)

        def handle(fut: Any) -> None:
            from distributed import KilledWorker

            k, units, attempt = submitted.pop(fut)
            try:
                result: PartitionResult = fut.result()
            except KilledWorker:
                # the workers running this partition kept dying: find the document that
                # kills them by running each one as its own task
                fut.release()
                result = _rescue(c, k, units, steps, max_chars, retries)
            except Exception as exc:
                fut.release()
                if attempt < 2:
                    submit(k, units, attempt + 1)
                    return
                raise BatchError(f"partition {k} failed: {type(exc).__name__}: {exc}") from exc
            else:
                fut.release()
            _store_pass1(paths, result, fmt, dedup, already_final=paths.final_done(k))
            bar.advance(result.n_units, len(result.table))
            if on_partition is not None:
                on_partition(k, c)

        n_parts = 0
        for k, units in enumerate(plan_partitions(iter_units(input_path), partition_size)):
            n_parts += 1
            if not pass1_needed(k):
                summary.partitions_skipped += 1
                bar.advance(len(units), 0)
                continue
            submit(k, units)
            del units
            limit = window()
            while len(submitted) >= limit:
                handle(next(pending))
        for fut in pending:
            handle(fut)
        summary.partitions = n_parts

    dedup_started = time.perf_counter()
    if dedup:
        bar.status("finding duplicates across the corpus")
        dups, summary.exact_duplicates, summary.near_duplicates = find_duplicates(
            (k, pq.read_table(paths.sig(k))) for k in range(n_parts)
        )
        for k in range(n_parts):
            if paths.final_done(k):
                continue
            table = pq.read_table(paths.interim(k))
            column = [dups.get((k, i)) for i in range(len(table))]
            table = table.set_column(
                table.schema.get_field_index("duplicate_of"),
                "duplicate_of",
                pa.array(column, pa.string()),
            )
            _write_shard(table, paths.shard(k), fmt)
            _touch(paths.done(k))
            paths.interim(k).unlink(missing_ok=True)

    summary.extra["dedup_seconds"] = round(time.perf_counter() - dedup_started, 3)

    # totals and the errors file, from the per-partition records (also right after a resume)
    def concat_errors(tmp: Path) -> None:
        with open(tmp, "wb") as dest:
            for k in range(n_parts):
                if paths.errors(k).exists():
                    with open(paths.errors(k), "rb") as src:
                        for line in src:
                            dest.write(line)
                            summary.errors += 1

    _atomic_write(out / ERRORS, concat_errors)
    for k in range(n_parts):
        docs, chars = _partition_counts(paths, k, fmt)
        summary.documents += docs
        summary.chars += chars
    for stale in out.glob("part-*"):  # shards of a longer earlier input never linger
        m = re.match(r"part-(\d+)\.", stale.name)
        if m and int(m.group(1)) >= n_parts:
            stale.unlink()
    summary.seconds = round(time.perf_counter() - started, 3)
    manifest = {"options": options, "complete": True, "summary": summary.to_dict()}
    _atomic_write(
        out / MANIFEST,
        lambda p: p.write_text(json.dumps(manifest, indent=1, ensure_ascii=False)),
    )
    return summary


def _rescue(
    client: Any,
    k: int,
    units: Sequence[Unit],
    steps: tuple[str, ...],
    max_chars: int,
    retries: int,
) -> PartitionResult:
    """Process a partition whose task killed its workers one document per task; a document
    whose own task still kills workers goes to the errors file instead of stopping the job."""
    from distributed import KilledWorker

    def submit(i: int, unit: Unit) -> Any:
        return client.submit(
            process_partition,
            k,
            [unit],
            steps,
            max_chars,
            retries=retries,
            pure=False,
            key=f"sleukrith-batch-{k:05d}-u{i:05d}-{uuid.uuid4().hex}",
        )

    def outcome(i: int, unit: Unit, fut: Any) -> PartitionResult | None:
        try:
            return fut.result()
        except KilledWorker:
            return None
        except Exception as exc:  # noqa: BLE001
            return _failed_unit(k, unit, f"{type(exc).__name__}: {exc}")
        finally:
            fut.release()

    futures = [submit(i, unit) for i, unit in enumerate(units)]
    parts = [outcome(i, u, f) for i, (u, f) in enumerate(zip(units, futures, strict=True))]
    for i, unit in enumerate(units):
        if parts[i] is None:
            # it may only have shared a worker with the culprit: run it alone to be sure
            parts[i] = outcome(i, unit, submit(i, unit)) or _failed_unit(
                k, unit, "the worker process died on this document (crash or out of memory)"
            )
    tables, sigs, errors, offset = [], [], [], 0
    for part in parts:
        tables.append(part.table)
        if part.signatures is not None:
            rows = pc.add(part.signatures.column("row"), offset)
            sigs.append(part.signatures.set_column(0, "row", rows))
        errors.extend(part.errors)
        offset += len(part.table)
    signatures = pa.concat_tables(sigs) if "dedup" in steps else None
    return PartitionResult(
        k,
        pa.concat_tables(tables),
        signatures,
        errors,
        len(units),
        sum(p.n_chars for p in parts),
    )


def _failed_unit(k: int, unit: Unit, reason: str) -> PartitionResult:
    return PartitionResult(
        k,
        SCHEMA.empty_table(),
        _SIG_SCHEMA.empty_table(),
        [_error(unit, reason, "process")],
        1,
        0,
    )


def _partition_counts(paths: _Paths, k: int, fmt: str) -> tuple[int, int]:
    try:
        counts = json.loads(paths.work_done(k).read_text(encoding="utf-8"))
        return int(counts["documents"]), int(counts["chars"])
    except (OSError, ValueError, KeyError, TypeError):
        return _count_shard(paths.shard(k), fmt)


def _count_shard(path: Path, fmt: str) -> tuple[int, int]:
    if not path.exists():
        return 0, 0
    if fmt == "parquet":
        t = pq.read_table(path, columns=["n_chars"])
        return len(t), int(pc.sum(t.column("n_chars")).as_py() or 0)
    docs = chars = 0
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            docs += 1
            chars += json.loads(line)["n_chars"]
    return docs, chars


def _store_pass1(
    paths: _Paths, result: PartitionResult, fmt: str, dedup: bool, already_final: bool
) -> None:
    k = result.index
    _write_rows_jsonl(result.errors, paths.errors(k))
    if dedup:
        sigs = result.signatures if result.signatures is not None else _SIG_SCHEMA.empty_table()
        _atomic_write(paths.sig(k), lambda p: pq.write_table(sigs, p, compression="none"))
        if not already_final:
            _atomic_write(
                paths.interim(k), lambda p: pq.write_table(result.table, p, compression="lz4")
            )
    elif not already_final:
        _write_shard(result.table, paths.shard(k), fmt)
        _touch(paths.done(k))
    counts = {"documents": len(result.table), "chars": result.n_chars}
    _atomic_write(paths.work_done(k), lambda p: p.write_text(json.dumps(counts)))


class _Progress:
    """A rich progress bar over documents (a no-op when disabled)."""

    def __init__(self, total: int, enabled: bool):
        self.enabled = enabled
        self.total = total
        self._progress: Any = None
        self._task: Any = None
        self.docs = 0

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("docs"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("batch", total=self.total or None)
        return self

    def advance(self, units: int, docs: int) -> None:
        self.docs += docs
        if self._progress is not None:
            self._progress.advance(self._task, units)

    def status(self, message: str) -> None:
        if self.enabled:
            from rich.console import Console

            Console(stderr=True).print(f"[dim]{message}...[/dim]")

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
