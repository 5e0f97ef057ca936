"""The date layer (wikirel.facts.dates): one case per form of its table, the readings
issue 19 asked for, and the candidate scan checked against a word-by-word walk.

The cases of numbers that are *not* dates live in tests/test_not_facts.py.
"""

from __future__ import annotations

import pickle
import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikirel
from wikirel.facts import _datespan
from wikirel.facts import dates as date_layer


def dates(text: str) -> list[tuple[str, int, int, str]]:
    return [(d.text, d.start_year, d.end_year, d.precision) for d in wikirel.facts.find_dates(text)]


# One example per form of the table, with the span a reader gives it.
FORM_CASES = {
    "iso_day": ("signed on 2010-12-31 in Paris", ("2010-12-31", 2010, 2010, "day")),
    "dmy_to_dmy": ("from 27 January 2007 to 1 February 2008",
                   ("27 January 2007 to 1 February 2008", 2007, 2008, "day")),
    "mdy_to_mdy": ("January 27, 2007 – February 1, 2008",
                   ("January 27, 2007 – February 1, 2008", 2007, 2008, "day")),
    "md_to_md_y": ("May 30 – June 2, 2013", ("May 30 – June 2, 2013", 2013, 2013, "day")),
    "md_to_d_y": ("May 19–21, 2013", ("May 19–21, 2013", 2013, 2013, "day")),
    "month_day_year": ("August 31st of 1998", ("August 31st of 1998", 1998, 1998, "day")),
    "dm_to_dm_y": ("27 March to 1 April 2005", ("27 March to 1 April 2005", 2005, 2005, "day")),
    "d_to_dm_y": ("12–14 October 2012", ("12–14 October 2012", 2012, 2012, "day")),
    "day_of_month_year": ("the 16th of September, 1975", ("16th of September, 1975", 1975, 1975, "day")),
    "day_month_year": ("on 4 January 1992", ("4 January 1992", 1992, 1992, "day")),
    "month_to_month_year": ("June/July 1998", ("June/July 1998", 1998, 1998, "month")),
    "month_year": ("in March of 2008", ("March of 2008", 2008, 2008, "month")),
    "centuries": ("the 12th–13th century", ("12th–13th century", 1101, 1300, "century")),
    "century": ("the second century BCE", ("second century BCE", -200, -101, "century")),
    "decades": ("from the 1850s to the 1890s", ("1850s to the 1890s", 1850, 1899, "decade")),
    "decade": ("the 1990s", ("1990s", 1990, 1999, "decade")),
    "between_years": ("between 5000 and 2000 BCE", ("between 5000 and 2000 BCE", -5000, -2000, "year")),
    "year_range": ("from 286 to 305AD", ("286 to 305AD", 286, 305, "year")),
    "ad_year": ("AD 97", ("AD 97", 97, 97, "year")),
    "year": ("4000 B.C.", ("4000 B.C.", -4000, -4000, "year")),
}  # fmt: skip


def test_every_form_has_a_case() -> None:
    assert sorted(FORM_CASES) == sorted(form.name for form in date_layer._FORMS)


@pytest.mark.parametrize("form", sorted(FORM_CASES))
def test_each_form(form: str) -> None:
    text, expected = FORM_CASES[form]
    assert dates(text) == [expected]
    start = text.index(expected[0])
    match = date_layer._date_pattern("number" if text[start].isdigit() else "word").match(text, start)
    assert match is not None and match.lastgroup == form


def test_the_forms_name_their_groups_for_what_they_hold() -> None:
    for form in date_layer._FORMS:
        for group in form.groups:
            assert re.fullmatch(
                r"(?:(?:first|last)_)?(?:day|month|year|era)|first|last|ordinal|decade", group
            ), (
                form.name,
                group,
            )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # issue 19 §3, as the issue words them
        ("in late 1066", [("1066", 1066, 1066, "year")]),
        ("the 16th and the 17th century", [("16th and the 17th century", 1501, 1700, "century")]),
        ("the 16th and 17th centuries", [("16th and 17th centuries", 1501, 1700, "century")]),
        ("the sixteenth and seventeenth centuries",
         [("sixteenth and seventeenth centuries", 1501, 1700, "century")]),
        # "the 1800s": the hundred years (which hold the decade 1800-1809 too)
        ("the 1800s", [("1800s", 1800, 1899, "century")]),
        ("the 1900s", [("1900s", 1900, 1999, "century")]),
        ("the 1910s", [("1910s", 1910, 1919, "decade")]),
        ("the 2000s", [("2000s", 2000, 2009, "decade")]),
        ("in the 1800s and 1900s", [("1800s", 1800, 1899, "century"), ("1900s", 1900, 1999, "century")]),
        # an ordinal inside a compound number starts no date
        ("the twenty-second century", []),
        ("a forty-first century", []),
        ("the twenty-first century", [("twenty-first century", 2001, 2100, "century")]),
        ("the Twenty-first century", [("Twenty-first century", 2001, 2100, "century")]),
        ("the mid-second century", [("second century", 101, 200, "century")]),
        # a date word inside a longer word starts none
        ("Mayday 2010", [("2010", 2010, 2010, "year")]),
        ("mid-May 2010", [("May 2010", 2010, 2010, "month")]),
        # nor does a digit inside a number
        ("112 May 1990 to 14 May 1990",
         [("May 1990", 1990, 1990, "month"), ("14 May 1990", 1990, 1990, "day")]),
        # digits of other scripts start no date
        ("the ١٩٩0s", []),
        ("in ١٩٩٠", []),
    ],
)  # fmt: skip
def test_readings(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("in late 1066", "late"),
        ("mid-May 2010", "mid"),
        ("present since approximately 2016", "since approximately"),
        ("until the 1960s", "until"),
        ("as early as 1990", "as early as"),
        ("no later than 2005", "no later than"),
        ("c. 1262", "c."),
        ("ca. 1262", "ca."),
        ("APPROX. 1990", "approx."),
        ("BY  -  1990", "by"),
        ("then 1990", None),
        ("Thesince 1990", None),
    ],
)
def test_qualifiers(text: str, qualifier: str | None) -> None:
    (span,) = wikirel.facts.find_dates(text)
    assert span.qualifier == qualifier


def test_a_qualifier_in_another_script_is_left_to_the_regex() -> None:
    # The cheap test before the look-back regex lowers ASCII only; the regex folds case
    # wider ("ſ" is a long s), and non-ASCII text is always handed to it.
    (span,) = wikirel.facts.find_dates("ſince 1990")
    assert span.qualifier == "ſince"


# The candidate scan against the word-by-word walk of 0.3.0: a date may start at a run
# of digits or at a date word standing alone ("-first" glued to a word belongs to it);
# since the scan, not at an ordinal that ends a compound number ("twenty-second") nor
# at a digit of another script ("١٩٩0s": years in those digits were never read).
_WORD = re.compile(r"\d+|[A-Za-z]+(?:-first)?")
_STARTERS = {
    *(name for name in date_layer._MONTHS),
    *date_layer._ORDINAL_WORDS,
    "between",
    "ad",
}
_COMPOUND = re.compile(r"(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)-$")


def _walked_starts(text: str) -> list[int]:
    starts = []
    for word in _WORD.finditer(text):
        token = word.group()
        if token[0] in "0123456789" or (
            token.lower() in _STARTERS
            and not (token.lower() in date_layer._ORDINAL_WORDS and _COMPOUND.search(text, 0, word.start()))
        ):
            starts.append(word.start())
    return starts


# Words made of a core (a date word or a number) glued to a prefix and a suffix that
# may hide it: "xMay", "twenty-second", "first-first", "١٩90".
_CORES = ["May", "Sept.", "between", "Between", "AD", "first", "First", "second", "century", "1990", "12",
          "300", "1800s", "1,990", "$300"]  # fmt: skip
_PREFIXES = ["", "x", "twenty-", "Twenty-", "١٩", "-"]
_SUFFIXES = ["", "x", "-first", "s"]
_GAPS = [" ", "-", ", ", " to ", " and "]
_GLUED = [prefix + core + suffix for prefix in _PREFIXES for core in _CORES for suffix in _SUFFIXES]


def test_the_scan_finds_the_starts_a_word_by_word_walk_finds() -> None:
    texts = [f"in {word}{gap}{core} {core}" for word in _GLUED for gap in _GAPS for core in _CORES]
    differ = [
        text
        for text in texts
        if wikirel.facts.find_dates(text) != date_layer._find(text, _walked_starts(text))
    ]
    assert not differ, differ[:10]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_GLUED + _GAPS + _GAPS), max_size=12).map("".join))
def test_the_scan_finds_the_starts_a_word_by_word_walk_finds_in_longer_text(text: str) -> None:
    assert wikirel.facts.find_dates(text) == date_layer._find(text, _walked_starts(text))


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("1" * 100_000, []),
        ("1 " * 50_000, []),
        ("May " * 25_000, []),
        ("May" + " " * 100_000 + "x", []),
        ("between " * 12_000, []),
        # a digit at either end: the scan reads the whole text
        ("1 " + "May " * 25_000, []),
        ("May" + " " * 100_000 + "x 1", []),
        ("between " * 12_000 + "1", []),
        ("first to " * 10_000 + "century", []),
        ("twenty-" * 12_000 + "second century", []),
        ("since " * 15_000 + "1990", [1990]),
        ("Resolution" + " " * 100_000 + "1990", [1990]),
    ],
)
def test_hostile_text(text: str, years: list[int]) -> None:
    # Timings are not asserted (benchmarks/dates.py reports how cost grows from n to 10·n).
    assert [span.start_year for span in wikirel.facts.find_dates(text)] == years


# The look-back regexes run only after a cheap test on the word before the date; that
# test must never turn away a text the regex would match.
_BEFORE_WORDS = ["since", "Since", "SINCE", "approx.", "c.", "ca.", "as early as", "no later than",
                 "middle of", "in", "In", "by", "the", "early", "mid", "late", "dated", "year", "Resolution",
                 "Resolutions", "nos.", "No.", "pp.", "Vol.", "iso", "km", "within", "thesince", "ſince",
                 "İn", "x"]  # fmt: skip
_BEFORE_GAPS = [" ", "  ", "-", " - ", "\u00a0", "", "."]
_LOOKS_BACK = ["_HEDGE", "_YEAR_CONTEXT", "_CODE_CONTEXT", "_TIME_WORD", "_STRONG_CONTEXT"]


def test_the_look_back_regexes_find_what_a_plain_search_finds() -> None:
    differ = []
    for first in _BEFORE_WORDS:
        for gap in _BEFORE_GAPS:
            for second in _BEFORE_WORDS:
                for last_gap in _BEFORE_GAPS:
                    before = f"{first}{gap}{second}{last_gap}"
                    text, at = before + "1990", len(before)
                    for name in _LOOKS_BACK:
                        looked = getattr(date_layer, name)
                        plain = looked._pattern.search(text, max(0, at - looked._width), at)
                        found = looked.search(text, at)
                        if (found and found.group()) != (plain and plain.group()):
                            differ.append((name, text))
    assert not differ, differ[:10]


# Chains of the words the look-back regexes are written with, others, and what may stand
# between them: ``_Before`` searches from where a match can start at the earliest, which
# must never leave out one a search of the whole window finds.
_CHAIN_WORDS = [*_BEFORE_WORDS, "approximately", "as", "of", "no", "later", "than", "middle", "from", "until",
                "U.S.", "(", ",", "1990", "ca", "c", "K", "ı", "ſ"]  # fmt: skip
_CHAIN_GAPS = [*_BEFORE_GAPS, "\n", "\t", "\x1c", ", "]


def test_the_look_back_regexes_find_what_a_plain_search_finds_after_three_words() -> None:
    words = ["in", "Since", "the", "early", "mid", "approx.", "as", "of", "x", "ſince", "(", "by"]
    differ = []
    for first in words:
        for second in words:
            for third in words:
                for gaps in [(" ", " ", " "), (" ", "  ", "-"), ("-", " ", " "), ("", " - ", "\n")]:
                    before = f"{first}{gaps[0]}{second}{gaps[1]}{third}{gaps[2]}"
                    text, at = before + "1990", len(before)
                    for name in _LOOKS_BACK:
                        looked = getattr(date_layer, name)
                        plain = looked._pattern.search(text, max(0, at - looked._width), at)
                        found = looked.search(text, at)
                        if (found and (found.span(), found.groupdict())) != (
                            plain and (plain.span(), plain.groupdict())
                        ):
                            differ.append((name, text))
    assert not differ, differ[:10]


_HEDGE_WORDS = [*re.findall(r"[a-z]+", date_layer._QUALIFIERS), "the", "in", "Since", "THE", "c.", "ſince"]
_HEDGE_GAPS = [" ", "  ", "-", " -", "\n"]


@settings(max_examples=300)
@given(
    st.lists(st.tuples(st.sampled_from(_CHAIN_WORDS), st.sampled_from(_CHAIN_GAPS)), max_size=10),
    st.lists(st.tuples(st.sampled_from(_HEDGE_WORDS), st.sampled_from(_HEDGE_GAPS)), max_size=5),
    st.integers(0, 2),
)
def test_the_look_back_regexes_find_what_a_plain_search_finds_in_longer_text(
    chain: list[tuple[str, str]], last: list[tuple[str, str]], back: int
) -> None:
    before = "".join(word + gap for word, gap in chain + last)
    text, at = before + "1990", max(0, len(before) - back)
    for name in _LOOKS_BACK:
        looked = getattr(date_layer, name)
        plain = looked._pattern.search(text, max(0, at - looked._width), at)
        found = looked.search(text, at)
        assert (found and (found.span(), found.groupdict())) == (plain and (plain.span(), plain.groupdict()))


def test_the_spans_find_dates_makes_are_those_the_constructor_makes() -> None:
    """find_dates fills a DateSpan's slots without ``__init__``: the values equal, hash,
    print and pickle as those of the public constructor, and every field is filled."""
    assert tuple(field.name for field in attrs.fields(wikirel.facts.DateSpan)) == _datespan._SPAN_FIELDS
    text = " ".join(case for case, _ in FORM_CASES.values()) + " since about 2016, in early 1066"
    found = wikirel.facts.find_dates(text)
    assert len(found) >= len(FORM_CASES)
    for span in found:
        made = wikirel.facts.DateSpan(
            span.start,
            span.end,
            span.precision,
            span.text,
            span.qualifier,
            start_year=span.start_year,
            end_year=span.end_year,
        )
        assert span == made and hash(span) == hash(made) and repr(span) == repr(made)
        assert pickle.loads(pickle.dumps(span)) == made
        assert attrs.asdict(span) == attrs.asdict(made)


_TIME_WORDS = ["", "in ", "In ", "by ", "since ", "from ", "dated ", "in the early ", "the ", "around "]
_NUMBERS = ["1274", "900", "1990", "2150", "97", "652 AD", "5000 BC", "900s", "1800s", "2010s", "286 to 305",
            "1400–1450", "1992–93", "between 880 and 910", "between 880 and 910 BC", "2000 to 1990",
            "14"]  # fmt: skip


def _contexts(text: str) -> list[tuple[date_layer._Form, tuple[object, ...]]]:
    """The forms found in ``text`` and the values their builders read."""
    starts, kinds = date_layer._starts("centur" in text)
    candidate = starts.search(text)
    found = [] if candidate is None else date_layer._scanned(starts, kinds, text, candidate)
    return [(form, match.group(*form.reads)) for _, _, form, match in found]


@pytest.mark.parametrize("word", _TIME_WORDS)
def test_a_word_of_time_only_makes_a_date_of_what_is_none_without_one(word: str) -> None:
    """``_dates`` reads the words before a number only when its form builds no span
    without them: a builder given the context never changes a span it builds without."""
    for number in _NUMBERS:
        text = f"{word}{number} and {number}"
        found = _contexts(text)
        assert found, text
        for form, values in found:
            without = form.build(values, False)
            if without is not None:
                assert form.build(values, True) == without, (text, form.name)
    assert dates("in 1274") == [("1274", 1274, 1274, "year")] and dates("1274") == []
    assert dates("in the early 990s")[0][1:] == (990, 999, "decade") and dates("the 990s") == []
    assert dates("since 1400–1450")[0][1:] == (1400, 1450, "year") and dates("1400–1450") == []


def test_the_scan_tries_at_each_start_the_forms_of_its_kind() -> None:
    """``_MATCH_AT`` keeps, for each kind of start met, the forms ``_date_pattern`` compiles
    for it: one entry a kind at most, filled only when a start of the kind is met."""
    date_layer._MATCH_AT.clear()
    assert dates("in 1990") == [("1990", 1990, 1990, "year")]
    assert set(date_layer._MATCH_AT) == {"three digits or more"}
    text = (
        " ".join(case for case, _ in FORM_CASES.values())
        + " 4 May, March 2008 and the first of the 2nd, 12 to 9"
    )
    wikirel.facts.find_dates(text)
    assert set(date_layer._MATCH_AT) == set(date_layer._FORMS_AT)
    for kind, match in date_layer._MATCH_AT.items():
        assert match == date_layer._date_pattern(kind).match
