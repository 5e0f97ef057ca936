"""Facts beyond the tree: countries and people (entities, ``countries``,
``people``, ``graph``), and typed facts read from running text: relations
established or broken, visits, agreements, missions opened or closed.

Rule-based and precision first: each rule reads one sentence (of a paragraph
or a list item), keeps only what the sentence says, and gives every fact its
sentence and its :class:`~wikirel.facts.Source`. See docs/extraction.md for the
patterns read and those deliberately not read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

import attrs

from ._text import Unit, parties_of, units_by_family
from .agreements import Agreement, read_agreements
from .diplomatic import DiplomaticEvent, read_diplomatic
from .missions import MissionEvent, read_missions
from .visits import ProseVisit, read_visits

__all__ = [
    "MOST_A_SENTENCE",
    "Agreement",
    "DiplomaticEvent",
    "MissionEvent",
    "ProseFacts",
    "ProseVisit",
    "Unit",
    "read_prose",
]


@attrs.frozen
class ProseFacts:
    """What :func:`read_prose` found."""

    diplomatic: tuple[DiplomaticEvent, ...]
    visits: tuple[ProseVisit, ...]
    agreements: tuple[Agreement, ...]
    mission_events: tuple[MissionEvent, ...]


#: The most facts of one kind read from one sentence. Each fact carries its
#: sentence, so without a bound a sentence of n visits would be written n
#: times (output growing with the square of the input); no real sentence
#: tells this many.
MOST_A_SENTENCE = 32


class _Told(Protocol):
    @property
    def sentence(self) -> str: ...


_Fact = TypeVar("_Fact", bound=_Told)


def _bounded(facts: Sequence[_Fact]) -> tuple[_Fact, ...]:
    """``facts`` without those past the first :data:`MOST_A_SENTENCE` of their sentence
    (a rule's facts come sentence by sentence)."""
    if len(facts) <= MOST_A_SENTENCE:  # (most articles: no sentence can have too many)
        return tuple(facts)
    kept: list[_Fact] = []
    last: str | None = None
    run = 0
    for fact in facts:
        if fact.sentence is last:
            run += 1
        else:
            last, run = fact.sentence, 1
        if run <= MOST_A_SENTENCE:
            kept.append(fact)
    return tuple(kept)


def read_prose(texts: Sequence[Unit], parties: tuple[str, str] | None) -> ProseFacts:
    """The typed facts of running text: ``texts`` holds each sentence of a
    paragraph and each list item (``True`` for an item), with its source and
    its dates (``find_dates`` of its text); at most :data:`MOST_A_SENTENCE`
    facts of a kind from one sentence."""
    by_family = units_by_family(texts, parties_of(parties))[1]
    return ProseFacts(
        _bounded(read_diplomatic(by_family["diplomatic"])),
        _bounded(read_visits(by_family["visits"])),
        _bounded(read_agreements(by_family["agreements"])),
        _bounded(read_missions(by_family["missions"])),
    )


# The fact layer's public names, gathered here (below read_prose: facts.extract imports it).
from .countries import Country, resolve_country  # noqa: E402
from .dates import DateSpan, find_dates  # noqa: E402
from .extract import extract_relation  # noqa: E402
from .graph import Graph, build_graph  # noqa: E402
from .model import Envoy, Event, Mission, Relation, Source, Visit, relation_schema  # noqa: E402
from .people import Person, split_person  # noqa: E402
from .sentences import split_sentences  # noqa: E402

__all__ += [
    "Country",
    "DateSpan",
    "Envoy",
    "Event",
    "Graph",
    "Mission",
    "Person",
    "Relation",
    "Source",
    "Visit",
    "build_graph",
    "extract_relation",
    "find_dates",
    "relation_schema",
    "resolve_country",
    "split_person",
    "split_sentences",
]
