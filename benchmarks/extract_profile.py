"""Where ``extract_relation``'s time goes: ``python -m benchmarks.extract_profile``.

``python -m benchmarks.extract_profile [--articles N] [--rounds R]``

The functions that ``wikirel.facts.extract`` calls for each part of the work
are wrapped (in that module's namespace, so the pure build only: mypyc binds
its calls) and their CPU time summed; a part called from inside another is
counted once, in the outer one. Printed for the generated corpus and the
real articles (tests/corpus): ``extract_relation / parse`` and each part as
a multiple of parse and as a share of extraction, medians of interleaved
rounds. No profiler: cProfile charges every Python call and hides the C time
of a regex scan.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .corpus import generate

_ROOT = Path(__file__).resolve().parent.parent
#: The parts, by the name ``wikirel.facts.extract`` calls them under.
PARTS = ("find_dates", "read_prose", "sentences", "table_visits", "Where")


class _Clock:
    """CPU time spent in the wrapped functions, outermost calls only."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = dict.fromkeys(PARTS, 0.0)
        self.depth = 0

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self.depth:
                return function(*args, **kwargs)
            self.depth += 1
            began = time.process_time()
            try:
                result = function(*args, **kwargs)
                if name == "sentences":  # a generator: its work is done while it is read
                    result = list(result)
                return result
            finally:
                self.spent[name] += time.process_time() - began
                self.depth -= 1

        return timed


def _round(texts: list[str], docs: list[Any], clock: _Clock) -> dict[str, float]:
    import wikirel

    gc.collect()
    began = time.process_time()
    for text in texts:
        wikirel.parse(text)
    parse = time.process_time() - began
    clock.spent = dict.fromkeys(PARTS, 0.0)
    gc.collect()
    began = time.process_time()
    for doc in docs:
        wikirel.extract_relation(doc)
    extract = time.process_time() - began
    return {"parse": parse, "extract": extract, **clock.spent}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extract_profile", description=__doc__)
    parser.add_argument("--articles", type=int, default=300, help="generated articles (default 300)")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds (default 7)")
    args = parser.parse_args(argv)

    from wikirel.facts import extract as module

    clock = _Clock()
    originals = {name: getattr(module, name) for name in PARTS}
    try:
        for name, function in originals.items():
            setattr(module, name, clock.wrap(name, function))
        _measure(args, clock)
    finally:
        for name, function in originals.items():
            setattr(module, name, function)
    return 0


def _measure(args: argparse.Namespace, clock: _Clock) -> None:
    import wikirel

    real = [p.read_text(encoding="utf-8") for p in sorted((_ROOT / "tests" / "corpus").glob("*.txt"))]
    generated = generate(args.articles)
    passes = max(1, round(sum(map(len, generated)) / 3 / sum(map(len, real))))
    corpora = {"generated": generated, f"real (x{passes})": real * passes}
    parsed = {name: [wikirel.parse(t) for t in texts] for name, texts in corpora.items()}
    rounds: dict[str, list[dict[str, float]]] = {name: [] for name in corpora}
    for _ in range(args.rounds):
        for name, texts in corpora.items():
            rounds[name].append(_round(texts, parsed[name], clock))

    print(f"wikirel {wikirel.__version__}; medians of {args.rounds} interleaved rounds, CPU time")
    print(f"{'':28}" + "".join(f"{name:>26}" for name in corpora))

    def median(name: str, f: Callable[[dict[str, float]], float]) -> float:
        return statistics.median(f(r) for r in rounds[name])

    def cells(label: str, key: str | None) -> None:
        out = []
        for name in corpora:
            if key is None:
                times = median(name, lambda r: r["extract"] - sum(r[p] for p in PARTS))
            else:
                times = median(name, lambda r: r[key])
            parse = median(name, lambda r: r["parse"])
            extract = median(name, lambda r: r["extract"])
            out.append(f"{times / parse:6.2f}x parse {100 * times / extract:5.1f} %")
        print(f"{label:28}" + "".join(f"{c:>26}" for c in out))

    cells("extract_relation", "extract")
    for name in PARTS:
        cells(f"  {name}", name)
    cells("  the rest", None)


if __name__ == "__main__":
    raise SystemExit(main())
