"""Memory that does not grow with the corpus (issue 20): the names of a
corpus's files are held compactly, the walk does not list a folder whole,
and inputs still come in path order. benchmarks/memory_scale.py measures the
peak RSS at 5,000 and 50,000 files; nothing here is timed.
"""

from __future__ import annotations

import json
import random
import tracemalloc
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikirel
from conftest import SEEDS
from wikirel import _files, batch, cli
from wikirel._files import Names

# Names as a walk gives them: shared folder prefixes, names that are prefixes
# of others ("a" and "a.txt", "a-b" and "a/b"), non-ASCII, and the empty rest
# of a name that is its chunk's whole common prefix.
_PART = st.text(alphabet="ab-./é日", min_size=1, max_size=6)


@given(st.lists(_PART, max_size=40), st.integers(1, 5))
@settings(max_examples=150)
def test_names_give_back_what_they_were_given(names: list[str], size: int) -> None:
    held = Names()
    held.SIZE = size  # type: ignore[misc]  # small chunks: every path through the code
    for name in names:
        held.append(name)
    assert len(held) == len(names)
    assert list(held) == names
    assert [held[i] for i in range(len(names))] == names
    assert [held[-i] for i in range(1, len(names) + 1)] == [names[-i] for i in range(1, len(names) + 1)]
    assert held[1:7] == names[1:7] and held[::3] == names[::3]
    for index in (len(names), -len(names) - 1):
        with pytest.raises(IndexError):
            held[index]


@given(st.lists(_PART, max_size=60, unique=True), st.integers(1, 7))
@settings(max_examples=150)
def test_the_walk_sorts_compactly_held_names_as_sorted_does(names: list[str], run: int) -> None:
    held = Names()
    held.SIZE = 3  # type: ignore[misc]
    for name in names:
        held.append(name)
    assert list(_files._sorted(held, run=run)) == sorted(names)


def _cost(n: int) -> tuple[int, int]:
    """Bytes held by the names of ``n`` files, and the peak while they are sorted."""
    paths = [f"/data/corpus/wiki/{i:07}.txt" for i in range(n)]
    random.Random(1).shuffle(paths)  # as a folder lists them: no order
    tracemalloc.start()
    try:
        held = Names(iter(paths))
        kept = tracemalloc.get_traced_memory()[0]
        in_order = _files._sorted(held)
        first = next(in_order)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert first == min(paths) and [first, *in_order] == sorted(paths)
    return kept, peak


def test_a_corpus_name_costs_a_few_bytes() -> None:
    """A list of paths costs ~100 bytes a path; held compactly, and sorted, a few more a file."""
    (kept, peak), (kept_more, peak_more) = _cost(20_000), _cost(40_000)
    assert kept / 20_000 < 30, kept / 20_000
    assert (kept_more - kept) / 20_000 < 20, (kept_more - kept) / 20_000
    # while sorting: the runs, and one run's names at a time
    assert (peak_more - peak) / 20_000 < 40, (peak_more - peak) / 20_000


def test_the_walk_gives_path_order_across_folders(tmp_path: Path) -> None:
    """Path order of the whole name ("a-b/x" before "a/x"), errors and skipped files among the inputs."""
    for name in ("a/x.txt", "a-b/x.txt", "a.txt", "a/b/c.txt", "ab.txt", "a/é.txt", "a/z.txt", "b.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("= T =\n", encoding="utf-8")
    (tmp_path / "a" / "broken.txt").symlink_to(tmp_path / "nowhere")
    (tmp_path / "a" / "notes.md").write_text("not an input\n", encoding="utf-8")
    found = [(f.name, f.severity) for f in _files.find_inputs([str(tmp_path)])]
    names = [name for name, _ in found]
    assert names == sorted(names) and len(names) == 9
    assert (str(tmp_path / "a" / "broken.txt"), "error") in found


def test_the_walk_takes_many_files_in_path_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Names, "SIZE", 4)  # many chunks and sorted runs from a small folder
    created = [str(tmp_path / f"{i * 7919 % 101:03}.txt") for i in range(101)]
    for path in created:
        Path(path).write_text("= T =\n", encoding="utf-8")
    assert [f.name for f in _files.find_inputs([str(tmp_path)])] == sorted(created)


def test_the_command_line_reads_a_corpus_in_path_order_from_compact_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(Names, "SIZE", 4)
    for i in (5, 1, 12, 3, 9, 0, 7, 11, 2, 10, 4, 8, 6):
        folder = tmp_path / ("even" if i % 2 == 0 else "odd")
        folder.mkdir(exist_ok=True)
        (folder / f"{i:02}.txt").write_text(f"= {i} =\n", encoding="utf-8")
    (tmp_path / "odd" / "13.txt").write_bytes(b"\xff")  # a bad file is reported; the rest goes on
    for jobs in ("1", "2"):
        code = cli.main(["extract", "--quiet", "--output-format", "jsonl", "--jobs", jobs, str(tmp_path)])
        out, err = capsys.readouterr()
        records = [json.loads(line) for line in out.splitlines()]
        assert code == 2 and "not UTF-8" in err and "13.txt" in err
        in_path_order = [str(i) for i in (0, 2, 4, 6, 8, 10, 12, 1, 3, 5, 7, 9, 11)]
        assert [r.get("title") for r in records] == [*in_path_order, None]
        assert records[-1]["error"].startswith("not UTF-8")


# -- parse_files and parse_many over a pool: a window of chunks, not every item at once ----


def test_parse_files_takes_paths_only_as_the_window_moves(tmp_path: Path) -> None:
    paths = [str(p) for p in SEEDS] * 30
    taken: list[int] = []

    def given() -> Iterator[str]:
        for index, path in enumerate(paths):
            taken.append(index)
            yield path

    docs = wikirel.batch.parse_files(given(), jobs=2, chunksize=2)
    first = next(docs)
    window = 2 * wikirel.batch.IN_FLIGHT * 2  # workers x chunks in flight x chunksize
    assert len(taken) <= window + 2 < len(paths)  # Executor.map would have taken all 60 first
    titles = [first.title, *(doc.title for doc in docs)]
    assert titles == [wikirel.parse(Path(p).read_text(encoding="utf-8")).title for p in paths]


def test_a_bad_file_in_a_pool_comes_in_its_turn(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"= T =\n\xff")
    paths = [*map(str, SEEDS), str(bad), *map(str, SEEDS)]
    docs = wikirel.batch.parse_files(paths, jobs=2, chunksize=4)  # the bad file mid-chunk
    before = [next(docs).title, next(docs).title]  # the files before it still count
    with pytest.raises(wikirel.InputError, match="not UTF-8") as raised:
        next(docs)
    assert before == ["China–Tajikistan relations", "Pakistan–Tajikistan relations"]
    assert raised.value.path == str(bad)


def test_the_batch_pool_keeps_a_bounded_number_of_chunks_in_flight() -> None:
    class Pool:
        """Runs each chunk at once; records how many items were submitted."""

        submitted = 0

        def submit(self, function: Any, *args: Any) -> Future[Any]:
            future: Future[Any] = Future()
            future.set_result(function(*args))
            self.submitted += len(args[1])
            return future

    pool, taken, in_flight = Pool(), 0, []
    for item in batch._windowed(pool, str.upper, (f"t{i}" for i in range(100)), 4, 3):
        assert item == f"T{taken}"
        taken += 1
        in_flight.append(pool.submitted - taken)
    assert taken == 100 and max(in_flight) < 3 * 4 + 4  # the window, plus the chunk being read


def test_the_memory_scale_benchmark_runs() -> None:
    """benchmarks/memory_scale.py on tiny sizes: the runner, and the Dask recipe it runs (which
    checks that every file gave a record)."""
    import subprocess
    import sys

    from conftest import ROOT

    pytest.importorskip("dask.bag")  # in the test extra; skipped only where dask is missing
    modes = ["extract --jobs 2", "dask synchronous, listing", "dask synchronous, glob"]
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.memory_scale", "--quick", "--modes", *modes],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith(("extract", "dask"))]
    assert sorted(row.split("|")[0].strip() for row in rows) == sorted(modes)
