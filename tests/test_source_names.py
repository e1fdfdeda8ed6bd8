"""Each module-level name of the package is bound once (a second ``_FOO_RE = ...`` far down a
long module silently replaces the first for every function that runs later; twice in this
project's history a rule broke that way). Extending a name with itself (``X = X | Y``) is fine."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "sleukrith"


def _bound_twice(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    twice = []
    for node in tree.body:
        names: list[str] = []
        value = None
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            value = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            names, value = [node.target.id], node.value
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        for name in names:
            extends = value is not None and any(
                isinstance(n, ast.Name) and n.id == name for n in ast.walk(value)
            )
            if name in seen and not extends:
                twice.append(f"{name} (lines {seen[name]} and {node.lineno})")
            seen.setdefault(name, node.lineno)
    return twice


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: p.name)
def test_module_level_names_are_bound_once(path: Path) -> None:
    assert _bound_twice(path) == []


def test_the_check_finds_a_second_binding(tmp_path: Path) -> None:
    src = tmp_path / "m.py"
    src.write_text("A = 1\nB = 2\nB = B | 3\nA = 4\ndef f(): ...\ndef f(): ...\n")
    assert _bound_twice(src) == ["A (lines 1 and 4)", "f (lines 5 and 6)"]
