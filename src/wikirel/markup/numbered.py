"""Numbered lists (``1. item``, ``2) item``, nested by indentation): an opt-in construct.

Not part of the default format: ``wikirel.Dialect(["numbered"])`` turns it
on. It is also the worked example of an extension: everything it needs is in
this module (its node classes, its grammar fragment, read, write, check,
summaries, strategy), it uses only wikirel's public API (``wikirel.construct``,
``wikirel.nodes``, ``wikirel.errors`` and the list helpers of
``wikirel.markup.bullets``), and wikirel knows of it through one line of
:data:`wikirel.dialect.OPTIONAL`. An extension outside wikirel is written
the same way and passed to :class:`wikirel.Dialect` as the ``Construct``.

A numbered line is optional spaces or tabs, 1 to 9 digits, ``.`` or ``)``,
then a space, a tab or the line end. The item's ``number`` is the digits'
value (``digits`` keeps them as written when that differs, ``007``);
items nest by indentation exactly as bullet items do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ..construct import (
    Checks,
    Construct,
    Kit,
    Lines,
    NodeRole,
    Place,
    ReadContext,
    WriteContext,
    blank_lines,
    plural,
)
from ..errors import InternalError
from ..nodes import CHILD_NODES, Node
from .bullets import IndentNesting, check_indentation, item_layout, split_bullet, write_item, write_list

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["CONSTRUCT", "NumberedItem", "NumberedList"]


# A tuple-of-nodes field's converter, typed for its item class: mypy's attrs
# plugin takes the __init__ argument's type from the converter, and cannot
# from a generic one.
def _items(items: Iterable[NumberedItem]) -> tuple[NumberedItem, ...]:
    return tuple(items)


@attrs.frozen(eq=False, repr=False)
class NumberedItem(Node):
    """One ``1. item`` line and the items indented below it (``children``).

    Layout: ``delimiter`` (``"."`` or ``")"``), ``digits`` (the number as
    written, when not ``str(number)``), ``indent`` and ``gap`` (``None``:
    canonical), ``trailing`` white space, ``eol``.
    """

    number: int
    text: str
    children: NumberedList | None = attrs.field(default=None, metadata=CHILD_NODES)
    delimiter: str = attrs.field(default=".", kw_only=True)
    digits: str | None = attrs.field(default=None, kw_only=True)
    indent: str | None = attrs.field(default=None, kw_only=True)
    gap: str | None = attrs.field(default=None, kw_only=True)
    trailing: str = attrs.field(default="", kw_only=True)
    eol: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen(eq=False, repr=False)
class NumberedList(Node):
    """A run of numbered lines, nested by indentation."""

    items: tuple[NumberedItem, ...] = attrs.field(converter=_items, metadata=CHILD_NODES)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=blank_lines)


# Where a numbered line starts; text lines may not start so.
# The number and the delimiter are written once, here: the block grammar's
# line start, the line grammar's terminals and the reader's split use them.
_NUMBER = r"[0-9]{1,9}"
_DELIMITER = r"[.)]"
_MARKER = _NUMBER + _DELIMITER + r"(?=[ \t\r\n]|\Z)"
LINE_START = r"[ \t]*" + _MARKER

GRAMMAR = rf"""
NUMBERED_LINE: /{LINE_START}/ _REST _EOL
NUMBERED_LIST.2: _BLANK_RUN? NUMBERED_LINE+
"""

# The same lines, part by part, for the line-level grammar (wikirel-lines.lark):
# the text, gap and trailing spaces read as a bullet's do. Written out rather
# than formatted from the patterns above, so that docs/format.md can quote it
# as it is; the reference tests hold it to LINE_START.
LINE_GRAMMAR = r"""
// <numbered>
// `1. item`, `2) item`: optional spaces or tabs, 1 to 9 digits, `.` or `)`,
// then a space, a tab or the line end; the rest reads as a bullet's.
numbered: NUMBERED_INDENT? NUMBER DELIMITER GAP? ITEM_TEXT? TRAILING? _eol
%extend _line: numbered

NUMBERED_INDENT: /[ \t]++(?=[0-9]{1,9}[.)](?:[ \t\r\n]|\Z))/
NUMBER: /[0-9]{1,9}(?=[.)](?:[ \t\r\n]|\Z))/
DELIMITER: /[.)]/
// </numbered>
"""

CODES = {"numbered-indentation": "a numbered item is indented unlike the first item of its list"}

_MARKER_AT = re.compile(rf"[ \t]*({_NUMBER})({_DELIMITER})")


def _read(ctx: ReadContext, lines: Lines, blank_before: tuple[str, ...] | None) -> NumberedList:
    nesting = IndentNesting(NumberedList)
    for content, eol in lines:
        found = _MARKER_AT.match(content)
        if found is None:  # the grammar's NUMBERED_LINE matched this line
            raise InternalError(f"not a numbered line: {content!r}")
        digits, delimiter = found.groups()
        lead, space, text, trailing = split_bullet(content, len(digits) + len(delimiter))
        number = int(digits)
        depth = nesting.depth(len(lead))
        layout = item_layout(ctx, depth, lead, space, text, trailing, eol)
        digits_layout = None if digits == str(number) else digits
        nesting.add(NumberedItem(number, text, delimiter=delimiter, digits=digits_layout, **layout))
    return NumberedList(nesting.items(), blank_before=blank_before)


def _marker(item: NumberedItem) -> str:
    return (str(item.number) if item.digits is None else item.digits) + item.delimiter


def _write_list(out: WriteContext, lst: NumberedList, depth: int) -> None:
    write_list(out, lst, depth, _marker)


def _write_item(out: WriteContext, item: NumberedItem, depth: int) -> None:
    write_item(out, item, depth, _marker(item))


def _check(checks: Checks, lst: NumberedList, place: Place) -> None:
    check_indentation(checks, lst, "numbered-indentation")


def _strategy(kit: Kit, depth: int = 0) -> SearchStrategy[NumberedList]:
    # Combinators rather than @st.composite, as in the bullets construct.
    st = kit.st
    children = st.none() | _strategy(kit, depth + 1) if depth < 3 else st.none()
    item = st.tuples(kit.text(), children)
    strategy: SearchStrategy[NumberedList] = st.lists(item, min_size=1, max_size=3).map(_numbered)
    return strategy


def _numbered(items: list[tuple[str, NumberedList | None]]) -> NumberedList:
    return NumberedList([NumberedItem(n, text, kids) for n, (text, kids) in enumerate(items, 1)])


def _summary(lst: NumberedList) -> str:
    return f"NumberedList ({plural(len(lst.items), 'item')})"


def _summary_item(item: NumberedItem) -> str:
    return f"NumberedItem {item.number}{item.delimiter} {item.text!r}"


CONSTRUCT: Construct = Construct(
    name="numbered",
    terminal="NUMBERED_LIST",
    read=_read,
    grammar=GRAMMAR,
    line_start=LINE_START,
    line_grammar=LINE_GRAMMAR,
    nodes=(
        NodeRole(cls=NumberedList, write=_write_list, summary=_summary, drop_empty=True),
        NodeRole(cls=NumberedItem, write=_write_item, summary=_summary_item, list_item=True),
    ),
    codes=CODES,
    check=_check,
    strategy=_strategy,
    indent_by_depth=(NumberedItem,),
)
