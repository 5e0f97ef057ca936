"""The shortcuts of the running-text rules change no fact (issue 20).

Each shortcut skips work whose result is known: these tests read the same
sentences with and without it and compare.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikirel
from wikirel.facts import _text, agreements, diplomatic, find_dates, missions, visits
from wikirel.facts import extract as extract_module
from wikirel.facts._text import Sentence, Unit, parties_of, units

_CORPUS = Path(__file__).parent / "corpus"


def _units(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[Unit], tuple[str, str] | None]]:
    """What ``read_prose`` is given for each real article and a few made-up ones."""
    read: list[tuple[list[Unit], tuple[str, str] | None]] = []
    original = extract_module.read_prose

    def keep(texts: list[Unit], parties: tuple[str, str] | None) -> object:
        read.append((list(texts), parties))
        return original(texts, parties)

    monkeypatch.setattr(extract_module, "read_prose", keep)
    texts = [p.read_text(encoding="utf-8") for p in sorted(_CORPUS.glob("*.txt"))]
    texts.append(
        "= China–Japan relations =\n\nChina and Japan established diplomatic relations.\n\n"
        "- May 12, 1997: China and Japan established diplomatic relations. They restored ties.\n"
        "- China and Japan severed diplomatic relations. In 1990 they restored ties.\n"
    )
    for text in texts:
        wikirel.extract_relation(wikirel.parse(text))
    monkeypatch.undo()
    return read


def test_an_undated_sentence_has_no_date_near_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    undated = 0
    for texts, parties in _units(monkeypatch):
        for sentence in units(texts, parties_of(parties)):
            if sentence.undated:
                undated += 1
                fresh = Sentence(sentence.text, None, sentence.parties, sentence.default_date)
                assert not fresh.dates and fresh.default_date is None
                assert all(sentence.date_near(at, at + 1) is None for at in range(0, len(sentence.text), 7))
    assert undated > 10


def test_the_undated_shortcut_changes_no_diplomatic_event(monkeypatch: pytest.MonkeyPatch) -> None:
    read = _units(monkeypatch)
    with_shortcut = [diplomatic.read_diplomatic(units(t, parties_of(p))) for t, p in read]
    monkeypatch.setattr(Sentence, "undated", property(lambda self: False))
    without = [diplomatic.read_diplomatic(units(t, parties_of(p))) for t, p in read]
    assert with_shortcut == without
    assert sum(map(len, without)) > 10


def test_undated_is_known_only_when_it_is_sure() -> None:
    parties = parties_of(("China", "Japan"))
    assert Sentence("China and Japan established relations.", None, parties, spans=()).undated
    assert not Sentence("China and Japan established relations.", None, parties).undated  # not found yet
    dated = find_dates("In 1990 China and Japan established relations.")
    assert not Sentence("In 1990 China and Japan established relations.", None, parties, spans=dated).undated
    assert not Sentence("They established relations.", None, parties, dated[0], spans=()).undated


_NOUNS = st.sampled_from(
    ["relations", "Relations", "RELATIONS", "relationship", "ties", "Ties", "TIES", "tıes", "TİES", "tieſ"]
)
_AROUND = st.sampled_from(["", " ", "x", "İ", "diplomatic ", "established ", "the ", ".", "İstanbul "])


@settings(max_examples=300)
@given(st.lists(st.one_of(_NOUNS, _AROUND), max_size=8).map("".join))
def test_a_sentence_the_relation_nouns_match_in_holds_a_noun_need(text: str) -> None:
    folded = Sentence(text, None, parties_of(None)).folded
    if diplomatic._NOUN.search(text) or any(
        diplomatic._OBJECT.match(text, at) for at in range(len(text) + 1)
    ):
        assert any(need in folded for need in diplomatic._NOUN_NEEDS), text


def test_the_noun_shortcut_changes_no_diplomatic_event(monkeypatch: pytest.MonkeyPatch) -> None:
    read = _units(monkeypatch)
    with_shortcut = [diplomatic.read_diplomatic(units(t, parties_of(p))) for t, p in read]
    monkeypatch.setattr(diplomatic, "_NOUN_NEEDS", ("",))  # every sentence holds ""
    without = [diplomatic.read_diplomatic(units(t, parties_of(p))) for t, p in read]
    assert with_shortcut == without
    assert sum(map(len, without)) > 10


def _names() -> list[str]:
    return sorted(_text._countries())


_NAME_PIECES = st.one_of(
    st.sampled_from(_names()),
    st.sampled_from(["The", "United", "Republic", "People's", "South", "New", "Saint", "Sri", "Viet"]),
    st.sampled_from([" ", " ", ", ", ".", "'s", "’s", "-", " of ", " and ", "Tajik", "x", "the "]),
)


@settings(max_examples=300)
@given(st.lists(_NAME_PIECES, max_size=10).map("".join))
def test_longer_names_are_tried_only_where_one_can_start(text: str) -> None:
    """The mentions are those found trying every longer name wherever a word starts one."""
    parties = parties_of(("China", "Tajikistan"))
    found = Sentence(text, None, parties).mentions
    probes = _text._probes

    def every_time(word: str) -> _text._Probes:
        most, keys, _, named = probes(word)
        return most, keys, ("",) if most > 1 else (), named

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_text, "_word_probes", every_time)
        patch.setattr(_text, "_probes", every_time)
        assert Sentence(text, None, parties).mentions == found, text


_GUEST_PIECES = st.one_of(
    st.sampled_from(["President", "Prime", "Minister", "of", "the", "The", "Xi", "Jinping", "also", "has"]),
    st.sampled_from(["now-President", "Gayoom's", "Emomali", "Rahmon", "Foreign", "Secretary", "visited"]),
    st.sampled_from([" ", " ", " ", ", ", ".", "-", "'", "\u00a0", "x"]),
)


def _guest_from_the_whole_window(text: str, end: int) -> tuple[str, int] | None:
    return visits._read_guest(text, max(0, end - visits._GUEST_WINDOW), end)[0]


@settings(max_examples=400)
@given(st.lists(_GUEST_PIECES, max_size=60).map("".join))
def test_a_visitor_read_from_the_near_words_is_the_one_read_from_the_window(text: str) -> None:
    for end in range(0, len(text) + 1, 3):
        assert visits._guest(text, end) == _guest_from_the_whole_window(text, end), (text, end)


def test_the_visitors_of_the_real_articles_are_read_from_the_near_words() -> None:
    read = 0
    for path in sorted(_CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for at in range(len(text)):
            if text.startswith(("visited", "travel", "paid", "made"), at):
                assert visits._guest(text, at) == _guest_from_the_whole_window(text, at)
                read += visits._guest(text, at) is not None
    assert read > 5


# Each (?i) pattern a rule searches over a window, and its twin for an ASCII sentence's folded text.
_TWINS = [
    (missions._BEFORE, missions._BEFORE_FOLDED),
    (missions._NOT_DONE, missions._NOT_DONE_FOLDED),
    (agreements._VERB, agreements._VERB_FOLDED),
    (agreements._NOT_DONE, agreements._NOT_DONE_FOLDED),
    (diplomatic._NOUN, diplomatic._NOUN_FOLDED),
    (diplomatic._PASSIVE, diplomatic._PASSIVE_FOLDED),
    (diplomatic._NOT_DONE, diplomatic._NOT_DONE_FOLDED),
    (visits._BREAK, visits._BREAK_FOLDED),
]
_TWIN_WORDS = [
    *(
        "opened",
        "Established",
        "INAUGURATED",
        "set up",
        "Set  Up",
        "reopened",
        "re-opened",
        "closed",
        "shut down",
    ),
    *(
        "by establishing",
        "By Opening",
        "used to have",
        "has",
        "Have",
        "has had",
        "HAVE had",
        "an",
        "a",
        "its",
    ),
    *("their", "The", "his", "her", "new", "First", "own", "permanent", "resident", "diplomatic", "two"),
    *("signed", "SIGNING", "concluded", "Concluding", "ratified", "Ratifying", "sign", "design", "x"),
    *("relations", "Ties", "relationship", "Diplomatic Relations", "ties", "relationships"),
    *("were", "Was", "been", "be", "ARE", "is", "and", "officially", "to", "Not", "never", "will", "would"),
    *("could", "may", "might", "shall", "plans to", "agreed  to", "n't", "towards", "resisted", "refused"),
    *("without", "before", "on", "for", "about", "After", "since", "until", "following", "when", "while"),
    *("which", "who", "where", "because", "whereas", "but", ";"),
]
_TWIN_TEXT = st.lists(
    st.tuples(
        st.sampled_from(_TWIN_WORDS), st.sampled_from([" ", " ", "  ", "\n", "-", ".", ",", "", "_", "1"])
    ),
    max_size=12,
).map(lambda pieces: "".join(word + after for word, after in pieces))


@settings(max_examples=300)
@given(_TWIN_TEXT, st.integers(0, 1000), st.integers(0, 1000))
def test_the_folded_twins_find_what_their_patterns_find_in_ascii(text: str, pos: int, cut: int) -> None:
    assert text.isascii()
    folded = Sentence(text, None, parties_of(None)).folded
    pos %= len(text) + 1
    endpos = len(text) - cut % (len(text) + 1) // 2  # windows that end before the text, as the rules search
    for pattern, twin in _TWINS:
        for a, b in (
            (pattern.finditer(text, pos, endpos), twin.finditer(folded, pos, endpos)),
            (pattern.finditer(text[pos:endpos]), twin.finditer(folded[pos:endpos])),
        ):
            found = [(m.span(), {k: v and v.casefold() for k, v in m.groupdict().items()}) for m in a]
            assert found == [(m.span(), m.groupdict()) for m in b], (pattern.pattern, text)
        for end in range(pos, len(text) + 1):  # ending anywhere, as ``_BEFORE`` must ($)
            first = pattern.search(text, pos, end)
            assert (first and first.span()) == ((m := twin.search(folded, pos, end)) and m.span())


@pytest.mark.parametrize(
    ("pattern", "twin", "word"),
    [
        (missions._BEFORE, missions._BEFORE_FOLDED, "cloſed "),
        (agreements._VERB, agreements._VERB_FOLDED, "ſigned"),
        (diplomatic._NOUN, diplomatic._NOUN_FOLDED, "tıes"),
        (visits._BREAK, visits._BREAK_FOLDED, "ſince"),
    ],
)
def test_the_folded_twins_differ_from_their_patterns_beyond_ascii(
    pattern: re.Pattern[str], twin: re.Pattern[str], word: str
) -> None:
    # Why a twin reads only ASCII sentences: (?i) matches "ſ" for "s" and "ı" for "i".
    assert pattern.search(word) is not None
    assert twin.search(Sentence(word, None, parties_of(None)).folded) is None


def test_a_sentence_searches_with_the_twin_only_when_it_is_ascii() -> None:
    ascii_ = Sentence("They were NOT restored.", None, parties_of(None))
    other = Sentence("They were NOT reſtored, ſince.", None, parties_of(None))
    at = ascii_.text.index(" restored")
    found = ascii_.search(diplomatic._NOT_DONE, diplomatic._NOT_DONE_FOLDED, 0, at + 1)
    assert found is not None and found.group() == "not "  # read from the folded text
    found = other.search(diplomatic._NOT_DONE, diplomatic._NOT_DONE_FOLDED, 0, at + 1)
    assert found is not None and found.group() == "NOT "  # read from the text itself
    assert other.search(visits._BREAK, visits._BREAK_FOLDED, 0, len(other.text)) is not None


def test_bounded_keeps_up_to_the_most_a_sentence_gives() -> None:
    from wikirel.facts import MOST_A_SENTENCE, _bounded

    class Fact(NamedTuple):
        sentence: str
        number: int

    one, other = "One sentence.", "Another."
    many = [Fact(one, n) for n in range(MOST_A_SENTENCE + 3)] + [Fact(other, n) for n in range(4)]
    kept = _bounded(many)
    assert [f for f in kept if f.sentence is one] == many[:MOST_A_SENTENCE]
    assert [f for f in kept if f.sentence is other] == many[-4:]
    exactly = [Fact(one, n) for n in range(MOST_A_SENTENCE)]
    assert _bounded(exactly) == tuple(exactly)
    assert _bounded([]) == ()


def test_a_sentence_of_many_missions_is_searched_for_since_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each mission with a verb of state ("has an embassy") asks whether the sentence says
    # "since": searching the whole sentence for each made a long sentence quadratic.
    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern, self.calls = pattern, 0

        def search(self, text: str) -> re.Match[str] | None:
            self.calls += 1
            return self.pattern.search(text)

    parties = parties_of(("France", "Germany"))
    for tail, facts in (("as they have in 1990.", 0), ("since 1990.", 40)):
        text = "France has an embassy in Berlin and has a consulate in Bonn, " * 20 + tail
        counted = Counted(missions._SINCE)
        monkeypatch.setattr(missions, "_SINCE", counted)
        found = missions.read_missions(units([(text, None, False, find_dates(text))], parties))
        monkeypatch.undo()
        assert counted.calls == 1
        assert len(found) == facts
