"""The ``batch`` verb: run the sleukrith pipeline over a corpus on Dask (see sleukrith.batch)."""

from __future__ import annotations

import json

import typer

from sleukrith.cli._app import app


@app.command("batch")
def batch_command(
    input_path: str = typer.Argument(
        ...,
        metavar="INPUT",
        help='A JSONL file (one {"id", "text"} object a line), a Parquet file with id/text '
        "columns, a .txt/.html file, a directory of them (walked recursively), or a quoted "
        "glob such as 'data/*.jsonl'.",
    ),
    output: str = typer.Argument(
        ..., metavar="OUTPUT", help="Directory for the shards, errors.jsonl and _batch.json."
    ),
    workers: int = typer.Option(
        0, "--workers", "-w", help="Worker processes of the local cluster (default: CPU count)."
    ),
    scheduler: str = typer.Option(
        "", "--scheduler", help="Run on an existing Dask cluster, e.g. tcp://10.0.0.5:8786."
    ),
    fmt: str = typer.Option("parquet", "--format", "-f", help="Shard format: parquet or jsonl."),
    steps: str = typer.Option(
        "normalize,words,analyze,dedup",
        "--steps",
        help="Comma-separated steps: normalize, words, analyze, dedup.",
    ),
    partition_size: int = typer.Option(
        500, "--partition-size", help="Documents per partition (one shard each)."
    ),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar."),
    as_json: bool = typer.Option(False, "--json", help="Print the run summary as JSON."),
) -> None:
    """Process a whole corpus on Dask: one output row per document, shards per partition.

    Rerunning with the same OUTPUT resumes (finished shards are skipped). Bad rows go to
    OUTPUT/errors.jsonl and never stop the job.

    Example:

        sleukrith batch news.jsonl out/ --workers 2 --steps normalize,words,dedup

        sleukrith batch pages/ out/ --scheduler tcp://10.0.0.5:8786 --format jsonl
    """
    from sleukrith.batch import BatchError, check_steps, run_batch

    if fmt not in ("parquet", "jsonl"):
        typer.echo(f"error: --format must be parquet or jsonl, not {fmt!r}", err=True)
        raise typer.Exit(code=2)
    if workers < 0 or partition_size < 1:
        typer.echo("error: --workers must be >= 0 and --partition-size >= 1", err=True)
        raise typer.Exit(code=2)
    try:
        chosen = check_steps(steps)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    try:
        summary = run_batch(
            input_path,
            output,
            steps=chosen,
            fmt=fmt,
            workers=workers or None,
            scheduler=scheduler or None,
            partition_size=partition_size,
            progress=progress,
        )
    except BatchError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    except OSError as exc:  # e.g. cannot reach the scheduler, OUTPUT not writable
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    if as_json:
        typer.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=1))
        return
    docs_per_s = summary.documents / summary.seconds if summary.seconds else 0.0
    typer.echo(
        f"{summary.documents} documents in {summary.partitions} shards "
        f"({summary.partitions_skipped} resumed) -> {summary.output}  "
        f"[{summary.seconds:.1f} s, {docs_per_s:.0f} docs/s, {summary.workers} workers]"
    )
    if "dedup" in summary.steps:
        typer.echo(f"duplicates: {summary.exact_duplicates} exact, {summary.near_duplicates} near")
    if summary.errors:
        typer.echo(f"{summary.errors} bad rows -> {summary.output}/errors.jsonl", err=True)
