"""The caches the fact rules keep across articles (issue 20) stay small.

A word's reading is cached across articles, but a cache of a few thousand
entries keyed on any word of the text holds a few thousand of the longest
words it met: a corpus whose articles each hold one long word (a hash, an
encoded blob) would keep all of them alive. Long words are read, not cached.
"""

from __future__ import annotations

import wikirel
from wikirel.facts import _text, missions
from wikirel.facts._text import Sentence, country_of, parties_of

_LONG = "Q" + "x" * 5000


def test_a_long_word_is_read_but_not_kept_by_the_readings_cache() -> None:
    _text._word_probes.cache_clear()
    parties = parties_of(("China", "Japan"))
    sentence = Sentence(f"the president {_LONG} visited the city in 2001.", None, parties)
    assert sentence.mentions == []
    assert _text._word_probes.cache_info().currsize == 0
    short = Sentence("the Chinese president visited the city in 2001.", None, parties)
    assert [m.country for m in short.mentions] == ["China"]
    assert _text._word_probes.cache_info().currsize == 1  # a short word is cached


def test_a_long_word_is_not_kept_by_country_of() -> None:
    _text._country_of.cache_clear()
    assert country_of(_LONG) is None
    assert country_of("Russian") == "Russia"
    assert _text._country_of.cache_info().currsize == 1  # "Russian" only


def test_articles_with_long_words_leave_no_words_behind() -> None:
    _text._word_probes.cache_clear()
    _text._country_of.cache_clear()
    for index in range(20):
        word = f"Q{index}" + "x" * 2000
        text = f"= China–Japan relations =\n\nThe embassy of {word} in Beijing opened in 1990.\n"
        wikirel.extract_relation(wikirel.parse(text))
    for cache in (_text._word_probes, _text._country_of):
        assert cache.cache_info().currsize < 20


def test_a_long_place_is_not_kept_by_the_capitals_cache() -> None:
    missions._third_capital_cached.cache_clear()
    for index in range(20):
        place = f"Q{index}" + "x" * 2000
        text = f"= China–Japan relations =\n\nChina opened an embassy in {place} in 1990.\n"
        wikirel.extract_relation(wikirel.parse(text))
    assert missions._third_capital_cached.cache_info().currsize == 0
    text = "= China–Japan relations =\n\nChina opened an embassy in Hanoi in 1990.\n"
    wikirel.extract_relation(wikirel.parse(text))
    assert missions._third_capital_cached.cache_info().currsize == 1  # a short name is cached
