"""The ``analyze`` verb: entities and the event record of Khmer reports."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import typer

from sleukrith.cli._app import app
from sleukrith.cli._io import parse_date, read_text


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=2)


def _parse_reference(value: str | None) -> date | None:
    if value is None:
        return None
    return parse_date(value, "--reference")


def _place_md(v: Any) -> str:
    """A linked place in a few words: ``Roleang Chak (commune 050701, Kampong Speu)``."""
    if not isinstance(v, dict):
        return ""
    bits = " ".join(str(x) for x in (v.get("type"), v.get("code")) if x)
    prov = v.get("province") if v.get("province") != v.get("name_en") else None
    inner = ", ".join(x for x in (bits, prov) if x)
    return f"{v.get('name_en') or '?'}" + (f" ({inner})" if inner else "")


def _md_value(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, dict):
        return ", ".join(
            f"{k}: {_place_md(x) if isinstance(x, dict) else x}"
            for k, x in v.items()
            if x not in (None, "", [])
        )
    return str(v)


def markdown_card(doc: Any, name: str = "") -> str:
    """A readable card of a Document: the record first, then the entities by label."""
    rec = doc.record
    lines = [f"# {doc.title or name or 'Document'}", ""]
    if name:
        lines += [f"_Source: {name}_", ""]
    lines += ["## Record", "", "| field | value |", "|---|---|"]
    lines.append(f"| kind | {rec.kind} |")
    lines.append(f"| date | {rec.date or '–'} |")
    lines.append(f"| time | {rec.time or '–'} |")
    if rec.place:
        where = _place_md(rec.place.get("value"))
        lines.append(f"| place | {rec.place['text']}" + (f" — {where}" if where else "") + " |")
    else:
        lines.append("| place | – |")
    if rec.chair:
        chair = " ".join(rec.chair.get("titles") or []) + " " + (rec.chair.get("name") or "")
        role = f" ({rec.chair['role']})" if rec.chair.get("role") else ""
        lines.append(f"| chair | {chair.strip()}{role} |")
    else:
        lines.append("| chair | – |")
    lines.append(f"| attendance | {rec.attendance if rec.attendance is not None else '–'} |")
    lines.append("")
    if rec.participants:
        lines += ["**Participants**", ""]
        for p in rec.participants:
            role = f" — {p['role']}" if p.get("role") else ""
            lines.append(f"- {p['text']}{role}")
        lines.append("")
    for heading, items in (
        ("Organisations", rec.organisations),
        ("Topics", rec.topics),
        ("Decisions and directives", rec.decisions),
    ):
        if items:
            lines += [f"**{heading}**", ""] + [f"- {x}" for x in items] + [""]
    if rec.upcoming:
        lines += ["**Upcoming**", ""]
        lines += [
            f"- {u.get('date') or u.get('when') or '?'}"
            + (f" – {u['end_date']}" if u.get("end_date") else "")
            + f": {u.get('text')}"
            for u in rec.upcoming
        ]
        lines.append("")
    lines += ["## Entities", ""]
    by_label: dict[str, list[Any]] = {}
    for e in doc.entities:
        by_label.setdefault(e.label, []).append(e)
    for label, ents in by_label.items():
        lines.append(f"**{label}** ({len(ents)})")
        lines.append("")
        for e in ents:
            extra = _md_value(e.value)
            lines.append(f"- {e.text}" + (f" — {extra}" if extra and extra != e.text else ""))
        lines.append("")
    if doc.cleaning:
        lines += ["## Left out", ""]
        lines += [f"- {r.reason}: {r.text[:80]}" for r in doc.cleaning]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def text_summary(doc: Any, name: str = "") -> str:
    """One block per document: the record essentials and entities as ``LABEL<TAB>text``."""
    rec = doc.record
    head = [
        f"== {name}" if name else "==",
        f"title: {doc.title or '-'}",
        f"kind: {rec.kind}  date: {rec.date or '-'}  time: {rec.time or '-'}",
    ]
    if rec.place:
        head.append(f"place: {rec.place['text']}")
    if rec.chair:
        head.append(f"chair: {rec.chair['text']}")
    ents = [f"{e.label}\t{e.text}" for e in doc.entities]
    return "\n".join(head + ents) + "\n"


@app.command("analyze")
def analyze_cmd(
    files: list[str] = typer.Argument(..., help="Text files to analyse, or - for stdin."),
    reference: str | None = typer.Option(
        None,
        "--reference",
        "-r",
        help="The report's date (YYYY-MM-DD, Khmer digits allowed, or 'today'): resolves dates "
        "written without a year and decides which events are upcoming.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print Document.to_dict() as JSON."),
    as_md: bool = typer.Option(False, "--md", help="Print a readable card (Markdown)."),
) -> None:
    """Find people, organisations, places, dates and quantities, and the record of the event.

    Example:

        sleukrith analyze report.txt --reference 2024-03-02 --md
    """
    from sleukrith.document import analyze

    if as_json and as_md:
        raise _fail("choose one of --json and --md")
    ref = _parse_reference(reference)
    results = []
    for path in files:
        text = read_text(path)
        doc = analyze(text, reference=ref)
        name = "stdin" if path == "-" else Path(path).name
        if as_json:
            results.append(doc.to_dict())
        elif as_md:
            typer.echo(markdown_card(doc, name))
        else:
            typer.echo(text_summary(doc, name))
    if as_json:
        out = results[0] if len(results) == 1 else results
        typer.echo(json.dumps(out, ensure_ascii=False, indent=1))
