"""markup/_read.py: the line fields the built-in readers compute (compiled in the opt-in build).

Each field set must give the line back, and the semantic fields must hold no
layout white space.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from wikirel.markup import _read, bullets

# Lines of the characters that matter to the readers (no line break: a line's content).
_LINE = st.text(alphabet=st.sampled_from(" \t=-:|ab\u00e9"), max_size=24)


def _make(*args: Any, **kwargs: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
    return args, kwargs


def test_the_public_split_bullet_is_the_compiled_one() -> None:
    assert bullets.split_bullet is _read.split_bullet


@settings(max_examples=200)
@given(_LINE.map(lambda s: "=" + s))
def test_heading_fields_give_the_line_back(content: str) -> None:
    level, text, close, before, after, trailing = _read.heading_fields(content)
    marks = "=" * (level if close is None else close)
    assert "=" * level + before + text + after + marks + trailing == content
    assert text == text.strip(" \t")
    assert close != level


@settings(max_examples=200)
@given(_LINE, st.integers(min_value=0, max_value=3))
def test_split_bullet_gives_the_line_back(content: str, marker: int) -> None:
    lead, gap, text, trailing = _read.split_bullet(content, marker)
    stripped = content.lstrip(" \t")
    assert lead + stripped[:marker] + gap + text + trailing == content
    assert text == text.strip(" \t") and lead.strip(" \t") == gap.strip(" \t") == trailing.strip(" \t") == ""


@settings(max_examples=100)
@given(st.lists(st.tuples(_LINE.map(lambda s: "-" + s), st.sampled_from(["\n", "\r\n", ""])), max_size=4))
def test_infobox_items_give_the_lines_back(lines: list[tuple[str, str]]) -> None:
    items = _read.infobox_items(_make, [("Infobox", "\n"), *lines], "\n")
    assert len(items) == len(lines)
    for (args, fields), (content, eol) in zip(items, lines, strict=True):
        key, value = args
        space = fields["value_space"]
        if space is None:
            space = " " if value else ""
        colon = ":" + space if fields["colon"] else ""
        line = fields["indent"] + "-" + fields["gap"] + key + fields["key_space"] + colon + value
        assert line + fields["trailing"] == content
        assert fields["eol"] == (None if eol == "\n" else eol)
        assert key == key.rstrip(" \t") and value == value.lstrip(" \t")


@settings(max_examples=100)
@given(
    st.lists(
        st.tuples(_LINE.map(lambda s: "|" + s), st.sampled_from(["\n", "\r", ""])), min_size=1, max_size=4
    )
)
def test_table_rows_give_the_lines_back(lines: list[tuple[str, str]]) -> None:
    rows = _read.table_rows(_make, lines, "\r")
    for (args, fields), (content, eol) in zip(rows, lines, strict=True):
        (cells,) = args
        pads = fields["pads"] or [(" ", " ") if cell else (" ", "") for cell in cells]
        body = "|".join(left + cell + right for cell, (left, right) in zip(cells, pads, strict=True))
        assert "|" + body + ("|" if fields["closed"] else "") + fields["trailing"] == content
        assert all(cell == cell.strip(" \t") for cell in cells)
        assert fields["eol"] == (None if eol == "\r" else eol)


def test_bullet_items_nest_by_indentation_with_canonical_layout_as_none() -> None:
    nesting = bullets.IndentNesting(bullets.BulletList)
    lines = [("- a", "\n"), ("  -  b ", "\r\n"), ("- c", "")]
    _read.bullet_items(nesting, bullets.ListItem, lines, "\n")
    a, c = nesting.items()
    assert (a.text, a.indent, a.gap, a.eol) == ("a", None, None, None)
    assert a.children is not None
    (b,) = a.children.items
    assert (b.text, b.indent, b.gap, b.trailing, b.eol) == ("b", None, "  ", " ", "\r\n")
    assert (c.text, c.children, c.eol) == ("c", None, "")


@settings(max_examples=100)
@given(st.lists(st.tuples(_LINE, st.sampled_from(["\n", "\r\n", "\r", ""])), min_size=1, max_size=4))
def test_paragraph_node_keeps_each_line_and_break(lines: list[tuple[str, str]]) -> None:
    (contents,), fields = _read.paragraph_node(_make, lines, "\r\n", None)
    eols = fields["eols"]
    assert contents == tuple(content for content, _ in lines)
    if all(eol == "\r\n" for _, eol in lines):
        assert eols is None
    else:
        assert eols == tuple(eol for _, eol in lines)


def test_heading_node_makes_the_heading_with_canonical_layout_as_none() -> None:
    made = _read.heading_node(_make, ("==  Trade ===\t", "\r"), "\n", ("\n",))
    assert made == (
        (2, "Trade"),
        {
            "close": 3,
            "space_before": "  ",
            "space_after": " ",
            "trailing": "\t",
            "eol": "\r",
            "blank_before": ("\n",),
        },
    )
    assert _read.heading_node(_make, ("= T =", "\n"), "\n", None)[1]["eol"] is None
