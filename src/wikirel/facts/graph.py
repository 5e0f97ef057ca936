"""A corpus graph: one node per country, person, mission and city; edges with sources.

The builder reads relation records (``Relation.to_dict()``, the JSON that
``wikirel extract`` writes) one at a time and keeps only the nodes and edges,
so memory follows the number of distinct entities, not the corpus. The same
fact told in two articles is one edge with two sources.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from .countries import Country, resolve_country
from .people import split_person

__all__ = ["Edge", "Graph", "GraphNode", "build_graph", "mission_country"]

_MISSION_KINDS = (
    "honorary consulate",
    "consulate-general",
    "consulate general",
    "high commission",
    "representative office",
    "liaison office",
    "embassy",
    "consulate",
    "mission",
)
_KIND = "|".join(re.escape(k) for k in _MISSION_KINDS)
_SENDER_BEFORE = re.compile(rf"^\s*(?:the\s+)?(?P<who>[^,()]+?)(?:'s?)?\s+(?:{_KIND})\b", re.IGNORECASE)
_SENDER_AFTER = re.compile(
    rf"\b(?:{_KIND})\s+of\s+(?:the\s+)?(?P<who>[^,()]+?)(?=\s+(?:in|at|to)\b|,|\(|$)", re.IGNORECASE
)
_SLUG = re.compile(r"[\W_]+")
_PLACES = re.compile(r"\s*(?:[,;]|\band\b)\s*")


def _slug(text: str) -> str:
    """A readable, stable id part: letters and digits of any script, accents
    dropped, the rest one hyphen; where nothing is left, a hash of the text."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    slug = _SLUG.sub("-", plain.casefold()).strip("-")
    if len(slug) > 120:  # long names stay distinct: a prefix and a hash of the whole
        slug = f"{slug[:100]}-{hashlib.sha1(text.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"
    return slug or "h-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def mission_country(name: str) -> Country | None:
    """The sending country a mission's name gives: "Tajik Embassy, Islamabad"
    (a demonym), "Embassy of Pakistan, Washington, D.C." (a name), or None."""
    found = _SENDER_AFTER.search(name)
    if found:
        return resolve_country(found["who"], kinds=("name",))
    found = _SENDER_BEFORE.match(name)
    if found:
        return resolve_country(found["who"], kinds=("demonym", "name"))
    return None


def mission_kind(name: str) -> str | None:
    """The kind of mission a name says ("embassy", "high commission", ...), or None."""
    lowered = name.casefold()
    for kind in _MISSION_KINDS:
        if kind in lowered:
            return "consulate-general" if kind == "consulate general" else kind
    return None


@attrs.define
class GraphNode:
    """A node: ``type`` is country, person, mission or city; ``id`` is stable across runs."""

    id: str
    type: str
    name: str
    props: dict[str, Any] = attrs.field(factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON Lines row."""
        return {"kind": "node", "type": self.type, "id": self.id, "name": self.name, **self.props}


#: Where a fact was told: the article's path, and the fact's line and column.
Where = tuple["str | None", "int | None", "int | None"]


@attrs.define
class Edge:
    """An edge and every place it was told (``sources``: path, line, column; in order, no repeats)."""

    type: str
    source: str
    target: str
    props: dict[str, Any] = attrs.field(factory=dict)
    sources: dict[Where, None] = attrs.field(factory=dict)  # an ordered set

    def to_dict(self) -> dict[str, Any]:
        """A JSON Lines row."""
        return {
            "kind": "edge",
            "type": self.type,
            "source": self.source,
            "target": self.target,
            **self.props,
            "sources": [{"path": p, "line": line, "column": col} for p, line, col in self.sources],
        }


@attrs.define
class Graph:
    """Nodes and edges across many articles; ``add`` one relation record at a time."""

    nodes: dict[str, GraphNode] = attrs.field(factory=dict)
    edges: dict[tuple[Any, ...], Edge] = attrs.field(factory=dict)

    def _node(self, node_id: str, node_type: str, name: str, **props: Any) -> str:
        if node_id not in self.nodes:
            self.nodes[node_id] = GraphNode(
                node_id, node_type, name, {k: v for k, v in props.items() if v is not None}
            )
        return node_id

    def _edge(self, kind: str, source: str, target: str, where: Where | None, **props: Any) -> None:
        key = (kind, source, target, *sorted((k, repr(v)) for k, v in props.items()))
        edge = self.edges.get(key)
        if edge is None:
            edge = self.edges[key] = Edge(kind, source, target, dict(props))
        if where is not None:
            edge.sources[where] = None

    def country(self, name: str | None, *, kinds: tuple[str, ...] = ("name",)) -> str | None:
        """The node id of the country ``name`` names (resolved, or kept as written)."""
        if not name:
            return None
        found = resolve_country(name, kinds=kinds)  # type: ignore[arg-type]
        if found is not None:
            return self._node(f"country:{found.iso3}", "country", found.name, iso3=found.iso3)
        return self._node(f"country:~{_slug(name)}", "country", name, iso3=None)

    def person(self, written: str | None) -> str | None:
        """The node id of a person (by name where the offices split off), or None."""
        if not written:
            return None
        person = split_person(written)
        if person.name is None:
            return None
        offices = list(person.offices) or None
        node = self._node(f"person:{_slug(person.name)}", "person", person.name)
        if offices:
            known = self.nodes[node].props.setdefault("offices", [])
            known.extend(o for o in offices if o not in known)
        return node

    def add(self, record: Mapping[str, Any], path: str | None = None) -> None:
        """Add the facts of one relation record (``Relation.to_dict()``) read from ``path``."""

        if not isinstance(record, Mapping):
            raise TypeError(
                f"a relation record is a mapping (Relation.to_dict()), not {type(record).__name__}"
            )
        if path is None:
            path = _text(record.get("path"))  # a record of `wikirel extract` names its file
        record = _clean(record)

        def where(fact: Mapping[str, Any]) -> Where:
            src = fact.get("source")
            if not isinstance(src, Mapping):
                return (path, None, None)
            return (path, _int(src.get("line")), _int(src.get("column")))

        parties = record["parties"]
        sides: list[str | None] = [self.country(p) for p in parties] if parties else [None, None]
        article: Where = (path, 1, 1)
        if sides[0] and sides[1]:
            a, b = sorted((sides[0], sides[1]))
            self._edge("relation", a, b, article)
            for event in record["diplomatic"]:
                self._edge(
                    "relation_event", a, b, where(event), event=_text(event.get("kind")), **_when(event)
                )
        for envoy in record["envoys"]:
            person = self.person(_text(envoy.get("name")) or _text(envoy.get("written")))
            side = _int(envoy.get("side"))
            if person and side in (1, 2) and sides[side - 1]:
                other = sides[2 - side]
                self._edge(
                    "envoy_of",
                    person,
                    sides[side - 1] or "",
                    where(envoy),
                    to=other,
                    title=_text(envoy.get("title")),
                )
        for mission in record["missions"]:
            self._mission(mission, sides, where(mission))
        for visit in record["visits"]:
            guest = self.person(_text(visit.get("guest")))
            if guest:
                for place in self._places(_text(visit.get("place"))):
                    self._edge("visited", guest, place, where(visit), **_when(visit))
        for agreement in record["agreements"]:
            if sides[0] and sides[1]:
                a, b = sorted((sides[0], sides[1]))
                self._edge(
                    "agreement",
                    a,
                    b,
                    where(agreement),
                    agreement_type=_text(agreement.get("kind")),
                    name=_text(agreement.get("name")),
                    **_when(agreement),
                )

    def _places(self, place: str | None) -> list[str]:
        """Node ids for a visit's place: a country, a city, "City, Country", or a list of such."""
        if not place:
            return []
        if resolve_country(place, kinds=("name",)) is not None:
            return [self.country(place) or ""]
        if resolve_country(place, kinds=("capital",)) is not None:
            return [self._city(place)]
        parts = [p.strip() for p in _PLACES.split(place) if p.strip()]
        if len(parts) == 2 and resolve_country(parts[1], kinds=("name",)) is not None:
            return [self._city(parts[0], parts[1])]
        if len(parts) > 1 and all(len(p.split()) <= 3 for p in parts):
            return [node for part in parts for node in self._places(part)]
        return [self._city(place)]

    def _city(self, city: str, country: str | None = None) -> str:
        """A city node, located in its country where the text or the capitals table says."""
        node = self._node(f"city:{_slug(city)}", "city", city)
        found = resolve_country(country, kinds=("name",)) if country else None
        found = found or resolve_country(city, kinds=("capital",))
        if found is not None:
            target = self._node(f"country:{found.iso3}", "country", found.name, iso3=found.iso3)
            self._edge("located_in", node, target, None)
        return node

    def _mission(self, mission: Mapping[str, Any], sides: list[str | None], where: Where) -> None:
        name = _text(mission.get("name")) or ""
        side = _int(mission.get("side"))
        sender_country = mission_country(name)
        sender = (
            self.country(sender_country.name)
            if sender_country is not None
            else (sides[side - 1] if side in (1, 2) else None)
        )
        node = self._node(f"mission:{_slug(name)}", "mission", name, mission_type=mission_kind(name))
        if sender:
            self._edge("mission_of", node, sender, where)
        city = _text(mission.get("city"))
        if city:
            self._edge("located_in", node, self._city(city), where)

    def rows(self) -> Iterator[dict[str, Any]]:
        """Every node, then every edge, as JSON Lines rows, in a stable order."""
        for node_id in sorted(self.nodes):
            yield self.nodes[node_id].to_dict()
        for key in sorted(self.edges, key=repr):
            yield self.edges[key].to_dict()


def _when(fact: Mapping[str, Any]) -> dict[str, Any]:
    """A fact's date as edge properties: its first day and its precision
    ("1993-03-01", "month" for "March 1993"), or nothing."""
    date = fact.get("date")
    if not isinstance(date, Mapping) or _text(date.get("start")) is None:
        return {}
    return {"date": date["start"], "precision": _text(date.get("precision"))}


_FACTS = ("diplomatic", "envoys", "missions", "visits", "agreements")


def _clean(record: Mapping[str, Any]) -> dict[str, Any]:
    """What has the shape of a relation record: two party names and lists of
    facts (mappings). Anything else (a record read from a file someone wrote)
    is left out, never a crash."""
    parties = record.get("parties")
    valid = isinstance(parties, list) and len(parties) == 2 and all(_text(p) for p in parties)
    clean: dict[str, Any] = {"parties": parties if valid else None}
    for key in _FACTS:
        facts = record.get(key)
        clean[key] = [f for f in facts if isinstance(f, Mapping)] if isinstance(facts, list) else []
    return clean


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def build_graph(records: Iterable[Mapping[str, Any] | tuple[str | None, Mapping[str, Any]] | Any]) -> Graph:
    """One graph from relation records, ``(path, record)`` pairs or ``Relation`` objects."""
    graph = Graph()
    for item in records:
        path: str | None = None
        if isinstance(item, tuple):
            path, item = item
        if not isinstance(item, Mapping):
            to_dict = getattr(item, "to_dict", None)
            if to_dict is None:
                kind = type(item).__name__
                raise TypeError(f"a relation record, a Relation or a (path, record) pair, not {kind}")
            item = to_dict()
        graph.add(item, path)
    return graph
