"""Where nodes stand in the text, computed on demand.

Nodes carry no positions: a position stored in a node would go stale the
moment an edit moved it. :func:`positions` serializes the tree once and
records each node's start and end, like LibCST's position metadata, so the
answer is always the one for the tree as it is now. For a parsed document
that text is the original text.

:func:`starts` gives only where each node starts (line and column), without
building the text: what a fact's source needs. For a document of wikirel's
own node classes it counts the lines each node takes (``_Lines``); any other
tree it walks with the serializer's Writer, counting lines instead of
writing them (``_Counter``). A test holds the two to each other and to
:func:`positions` on built and parsed trees.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from . import _canonical as canon
from ._text import BREAK, BREAKS, LINE_ENDS, WHITESPACE
from .construct import role_of
from .errors import SerializeError
from .markup.numbered import NumberedItem, NumberedList
from .nodes import (
    BulletList,
    Document,
    Heading,
    Infobox,
    InfoboxItem,
    ListItem,
    Node,
    Paragraph,
    Row,
    Section,
    Table,
)
from .serializer import Writer, newline_of

__all__ = ["Position", "Positions", "Span", "positions", "starts"]


@attrs.frozen
class Position:
    """A point in the text: 1-based ``line`` and ``column`` (in code points), 0-based ``offset``."""

    line: int
    column: int
    offset: int


@attrs.frozen
class Span:
    """From a node's first character to just past its last (its final line break excluded)."""

    start: Position
    end: Position


class Positions(Mapping[Node, Span]):
    """Spans of every node of one tree, looked up by node identity.

    Two equal nodes at different places (two ``- a`` items) are different
    keys; a node from another tree is not a key. A parsed tree never holds
    one node object twice; a built one may, and then the span is that of
    its last place.
    """

    def __init__(self, text: str, spans: dict[int, tuple[Node, int, int]]) -> None:
        self.text = text
        self._spans = spans
        self._starts = [0, *(m.end() for m in BREAK.finditer(text))]

    def __getitem__(self, node: Node) -> Span:
        found = self._spans.get(id(node))
        if found is None or found[0] is not node:
            raise KeyError(node)
        return Span(self.position(found[1]), self.position(found[2]))

    def __iter__(self) -> Iterator[Node]:
        return (node for node, _, _ in self._spans.values())

    def __len__(self) -> int:
        return len(self._spans)

    def __contains__(self, node: object) -> bool:
        found = self._spans.get(id(node))
        return found is not None and found[0] is node

    def position(self, offset: int) -> Position:
        """The line and column of ``offset`` in :attr:`text`."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return Position(index + 1, offset - self._starts[index] + 1, offset)

    def line_text(self, line: int) -> str:
        """The content of 1-based ``line``, without its line break."""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def positions(node: Node) -> Positions:
    """Serialize ``node`` and record the span of it and every node below it."""
    writer = Writer(newline_of(node), record=True)
    writer.run(node)
    assert writer.spans is not None
    return Positions("".join(writer.out), writer.spans)


def starts(node: Node) -> dict[int, tuple[Node, int, int]]:
    """Where ``node`` and every node below it start: ``id(node)`` to
    ``(node, line, column)``, both 1-based, as :func:`positions` gives them.

    No text is built and no offsets are looked up, several times cheaper
    than :func:`positions` (extraction asks only where its facts start).
    """
    if type(node) is Document:  # the documents extraction reads: their own layout, counted
        found = _Lines().document(node)
        if found is not None:
            return found
    return _written_starts(node)


def _written_starts(node: Node) -> dict[int, tuple[Node, int, int]]:
    """:func:`starts` by the serializer's walk, counting line breaks instead of writing lines."""
    writer = _Counter(newline_of(node))
    writer.run(node)
    return writer.starts


# A blank line as the serializer takes one (it refuses any other).
_BLANK_LINE = re.compile(f"[{WHITESPACE}]*(?:{BREAK.pattern})")


class _Unknown(Exception):
    """A tree :class:`_Lines` does not know the layout of: the serializer's walk counts it."""


class _Lines:
    """Where the nodes of a document of wikirel's own node classes start, from
    the number of lines each takes, as the serializer writes them: one line per
    heading, infobox line, table row and list item, a paragraph's lines, and
    the blank lines before blocks (as given, or the canonical count for
    ``None``). Node values are read as ``Any``: the compiled build checks no
    type of a built tree here.

    :meth:`document` gives ``None`` for any tree it does not know how the
    serializer lays out (a class of its own or a subclass, a blank line that
    is not one, anything after a line without a line break): ``starts`` then
    asks the serializer's Writer, which raises where such a tree cannot be
    written. Texts are not read: a built tree the serializer refuses for a
    text field (a line break inside a line, a cell that is no str) still has
    its lines counted.
    """

    __slots__ = ("column", "found", "line", "open")

    def __init__(self) -> None:
        self.line = 1
        self.column = 1  # where a node starts on ``line``: 2 after a byte order mark
        self.open = False  # the last line has no line break: nothing may follow it
        self.found: dict[int, tuple[Node, int, int]] = {}

    def document(self, doc: Any) -> dict[int, tuple[Node, int, int]] | None:
        """Every node's start, in the order the serializer meets them; None: ask the serializer."""
        try:
            self._document(doc)
        except _Unknown:
            return None
        return self.found

    def start(self, node: Any) -> None:
        if self.open:
            raise _Unknown
        self.found[id(node)] = (node, self.line, self.column)

    def skip(self, count: int) -> None:
        if count:
            if self.open:
                raise _Unknown
            self.line += count
            self.column = 1

    def end(self, eol: Any) -> None:
        """One line, ending with ``eol`` (``None``: the document's line break)."""
        if eol is None or (type(eol) is str and eol in BREAKS):
            self.skip(1)
        elif type(eol) is str and eol == "" and not self.open:
            self.open = True
        else:
            raise _Unknown

    def blank(self, lines: Any, canonical: int) -> None:
        """A block's blank lines."""
        if lines is None:
            self.skip(canonical)
            return
        if type(lines) is not tuple:
            raise _Unknown
        for line in lines:
            if type(line) is not str or not _BLANK_LINE.fullmatch(line):
                raise _Unknown
        self.skip(len(lines))

    def heading(self, heading: Any, canonical: int) -> None:
        if type(heading) is not Heading:
            raise _Unknown
        self.blank(heading.blank_before, canonical)
        self.start(heading)
        self.end(heading.eol)

    def _document(self, doc: Any) -> None:
        bom = doc.bom
        if bom is not True and bom is not False:
            raise _Unknown
        self.start(doc)
        if bom:
            self.column = 2
        heading = doc.heading
        if heading is not None:
            self.heading(heading, 0)
        blocks = doc.blocks
        for index, block in enumerate(blocks):
            if index or heading is not None:
                self.block(block, 1)
            else:
                self.block(block, canon.start_blanks(_first_line(block), bom))
        sections = doc.sections
        stack: list[tuple[Any, int]] = [(section, 1) for section in reversed(sections)]
        if sections and heading is None and not blocks:
            stack[-1] = (sections[0], canon.start_blanks(_first_line(sections[0]), bom))
        while stack:  # sections in document order: each, its blocks, then its subsections
            section, canonical = stack.pop()
            if type(section) is not Section or type(section.heading) is not Heading:
                raise _Unknown
            self.blank(section.heading.blank_before, canonical)  # before the section starts
            self.start(section)
            self.start(section.heading)
            self.end(section.heading.eol)
            for index, block in enumerate(section.blocks):
                self.block(block, 1 if index else 0)
            stack.extend([(sub, 1) for sub in reversed(section.subsections)])

    def block(self, block: Any, canonical: int) -> None:
        """One block with ``canonical`` blank lines before it for ``None``."""
        cls = type(block)
        if cls is Paragraph:
            eols = block.eols
            if eols is not None and len(eols) != len(block.lines):
                raise _Unknown
            self.blank(block.blank_before, canonical)
            self.start(block)
            if eols is None:
                self.skip(len(block.lines))
            else:
                for eol in eols:
                    self.end(eol)
        elif cls is Infobox:
            self.blank(block.blank_before, canonical)
            self.start(block)
            self.end(block.eol)
            self.leaves(block.items, InfoboxItem)
        elif cls is Table:
            self.blank(block.blank_before, canonical)
            self.start(block)
            self.leaves((block.header, *block.rows), Row)
        elif cls is BulletList or cls is NumberedList:
            self.items(block, canonical)
        elif cls is Heading:
            self.heading(block, canonical)
        else:
            raise _Unknown

    def leaves(self, nodes: Any, cls: Any) -> None:
        """Nodes of ``cls`` one line each (infobox items, table rows)."""
        for node in nodes:
            if type(node) is not cls:
                raise _Unknown
            self.start(node)
            self.end(node.eol)

    def items(self, top: Any, canonical: int) -> None:
        """A list and its items, a nested list after its item (iterative)."""
        stack: list[tuple[Any, int]] = [(top, canonical)]
        while stack:
            node, blanks = stack.pop()
            cls = type(node)
            if blanks >= 0:  # a list: its blank lines, then its items
                item = ListItem if cls is BulletList else NumberedItem if cls is NumberedList else None
                if item is None:
                    raise _Unknown
                self.blank(node.blank_before, blanks)
                self.start(node)
                items = node.items
                for index in range(len(items) - 1, -1, -1):
                    if type(items[index]) is not item:
                        raise _Unknown
                    stack.append((items[index], -1))
            else:  # an item: its line, then its nested list
                self.start(node)
                self.end(node.eol)
                if node.children is not None:
                    stack.append((node.children, 0))


def _first_line(node: Any) -> str:
    """Enough of the first line of a document's first block for :func:`canon.start_blanks`,
    as the serializer asks it."""
    if type(node) is Section:
        node = node.heading
    found = role_of(type(node))
    first_line = None if found is None else found[0].first_line
    return "" if first_line is None else first_line(node)


class _Counter(Writer):
    """A recording :class:`~wikirel.serializer.Writer` that counts lines instead of writing them.

    Every node starts at the start of a line, after the lines before it, except
    after a document's byte order mark or an unterminated line (a built tree
    only): ``_column`` counts the characters written since the last line break.
    """

    __slots__ = ("_column", "_line", "starts")

    def __init__(self, newline: str) -> None:
        super().__init__(newline, record=True)
        self._line = 1
        self._column = 0
        self.starts: dict[int, tuple[Node, int, int]] = {}

    def _flush(self) -> None:
        """Count what the skeleton wrote straight into ``out`` (a byte order mark)."""
        if self.out:
            self._column += sum(map(len, self.out))
            self.out.clear()

    def begin(self, node: Node, stack: Any) -> None:
        self._flush()
        self.starts[id(node)] = (node, self._line, self._column + 1)

    def line(self, text: str, eol: str | None, node: Node | None = None) -> None:
        if node is not None and self._pending:  # in order with the children given before it
            super().line(text, eol, node)
            return
        if "\n" in text or "\r" in text:
            raise SerializeError(f"a line break inside one line of text: {text!r}")
        if eol is not None and (type(eol) is not str or eol not in LINE_ENDS):
            if type(eol) is not str:
                raise TypeError(f"a line break must be a str or None, not {type(eol).__name__}")
            raise SerializeError(f"a line must end with LF, CRLF, CR or nothing, not {eol!r}")
        self._flush()
        if node is not None:
            self.starts[id(node)] = (node, self._line, self._column + 1)
        if eol == "":
            self._column += len(text)
        else:
            self._line += 1
            self._column = 0

    def lines(self, texts: Sequence[str], nodes: Sequence[Node] | None = None) -> None:
        if not texts:
            return
        if nodes is not None and self._pending:  # in order with the children given before them
            super().lines(texts, nodes)
            return
        body = "".join(texts)
        if "\n" in body or "\r" in body:
            raise SerializeError(f"a line break inside one line of text: {tuple(texts)!r}")
        self._flush()
        if nodes is not None:
            for index, node in enumerate(nodes):
                self.starts[id(node)] = (node, self._line + index, self._column + 1 if index == 0 else 1)
        self._line += len(texts)
        self._column = 0

    def blank(self, lines: tuple[str, ...] | None, canonical: int) -> None:
        count = canonical if lines is None else len(lines)
        if count:
            self._flush()
            super().blank(lines, canonical)  # checks the lines
            self.out.clear()
            self._line += count
            self._column = 0

    def end_blanks(self, lines: tuple[str, ...]) -> None:
        """Nothing starts after a document's trailing blank lines."""
