"""Every speed ratio of issue 20, in one run: ``python -m benchmarks.speed``.

``python -m benchmarks.speed [--articles N] [--rounds R] [--compiled-python PATH] [--python NAME=PATH]``

For each corpus (``generated``: N articles of benchmarks/corpus.py; ``real``:
the articles of tests/corpus/) it prints, as medians of interleaved rounds:
parse against the line floor (split lines + one regex per line, as
``benchmarks.run`` defines it), serialize against parse, and
``extract_relation`` against parse; then the time of ``import wikirel`` in a
fresh process (median of several).

With ``--compiled-python`` (the Python of a venv where the mypyc-compiled
wheel is installed) each build runs in its own worker process, and the
rounds alternate between the workers, so a slow spell of the shared machine
hits both builds alike; the compiled/pure ratios are taken round by round.
``--python NAME=PATH`` (repeatable) adds any other install the same way, e.g.
``--python 0.2.0=/path/to/venv/bin/python`` for a released version.
Works are timed in CPU time (``time.process_time``): on a shared machine the
wall time of a single-threaded job also counts the time other jobs ran.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .corpus import generate
from .run import _floor

_ROOT = Path(__file__).resolve().parent.parent
_WORKS = ("floor", "parse", "serialize", "extract")


def _corpora(articles: int) -> dict[str, list[str]]:
    real = [p.read_text(encoding="utf-8") for p in sorted((_ROOT / "tests" / "corpus").glob("*.txt"))]
    return {"generated": generate(articles), "real": real}


def _round(
    corpora: dict[str, tuple[list[str], list[Any]]], repeat: dict[str, int]
) -> dict[str, dict[str, float]]:
    """One timing of each work on each corpus (``repeat[corpus]`` passes each, summed)."""
    import wikirel

    out: dict[str, dict[str, float]] = {}
    for name, (texts, docs) in corpora.items():
        works: dict[str, Callable[[], object]] = {
            "floor": lambda texts=texts: _floor(texts),
            "parse": lambda texts=texts: [wikirel.parse(t) for t in texts],
            "serialize": lambda docs=docs: [wikirel.serialize(d) for d in docs],
            "extract": lambda docs=docs: [wikirel.extract_relation(d) for d in docs],
        }
        out[name] = {}
        for work, run in works.items():
            gc.collect()
            start = time.process_time()
            for _ in range(repeat[name]):
                run()
            out[name][work] = time.process_time() - start
    return out


def _worker(articles: int) -> int:
    """Answer each ``round`` line on stdin with the JSON of one round."""
    import wikirel

    corpora = {name: (texts, [wikirel.parse(t) for t in texts]) for name, texts in _corpora(articles).items()}
    # The real articles are few and short: several passes make one timing long enough.
    sizes = {name: sum(map(len, texts)) for name, (texts, _) in corpora.items()}
    repeat = {"generated": 1, "real": max(1, round(sizes["generated"] / 3 / sizes["real"]))}
    _round(corpora, repeat)  # warm-up
    info = {
        "version": wikirel.__version__,
        "compiled": bool(getattr(getattr(wikirel, "parser", None), "COMPILED", False)),
        "python": sys.version.split()[0],
        "repeat": repeat,
    }
    print(json.dumps(info), flush=True)
    for line in sys.stdin:
        if line.strip() != "round":
            break
        print(json.dumps(_round(corpora, repeat)), flush=True)
    return 0


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _import_ms(python: str) -> float:
    program = "import time; t = time.perf_counter(); import wikirel; print(time.perf_counter() - t)"
    return 1000 * float(subprocess.check_output([python, "-c", program], text=True, cwd="/"))


def _ratios(rounds: list[dict[str, dict[str, float]]], corpus: str) -> dict[str, float]:
    def median(f: Callable[[dict[str, float]], float]) -> float:
        return statistics.median(f(r[corpus]) for r in rounds)

    return {
        "parse / floor": median(lambda r: r["parse"] / r["floor"]),
        "serialize speed / parse speed": median(lambda r: r["parse"] / r["serialize"]),
        "extract_relation / parse": median(lambda r: r["extract"] / r["parse"]),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=__doc__)
    parser.add_argument("--articles", type=int, default=300, help="generated articles (default 300)")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds (default 7)")
    parser.add_argument("--imports", type=int, default=7, help="fresh processes timing the import")
    parser.add_argument(
        "--compiled-python", metavar="PATH", help="a Python with the compiled wheel installed"
    )
    parser.add_argument(
        "--python", action="append", default=[], metavar="NAME=PATH", help="another install to measure"
    )
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return _worker(args.articles)

    pythons = {"pure": sys.executable}
    if args.compiled_python:
        pythons["compiled"] = args.compiled_python
    for other in args.python:
        name, _, path = other.partition("=")
        pythons[name] = path
    load_before = _load()
    workers: dict[str, subprocess.Popen[str]] = {}
    infos: dict[str, Any] = {}
    for build, python in pythons.items():
        command = [python, "-m", "benchmarks.speed", "--worker", "--articles", str(args.articles)]
        workers[build] = subprocess.Popen(
            command, cwd=_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        infos[build] = json.loads(workers[build].stdout.readline())  # type: ignore[union-attr]
    rounds: dict[str, list[dict[str, dict[str, float]]]] = {build: [] for build in workers}
    imports: dict[str, list[float]] = {build: [] for build in workers}
    order = list(workers)
    for number in range(args.rounds):
        for build in order if number % 2 == 0 else order[::-1]:
            worker = workers[build]
            worker.stdin.write("round\n")  # type: ignore[union-attr]
            worker.stdin.flush()  # type: ignore[union-attr]
            rounds[build].append(json.loads(worker.stdout.readline()))  # type: ignore[union-attr]
    for worker in workers.values():
        worker.stdin.close()  # type: ignore[union-attr]
        worker.wait()
    for _ in range(args.imports):
        for build in order:
            imports[build].append(_import_ms(pythons[build]))

    print(f"load average (1, 5, 15 min) before: {load_before}, after: {_load()}")
    print(f"medians of {args.rounds} interleaved rounds")
    figures: dict[str, Any] = {"info": infos, "rounds": rounds, "imports_ms": imports}
    for build in workers:
        info = infos[build]
        print(f"\n{build}: wikirel {info['version']} (Python {info['python']}, compiled: {info['compiled']})")
        for corpus in ("generated", "real"):
            passes = info["repeat"]["real"]
            texts_note = (
                f"{args.articles} articles"
                if corpus == "generated"
                else f"{len(_corpora(0)['real'])} articles x{passes}"
            )
            ratios = _ratios(rounds[build], corpus)
            figures[f"{build}/{corpus}"] = ratios
            shown = ", ".join(f"{name} {value:.2f}x" for name, value in ratios.items())
            print(f"  {corpus:9} ({texts_note}): {shown}")
        import_ms = statistics.median(imports[build])
        print(f"  import wikirel: {import_ms:.1f} ms (median of {args.imports} fresh processes)")
    for build in order[1:]:
        print(f"\n{build} against pure (pure time / {build} time, round by round: above 1 is faster)")
        for corpus in ("generated", "real"):
            pairs = list(zip(rounds["pure"], rounds[build], strict=True))
            speedups = {
                work: statistics.median(p[corpus][work] / o[corpus][work] for p, o in pairs)
                for work in _WORKS[1:]
            }
            figures[f"{build}-speedup/{corpus}"] = speedups
            print(f"  {corpus:9}: " + ", ".join(f"{work} {value:.2f}x" for work, value in speedups.items()))
        pure_ms, other_ms = (statistics.median(imports[b]) for b in ("pure", build))
        print(f"  import wikirel: {build} takes {other_ms / pure_ms:.2f}x the pure time")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
