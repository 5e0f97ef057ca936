"""The document skeleton: ``Document`` and ``Section``.

The parser nests sections by heading level and the serializer writes the
blank lines between blocks, so these two node classes have no reader or
writer here; the construct gives their summaries, and the one check that
concerns the whole text: whether it is MediaWiki wikitext instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from .. import tree
from ..construct import Construct, NodeRole
from ..errors import Diagnostic
from ..tree import CHILD_BLOCKS, CHILD_NODES, Node
from .bullets import BulletList
from .heading import Heading
from .infobox import Infobox
from .paragraph import Paragraph
from .table import Table

__all__ = ["CONSTRUCT", "WIKITEXT_OPENERS", "Block", "Document", "Section", "wikitext_mark"]

#: The block node classes of the default format (a dialect may add more).
Block = Infobox | Paragraph | BulletList | Table


@attrs.frozen(eq=False, repr=False)
class Section(Node):
    """A heading, the blocks under it, and deeper sections (by heading level)."""

    heading: Heading = attrs.field(metadata=CHILD_NODES)
    blocks: tuple[Block, ...] = attrs.field(metadata=CHILD_BLOCKS, default=(), converter=tree.to_tuple)
    subsections: tuple[Section, ...] = attrs.field(metadata=CHILD_NODES, default=(), converter=tree.to_tuple)

    @property
    def title(self) -> str:
        """The heading text."""
        return self.heading.text

    @property
    def level(self) -> int:
        """The heading level (2 for ``== X ==``)."""
        return self.heading.level


@attrs.frozen(eq=False, repr=False)
class Document(Node):
    """A whole article: the title heading, the lead blocks, the sections.

    Layout: ``bom`` (text began with U+FEFF), ``newline`` (the first line
    break of the text; ``eol=None`` fields mean this), ``trailing`` (blank
    lines at the very end).
    """

    heading: Heading | None = attrs.field(metadata=CHILD_NODES, default=None)
    blocks: tuple[Block, ...] = attrs.field(metadata=CHILD_BLOCKS, default=(), converter=tree.to_tuple)
    sections: tuple[Section, ...] = attrs.field(metadata=CHILD_NODES, default=(), converter=tree.to_tuple)
    bom: bool = attrs.field(default=False, kw_only=True)
    newline: str = attrs.field(default="\n", kw_only=True)
    trailing: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=tree.to_tuple)
    _diagnostics: tuple[Diagnostic, ...] | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def title(self) -> str | None:
        """The title text, or ``None`` when the first line is no ``= Title =``."""
        return None if self.heading is None else self.heading.text

    @property
    def infobox(self) -> Infobox | None:
        """The first infobox (in the lead, else anywhere in the document), or ``None``."""
        for block in self.blocks:
            if isinstance(block, Infobox):
                return block
        for section in self.iter_sections():
            for block in section.blocks:
                if isinstance(block, Infobox):
                    return block
        return None

    def iter_sections(self) -> Iterator[Section]:
        """Every section, nested ones included, in document order."""
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.subsections))

    def find_section(self, title: str) -> Section | None:
        """The first section whose title matches, ignoring case and outer spaces."""
        wanted = title.strip().casefold()
        for section in self.iter_sections():
            if section.title.strip().casefold() == wanted:
                return section
        return None

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Malformed constructs, computed from the tree on first use.

        Derived from the nodes rather than stored by the parser, so an edited
        document (``attrs.evolve``) never reports stale findings.
        """
        found = self._diagnostics
        if found is None:
            # The one upward import: diagnostics need positions, which need
            # the serializer, which needs these nodes. Imported on first use.
            from ..diagnostics import diagnose

            found = diagnose(self)
            object.__setattr__(self, "_diagnostics", found)
        return found


CODES = {
    "wikitext-markup": "the text looks like MediaWiki wikitext, which wikirel does not read (a hint, once)",
}

# Marks of MediaWiki wikitext that the format never uses: how each starts, the
# pattern the rest must match there (None: a line start is enough) and what it is.
# Each pattern stops at the next bracket, quote or line break, where the next
# candidate can start at the earliest, so trying every candidate stays linear.
_MARKS: tuple[tuple[str, re.Pattern[str] | None, str], ...] = (
    ("{{", re.compile(r"\{\{[ \t]*[^\s{}|]"), "'{{' starts a template"),
    ("[[", re.compile(r"\[\[[^\s\[\]][^\[\]\r\n]*\]\]"), "'[[...]]' is a wikilink"),
    ("{|", None, "'{|' starts a table"),
    ("'''", re.compile(r"'''[^'\r\n]+'''"), "'''...''' is bold"),
)
#: How each wikitext mark starts: text without these draws no ``wikitext-markup``,
#: whatever stands around it.
WIKITEXT_OPENERS: tuple[str, ...] = tuple(opener for opener, _, _ in _MARKS)


def wikitext_mark(text: str) -> tuple[int, str] | None:
    """The offset of the first MediaWiki wikitext mark in ``text`` and the
    ``wikitext-markup`` message for it; ``None`` when there is none."""
    best: tuple[int, str] | None = None
    for opener, pattern, what in _MARKS:
        if opener[0] not in text:  # one character: as fast as memchr; most texts stop here
            continue
        end = len(text) if best is None else best[0]
        start = text.find(opener, 0, end)
        while start != -1:
            if (start == 0 or text[start - 1] in "\r\n") if pattern is None else pattern.match(text, start):
                best = start, what
                break
            start = text.find(opener, start + 1, end)
    if best is None:
        return None
    return best[0], (
        f"this looks like MediaWiki wikitext ({best[1]}); wikirel reads its own plain "
        "format, not wikitext: convert the article first (see 'Not MediaWiki wikitext' in docs/format.md)"
    )


def _summary(node: Document | Section) -> str:
    return f"{type(node).__name__} {node.title!r}"


CONSTRUCT: Construct = Construct(
    name="document",
    codes=CODES,
    nodes=(
        NodeRole(cls=Document, write=None, summary=_summary),
        NodeRole(cls=Section, write=None, summary=_summary),
    ),
)
