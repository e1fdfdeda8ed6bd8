"""The ``dates`` verb: every date, time, range, month, year and lunar date in a text."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import typer

from sleukrith.cli._app import app
from sleukrith.cli._io import parse_date, read_text


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=2)


def _iso(value: object) -> str | None:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@app.command("dates")
def dates_command(
    path: Annotated[str, typer.Argument(help="A UTF-8 text file, or - for stdin.")],
    reference: Annotated[
        str | None,
        typer.Option(
            "--reference",
            "-r",
            help="The report's own date (YYYY-MM-DD): completes dates written without a year "
            "and relative ones (ម្សិលមិញ, ថ្ងៃច័ន្ទខាងមុខ, ខែក្រោយ).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per match.")] = False,
) -> None:
    """List the dates and times written in a Khmer text, with their spans and values.

    Example:

      echo "ព្រឹកថ្ងៃទី០២ ខែមីនា ឆ្នាំ២០១៨ និងថ្ងៃទី១៧ ខែមីនា ខាងមុខ" | sleukrith dates -

      echo "កាលពីម្សិលមិញ និងសប្តាហ៍ក្រោយ" | sleukrith dates - -r 2018-03-02

      sleukrith dates report.txt --reference 2018-03-02 --json
    """
    from sleukrith.dates import find_dates

    ref = None
    if reference is not None:
        ref = parse_date(reference, "--reference")
    text = read_text(path)
    matches = find_dates(text, reference=ref)
    if as_json:
        for m in matches:
            record = {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "kind": m.kind,
                "value": _iso(m.value),
                "end_value": _iso(m.end_value),
                "relative": m.relative,
                "be_year": m.be_year,
                "day": m.day,
                "month": m.month,
                "year": m.year,
            }
            typer.echo(json.dumps(record, ensure_ascii=False))
        return
    if not matches:
        typer.echo("no dates found", err=True)
        return
    rows = []
    for m in matches:
        line, col = _line_col(text, m.start)
        value = _iso(m.value) or "—"
        if m.end_value is not None:
            value += " .. " + (_iso(m.end_value) or "—")
        if m.relative:
            value += " (from reference)"
        shown = m.text.replace("\n", " ").replace("\u200b", "")
        rows.append((f"{line}:{col}", m.kind, value, shown))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for r in rows:
        typer.echo(f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}")
