"""CLI verbs of the archive: ``ingest``, ``search`` and ``serve``."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import typer

from sleukrith.cli._app import app

DB_HELP = "Archive file (SQLite); created by ingest when missing."


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=2)


def _open(db: Path, *, create: bool):  # noqa: ANN202 - returns an Archive
    from sleukrith.archive.store import Archive, ArchiveError

    try:
        return Archive(db, create=create)
    except ArchiveError as exc:
        raise _fail(str(exc)) from exc


@app.command("ingest")
def ingest_cmd(
    paths: list[str] = typer.Argument(
        ..., help="Files (.txt .md .html .jsonl) or directories, searched recursively."
    ),
    db: Path = typer.Option(Path("sleukrith.db"), "--db", help=DB_HELP),
    no_analyze: bool = typer.Option(
        False,
        "--no-analyze",
        help="Index the text only (no entities, record or facets); much faster, for bulk loads.",
    ),
    batch_size: int = typer.Option(
        1, "--batch-size", min=1, help="Documents per transaction (1 = commit each document)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Add documents to the archive (idempotent: documents already stored are skipped).

    Bad files and lines are reported and skipped; the exit status is 1 when there were any.

    Example: [bold]sleukrith ingest --db sleukrith.db src/sleukrith/data/samples[/bold]
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.text import Text

    from sleukrith.archive.ingest import count_sources, ingest_paths

    for raw in paths:
        if not Path(raw).exists():
            raise _fail(f"{raw}: no such file or directory")
    archive = _open(db, create=True)
    console = Console(stderr=True)
    total = count_sources(paths)
    try:
        with Progress(
            TextColumn("[bold]ingest[/bold]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(),
            console=console,
            transient=not console.is_terminal,
            disable=as_json and not console.is_terminal,
        ) as progress:
            task = progress.add_task("ingest", total=total, status="")
            counts = {"added": 0, "duplicate": 0, "empty": 0, "error": 0}

            def step(outcome) -> None:  # noqa: ANN001
                counts[outcome.status] = counts.get(outcome.status, 0) + 1
                progress.update(
                    task,
                    advance=1,
                    status=f"{counts['added']} new, {counts['duplicate']} known, "
                    f"{counts['error']} errors",
                )

            summary = ingest_paths(
                archive, paths, analyze=not no_analyze, batch_size=batch_size, progress=step
            )
        stats = archive.stats()
    finally:
        archive.close()
    if as_json:
        typer.echo(json.dumps({**summary.to_dict(), "archive": stats}, ensure_ascii=False))
    else:
        console.print(
            f"[green]{summary.added} added[/green], {summary.duplicates} already in the archive, "
            f"{summary.empty} empty, [red]{summary.errors} errors[/red], "
            f"{summary.near_duplicates} near-duplicate links. "
            f"{db} now holds {stats['documents']} documents."
        )
        for message in summary.error_messages:
            console.print(Text("  error ", style="red") + Text(message), highlight=False)
    if summary.errors:  # the others are stored; the exit status still tells a script
        raise typer.Exit(code=1)


@app.command("search")
def search_cmd(
    query: str = typer.Argument("", help="Words to find (Khmer or Latin); empty lists all."),
    db: Path = typer.Option(Path("sleukrith.db"), "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print results and facets as JSON."),
    person: str = typer.Option(None, "--person", help="Only documents naming this person."),
    place: str = typer.Option(None, "--place", help="Only documents naming this place."),
    since: str = typer.Option(None, "--since", help="From this date: YYYY, YYYY-MM, YYYY-MM-DD."),
    until: str = typer.Option(None, "--until", help="Up to this date (inclusive)."),
    limit: int = typer.Option(10, "--limit", min=1, max=100, help="Results per page."),
    page: int = typer.Option(1, "--page", min=1, help="Page of results."),
) -> None:
    """Search the archive: bm25-ranked documents, snippets and facets.

    Example: [bold]sleukrith search --db sleukrith.db --place កំពង់ចាម ប្រជុំ[/bold]
    """
    from rich.console import Console
    from rich.text import Text

    from sleukrith.archive.search import search

    if query == "-":
        query = sys.stdin.read()
    archive = _open(db, create=False)
    try:
        response = search(
            archive, query, person=person, place=place, since=since, until=until,
            limit=limit, page=page,
        )
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    finally:
        archive.close()
    if as_json:
        typer.echo(json.dumps(response.to_dict(), ensure_ascii=False))
        return
    console = Console(highlight=False)
    noun = "document" if response.total == 1 else "documents"
    console.print(f"{response.total} {noun} (page {response.page} of {response.pages})")
    for r in response.results:
        console.print(Text(f"#{r.id} ", style="bold") + Text(r.title or "", style="bold")
                      + Text(f"  {r.date or ''}", style="dim"))
        snippet = Text(r.snippet)
        for s, e in r.highlights:
            snippet.stylize("reverse", s, e)
        console.print(snippet)
        console.print()
    for key, items in response.facets.items():
        if items:
            console.print(
                Text(f"{key}: ", style="bold")
                + Text(", ".join(f"{i['value']} ({i['count']})" for i in items))
            )


@app.command("serve")
def serve_cmd(
    db: Path = typer.Option(Path("sleukrith.db"), "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    token: str = typer.Option(
        None,
        "--token",
        help="Bearer token for POST /api/documents (default: $SLEUKRITH_TOKEN; none disables it).",
    ),
    create: bool = typer.Option(
        False, "--create", help="Create an empty archive when --db does not exist yet."
    ),
) -> None:
    """Serve the web app and JSON API over the archive.

    Example: [bold]sleukrith serve --db sleukrith.db --port 8000[/bold]  then open
    http://127.0.0.1:8000/
    """
    import uvicorn

    from sleukrith.web import create_app

    if not db.exists() and not create:
        raise _fail(
            f"{db}: no archive here (check --db, or add documents first with `sleukrith ingest "
            f"--db {db} FILES`; --create serves a new empty archive)"
        )
    archive = _open(db, create=True)
    archive.close()
    app_ = create_app(db, token=token or os.environ.get("SLEUKRITH_TOKEN") or None)
    typer.echo(f"sleukrith: serving {db} on http://{host}:{port}/  (API reference at /docs)",
               err=True)
    uvicorn.run(app_, host=host, port=port, log_level="info")
