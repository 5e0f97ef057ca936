"""The language server's answers, computed in process (the server itself: tests/test_lsp.py)."""

from __future__ import annotations

import pytest

pytest.importorskip("lsprotocol")  # in the `test` extra; absent only where the `lsp` extra is
from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types as lsp

import wikirel
from lsp_client import apply
from wikirel.dialect import DEFAULT
from wikirel.lsp._document import Text
from wikirel.lsp._features import Snapshot, reading
from wikirel.strategies import markup_soup

# The characters the format's constructs are made of, and some that LSP counts differently.
PIECES = ["=", "|", "-", ":", " ", "\t", "\n", "\r", "a", "B", "1", "😀", "Infobox\n", "== x ==\n"]
ARTICLE_TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | markup_soup()


@settings(max_examples=200)
@given(ARTICLE_TEXT)
def test_format_edits_give_format_text(text: str) -> None:
    assert apply(text, Snapshot(Text(text), DEFAULT).format_edits()) == wikirel.format_text(text)


@settings(max_examples=200)
@given(ARTICLE_TEXT, st.integers(0, 10), st.integers(0, 10))
def test_range_format_edits_stay_in_the_range(text: str, first: int, count: int) -> None:
    lines = Text(text)
    edits = Snapshot(lines, DEFAULT).format_edits((first, first + count))
    for edit in edits:
        assert edit.range.start.line <= first + count and edit.range.end.line >= first
    formatted = apply(text, edits)
    assert wikirel.format_text(formatted) == wikirel.format_text(text)


ROWS = (
    "| a | b | c |\n| y | z\n| p |  \n| q | r | s | t |\n|u|v|w\n| m |\tn\n==H=\nInfobox\n- K: 1\n- k : 2\n"
)


def test_each_quick_fix_removes_its_finding_and_nothing_else() -> None:
    snapshot = Snapshot(Text(ROWS), DEFAULT)
    before = [(d.line, d.code) for d in snapshot.doc.diagnostics]
    everything = lsp.Range(lsp.Position(0, 0), lsp.Position(20, 0))
    actions = snapshot.code_actions(everything, "u")
    fixed_codes = set()
    for action in actions:
        assert action.edit is not None and action.edit.changes is not None and action.diagnostics
        found = action.diagnostics[0]
        after = [(d.line, d.code) for d in wikirel.parse(apply(ROWS, action.edit.changes["u"])).diagnostics]
        gone = [pair for pair in before if pair not in after]
        assert (found.range.start.line + 1, found.code) in gone, action.title
        assert len(after) == len(before) - len(gone)
        fixed_codes.add(found.code)
    assert fixed_codes == {
        "table-ragged",
        "table-row-unclosed",
        "heading-unbalanced",
        "infobox-duplicate-key",
    }
    # Too many cells has no obvious fix (which cell would go?).
    assert not [a for a in actions if a.diagnostics and a.diagnostics[0].range.start.line == 3]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("January 4, 1992", "1992-01-04, day precision"),
        ("May 19–21, 2013", "2013-05-19 to 2013-05-21, day precision"),
        ("March 2008", "2008-03, month precision"),
        ("since 2006", "2006, year precision (since)"),
        ("5000 BC", "5000 BCE, year precision"),
        ("the 1990s", "1990 to 1999, decade precision"),
    ],
)
def test_how_a_date_reads(text: str, want: str) -> None:
    (date,) = wikirel.facts.find_dates(text)
    assert reading(date) == want
