"""Peak memory of ``wikirel extract`` over a corpus: does it grow with the
number of files? ``python -m benchmarks.memory``.

Writes N generated articles (``benchmarks/corpus.py``) to a temporary folder,
runs ``python -m wikirel extract`` on it in a child process, stdout to
/dev/null, and prints for each N and mode: the peak RSS of the largest
process (the command or one of its workers: ``getrusage(RUSAGE_CHILDREN)``
of a wrapper process started for that one run), and the largest sum over the
process tree (the command and its workers), sampled from /proc every 20 ms (Linux only). The ratio
column divides the figure at the largest N by the one at the smallest.

``--src DIR`` runs another checkout's ``src`` (e.g. 0.2.0 from ``git archive``)
for a before/after comparison in one run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.corpus import iter_articles

_WRAPPER = """\
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

MODES: dict[str, list[str]] = {
    "json, --jobs 1": ["--output-format", "json", "--jobs", "1"],
    "json, --jobs 2": ["--output-format", "json", "--jobs", "2"],
    "jsonl, --jobs 2": ["--output-format", "jsonl", "--jobs", "2"],
}
OLD_MODES: dict[str, list[str]] = {  # the same, spelled as 0.2 did
    "json, --jobs 1": ["--jobs", "1"],
    "json, --jobs 2": ["--jobs", "2"],
    "jsonl, --jobs 2": ["--jsonl", "--jobs", "2"],
}


def _tree_rss_kb(pid: int) -> int:
    """The RSS of the descendants of ``pid`` (the wrapper), from /proc (0 where it cannot be read)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            if current != pid:
                total += next(
                    int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")
                )
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total


def measure(folder: Path, options: list[str], src: str | None) -> tuple[float, float, float]:
    """(largest process MB, largest tree sum MB, seconds) of one run."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    return peak_rss(["extract", "--quiet", *options, str(folder)], env)


def peak_rss(arguments: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(largest process MB, largest tree sum MB, seconds) of ``wikirel ARGUMENTS``."""
    command = [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "wikirel", *arguments]
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, env=env, text=True) as run:
        peak_tree = 0
        while run.poll() is None:
            peak_tree = max(peak_tree, _tree_rss_kb(run.pid))
            time.sleep(0.02)
        largest = int(run.stdout.read().strip()) if run.stdout else 0
    return largest / 1024, peak_tree / 1024, time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000], help="numbers of files")
    parser.add_argument("--src", help="run the wikirel under this src folder instead (e.g. 0.2.0's)")
    parser.add_argument("--quick", action="store_true", help="sizes 50 and 200 (checks the runner)")
    args = parser.parse_args(argv)
    sizes = [50, 200] if args.quick else sorted(args.sizes)
    modes = OLD_MODES if args.src else MODES
    results: dict[str, list[tuple[float, float, float]]] = {mode: [] for mode in modes}
    with tempfile.TemporaryDirectory() as tmp:
        folder, written = Path(tmp) / "corpus", 0
        folder.mkdir()
        articles = iter_articles(max(sizes), seed=1)
        for n in sizes:
            for i in range(written, n):
                (folder / f"{i:06}.txt").write_text(next(articles), encoding="utf-8")
            written = n
            for mode, options in modes.items():
                results[mode].append(measure(folder, options, args.src))
    who = f"wikirel from {args.src}" if args.src else "this wikirel"
    print(f"peak RSS of `wikirel extract` over generated articles ({who}); MB, seconds")
    header = "".join(f"  {n:>6} files: largest  tree     s" for n in sizes)
    print(f"{'mode':16}{header}  largest ×  tree ×")
    for mode, rows in results.items():
        cells = "".join(f"{'':14}{largest:7.1f} {tree:6.1f} {sec:5.1f}" for largest, tree, sec in rows)
        grew = f"{rows[-1][0] / rows[0][0]:9.2f} {rows[-1][1] / max(rows[0][1], 1e-9):7.2f}"
        print(f"{mode:16}{cells}  {grew}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
