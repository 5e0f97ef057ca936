"""The caches the fact rules keep across articles (issue 20) stay small.

A word's reading is cached across articles, but a cache of a few thousand
entries keyed on any word of the text holds a few thousand of the longest
words it met: a corpus whose articles each hold one long word (a hash, an
encoded blob) would keep all of them alive. Long words are read, not cached.
"""

from __future__ import annotations

import gc
import tracemalloc

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


def _extract(titles: list[str]) -> None:
    for title in titles:
        wikirel.extract_relation(wikirel.parse(f"= {title} relations =\n\nThe embassy opened in 1990.\n"))


def _held_after(titles: list[str], before: list[str]) -> int:
    """The memory still allocated after extracting an article of each of ``titles``, once
    the articles of ``before`` have filled the caches (all traced: what a full cache
    drops for what it takes counts)."""
    gc.collect()
    tracemalloc.start()
    try:
        _extract(before)
        gc.collect()
        start = tracemalloc.get_traced_memory()[0]
        _extract(titles)
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - start
    finally:
        tracemalloc.stop()


def test_parties_of_many_articles_are_not_all_kept() -> None:
    """Every pair of made-up parties was kept (``_written`` cached the names of any
    party for good), and long titles were kept by the cache of pairs."""
    warm = [f"Aland{index}–Bland{index}" for index in range(1100)]  # fills the cache of pairs
    count = 3000
    held = _held_after([f"Pa{index}rty–Pb{index}rty" for index in range(count)], warm)
    assert held < count * 40  # at most a few bytes an article (was ~150: two names and a slot)
    long_titles = [f"L{index}" + "x" * 20_000 + "–Japan" for index in range(20)]
    assert _held_after(long_titles, warm) < 20_000  # none of the 20 long titles kept (was 400 kB)


def test_a_long_party_is_not_kept_by_the_prefixes_cache() -> None:
    _text._party_prefixes.cache_clear()
    parties = _text.Parties((_LONG, "Japan"))
    assert parties.adjective("Japanese") == "Japan"
    assert _text._party_prefixes.cache_info().currsize == 1  # "Japan" only
    assert _text._party_prefixes.cache_info().maxsize is not None
