"""Writing a corpus graph where graphs live: JSON Lines, Neo4j's import CSV, DOT, RDF.

JSON Lines, the Neo4j CSV and DOT need nothing beyond the standard library;
Turtle and JSON-LD need rdflib (``pip install 'wikirel[rdf]'``).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .graph import Graph

if TYPE_CHECKING:
    import rdflib

__all__ = ["FORMATS", "VOCAB", "to_rdf", "write_dot", "write_graph", "write_jsonl", "write_neo4j"]

FORMATS = ("jsonl", "neo4j", "turtle", "jsonld", "dot")
VOCAB = "https://wikirel.readthedocs.io/vocab#"
WIKIDATA = "http://www.wikidata.org/prop/direct/"

# Neo4j: one label and one relationship type per graph type.
_LABELS = {"country": "Country", "person": "Person", "mission": "Mission", "city": "City"}
_TYPES = {
    "relation": "DIPLOMATIC_RELATION",
    "relation_event": "RELATION_EVENT",
    "envoy_of": "ENVOY_OF",
    "mission_of": "MISSION_OF",
    "located_in": "LOCATED_IN",
    "visited": "VISITED",
    "agreement": "AGREEMENT",
}


def write_jsonl(graph: Graph, out: IO[str]) -> None:
    """One JSON object per line: every node, then every edge."""
    for row in graph.rows():
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _props(row: dict[str, Any], skip: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in skip}


def write_neo4j(graph: Graph, folder: Path) -> list[Path]:
    """CSV files in the header format of ``neo4j-admin database import``.

    One ``nodes-<type>.csv`` per node type (``id:ID``, ``:LABEL``, properties)
    and one ``edges-<type>.csv`` per edge type (``:START_ID``, ``:END_ID``,
    ``:TYPE``, properties), one of each known type even when it has no rows.
    Lists (offices) use ``;``, neo4j-admin's default array delimiter; an
    edge's sources are one JSON string. Returns the files.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    nodes: dict[str, list[dict[str, Any]]] = {}
    edges: dict[str, list[dict[str, Any]]] = {}
    for row in graph.rows():
        (nodes if row["kind"] == "node" else edges).setdefault(row["type"], []).append(row)
    # Every known type gets its file, empty or not: a file of an earlier run in
    # the same folder is overwritten, never left to be imported as today's.
    for kind in _LABELS:
        nodes.setdefault(kind, [])
    for kind in _TYPES:
        edges.setdefault(kind, [])
    for kind, rows in sorted(nodes.items()):
        keys = sorted({k for row in rows for k in _props(row, ("kind", "type", "id"))})
        header = ["id:ID", *(f"{k}:string[]" if k == "offices" else k for k in keys), ":LABEL"]
        path = folder / f"nodes-{kind}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                values = [";".join(row[k]) if k == "offices" and k in row else row.get(k, "") for k in keys]
                writer.writerow(
                    [row["id"], *("" if v is None else v for v in values), _LABELS.get(kind, kind)]
                )
        written.append(path)
    for kind, rows in sorted(edges.items()):
        keys = sorted(
            {k for row in rows for k in _props(row, ("kind", "type", "source", "target", "sources"))}
        )
        path = folder / f"edges-{kind}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([":START_ID", ":END_ID", ":TYPE", *keys, "sources"])
            for row in rows:
                values = ["" if row.get(k) is None else row[k] for k in keys]
                sources = json.dumps(row["sources"], ensure_ascii=False)
                writer.writerow(
                    [row["source"], row["target"], _TYPES.get(kind, kind.upper()), *values, sources]
                )
        written.append(path)
    return written


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _dot_id(text: str) -> str:
    """A quoted DOT id: quotes and backslashes escaped, control characters as spaces (a NUL stops dot)."""
    return '"' + _CONTROL.sub(" ", text.replace("\\", "\\\\").replace('"', '\\"')) + '"'


def write_dot(graph: Graph, out: IO[str]) -> None:
    """A Graphviz picture: countries as boxes, people as ellipses, missions as notes."""
    shapes = {"country": "box", "person": "ellipse", "mission": "note", "city": "plaintext"}
    out.write("digraph wikirel {\n  rankdir=LR;\n  node [fontname=Helvetica];\n")
    for row in graph.rows():
        if row["kind"] == "node":
            label = row["name"] + (f" ({row['iso3']})" if row.get("iso3") else "")
            out.write(
                f"  {_dot_id(row['id'])} [label={_dot_id(label)}, shape={shapes.get(row['type'], 'box')}];\n"
            )
        else:
            label = row["type"] + (f" {row['date']}" if row.get("date") else "")
            arrow = ", dir=none" if row["type"] in ("relation", "relation_event", "agreement") else ""
            out.write(
                f"  {_dot_id(row['source'])} -> {_dot_id(row['target'])} [label={_dot_id(label)}{arrow}];\n"
            )
    out.write("}\n")


def to_rdf(graph: Graph) -> rdflib.Graph:
    """The graph as RDF (rdflib), in the vocabulary docs/graph.md describes.

    Countries are related by ``wdt:P530`` (diplomatic relation); a country
    sends its missions (``wdt:P531``); a city is in a country (``wdt:P17``);
    a mission is located in a city (``wdt:P131``). Visits, envoys, dated
    relation events and agreements are statement nodes (``wr:Visit`` ...)
    with ``wr:date`` as ``xsd:date`` (the first day) and ``wr:precision``
    (day, month, year, ...: "March 1993" is 1993-03-01, month); every statement node has ``wr:source``
    strings ``path:line:column``.
    """
    try:
        import rdflib
        from rdflib.namespace import RDF, RDFS, XSD
    except ImportError as error:  # pragma: no cover - the extra is in the test set
        raise ImportError("RDF output needs rdflib: pip install 'wikirel[rdf]'") from error
    wr = rdflib.Namespace(VOCAB)
    wdt = rdflib.Namespace(WIKIDATA)
    out = rdflib.Graph()
    out.bind("wr", wr)
    out.bind("wdt", wdt)

    def node(node_id: str) -> rdflib.URIRef:
        return wr["node/" + node_id.replace(":", "/").replace("~", "_")]

    def date(value: Any) -> rdflib.Literal | None:
        if not isinstance(value, str) or len(value) != 10:
            return None
        return rdflib.Literal(value, datatype=XSD.date)

    for row in graph.rows():
        if row["kind"] == "node":
            subject = node(row["id"])
            out.add((subject, RDF.type, wr[_LABELS.get(row["type"], "Thing")]))
            out.add((subject, RDFS.label, rdflib.Literal(row["name"])))
            if row.get("iso3"):
                out.add((subject, wr.iso3, rdflib.Literal(row["iso3"])))
            for office in row.get("offices", ()):
                out.add((subject, wr.office, rdflib.Literal(office)))
            continue
        source, target, kind = node(row["source"]), node(row["target"]), row["type"]
        if kind == "relation":
            out.add((source, wdt.P530, target))
            out.add((target, wdt.P530, source))
            continue
        if kind == "mission_of":
            out.add((target, wdt.P531, source))
            continue
        if kind == "located_in":
            out.add((source, wdt.P17 if row["source"].startswith("city:") else wdt.P131, target))
            continue
        statement = rdflib.BNode()
        classes = {
            "visited": "Visit",
            "envoy_of": "EnvoyPosting",
            "relation_event": "RelationEvent",
            "agreement": "Agreement",
        }
        out.add((statement, RDF.type, wr[classes.get(kind, "Statement")]))
        roles = {"visited": ("guest", "place"), "envoy_of": ("envoy", "sender")}
        first, second = roles.get(kind, ("party", "party"))
        out.add((statement, wr[first], source))
        out.add((statement, wr[second], target))
        for key, value in row.items():
            if key in ("kind", "type", "source", "target", "sources") or value is None:
                continue
            if key == "date":
                literal = date(value)
                if literal is not None:
                    out.add((statement, wr.date, literal))
            elif key == "to":
                out.add((statement, wr.receiver, node(value)))
            else:
                out.add((statement, wr[key], rdflib.Literal(value)))
        for src in row["sources"]:
            out.add((statement, wr.source, rdflib.Literal(f"{src['path']}:{src['line']}:{src['column']}")))
    return out


def write_graph(graph: Graph, fmt: str, out: IO[str] | None = None, folder: Path | None = None) -> None:
    """Write ``graph`` in ``fmt`` (one of FORMATS) to ``out``, or (neo4j) to ``folder``."""
    if fmt == "neo4j":
        if folder is None:
            raise ValueError("the neo4j format writes a folder: give one")
        write_neo4j(graph, folder)
        return
    if out is None:
        raise ValueError(f"the {fmt} format writes to a stream: give one")
    if fmt == "jsonl":
        write_jsonl(graph, out)
    elif fmt == "dot":
        write_dot(graph, out)
    elif fmt in ("turtle", "jsonld"):
        out.write(to_rdf(graph).serialize(format="json-ld" if fmt == "jsonld" else "turtle"))
    else:
        raise ValueError(f"unknown graph format {fmt!r}: one of {', '.join(FORMATS)}")
