"""``extract_relation``: the facts of a relation article, typed, each with its source.

Extraction never raises on a parsed document: what cannot be found is
``None`` or an empty tuple. Infobox keys are matched by
:func:`wikirel.nodes.infobox_key` (case, spaces, ``_`` and ``-`` ignored:
``Envoy1``, ``envoy_1`` and ``Envoy 1`` are one key), as ``Infobox.get`` and
the duplicate-key diagnostic match them. Every envoy, mission, visit and
event carries a :class:`~wikirel.facts.Source`: the node it was read from and the
line and column where it starts, so a reviewer can jump from a fact to its text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from ..nodes import Document, InfoboxItem, Paragraph, Table, infobox_key
from . import Unit, read_prose
from .dates import find_dates
from .events import Where, list_items, list_kinds, sections_with_titles, sentences
from .infobox import envoy_name, mission_city
from .model import Envoy, Event, Mission, Relation, Source, Visit, make_event, make_relation, make_visit
from .parties import parties_from_title
from .tables import table_visits

if TYPE_CHECKING:
    from ..dialect import Dialect

__all__ = ["extract_relation"]

# What infobox_key drops besides white space.
_KEY_NOISE = "_-"
# Per side: the infobox keys (as infobox_key gives them) of its envoy, envoy's title and mission.
_SIDES = tuple((side, f"envoy{side}", f"envoytitle{side}", f"mission{side}") for side in (1, 2))


def extract_relation(doc: Document, *, dialect: Dialect | None = None) -> Relation:
    """The facts of ``doc``: parties, envoys, missions, visits, dated events, see-also links,
    and the typed facts of running text.

    The list constructs whose items are read as running text are learnt
    from ``dialect`` (give the dialect ``doc`` was parsed with when it has a
    list construct of your own); by default, those wikirel ships.
    """
    where = Where(doc)
    kinds = list_kinds(None if dialect is None else dialect.constructs)
    infobox = doc.infobox
    raw = infobox.to_dict() if infobox is not None else {}
    values: dict[str, InfoboxItem] = {}
    for item in infobox.items if infobox is not None else ():
        # Only the keys read below ("party1", "envoy2" ...), which end in 1 or 2 (no other
        # character casefolds to one) or in what infobox_key ignores, are worth its regex.
        last = item.key[-1:]
        if last == "1" or last == "2" or last in _KEY_NOISE or last.isspace():
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

    envoys: list[Envoy] = []
    missions: list[Mission] = []
    for side, envoy_key, title_key, mission_key in _SIDES:
        envoy = values.get(envoy_key)
        if envoy is not None and envoy.value:
            envoy_title = values.get(title_key)
            envoys.append(
                Envoy(
                    side,
                    party(side),
                    envoy_title.value or None if envoy_title is not None else None,
                    envoy_name(envoy.value),
                    written=envoy.value,
                    source=where.at(envoy),
                )
            )
        mission = values.get(mission_key)
        if mission is not None:
            for part in mission.value.split(";"):
                name = part.strip()
                if name:
                    source = where.at(mission)
                    missions.append(Mission(side, party(side), name, mission_city(name), source=source))

    visits: list[Visit] = []
    events: list[Event] = []
    see_also: list[str] = []
    prose: list[Unit] = []  # running text, for the typed facts
    for title, container in sections_with_titles(doc):
        for block in container.blocks:
            if isinstance(block, Table):
                visits.extend(table_visits(block, where.at, title or doc.title))
            elif isinstance(block, Paragraph):
                for sentence, source in sentences(block, where):
                    dates = find_dates(sentence)
                    prose.append((sentence, source, False, dates))
                    if dates:
                        events.append(make_event(dates, sentence, title, source))
            elif kinds.is_list(block):
                # A user's class marked list_item without a ``text`` of str is read as no text:
                # extraction never raises on a parsed document.
                items = [
                    (node, text)
                    for node in list_items(block, kinds)
                    if isinstance(text := getattr(node, "text", None), str)
                ]
                if title and infobox_key(title) == "seealso":
                    see_also.extend(text for _, text in items if text)
                    continue
                for node, text in items:  # a dated list item is an event, as a sentence is
                    dates = find_dates(text)
                    source = where.at(node)
                    prose.append((text, source, True, dates))
                    if dates:
                        events.append(make_event(dates, text, title, source))

    typed = read_prose(prose, parties)
    for v in typed.visits:  # its source is a Source of ``prose``, typed by the facts' protocol
        visits.append(make_visit(v.guest, None, v.place, v.date, {}, cast(Source, v.source), v.sentence))
    return make_relation(
        title_=doc.title,
        parties_=parties,
        envoys_=tuple(envoys),
        missions_=tuple(missions),
        visits_=tuple(visits),
        events_=tuple(events),
        see_also_=tuple(see_also),
        infobox_=raw,
        diplomatic_=typed.diplomatic,
        agreements_=typed.agreements,
        mission_events_=typed.mission_events,
    )
