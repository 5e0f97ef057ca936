"""``facts._text.scan`` finds exactly what ``finditer`` finds, for every trigger it scans for.

The fact rules look for their triggers only where one of a few start words
is (issue 20); these tests hold each (pattern, start words) pair to the
pattern's own ``finditer`` on text made of the words the patterns read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wikirel.facts import agreements, diplomatic, missions, visits
from wikirel.facts._text import Sentence, parties_of, scan

# What ``visits._visits_of`` finds: its pattern behind a \b (the pattern leaves it out to be searched
# for as a literal, and checks the word start after).
_VISIT_OF = re.compile(r"\b" + visits._VISIT_OF.pattern)

# (name, pattern, start words, the pattern reads the case-folded text, the start words are found in it)
_SCANS: list[tuple[str, re.Pattern[str], Sequence[str], bool, bool]] = [
    ("diplomatic", diplomatic._TRIGGER, diplomatic._STARTS, True, True),
    ("missions", missions._KIND, missions._STARTS, True, True),
    ("agreements", agreements._KIND, agreements._STARTS, False, True),
    ("visits", visits._TRIGGER, visits._TRIGGER_STARTS, False, False),
    ("visit of", _VISIT_OF, ("visit",), False, False),
]
_IDS = [s[0] for s in _SCANS]
_CHARACTERS = [*"abcdefghijklmnopqrstuvwxyz", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ", *" \t\n-'’.,;()İ"]
_PHRASES = [
    "re-established", "reestablishment", "restored", "resumption", "normalised again", "Established",
    "severed", "severance", "broke off", "broken  off", "breaking off", "cut off", "ruptured",
    "suspension", "recognised", "recognition", "RECOGNIZED", "relations",
    "honorary consulate", "consulates general", "consul-general", "embassy", "Embassies",
    "high commission", "High  Commission", "representative office", "liaison offices",
    "treaty", "Treaties", "agreement", "Agreements", "memoranda", "MOU", "MoUs", "protocol",
    "Declaration", "conventions", "Accord",
    "visited", "travelled to", "traveled  to", "paid a state visit to", "made an official visit to",
    "undertook visits to", "'s visit to", "’s first visit to", "visits of President Xi to",
    "visit by the King of Spain to", "Japan", "President", "the",
]  # fmt: skip
_PIECES = st.one_of(st.sampled_from(_PHRASES), st.sampled_from(_CHARACTERS))


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


def _check(
    text: str, pattern: re.Pattern[str], starts: Sequence[str], on_folded: bool, find_folded: bool
) -> int:
    # "İ" lower-cases to two characters: then the twin folds ASCII only, offsets unchanged.
    folded = Sentence(text, None, parties_of(None)).folded
    read = folded if on_folded else text
    expected = _spans(pattern.finditer(read))
    assert _spans(scan(pattern, starts, read, folded if find_folded else None)) == expected
    return len(expected)


@pytest.mark.parametrize(("name", "pattern", "starts", "on_folded", "find_folded"), _SCANS, ids=_IDS)
@settings(max_examples=150)
@given(pieces=st.lists(_PIECES, max_size=40))
def test_scan_finds_what_finditer_finds(
    name: str,
    pattern: re.Pattern[str],
    starts: Sequence[str],
    on_folded: bool,
    find_folded: bool,
    pieces: list[str],
) -> None:
    _check("".join(pieces), pattern, starts, on_folded, find_folded)


@pytest.mark.parametrize(("name", "pattern", "starts", "on_folded", "find_folded"), _SCANS, ids=_IDS)
def test_scan_of_every_phrase_in_context(
    name: str, pattern: re.Pattern[str], starts: Sequence[str], on_folded: bool, find_folded: bool
) -> None:
    found = 0
    for phrase in _PHRASES:
        for before in ("", "x", " ", "-", "pre"):
            for after in ("", "s", " ", ".", " relations", " Japan to "):
                found += _check(before + phrase + after, pattern, starts, on_folded, find_folded)
        for other in _PHRASES:
            found += _check(f"{phrase} {other}", pattern, starts, on_folded, find_folded)
    assert found > 0


def test_scan_of_the_real_articles() -> None:
    articles = [
        p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "corpus").glob("*.txt"))
    ]
    found = sum(_check(text, *scanned[1:]) for text in articles for scanned in _SCANS)
    assert found > 20  # the check had matches to compare


def _check_visits_of(text: str) -> int:
    expected = _spans(_VISIT_OF.finditer(text))
    assert _spans(visits._visits_of(text)) == expected
    return len(expected)


@settings(max_examples=150)
@given(pieces=st.lists(_PIECES, max_size=40))
def test_visits_of_finds_what_finditer_finds(pieces: list[str]) -> None:
    _check_visits_of("".join(pieces))


def test_visits_of_every_phrase_in_context_and_the_real_articles() -> None:
    found = 0
    for phrase in _PHRASES:
        for before in ("", "x", " ", "-", "pre", "the visit of A"):
            for after in ("", "s", " ", ".", " relations", " Japan to ", " of B to "):
                found += _check_visits_of(before + phrase + after)
    articles = [
        p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "corpus").glob("*.txt"))
    ]
    found += sum(_check_visits_of(text) for text in articles)
    assert found > 0
