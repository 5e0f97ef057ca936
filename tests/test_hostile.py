"""Hostile inputs: huge, deep or degenerate texts parse, round-trip and never raise.

Timings are not asserted here (shared machines are noisy); benchmarks/hostile.py
reports how cost grows from n to 10·n.
"""

from __future__ import annotations

import pytest

import wikirel


def _nested(depth: int) -> str:
    return "".join(" " * i + "- x\n" for i in range(depth))


HOSTILE = {
    "1 MB single line": "a" * 1_000_000,
    "1 MB heading line": "= " + "b" * 1_000_000 + " =",
    "100 000 = in a row": "=" * 100_000,
    "100 000 | in a row": "|" * 100_000,
    "50 000 list markers on one line": "- " * 50_000 + "x",
    "list nested 3 000 deep by indentation": _nested(3_000),
    "table of 100 000 rows": "| a | b |\n" + "| 1 | 2 |\n" * 100_000,
    "1 000 000 blank lines": "\n" * 1_000_000,
    "1 000 000 CR line breaks then text": "\r" * 1_000_000 + "text",
    "sections nested 1 400 deep": "".join("=" * (i + 2) + " h " + "=" * (i + 2) + "\n" for i in range(1_400)),
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_parses_round_trips_and_reports(text: str) -> None:
    doc = wikirel.parse(text)
    assert wikirel.serialize(doc) == text
    for diagnostic in doc.diagnostics:
        assert diagnostic.code in wikirel.CODES
    count = sum(1 for _ in wikirel.walk(doc))
    assert len(wikirel.positions(doc)) == count
    wikirel.extract_relation(doc)


def test_the_nested_list_really_is_deep() -> None:
    doc = wikirel.parse(_nested(3_000))
    depth, lst = 0, doc.blocks[0]
    while lst is not None:
        depth += 1
        lst = lst.items[-1].children  # type: ignore[union-attr]
    assert depth == 3_000


def test_a_huge_table_keeps_every_row() -> None:
    doc = wikirel.parse(HOSTILE["table of 100 000 rows"])
    (table,) = doc.blocks
    assert isinstance(table, wikirel.Table)
    assert len(table.rows) == 100_000 and len(table.records()) == 100_000
    assert wikirel.parse("|" * 100_000).blocks[0].header.cells == ("",) * 99_999  # type: ignore[union-attr]
