"""The facts of a relation article: :class:`Relation` and the records it holds.

Envoys and missions come from the infobox (:mod:`.infobox`), visits from
tables of visits (:mod:`.tables`) and running text, events from dated
sentences and list items (:mod:`.events`). Every record carries a
:class:`Source`. ``to_dict`` of every class comes from its attrs fields
(:mod:`.fields`); ``relation.schema.json`` describes the result, and a test
holds the schema to the classes field by field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, cast

import attrs

from ..nodes import Node
from ..relation_types import EnvoyDict, EventDict, MissionDict, RelationDict, SourceDict, VisitDict
from .agreements import Agreement
from .countries import Country, resolve_country
from .dates import DateSpan
from .diplomatic import DiplomaticEvent
from .fields import NOT_WRITTEN, renamed, to_json, written_as
from .graph import mission_country
from .missions import MissionEvent
from .people import Person, split_person

__all__ = ["Envoy", "Event", "Mission", "Relation", "Source", "Visit", "relation_schema"]


class _Headers:
    """The header keys of the tables of visits, each table's once, as ``to_json`` meets their rows.

    Consecutive visits whose keys agree (the rows of one table: a short row's
    keys are a prefix of the header's) share one header; linear in the cells.
    """

    def __init__(self) -> None:
        self.keys: list[list[str]] = []

    def index(self, row: dict[str, str]) -> int:
        keys = list(row)
        headers = self.keys
        current = headers[-1] if headers else None
        if current is None or not all(a is b or a == b for a, b in zip(current, keys, strict=False)):
            current = []
            headers.append(current)
        if len(keys) > len(current):
            current.extend(keys[len(current) :])
        return len(headers) - 1


def _row_json(row: dict[str, str], headers: _Headers) -> dict[str, Any]:
    return {"header": headers.index(row), "cells": list(row.values())}


def _visits_json(visits: tuple[Visit, ...], _: object) -> dict[str, Any]:
    """The visits, each row as its cells, and the header keys they share, once."""
    headers = _Headers()
    return {"visits": [to_json(visit, headers) for visit in visits], "visit_headers": headers.keys}


@attrs.frozen(getstate_setstate=False)
class Source:
    """Where a fact was read: the node (``kind`` is its class name), and the
    1-based ``line`` and ``column`` where the fact starts in the text: the
    infobox item, the table row, the list item, or the sentence itself
    inside its paragraph. ``node`` is not compared, and not pickled (a fact
    sent to another process keeps its kind, line and column, not a copy of
    the paragraph it came from)."""

    kind: str = attrs.field(metadata=renamed("node"))
    line: int
    column: int
    node: Node | None = attrs.field(default=None, eq=False, repr=False, metadata=NOT_WRITTEN)

    def __getstate__(self) -> tuple[str, int, int]:
        return (self.kind, self.line, self.column)

    def __setstate__(self, state: tuple[str, int, int]) -> None:
        for name, value in zip(("kind", "line", "column", "node"), (*state, None), strict=True):
            object.__setattr__(self, name, value)

    def to_dict(self) -> SourceDict:
        """JSON-ready: the node's class name, line and column."""
        return cast("SourceDict", to_json(self))


@attrs.frozen
class Envoy:
    """A head of mission from ``Envoy1``/``Envoytitle1`` (side 1) or ``...2``.

    ``name`` is without courtesy prefixes ("H.E.", "Mr", "Dr", "Ambassador"
    ...); ``written`` is the value as the infobox has it.
    """

    side: int
    party: str | None
    title: str | None
    name: str
    written: str | None = attrs.field(default=None, kw_only=True, eq=False)
    source: Source | None = attrs.field(default=None, kw_only=True, eq=False)

    @property
    def person(self) -> Person:
        """The envoy's name and offices (``split_person`` of what the infobox wrote)."""
        return split_person(self.written or self.name)

    def to_dict(self) -> EnvoyDict:
        """JSON-ready: every field, in order."""
        return cast("EnvoyDict", to_json(self))


@attrs.frozen
class Mission:
    """A diplomatic mission from ``Mission1``/``Mission2``; ``city`` after its last comma or "in"."""

    side: int
    party: str | None
    name: str
    city: str | None
    source: Source | None = attrs.field(default=None, kw_only=True, eq=False)

    @property
    def country(self) -> Country | None:
        """The sending country: from the name ("Tajik Embassy", "Embassy of
        Pakistan"), else the party of its side; None where neither resolves."""
        named = mission_country(self.name)
        return named or (resolve_country(self.party, kinds=("name",)) if self.party else None)

    @property
    def city_country(self) -> Country | None:
        """The country of the city, where the city is a capital ("Dushanbe"); else None."""
        return resolve_country(self.city, kinds=("capital",)) if self.city else None

    def to_dict(self) -> MissionDict:
        """JSON-ready: every field, in order."""
        return cast("MissionDict", to_json(self))


@attrs.frozen
class Visit:
    """One row of a table of visits; ``row`` keeps every cell of the row under
    its header key (a short row has no entry for the cells it lacks). In
    JSON the row is its ``cells`` and the index of its ``header``, whose
    keys are written once per table (:meth:`Relation.to_dict`). A visit told
    in running text has no host, an empty ``row``, and its ``sentence``."""

    guest: str | None
    host: str | None
    place: str | None
    date: DateSpan | None
    row: dict[str, str] = attrs.field(
        eq=True, hash=False, metadata=written_as(_row_json, ("header", int), ("cells", list[str]))
    )
    source: Source | None = attrs.field(default=None, kw_only=True, eq=False)
    sentence: str | None = attrs.field(default=None, kw_only=True)

    @property
    def guest_person(self) -> Person | None:
        """The guest's name and offices ("President & CCP General Secretary Xi Jinping")."""
        return split_person(self.guest) if self.guest else None

    @property
    def host_person(self) -> Person | None:
        """The host's name and offices."""
        return split_person(self.host) if self.host else None

    @property
    def place_country(self) -> Country | None:
        """The country visited: the place names it, or is its capital; else None."""
        return resolve_country(self.place, kinds=("name", "capital")) if self.place else None

    def to_dict(self) -> VisitDict:
        """JSON-ready; the row as its ``cells`` and ``header`` 0 (alone, its keys are the first header)."""
        return cast("VisitDict", to_json(self, _Headers()))


@attrs.frozen
class Event:
    """A dated sentence of running text, or a dated list item, with its dates."""

    dates: tuple[DateSpan, ...]
    sentence: str
    section: str | None
    source: Source | None = attrs.field(default=None, kw_only=True, eq=False)

    def to_dict(self) -> EventDict:
        """JSON-ready: every field, in order."""
        return cast("EventDict", to_json(self))


@attrs.frozen
class Relation:
    """The facts of one relation article."""

    title: str | None
    parties: tuple[str, str] | None
    envoys: tuple[Envoy, ...] = ()
    missions: tuple[Mission, ...] = ()
    visits: tuple[Visit, ...] = attrs.field(
        default=(), metadata=written_as(_visits_json, ("visits", None), ("visit_headers", list[list[str]]))
    )
    events: tuple[Event, ...] = ()
    see_also: tuple[str, ...] = ()
    infobox: dict[str, str] = attrs.field(factory=dict, hash=False)
    diplomatic: tuple[DiplomaticEvent, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    mission_events: tuple[MissionEvent, ...] = ()

    @property
    def countries(self) -> tuple[Country | None, Country | None] | None:
        """The parties as country identities (None for one that names no current country)."""
        if self.parties is None:
            return None
        return (
            resolve_country(self.parties[0], kinds=("name",)),
            resolve_country(self.parties[1], kinds=("name",)),
        )

    def to_dict(self) -> RelationDict:
        """JSON-ready, in a stable key order; dates as ISO strings.

        The shape is described by ``relation.schema.json`` in this package.
        A visit's row is written as its ``cells`` and the index of its
        ``header`` in ``visit_headers``, which holds each table's keys once:
        ``dict(zip(visit_headers[header], cells)) == visit.row``. (Keys
        repeated per visit made the output grow faster than the input.)
        """
        return cast("RelationDict", to_json(self))


# Constructors for extraction, which makes a Source for every sentence, item and row: they fill
# the slots straight through their descriptors, about 1.4x (Source) to 1.7x (Event, Visit)
# faster than the attrs ``__init__`` (which has no validator, converter or default to run for
# them), and give the same value: equal, hashable, picklable, the same repr (tests/test_makers.py).


def _source_maker() -> tuple[
    Callable[[str, int, int, Node | None], Source],
    Callable[[list[str], str, int, int, list[int], Node], list[tuple[str, Source]]],
]:
    new = object.__new__
    kind, line, column, node = (Source.__dict__[name].__set__ for name in ("kind", "line", "column", "node"))

    def make_source(kind_: str, line_: int, column_: int, node_: Node | None) -> Source:
        """``Source(kind_, line_, column_, node_)``."""
        made: Source = new(Source)
        kind(made, kind_)
        line(made, line_)
        column(made, column_)
        node(made, node_)
        return made

    def sources_on_line(
        texts: list[str], kind_: str, line_: int, column_: int, offsets: list[int], node_: Node
    ) -> list[tuple[str, Source]]:
        """Each of ``texts`` with its Source: ``offsets[i]`` characters after ``column_``
        on ``line_`` of ``node_`` (the sentences of a paragraph of one line)."""
        found = []
        for text, at in zip(texts, offsets, strict=True):
            made: Source = new(Source)
            kind(made, kind_)
            line(made, line_)
            column(made, column_ + at)
            node(made, node_)
            found.append((text, made))
        return found

    return make_source, sources_on_line


def _event_maker() -> Callable[[tuple[DateSpan, ...], str, str | None, Source], Event]:
    new = object.__new__
    dates, sentence, section, source = (
        Event.__dict__[name].__set__ for name in ("dates", "sentence", "section", "source")
    )

    def make_event(
        dates_: tuple[DateSpan, ...], sentence_: str, section_: str | None, source_: Source
    ) -> Event:
        """``Event(dates_, sentence_, section_, source=source_)``."""
        made: Event = new(Event)
        dates(made, dates_)
        sentence(made, sentence_)
        section(made, section_)
        source(made, source_)
        return made

    return make_event


def _visit_maker() -> Callable[
    [str | None, str | None, str | None, DateSpan | None, dict[str, str], Source | None, str | None], Visit
]:
    new = object.__new__
    names = ("guest", "host", "place", "date", "row", "source", "sentence")
    guest, host, place, date, row, source, sentence = (Visit.__dict__[name].__set__ for name in names)

    def make_visit(
        guest_: str | None,
        host_: str | None,
        place_: str | None,
        date_: DateSpan | None,
        row_: dict[str, str],
        source_: Source | None,
        sentence_: str | None,
    ) -> Visit:
        """``Visit(guest_, host_, place_, date_, row_, source=source_, sentence=sentence_)``."""
        made: Visit = new(Visit)
        guest(made, guest_)
        host(made, host_)
        place(made, place_)
        date(made, date_)
        row(made, row_)
        source(made, source_)
        sentence(made, sentence_)
        return made

    return make_visit


def _relation_maker() -> Callable[..., Relation]:
    new = object.__new__
    setters = tuple(Relation.__dict__[field.name].__set__ for field in attrs.fields(Relation))
    (title, parties, envoys, missions, visits, events, see_also, infobox, diplomatic, agreements,
     mission_events) = setters  # fmt: skip

    def make_relation(
        *,
        title_: str | None,
        parties_: tuple[str, str] | None,
        envoys_: tuple[Envoy, ...],
        missions_: tuple[Mission, ...],
        visits_: tuple[Visit, ...],
        events_: tuple[Event, ...],
        see_also_: tuple[str, ...],
        infobox_: dict[str, str],
        diplomatic_: tuple[DiplomaticEvent, ...],
        agreements_: tuple[Agreement, ...],
        mission_events_: tuple[MissionEvent, ...],
    ) -> Relation:
        """``Relation(title=title_, parties=parties_, ...)``, every field given."""
        made: Relation = new(Relation)
        title(made, title_)
        parties(made, parties_)
        envoys(made, envoys_)
        missions(made, missions_)
        visits(made, visits_)
        events(made, events_)
        see_also(made, see_also_)
        infobox(made, infobox_)
        diplomatic(made, diplomatic_)
        agreements(made, agreements_)
        mission_events(made, mission_events_)
        return made

    return make_relation


# Declared, not inferred: the package's public types are checked as a user's
# type checker sees them (pyright --verifytypes in CI).
make_source: Callable[[str, int, int, Node | None], Source]
sources_on_line: Callable[[list[str], str, int, int, list[int], Node], list[tuple[str, Source]]]
make_source, sources_on_line = _source_maker()
make_event: Callable[[tuple[DateSpan, ...], str, str | None, Source], Event] = _event_maker()
make_visit: Callable[
    [str | None, str | None, str | None, DateSpan | None, dict[str, str], Source | None, str | None], Visit
] = _visit_maker()
make_relation: Callable[..., Relation] = _relation_maker()


def relation_schema() -> dict[str, Any]:
    """The JSON Schema of :meth:`Relation.to_dict`, shipped in the package."""
    from importlib import resources

    text = resources.files("wikirel").joinpath("relation.schema.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]
