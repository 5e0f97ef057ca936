"""``reference_parse``: the tree from the line-level grammar alone.

``grammar/wikirel-lines.lark`` names every part of every line (heading
marks, key, colon, value, cells and their padding, line breaks); Lark's LALR
parser with the contextual lexer parses a text with it, and a
:class:`lark.Transformer` turns each line into its parts while parsing. The
lines then become nodes here: runs of lines into blocks, sections nested by
heading level and list items by indentation, both with explicit stacks (the
grammar is flat, so no tree walk goes deeper than a line). No line is split
in Python: every field of every node is a terminal of the grammar (a
heading's level the length of its marks, a number the value of its digits),
or ``None`` where that terminal is canonical.

It builds the same tree as :func:`wikirel.parse` (a property test holds them
equal for the default format and the numbered dialect), several times
slower (``python -m benchmarks.reference``). Diagnostics come from the tree
(``Document.diagnostics``), not from this parse.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from . import _canonical as canon
from .builder import ReadState, read_state
from .dialect import DEFAULT, OPTIONAL, Dialect
from .grammar import compose_lines
from .markup.bullets import IndentNesting, item_layout
from .markup.infobox import value_space
from .markup.numbered import NumberedItem, NumberedList
from .nodes import (
    Block,
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

if TYPE_CHECKING:
    from lark import Lark, Token

__all__ = ["lines_lark", "reference_parse", "supports"]


class _Line(NamedTuple):
    """One line as the grammar cut it: its rule, its parts by terminal name
    (first occurrence), the line's text without its break, the break
    (``""`` at the end of the text), and the rule's sub-results (an
    infobox's items, a row's cells)."""

    kind: str
    parts: dict[str, str]
    content: str
    eol: str
    inner: tuple[Any, ...] = ()


_EOLS = frozenset({"EOL", "END_OF_TEXT"})


def _line(kind: str, children: Iterable[Any]) -> _Line:
    parts: dict[str, str] = {}
    text: list[str] = []
    inner: list[Any] = []
    eol = ""
    for child in children:
        if isinstance(child, tuple):  # a cell or an item
            inner.append(child)
            text.append(child[0] if isinstance(child, _Cell) else "")
            continue
        name = child.type
        value = str(child)
        if name in _EOLS:
            eol = value
            continue
        parts.setdefault(name, value)
        text.append(value)
    return _Line(kind, parts, "".join(text), eol, tuple(inner))


class _Cell(NamedTuple):
    written: str  # padding and text, as between two pipes
    left: str
    text: str
    right: str


def _transformer() -> Any:
    from lark import Token, Transformer, Tree

    class Lines(Transformer[Token, Any]):
        """Each line rule (an extension's too) to a :class:`_Line`, each cell
        to a :class:`_Cell`, ``start`` to the list of lines."""

        def start(self, children: list[Any]) -> list[Any]:
            return children

        def cell(self, children: list[Token]) -> _Cell:
            parts = {token.type: str(token) for token in children}
            left, text, right = parts.get("PAD_LEFT", ""), parts.get("CELL", ""), parts.get("PAD_RIGHT", "")
            return _Cell(left + text + right, left, text, right)

        def __default__(self, data: str, children: list[Any], meta: object) -> _Line | Tree[Token]:
            if data.startswith("_"):  # a rule Lark inlines into its parent: keep it a tree
                return Tree(data, children)
            return _line(data, children)

    return Lines()


class _EndOfText:
    """Lark post-lexer: END_OF_TEXT after a last line that has no line break."""

    always_accept: tuple[str, ...] = ()

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        from lark import Token

        last = None
        for token in stream:
            yield token
            last = token
        if last is not None and last.type not in ("EOL", "BOM"):
            yield Token("END_OF_TEXT", "")


@functools.cache
def _lark(grammar: str) -> Lark:
    from lark import Lark

    return Lark(grammar, parser="lalr", lexer="contextual", postlex=_EndOfText(), transformer=_transformer())


def lines_lark(dialect: Dialect = DEFAULT) -> Lark:
    """Lark's LALR parser for ``dialect``'s line-level grammar, built on first use."""
    return _lark(_grammar(dialect))


def supports(dialect: Dialect) -> bool:
    """Whether :func:`reference_parse` reads ``dialect``: every extension has
    a line fragment whose line rule this module builds nodes from (the
    numbered construct; an extension written elsewhere has none)."""
    return not _unsupported(dialect)


def _unsupported(dialect: Dialect) -> list[str]:
    # The constructs wikirel ships, whose line rule is named after them.
    return [c.name for c in dialect.extensions if OPTIONAL.get(c.name) != c or c.name not in _RUNS]


def _grammar(dialect: Dialect) -> str:
    missing = _unsupported(dialect)
    if missing:
        raise ValueError(f"reference_parse has no line grammar for construct(s) {missing}")
    return compose_lines([(c.line_grammar, c.line_start or "") for c in dialect.extensions])


def reference_parse(text: str, *, dialect: Dialect = DEFAULT) -> Document:
    """The tree of ``text`` built from the line-level grammar
    (``grammar/wikirel-lines.lark``, with ``dialect``'s line fragments):
    equal to ``parse(text, dialect=dialect)``, and much slower. The
    reference the tests hold :func:`wikirel.parse` to, part by part.

    A dialect's extensions need a line fragment (``Construct.line_grammar``)
    that this module can read; the numbered construct has one.

    >>> from wikirel import Dialect, parse
    >>> text = "== Visits ==\\n| Guest | Date |\\n| A | 1992 |\\n1. first\\n"
    >>> numbered = Dialect(["numbered"])
    >>> reference_parse(text, dialect=numbered) == parse(text, dialect=numbered)
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"reference_parse() takes a str, not {type(text).__name__}")
    text = str.__str__(text)
    lines: list[Any] = lines_lark(dialect).parse(text)  # type: ignore[assignment]
    return _document(lines)


# -- from lines to nodes ---------------------------------------------------------------------------

# What the previous block was; decides how many blank lines are canonical.
_START, _TITLE, _HEADING, _BLOCK = range(4)


def _close(stack: list[tuple[Heading, list[Block], list[Section]]], top: list[Section]) -> None:
    heading, blocks, subsections = stack.pop()
    section = Section(heading, tuple(blocks), tuple(subsections))
    (stack[-1][2] if stack else top).append(section)


def _document(lines: list[Any]) -> Document:
    bom = bool(lines) and not isinstance(lines[0], _Line)  # the BOM token
    if bom:
        lines = lines[1:]
    newline = next((eol for eol in _eols(lines) if eol), "\n")
    ctx = read_state(newline)
    title: Heading | None = None
    lead: list[Block] = []
    top: list[Section] = []
    stack: list[tuple[Heading, list[Block], list[Section]]] = []
    blanks: list[str] = []
    previous = _START
    index, end = 0, len(lines)
    while index < end:
        line = lines[index]
        kind = line.kind
        if kind == "blank":
            blanks.append(line.content + line.eol)
            index += 1
            continue
        if kind == "title":
            title = _heading(ctx, line, 1, None)
            previous = _TITLE
            index += 1
            continue
        # A block is a maximal run of lines of one class (wikirel.lark).
        run_end = index + 1
        if kind in _RUNS:
            while run_end < end and lines[run_end].kind == kind:
                run_end += 1
        before = tuple(blanks)
        blanks.clear()
        at_start = canon.start_blanks(line.content, bom) if previous == _START else -1
        if kind == "heading":
            level = len(line.parts["HEADING_MARKS"])
            heading = _heading(ctx, line, level, ctx.blanks(before, 1 if at_start < 0 else at_start))
            while stack and stack[-1][0].level >= heading.level:
                _close(stack, top)
            stack.append((heading, [], []))
            previous = _HEADING
        else:
            canonical = at_start if at_start >= 0 else 0 if previous == _HEADING else 1
            blank_before = ctx.blanks(before, canonical)
            block: Node
            if kind == "infobox":
                block = _infobox(ctx, line, blank_before)
            else:
                block = _RUNS[kind](ctx, lines[index:run_end], blank_before)
            (stack[-1][1] if stack else lead).append(block)  # type: ignore[arg-type]
            previous = _BLOCK
        index = run_end
    while stack:
        _close(stack, top)
    return Document(title, tuple(lead), tuple(top), bom=bom, newline=newline, trailing=tuple(blanks))


def _eols(lines: Sequence[_Line]) -> Iterator[str]:
    for line in lines:
        yield line.eol
        for item in line.inner:
            if isinstance(item, _Line):
                yield item.eol


def _heading(ctx: ReadState, line: _Line, level: int, blank_before: tuple[str, ...] | None) -> Heading:
    parts = line.parts
    close = len(parts.get("CLOSING_MARKS", ""))
    return Heading(
        level,
        parts.get("HEADING_TEXT", ""),
        close=None if close == level else close,
        space_before=parts.get("SPACE_BEFORE", ""),
        space_after=parts.get("SPACE_AFTER", ""),
        trailing=parts.get("TRAILING", ""),
        eol=ctx.eol(line.eol),
        blank_before=blank_before,
    )


def _infobox(ctx: ReadState, line: _Line, blank_before: tuple[str, ...] | None) -> Infobox:
    items = []
    for item in line.inner:
        parts = item.parts
        value = parts.get("VALUE", "")
        space = parts.get("VALUE_SPACE", "")
        items.append(
            InfoboxItem(
                parts.get("KEY", ""),
                value,
                colon="COLON" in parts,
                indent=parts.get("INDENT", ""),
                gap=parts.get("GAP", ""),
                key_space=parts.get("KEY_SPACE", ""),
                value_space=None if space == value_space(value) else space,
                trailing=parts.get("TRAILING", ""),
                eol=ctx.eol(item.eol),
            )
        )
    return Infobox(
        tuple(items),
        trailing=line.parts.get("TRAILING", ""),
        eol=ctx.eol(line.eol),
        blank_before=blank_before,
    )


def _paragraph(ctx: ReadState, lines: Sequence[_Line], blank_before: tuple[str, ...] | None) -> Paragraph:
    eols = tuple(line.eol for line in lines)
    return Paragraph(
        tuple(line.parts["TEXT_LINE"] for line in lines),
        eols=None if eols.count(ctx.newline) == len(eols) else eols,
        blank_before=blank_before,
    )


def _list_items(
    ctx: ReadState,
    lines: Sequence[_Line],
    indent: str,
    make_item: Callable[[str, dict[str, str], dict[str, Any]], Node],
    make_list: Callable[[tuple[Any, ...]], Node],
) -> tuple[Any, ...]:
    """The top-level items of a run of list lines (``indent``: the name of
    their indentation terminal), nested by indentation with an explicit
    stack; ``make_item(text, parts, layout)`` builds each item."""
    nesting = IndentNesting(make_list)
    for line in lines:
        parts = line.parts
        lead = parts.get(indent, "")
        text = parts.get("ITEM_TEXT", "")
        depth = nesting.depth(len(lead))
        gap, trailing = parts.get("GAP", ""), parts.get("TRAILING", "")
        nesting.add(make_item(text, parts, item_layout(ctx, depth, lead, gap, text, trailing, line.eol)))
    return nesting.items()


def _bullet(text: str, parts: dict[str, str], layout: dict[str, Any]) -> ListItem:
    return ListItem(text, **layout)


def _numbered_item(text: str, parts: dict[str, str], layout: dict[str, Any]) -> NumberedItem:
    digits = parts["NUMBER"]
    number = int(digits)
    written = None if digits == str(number) else digits
    return NumberedItem(number, text, delimiter=parts["DELIMITER"], digits=written, **layout)


def _bullets(ctx: ReadState, lines: Sequence[_Line], blank_before: tuple[str, ...] | None) -> BulletList:
    return BulletList(_list_items(ctx, lines, "INDENT", _bullet, BulletList), blank_before=blank_before)


def _numbered(ctx: ReadState, lines: Sequence[_Line], blank_before: tuple[str, ...] | None) -> NumberedList:
    items = _list_items(ctx, lines, "NUMBERED_INDENT", _numbered_item, NumberedList)
    return NumberedList(items, blank_before=blank_before)


def _table(ctx: ReadState, lines: Sequence[_Line], blank_before: tuple[str, ...] | None) -> Table:
    rows = [_row(ctx, line) for line in lines]
    return Table(rows[0], tuple(rows[1:]), blank_before=blank_before)


def _row(ctx: ReadState, line: _Line) -> Row:
    cells: tuple[_Cell, ...] = line.inner
    canonical = all(cell.written == (f" {cell.text} " if cell.text else " ") for cell in cells)
    return Row(
        tuple(cell.text for cell in cells),
        pads=None if canonical else tuple((cell.left, cell.right) for cell in cells),
        closed="CLOSING_PIPE" in line.parts,
        trailing=line.parts.get("TRAILING", ""),
        eol=ctx.eol(line.eol),
    )


# The line rules whose runs are blocks, and what builds each block. The
# infobox is one rule (its items are inside it); headings and the title are
# lines of their own.
_RUNS: dict[str, Callable[[ReadState, Sequence[_Line], tuple[str, ...] | None], Node]] = {
    "text": _paragraph,
    "bullet": _bullets,
    "row": _table,
    "numbered": _numbered,
}
