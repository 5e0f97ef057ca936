"""The built-in constructs' writers: a node's lines.

Kept apart from the construct modules because it holds no node class, so the
opt-in compiled build (mypyc) can compile it (see pyproject.toml), as
:mod:`wikirel.markup._read` for the readers. The ``write_*`` functions are the
constructs' write hooks themselves (``(out, node, depth)``, registered in their
``NodeRole``), so a node is written without an interpreted frame in between.
Nodes are typed ``Any`` here: a field of the wrong type is the same
``TypeError`` in both builds. Private: an extension uses the public
:func:`wikirel.markup.bullets.write_list` and ``write_item``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import SerializeError
from ..tree import Node

__all__ = [
    "INDENT_STEP",
    "item_line",
    "item_text",
    "row_text",
    "write_bullet_item",
    "write_bullets",
    "write_heading",
    "write_infobox",
    "write_infobox_item",
    "write_item",
    "write_list",
    "write_paragraph",
    "write_row",
    "write_table",
]

INDENT_STEP = "  "


def write_heading(out: Any, h: Any, depth: int) -> None:
    """Write a heading's ``=`` line."""
    marks = "=" * h.level
    close = marks if h.close is None else "=" * h.close
    out.line("".join((marks, h.space_before, h.text, h.space_after, close, h.trailing)), h.eol)


def item_text(item: Any) -> str:
    """An infobox item's ``- Key: Value`` line, without its line break."""
    colon = item.colon
    if colon is not True and colon is not False:  # 0 and 1 too: the compiled build refuses them
        raise TypeError(f"InfoboxItem.colon must be a bool, not {type(colon).__name__}")
    value = item.value
    if not (colon or value):
        return "".join((item.indent, "-", item.gap, item.key, item.key_space, item.trailing))
    space = item.value_space
    if space is None:  # canonical, as infobox.value_space() gives it, inline
        space = " " if value else ""
    return "".join((item.indent, "-", item.gap, item.key, item.key_space, ":", space, value, item.trailing))


def write_infobox(out: Any, box: Any, depth: int) -> None:
    """Write an infobox's lines: its ``Infobox`` line and one line per item."""
    out.line("Infobox" + box.trailing, box.eol)
    items = box.items  # one line each, written here rather than through the stack
    if _canonical_breaks(items):
        out.lines([item_text(item) for item in items], items)
    else:
        for item in items:
            out.line(item_text(item), item.eol, item)


def write_infobox_item(out: Any, item: Any, depth: int) -> None:
    out.line(item_text(item), item.eol)


def _canonical_breaks(nodes: Any) -> bool:
    """Whether every one of ``nodes`` ends with the canonical line break (``eol`` None):
    then they are written as one block of lines. A loop, not ``all()`` over a
    generator, which costs several times more in the pure build."""
    for node in nodes:  # noqa: SIM110 (the loop is the point)
        if node.eol is not None:
            return False
    return True


def _pad(cell: Any) -> tuple[Any, Any]:
    return (" ", " ") if cell else (" ", "")


def row_text(row: Any) -> str:
    """A table row's ``| a | b |`` line, without its line break."""
    closed = row.closed
    if closed is not True and closed is not False:  # 0 and 1 too: the compiled build refuses them
        raise TypeError(f"Row.closed must be a bool, not {type(closed).__name__}")
    pads = row.pads
    cells = row.cells
    end = ("|" if closed else "") + row.trailing
    if pads is None and cells and "" not in cells:  # canonical padding, no empty cell: one join
        # A join, not an f-string: a cell that is no str is a TypeError in both builds.
        return "".join(("| ", " | ".join(cells), " ", end))
    parts: list[Any] = []
    if pads is None:  # canonical padding, as table.pad() gives it, inline
        for cell in cells:
            parts.append(" " + cell + " " if cell else " ")
    else:
        for index, cell in enumerate(cells):
            pair = pads[index] if index < len(pads) else _pad(cell)
            if len(pair) != 2:  # as the compiled build, which checks tuple[str, str]
                raise TypeError(f"a pad is a (left, right) pair, not {pair!r}")
            left, right = pair
            parts.append(left + cell + right)
    return "".join(("|", "|".join(parts), end))


def write_table(out: Any, table: Any, depth: int) -> None:
    """Write a table's rows, the header first, one line each."""
    rows = (table.header, *table.rows)  # one line each, written here rather than through the stack
    if _canonical_breaks(rows):
        out.lines([row_text(row) for row in rows], rows)
    else:
        for row in rows:
            out.line(row_text(row), row.eol, row)


def write_row(out: Any, row: Any, depth: int) -> None:
    out.line(row_text(row), row.eol)


def write_paragraph(out: Any, para: Any, depth: int) -> None:
    """Write a paragraph's lines, each with its own line break if it has ``eols``."""
    lines = para.lines
    eols = para.eols
    if eols is None:  # every line ends with the document's newline
        out.lines(lines)
        return
    if len(eols) != len(lines):  # a missing or extra break would write other lines
        raise SerializeError(f"a paragraph of {len(lines)} lines has {len(eols)} line breaks (eols)")
    for index, text in enumerate(lines):
        out.line(text, eols[index])


def item_line(item: Any, lead: Any, marker: Any) -> str:
    """A list item's line, ``lead`` its canonical indentation."""
    indent = item.indent
    if indent is not None:
        lead = indent
    text = item.text
    space = item.gap
    if space is None:  # canonical, as bullets.gap() gives it, inline
        space = " " if text else ""
    line: str = lead + marker + space + text + item.trailing
    return line


def write_list(out: Any, items: Any, depth: int, marker: Callable[[Any], str] | str) -> None:
    """Write a list's ``items`` at ``depth`` after their ``marker`` (one for
    all, or an item's): each run of items without a nested list in one call,
    an item with one through the serializer's stack."""
    lead = INDENT_STEP * depth  # the same for every item written here
    run: list[Any] = []
    for item in items:
        if item.children is None:
            run.append(item)
        else:
            if run:
                _write_run(out, run, lead, marker)
                run = []
            out.child(item, depth)
    if run:
        _write_run(out, run, lead, marker)


def _write_run(out: Any, items: list[Any], lead: str, marker: Callable[[Any], str] | str) -> None:
    if isinstance(marker, str):
        texts = [item_line(item, lead, marker) for item in items]
    else:
        texts = [item_line(item, lead, marker(item)) for item in items]
    if _canonical_breaks(items):
        out.lines(texts, items)
    else:
        for index, item in enumerate(items):
            out.line(texts[index], item.eol, item)


def write_item(out: Any, item: Any, depth: int, marker: str) -> None:
    """Write a list item's line after its ``marker``, then its ``children`` one level deeper."""
    out.line(item_line(item, INDENT_STEP * depth, marker), item.eol)
    children = item.children
    if children is not None:
        if not isinstance(children, Node):  # as the compiled build, which checks the type
            raise TypeError(f"a list item's children must be a list node, not {type(children).__name__}")
        out.child(children, depth + 1, 0)


def write_bullets(out: Any, lst: Any, depth: int) -> None:
    write_list(out, lst.items, depth, "-")


def write_bullet_item(out: Any, item: Any, depth: int) -> None:
    write_item(out, item, depth, "-")
