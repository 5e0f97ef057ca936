"""Memory of a corpus graph: ``python -m benchmarks.graph [--articles 5000 20000]``.

For each corpus size, in a fresh process, extracts the generated articles one
at a time (nothing of the text is kept) into one graph, then prints the
graph's nodes, edges and tellings (one source entry per telling of a fact),
the process's peak RSS and the RSS before building (the baseline of Python
and wikirel). With ``--traced``, tracemalloc measures the graph itself (slow).
The graph grows with distinct entities, facts and tellings, not with the text.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
import tracemalloc

import wikirel
from wikirel.facts.graph import Graph

from .corpus import iter_articles


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(n: int, traced: bool = False) -> dict[str, float]:
    """Build the graph of ``n`` generated articles and measure it."""
    gc.collect()
    before = _rss_mb()
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    graph = Graph()
    size = 0
    for index, text in enumerate(iter_articles(n, seed=7)):
        size += len(text.encode("utf-8"))
        graph.add(wikirel.extract_relation(wikirel.parse(text)).to_dict(), path=f"a/{index}.txt")
    seconds = time.perf_counter() - start
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] if traced else 0
    tracemalloc.stop()
    tellings = sum(len(edge.sources) for edge in graph.edges.values())
    return {
        "articles": n,
        "MB of text": size / 1e6,
        "nodes": len(graph.nodes),
        "edges": len(graph.edges),
        "tellings": tellings,
        "RSS before MB": before,
        "peak RSS MB": _rss_mb(),
        "graph MB (traced)": held / 1e6,
        "s": seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[5_000, 20_000])
    parser.add_argument(
        "--traced", action="store_true", help="also measure the graph with tracemalloc (slow)"
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one size, print JSON
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one, args.traced)))
        return 0
    rows = []
    for n in args.articles:  # each size in a fresh process, so peak RSS is its own
        command = [
            sys.executable,
            "-m",
            "benchmarks.graph",
            "--one",
            str(n),
            *(["--traced"] if args.traced else []),
        ]
        rows.append(json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout))
    keys = list(rows[0])
    print(" | ".join(f"{k:>12}" for k in keys))
    for row in rows:
        print(" | ".join(f"{row[k]:>12.1f}" if isinstance(row[k], float) else f"{row[k]:>12}" for k in keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
