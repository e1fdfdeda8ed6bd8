"""Input helpers shared by the CLI verbs: files or ``-`` for stdin, always UTF-8."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import typer


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=2)


def open_text(path: str):  # noqa: ANN201 - returns a text stream
    """Open ``path`` (or ``-`` for stdin) as UTF-8 text, with a clear error for bad input."""
    if path == "-":
        return sys.stdin if sys.stdin.encoding.lower().replace("-", "") == "utf8" else open(
            sys.stdin.fileno(), encoding="utf-8", closefd=False, newline=""
        )
    p = Path(path)
    if not p.exists():
        raise _fail(f"{path}: no such file")
    if p.is_dir():
        raise _fail(f"{path}: is a directory, give a file (or - for stdin)")
    return open(p, encoding="utf-8", newline="")


def iter_lines(path: str) -> Iterator[str]:
    """Lines of ``path`` with their line endings kept, streamed (bounded memory)."""
    stream = open_text(path)
    try:
        yield from stream
    except UnicodeDecodeError as exc:
        raise _fail(f"{path}: not valid UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    finally:
        if stream is not sys.stdin:
            stream.close()


def read_text(path: str) -> str:
    """The whole text of ``path`` (or stdin)."""
    return "".join(iter_lines(path))


_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")


def parse_date(value: str, what: str):  # noqa: ANN201 - datetime.date
    """A date typed on the command line: YYYY-MM-DD in ASCII or Khmer digits, or ``today``.
    Exits with a clear error naming ``what`` otherwise."""
    import datetime as dt

    text = value.strip().translate(_KHMER_DIGITS)
    if text.lower() == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _fail(f"{what} must be a date YYYY-MM-DD (or 'today'), not {value!r}") from None
