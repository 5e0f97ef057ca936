"""The compiled (mypyc) build against the pure one: parse, serialize and extraction, interleaved.

``python -m benchmarks.compiled --compiled VENV/bin/python [--pure PYTHON] [--articles N] [--rounds R]``

Build and install the compiled wheel first::

    HATCH_BUILD_HOOK_ENABLE_MYPYC=true python -m build --wheel --outdir /tmp/cwheel .
    python3 -m venv /tmp/cvenv && /tmp/cvenv/bin/pip install /tmp/cwheel/*.whl

``--pure`` defaults to this interpreter (the checkout, pure Python). Each
round runs one fresh process per build, alternating which goes first, on the
same corpus (the generated articles plus the two seeds); each process times
``parse``, ``serialize`` and ``extract_relation`` over the whole corpus (best
of 3 passes after a warm-up). Figures are medians over rounds; ratios are
taken round by round, so a slow spell of the shared machine hits both alike.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .corpus import generate
from .versions import PRELUDE

_PROGRAM = (
    PRELUDE
    + r"""
facts = [wikirel.extract_relation(d).to_dict() for d in docs]  # warm-up of extraction too
parse = best(lambda: [wikirel.parse(t) for t in texts])
serialize = best(lambda: [wikirel.serialize(d) for d in docs])
extract = best(lambda: [wikirel.extract_relation(d) for d in docs])
compiled = wikirel.parser.COMPILED
print(json.dumps({"file": wikirel.__file__, "compiled": compiled, "facts": len(json.dumps(facts)),
                  "parse": size / parse, "serialize": size / serialize, "extract": size / extract}))
"""
)


def _measure(python: str, corpus: Path) -> dict[str, float | str | bool]:
    out = subprocess.check_output([python, "-c", _PROGRAM, str(corpus)], text=True)
    return json.loads(out)  # type: ignore[no-any-return]


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text(encoding="ascii").strip()
    except OSError:
        return "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compiled", description=__doc__)
    parser.add_argument("--compiled", required=True, help="the Python of a venv with the compiled wheel")
    parser.add_argument("--pure", default=sys.executable, help="the Python of the pure build")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    texts = generate(args.articles) + [p.read_text(encoding="utf-8") for p in seeds]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    pythons = {"compiled": args.compiled, "pure": args.pure}
    rows: dict[str, list[dict[str, float | str | bool]]] = {"compiled": [], "pure": []}
    print(f"load before: {_load()}")
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.json"
        corpus.write_text(json.dumps(texts), encoding="utf-8")
        for index in range(args.rounds):
            order = ["compiled", "pure"] if index % 2 == 0 else ["pure", "compiled"]
            for name in order:
                rows[name].append(_measure(pythons[name], corpus))
    print(f"load after:  {_load()} ({os.cpu_count()} cores)")
    print(f"corpus: {len(texts)} articles, {size:.2f} MB; {args.rounds} interleaved rounds")
    for name in ("compiled", "pure"):
        first = rows[name][0]
        print(f"{name:>9}: {first['file']} (compiled modules: {'yes' if first['compiled'] else 'no'})")
    if rows["compiled"][0]["facts"] != rows["pure"][0]["facts"]:
        print("WARNING: the two builds extracted different facts")
    print(f"{'':>10} {'compiled MB/s':>14} {'pure MB/s':>10} {'compiled/pure':>14}")
    for metric in ("parse", "serialize", "extract"):
        fast = [float(r[metric]) for r in rows["compiled"]]
        slow = [float(r[metric]) for r in rows["pure"]]
        ratios = [a / b for a, b in zip(fast, slow, strict=True)]
        print(
            f"{metric:>10} {statistics.median(fast):>14.2f} {statistics.median(slow):>10.2f}"
            f" {statistics.median(ratios):>13.3f}x  (rounds {min(ratios):.2f}-{max(ratios):.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
