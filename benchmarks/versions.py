"""This wikirel against another version installed side by side, in interleaved rounds.

``python -m benchmarks.versions --other /path/to/venv/bin/python [--articles N] [--rounds R]``

The two versions cannot share one interpreter (both are ``wikirel``), so each
round runs one fresh process per version, alternating which goes first, on
the same corpus file; each process times ``parse`` and ``serialize`` over the
whole corpus (best of 3 passes, after a warm-up) and prints MB/s. The figure
of each version is the median over rounds, and the ratio is taken round by
round, so a slow spell of the shared machine hits both alike.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .corpus import generate

#: The start of a timing program run in another interpreter: the corpus, its
#: trees (warm-up), and ``best(work)``, the best of 3 timed passes.
PRELUDE = r"""
import gc, json, sys, time
import wikirel
texts = json.load(open(sys.argv[1], encoding="utf-8"))
size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
docs = [wikirel.parse(t) for t in texts]  # warm-up, and the trees to serialize
assert [wikirel.serialize(d) for d in docs] == texts
def best(work):
    times = []
    for _ in range(3):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)
"""

_PROGRAM = (
    PRELUDE
    + r"""
parse = best(lambda: [wikirel.parse(t) for t in texts])
serialize = best(lambda: [wikirel.serialize(d) for d in docs])
print(json.dumps({"version": wikirel.__version__, "file": wikirel.__file__,
                  "parse": size / parse, "serialize": size / serialize}))
"""
)


def _measure(python: str, corpus: Path) -> dict[str, float | str]:
    out = subprocess.check_output([python, "-c", _PROGRAM, str(corpus)], text=True)
    return json.loads(out)  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.versions", description=__doc__)
    parser.add_argument("--other", required=True, help="the Python of a venv with the other wikirel")
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.json"
        texts = generate(args.articles)
        corpus.write_text(json.dumps(texts), encoding="utf-8")
        size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        pythons = {"this": sys.executable, "other": args.other}
        rows: dict[str, list[dict[str, float | str]]] = {"this": [], "other": []}
        for index in range(args.rounds):
            order = ["this", "other"] if index % 2 == 0 else ["other", "this"]
            for name in order:
                rows[name].append(_measure(pythons[name], corpus))
    print(f"corpus: {args.articles} articles, {size:.2f} MB; {args.rounds} interleaved rounds")
    for name in ("this", "other"):
        first = rows[name][0]
        print(f"{name:>5}: wikirel {first['version']} from {first['file']}")
    print(f"{'':>10} {'this MB/s':>10} {'other MB/s':>11} {'this/other':>11}")
    for metric in ("parse", "serialize"):
        mine = [float(r[metric]) for r in rows["this"]]
        theirs = [float(r[metric]) for r in rows["other"]]
        ratio = statistics.median(a / b for a, b in zip(mine, theirs, strict=True))
        mine_mb, theirs_mb = statistics.median(mine), statistics.median(theirs)
        print(f"{metric:>10} {mine_mb:>10.2f} {theirs_mb:>11.2f} {ratio:>10.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
