"""The shape of :meth:`wikirel.Relation.to_dict` as TypedDicts, for type checkers.

They say what ``relation.schema.json`` says (a test holds the two together),
so code that reads the records gets its keys checked::

    from wikirel.relation_types import RelationDict

    def guests(record: RelationDict) -> list[str | None]:
        return [visit["guest"] for visit in record["visits"]]
"""

from __future__ import annotations

from typing import Literal, TypedDict

# The closed vocabularies of the facts, written once: the fact classes use them too.
Precision = Literal["day", "month", "year", "decade", "century"]
DiplomaticKind = Literal["established", "recognized", "severed", "suspended", "restored"]
AgreementKind = Literal[
    "treaty", "agreement", "memorandum", "protocol", "declaration", "convention", "accord"
]
MissionKind = Literal[
    "embassy",
    "consulate",
    "consulate-general",
    "high commission",
    "honorary consulate",
    "representative office",
    "liaison office",
]
MissionEventKind = Literal["opened", "closed"]

__all__ = [
    "AgreementDict",
    "DateSpanDict",
    "DiplomaticEventDict",
    "EnvoyDict",
    "EventDict",
    "MissionDict",
    "MissionEventDict",
    "RelationDict",
    "SourceDict",
    "VisitDict",
]


class SourceDict(TypedDict):
    """Where a fact was read (``Source.to_dict()``)."""

    node: str  # the node's class name: InfoboxItem, Row, Paragraph, ListItem, NumberedItem
    line: int
    column: int


class DateSpanDict(TypedDict):
    """A date or range of dates (``DateSpan.to_dict()``); ISO dates, ``None`` before 1 CE."""

    start: str | None
    end: str | None
    start_year: int
    end_year: int
    precision: Precision
    text: str
    qualifier: str | None


class EnvoyDict(TypedDict):
    """One head of mission."""

    side: int  # 1 or 2
    party: str | None
    title: str | None
    name: str
    written: str | None
    source: SourceDict | None


class MissionDict(TypedDict):
    """One diplomatic mission."""

    side: int  # 1 or 2
    party: str | None
    name: str
    city: str | None
    source: SourceDict | None


class VisitDict(TypedDict):
    """One row of a table of visits: its record is
    ``dict(zip(record["visit_headers"][visit["header"]], visit["cells"]))``."""

    guest: str | None
    host: str | None
    place: str | None
    date: DateSpanDict | None
    header: int  # an index in RelationDict["visit_headers"]
    cells: list[str]
    source: SourceDict | None
    sentence: str | None  # for a visit told in running text; None for a table row


class EventDict(TypedDict):
    """A dated sentence or list item."""

    dates: list[DateSpanDict]
    sentence: str
    section: str | None
    source: SourceDict | None


class DiplomaticEventDict(TypedDict):
    """A dated change in the relations, read from running text."""

    kind: DiplomaticKind
    date: DateSpanDict
    sentence: str
    source: SourceDict | None


class AgreementDict(TypedDict):
    """An agreement the running text says was signed, concluded or ratified."""

    kind: AgreementKind
    name: str | None
    date: DateSpanDict | None
    count: int | None
    sentence: str
    source: SourceDict | None


class MissionEventDict(TypedDict):
    """A mission opened or closed, read from running text."""

    event: MissionEventKind
    party: str
    kind: MissionKind
    city: str | None
    date: DateSpanDict | None
    sentence: str
    source: SourceDict | None


class RelationDict(TypedDict):
    """The facts of one relation article (``Relation.to_dict()``), keys in this order."""

    title: str | None
    parties: list[str] | None  # two items
    envoys: list[EnvoyDict]
    missions: list[MissionDict]
    visits: list[VisitDict]
    visit_headers: list[list[str]]  # each table's header keys, once
    events: list[EventDict]
    see_also: list[str]
    infobox: dict[str, str]
    diplomatic: list[DiplomaticEventDict]
    agreements: list[AgreementDict]
    mission_events: list[MissionEventDict]
