"""The benchmark runner: ``python -m benchmarks [--quick] [--articles N]``.

Every figure is the median of several repeats, and wikirel is compared with
references measured in the same run on the same content, so the ratios hold
on a noisy shared machine even when the absolute figures do not.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import wikirel

from .corpus import generate

_LINE_CLASS = re.compile(r"(=+)|(\|)|(Infobox[ \t]*$)|([ \t]*-(?:[ \t]|$))|([ \t]*$)")


def median_time(work: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``work()`` over ``repeats`` runs (after one warm-up)."""
    work()
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_times(works: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median time of each work, measured in interleaved rounds (one run of
    each per round), so that a slow spell of a shared machine hits them all
    alike and their ratios stay fair."""
    for work in works.values():
        work()  # warm-up
    times: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(repeats):
        for name, work in works.items():
            gc.collect()
            start = time.perf_counter()
            work()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def _floor(texts: Sequence[str]) -> None:
    """The least work a line-oriented parser in Python can do."""
    match = _LINE_CLASS.match
    for text in texts:
        for line in text.splitlines():
            match(line)


def _parse_all(texts: Sequence[str]) -> None:
    for text in texts:
        wikirel.parse(text)


def references(texts: Sequence[str]) -> dict[str, Callable[[], object]]:
    """Reference parsers that are installed (``pip install -e '.[bench]'``)."""
    found: dict[str, Callable[[], object]] = {"floor (splitlines + 1 regex/line)": lambda: _floor(texts)}
    try:
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark").enable("table")
        found["markdown-it-py"] = lambda: [md.parse(t) for t in texts]
    except ImportError:
        pass
    try:
        import mwparserfromhell
        from mwparserfromhell.parser import use_c

        name = "mwparserfromhell" + (" (C tokenizer)" if use_c else " (pure Python)")
        found[name] = lambda: [mwparserfromhell.parse(t) for t in texts]
    except ImportError:
        pass
    return found


def _subprocess_seconds(code: str, repeats: int) -> float:
    """Median of the time a fresh interpreter reports for ``code``."""
    program = f"import time; _t = time.perf_counter(); {code}; print(time.perf_counter() - _t)"
    runs = [
        float(subprocess.check_output([sys.executable, "-c", program], text=True)) for _ in range(repeats)
    ]
    return statistics.median(runs)


def _peak_rss_mb(articles: int) -> float:
    """Peak resident memory of a fresh process that parses ``articles`` articles one at a time.

    Read from /proc (VmHWM): ``ru_maxrss`` would include the pages the child
    shared with this large parent between fork and exec.
    """
    program = (
        "import wikirel\n"
        "from benchmarks.corpus import iter_articles\n"
        f"for text in iter_articles({articles}, seed=7):\n"
        "    wikirel.parse(text)\n"
        "status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "print(int(status.split()[0]) / 1024)\n"
    )
    return float(subprocess.check_output([sys.executable, "-c", program], text=True))


def run(articles: int, repeats: int, scale: int, jobs: int) -> dict[str, Any]:
    """Measure everything; returns the figures (also printed)."""
    texts = generate(articles)
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    docs = [wikirel.parse(t) for t in texts]
    relations = [wikirel.extract_relation(d) for d in docs]
    ours: dict[str, Callable[[], object]] = {
        "wikirel parse": lambda: [wikirel.parse(t) for t in texts],
        "wikirel serialize": lambda: [wikirel.serialize(d) for d in docs],
        "wikirel extract_relation": lambda: [wikirel.extract_relation(d) for d in docs],
        "wikirel to_json": lambda: [wikirel.to_json(d) for d in docs],
    }
    seconds = median_times({**ours, **references(texts)}, repeats)
    parse_s = seconds["wikirel parse"]

    python = f"{sys.version.split()[0]} ({'compiled' if wikirel.parser.COMPILED else 'pure'})"
    print(f"corpus: {articles} articles, {size_mb:.2f} MB, median of {repeats} runs, Python {python}")
    print(f"{'':36} {'MB/s':>8} {'articles/s':>11} {'parse vs this':>14}")
    for name, s in seconds.items():
        ratio = s / parse_s
        print(f"{name:36} {size_mb / s:8.2f} {articles / s:11.0f} {ratio:13.2f}x")

    figures: dict[str, Any] = {"articles": articles, "mb": size_mb, "seconds": seconds}

    big = generate(articles * scale, seed=1)
    small = big[:articles]
    # Results are dropped as they come, as a streaming job would: keeping 10·N
    # trees alive makes Python's cyclic GC walk them all, which is not parsing.
    t_small = median_time(lambda: _parse_all(small), repeats)
    t_big = median_time(lambda: _parse_all(big), max(1, repeats // 2))
    figures["linearity"] = t_big / t_small
    print(f"linearity: time({articles * scale}) / time({articles}) = {t_big / t_small:.2f} (ideal {scale})")

    one = median_time(lambda: list(wikirel.batch.parse_many(big, jobs=1)), 1)
    many = median_time(lambda: list(wikirel.batch.parse_many(big, jobs=jobs)), 1)
    figures["parse_many_speedup"] = one / many
    print(f"parse_many: jobs=1 {one:.2f} s, jobs={jobs} {many:.2f} s, speed-up {one / many:.2f}x")
    chunks = [big[i : i + 100] for i in range(0, len(big), 100)]
    serial = median_time(lambda: [wikirel.batch.extract_partition(chunk) for chunk in chunks], 1)

    def pooled() -> None:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(wikirel.batch.extract_partition, chunks))

    parallel = median_time(pooled, 1)
    figures["extract_partition_speedup"] = serial / parallel
    speedup = serial / parallel
    print(
        f"extract_partition over a pool: 1 process {serial:.2f} s, {jobs}: {parallel:.2f} s, {speedup:.2f}x"
    )

    import_s = _subprocess_seconds("import wikirel", 5)
    first_s = _subprocess_seconds("import wikirel; wikirel.parse('= T =\\n')", 3)
    figures.update(import_ms=import_s * 1000, first_parse_ms=first_s * 1000)
    print(f"import wikirel: {import_s * 1000:.1f} ms cold; import + first parse: {first_s * 1000:.1f} ms")

    rss_small, rss_big = _peak_rss_mb(articles), _peak_rss_mb(articles * scale)
    figures.update(rss_small_mb=rss_small, rss_big_mb=rss_big)
    big_n = articles * scale
    print(
        f"peak RSS parsing one at a time: {articles} articles {rss_small:.1f} MB, {big_n}: {rss_big:.1f} MB"
    )

    doc_bytes = statistics.median(len(pickle.dumps(d)) for d in docs)
    rel_bytes = statistics.median(len(pickle.dumps(r)) for r in relations)
    text_bytes = statistics.median(len(t.encode("utf-8")) for t in texts)
    figures.update(pickle_doc_bytes=doc_bytes, pickle_relation_bytes=rel_bytes)
    print(
        f"pickle per article: Document {doc_bytes:.0f} B, Relation {rel_bytes:.0f} B, text {text_bytes:.0f} B"
    )
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--articles", type=int, default=1000, help="corpus size N (default 1000)")
    parser.add_argument("--scale", type=int, default=10, help="linearity and memory compare N with N*scale")
    parser.add_argument("--repeats", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--jobs", type=int, default=2, help="processes for parse_many")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks the runner works")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.scale, args.repeats = 20, 2, 1
    figures = run(args.articles, args.repeats, args.scale, args.jobs)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(figures, out, indent=2)
    return 0
