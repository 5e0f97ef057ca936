"""markup/_write.py: the lines the built-in writers build (compiled in the opt-in build).

What the readers (markup/_read.py) take apart, the writers must put back: each
line read into a node is the line that node writes. A field of the wrong type
is a ``TypeError`` in both builds.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wikirel import Heading, InfoboxItem, ListItem, Row
from wikirel.markup import _read, _write


class _Out:
    """A WriteContext that keeps the lines written."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def line(self, text: str, eol: str | None, node: object = None) -> None:
        self.written.append(text)


def heading_line(heading: Heading) -> str:
    out = _Out()
    _write.write_heading(out, heading, 0)
    (line,) = out.written
    return line


# Lines of the characters that matter to the readers (no line break: a line's content).
_LINE = st.text(alphabet=st.sampled_from(" \t=-:|ab\u00e9"), max_size=24)


@settings(max_examples=200)
@given(_LINE.map(lambda s: "=" + s))
def test_a_heading_writes_the_line_it_was_read_from(content: str) -> None:
    heading = _read.heading_node(Heading, (content, "\n"), "\n", None)
    assert heading_line(heading) == content


@settings(max_examples=100)
@given(st.lists(_LINE.map(lambda s: "-" + s), max_size=4))
def test_infobox_items_write_the_lines_they_were_read_from(contents: list[str]) -> None:
    lines = [("Infobox", "\n"), *((content, "\n") for content in contents)]
    items = _read.infobox_items(InfoboxItem, lines, "\n")
    assert [_write.item_text(item) for item in items] == contents


@settings(max_examples=100)
@given(st.lists(_LINE.map(lambda s: "|" + s), min_size=1, max_size=4))
def test_table_rows_write_the_lines_they_were_read_from(contents: list[str]) -> None:
    rows = _read.table_rows(Row, [(content, "\n") for content in contents], "\n")
    assert [_write.row_text(row) for row in rows] == contents


@settings(max_examples=200)
@given(st.text(alphabet=" \t", max_size=6), _LINE)
def test_a_list_item_writes_the_line_it_was_read_from(lead: str, rest: str) -> None:
    content = lead + "-" + rest
    indent, gap, text, trailing = _read.split_bullet(content)
    item = ListItem(text, indent=indent, gap=gap, trailing=trailing)
    assert _write.item_line(item, "", "-") == content


def test_canonical_layout_is_written_where_a_field_is_none() -> None:
    assert _write.item_line(ListItem("a"), "    ", "2.") == "    2. a"
    assert _write.item_line(ListItem(""), "  ", "-") == "  -"
    assert _write.item_text(InfoboxItem("Key", "")) == "- Key:"
    assert _write.item_text(InfoboxItem("Key", "v")) == "- Key: v"
    assert _write.row_text(Row(["a", ""])) == "| a | |"
    assert heading_line(Heading(3, "x")) == "=== x ==="


@pytest.mark.parametrize(
    ("write", "node"),
    [
        (heading_line, Heading(2, 5)),
        (heading_line, Heading("2", "x")),
        (_write.item_text, InfoboxItem(1, "v")),
        (_write.item_text, InfoboxItem("k", "v", colon=1)),
        (_write.row_text, Row((1, 2))),
        (_write.row_text, Row(("a",), closed=0)),
        (_write.row_text, Row(("a",), pads=[(1, 2)])),
        (lambda item: _write.item_line(item, "", "-"), ListItem(3)),
    ],
    ids=[
        "int text",
        "str level",
        "int key",
        "int colon",
        "int cells",
        "int closed",
        "int pads",
        "int item text",
    ],
)
def test_a_field_of_the_wrong_type_is_a_type_error(write: Any, node: Any) -> None:
    with pytest.raises(TypeError):
        write(node)


@pytest.mark.parametrize(
    ("eols", "canonical"),
    [((), True), ((None, None), True), ((None, "\n"), False), (("",), False), ((None, "\r\n", None), False)],
)
def test_lines_are_written_as_one_block_only_when_every_break_is_canonical(
    eols: tuple[str | None, ...], canonical: bool
) -> None:
    rows = [Row(["a"], eol=eol) for eol in eols]
    assert _write._canonical_breaks(rows) is canonical
