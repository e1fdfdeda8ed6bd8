"""Benchmark of ``sleukrith batch``: docs/s and chars/s on 1 and 2 Dask workers against a plain
sequential loop over the same documents, scaling efficiency and peak memory of the process tree.

The corpus is ``news/phylypo-2019/*_orig.txt`` repeated (each copy with its own ids) into a
JSONL file of at least ``--mb`` megabytes in a temporary directory. Because the copies are
verbatim, the dedup step marks all but the first copy as exact duplicates.

    .venv/bin/python bench/batch.py                     # the full run (several minutes)
    .venv/bin/python bench/batch.py --mb 5 --analyze-mb 1 --no-write   # a quick look
    .venv/bin/python bench/batch.py --memory-mb 1024    # also: peak RSS on 1 GB, 2 workers

The main run uses ``--steps`` (default normalize,words,dedup) on ``--mb``; all four steps
(with analyze, much slower per character) run on the smaller ``--analyze-mb`` slice. The
memory run makes every copy distinct (consonants permuted), the worst case for dedup memory.
Needs psutil (a bench extra).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _report import data_dir, write_section  # noqa: E402

from sleukrith.batch import STEPS, check_steps, process_document  # noqa: E402

try:
    import psutil
except ImportError:  # pragma: no cover - psutil is a bench extra
    psutil = None


class PeakRSS:
    """Samples the summed RSS of a process and all its descendants (Dask workers, nannies)."""

    def __init__(self, pid: int | None = None, interval: float = 0.1):
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop = threading.Event()

    def _sample(self) -> int:
        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return 0
        total = 0
        for p in procs:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        if psutil is not None:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if psutil is not None:
            self._stop.set()
            self._thread.join()


_CONS = "".join(chr(c) for c in range(0x1780, 0x17A3))  # the 35 consonants


def disguise(text: str, copy: int) -> str:
    """``text`` with its consonants permuted (a permutation per copy): still Khmer-looking,
    but no longer a near-duplicate of the other copies (the worst case for the dedup pass)."""
    if copy == 0:
        return text
    shuffled = list(_CONS)
    random.Random(copy).shuffle(shuffled)
    return text.translate(str.maketrans(_CONS, "".join(shuffled)))


def build_corpus(path: Path, megabytes: float, unique: bool = False) -> tuple[int, int]:
    """Write the repeated news corpus as JSONL; returns (documents, characters)."""
    news = sorted((data_dir() / "news" / "phylypo-2019").glob("*_orig.txt"))
    if not news:
        raise SystemExit(f"no news corpus under {data_dir()} (set SLEUKRITH_DATA)")
    texts = [(p.stem.removesuffix("_orig"), p.read_text(encoding="utf-8")) for p in news]
    target = int(megabytes * 1024 * 1024)
    size = docs = chars = 0
    copy = 0
    with open(path, "w", encoding="utf-8") as out:
        while size < target:
            for stem, text in texts:
                if unique:
                    text = disguise(text, copy)
                line = json.dumps({"id": f"{stem}-{copy}", "text": text}, ensure_ascii=False)
                out.write(line + "\n")
                size += len(line.encode("utf-8")) + 1
                docs += 1
                chars += len(text)
                if size >= target:
                    break
            copy += 1
    return docs, chars


def sequential(path: Path, steps: tuple[str, ...]) -> float:
    """The plain loop: parse each line and call process_document, nothing else."""
    t = time.perf_counter()
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            process_document(json.loads(line), steps)
    return time.perf_counter() - t


def on_dask(path: Path, out: Path, steps: tuple[str, ...], workers: int, size: int) -> tuple:
    """``sleukrith batch`` in a fresh process (as a user runs it); wall time, peak RSS of its
    process tree, and its summary."""
    cmd = [
        sys.executable,
        "-m",
        "sleukrith",
        "batch",
        str(path),
        str(out),
        "--workers",
        str(workers),
        "--steps",
        ",".join(steps),
        "--partition-size",
        str(size),
        "--no-progress",
        "--json",
    ]
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    with PeakRSS(proc.pid) as rss:
        stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"batch failed ({proc.returncode}): {stderr.decode()[-2000:]}")
    return seconds, rss.peak, SimpleNamespace(**json.loads(stdout))


def measure(path: Path, docs: int, chars: int, steps: tuple[str, ...], size: int, tmp: Path):
    rows = []
    with PeakRSS() as rss:
        seq = sequential(path, steps)
    rows.append(("sequential loop", seq, rss.peak, None))
    for workers in (1, 2):
        out = tmp / f"out-{'-'.join(steps)}-{workers}"
        seconds, peak, summary = on_dask(path, out, steps, workers, size)
        assert summary.documents == docs, (summary.documents, docs)
        shutil.rmtree(out)
        rows.append((f"dask, {workers} worker{'s' * (workers > 1)}", seconds, peak, summary))
    return rows


def table(title: str, rows, docs: int, chars: int, mb: float) -> str:
    seq = rows[0][1]
    one = rows[1][1]
    lines = [
        f"**{title}** — {docs:,} documents, {chars / 1e6:.1f} M characters ({mb:.0f} MB JSONL)",
        "",
        "| run | seconds | of which start-up / dedup pass | docs/s | M chars/s | vs sequential "
        "| scaling efficiency | peak RSS (tree) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, seconds, peak, summary in rows:
        workers = summary.workers if summary else 1
        eff = "" if summary is None else f"{one / seconds / workers:.0%}"
        parts = ""
        if summary is not None:
            parts = f"{summary.extra['startup_seconds']:.1f} / {summary.extra['dedup_seconds']:.1f}"
        lines.append(
            f"| {name} | {seconds:.1f} | {parts} | {docs / seconds:,.0f} | {chars / seconds / 1e6:.2f} | "
            f"{seq / seconds:.2f}x | {eff} | {peak / 2**20:,.0f} MB |"
        )
    dedup = rows[-1][3]
    if dedup and "dedup" in dedup.steps:
        lines.append("")
        lines.append(
            f"dedup: {dedup.exact_duplicates:,} exact and {dedup.near_duplicates:,} near "
            f"duplicates found; {dedup.partitions} partitions."
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=100.0, help="corpus size for the main steps")
    ap.add_argument("--steps", default="normalize,words,dedup")
    ap.add_argument("--analyze-mb", type=float, default=5.0, help="0 skips the analyze run")
    ap.add_argument("--partition-size", type=int, default=500)
    ap.add_argument("--no-write", action="store_true", help="print, don't update the docs")
    ap.add_argument(
        "--memory-mb",
        type=float,
        default=0,
        help="also run 2 workers on this many MB of distinct copies (dedup keeps them all) and "
        "report the peak RSS",
    )
    ap.add_argument("--memory-steps", default="normalize,dedup")
    args = ap.parse_args()
    steps = check_steps(args.steps)
    memory_steps = check_steps(args.memory_steps)
    sections = []
    with tempfile.TemporaryDirectory(prefix="sleukrith-bench-") as tmpdir:
        tmp = Path(tmpdir)
        runs = [(args.mb, steps, "main", args.partition_size)]
        if args.analyze_mb > 0:  # smaller partitions: the slice has only ~200 docs per MB
            runs.append((args.analyze_mb, STEPS, "analyze", max(1, args.partition_size // 5)))
        for mb, run_steps, name, size in runs:
            path = tmp / f"{name}.jsonl"
            docs, chars = build_corpus(path, mb)
            print(f"{name}: {docs} docs, {chars} chars, steps {run_steps}", flush=True)
            rows = measure(path, docs, chars, run_steps, size, tmp)
            for row in rows:
                print(f"  {row[0]}: {row[1]:.1f} s, peak {row[2] / 2**20:.0f} MB", flush=True)
            sections.append(table("steps " + ",".join(run_steps), rows, docs, chars, mb))
        if args.memory_mb > 0:
            path = tmp / "memory.jsonl"
            docs, chars = build_corpus(path, args.memory_mb, unique=True)
            print(f"memory: {docs} docs, {chars} chars, steps {memory_steps}", flush=True)
            seconds, peak, summary = on_dask(
                path, tmp / "out-memory", memory_steps, 2, args.partition_size
            )
            path.unlink()
            kept = docs - summary.exact_duplicates - summary.near_duplicates
            sections.append(
                f"**Memory on a larger input** — {args.memory_mb:.0f} MB JSONL, {docs:,} distinct "
                f"documents (consonants permuted per copy; dedup keeps {kept:,}), "
                f"steps {','.join(memory_steps)}, 2 workers: {seconds:.0f} s "
                f"({docs / seconds:,.0f} docs/s), peak RSS of the process tree "
                f"**{peak / 2**20:,.0f} MB**."
            )
    notes = (
        "Sequential = a plain Python loop in one process calling `process_document` on each "
        "JSONL line (nothing written). Dask = `python -m sleukrith batch` in a fresh process "
        "(its own `LocalCluster`, 1 thread per worker process), wall time including interpreter "
        "and cluster start-up, the corpus-wide dedup pass and writing the Parquet shards. "
        "Scaling efficiency = (1-worker time / N-worker time) / N. Peak RSS sums the process "
        "and all its children (the Dask workers), sampled every 0.1 s with psutil. The corpus "
        "is the 1,000 phylypo news articles repeated with new ids, so dedup marks every repeat "
        "as an exact duplicate and the segmenter's caches see repeats. "
        f"{os.cpu_count()} cores, shared with other jobs during the run, so 2-worker figures are "
        "a lower bound."
    )
    markdown = "\n\n".join([*sections, notes])
    print(markdown)
    if not args.no_write:
        write_section("batch", markdown)


if __name__ == "__main__":
    main()
