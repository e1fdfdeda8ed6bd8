"""Command-line interface: one verb per stage, each a thin shell over the library.

Every verb lives in its own module under ``sleukrith.cli`` and registers itself on the shared
typer ``app``; ``main()`` imports them all.
"""

from __future__ import annotations

import importlib

from sleukrith.cli._app import app

# each module adds its verbs to ``app`` when imported
_VERB_MODULES = ("normalize", "segment", "dates", "lunar", "analyze", "archive", "batch")


def _load_verbs() -> None:
    for name in _VERB_MODULES:
        try:
            importlib.import_module(f"sleukrith.cli.{name}")
        except ModuleNotFoundError as exc:  # a stage not built yet
            if exc.name != f"sleukrith.cli.{name}":
                raise


def main() -> None:
    """Entry point of the ``sleukrith`` command."""
    _load_verbs()
    app()


__all__ = ["app", "main"]
