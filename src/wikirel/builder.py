"""Nodes from block tokens: the hot half of :func:`wikirel.parse`.

Each block token is split into lines and each line into its semantic parts
and layout; sections nest by heading level and list items by indentation.
Both nestings use explicit stacks, never recursion, so no input depth can
raise ``RecursionError``. Kept apart from :mod:`wikirel.parser` so that the
optional compiled build (mypyc) compiles this module while ``parse`` stays
plain Python, with its own argument checks.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import TYPE_CHECKING, Any

from . import _canonical as canon
from ._text import BREAK, first_break, split_lines
from .errors import InternalError
from .markup import heading as _heading
from .nodes import Block, Document, Heading, Section

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = ["ReadState", "build", "read_state"]

_SPLIT = re.compile(f"({BREAK.pattern})")
# The blank lines a block token starts with (the grammar's _BLANK_RUN).
_BLANK_RUN = re.compile(r"[ \t\r\n]*[\r\n]")

_TITLE_TERMINAL, _HEADING_TERMINAL = _heading.TITLE_TERMINAL, _heading.TERMINAL

# What the previous block was; decides how many blank lines are canonical.
_START, _TITLE, _HEADING, _BLOCK = range(4)


def build(text: str, readers: dict[str, Any], tokens: Callable[[str], Iterable[tuple[str, str]]]) -> Document:
    """The document of ``text`` (an exact ``str``), its blocks cut by ``tokens``."""
    bom = text.startswith("\ufeff")
    body = text[1:] if bom else text
    return _Builder(first_break(body), readers).document(tokens(body), bom)


_Lines = list[tuple[str, str]]


def _lines(block: str) -> _Lines:
    """``(content, line break)`` pairs; the last break may be ``""``."""
    if "\r" not in block:  # the common case, several times faster than the regex
        contents = block.split("\n")
        last = contents.pop()
        pairs = list(zip(contents, repeat("\n")))
        if last:
            pairs.append((last, ""))
        return pairs
    parts = _SPLIT.split(block)
    if parts[-1]:
        parts.append("")
    else:
        parts.pop()
    return list(zip(parts[::2], parts[1::2], strict=True))


class _Builder:
    """Turns the block tokens of one text into nodes."""

    __slots__ = ("canonical_blanks", "newline", "readers")

    def __init__(self, newline: str, readers: dict[str, Any]) -> None:
        self.newline: str = newline
        self.readers: dict[str, Any] = readers
        self.canonical_blanks: tuple[tuple[str, ...], tuple[str, ...]] = ((), (newline,))

    def eol(self, eol: str) -> str | None:
        return None if eol == self.newline else eol

    def blanks(self, lines: tuple[str, ...], canonical: int) -> tuple[str, ...] | None:
        """``None`` when ``lines`` are the canonical ``canonical`` blank lines (0 or 1)."""
        return None if lines == self.canonical_blanks[canonical] else lines

    def document(self, tokens: Iterable[tuple[str, str]], bom: bool) -> Document:
        title: Heading | None = None
        lead: list[Block] = []
        top: list[Section] = []
        # Open sections, outermost first: (heading, blocks, subsections).
        stack: list[tuple[Heading, list[Block], list[Section]]] = []
        trailing: tuple[str, ...] = ()
        previous = _START
        for kind, token in tokens:
            if kind == "BLANK_LINES":  # only at the end of the text
                trailing = tuple(split_lines(token))
                continue
            # A block token starts with the blank lines before it.
            blank_lines: tuple[str, ...] = ()
            if token[0] in " \t\r\n":
                run = _BLANK_RUN.match(token)
                if run is not None:
                    blank_lines = tuple(split_lines(run.group()))
                    token = token[run.end() :]
            lines = _lines(token)
            if kind == _TITLE_TERMINAL:
                title = _heading.read_line(self, lines[0], None)
                previous = _TITLE
                continue
            at_start = canon.start_blanks(lines[0][0], bom) if previous == _START else -1
            if kind == _HEADING_TERMINAL:
                blank = self.blanks(blank_lines, 1 if at_start < 0 else at_start)
                heading = _heading.read_line(self, lines[0], blank)
                while stack and _heading.closes(stack[-1][0], heading):
                    _close(stack, top)
                stack.append((heading, [], []))
                previous = _HEADING
            else:
                canonical = at_start if at_start >= 0 else 0 if previous == _HEADING else 1
                read = self.readers.get(kind)
                if read is None:  # a terminal of the grammar that no construct reads
                    raise InternalError(f"no construct reads {kind} tokens")
                block = read(self, lines, self.blanks(blank_lines, canonical))
                (stack[-1][1] if stack else lead).append(block)
                previous = _BLOCK
        while stack:
            _close(stack, top)
        return Document(title, tuple(lead), tuple(top), bom=bom, newline=self.newline, trailing=trailing)


#: The state a construct's reader gets (a :class:`~wikirel.construct.ReadContext`
#: with the canonical blank lines): the builder's own.
ReadState = _Builder


def read_state(newline: str) -> ReadState:
    """The read state of a document whose newline is ``newline`` (no block readers):
    for another builder of nodes, as the line-level reference parse."""
    return _Builder(newline, {})


def _close(stack: list[tuple[Heading, list[Block], list[Section]]], top: list[Section]) -> None:
    heading, blocks, subsections = stack.pop()
    section = Section(heading, tuple(blocks), tuple(subsections))
    (stack[-1][2] if stack else top).append(section)
