"""Visits told in running text: "X visited Y", "paid a state visit to", "travelled to", "X's visit to Y"."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import NamedTuple

from ._text import (
    WORD,
    Located,
    Sentence,
    canonical,
    country_of,
    folded_twin,
    is_country,
    no_full_stop,
    scan,
    word_start,
)
from .dates import DateSpan  # at run time: the compiled build reads the fields' annotations


class ProseVisit(NamedTuple):
    """A visit told in running text; ``extract_relation`` makes it a :class:`wikirel.facts.Visit`."""

    guest: str
    place: str
    date: DateSpan | None
    sentence: str
    source: Located | None


_TRIGGER = re.compile(
    # No \b first: an alternation of literals is scanned for much faster (the word
    # boundary is checked on each match instead).
    r"(?:visited|travell?ed\s+to"
    r"|(?:paid|made|undertook|undertaken)\s+(?:an?\s+)?(?:[\w/-]+\s+){0,3}?[Vv]isits?\s+to"
    r"|['’]s\s+(?:[\w-]+\s+){0,2}?visit\s+to)\s+"
)
# Without a leading \b (checked by ``_visits_of``): a pattern that starts with a literal is
# searched for by the regex engine itself, several times faster than ``scan``.
_VISIT_OF = re.compile(
    r"visits?\s+(?:of|by)\s+(?:the\s+)?(?P<guest>[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,7})"
    r"\s+to\s+"
)
_TRIGGER_STARTS = ("visited", "travel", "paid", "made", "undert", "'s", "’s")  # see ``scan``
# What a sentence must hold for ``_TRIGGER`` or ``_VISIT_OF`` to match in it: "visited",
# "travel", or a visit "to", "of" or "by" (each of their other forms ends so). A sentence that
# holds "visit" (its family's key word) but none of these is skipped whole.
_NEEDS = ("visited", "travel")
_VISIT_NEED = re.compile(r"isits?\s+(?:to|of|by)")
_PLACE = re.compile(r"(?:the\s+)?(?P<place>[A-Z][\w'’.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’.-]*){0,4})")
# Words between the visitor and the verb: "Gayoom has also visited".
_SKIP = frozenset(
    [
        "first",
        "also",
        "later",
        "then",
        "officially",
        "again",
        "has",
        "had",
        "have",
        "recently",
        "previously",
        "once",
        "subsequently",
        "finally",
        "eventually",
        "formally",
        "twice",
        "himself",
        "herself",
    ]
)
_OFFICES = frozenset(
    [
        "president",
        "prime",
        "minister",
        "king",
        "queen",
        "emperor",
        "empress",
        "chancellor",
        "premier",
        "secretary",
        "foreign",
        "ambassador",
        "general",
        "vice",
        "deputy",
        "crown",
        "prince",
        "princess",
        "sultan",
        "emir",
        "pope",
        "leader",
        "governor",
        "speaker",
        "chairman",
    ]
)
_CONNECTORS = frozenset({"of", "the"})
_PRONOUNS = frozenset(["He", "She", "They", "It", "We", "I", "You", "This", "That", "These", "Those", "Both"])
_DETERMINERS = frozenset({"The", "A", "An"})
_QUANTIFIERS = frozenset({"Every", "Each", "All", "Successive", "Many", "Several", "Some", "Most", "Various"})
_LEAD = re.compile(r"(?:(?:In|On|By|During|Around|Circa)\s+)?(?:the\s+)?$")
_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:in\s+|on\s+)?")
_TO_GUEST = re.compile(r"\s*[,:]?\s*(?:the\s+)?")
_BREAK = re.compile(
    r"(?i)\b(?:after|before|since|until|following|when|while|which|who|where|because|whereas|but)\b|;"
)
_BREAK_FOLDED = folded_twin(_BREAK)
_IN = re.compile(r"(?:\bin|\bon)\s+$")
_OTHER_PLACE = re.compile(
    r"(?:,|\band)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:in|on)\s+$"  # ", and Paris in "
)
# Words of a company, a club or an institution: its visits are not a person's.
_ORGANISATIONS = frozenset((
    "Group", "Company", "Corporation", "Corp", "Inc", "Ltd", "Bank", "University", "Club", "FC", "Champions",
    "Team", "Airlines", "Airways", "Association", "Orchestra", "Institute", "Foundation", "League",
    "Bundesliga", "Motors", "Holdings",
))  # fmt: skip
# The first of a series of visitors, named between commas right before the verb whose
# subject is the series: "every Prime Minister of India, starting from Prime Minister
# Indira Gandhi in January 1975, has undertaken visits to the Maldives".
_FIRST_OF_SERIES = re.compile(
    r",\s*(?:starting|beginning)\s+(?:from|with)\s+(?:the\s+)?"
    r"(?P<guest>[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,7})"
    r"(?P<when>\s+(?:in|on)\s+[^,;()]{1,40}?)?\s*,\s*(?:(?:has|have|had|also|then)\s+){0,2}$"
)
_SERIES = re.compile(r"\b(?:[Ee]very|[Ee]ach|[Aa]ll|[Ss]uccessive)\s+((?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)\s*$")
_SERIES_WINDOW = 200
_GUEST_WINDOW = 160
_NEAR = 48  # characters before a trigger whose words are read first for its visitor
_DATES_WINDOW = 300  # characters after the place where a visit's dates may be
_MOST_DATES = 12


def _visits_of(text: str) -> list[re.Match[str]]:
    """The matches of ``_VISIT_OF`` that start a word, as ``finditer`` of it behind a ``\\b`` finds them."""
    out = []
    pos = 0
    while (found := _VISIT_OF.search(text, pos)) is not None:
        if word_start(text, found.start()):
            out.append(found)
            pos = found.end()
        else:
            pos = found.start() + 1
    return out


def _guest(text: str, end: int) -> tuple[str, int] | None:
    """The visitor written just before ``end``, with office ("President Emomali
    Rahmon"), and where it starts."""
    base = max(0, end - _GUEST_WINDOW)
    # First the words after a space _NEAR characters back or more: no word holds a space, so
    # they are the last of the words read from ``base``. All of them only when the visitor
    # may start before those.
    cut = text.rfind(" ", base, end - _NEAR) if end - _NEAR > base else -1
    if cut >= 0:
        guest, stopped = _read_guest(text, cut + 1, end)
        if stopped:
            return guest
    return _read_guest(text, base, end)[0]


def _read_guest(text: str, base: int, end: int) -> tuple[tuple[str, int] | None, bool]:
    """:func:`_guest` from the words of ``text[base:end]``, and whether it stopped at one of them."""
    words = [(*m.span(), m.group()) for m in WORD.finditer(text, base, end)]
    taken: list[tuple[int, int, str]] = []
    right = end
    stopped = True
    for start, stop, word in reversed(words):
        if text[stop:right].strip():  # punctuation between the words ends the visitor
            break
        bare = word.removesuffix("'s").removesuffix("’s") if stop == end or not taken else word
        if not taken and bare.casefold() in _SKIP:
            right = start
            continue
        if "-" in bare and bare[0].islower():  # "now-President", "then-Prime"
            tail = bare.rsplit("-", 1)[1]
            if tail[:1].isupper():
                taken.append((stop - len(tail) - (len(word) - len(bare)), stop, tail))
            break
        if bare[:1].isupper() or (taken and bare.casefold() in _OFFICES) or (taken and bare in _CONNECTORS):
            taken.append((start, stop, bare))
            right = start
            continue
        break
    else:
        stopped = False
    while taken and (taken[-1][2] in _CONNECTORS or taken[-1][2] in _DETERMINERS):
        taken.pop()
    if not taken:
        return None, stopped
    first = taken[-1][0]
    written = text[first : taken[0][0]] + taken[0][2]
    return (written, first), stopped


def _first_of_series(sentence: Sentence, trigger: int) -> tuple[tuple[str, int], DateSpan | None] | None:
    """The first of a series of visitors ("every Prime Minister of India, starting from
    Prime Minister Indira Gandhi in January 1975, has undertaken visits to"), with the
    date told with that visitor; ``None`` unless the subject is a series of offices."""
    text = sentence.text
    first = _FIRST_OF_SERIES.search(text, max(0, trigger - _SERIES_WINDOW), trigger)
    if first is None:
        return None
    series = _SERIES.search(text, max(0, first.start() - 60), first.start())
    if series is None or not any(word.casefold() in _OFFICES for word in series.group(1).split()):
        return None  # "Many tourists, starting with ..." names no visitor
    date = None
    if first["when"]:
        start, end = first.span("when")
        date = next((span for at, stop, span in sentence.dates if at >= start and stop <= end), None)
    return (first["guest"], first.start("guest")), date


def _is_person(guest: str, sentence: Sentence) -> bool:
    words = guest.split()
    if words[0] in _PRONOUNS or is_country(guest) or sentence.parties.adjective(guest) is not None:
        return False  # a country is not a visitor
    if words[0] in _QUANTIFIERS:
        return False  # "Every Prime Minister of India" is a series, not a visitor
    if any(word.strip(".,") in _ORGANISATIONS for word in words):
        return False  # "Volkswagen Group visited Japan": a company is not a visitor
    for word in words:
        country = country_of(word)
        if country is not None and sentence.parties.party(country) is None:
            return False  # "Russian President Vladimir Putin" is no visitor of China–Tajikistan relations
    # A capitalised word that names no country: read up to the first.
    return any(w[:1].isupper() and not is_country(w) and sentence.parties.adjective(w) is None for w in words)


def _leading(sentence: Sentence) -> tuple[list[DateSpan], int]:
    """The dates a sentence opens with ("In August 1991 and June/July 1998, ..."), and where they end."""
    text = sentence.text
    fronted: list[DateSpan] = []
    cursor = 0
    for at, stop, span in sentence.dates:
        if len(fronted) >= _MOST_DATES:
            break  # more than that are no visit's: then the visitor is not right after them
        gap_ok = _LEAD.fullmatch(text, cursor, at) if not fronted else _LIST.fullmatch(text, cursor, at)
        if not gap_ok:
            break
        fronted.append(span)
        cursor = stop
    return fronted, cursor


def _dates(
    sentence: Sentence, leading: tuple[list[DateSpan], int], guest_start: int, place_end: int, limit: int
) -> list[DateSpan | None]:
    """The dates of one visit: those the sentence opens with, right before the visitor, or
    those after the place ("in March 1983 ... and in November 1986, May 1995 and April
    2007"), up to ``limit`` (the next visit) and before any clause about something else."""
    text = sentence.text
    fronted, cursor = leading
    if fronted and not _TO_GUEST.fullmatch(text, cursor, guest_start):
        fronted = []
    after: list[DateSpan] = []
    cursor = place_end
    dates = sentence.dates
    # By index, not over a slice: copying the rest of the dates for each visit would be quadratic.
    for index in range(bisect.bisect_left(sentence.date_starts, place_end), len(dates)):
        at, stop, span = dates[index]
        if at >= limit or len(after) >= _MOST_DATES or sentence.search(_BREAK, _BREAK_FOLDED, cursor, at):
            break
        chained = bool(after) and _LIST.fullmatch(text, cursor, at)
        if not (chained or _IN.search(text, max(cursor, at - 4), at)):
            break
        if not chained and _OTHER_PLACE.search(text, cursor, at):
            break  # "visited Berlin in 2014 and Paris in 2015": 2015 is Paris's, not Berlin's
        after.append(span)
        cursor = stop
    found: list[DateSpan | None] = [*fronted, *after]
    return found or [sentence.default_date]


def read_visits(sentences: Iterable[Sentence]) -> list[ProseVisit]:
    """The visits the sentences tell, each with its visitor, the place visited and the date."""
    out: list[ProseVisit] = []
    for sentence in sentences:
        if "visits" not in sentence.families:
            continue
        text = sentence.text
        if _NEEDS[0] not in text and _NEEDS[1] not in text and _VISIT_NEED.search(text) is None:
            continue
        # (where the trigger starts, where the place starts, the visitor and where it starts)
        found: list[tuple[int, int, tuple[str, int] | None]] = [
            (t.start(), t.end(), _guest(text, t.start()))
            for t in scan(_TRIGGER, _TRIGGER_STARTS, text)
            if (t.group()[0] in "'’") == (t.start() > 0 and text[t.start() - 1].isalnum())
        ]
        firsts: dict[int, DateSpan | None] = {}  # the visits of the first of a series, by trigger
        for number, (at, place_at, guest) in enumerate(found):
            if guest is None and (series := _first_of_series(sentence, at)) is not None:
                found[number] = (at, place_at, series[0])
                firsts[at] = series[1]
        for of in _visits_of(text):  # "the visit of President X to Y"
            found.append((of.start(), of.end(), (of["guest"], of.start("guest"))))
        found.sort()
        leading: tuple[list[DateSpan], int] | None = None
        for number, (at, place_at, guest) in enumerate(found):
            place = _PLACE.match(text, place_at)
            if guest is None or place is None or not _is_person(guest[0], sentence):
                continue
            where = no_full_stop(place["place"])
            if " and " in where and not is_country(where):
                where = where.split(" and ", 1)[0]
            if is_country(where) and sentence.parties.party(canonical(where)) is None:
                continue  # a visit to a third country is not this relation's
            place_end = place.start("place") + len(where)
            limit = found[number + 1][0] if number + 1 < len(found) else len(text)
            leading = leading or _leading(sentence)
            if at in firsts:  # the series' dates are not its first visitor's
                dates: list[DateSpan | None] = [firsts[at] or sentence.default_date]
            else:
                dates = _dates(sentence, leading, guest[1], place_end, min(limit, place_end + _DATES_WINDOW))
            for date in dates:
                out.append(ProseVisit(guest[0], where, date, text, sentence.source))
    return out
