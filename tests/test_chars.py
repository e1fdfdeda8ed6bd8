"""Tests of sleukrith.chars: classes, the lossless cluster split, the strict cluster grammar."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sleukrith.chars as chars
from sleukrith.chars import (
    CharClass,
    char_class,
    cluster_spans,
    clusters,
    has_khmer,
    is_khmer,
    is_khmer_letter,
    is_valid_cluster,
    khmer_ratio,
    require_str,
)
from sleukrith.normalize import normalize

_KHMER = [chr(c) for c in range(0x1780, 0x1800)] + ["\u200c", "\u200d", "\u200b", " ", "a", "\r"]
khmer_text = st.text(alphabet=st.sampled_from(_KHMER), max_size=50)


@pytest.mark.parametrize(
    ("ch", "cls"),
    [
        ("ក", CharClass.CONSONANT),
        ("អ", CharClass.CONSONANT),
        ("ឥ", CharClass.INDEPENDENT_VOWEL),
        ("\u17a3", CharClass.DEPRECATED),
        ("\u17b4", CharClass.DEPRECATED),
        ("៌", CharClass.ROBAT),
        ("៉", CharClass.REGSHIFT),
        ("៊", CharClass.REGSHIFT),
        ("្", CharClass.COENG),
        ("េ", CharClass.VOWEL_PRE),
        ("ុ", CharClass.VOWEL_BELOW),
        ("ើ", CharClass.VOWEL_ABOVE),
        ("ា", CharClass.VOWEL_POST),
        ("ោ", CharClass.VOWEL_POST),
        ("ំ", CharClass.SIGN_ABOVE),
        ("៝", CharClass.SIGN_ABOVE),
        ("ះ", CharClass.SIGN_POST),
        ("ៈ", CharClass.SIGN_POST),
        ("\u200c", CharClass.JOINER),
        ("៥", CharClass.DIGIT),
        ("។", CharClass.PUNCTUATION),
        ("៛", CharClass.SYMBOL),
        ("\u19e0", CharClass.SYMBOL),
        ("a", CharClass.OTHER),
        ("\u200b", CharClass.OTHER),
    ],
)
def test_char_class(ch, cls):
    assert char_class(ch) is cls


def test_every_khmer_code_point_has_a_class():
    for cp in range(0x1780, 0x17EA):
        if cp not in (0x17DE, 0x17DF):  # unassigned
            assert char_class(chr(cp)) is not CharClass.OTHER, hex(cp)


def test_predicates():
    assert is_khmer("ក") and is_khmer("៥") and is_khmer("\u19e0") and not is_khmer("a")
    assert is_khmer_letter("ក") and is_khmer_letter("ា") and not is_khmer_letter("៥")
    assert has_khmer("abc ក") and not has_khmer("abc 123")
    assert khmer_ratio("") == 0.0
    assert khmer_ratio("កខ ab") == 0.5


def test_clusters_examples():
    assert clusters("ខ្មែរ 2") == ["ខ្មែ", "រ", " ", "2"]
    assert clusters("ស្ត្រី") == ["ស្ត្រី"]
    assert clusters("ការប្តេជ្ញា") == ["កា", "រ", "ប្តេ", "ជ្ញា"]
    assert clusters("a\r\nb") == ["a", "\r\n", "b"]
    assert clusters("ាក") == ["ា", "ក"]  # a mark with no base is its own piece
    assert clusters("ក្") == ["ក្"]  # dangling COENG stays with its base


@settings(max_examples=300, deadline=None)
@given(st.one_of(khmer_text, st.text(max_size=40)))
def test_clusters_lossless_and_spans_agree(text):
    parts = clusters(text)
    assert "".join(parts) == text
    spans = list(cluster_spans(text))
    assert [text[s:e] for s, e in spans] == parts
    assert all(e > s for s, e in spans)


@pytest.mark.parametrize("cluster", ["ក", "ស្ត្រី", "ម្យ៉ា", "ស៊ី", "កុំ", "ចាំ", "ស៊ាំំ", "ម៌", "ស៊\u200cី", "ឮា"])
def test_valid_clusters(cluster):
    assert is_valid_cluster(cluster)


@pytest.mark.parametrize("cluster", ["ស្រ្តី", "កំុ", "ម៉្យា", "កាា", "លេា", "ាក", "៥"])
def test_invalid_clusters(cluster):
    assert not is_valid_cluster(cluster)


def test_normalize_makes_misordered_clusters_valid():
    # (ធើ្វ, បេ្ត are valid by SIL's grammar: a final subscript is its tail CoengGroup)
    for bad in ["ស្រ្តី", "កំុ", "ម៉្យា", "ចំា"]:
        assert not is_valid_cluster(bad)
        assert is_valid_cluster(normalize(bad)), bad


@pytest.mark.parametrize("func", [clusters, is_valid_cluster, has_khmer, khmer_ratio])
@pytest.mark.parametrize("bad", [b"\xe1\x9e\x80", None, 5])
def test_type_errors(func, bad):
    with pytest.raises(TypeError, match="must be str"):
        func(bad) if func is not clusters else list(func(bad))


def test_require_str():
    assert require_str("ក") == "ក"
    with pytest.raises(TypeError, match="decode bytes first"):
        require_str(b"x")
    with pytest.raises(TypeError, match="text must be str, not NoneType"):
        require_str(None)


def test_cluster_spans_type_error():
    with pytest.raises(TypeError):
        list(cluster_spans(b"x"))


def test_doctests():
    assert doctest.testmod(chars).failed == 0
