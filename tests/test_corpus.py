"""Extraction on real articles: scored against facts checked by hand, and every fact located.

The corpus (tests/corpus, sources in sources.json) is 22 real
bilateral-relations articles and a real list of visits; the gold facts for it, the fixtures and the
seeds are in tests/corpus/gold.json. benchmarks/extraction_quality.py
prints the same scores as a table.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from benchmarks.extraction_quality import FIELDS, GOLD, articles, score

import wikirel
from conftest import ROOT

CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
RESULT = score(json.loads(GOLD.read_text(encoding="utf-8")))


def test_the_corpus_is_real_and_sourced() -> None:
    sources = json.loads((ROOT / "tests" / "corpus" / "sources.json").read_text(encoding="utf-8"))
    assert len(CORPUS) >= 20
    assert sorted(sources) == [path.name for path in CORPUS]
    assert all(entry["url"].startswith(("https://", "http://")) for entry in sources.values())
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert sorted(gold) == sorted(path.name for path in articles())


@pytest.mark.parametrize("field", FIELDS)
def test_every_gold_fact_is_found_and_nothing_false(field: str) -> None:
    row = RESULT["fields"][field]
    misses = [m for m in RESULT["misses"] if f": {field}: " in m]
    assert row["precision"] >= 0.99, misses
    assert row["recall"] >= 0.99, misses


def test_no_date_is_invented() -> None:
    assert RESULT["invented_dates"] == 0, RESULT["misses"]


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_every_fact_points_at_its_text(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    doc = wikirel.parse(text)
    assert wikirel.serialize(doc) == text
    where = wikirel.positions(doc)
    rel = wikirel.extract_relation(doc)
    for event in rel.events:
        assert event.source is not None and event.source.node is not None
        line = where.line_text(event.source.line)[event.source.column - 1 :]
        if event.source.kind == "Paragraph":  # the sentence starts right there, to its line's end
            assert event.sentence.startswith(line[: len(event.sentence)].rstrip()), (line, event.sentence)
        else:
            assert line.lstrip(" \t-").startswith(event.sentence)
    for fact in (*rel.envoys, *rel.missions):
        assert fact.source is not None
        item = fact.source.node
        assert isinstance(item, wikirel.InfoboxItem) and where[item].start.line == fact.source.line
        assert item.key.casefold().replace(" ", "").startswith(("envoy", "mission"))
    for visit in rel.visits:
        assert visit.source is not None and visit.source.kind == "Row"
        assert visit.guest is None or visit.guest in where.line_text(visit.source.line)
    schema = wikirel.relation_schema()
    jsonschema.validate(rel.to_dict(), schema, format_checker=jsonschema.FormatChecker())
