"""Where nodes stand in the text, computed on demand.

Nodes carry no positions: a position stored in a node would go stale the
moment an edit moved it. :func:`positions` serializes the tree once and
records each node's start and end, like LibCST's position metadata, so the
answer is always the one for the tree as it is now. For a parsed document
that text is the original text.

:func:`starts` gives only where each node starts (line and column), without
building the text: what a fact's source needs. For a document of wikirel's
own node classes it counts the lines each node takes (``_count``); any other
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
        found = _count(node)
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


def _count(doc: Any) -> dict[int, tuple[Node, int, int]] | None:
    """Where the nodes of a document of wikirel's own node classes start, in the
    order the serializer meets them, from the number of lines each takes as the
    serializer writes them: one line per heading, infobox line, table row and
    list item, a paragraph's lines, and the blank lines before blocks (as given,
    or the canonical count for ``None``).

    ``None`` for a tree whose layout it does not know (a class of its own or a
    subclass, a blank line that is not one, anything after a line without a
    line break): ``starts`` then asks the serializer's Writer, which raises
    where such a tree cannot be written. Texts are not read: a built tree the
    serializer refuses for a text field (a line break inside a line, a cell
    that is no str) still has its lines counted. Node values are ``Any``: the
    compiled build checks no type of a built tree here. One loop over an
    explicit stack, no call per node: it runs once per extracted article.
    """
    bom = doc.bom
    if bom is not True and bom is not False:
        return None
    found: dict[int, tuple[Node, int, int]] = {id(doc): (doc, 1, 1)}
    line = 1
    column = 2 if bom else 1  # where a node starts on ``line``: after a byte order mark on the first
    # The nodes still to count, the next last, each with its canonical blank
    # lines before it (-1: a list item, which has none).
    todo: list[tuple[Any, int]] = [(section, 1) for section in reversed(doc.sections)]
    heading = doc.heading
    blocks = doc.blocks
    if todo and heading is None and not blocks:
        todo[-1] = (todo[-1][0], canon.start_blanks(_first_line(todo[-1][0]), bom))
    for index in range(len(blocks) - 1, -1, -1):
        first = index == 0 and heading is None
        todo.append((blocks[index], canon.start_blanks(_first_line(blocks[index]), bom) if first else 1))
    if heading is not None:
        todo.append((heading, 0))
    unbroken = False  # the last line counted has no line break: nothing may follow it
    while todo:
        node, canonical = todo.pop()
        if unbroken:
            return None
        cls = type(node)
        if canonical < 0:  # a list item: its line, then its nested list
            found[id(node)] = (node, line, column)
            eol = node.eol
            if eol is None or (type(eol) is str and eol in BREAKS):
                line += 1
                column = 1
            elif type(eol) is str and eol == "":
                unbroken = True
            else:
                return None
            if node.children is not None:
                todo.append((node.children, 0))
            continue
        section = node
        if cls is Section:
            node = node.heading  # the section starts where its heading does
            if type(node) is not Heading:
                return None
        elif cls is not Paragraph and cls not in _BLOCKS:
            return None
        before = node.blank_before
        if before is not None:
            canonical = _blank_lines(before)
            if canonical < 0:
                return None
        if canonical > 0:
            line += canonical
            column = 1
        if cls is Section:  # its heading's line, then its blocks, then its subsections
            found[id(section)] = (section, line, column)
            todo.extend([(sub, 1) for sub in reversed(section.subsections)])
            blocks = section.blocks
            for index in range(len(blocks) - 1, -1, -1):
                todo.append((blocks[index], 1 if index else 0))
        found[id(node)] = (node, line, column)
        if cls is Paragraph:
            eols = node.eols
            count = len(node.lines)
            if eols is not None:
                if len(eols) != count:
                    return None
                for index, eol in enumerate(eols):
                    if eol is not None and (type(eol) is not str or eol not in BREAKS):
                        if type(eol) is not str or eol != "" or index != count - 1:
                            return None
                        unbroken = True
                        count -= 1
            if count:
                line += count
                column = 1
            continue
        if cls is BulletList or cls is NumberedList:
            kind = ListItem if cls is BulletList else NumberedItem
            items = node.items
            for index in range(len(items) - 1, -1, -1):
                if type(items[index]) is not kind:
                    return None
                todo.append((items[index], -1))
            continue
        # One line each: a heading, the line of an infobox and each of its items, each row of a table.
        if cls is Table:
            lines: Any = (node.header, *node.rows)
            leaf: Any = Row
        elif cls is Infobox:
            lines = (node, *node.items)
            leaf = InfoboxItem
        else:
            lines = (node,)
            leaf = Heading
        for index, each in enumerate(lines):
            if index or cls is Table:
                if unbroken or type(each) is not leaf:
                    return None
                found[id(each)] = (each, line, column)
            eol = each.eol
            if eol is None or (type(eol) is str and eol in BREAKS):
                line += 1
                column = 1
            elif type(eol) is str and eol == "":
                unbroken = True
            else:
                return None
    return found


# The blocks _count knows besides paragraphs (a document's or a section's heading included).
_BLOCKS = frozenset({Heading, Infobox, Table, BulletList, NumberedList})


def _blank_lines(lines: Any) -> int:
    """How many blank lines ``lines`` are; -1 for any line the serializer refuses."""
    if type(lines) is not tuple:
        return -1
    for line in lines:
        if type(line) is not str or not _BLANK_LINE.fullmatch(line):
            return -1
    return len(lines)


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
