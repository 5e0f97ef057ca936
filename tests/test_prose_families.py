"""``units_by_family`` gives each sentence the families it finds alone (issue 20).

The families of an article's sentences are found by one search per key word
(or per stem shared by a few key words: "sever", "sign", "off") through the
joined text; these tests hold that to each sentence's own look-up of every key
word, on text made of key words, stems, their neighbours and the real articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikirel
from wikirel.facts import _text
from wikirel.facts import extract as extract_module
from wikirel.facts._text import _KEYWORDS, Sentence, Unit, parties_of, units_by_family

_WORDS = [
    *(word for words in _KEYWORDS.values() for word in words),
    *("sever", "several", "Severed", "sign", "design", "significant", "SIGNING", "off", "official"),
    *("cut", "cutoff", "breaking", "break off", "ice", "ed", "ing", "ance", "Office", "CUT OFF"),
]
_PIECES = st.one_of(st.sampled_from(_WORDS), st.sampled_from([*" \n-.,xİ\u212a", "\u03a3", "the "]))
_SENTENCE = st.lists(_PIECES, max_size=12).map("".join)


def _check(texts: list[str]) -> int:
    units: list[Unit] = [(text, None, False, ()) for text in texts]
    sentences, by_family = units_by_family(units, parties_of(None))
    found = 0
    for sentence in sentences:
        alone = Sentence(sentence.text, None, parties_of(None))
        assert sentence.families == alone._make_families(), sentence.text
        assert sentence.folded == alone.folded
        found += bool(sentence.families)
    for family, each in by_family.items():
        assert each == [s for s in sentences if family in s.families]
    return found


@settings(max_examples=300)
@given(st.lists(_SENTENCE, min_size=1, max_size=6))
def test_families_of_joined_sentences_are_each_sentences_own(texts: list[str]) -> None:
    _check(texts)


def test_families_of_every_key_word_in_context() -> None:
    found = 0
    for word in _WORDS:
        for before in ("", "x", " ", "cut ", "breaking ", "\n"):
            for after in ("", "x", " ", "ice", "ed", "ing", "ance"):
                found += _check([before + word + after, word, "nothing here"])
    assert found > 100


def test_families_of_the_real_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[list[Unit]] = []
    original = extract_module.read_prose

    def keep(texts: list[Unit], parties: tuple[str, str] | None) -> object:
        read.append(list(texts))
        return original(texts, parties)

    monkeypatch.setattr(extract_module, "read_prose", keep)
    for path in sorted((Path(__file__).parent / "corpus").glob("*.txt")):
        wikirel.extract_relation(wikirel.parse(path.read_text(encoding="utf-8")))
    assert sum(_check([text for text, _, _, _ in texts]) for texts in read) > 20


@settings(max_examples=200)
@given(st.lists(_SENTENCE, min_size=1, max_size=6))
def test_families_are_the_same_when_the_stems_give_way_to_their_key_words(texts: list[str]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_text, "_MOST_MISSES", 0)  # the first place checked in vain
        _check(texts)


def test_a_text_full_of_a_stem_is_searched_for_its_key_words() -> None:
    texts = ["off sign sever " * 50 + "cut off", "the office", "signing " + "sign " * 40, "several"]
    assert _check(texts) == 3
    assert _check(["x sign" * 30, "sever " * 30 + "severance", "off " * 30]) == 1
