"""The string work of the built-in constructs' writers: a node's lines.

Kept apart from the construct modules because it holds no node class, so the
opt-in compiled build (mypyc) can compile it (see pyproject.toml), as
:mod:`wikirel.markup._read` for the readers; the writers call it with their
nodes, typed ``Any`` here, so a field of the wrong type is the same
``TypeError`` in both builds. Private: an extension uses the public
:func:`wikirel.markup.bullets.write_list` and ``write_item``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["heading_line", "item_line", "item_text", "row_text", "write_infobox", "write_list", "write_table"]


def heading_line(h: Any) -> str:
    """A heading's ``=`` line, without its line break."""
    marks = "=" * h.level
    close = marks if h.close is None else "=" * h.close
    return "".join((marks, h.space_before, h.text, h.space_after, close, h.trailing))


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


def write_infobox(out: Any, box: Any) -> None:
    """Write an infobox's lines: its ``Infobox`` line and one line per item."""
    out.line("Infobox" + box.trailing, box.eol)
    items = box.items  # one line each, written here rather than through the stack
    if all(item.eol is None for item in items):
        out.lines([item_text(item) for item in items], items)
    else:
        for item in items:
            out.line(item_text(item), item.eol, item)


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


def write_table(out: Any, table: Any) -> None:
    """Write a table's rows, the header first, one line each."""
    rows = (table.header, *table.rows)  # one line each, written here rather than through the stack
    if all(row.eol is None for row in rows):
        out.lines([row_text(row) for row in rows], rows)
    else:
        for row in rows:
            out.line(row_text(row), row.eol, row)


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


def write_list(out: Any, items: Any, depth: int, lead: str, marker: Callable[[Any], str]) -> None:
    """Write a list's ``items`` at ``depth``, ``lead`` their canonical indentation:
    each run of items without a nested list in one call, an item with one
    through the serializer's stack."""
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


def _write_run(out: Any, items: list[Any], lead: str, marker: Callable[[Any], str]) -> None:
    texts = [item_line(item, lead, marker(item)) for item in items]
    if all(item.eol is None for item in items):
        out.lines(texts, items)
    else:
        for index, item in enumerate(items):
            out.line(texts[index], item.eol, item)
