"""sleukrith: Khmer text from raw report to searchable, structured archive.

The public API (see DESIGN.md) is re-exported here. Names are resolved lazily so that
``import sleukrith`` stays fast for the CLI and only the stages a caller uses are loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# ``normalize`` and ``romanize`` are both functions and the submodules defining them. Importing
# the functions eagerly binds the package attributes to them for good: a later
# ``from sleukrith.normalize import ...`` finds the submodule in sys.modules and leaves it.
from sleukrith.normalize import Fix as Fix
from sleukrith.normalize import explain as explain
from sleukrith.normalize import fold as fold
from sleukrith.normalize import normalize as normalize
from sleukrith.romanize import romanize as romanize

# public name -> module that defines it (resolved on first use)
_EXPORTS: dict[str, str] = {
    "clusters": "sleukrith.chars",
    "words": "sleukrith.segment",
    "sentences": "sleukrith.segment",
    "tokenize": "sleukrith.segment",
    "Token": "sleukrith.segment",
    "Segmenter": "sleukrith.segment",
    "parse_number": "sleukrith.numbers",
    "spell_number": "sleukrith.numbers",
    "find_dates": "sleukrith.dates",
    "format_date": "sleukrith.dates",
    "DateMatch": "sleukrith.dates",
    "analyze": "sleukrith.document",
    "Document": "sleukrith.document",
    "Entity": "sleukrith.entities",
}
_SUBMODULES = ("lunar", "chars", "numbers", "dates", "segment")

__all__ = sorted(
    [*_EXPORTS, *_SUBMODULES, "Fix", "explain", "fold", "normalize", "romanize", "__version__"]
)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from sleukrith import chars, dates, lunar, numbers, segment  # noqa: F401
    from sleukrith.chars import clusters  # noqa: F401
    from sleukrith.dates import DateMatch, find_dates, format_date  # noqa: F401
    from sleukrith.document import Document, analyze  # noqa: F401
    from sleukrith.entities import Entity  # noqa: F401
    from sleukrith.numbers import parse_number, spell_number  # noqa: F401
    from sleukrith.segment import Segmenter, Token, sentences, tokenize, words  # noqa: F401


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"sleukrith.{name}")
    else:
        raise AttributeError(f"module 'sleukrith' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
