"""Many articles at once: parse_many and extract_partition."""

from __future__ import annotations

from pathlib import Path

import pytest

import wikirel
from conftest import SEEDS


def test_parse_many_keeps_input_order_across_processes() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] * 20 + ["", "== Odd =\n"]
    expected = [wikirel.parse(t) for t in texts]
    assert list(wikirel.batch.parse_many(texts, jobs=2, chunksize=3)) == expected
    assert list(wikirel.batch.parse_many(texts, jobs=1)) == expected


def test_parse_files_reads_paths_given_as_path_or_str(tmp_path: Path) -> None:
    for paths in (SEEDS, [str(p) for p in SEEDS]):
        docs = list(wikirel.batch.parse_files(paths, jobs=2))
        assert [d.title for d in docs] == ["China–Tajikistan relations", "Pakistan–Tajikistan relations"]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff")
    with pytest.raises(wikirel.InputError, match="not UTF-8: invalid byte 0xff at offset 0"):
        list(wikirel.batch.parse_files([bad], jobs=1))
    with pytest.raises(ValueError, match="jobs"):
        list(wikirel.batch.parse_many([], jobs=0))


def test_parse_files_keeps_the_files_line_breaks(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"= T =\r\n\r\n== S ==\rText\r\n")
    (doc,) = wikirel.batch.parse_files([crlf], jobs=1)
    assert wikirel.serialize(doc).encode("utf-8") == crlf.read_bytes()
    assert wikirel.batch.extract_files([crlf])[0]["title"] == "T"


def test_extract_partition_and_extract_files_give_plain_data() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    facts = wikirel.batch.extract_partition(texts)
    assert [f["title"] for f in facts] == ["China–Tajikistan relations", "Pakistan–Tajikistan relations"]
    assert facts[0] == wikirel.extract_relation(wikirel.parse(texts[0])).to_dict()
    from_files = wikirel.batch.extract_files(map(str, SEEDS))
    assert [f.pop("path") for f in from_files] == [str(p) for p in SEEDS]
    assert from_files == facts


def test_a_path_where_texts_belong_is_loud() -> None:
    with pytest.warns(UserWarning, match="names a file: use wikirel.batch.parse_files"):
        (rel,) = wikirel.batch.extract_partition([str(SEEDS[0])])
    assert rel["title"] is None  # it was read as a one-line article, as the warning says
    with pytest.warns(DeprecationWarning, match="deprecated: use wikirel.batch.parse_files"):
        (doc,) = wikirel.batch.parse_many([SEEDS[0]], jobs=1)  # type: ignore[list-item]
    assert doc.title == "China–Tajikistan relations"  # still works, for 0.1 callers


def test_documents_and_relations_pickle_small() -> None:
    import pickle

    text = SEEDS[0].read_text(encoding="utf-8")
    doc = wikirel.parse(text)
    blob = pickle.dumps(doc)
    assert pickle.loads(blob) == doc
    assert len(blob) < 2 * len(text.encode("utf-8"))


def test_benchmark_runner_works_on_a_tiny_corpus() -> None:
    import subprocess
    import sys

    from conftest import ROOT

    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    for label in ("wikirel parse", "floor", "linearity", "import wikirel", "peak RSS", "pickle per article"):
        assert label in result.stdout


def test_a_bad_file_gives_an_error_record_and_the_partition_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"= T =\n\xff")
    missing = tmp_path / "missing.txt"
    records = wikirel.batch.extract_files([bad, SEEDS[0], missing])
    assert records[0] == {"path": str(bad), "error": "not UTF-8: invalid byte 0xff at offset 6"}
    assert records[1]["title"] == "China–Tajikistan relations"
    assert records[2]["path"] == str(missing) and records[2]["error"].startswith("cannot read")
    with pytest.raises(wikirel.WikirelError, match="not UTF-8"):
        wikirel.batch.extract_files([bad], errors="raise")


def test_the_dask_recipe_ends_every_partition_file_with_a_line_break(tmp_path: Path) -> None:
    """docs/scale.md's recipe: `cat out/*.jsonl | wc -l` counts every record (issue 16)."""
    import json

    db = pytest.importorskip("dask.bag")  # in the test extra; skipped only where dask is missing
    paths = [str(p) for p in SEEDS] * 5
    facts = db.from_sequence(paths, npartitions=4).map_partitions(wikirel.batch.extract_files)
    out = str(tmp_path / "relations-*.jsonl")
    facts.map(json.dumps).to_textfiles(out, last_endline=True, scheduler="sync")
    written = sorted(tmp_path.glob("*.jsonl"))
    assert len(written) == 4
    joined = b"".join(p.read_bytes() for p in written)  # what `cat out/*.jsonl` gives
    assert joined.count(b"\n") == len(paths) and joined.endswith(b"\n")
    assert [json.loads(line)["path"] for line in joined.splitlines()] == paths


def test_the_extraction_profile_runs_and_puts_its_parts_back(capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks.extract_profile import PARTS, main

    from wikirel.facts import extract

    before = {name: getattr(extract, name) for name in PARTS}
    assert main(["--articles", "3", "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    assert all(f"  {name} " in out for name in PARTS)
    assert {name: getattr(extract, name) for name in PARTS} == before
