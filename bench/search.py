"""Archive benchmark: ingest rate, search latency, archive size and an HTTP load test.

Builds an archive of N (default 50,000) documents synthesised from the sentences of the NIPTICT
2015 corpus (``../shared/data/seg/niptict2015.tsv``; 3-10 random sentences a document, a seeded
RNG, a random date 2015-2024), then measures:

* ingest docs/s. The bulk load uses the documented lighter mode ``analyze=False``
  (``sleukrith ingest --no-analyze``: fold + segment + FTS5 + MinHash, no entity analysis); the
  full ``analyze()`` ingest rate is measured separately on a small subset and reported beside it.
* search latency p50/p95 of a fixed query set (common, mid-frequency and rare words, two-word
  queries, ្ដ/្ត variants, date filters), through ``sleukrith.archive.search`` with facets and
  snippets, i.e. the work behind one ``/api/search`` response.
* the archive size on disk.
* a bounded loopback load test of ``GET /api/search``: the real server (``sleukrith serve``) on
  127.0.0.1, C concurrent httpx clients, a fixed number of requests; errors and req/s.

Run: ``.venv/bin/python bench/search.py [--docs 50000] [--rebuild]``; writes the ``search``
section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import ROOT, data_dir, write_section  # noqa: E402

from sleukrith.archive import Archive, search  # noqa: E402
from sleukrith.archive.ingest import Ingestor, Source  # noqa: E402

OUT = ROOT / "bench" / "out"
TA, DA = "\u17d2\u178f", "\u17d2\u178a"


def sentences(path: Path) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            text = re.sub(r"[{}_~^]", "", parts[3].replace("} {", " ")).strip()
            if text:
                out.append(text)
    return out


def synthesise(sents: list[str], n: int, seed: int = 2015) -> list[Source]:
    rng = random.Random(seed)
    docs = []
    start = 735599  # 2015-01-01 as an ordinal
    from datetime import date

    for i in range(n):
        k = rng.randint(3, 10)
        picked = [sents[rng.randrange(len(sents))] for _ in range(k)]
        text = "។ ".join(picked) + "។"
        when = date.fromordinal(start + rng.randrange(3650)).isoformat()
        title = picked[0][:60]
        docs.append(Source(text=text, title=title, date=when, ext_id=f"syn{i}", source="bench"))
    return docs


def build(db: Path, docs: list[Source]) -> dict[str, float]:
    if db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    archive = Archive(db)
    ingestor = Ingestor(archive, analyze=False, batch_size=500)
    t0 = time.perf_counter()
    for i, src in enumerate(docs, 1):
        ingestor.add(src)
        if i % 5000 == 0:
            rate = i / (time.perf_counter() - t0)
            print(f"  {i} docs, {rate:.0f} docs/s", file=sys.stderr)
    ingestor.flush()
    seconds = time.perf_counter() - t0
    archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    count = archive.count()
    archive.close()
    return {"docs": count, "seconds": seconds, "rate": len(docs) / seconds}


def analyze_rate(docs: list[Source], n: int) -> float | None:
    """Full-analysis ingest docs/s on a small separate archive (None if analyze fails)."""
    db = OUT / "search-analyze.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    archive = Archive(db)
    ingestor = Ingestor(archive, analyze=True, batch_size=50)
    t0 = time.perf_counter()
    outcomes = [ingestor.add(src) for src in docs[:n]]
    ingestor.flush()
    seconds = time.perf_counter() - t0
    archive.close()
    added = sum(o.status == "added" for o in outcomes)
    return added / seconds if added else None


def query_set(archive: Archive) -> list[tuple[str, dict[str, str]]]:
    """A fixed, reproducible query set chosen from the archive's own term frequencies."""
    counts: Counter[str] = Counter()
    for (terms,) in archive.conn.execute("SELECT terms FROM documents WHERE id % 50 = 0"):
        counts.update(t for t in terms.split(" ") if len(t) >= 2 and not t.isascii())
    ranked = [t for t, _c in counts.most_common()]
    common = ranked[:10]
    mid = ranked[len(ranked) // 20 : len(ranked) // 20 + 10]
    rare = ranked[len(ranked) // 2 : len(ranked) // 2 + 10]
    queries: list[tuple[str, dict[str, str]]] = [(q, {}) for q in common + mid + rare]
    queries += [(f"{a} {b}", {}) for a, b in zip(common[:5], mid[:5], strict=True)]
    queries += [("កណ្ដាល", {}), ("កណ្តាល", {}), ("ប្រជុំ", {}), ("សុខាភិបាល", {}), ("១២", {})]
    queries += [(q, {"since": "2018", "until": "2020"}) for q in common[:3] + mid[:2]]
    return queries


def latency(archive: Archive, queries, repeats: int = 5) -> dict[str, float]:
    for q, f in queries:  # warm the page cache
        search(archive, q, **f)
    times = []
    totals = []
    for _ in range(repeats):
        for q, f in queries:
            t0 = time.perf_counter()
            r = search(archive, q, **f)
            times.append((time.perf_counter() - t0) * 1000)
            totals.append(r.total)
    times.sort()
    return {
        "n": len(times),
        "p50": statistics.median(times),
        "p95": times[int(len(times) * 0.95) - 1],
        "max": times[-1],
        "mean_hits": statistics.mean(totals),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _load(url: str, queries, total: int, concurrency: int) -> dict[str, float]:
    import httpx

    errors = 0
    lat: list[float] = []
    counter = iter(range(total))

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        for i in counter:
            q, f = queries[i % len(queries)]
            t0 = time.perf_counter()
            try:
                r = await client.get(url, params={"q": q, **f})
                if r.status_code != 200:
                    errors += 1
            except httpx.HTTPError:
                errors += 1
            lat.append((time.perf_counter() - t0) * 1000)

    async with httpx.AsyncClient(timeout=30) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        seconds = time.perf_counter() - t0
    lat.sort()
    return {
        "requests": total,
        "errors": errors,
        "rps": total / seconds,
        "p50": statistics.median(lat),
        "p95": lat[int(len(lat) * 0.95) - 1],
    }


def load_test(db: Path, queries, total: int, concurrency: int) -> dict[str, float]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sleukrith", "serve", "--db", str(db), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "SLEUKRITH_TOKEN": ""},
    )
    try:
        import httpx

        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/search", params={"q": "x"}, timeout=2).status_code:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        return asyncio.run(_load(base + "/api/search", queries, total, concurrency))
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=50_000)
    ap.add_argument("--rebuild", action="store_true", help="rebuild the archive even if present")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--analyze-docs", type=int, default=200)
    args = ap.parse_args()

    corpus = data_dir() / "seg" / "niptict2015.tsv"
    if not corpus.exists():
        sys.exit(f"needs {corpus} (set SLEUKRITH_DATA)")
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / f"search-{args.docs}.db"
    sents = sentences(corpus)
    docs = synthesise(sents, args.docs)
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(f"{len(sents)} sentences -> {len(docs)} documents, {chars:.0f} chars each",
          file=sys.stderr)

    built = None
    stats_file = db.with_suffix(".json")
    if args.rebuild or not db.exists() or Archive(db).count() != args.docs:
        built = build(db, docs)
        stats_file.write_text(json.dumps(built), encoding="utf-8")
        print(f"ingest: {built}", file=sys.stderr)
    elif stats_file.exists():  # the archive is reused: report how fast it was built
        built = json.loads(stats_file.read_text(encoding="utf-8"))
    full_rate = analyze_rate(docs, args.analyze_docs)
    print(f"analyze ingest: {full_rate}", file=sys.stderr)
    size = sum(Path(str(db) + s).stat().st_size for s in ("", "-wal") if Path(str(db) + s).exists())

    archive = Archive(db)
    queries = query_set(archive)
    lat = latency(archive, queries)
    archive.close()
    print(f"latency: {lat}", file=sys.stderr)
    load = load_test(db, queries, args.requests, args.concurrency)
    print(f"load: {load}", file=sys.stderr)

    rate = f"{built['rate']:.0f}" if built else "(archive reused)"
    loadavg = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    search_module = importlib.import_module("sleukrith.archive.search")
    full = f"{full_rate:.1f}" if full_rate else "n/a (analyze failed)"
    goal = "met" if lat["p95"] < 50 else "NOT met"
    table = f"""### Archive and search (`bench/search.py`)

{args.docs:,} documents synthesised from NIPTICT 2015 sentences (3-10 sentences each,
{chars:.0f} characters on average, seeded). Bulk ingest uses the documented lighter mode
`--no-analyze` (fold + morpheme segmentation + FTS5 + MinHash near-duplicate check, no entity
analysis); full `analyze()` ingest is measured on the first {args.analyze_docs} documents.

| measure | value |
|---|---|
| ingest, `--no-analyze`, batches of 500 | {rate} docs/s |
| ingest, full `analyze()` | {full} docs/s |
| archive size on disk | {size / 1e6:.1f} MB |
| search p50 (library, {lat['n']} timed queries incl. count, facets, snippets) | {lat['p50']:.1f} ms |
| search p95 | {lat['p95']:.1f} ms (goal < 50 ms: {goal}) |
| search max | {lat['max']:.1f} ms |
| mean hits per query | {lat['mean_hits']:.0f} |
| `/api/search` load test: {load['requests']} requests, {args.concurrency} concurrent clients, loopback | {load['rps']:.0f} req/s, {load['errors']} errors |
| `/api/search` latency under load p50 / p95 | {load['p50']:.1f} / {load['p95']:.1f} ms |

Query set: 10 common, 10 mid-frequency and 10 rare terms of the archive, 5 two-word queries,
5 fixed Khmer queries (្ដ and ្ត spellings, Khmer digits), 5 with a date range; each run 5 times.
Queries matching more than {search_module.RANK_WINDOW:,} documents are bm25-ranked over their
newest {search_module.RANK_WINDOW:,} matches (see docs/web.md); totals and facets count all.
The machine is shared: load average {loadavg} at the end of this run (2 cores).
"""
    write_section("search", table)
    print(table)


if __name__ == "__main__":
    main()
