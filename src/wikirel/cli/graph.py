"""``wikirel graph``: one graph of countries, people, missions and cities across the inputs."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from ..construct import plural
from ..facts.graph import Graph
from ..facts.graph_export import FORMATS, write_graph
from .output import EXIT_ERROR, Tally, message_line
from .work import run

__all__ = ["add_graph_options", "cmd_graph"]


def add_graph_options(sub: argparse.ArgumentParser) -> None:
    """The options of ``wikirel graph``."""
    sub.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help="jsonl (default), neo4j (a folder of CSV for neo4j-admin), turtle, jsonld (need rdflib), dot",
    )
    sub.add_argument(
        "-o", "--output", metavar="PATH", help="write here (a folder for neo4j) instead of stdout"
    )


def cmd_graph(args: argparse.Namespace) -> int:
    """Extract every input (in ``--jobs`` processes), merge the facts into one graph, write it."""
    if args.format == "neo4j" and not args.output:
        message_line("wikirel graph: error: --format neo4j writes a folder: give it with -o/--output")
        return EXIT_ERROR
    if args.format in ("turtle", "jsonld") and importlib.util.find_spec("rdflib") is None:
        message_line("wikirel graph: error: RDF output needs rdflib: pip install 'wikirel[rdf]'")
        return EXIT_ERROR  # before reading any input
    tally = Tally(args)
    graph = Graph()
    for _, record, _ in tally.successes(run("extract", args)):
        graph.add(record, path=record.get("path"))
    try:
        if args.format == "neo4j":
            write_graph(graph, "neo4j", folder=Path(args.output))
        elif args.output:
            with open(args.output, "w", encoding="utf-8", newline="\n") as out:
                write_graph(graph, args.format, out)
        else:
            write_graph(graph, args.format, sys.stdout)
    except ImportError as error:
        message_line(f"wikirel graph: error: {error}")
        return EXIT_ERROR
    except BrokenPipeError:
        raise  # the command line's own handler exits 141
    except OSError as error:
        message_line(f"wikirel graph: error: cannot write {args.output}: {error.strerror or error}")
        return EXIT_ERROR
    nodes, edges = plural(len(graph.nodes), "node"), plural(len(graph.edges), "edge")
    return tally.summary(args, f"read; a graph of {nodes} and {edges} written", verb=True)
