"""Pipe tables: runs of ``| a | b |`` rows, the first row the header.

The grammar's ``TABLE`` terminal. No ``|---|`` separator row and no escape:
a cell cannot contain ``|``. Ragged rows keep exactly their cells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .. import tree
from ..construct import Checks, Construct, Kit, Lines, NodeRole, Place, ReadContext, plural
from ..tree import CHILD_NODES, Node
from ._read import table_rows
from ._write import write_row, write_table

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["CONSTRUCT", "Row", "Table", "pad"]


@attrs.frozen(eq=False, repr=False)
class Row(Node):
    """One ``| a | b |`` line; ``cells`` are the stripped cell texts.

    Layout: ``pads`` holds each cell's (left, right) whitespace, ``closed``
    says whether the line ends with ``|``.
    """

    cells: tuple[str, ...] = attrs.field(converter=tree.to_tuple)
    pads: tuple[tuple[str, str], ...] | None = attrs.field(default=None, kw_only=True, converter=tree.pads)
    closed: bool = attrs.field(default=True, kw_only=True)
    trailing: str = attrs.field(default="", kw_only=True)
    eol: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen(eq=False, repr=False)
class Table(Node):
    """A pipe table: the first row is the header, the rest are body rows."""

    header: Row = attrs.field(metadata=CHILD_NODES)
    rows: tuple[Row, ...] = attrs.field(metadata=CHILD_NODES, default=(), converter=tree.to_tuple)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=tree.blanks)

    @property
    def keys(self) -> tuple[str, ...]:
        """Record keys: header cells; blank or repeated ones, and cells past
        the header, get ``"column N"`` (N counted from 1), made unique."""
        width = max([len(self.header.cells), *(len(row.cells) for row in self.rows)])
        return _record_keys(self.header.cells, width)

    def records(self) -> list[dict[str, str]]:
        """Body rows as dicts keyed by :attr:`keys`; short rows pad with ``""``."""
        keys = self.keys
        width = len(self.header.cells)
        out = []
        for row in self.rows:
            cells = row.cells
            if len(cells) < width:
                cells = cells + ("",) * (width - len(cells))
            out.append(dict(zip(keys, cells, strict=False)))  # keys span the widest row
        return out


CODES = {
    "table-row-unclosed": "a table row does not end with '|'",
    "table-ragged": "a table row has more or fewer cells than the header",
}


def _record_keys(header: tuple[str, ...], width: int) -> tuple[str, ...]:
    keys: list[str] = []
    seen: set[str] = set()
    # Per base: the next suffix to try, so n equal cells cost O(n), not O(n²).
    suffix: dict[str, int] = {}
    for index in range(width):
        base = header[index] if index < len(header) and header[index] else f"column {index + 1}"
        key = base
        if key in seen:
            n = suffix.get(base, 2)
            while (key := f"{base} ({n})") in seen:
                n += 1
            suffix[base] = n + 1
        seen.add(key)
        keys.append(key)
    return tuple(keys)


def pad(cell: str) -> tuple[str, str]:
    """Canonical white space around a cell: ``| a |``, an empty cell ``| |``."""
    return (" ", " ") if cell else (" ", "")


def _read(ctx: ReadContext, lines: Lines, blank_before: tuple[str, ...] | None) -> Table:
    rows = table_rows(Row, lines, ctx.newline)
    return Table(rows[0], tuple(rows[1:]), blank_before=blank_before)


def _check(checks: Checks, table: Table, place: Place) -> None:
    width = len(table.header.cells)
    for row in (table.header, *table.rows):
        if not row.closed:
            checks.report(row, _row_length(row), "table-row-unclosed", "table row does not end with '|'")
        count = len(row.cells)
        if count != width:
            column = _cell_column(row, width) if count > width else _row_length(row)
            message = f"row has {plural(count, 'cell')}, the header has {width}"
            checks.report(row, column, "table-ragged", message)


def _cell_column(row: Row, index: int) -> int:
    """0-based column where cell ``index`` begins (just after its ``|``)."""
    column = 1
    pads = row.pads
    for i in range(index):
        cell = row.cells[i]
        left, right = pads[i] if pads is not None and i < len(pads) else pad(cell)
        column += len(left) + len(cell) + len(right) + 1
    return column


def _row_length(row: Row) -> int:
    """0-based column just past the row's last cell (or closing ``|``)."""
    return _cell_column(row, len(row.cells)) - (0 if row.closed else 1)


def _strategy(kit: Kit) -> SearchStrategy[Table]:
    # Combinators rather than @st.composite: a composite needs a signature,
    # which the functions of a mypyc-compiled module do not have.
    st = kit.st
    cell = kit.text(forbid="|")

    def of_width(width: int) -> SearchStrategy[Table]:
        row = st.lists(cell, min_size=width, max_size=width).map(Row)
        table: SearchStrategy[Table] = st.builds(Table, row, st.lists(row, max_size=4))
        return table

    strategy: SearchStrategy[Table] = st.integers(1, 4).flatmap(of_width)
    return strategy


def _summary(table: Table) -> str:
    return f"Table ({plural(len(table.header.cells), 'column')}, {plural(len(table.rows), 'row')})"


CONSTRUCT: Construct = Construct(
    name="table",
    terminal="TABLE",
    read=_read,
    nodes=(
        NodeRole(cls=Table, write=write_table, summary=_summary),
        NodeRole(cls=Row, write=write_row, summary=lambda row: f"Row {list(row.cells)!r}"),
    ),
    codes=CODES,
    check=_check,
    strategy=_strategy,
)
