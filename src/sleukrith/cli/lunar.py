"""The ``lunar`` verb: Gregorian date <-> Khmer lunar date, and the Khmer New Year moment."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from sleukrith.cli._app import app
from sleukrith.cli._io import parse_date


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=2)


@app.command("lunar")
def lunar_command(
    date: Annotated[
        str | None,
        typer.Argument(help="Gregorian date YYYY-MM-DD (or 'today')."),
    ] = None,
    to_gregorian: Annotated[
        str | None,
        typer.Option(
            "--to-gregorian",
            "-g",
            help="A Khmer lunar date with its BE year; prints the Gregorian date (ISO).",
        ),
    ] = None,
    new_year: Annotated[
        int | None,
        typer.Option("--new-year", help="Print the moment the Khmer New Year of YEAR begins."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Convert between Gregorian and Khmer lunar (Chhankitek) dates.

    Examples:

      sleukrith lunar 2018-03-02
        -> ថ្ងៃសុក្រ ១រោច ខែផល្គុន ឆ្នាំរកា នព្វស័ក ពុទ្ធសករាជ ២៥៦១

      sleukrith lunar --to-gregorian "ថ្ងៃសុក្រ ១រោច ខែផល្គុន ឆ្នាំរកា នព្វស័ក ព.ស. ២៥៦១"
        -> 2018-03-02

      sleukrith lunar --new-year 2026 --json
    """
    from sleukrith import lunar

    given = [x is not None for x in (date, to_gregorian, new_year)]
    if sum(given) != 1:
        raise _fail("give exactly one of DATE, --to-gregorian TEXT or --new-year YEAR")

    if to_gregorian is not None:
        try:
            lunar_date = lunar.parse_lunar(to_gregorian)
            result = lunar.to_gregorian(lunar_date)
        except ValueError as exc:
            raise _fail(str(exc)) from exc
        if as_json:
            out = {"date": result.isoformat(), "lunar": lunar_date.to_dict()}
            typer.echo(json.dumps(out, ensure_ascii=False))
        else:
            typer.echo(result.isoformat())
        return

    if new_year is not None:
        try:
            moment = lunar.khmer_new_year(new_year)
            leung = lunar.leung_sak(new_year)
        except ValueError as exc:
            raise _fail(str(exc)) from exc
        if as_json:
            out = {"moment": moment.isoformat(timespec="minutes"), "leung_sak": leung.isoformat()}
            typer.echo(json.dumps(out, ensure_ascii=False))
        else:
            typer.echo(moment.isoformat(sep=" ", timespec="minutes"))
        return

    assert date is not None
    if "ខែ" in date or "កើត" in date or "រោច" in date:
        raise _fail(f"{date!r} looks like a lunar date: use --to-gregorian (-g) for those")
    day = parse_date(date, "DATE")
    try:
        result_lunar = lunar.from_gregorian(day)
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        out = {"date": day.isoformat(), "text": result_lunar.format(), **result_lunar.to_dict()}
        typer.echo(json.dumps(out, ensure_ascii=False))
    else:
        typer.echo(result_lunar.format())
