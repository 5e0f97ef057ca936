"""``parse``: text to nodes.

The grammar (``grammar/wikirel.lark``) cuts the text into blocks, one token
per block (:func:`wikirel.grammar.scan`); this module splits each block into lines and each line into its
semantic parts and layout, then nests sections by heading level and list
items by indentation. Both nestings use explicit stacks, never recursion, so
no input depth can raise ``RecursionError``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from . import _canonical as canon
from ._text import BREAK, WHITESPACE, first_break, split_lines
from .errors import ParseError
from .grammar import scan
from .nodes import (
    Block,
    BulletList,
    Document,
    Heading,
    Infobox,
    InfoboxItem,
    ListItem,
    Paragraph,
    Row,
    Section,
    Table,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = ["parse", "split_lines"]

_WS = WHITESPACE
_SPLIT = re.compile(f"({BREAK.pattern})")
# The blank lines a block token starts with (the grammar's _BLANK_RUN).
_BLANK_RUN = re.compile(r"[ \t\r\n]*[\r\n]")

# What the previous block was; decides how many blank lines are canonical.
_START, _TITLE, _HEADING, _BLOCK = range(4)


def parse(text: str, *, strict: bool = False) -> Document:
    """Parse an article into a :class:`Document`.

    Every string parses and ``serialize(parse(text)) == text``. Malformed
    constructs become nodes and are reported in ``Document.diagnostics``;
    with ``strict=True`` the first of them raises :class:`ParseError`.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    text = str.__str__(text)  # the characters of a str subclass, not its own __str__
    bom = text.startswith("\ufeff")
    body = text[1:] if bom else text
    newline = first_break(body)
    doc = _Builder(newline).document(scan(body), bom)
    if strict and doc.diagnostics:
        raise ParseError.from_diagnostic(doc.diagnostics[0], text)
    return doc


_Lines = list[tuple[str, str]]


def _lines(block: str) -> _Lines:
    """``(content, line break)`` pairs; the last break may be ``""``."""
    if "\r" not in block:  # the common case, several times faster than the regex
        contents = block.split("\n")
        last = contents.pop()
        pairs = [(content, "\n") for content in contents]
        if last:
            pairs.append((last, ""))
        return pairs
    parts = _SPLIT.split(block)
    if parts[-1]:
        parts.append("")
    else:
        parts.pop()
    return list(zip(parts[::2], parts[1::2], strict=True))


def _bullet(content: str) -> tuple[str, str, str, str]:
    """``(indent, gap, text, trailing)`` of a ``- item`` line."""
    stripped = content.lstrip(_WS)
    indent = content[: len(content) - len(stripped)]
    rest = stripped[1:]
    body = rest.rstrip(_WS)
    text = body.lstrip(_WS)
    return indent, body[: len(body) - len(text)], text, rest[len(body) :]


class _Builder:
    """Turns the block tokens of one text into nodes."""

    __slots__ = ("canonical_blanks", "newline")

    def __init__(self, newline: str) -> None:
        self.newline = newline
        self.canonical_blanks = ((), (newline,))

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
            if kind == "TITLE":
                title = self.heading(lines[0], None)
                previous = _TITLE
                continue
            at_start = canon.start_blanks(lines[0][0], bom) if previous == _START else -1
            if kind == "HEADING":
                blank = self.blanks(blank_lines, 1 if at_start < 0 else at_start)
                heading = self.heading(lines[0], blank)
                while stack and stack[-1][0].level >= heading.level:
                    _close(stack, top)
                stack.append((heading, [], []))
                previous = _HEADING
            else:
                canonical = at_start if at_start >= 0 else 0 if previous == _HEADING else 1
                block = _BLOCKS[kind](self, lines, self.blanks(blank_lines, canonical))
                (stack[-1][1] if stack else lead).append(block)
                previous = _BLOCK
        while stack:
            _close(stack, top)
        return Document(title, tuple(lead), tuple(top), bom=bom, newline=self.newline, trailing=trailing)

    def heading(self, line: tuple[str, str], blank_before: tuple[str, ...] | None) -> Heading:
        content, eol = line
        body = content.rstrip(_WS)
        rest = body.lstrip("=")
        inner = rest.rstrip("=")
        text = inner.strip(_WS)
        space_before = inner[: len(inner) - len(inner.lstrip(_WS))]
        level = len(body) - len(rest)
        close = len(rest) - len(inner)
        return Heading(
            level,
            text,
            close=None if close == level else close,
            space_before=space_before,
            space_after=inner[len(space_before) + len(text) :],
            trailing=content[len(body) :],
            eol=self.eol(eol),
            blank_before=blank_before,
        )

    def infobox(self, lines: _Lines, blank_before: tuple[str, ...] | None) -> Infobox:
        first, eol = lines[0]
        return Infobox(
            tuple(self.infobox_item(content, eol) for content, eol in lines[1:]),
            trailing=first[len("Infobox") :],
            eol=self.eol(eol),
            blank_before=blank_before,
        )

    def infobox_item(self, content: str, eol: str) -> InfoboxItem:
        indent, gap, text, trailing = _bullet(content)
        key, colon, value = text.partition(":")
        stripped_key = key.rstrip(_WS)
        stripped_value = value.lstrip(_WS)
        value_space = value[: len(value) - len(stripped_value)]
        return InfoboxItem(
            stripped_key,
            stripped_value,
            colon=bool(colon),
            indent=indent,
            gap=gap,
            key_space=key[len(stripped_key) :],
            value_space=None if value_space == canon.value_space(stripped_value) else value_space,
            trailing=trailing,
            eol=self.eol(eol),
        )

    def paragraph(self, lines: _Lines, blank_before: tuple[str, ...] | None) -> Paragraph:
        contents, eols = zip(*lines, strict=True)
        return Paragraph(
            contents,
            eols=None if eols.count(self.newline) == len(eols) else eols,
            blank_before=blank_before,
        )

    def bullet_list(self, lines: _Lines, blank_before: tuple[str, ...] | None) -> BulletList:
        # Open levels, outermost first: (indent width of the first item, items).
        levels: list[tuple[int, list[ListItem]]] = []
        for content, eol in lines:
            indent, gap, text, trailing = _bullet(content)
            width = len(indent)
            while len(levels) > 1 and width <= levels[-2][0]:
                _close_level(levels)
            if not levels or width > levels[-1][0]:
                levels.append((width, []))
            depth = len(levels) - 1
            item = ListItem(
                text,
                indent=None if indent == canon.indent(depth) else indent,
                gap=None if gap == canon.gap(text) else gap,
                trailing=trailing,
                eol=self.eol(eol),
            )
            levels[-1][1].append(item)
        while len(levels) > 1:
            _close_level(levels)
        return BulletList(tuple(levels[0][1]), blank_before=blank_before)

    def table(self, lines: _Lines, blank_before: tuple[str, ...] | None) -> Table:
        rows = [self.row(content, eol) for content, eol in lines]
        return Table(rows[0], tuple(rows[1:]), blank_before=blank_before)

    def row(self, content: str, eol: str) -> Row:
        body = content.rstrip(_WS)
        closed = len(body) > 1 and body[-1] == "|"
        parts = (body[1:-1] if closed else body[1:]).split("|")
        cells = [part.strip(_WS) for part in parts]
        pads = None
        if not all(part == canon.padded(cell) for part, cell in zip(parts, cells, strict=True)):
            pads = []
            for part, cell in zip(parts, cells, strict=True):
                left = part[: len(part) - len(part.lstrip(_WS))]
                pads.append((left, part[len(left) + len(cell) :]))
        return Row(
            tuple(cells),
            pads=None if pads is None else tuple(pads),
            closed=closed,
            trailing=content[len(body) :],
            eol=self.eol(eol),
        )


def _close_level(levels: list[tuple[int, list[ListItem]]]) -> None:
    """Hang the innermost open level under the last item of its parent."""
    _, items = levels.pop()
    siblings = levels[-1][1]
    siblings[-1] = attrs.evolve(siblings[-1], children=BulletList(tuple(items)))


def _close(stack: list[tuple[Heading, list[Block], list[Section]]], top: list[Section]) -> None:
    heading, blocks, subsections = stack.pop()
    section = Section(heading, tuple(blocks), tuple(subsections))
    (stack[-1][2] if stack else top).append(section)


_BLOCKS: dict[str, Callable[[_Builder, _Lines, tuple[str, ...] | None], Block]] = {
    "INFOBOX": _Builder.infobox,
    "PARAGRAPH": _Builder.paragraph,
    "BULLET_LIST": _Builder.bullet_list,
    "TABLE": _Builder.table,
}
