"""Where nodes stand in the text, computed on demand.

Nodes carry no positions: a position stored in a node would go stale the
moment an edit moved it. :func:`positions` serializes the tree once and
records each node's start and end, like LibCST's position metadata, so the
answer is always the one for the tree as it is now. For a parsed document
that text is the original text.

:func:`starts` gives only where each node starts (line and column), from
the same walk without building the text: what a fact's source needs.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from ._text import BREAK, LINE_ENDS
from .errors import SerializeError
from .nodes import Node
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

    The serializer's walk, counting line breaks instead of writing lines: no
    text is built and no offsets are looked up, several times cheaper than
    :func:`positions` (extraction asks only where its facts start).
    """
    writer = _Counter(newline_of(node))
    writer.run(node)
    return writer.starts


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
