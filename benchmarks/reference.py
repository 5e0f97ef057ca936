"""What the reference parses cost: ``python -m benchmarks.reference [--quick]``.

Times, on the generated corpus and in interleaved rounds (so the ratios
hold on a noisy machine), ``parse`` against the two references the tests
hold it to: the block grammar through Lark's LALR parser
(``wikirel.parser.reference_parse``) and the line-level grammar
(``wikirel.reference.reference_parse``), and the parts of the latter: Lark
alone with a tree (no transformer) and the same grammar with the
transformer building the lines. The grammars are built before timing.
``--earley`` adds the line grammar through Lark's Earley parser with the
dynamic lexer (trees only; about 60 times slower than LALR: use it with
``--articles 20 --repeats 1``), the alternative to LALR that was measured.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

import wikirel
from wikirel import parser, reference
from wikirel.grammar import lines_grammar_text

from .corpus import generate
from .run import median_times


def works(texts: Sequence[str], earley: bool = False) -> dict[str, Callable[[], object]]:
    """The parses to compare, each over all of ``texts``."""
    from lark import Lark

    tree_only = Lark(lines_grammar_text(), parser="lalr", lexer="contextual", postlex=reference._EndOfText())
    lines = reference.lines_lark()
    found: dict[str, Callable[[], object]] = {
        "parse": lambda: [wikirel.parse(t) for t in texts],
        "block grammar through Lark (parser.reference_parse)": lambda: [
            parser.reference_parse(t) for t in texts
        ],
        "line grammar, Lark tree only": lambda: [tree_only.parse(t) for t in texts],
        "line grammar, Lark + transformer to lines": lambda: [lines.parse(t) for t in texts],
        "line grammar to nodes (reference.reference_parse)": lambda: [
            reference.reference_parse(t) for t in texts
        ],
    }
    if earley:
        # Earley's dynamic lexer takes no post-lexer: END_OF_TEXT gets a
        # pattern that never matches, and every text ends with a line break.
        grammar = lines_grammar_text().replace("%declare END_OF_TEXT", r"END_OF_TEXT: /\x00\x01never/")
        dynamic = Lark(grammar, parser="earley", lexer="dynamic")
        ended = [t if t.endswith(("\n", "\r")) else t + "\n" for t in texts]
        name = "line grammar, Lark Earley (dynamic lexer), tree only"
        found[name] = lambda: [dynamic.parse(t) for t in ended]
    return found


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    options.add_argument("--articles", type=int, default=300)
    options.add_argument("--repeats", type=int, default=5)
    options.add_argument("--quick", action="store_true", help="tiny sizes: checks the script runs")
    options.add_argument("--earley", action="store_true", help="also Lark's Earley parser (slow)")
    args = options.parse_args(argv)
    articles, repeats = (5, 1) if args.quick else (args.articles, args.repeats)
    texts = generate(articles)
    assert all(reference.reference_parse(t) == wikirel.parse(t) for t in texts)
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    seconds = median_times(works(texts, args.earley), repeats)
    base = seconds["parse"]
    print(f"corpus: {articles} articles, {size_mb:.2f} MB, median of {repeats} interleaved runs")
    print(f"{'':52} {'MB/s':>8} {'x parse':>8}")
    for name, s in seconds.items():
        print(f"{name:52} {size_mb / s:8.3f} {s / base:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
