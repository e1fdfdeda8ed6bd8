"""Checks on the shipped list of foreign places (data/countries.tsv)."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from sleukrith import gazetteer

_TYPES = {"country", "city", "region"}
_LOCAL = {"province", "district", "commune", "village"}
# names written the same as a Cambodian village, kept on purpose (the country/city is meant)
_KNOWN_SHARED = {"ចិន", "ព្រៃនគរ"}


def _rows() -> list[list[str]]:
    path = resources.files("sleukrith").joinpath("data").joinpath("countries.tsv")
    with path.open("r", encoding="utf-8") as fh:
        return [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]


def test_rows_are_well_formed() -> None:
    rows = _rows()
    assert len(rows) > 300
    for row in rows:
        assert len(row) == 3, row
        kh, en, kind = row
        assert kind in _TYPES, row
        assert en.strip(), row
        for variant in kh.split("|"):
            assert variant and variant == variant.strip(), row
            assert all("\u1780" <= ch <= "\u17ff" for ch in variant), row


def test_no_spelling_is_listed_twice() -> None:
    seen: dict[str, str] = {}
    for kh, en, _ in _rows():
        for variant in kh.split("|"):
            key = gazetteer.fold_key(variant)
            assert key not in seen or seen[key] == en, (variant, en, seen.get(key))
            seen[key] = en


def test_no_spelling_is_a_cambodian_place() -> None:
    for kh, en, _ in _rows():
        for variant in kh.split("|"):
            if variant in _KNOWN_SHARED:
                continue
            local = [p for p in gazetteer.lookup(variant) if p.type in _LOCAL]
            assert not local, (variant, en, local[:2])


@pytest.mark.parametrize(
    ("name", "english", "kind"),
    [
        ("ហ្ស៊ីមបាវ៉េ", "Zimbabwe", "country"),
        ("ហ្សីមបាបវ៉េ", "Zimbabwe", "country"),
        ("អាប៊ូដាប៊ី", "Abu Dhabi", "city"),
        ("កាលីហ្វ័រញ៉ា", "California", "region"),
        ("ហ្វូជាន", "Fujian", "region"),
    ],
)
def test_foreign_places_are_found(name: str, english: str, kind: str) -> None:
    assert any(p.name_en == english and p.type == kind for p in gazetteer.lookup(name))
