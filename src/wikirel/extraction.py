"""``extract_relation``: the facts of a relation article, typed, each with its source.

Extraction never raises on a parsed document: what cannot be found is
``None`` or an empty tuple. Infobox keys are matched by
:func:`wikirel.nodes.infobox_key` (case, spaces, ``_`` and ``-`` ignored:
``Envoy1``, ``envoy_1`` and ``Envoy 1`` are one key), as ``Infobox.get`` and
the duplicate-key diagnostic match them. Every envoy, mission, visit and
event carries a :class:`Source`: the node it was read from and the line and
column where it starts, so a reviewer can jump from a fact to its text.
"""

from __future__ import annotations

import itertools
import json
import re
from typing import Any, cast

import attrs

from ._text import WHITESPACE
from .constructs.numbered import NumberedList
from .facts import Agreement, DiplomaticEvent, MissionEvent, Unit, read_prose
from .facts.countries import Country, resolve_country
from .facts.dates import DateSpan, find_dates
from .facts.graph import mission_country
from .facts.people import Person, split_person
from .facts.sentences import split_sentences
from .nodes import BulletList, Document, InfoboxItem, Node, Paragraph, Section, Table, infobox_key
from .positions import Positions, positions
from .relation_types import (
    AgreementDict,
    DiplomaticEventDict,
    MissionEventDict,
    RelationDict,
    SourceDict,
    VisitDict,
)

__all__ = ["Envoy", "Event", "Mission", "Relation", "Source", "Visit", "extract_relation", "relation_schema"]


@attrs.frozen(getstate_setstate=False)
class Source:
    """Where a fact was read: the node (``kind`` is its class name), and the
    1-based ``line`` and ``column`` where the fact starts in the text: the
    infobox item, the table row, the list item, or the sentence itself
    inside its paragraph. ``node`` is not compared, and not pickled (a fact
    sent to another process keeps its kind, line and column, not a copy of
    the paragraph it came from)."""

    kind: str
    line: int
    column: int
    node: Node | None = attrs.field(default=None, eq=False, repr=False)

    def __getstate__(self) -> tuple[str, int, int]:
        return (self.kind, self.line, self.column)

    def __setstate__(self, state: tuple[str, int, int]) -> None:
        for name, value in zip(("kind", "line", "column", "node"), (*state, None), strict=True):
            object.__setattr__(self, name, value)

    def to_dict(self) -> SourceDict:
        """JSON-ready: the node's class name, line and column."""
        return {"node": self.kind, "line": self.line, "column": self.column}


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
    row: dict[str, str] = attrs.field(eq=True, hash=False)
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


@attrs.frozen
class Event:
    """A dated sentence of running text, or a dated list item, with its dates."""

    dates: tuple[DateSpan, ...]
    sentence: str
    section: str | None
    source: Source | None = attrs.field(default=None, kw_only=True, eq=False)


@attrs.frozen
class Relation:
    """The facts of one relation article."""

    title: str | None
    parties: tuple[str, str] | None
    envoys: tuple[Envoy, ...] = ()
    missions: tuple[Mission, ...] = ()
    visits: tuple[Visit, ...] = ()
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
        visits, headers = _visits_json(self.visits)
        return {
            "title": self.title,
            "parties": list(self.parties) if self.parties else None,
            "envoys": [
                {
                    "side": e.side,
                    "party": e.party,
                    "title": e.title,
                    "name": e.name,
                    "written": e.written,
                    "source": _source(e.source),
                }
                for e in self.envoys
            ],
            "missions": [
                {
                    "side": m.side,
                    "party": m.party,
                    "name": m.name,
                    "city": m.city,
                    "source": _source(m.source),
                }
                for m in self.missions
            ],
            "visits": visits,
            "visit_headers": headers,
            "events": [
                {
                    "dates": [d.to_dict() for d in e.dates],
                    "sentence": e.sentence,
                    "section": e.section,
                    "source": _source(e.source),
                }
                for e in self.events
            ],
            "see_also": list(self.see_also),
            "infobox": dict(self.infobox),
            # The fact classes write every field (FactDict.to_dict); relation_types names them.
            "diplomatic": [cast("DiplomaticEventDict", d.to_dict()) for d in self.diplomatic],
            "agreements": [cast("AgreementDict", a.to_dict()) for a in self.agreements],
            "mission_events": [cast("MissionEventDict", m.to_dict()) for m in self.mission_events],
        }


def _visits_json(visits: tuple[Visit, ...]) -> tuple[list[VisitDict], list[list[str]]]:
    """The visits as JSON, each row as its cells, and the header keys they share, once.

    Consecutive visits whose keys agree (the rows of one table: a short row's
    keys are a prefix of the header's) share one header; linear in the cells.
    """
    out: list[VisitDict] = []
    headers: list[list[str]] = []
    for visit in visits:
        keys = list(visit.row)
        current = headers[-1] if headers else None
        if current is None or not all(a is b or a == b for a, b in zip(current, keys, strict=False)):
            current = []
            headers.append(current)
        if len(keys) > len(current):
            current.extend(keys[len(current) :])
        out.append(
            {
                "guest": visit.guest,
                "host": visit.host,
                "place": visit.place,
                "date": visit.date.to_dict() if visit.date else None,
                "header": len(headers) - 1,
                "cells": list(visit.row.values()),
                "source": _source(visit.source),
                "sentence": visit.sentence,
            }
        )
    return out, headers


def _source(source: Source | None) -> SourceDict | None:
    return None if source is None else source.to_dict()


def relation_schema() -> dict[str, Any]:
    """The JSON Schema of :meth:`Relation.to_dict`, shipped in the package."""
    from importlib import resources

    text = resources.files("wikirel").joinpath("relation.schema.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


_DASHES = "–—"
_AND = re.compile(r"(?<=\s)and(?=\s)", re.IGNORECASE)


def parties_from_title(title: str) -> tuple[str, str] | None:
    """``("A", "B")`` from "A–B relations", "A-B relations", "A and B relations"
    or "Relations between A and B"; ``None`` when the title does not name
    exactly two parties: "China–India–Pakistan relations" names three, and a
    pair is never half-read from it.

    Names with "and" ("Trinidad and Tobago") or a hyphen ("Timor-Leste",
    "Austria-Hungary") are known (``_AND_NAMES``, ``_HYPHEN_NAMES``); a title
    that splits in more than one way gives ``None``. String operations, no
    backtracking regex: linear in the title's length.
    """
    title = title.strip()
    head, last = _split_last_word(title)
    if last.casefold() == "relations" and head:
        if any(dash in head for dash in _DASHES):
            parts = [part for piece in head.split(_DASHES[0]) for part in piece.split(_DASHES[1])]
            return _adjective_pair(*parts) if len(parts) == 2 else None
        if _AND.search(head):
            return _and_pair(head)
        if head.count("-") == 1 and head.strip().casefold() not in _HYPHEN_NAMES:
            return _adjective_pair(*head.split("-"))
        return None
    first, rest = _split_first_word(title)
    second, rest = _split_first_word(rest)
    if first.casefold() == "relations" and second.casefold() == "between":
        return _and_pair(rest)
    return None


# Names with "and" in them; a title joining two parties with "and" is split
# only where neither side is left with an "and" that is not one of these.
_AND_NAMES = frozenset(
    name.casefold()
    for name in (
        "Trinidad and Tobago", "Bosnia and Herzegovina", "Antigua and Barbuda", "Saint Kitts and Nevis",
        "Saint Vincent and the Grenadines", "São Tomé and Príncipe", "Sao Tome and Principe",
        "Serbia and Montenegro", "Turks and Caicos Islands", "Wallis and Futuna", "Saint Pierre and Miquelon",
        "Heard Island and McDonald Islands", "Svalbard and Jan Mayen", "the Turks and Caicos Islands",
        "South Georgia and the South Sandwich Islands", "Saint Helena, Ascension and Tristan da Cunha",
    )
)  # fmt: skip
# Names with a hyphen in them: "Timor-Leste relations" is one party, not two.
_HYPHEN_NAMES = frozenset(
    name.casefold()
    for name in (
        "Timor-Leste", "Austria-Hungary", "Guinea-Bissau", "Bosnia-Herzegovina", "Alsace-Lorraine",
        "Schleswig-Holstein", "Baden-Württemberg", "Rhineland-Palatinate", "Saxe-Coburg", "Saxony-Anhalt",
        "Brandenburg-Prussia", "Poland-Lithuania", "Sweden-Norway", "Denmark-Norway", "Kabardino-Balkaria",
        "Karachay-Cherkessia", "Khanty-Mansi", "Emilia-Romagna", "Friuli-Venezia Giulia", "Port-au-Prince",
        "Congo-Brazzaville", "Congo-Kinshasa",
    )
)  # fmt: skip


def _and_pair(text: str) -> tuple[str, str] | None:
    """The two names "A and B" joins, where exactly one "and" splits it into names."""
    ands = list(itertools.islice(_AND.finditer(text), 4))
    if len(ands) > 3:  # two names hold at most one "and" each
        return None
    found = None
    for at in ands:
        a, b = text[: at.start()].strip(), text[at.end() :].strip()
        if _one_name(a) and _one_name(b):
            if found is not None:
                return None  # two readings: say nothing
            found = (a, b)
    return _pair(*found) if found else None


def _one_name(name: str) -> bool:
    """Whether ``name`` is one party's name: no "and" in it unless it is a known name with one."""
    return _AND.search(name) is None or " ".join(name.split()).casefold() in _AND_NAMES


# Combining forms and adjectives of hyphenated titles ("Sino-Roman", "Franco-German").
_COMBINING = {
    "sino": "China", "indo": "India", "franco": "France", "russo": "Russia", "greco": "Greece",
    "italo": "Italy", "austro": "Austria", "luso": "Portugal", "hispano": "Spain", "turco": "Turkey",
    "nippo": "Japan", "germano": "Germany", "polono": "Poland", "serbo": "Serbia", "hungaro": "Hungary",
}  # fmt: skip
_ADJECTIVES = {
    "roman": "Roman Empire", "byzantine": "Byzantine Empire", "ottoman": "Ottoman Empire",
    "persian": "Persia", "mongol": "Mongol Empire", "german": "Germany", "french": "France",
    "british": "United Kingdom", "american": "United States", "japanese": "Japan", "chinese": "China",
    "indian": "India", "russian": "Russia", "soviet": "Soviet Union", "portuguese": "Portugal",
    "spanish": "Spain", "italian": "Italy", "dutch": "Netherlands", "pakistani": "Pakistan",
    "tibetan": "Tibet", "nepalese": "Nepal", "korean": "Korea", "vietnamese": "Vietnam",
    "thai": "Thailand", "polish": "Poland", "swedish": "Sweden", "danish": "Denmark",
}  # fmt: skip


def _adjective_pair(a: str, b: str) -> tuple[str, str] | None:
    """The parties of "A-B relations": the names, or for a title in adjective
    form ("Sino-Roman") the countries they stand for; ``None`` when one of
    them cannot be named."""
    first, second = a.strip().casefold(), b.strip().casefold()
    if first not in _COMBINING and second not in _COMBINING:
        return _pair(a, b)
    names = [_COMBINING.get(word) or _ADJECTIVES.get(word) for word in (first, second)]
    return (names[0], names[1]) if names[0] and names[1] else None


def _split_last_word(text: str) -> tuple[str, str]:
    """``(everything before the last word, the last word)``, both stripped."""
    end = len(text)
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[:start].rstrip(), text[start:end]


def _split_first_word(text: str) -> tuple[str, str]:
    text = text.lstrip()
    end = 0
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[:end], text[end:].lstrip()


def _pair(a: str, b: str) -> tuple[str, str] | None:
    a, b = a.strip(), b.strip()
    return (a, b) if a and b else None


_IN = re.compile(r"\bin\s")
# What may follow a city after a comma and still be its name ("Washington, D.C.").
_CITY_SUFFIXES = frozenset({"d.c.", "dc", "d.c"})


def _city(mission: str) -> str | None:
    """The city of a mission: after "in" up to a comma ("Consulate-General in São
    Paulo, Brazil"), else after the first comma ("Embassy of Pakistan, Washington,
    D.C."); a closing remark in parentheses ("(closed)") is no part of it."""
    mission = mission.strip()
    if mission.endswith(")") and "(" in mission:
        mission = mission[: mission.rindex("(")].rstrip()
    found = _IN.search(mission)
    if found:
        place = mission[found.end() :]
    elif "," in mission:
        place = mission.split(",", 1)[1]
    else:
        return None
    first, _, rest = place.partition(",")
    if rest.strip().casefold() in _CITY_SUFFIXES:
        first = f"{first.strip()}, {rest.strip()}"
    return first.strip() or None


# Header words that mark the columns of a table of visits.
_GUEST = {"guest", "guests", "visitor", "visitors", "visiting", "delegation"}
_HOST = {"host", "hosts", "hosted", "receiving", "counterpart"}
_DATE = {"date", "dates", "when", "year", "period"}
_PLACE = {"place", "location", "city", "venue", "where", "destination", "places", "visited"}


# Words that make a column one of figures, not of people or places ("Guest workers",
# "Number of visitors", "Host country remittances").
_FIGURES = {
    "number", "numbers", "total", "totals", "workers", "arrivals", "change", "growth", "share",
    "percent", "percentage", "count", "figures", "statistics", "nights", "spending", "receipts",
    "revenue", "remittances", "rate", "thousands", "millions", "annual", "amount", "value",
}  # fmt: skip


# Under a heading about visits, the column of names is the guests'.
_NAMES = {"name", "names", "leader", "leaders", "dignitary", "dignitaries", "person", "visitors"}


def _words(key: str) -> set[str]:
    return set(re.findall(r"[a-z]+", key.casefold()))


def _columns(keys: tuple[str, ...], heading: str | None = None) -> dict[str, str]:
    """Which record key holds the guest, host, date, place of a visit.

    A header says it ("Guest", "Hosted by" ...); under a heading about visits
    ("List of official dignitary visits"), a column of names ("Name",
    "Leader") is the guests' too, as a reader takes it.
    """
    found: dict[str, str] = {}
    for key in keys:
        words = _words(key)
        if words & _FIGURES:
            continue
        for role, vocabulary in (("guest", _GUEST), ("host", _HOST), ("date", _DATE), ("place", _PLACE)):
            if role not in found and words & vocabulary:
                found[role] = key
                break
    if "guest" not in found and heading and re.search(r"\bvisit", heading.casefold()):
        found["guest"] = next(
            (
                key
                for key in keys
                if _words(key) & _NAMES and not _words(key) & _FIGURES and key not in found.values()
            ),
            "",
        )
        if not found["guest"]:
            del found["guest"]
    return found


def _figure(cell: str) -> bool:
    """Whether a cell holds a figure rather than a name: more digits than letters."""
    digits = sum(c.isdigit() for c in cell)
    return digits > 0 and digits >= sum(c.isalpha() for c in cell)


def _visits(table: Table, where: Positions, heading: str | None) -> list[Visit]:
    columns = _columns(table.keys, heading)
    if "guest" not in columns or not ({"host", "date"} & columns.keys()):
        return []  # a table is one of visits by what its header says, never by position
    keys = table.keys
    guests = keys.index(columns["guest"])
    if any(len(body.cells) > guests and _figure(body.cells[guests]) for body in table.rows):
        return []  # a visit's guest is a person or an office: "1,204,000" makes it statistics
    visits = []
    for body in table.rows:
        # Only the cells the row has: padding short rows to a header of
        # thousands of cells would make extraction quadratic.
        record = dict(zip(keys, body.cells, strict=False))

        def cell(role: str, record: dict[str, str] = record) -> str | None:
            return record.get(columns[role]) or None if role in columns else None

        date_text = cell("date")
        dates = find_dates(date_text) if date_text else ()
        visits.append(
            Visit(
                cell("guest"),
                cell("host"),
                cell("place"),
                dates[0] if dates else None,
                record,
                source=_at(where, body),
            )
        )
    return visits


def _at(where: Positions, node: Node, column: int = 0, line: int = 0) -> Source:
    """The source of a fact ``line`` lines and (on its line) ``column`` characters into ``node``."""
    start = where[node].start
    return Source(type(node).__name__, start.line + line, (start.column if not line else 1) + column, node)


def _sentences(para: Paragraph, where: Positions) -> list[tuple[str, Source]]:
    """Each sentence of ``para`` with the line and column it starts at."""
    text = para.text
    # Where each line's stripped text starts in ``text`` (lines are joined by one space).
    bases: list[tuple[int, int]] = []  # (offset in text, leading white space on its line)
    offset = 0
    for line in para.lines:
        stripped = line.strip()
        bases.append((offset, len(line) - len(line.lstrip())))
        offset += len(stripped) + 1
    out = []
    cursor = 0
    index = 0
    for sentence in split_sentences(text):
        at = text.find(sentence, cursor)
        if at < 0:  # pragma: no cover - split_sentences returns pieces of text
            at = cursor
        cursor = at + len(sentence)
        while index + 1 < len(bases) and bases[index + 1][0] <= at:
            index += 1
        base, lead = bases[index]
        out.append((sentence, _at(where, para, lead + at - base, index)))
    return out


def _sections_with_titles(doc: Document) -> list[tuple[str | None, Section | Document]]:
    """The lead (title None) and every section, in document order."""
    return [(None, doc), *((s.title, s) for s in doc.iter_sections())]


_HONORIFIC = re.compile(
    r"(?:(?:H\.\s?E\.?|His\s+Excellency|Her\s+Excellency|The\s+Hon(?:ou?rable|\.)?|Hon(?:ou?rable|\.)?"
    r"|Mr|Mrs|Ms|Miss|Dr|Amb|Ambassador)(?![A-Za-z])\.?[\s,]+)+"
)


def _envoy_name(written: str) -> str:
    """``written`` without the courtesy prefixes before the name; all of it
    when nothing else is left."""
    found = _HONORIFIC.match(written)
    if found is None:
        return written
    return written[found.end() :].strip(WHITESPACE) or written


def extract_relation(doc: Document) -> Relation:
    """The facts of ``doc``: parties, envoys, missions, visits, dated events, see-also links."""
    where = positions(doc)
    infobox = doc.infobox
    raw = infobox.to_dict() if infobox is not None else {}
    values: dict[str, InfoboxItem] = {}
    for item in infobox.items if infobox is not None else ():
        values[infobox_key(item.key)] = item  # the last of a repeated key wins, as in get()

    def value(key: str) -> str:
        item = values.get(key)
        return item.value if item is not None else ""

    parties: tuple[str, str] | None = None
    if value("party1") and value("party2"):
        parties = (value("party1"), value("party2"))
    elif doc.title:
        parties = parties_from_title(doc.title)

    def party(side: int) -> str | None:
        return parties[side - 1] if parties else None

    envoys = tuple(
        Envoy(
            side,
            party(side),
            value(f"envoytitle{side}") or None,
            _envoy_name(value(f"envoy{side}")),
            written=value(f"envoy{side}"),
            source=_at(where, values[f"envoy{side}"]),
        )
        for side in (1, 2)
        if value(f"envoy{side}")
    )
    missions = tuple(
        Mission(side, party(side), name, _city(name), source=_at(where, values[f"mission{side}"]))
        for side in (1, 2)
        for name in (part.strip() for part in value(f"mission{side}").split(";"))
        if name
    )

    visits: list[Visit] = []
    events: list[Event] = []
    see_also: list[str] = []
    prose: list[Unit] = []  # running text, for the typed facts
    for title, container in _sections_with_titles(doc):
        for block in container.blocks:
            if isinstance(block, Table):
                visits.extend(_visits(block, where, title or doc.title))
            elif isinstance(block, Paragraph):
                for sentence, source in _sentences(block, where):
                    dates = find_dates(sentence)
                    prose.append((sentence, source, False, dates))
                    if dates:
                        events.append(Event(dates, sentence, title, source=source))
            elif isinstance(block, (BulletList, NumberedList)):
                if title and infobox_key(title) == "seealso":
                    see_also.extend(item.text for item in _list_items(block) if item.text)
                    continue
                for item in _list_items(block):  # a dated list item is an event, as a sentence is
                    dates = find_dates(item.text)
                    prose.append((item.text, _at(where, item), True, dates))
                    if dates:
                        events.append(Event(dates, item.text, title, source=_at(where, item)))

    typed = read_prose(prose, parties)
    for v in typed.visits:  # its source is a Source of ``prose``, typed by the facts' protocol
        visits.append(
            Visit(v.guest, None, v.place, v.date, {}, sentence=v.sentence, source=cast(Source, v.source))
        )
    return Relation(
        title=doc.title,
        parties=parties,
        envoys=envoys,
        missions=missions,
        visits=tuple(visits),
        events=tuple(events),
        see_also=tuple(see_also),
        infobox=raw,
        diplomatic=typed.diplomatic,
        agreements=typed.agreements,
        mission_events=typed.mission_events,
    )


def _list_items(top: Any) -> list[Any]:
    """Every item of a (bullet or numbered) list, nested ones included, in document order."""
    items = []
    stack = [iter(top.items)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            continue
        items.append(item)
        if item.children is not None:
            stack.append(iter(item.children.items))
    return items
