"""One write path: ``serialize`` and ``positions`` run the same writers.

The spans below are read off the texts by hand (offsets count code points).
"""

from __future__ import annotations

import wikirel
from wikirel import BulletList, Infobox, ListItem, Row, Table
from wikirel.construct import WriteContext


def _spans(text: str, cls: type[wikirel.Node]) -> list[tuple[str, int, int]]:
    doc = wikirel.parse(text)
    where = wikirel.positions(doc)
    assert where.text == wikirel.serialize(doc) == text
    found = []
    for node in wikirel.walk(doc):
        if isinstance(node, cls):
            span = where[node]
            found.append((text[span.start.offset : span.end.offset], span.start.line, span.end.line))
    return found


def test_list_items_after_a_nested_list_keep_their_place_and_spans() -> None:
    # "- c" and "- d" follow an item with a nested list: written in one call,
    # after that item's lines, in serialize and in positions alike.
    text = "- a\n  - b\n- c\r\n- d\n"
    assert _spans(text, ListItem) == [("- a\n  - b", 1, 2), ("  - b", 2, 2), ("- c", 3, 3), ("- d", 4, 4)]
    assert _spans(text, BulletList) == [("- a\n  - b\n- c\r\n- d", 1, 4), ("  - b", 2, 2)]
    text = "- a\n  - b\n- c\n- d\n"  # canonical line breaks: the run is one lines() call
    assert _spans(text, ListItem) == [("- a\n  - b", 1, 2), ("  - b", 2, 2), ("- c", 3, 3), ("- d", 4, 4)]


def test_rows_and_items_written_in_place_have_spans() -> None:
    text = "Infobox\n- k: v\r\n- x: y\n\n| a | b |\n|c||\n"
    assert _spans(text, Row) == [("| a | b |", 5, 5), ("|c||", 6, 6)]
    assert _spans(text, Table) == [("| a | b |\n|c||", 5, 6)]
    assert [span for span, _, _ in _spans(text, Infobox)] == ["Infobox\n- k: v\r\n- x: y"]


def test_writers_are_not_told_whether_spans_are_recorded() -> None:
    assert not hasattr(WriteContext, "recording")
