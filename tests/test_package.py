"""The package as a whole: public API names resolve, the CLI starts, every verb has help."""

from __future__ import annotations

import subprocess
import sys

import pytest

import sleukrith

# functions whose first argument is text
PUBLIC = [
    "normalize", "explain", "words", "sentences", "tokenize", "parse_number",
    "find_dates", "romanize", "analyze",
]


@pytest.mark.parametrize("name", PUBLIC)
def test_public_api_name_resolves(name: str) -> None:
    assert callable(getattr(sleukrith, name))


@pytest.mark.parametrize("name", PUBLIC)
@pytest.mark.parametrize("bad", [b"\xe1\x9e\x80", None, 42])
def test_public_functions_reject_non_str_with_type_error(name: str, bad: object) -> None:
    func = getattr(sleukrith, name)
    with pytest.raises(TypeError, match="str"):
        func(bad)


@pytest.mark.parametrize("bad", [b"42", None, "42"])
def test_spell_number_takes_numbers_only(bad: object) -> None:
    with pytest.raises(TypeError, match="int"):
        sleukrith.spell_number(bad)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        sleukrith.no_such_thing  # noqa: B018


def test_lunar_submodule_is_reachable() -> None:
    assert hasattr(sleukrith.lunar, "from_gregorian")


VERBS = ["normalize", "explain", "words", "sentences", "dates", "lunar", "analyze", "ingest",
         "search", "serve", "batch"]


def test_cli_lists_every_verb() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "sleukrith", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for verb in VERBS:
        assert verb in out, f"verb {verb!r} missing from `sleukrith --help`"


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_has_help_with_an_example(verb: str) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "sleukrith", verb, "--help"], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    assert "sleukrith " + verb in res.stdout.replace("\n", " ") or "Example" in res.stdout
