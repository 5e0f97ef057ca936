"""Hostile inputs: does cost grow linearly? ``python -m benchmarks.hostile``.

For each shape, times parse + serialize + diagnostics + extract_relation at
size n and 10·n (median of 3) and reports the time ratio next to the size
ratio (equal is linear; their square would be quadratic), the peak
traced memory per input byte at 10·n, and the bytes of the relation's JSON
(``Relation.to_dict()``) per input byte at n and at 10·n: equal means the
output is bounded by the input. The shapes after the blank line in
SHAPES are aimed at extraction (sentence splitting, title and mission
parsing, table records). Then, for OUTPUT_SHAPES, the bytes the command line
writes per input byte at n and 10·n: equal when the output is bounded by the
input. A last table gives heap bytes per input byte of ``parse`` and of
``parse`` + diagnostics for the shortest line of each class (``--memory``
prints only that one).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence

import wikirel


def _nested(depth: int) -> str:
    # Nesting by indentation needs depth²/2 characters; see docs/ast.md.
    return "".join(" " * i + "- x\n" for i in range(depth))


SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    # name: (text of size parameter n, n for the smaller size)
    "one long line": (lambda n: "a" * n, 100_000),
    "= in a row": (lambda n: "=" * n, 10_000),
    "| in a row": (lambda n: "|" * n, 10_000),
    "- markers on one line": (lambda n: "- " * n + "x", 5_000),
    "list nested n deep": (_nested, 300),
    "table of n rows": (lambda n: "| a | b |\n" * n, 10_000),
    "n blank lines": (lambda n: "\n" * n, 100_000),
    "n headings": (lambda n: "== h ==\n" * n, 10_000),
    #
    "title of n no-break spaces": (lambda n: "= " + "\u00a0" * n + "x =\n", 10_000),
    "title: n spaces, relations": (lambda n: "= A" + " " * n + "x relations =\n", 10_000),
    "infobox values of n spaces": (
        lambda n: "Infobox\n- Mission1: Embassy in" + " " * n + "x\n- Envoy1:" + " " * n + "x\n",
        10_000,
    ),
    "mission: n times 'in a'": (lambda n: "Infobox\n- Mission1: " + "in a " * n + "\n", 10_000),
    "n times 'Mr. '": (lambda n: "Mr. " * n + "\n", 10_000),
    "n times 'U.S. '": (lambda n: "U.S. " * n + "\n", 10_000),
    "word of n letters, dot": (lambda n: "a" * n + ". B\n", 100_000),
    "visit header of n cells": (lambda n: "| Guest | Host |" + " a |" * n + "\n| x |\n" * 100, 1_000),
    "n equal header cells": (lambda n: "|" + " a |" * n + "\n| x |\n", 1_000),
    "n short rows, n-cell header": (lambda n: "| Guest | Date |" + " a |" * n + "\n" + "| x |\n" * n, 1_000),
    "n dates with spaces": (lambda n: ("January" + " " * 50) * n + "\n", 1_000),
    # output size: every visit once carried every header key
    "n visits under an n-char key": (
        lambda n: "| Guest | Date | " + "k" * n + " |\n" + "| x | 2001 | y |\n" * n,
        1_000,
    ),
    "n ordinals with spaces": (lambda n: ("12th" + " " * 50) * n + "\n", 1_000),
    "n years, plus, [[File: before": (lambda n: "+1 [[File: " + "1990 " * n + "\n", 1_000),
    "title: n times 'and'": (lambda n: "= Relations between " + "A and " * n + "B =\n", 10_000),
    "mission: n commas and parens": (lambda n: "Infobox\n- Mission1: " + "in (a, " * n + ")\n", 10_000),
    "n numbers in running text": (
        lambda n: "In May 200 protesters, by 400 votes, 1990 USD, +44 1632 960000. " * n,
        1_000,
    ),
    #
    # Aimed at the typed facts of running text (wikirel.facts): many triggers, dates,
    # countries or kind words in one sentence, long names and lists.
    "n relation events, 1 sentence": (
        lambda n: "relations were established in 1992 and " * n + "x.\n",
        2_000,
    ),
    "n visits, 1 sentence": (
        lambda n: "President A visited Beijing in 1992 and in 1993 and " * n + "x.\n",
        2_000,
    ),
    "n dates, then a visit": (lambda n: "In " + "1992, " * n + "President A visited Beijing.\n", 2_000),
    "n countries, 1 event": (lambda n: "China Japan " * n + "severed relations in 1992.\n", 2_000),
    "n kind words, signed": (lambda n: "signed " + "Treaty " * n + "of Peace.\n", 2_000),
    "n missions listed": (
        lambda n: "China opened an embassy in Aa and a consulate in Bb and " * n + "x.\n",
        2_000,
    ),
    "n places after 'embassy in'": (lambda n: "China opened an embassy in " + "Aa, " * n + "x.\n", 2_000),
    "n possessive visits": (lambda n: "President A's visit to Beijing " * n + "\n", 2_000),
    "n capitals, then 'visited'": (lambda n: "Aa " * n + "visited Beijing in 1992.\n", 20_000),
    "n counts and agreements": (lambda n: "signed 200 agreements and 300 treaties and " * n + "x.\n", 2_000),
    "2 countries far apart, n missions": (
        lambda n: "China" + " x" * n + " and Japan" + " opened an embassy in Aa and" * n + " x.\n",
        2_000,
    ),
    "list items with dates": (lambda n: "- May 12, 1997: China opened an embassy in Dushanbe.\n" * n, 2_000),
}


# Line shapes for memory per input byte (the shortest line of each class, and
# blank lines between them): what one file of --max-bytes can cost.
MEMORY_SHAPES: dict[str, Callable[[int], str]] = {
    "seeds (realistic)": lambda n: _seeds() * (n // len(_seeds()) + 1),
    "blank lines": lambda n: "\n" * n,
    "'x\\n\\n' paragraphs": lambda n: "x\n\n" * (n // 3),
    "'x\\n' one paragraph": lambda n: "x\n" * (n // 2),
    "'-\\n' list items": lambda n: "-\n" * (n // 2),
    "'- a\\n' list items": lambda n: "- a\n" * (n // 4),
    "'|\\n' rows": lambda n: "|\n" * (n // 2),
    "'|a' cells, one row": lambda n: "|a" * (n // 2) + "\n",
    "'=\\n' headings": lambda n: "=\n" * (n // 2),
    "'- k: v' infobox items": lambda n: "Infobox\n" + "- k: v\n" * (n // 7),
}


def _seeds() -> str:
    return "".join(wikirel.resources.samples().values())


def _peak(work: Callable[[], object]) -> tuple[int, int]:
    """(bytes still held by what ``work`` returns, peak bytes while it ran), by tracemalloc."""
    gc.collect()
    tracemalloc.start()
    kept = work()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return held, peak


def memory(n: int) -> None:
    """Print heap bytes per input byte for each of MEMORY_SHAPES at about ``n`` bytes."""
    print(f"\n{'memory per input byte':28} {'bytes':>9} {'tree':>6} {'parse':>6} {'check':>6}")
    for name, make in MEMORY_SHAPES.items():
        text = make(n)
        size = len(text.encode("utf-8"))
        held, parse_peak = _peak(lambda text=text: wikirel.parse(text))  # type: ignore[misc]
        _, check_peak = _peak(lambda text=text: wikirel.parse(text).diagnostics)  # type: ignore[misc]
        print(f"{name:28} {size:>9} {held / size:6.1f} {parse_peak / size:6.1f} {check_peak / size:6.1f}")
    print("tree: the parsed Document; parse: peak while parsing; check: peak of parse + diagnostics")


def _dates(n: int) -> str:
    return "They met on " + ", ".join(f"4 May {1900 + i % 100}" for i in range(n)) + ".\n"


def _visits(n: int) -> str:
    return "| Guest | Host | Date |\n" + "".join(
        f"| Ana Gómez | Peru | 4 May {1900 + i % 100} |\n" for i in range(n)
    )


#: Output shapes: (text of size parameter n, n, the command line); the output's
#: bytes per input byte must not grow with n (issue 17: one row per date
#: repeated the sentence, 20 KB in gave 80 MB of CSV).
OUTPUT_SHAPES: dict[str, tuple[Callable[[int], str], int, list[str]]] = {
    "events CSV, n dates a sentence": (_dates, 200, ["extract", "--table", "events"]),
    "extract JSON, n dates a sentence": (_dates, 200, ["extract"]),
    "visits CSV, n visit rows": (_visits, 200, ["extract", "--table", "visits"]),
    "extract JSON, n visit rows": (_visits, 200, ["extract"]),
    # Each typed fact carries its sentence: at most MOST_A_SENTENCE of a kind from one sentence.
    "extract JSON, n visits a sentence": (SHAPES["n visits, 1 sentence"][0], 400, ["extract"]),
    "extract JSON, n possessive visits": (SHAPES["n possessive visits"][0], 400, ["extract"]),
    "extract JSON, n agreements a sentence": (SHAPES["n counts and agreements"][0], 400, ["extract"]),
    "parse JSON, n headings": (lambda n: "== h ==\n" * n, 1_000, ["parse"]),
    "check JSON, n ragged rows": (
        lambda n: "| a |\n" + "| b | c |\n" * n,
        1_000,
        ["check", "--output-format", "json"],
    ),
}


class _Counter:
    """A stdout that counts the bytes written to it and keeps none."""

    def __init__(self) -> None:
        self.bytes = 0

    def write(self, text: str) -> int:
        self.bytes += len(text.encode("utf-8"))
        return len(text)

    def flush(self) -> None:
        pass


def output_bytes(text: str, argv: list[str]) -> int:
    """The bytes ``wikirel ARGV FILE`` writes to stdout for a file holding ``text``."""
    from wikirel.cli import main as cli

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "a.txt")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        counter, stdout = _Counter(), sys.stdout
        sys.stdout = counter  # type: ignore[assignment]
        try:
            cli([*argv, "--quiet", path])
        finally:
            sys.stdout = stdout
    return counter.bytes


def _work(text: str) -> int:
    """Parse, round-trip, diagnose and extract ``text``; the bytes of the relation's JSON."""
    doc = wikirel.parse(text)
    assert wikirel.serialize(doc) == text
    doc.diagnostics  # noqa: B018  (computes positions too)
    relation = wikirel.extract_relation(doc)
    return len(json.dumps(relation.to_dict(), ensure_ascii=False).encode("utf-8"))


def _seconds(text: str, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        _work(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    """Print one row per shape."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hostile", description=__doc__)
    parser.add_argument("--factor", type=int, default=10, help="compare n with n*factor (default 10)")
    parser.add_argument("--quick", action="store_true", help="small sizes")
    parser.add_argument("--memory", action="store_true", help="only the memory per input byte")
    args = parser.parse_args(argv)
    if args.memory:
        memory(20_000 if args.quick else 1_000_000)
        return 0
    wikirel.parse("")  # build the parser outside the timings
    columns = (
        "n",
        "bytes(10n)",
        "t(n) s",
        "t(10n) s",
        "size×",
        "time×",
        "peak B/byte",
        "out/in(n)",
        "out/in(10n)",
    )
    widths = (7, 11, 7, 8, 6, 6, 11, 9, 11)
    print(f"{'shape':28} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)))
    for name, (make, n) in SHAPES.items():
        if args.quick:
            n = max(10, n // 100)
        small, big = make(n), make(n * args.factor)
        ratio_small, ratio_big = _seconds(small), _seconds(big)
        tracemalloc.start()
        out_big = _work(big)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        size, small_size = len(big.encode("utf-8")), len(small.encode("utf-8"))
        grew = size / small_size
        print(
            f"{name:28} {n:>7} {size:>11} {ratio_small:7.3f} {ratio_big:8.3f} "
            f"{grew:6.1f} {ratio_big / ratio_small:6.1f} {peak / size:11.1f} "
            f"{_work(small) / small_size:9.2f} {out_big / size:11.2f}"
        )
    print()
    print(f"{'output shape':34} {'n':>7} {'bytes(10n)':>11} {'out/in (n)':>11} {'out/in (10n)':>13}")
    for name, (make, n, argv) in OUTPUT_SHAPES.items():
        if args.quick:
            n = max(10, n // 10)
        ratios = []
        for size in (n, n * args.factor):
            text = make(size)
            ratios.append(output_bytes(text, argv) / len(text.encode("utf-8")))
        print(
            f"{name:34} {n:>7} {len(make(n * args.factor).encode()):>11} {ratios[0]:11.2f} {ratios[1]:13.2f}"
        )
    memory(20_000 if args.quick else 1_000_000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
