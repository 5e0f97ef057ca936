"""Paragraphs: runs of text lines, each kept as written.

The grammar's ``PARAGRAPH`` terminal; a text line is any line that no other
line class claims.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .. import tree
from ..construct import Construct, Kit, Lines, NodeRole, ReadContext
from ..tree import Node
from ._read import paragraph_node
from ._write import write_paragraph

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["CONSTRUCT", "Paragraph"]


@attrs.frozen(eq=False, repr=False)
class Paragraph(Node):
    """One or more lines of running text; ``lines`` keep their own spacing.

    ``Paragraph("one\\ntwo")`` splits a string on ``\\n``.
    """

    lines: tuple[str, ...] = attrs.field(converter=tree.lines)
    eols: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=tree.blanks)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=tree.blanks)

    @property
    def text(self) -> str:
        """The lines, stripped and joined by single spaces."""
        return " ".join(line.strip() for line in self.lines)


def _read(ctx: ReadContext, lines: Lines, blank_before: tuple[str, ...] | None) -> Paragraph:
    para: Paragraph = paragraph_node(Paragraph, lines, ctx.newline, blank_before)
    return para


def _summary(para: Paragraph) -> str:
    text = para.text
    return f"Paragraph {text[:60]!r}{'…' if len(text) > 60 else ''}"


def _strategy(kit: Kit) -> SearchStrategy[Paragraph]:
    strategy: SearchStrategy[Paragraph] = kit.st.builds(
        Paragraph, kit.st.lists(kit.line(), min_size=1, max_size=3)
    )
    return strategy


CONSTRUCT: Construct = Construct(
    name="paragraph",
    terminal="PARAGRAPH",
    read=_read,
    nodes=(NodeRole(cls=Paragraph, write=write_paragraph, summary=_summary),),
    strategy=_strategy,
    first_line=lambda para: para.lines[0] if para.lines else "",
)
