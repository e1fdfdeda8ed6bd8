"""CLI verbs ``words`` and ``sentences``: thin shells over ``sleukrith.segment``."""

from __future__ import annotations

import json

import typer

from sleukrith.cli._app import app
from sleukrith.cli._io import iter_lines, read_text


@app.command("words")
def words_cmd(
    path: str = typer.Argument(..., metavar="FILE|-", help="a UTF-8 text file, or - for stdin"),
    level: str = typer.Option("word", "--level", help="word (compounds whole) or morpheme"),
    sep: str = typer.Option(" ", "--sep", help="separator printed between words"),
    as_json: bool = typer.Option(False, "--json", help="print tokens as JSON (with offsets)"),
) -> None:
    """Split Khmer text into words, line by line.

    Example: echo "ខ្ញុំស្រលាញ់ភាសាខ្មែរ" | sleukrith words -   ->  ខ្ញុំ ស្រលាញ់ ភាសា ខ្មែរ
    """
    from sleukrith.segment import LEVELS, tokenize

    if level not in LEVELS:
        typer.echo(f"error: --level must be one of {', '.join(LEVELS)}", err=True)
        raise typer.Exit(code=2)
    if as_json:
        text = read_text(path)
        toks = tokenize(text, level=level)
        data = [{"text": t.text, "start": t.start, "end": t.end, "kind": t.kind} for t in toks]
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    for line in iter_lines(path):
        toks = tokenize(line.rstrip("\r\n"), level=level)
        typer.echo(sep.join(t.text for t in toks if t.kind != "space"))


@app.command("sentences")
def sentences_cmd(
    path: str = typer.Argument(..., metavar="FILE|-", help="a UTF-8 text file, or - for stdin"),
    as_json: bool = typer.Option(False, "--json", help="print sentences as JSON with offsets"),
) -> None:
    """Split text into sentences, one per output line.

    Example: echo "គាត់បានមក។ គាត់ទៅវិញ។" | sleukrith sentences -
    """
    from sleukrith.segment import sentence_spans

    text = read_text(path)
    spans = sentence_spans(text)
    if as_json:
        data = [{"text": text[s:e], "start": s, "end": e} for s, e in spans]
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    for s, e in spans:
        sent = text[s:e].strip()
        if sent:
            typer.echo(sent)
