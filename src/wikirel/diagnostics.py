"""Diagnostics: what is malformed in a document, where, and ``ParseError``.

Every malformed construct is visible in the tree (a ``Row`` with
``closed=False``, a ``Heading`` whose ``close`` differs from its level ...), so
diagnostics are derived from the tree and :func:`wikirel.positions`, not
recorded while parsing: an edited tree reports on itself, never stale.
"""

from __future__ import annotations

from . import _canonical as canon
from .errors import Diagnostic, ParseError
from .nodes import (
    Block,
    BulletList,
    Document,
    Heading,
    Infobox,
    Node,
    Row,
    Table,
    infobox_key,
)
from .positions import Positions, positions

__all__ = ["CODES", "Diagnostic", "ParseError", "diagnose"]

#: Every diagnostic code, with what it means. Codes are stable.
CODES: dict[str, str] = {
    "heading-unbalanced": "a heading closes with a different number of '=' than it opens with",
    "heading-empty": "a heading has no text",
    "heading-level-1": "a level-1 heading '= X =' that is not the title on the first line",
    "infobox-misplaced": "an infobox after the first section, or a second infobox",
    "infobox-no-colon": "an infobox item has no ':' between key and value",
    "infobox-empty-key": "an infobox item has nothing before its ':'",
    "infobox-duplicate-key": "an infobox key appears again (the last value wins)",
    "table-row-unclosed": "a table row does not end with '|'",
    "table-ragged": "a table row has more or fewer cells than the header",
    "list-indentation": "a list item is indented unlike the first item of its list",
}


def diagnose(doc: Document) -> tuple[Diagnostic, ...]:
    """Every diagnostic of ``doc``, in document order."""
    return _Checker(positions(doc)).document(doc)


class _Checker:
    def __init__(self, where: Positions) -> None:
        self.where = where
        self.found: list[tuple[int, Diagnostic]] = []

    def add(self, node: Node, column: int, code: str, message: str) -> None:
        """Report ``code`` at ``column`` (0-based, within the node's first line)."""
        start = self.where[node].start
        offset = start.offset + column
        at = self.where.position(offset)
        self.found.append((offset, Diagnostic(at.line, at.column, code, message)))

    def document(self, doc: Document) -> tuple[Diagnostic, ...]:
        if doc.heading is not None:
            self.heading(doc.heading, title=True)
        infoboxes = 0
        for block in doc.blocks:
            if isinstance(block, Infobox):
                infoboxes += 1
                if infoboxes > 1:
                    self.add(block, 0, "infobox-misplaced", "a second infobox; only the first counts")
            self.block(block)
        for section in doc.iter_sections():
            self.heading(section.heading, title=False)
            for block in section.blocks:
                if isinstance(block, Infobox):
                    self.add(block, 0, "infobox-misplaced", "an infobox belongs before the first section")
                self.block(block)
        self.found.sort(key=lambda pair: pair[0])
        return tuple(diagnostic for _, diagnostic in self.found)

    def heading(self, h: Heading, *, title: bool) -> None:
        if h.level == 1 and not title:
            self.add(
                h, 0, "heading-level-1", "a level-1 heading is only allowed as the title, on the first line"
            )
        if not h.text:
            self.add(h, 0, "heading-empty", "heading has no text")
        if h.close is not None and h.close != h.level:
            column = h.level + len(h.space_before) + len(h.text) + len(h.space_after)
            self.add(
                h, column, "heading-unbalanced", f"heading opens with {h.level} '=' but closes with {h.close}"
            )

    def block(self, block: Block) -> None:
        if isinstance(block, Infobox):
            self.infobox(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, BulletList):
            self.bullets(block)

    def infobox(self, box: Infobox) -> None:
        first_line: dict[str, int] = {}
        for item in box.items:
            key_column = len(item.indent) + 1 + len(item.gap)
            if not item.colon:
                self.add(
                    item,
                    key_column + len(item.key),
                    "infobox-no-colon",
                    "infobox item has no ':' after its key",
                )
            elif not item.key:
                self.add(
                    item,
                    key_column + len(item.key_space),
                    "infobox-empty-key",
                    "infobox item has an empty key",
                )
            key = infobox_key(item.key)
            if key in first_line:
                self.add(
                    item,
                    key_column,
                    "infobox-duplicate-key",
                    f"infobox key {item.key!r} already given on line {first_line[key]}; the last value wins",
                )
            else:
                first_line[key] = self.where[item].start.line

    def table(self, table: Table) -> None:
        width = len(table.header.cells)
        for row in (table.header, *table.rows):
            if not row.closed:
                self.add(row, _row_length(row), "table-row-unclosed", "table row does not end with '|'")
            count = len(row.cells)
            if count != width:
                column = _cell_column(row, width) if count > width else _row_length(row)
                self.add(row, column, "table-ragged", f"row has {count} cells, the header has {width}")

    def bullets(self, top: BulletList) -> None:
        stack = [(top, 0)]
        while stack:
            lst, depth = stack.pop()
            first = None
            for item in lst.items:
                indent = canon.indent(depth) if item.indent is None else item.indent
                if first is None:
                    first = indent
                elif len(indent) != len(first):
                    self.add(
                        item,
                        len(indent),
                        "list-indentation",
                        f"list item indented by {len(indent)}, the first item of its list by {len(first)}",
                    )
                if item.children is not None:
                    stack.append((item.children, depth + 1))


def _cell_column(row: Row, index: int) -> int:
    """0-based column where cell ``index`` begins (just after its ``|``)."""
    column = 1
    for i in range(index):
        left, right = _pad(row, i)
        column += len(left) + len(row.cells[i]) + len(right) + 1
    return column


def _row_length(row: Row) -> int:
    """0-based column just past the row's last cell (or closing ``|``)."""
    return _cell_column(row, len(row.cells)) - (0 if row.closed else 1)


def _pad(row: Row, index: int) -> tuple[str, str]:
    pads = row.pads
    return pads[index] if pads is not None and index < len(pads) else canon.pad(row.cells[index])
