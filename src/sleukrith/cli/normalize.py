"""CLI verbs ``normalize`` and ``explain``: streamed line by line, so memory stays bounded."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import typer

from sleukrith.cli._app import app
from sleukrith.cli._io import iter_lines
from sleukrith.normalize import Fix, explain, normalize

_BATCH = 500  # explain rows rendered per table


def _stdout_utf8():  # noqa: ANN202 - a text stream
    out = sys.stdout
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    return out


def _lines(path: str) -> Iterator[str]:
    """Lines with their endings; a CR ending a line and an LF opening the next are one CRLF."""
    pending_cr = False
    for line in iter_lines(path):
        if pending_cr and line.startswith("\n"):
            line = line[1:]  # the LF of a CRLF split across reads: "\r" already became "\n"
        pending_cr = line.endswith("\r")
        if line:
            yield line


@app.command("normalize")
def normalize_cmd(
    path: str = typer.Argument(..., help="A UTF-8 text file, or - for stdin."),
    fold: bool = typer.Option(
        False, "--fold", help="Also fold for search: ្ដ/្ត, digits to ASCII, variant spellings."
    ),
) -> None:
    """Write the normalized text of PATH to stdout.

    Example: [bold]sleukrith normalize report.txt > clean.txt[/bold]
    """
    out = _stdout_utf8()
    for line in _lines(path):
        out.write(normalize(line, fold=fold))
    out.flush()


def _rows(path: str) -> Iterator[tuple[int, int, int, Fix]]:
    """(line number, column, offset of the line in the input, fix) for every fix."""
    offset = 0
    for number, line in enumerate(_lines(path), 1):
        for fix in explain(line):
            yield number, fix.start + 1, offset, fix
        offset += len(line)


def _show(text: str) -> str:
    """Make invisible characters visible in the table."""
    if not text:
        return "(nothing)"
    out = []
    for ch in text:
        if ch.isprintable() and ch not in "\u00a0\u00ad" or ch == " ":
            out.append(ch)
        else:
            out.append(f"<U+{ord(ch):04X}>")
    return "".join(out)


@app.command("explain")
def explain_cmd(
    path: str = typer.Argument(..., help="A UTF-8 text file, or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per fix (JSON Lines)."),
) -> None:
    """List every change normalize would make: line:col, rule, before -> after.

    Example: [bold]sleukrith explain report.txt[/bold]  or
    [bold]echo 'ខែកុម្ភ:' | sleukrith explain - --json[/bold]

    JSON fields: line, col (1-based, in characters), start/end (offsets in the whole input),
    rule, before, after, message.
    """
    out = _stdout_utf8()
    if as_json:
        for number, col, offset, fix in _rows(path):
            record = {"line": number, "col": col, **fix.to_dict()}
            record["start"] = offset + fix.start
            record["end"] = offset + fix.end
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, soft_wrap=False)
    total = 0
    batch: list[tuple[int, int, int, Fix]] = []

    def flush() -> None:
        if not batch:
            return
        table = Table(show_header=total <= len(batch), box=None, pad_edge=False)
        table.add_column("line:col", style="cyan", no_wrap=True)
        table.add_column("rule", style="magenta")
        table.add_column("before → after")
        for number, col, _offset, fix in batch:
            table.add_row(f"{number}:{col}", fix.rule, f"{_show(fix.before)} → {_show(fix.after)}")
        console.print(table)
        batch.clear()

    for row in _rows(path):
        batch.append(row)
        total += 1
        if len(batch) >= _BATCH:
            flush()
    flush()
    console.print(f"{total} fix{'es' if total != 1 else ''}", style="bold" if total else "dim")
