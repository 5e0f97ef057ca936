"""``extract_relation``: the facts of a relation article, typed.

Extraction never raises on a parsed document: what cannot be found is
``None`` or an empty tuple. Infobox keys are matched by
:func:`wikirel.nodes.infobox_key` (case, spaces, ``_`` and ``-`` ignored:
``Envoy1``, ``envoy_1`` and ``Envoy 1`` are one key), as ``Infobox.get`` and
the duplicate-key diagnostic match them.
"""

from __future__ import annotations

import json
import re
from typing import Any

import attrs

from .dates import DateSpan, find_dates, split_sentences
from .nodes import BulletList, Document, Paragraph, Section, Table, infobox_key

__all__ = ["Envoy", "Event", "Mission", "Relation", "Visit", "extract_relation", "relation_schema"]


@attrs.frozen
class Envoy:
    """A head of mission from ``Envoy1``/``Envoytitle1`` (side 1) or ``...2``."""

    side: int
    party: str | None
    title: str | None
    name: str


@attrs.frozen
class Mission:
    """A diplomatic mission from ``Mission1``/``Mission2``; ``city`` after its last comma or "in"."""

    side: int
    party: str | None
    name: str
    city: str | None


@attrs.frozen
class Visit:
    """One row of a table of visits; ``row`` keeps every cell of the row under
    its header key (a short row has no entry for the cells it lacks)."""

    guest: str | None
    host: str | None
    place: str | None
    date: DateSpan | None
    row: dict[str, str] = attrs.field(eq=True, hash=False)


@attrs.frozen
class Event:
    """A sentence of running text with the dates it mentions."""

    dates: tuple[DateSpan, ...]
    sentence: str
    section: str | None


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

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, in a stable key order; dates as ISO strings.

        The shape is described by ``relation.schema.json`` in this package.
        """
        return {
            "title": self.title,
            "parties": list(self.parties) if self.parties else None,
            "envoys": [attrs.asdict(e) for e in self.envoys],
            "missions": [attrs.asdict(m) for m in self.missions],
            "visits": [
                {
                    "guest": v.guest,
                    "host": v.host,
                    "place": v.place,
                    "date": v.date.to_dict() if v.date else None,
                    "row": dict(v.row),
                }
                for v in self.visits
            ],
            "events": [
                {"dates": [d.to_dict() for d in e.dates], "sentence": e.sentence, "section": e.section}
                for e in self.events
            ],
            "see_also": list(self.see_also),
            "infobox": dict(self.infobox),
        }


def relation_schema() -> dict[str, Any]:
    """The JSON Schema of :meth:`Relation.to_dict`, shipped in the package."""
    from importlib import resources

    text = resources.files("wikirel").joinpath("relation.schema.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


_DASHES = "–—"
_AND = re.compile(r"(?<=\s)and(?=\s)", re.IGNORECASE)


def parties_from_title(title: str) -> tuple[str, str] | None:
    """``("A", "B")`` from "A–B relations", "A-B relations", "A and B relations"
    or "Relations between A and B"; ``None`` when the title says neither.

    String operations, no backtracking regex: linear in the title's length.
    """
    title = title.strip()
    head, last = _split_last_word(title)
    if last.casefold() == "relations" and head:
        dash = min((i for i in map(head.find, _DASHES) if i >= 0), default=-1)
        if dash >= 0:
            return _pair(head[:dash], head[dash + 1 :])
        found = _AND.search(head)
        if found:
            return _pair(head[: found.start()], head[found.end() :])
        if head.count("-") == 1:
            return _pair(*head.split("-"))
        return None
    first, rest = _split_first_word(title)
    second, rest = _split_first_word(rest)
    if first.casefold() == "relations" and second.casefold() == "between":
        found = _AND.search(rest)
        if found:
            return _pair(rest[: found.start()], rest[found.end() :])
    return None


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


def _city(mission: str) -> str | None:
    if "," in mission:
        city = mission.rsplit(",", 1)[1].strip()
        return city or None
    found = _IN.search(mission)
    return (mission[found.end() :].strip() or None) if found else None


# Header words that mark the columns of a table of visits.
_GUEST = {"guest", "guests", "visitor", "visitors", "visiting", "delegation"}
_HOST = {"host", "hosts", "hosted", "receiving", "counterpart"}
_DATE = {"date", "dates", "when", "year", "period"}
_PLACE = {"place", "location", "city", "venue", "where", "destination", "places"}


def _columns(keys: tuple[str, ...]) -> dict[str, str]:
    """Which record key holds the guest, host, date, place of a visit."""
    found: dict[str, str] = {}
    for key in keys:
        words = set(re.findall(r"[a-z]+", key.casefold()))
        for role, vocabulary in (("guest", _GUEST), ("host", _HOST), ("date", _DATE), ("place", _PLACE)):
            if role not in found and words & vocabulary:
                found[role] = key
                break
    return found


def _visits(table: Table) -> list[Visit]:
    columns = _columns(table.keys)
    if "guest" not in columns or not ({"host", "date"} & columns.keys()):
        return []
    visits = []
    keys = table.keys
    for body in table.rows:
        # Only the cells the row has: padding short rows to a header of
        # thousands of cells would make extraction quadratic.
        record = dict(zip(keys, body.cells, strict=False))

        def cell(role: str, record: dict[str, str] = record) -> str | None:
            return record.get(columns[role]) or None if role in columns else None

        date_text = cell("date")
        dates = find_dates(date_text) if date_text else ()
        visits.append(Visit(cell("guest"), cell("host"), cell("place"), dates[0] if dates else None, record))
    return visits


def _sections_with_titles(doc: Document) -> list[tuple[str | None, Section | Document]]:
    """The lead (title None) and every section, in document order."""
    return [(None, doc), *((s.title, s) for s in doc.iter_sections())]


def extract_relation(doc: Document) -> Relation:
    """The facts of ``doc``: parties, envoys, missions, visits, dated events, see-also links."""
    infobox = doc.infobox
    raw = infobox.to_dict() if infobox is not None else {}
    values: dict[str, str] = {}
    for item in infobox.items if infobox is not None else ():
        values[infobox_key(item.key)] = item.value  # the last of a repeated key wins, as in get()

    parties: tuple[str, str] | None = None
    if values.get("party1") and values.get("party2"):
        parties = (values["party1"], values["party2"])
    elif doc.title:
        parties = parties_from_title(doc.title)

    def party(side: int) -> str | None:
        return parties[side - 1] if parties else None

    envoys = tuple(
        Envoy(side, party(side), values.get(f"envoytitle{side}") or None, values[f"envoy{side}"])
        for side in (1, 2)
        if values.get(f"envoy{side}")
    )
    missions = tuple(
        Mission(side, party(side), name, _city(name))
        for side in (1, 2)
        for name in (part.strip() for part in values.get(f"mission{side}", "").split(";"))
        if name
    )

    visits: list[Visit] = []
    events: list[Event] = []
    see_also: list[str] = []
    for title, container in _sections_with_titles(doc):
        for block in container.blocks:
            if isinstance(block, Table):
                visits.extend(_visits(block))
            elif isinstance(block, Paragraph):
                for sentence in split_sentences(block.text):
                    dates = find_dates(sentence)
                    if dates:
                        events.append(Event(dates, sentence, title))
            elif isinstance(block, BulletList) and title and infobox_key(title) == "seealso":
                see_also.extend(_item_texts(block))

    return Relation(
        title=doc.title,
        parties=parties,
        envoys=envoys,
        missions=missions,
        visits=tuple(visits),
        events=tuple(events),
        see_also=tuple(see_also),
        infobox=raw,
    )


def _item_texts(top: BulletList) -> list[str]:
    texts = []
    stack = [iter(top.items)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            continue
        if item.text:
            texts.append(item.text)
        if item.children is not None:
            stack.append(iter(item.children.items))
    return texts
