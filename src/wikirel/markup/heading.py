"""Headings ``== Heading ==`` and the title ``= Title =``.

The grammar's ``TITLE`` and ``HEADING`` terminals. A heading opens a section,
so the document skeleton handles it, through this module's hooks: the
builder reads a line with :func:`read_line` and nests sections with
:func:`closes`; :func:`reads_as_title` decides the blank lines at the top of
a document; ``from_json`` bounds the marks with :func:`written_marks`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .. import tree
from ..construct import Checks, Construct, Kit, NodeRole, Place, ReadContext
from ..tree import Node
from ._read import heading_node
from ._write import write_heading

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "CONSTRUCT",
    "TERMINAL",
    "TITLE_TERMINAL",
    "Heading",
    "closes",
    "first_line",
    "is_heading",
    "read_line",
    "reads_as_title",
    "written_marks",
]


@attrs.frozen(eq=False, repr=False)
class Heading(Node):
    """A heading line ``== text ==``; ``level`` counts the opening ``=``.

    Layout: ``close`` is the number of closing ``=`` (``None``: same as
    ``level``), ``space_before``/``space_after`` surround the text, ``trailing``
    is whitespace after the closing marks.
    """

    level: int
    text: str
    close: int | None = attrs.field(default=None, kw_only=True)
    space_before: str = attrs.field(default=" ", kw_only=True)
    space_after: str = attrs.field(default=" ", kw_only=True)
    trailing: str = attrs.field(default="", kw_only=True)
    eol: str | None = attrs.field(default=None, kw_only=True)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=tree.blanks)


CODES = {
    "heading-unbalanced": "a heading closes with a different number of '=' than it opens with",
    "heading-empty": "a heading has no text",
    "heading-level-1": "a level-1 heading '= X =' that is not the title on the first line",
}


def read_line(ctx: ReadContext, line: tuple[str, str], blank_before: tuple[str, ...] | None) -> Heading:
    """The heading of one ``=`` line: level = opening marks, ``close`` the closing ones."""
    heading: Heading = heading_node(Heading, line, ctx.newline, blank_before)
    return heading


def _check(checks: Checks, h: Heading, place: Place) -> None:
    if h.level == 1 and place != "title":
        checks.report(
            h, 0, "heading-level-1", "a level-1 heading is only allowed as the title, on the first line"
        )
    if not h.text:
        checks.report(h, 0, "heading-empty", "heading has no text")
    if h.close is not None and h.close != h.level:
        column = h.level + len(h.space_before) + len(h.text) + len(h.space_after)
        checks.report(
            h, column, "heading-unbalanced", f"heading opens with {h.level} '=' but closes with {h.close}"
        )


def _summary(h: Heading) -> str:
    return f"Heading {'=' * h.level} {h.text!r}"


def _strategy(kit: Kit) -> SearchStrategy[Heading]:
    """Level-2 headings; the strategies set the level they need."""
    strategy: SearchStrategy[Heading] = kit.st.builds(
        Heading, kit.st.just(2), kit.text(min_size=1, edges="=")
    )
    return strategy


# -- hooks: what the document skeleton (builder, serializer, JSON, strategies) asks of headings.

#: The grammar terminal of the title line (offered at the start of the text only) and of a heading.
TITLE_TERMINAL = "TITLE"
TERMINAL = "HEADING"


def reads_as_title(line: str) -> bool:
    """Whether ``line``, first in a document, reads as the title ``= X =`` (one leading ``=``)."""
    return line.startswith("=") and not line.startswith("==")


def closes(outer: Heading, heading: Heading) -> bool:
    """Whether ``heading`` ends the section that ``outer`` heads: sections nest by level."""
    return outer.level >= heading.level


def first_line(h: Heading) -> str:
    """Enough of the heading's line to tell whether it reads as a title (its opening marks)."""
    return "=" * h.level


def is_heading(cls: type) -> bool:
    """Whether node class ``cls`` is a heading (a section's or the title's)."""
    return issubclass(cls, Heading)


def written_marks(fields: Mapping[str, Any]) -> int:
    """How many ``=`` a heading with these ``__init__`` fields makes ``serialize``
    write (for ``from_json``'s bound); ``ValueError`` when no line can have them."""
    level, close = fields["level"], fields.get("close")
    if level < 1 or (close is not None and close < 0):
        raise ValueError("a heading level is at least 1 and close at least 0")
    return int(level + (level if close is None else close))


CONSTRUCT: Construct = Construct(
    name="heading",
    nodes=(NodeRole(cls=Heading, write=write_heading, summary=_summary),),
    codes=CODES,
    check=_check,
    strategy=_strategy,
    first_line=first_line,
)
