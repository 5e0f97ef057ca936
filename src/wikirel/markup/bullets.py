"""Bullet lists: runs of ``- item`` lines, nested by indentation.

The grammar's ``BULLET_LIST`` terminal. :class:`IndentNesting` and
:func:`check_indentation` are public for other list constructs
(``wikirel.markup.numbered`` uses them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from .. import tree
from ..construct import Checks, Construct, Kit, Lines, NodeRole, Place, ReadContext, WriteContext, plural
from ..tree import CHILD_NODES, Node
from ._read import bullet_items, split_bullet
from ._write import INDENT_STEP as INDENT_STEP  # the canonical indentation step, re-exported
from ._write import write_bullet_item, write_bullets
from ._write import write_item as _write_item
from ._write import write_list as _write_list

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "CONSTRUCT",
    "BulletList",
    "IndentNesting",
    "ListItem",
    "check_indentation",
    "gap",
    "indent",
    "item_layout",
    "split_bullet",
    "write_item",
    "write_list",
]


@attrs.frozen(eq=False, repr=False)
class ListItem(Node):
    """One ``- item`` line and the items indented below it (``children``)."""

    text: str
    children: BulletList | None = attrs.field(metadata=CHILD_NODES, default=None)
    indent: str | None = attrs.field(default=None, kw_only=True)
    gap: str | None = attrs.field(default=None, kw_only=True)
    trailing: str = attrs.field(default="", kw_only=True)
    eol: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen(eq=False, repr=False)
class BulletList(Node):
    """A run of ``- item`` lines, nested by indentation."""

    items: tuple[ListItem, ...] = attrs.field(metadata=CHILD_NODES, converter=tree.to_tuple)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=tree.blanks)


CODES = {"list-indentation": "a list item is indented unlike the first item of its list"}


def indent(depth: int) -> str:
    """Canonical indentation of a list item ``depth`` levels deep."""
    return INDENT_STEP * depth


def gap(text: str) -> str:
    """Canonical white space after an item's marker: none for an empty item."""
    return " " if text else ""


class IndentNesting:
    """Nests list items by indentation width, with an explicit stack.

    For each line: ``depth(width)`` says how deep its item goes (closing
    deeper levels as needed), then ``add(item)``; ``items()`` closes every
    level and returns the top-level items. A closed level becomes
    ``make_list(items)``, the ``children`` of the last item above it.
    """

    __slots__ = ("levels", "make_list")

    def __init__(self, make_list: Callable[[tuple[Any, ...]], Node]) -> None:
        self.make_list: Callable[[tuple[Any, ...]], Node] = make_list
        # Open levels, outermost first: (indent width of the first item, items).
        self.levels: list[tuple[int, list[Any]]] = []

    def depth(self, width: int) -> int:
        levels = self.levels
        while len(levels) > 1 and width <= levels[-2][0]:
            self._close()
        if not levels or width > levels[-1][0]:
            levels.append((width, []))
        return len(levels) - 1

    def add(self, item: Node) -> None:
        self.levels[-1][1].append(item)

    def items(self) -> tuple[Any, ...]:
        while len(self.levels) > 1:
            self._close()
        return tuple(self.levels[0][1])

    def _close(self) -> None:
        """Hang the innermost open level under the last item of its parent."""
        _, items = self.levels.pop()
        siblings = self.levels[-1][1]
        siblings[-1] = attrs.evolve(siblings[-1], children=self.make_list(tuple(items)))


def _read(ctx: ReadContext, lines: Lines, blank_before: tuple[str, ...] | None) -> BulletList:
    nesting = IndentNesting(BulletList)
    bullet_items(nesting, ListItem, lines, ctx.newline)
    return BulletList(nesting.items(), blank_before=blank_before)


def item_layout(
    ctx: ReadContext, depth: int, lead: str, space: str, text: str, trailing: str, eol: str
) -> dict[str, Any]:
    """The layout fields of a list item ``depth`` levels deep (``indent``,
    ``gap``, ``trailing``, ``eol``), ``None`` where they are canonical."""
    return {
        "indent": None if lead == indent(depth) else lead,
        "gap": None if space == gap(text) else space,
        "trailing": trailing,
        "eol": ctx.eol(eol),
    }


def write_list(out: WriteContext, lst: Any, depth: int, marker: Callable[[Any], str] | None = None) -> None:
    """Write a list's items, each at ``depth`` (any list with ``items``).

    With ``marker`` (an item's marker: ``-``, ``2.``), each run of items
    without a nested list is written here, in one call (an item through the
    serializer's stack costs more); an item with one through :func:`write_item`.
    """
    if marker is None:
        for item in lst.items:
            out.child(item, depth)
        return
    _write_list(out, lst.items, depth, marker)


def write_item(out: WriteContext, item: Any, depth: int, marker: str) -> None:
    """Write a list item's line after its ``marker`` (``-``, ``2.``), then its
    ``children`` one level deeper (any item with the layout of ``ListItem``)."""
    _write_item(out, item, depth, marker)


def check_indentation(checks: Checks, top: Any, code: str) -> None:
    """Report ``code`` for every item indented unlike the first item of its
    list, in a list of items with ``indent`` and ``children`` (iterative)."""
    stack = [(top, 0)]
    while stack:
        lst, depth = stack.pop()
        first = None
        for item in lst.items:
            lead = indent(depth) if item.indent is None else item.indent
            if first is None:
                first = lead
            elif len(lead) != len(first):
                checks.report(
                    item,
                    len(lead),
                    code,
                    f"list item indented by {len(lead)}, the first item of its list by {len(first)}",
                )
            if item.children is not None:
                stack.append((item.children, depth + 1))


def _check(checks: Checks, lst: BulletList, place: Place) -> None:
    check_indentation(checks, lst, "list-indentation")


def _summary(lst: BulletList) -> str:
    return f"BulletList ({plural(len(lst.items), 'item')})"


def _strategy(kit: Kit, depth: int = 0) -> SearchStrategy[BulletList]:
    # Combinators rather than @st.composite: a composite needs a signature,
    # which the functions of a mypyc-compiled module do not have.
    st = kit.st
    children = st.none() | _strategy(kit, depth + 1) if depth < 3 else st.none()
    item = st.builds(ListItem, kit.text(), children)
    strategy: SearchStrategy[BulletList] = st.lists(item, min_size=1, max_size=3).map(BulletList)
    return strategy


CONSTRUCT: Construct = Construct(
    name="bullets",
    terminal="BULLET_LIST",
    read=_read,
    nodes=(
        NodeRole(cls=BulletList, write=write_bullets, summary=_summary, drop_empty=True),
        NodeRole(
            cls=ListItem,
            write=write_bullet_item,
            summary=lambda item: f"ListItem {item.text!r}",
            list_item=True,
        ),
    ),
    codes=CODES,
    check=_check,
    strategy=_strategy,
    indent_by_depth=(ListItem,),
)
