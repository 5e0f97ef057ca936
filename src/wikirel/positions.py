"""Where nodes stand in the text, computed on demand.

Nodes carry no positions: a position stored in a node would go stale the
moment an edit moved it. :func:`positions` serializes the tree once and
records each node's start and end, like LibCST's position metadata, so the
answer is always the one for the tree as it is now. For a parsed document
that text is the original text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping

import attrs

from ._text import BREAK
from .nodes import Node
from .serializer import Writer, newline_of

__all__ = ["Position", "Positions", "Span", "positions"]


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
