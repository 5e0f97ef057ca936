"""Many articles at once: parse_many and extract_partition."""

from __future__ import annotations

from pathlib import Path

import pytest

import wikirel
from conftest import SEEDS


def test_parse_many_keeps_input_order_across_processes() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] * 20 + ["", "== Odd =\n"]
    expected = [wikirel.parse(t) for t in texts]
    assert list(wikirel.parse_many(texts, jobs=2, chunksize=3)) == expected
    assert list(wikirel.parse_many(texts, jobs=1)) == expected


def test_parse_many_reads_paths(tmp_path: Path) -> None:
    docs = list(wikirel.parse_many(SEEDS, jobs=2))
    assert [d.title for d in docs] == ["China–Tajikistan relations", "Pakistan–Tajikistan relations"]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff")
    with pytest.raises(UnicodeDecodeError):
        list(wikirel.parse_many([bad], jobs=1))
    with pytest.raises(ValueError, match="jobs"):
        list(wikirel.parse_many([], jobs=0))


def test_parse_many_keeps_the_files_line_breaks(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"= T =\r\n\r\n== S ==\rText\r\n")
    (doc,) = wikirel.parse_many([crlf], jobs=1)
    assert wikirel.serialize(doc).encode("utf-8") == crlf.read_bytes()
    assert wikirel.extract_partition([crlf])[0]["title"] == "T"


def test_extract_partition_gives_plain_data() -> None:
    facts = wikirel.extract_partition([SEEDS[0], SEEDS[1].read_text(encoding="utf-8")])
    assert [f["title"] for f in facts] == ["China–Tajikistan relations", "Pakistan–Tajikistan relations"]
    assert facts[0] == wikirel.extract_relation(wikirel.parse(SEEDS[0].read_text(encoding="utf-8"))).to_dict()


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
