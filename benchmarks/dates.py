"""``find_dates`` before and after the candidate scan: ``python -m benchmarks.dates``.

The old date code is read from git (``--old REF``, by default the parent of the
commit that created ``src/wikirel/facts/dates.py``, whose ``src/wikirel/dates.py``
held the 0.3 code; with a later REF, its ``src/wikirel/facts/dates.py``: ``--old
main`` measures a branch against main) and loaded as a module beside the new one,
so both run in one interpreter on the same texts. Prints, as medians of interleaved rounds:

- ``find_dates`` throughput (MB/s of UTF-8) on the sentences of the real articles
  in tests/corpus and seeds (as extraction calls it) and on whole articles;
- ``extract_relation`` time as a ratio to ``parse`` time, with the old and with the
  new ``find_dates`` (the old one patched into the modules that import it);
- for hostile shapes, the time of ``find_dates`` at 10·n over its time at n (best of
  5 each; 10 is linear, 100 would be quadratic).
"""

from __future__ import annotations

import argparse
import functools
import gc
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable, Sequence
from pathlib import Path

import wikirel
from wikirel.facts import dates as new_dates

_ROOT = Path(__file__).resolve().parent.parent

HOSTILE: dict[str, tuple[Callable[[int], str], int]] = {
    "one digit run": (lambda n: "1" * n, 100_000),
    "'1 ' repeated": (lambda n: "1 " * n, 20_000),
    "'May ' repeated": (lambda n: "May " * n, 20_000),
    "'May' and n spaces, then 2010": (lambda n: "May" + " " * n + "2010", 100_000),
    "'May 1, ' repeated": (lambda n: "May 1, " * n, 10_000),
    "'between ' repeated": (lambda n: "between " * n, 10_000),
    "'first to ' repeated, century": (lambda n: "first to " * n + "century", 10_000),
    "'twenty-' repeated, second century": (lambda n: "twenty-" * n + "second century", 10_000),
    "'since ' repeated, 1990": (lambda n: "since " * n + "1990", 10_000),
    "'in 1990 and ' repeated": (lambda n: "in 1990 and " * n, 10_000),
    "'Resolution' and n spaces, 1990": (lambda n: "Resolution" + " " * n + "1990", 1_000_000),
}


def _default_ref() -> str:
    created = subprocess.run(
        ["git", "log", "--diff-filter=A", "--format=%H", "-1", "--", "src/wikirel/facts/dates.py"],
        capture_output=True,
        text=True,
        check=True,
        cwd=_ROOT,
    ).stdout.strip()
    return f"{created}^" if created else "HEAD"


# Where the date module was (``src/wikirel/facts`` from 0.4, ``src/wikirel`` before), with its package.
_OLD_PLACES = (("src/wikirel/facts/dates.py", "wikirel.facts"), ("src/wikirel/dates.py", "wikirel"))


def load_old(ref: str) -> types.ModuleType:
    """The date module of ``ref`` (``src/wikirel/facts/dates.py``, or before it existed
    ``src/wikirel/dates.py``), as a module of its own."""
    for path, package in _OLD_PLACES:
        shown = subprocess.run(["git", "show", f"{ref}:{path}"], capture_output=True, text=True, cwd=_ROOT)
        if shown.returncode == 0 and "def find_dates" in shown.stdout:
            parent = package.rpartition(".")[0]
            source = shown.stdout.replace("from ..", f"from {parent}.").replace("from .", f"from {package}.")
            module = types.ModuleType("wikirel_old_dates")
            module.__file__ = f"{ref}:{path}"
            sys.modules[module.__name__] = module
            exec(compile(source, module.__file__, "exec"), module.__dict__)
            return module
    raise SystemExit(f"{ref} holds no find_dates in {' or '.join(path for path, _ in _OLD_PLACES)}")


def _articles() -> list[str]:
    paths = sorted((_ROOT / "tests" / "corpus").glob("*.txt")) + sorted((_ROOT / "seeds").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


def _time(work: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _rounds(works: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Each work once per round, in an order that turns round by round."""
    times: dict[str, list[float]] = {name: [] for name in works}
    names = list(works)
    for round_ in range(rounds):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            times[name].append(_time(works[name]))
    return times


def _patched(find: Callable[[str], object]) -> list[tuple[types.ModuleType, object]]:
    """Point every loaded wikirel module's ``find_dates`` at ``find``; returns what to restore."""
    saved = []
    new = new_dates.find_dates
    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "")
        if name.startswith("wikirel.") and getattr(module, "find_dates", None) is new:
            saved.append((module, module.find_dates))
            module.find_dates = find  # type: ignore[attr-defined]
    return saved


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dates", description=__doc__)
    parser.add_argument("--old", help="the git revision whose src/wikirel/dates.py is the old code")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--copies", type=int, default=4, help="copies of the corpus per round")
    args = parser.parse_args(argv)
    ref = args.old or _default_ref()
    old = load_old(ref)
    articles = _articles() * args.copies
    sentences = [
        s for text in articles for line in text.splitlines() for s in wikirel.facts.split_sentences(line)
    ]
    size = sum(len(text.encode("utf-8")) for text in articles) / 1e6
    for text in articles:  # the same dates, before anything is timed
        assert [d.text for d in old.find_dates(text)] == [d.text for d in new_dates.find_dates(text)]
    build = "pure" if new_dates.__file__.endswith(".py") else "compiled"
    print(f"wikirel {wikirel.__version__} ({build}), Python {sys.version.split()[0]}")
    print(f"old: {old.__file__}")
    print(f"{len(articles)} articles, {size:.2f} MB, {len(sentences)} sentences")
    print(f"{args.rounds} interleaved rounds, medians\n")

    times = _rounds(
        {
            "old, sentences": lambda: [old.find_dates(s) for s in sentences],
            "new, sentences": lambda: [new_dates.find_dates(s) for s in sentences],
            "old, articles": lambda: [old.find_dates(t) for t in articles],
            "new, articles": lambda: [new_dates.find_dates(t) for t in articles],
        },
        args.rounds,
    )
    print("find_dates            old MB/s   new MB/s   new/old")
    for unit in ("sentences", "articles"):
        old_times, new_times = times[f"old, {unit}"], times[f"new, {unit}"]
        ratio = statistics.median(o / n for o, n in zip(old_times, new_times, strict=True))
        print(
            f"  per {unit[:-1]:<16}"
            f"{size / statistics.median(old_times):>8.2f}   {size / statistics.median(new_times):>8.2f}"
            f"   {ratio:>6.2f}×"
        )

    docs = [wikirel.parse(text) for text in articles]

    def extract_old() -> None:
        saved = _patched(old.find_dates)
        try:
            for doc in docs:
                wikirel.extract_relation(doc)
        finally:
            for module, find in saved:
                module.find_dates = find  # type: ignore[attr-defined]

    times = _rounds(
        {
            "parse": lambda: [wikirel.parse(text) for text in articles],
            "extract, old dates": extract_old,
            "extract, new dates": lambda: [wikirel.extract_relation(doc) for doc in docs],
        },
        args.rounds,
    )
    parse = times["parse"]
    print("\nextract_relation / parse (same round)")
    for name in ("extract, old dates", "extract, new dates"):
        ratio = statistics.median(e / p for e, p in zip(times[name], parse, strict=True))
        print(f"  {name:<22}{ratio:>6.2f}×")

    print("\nhostile shapes: find_dates time at 10·n / time at n (10 is linear)")
    for name, (shape, n) in HOSTILE.items():
        small, large = shape(n), shape(10 * n)
        t_small = min(_time(functools.partial(new_dates.find_dates, small)) for _ in range(5))
        t_large = min(_time(functools.partial(new_dates.find_dates, large)) for _ in range(5))
        print(f"  {name:<36}{t_large / t_small:>7.1f}   ({len(large) / t_large / 1e6:6.1f} MB/s at 10·n)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
