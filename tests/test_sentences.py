"""``facts.sentences.sentence_starts``: where running text splits, and the offset of each sentence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wikirel.facts.sentences import sentence_starts, split_sentences

SPLITS = [
    ("Gen. J. Smith met U.S. envoys. Trade grew.", ["Gen. J. Smith met U.S. envoys.", "Trade grew."]),
    ("It fell in 4000 B.C. The city burned.", ["It fell in 4000 B.C.", "The city burned."]),
    ("It fell in 4000 b.c.e. The city burned.", ["It fell in 4000 b.c.e.", "The city burned."]),
    ("Talks\tfailed. Then came war.", ["Talks\tfailed.", "Then came war."]),
    ("Envoys of the\u00a0Gen. Assembly met.", ["Envoys of the\u00a0Gen. Assembly met."]),
    ("He said (e.g. Peace) twice.", ["He said (e.g. Peace) twice."]),
    ("“Mr. Chen” arrived. (Sen. Lee) left.", ["“Mr. Chen” arrived.", "(Sen. Lee) left."]),
    ("They met the U.N.D.P. Board. It agreed.", ["They met the U.N.D.P. Board.", "It agreed."]),
    ("It grew 17.5 percent in 2012. Then 2013 came.", ["It grew 17.5 percent in 2012.", "Then 2013 came."]),
    ("x" * 60 + ". Then y.", ["x" * 60 + ".", "Then y."]),
    ("A\u2003" + "x" * 60 + ". Then y.", ["A\u2003" + "x" * 60 + ".", "Then y."]),
    ("Why? Because.  Yes!  ", ["Why?", "Because.", "Yes!"]),
    ("  Lead. Then more.", ["Lead.", "Then more."]),
    ("   ", []),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_running_text_splits_as_a_reader_splits_it(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected
    offsets, found = sentence_starts(text)
    assert found == expected
    assert [text[at : at + len(sentence)] for at, sentence in zip(offsets, found, strict=True)] == found


_PIECES = st.sampled_from(
    [
        "Gen.",
        "J.",
        "U.S.",
        "B.C.",
        "2012.",
        "Then",
        "Yes!",
        "Why?",
        "“Q.”",
        "(A.)",
        "e.g.",
        "word",
        "x" * 50 + ".",
    ]
)
_GAPS = st.sampled_from([" ", "  ", "\t", "\u00a0", "\u2003", "\n", ""])


@settings(max_examples=200)
@given(st.lists(st.tuples(_PIECES, _GAPS), max_size=20).map(lambda parts: "".join(a + b for a, b in parts)))
def test_each_sentence_is_its_text_at_its_offset(text: str) -> None:
    offsets, found = sentence_starts(text)
    assert offsets == sorted(offsets) and len(set(offsets)) == len(offsets)
    for at, sentence in zip(offsets, found, strict=True):
        assert sentence and sentence == sentence.strip()
        assert text[at : at + len(sentence)] == sentence
    assert "".join("".join(sentence.split()) for sentence in found) == "".join(text.split())
