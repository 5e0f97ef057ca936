"""``serialize``: nodes back to text.

Layout fields are written as they are; a ``None`` layout field is written in
its canonical form for where the node stands. The walk keeps an explicit
stack, so the deepest tree serializes without recursion. The same walk can
record where each node starts and ends (:mod:`wikirel.positions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from . import _canonical as canon
from ._text import BREAK, BREAKS, WHITESPACE, break_of
from .errors import SerializeError
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

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["serialize"]


def serialize(node: Node, *, newline: str | None = None) -> str:
    """The text of ``node``; ``serialize(parse(text)) == text`` always.

    ``newline`` is written wherever a line break is canonical (``eol=None``);
    it defaults to the document's own, or ``"\\n"`` for a node on its own.
    Raises :class:`~wikirel.errors.SerializeError` (a ``ValueError``) for a
    tree that cannot be written line by line: a line break inside a text
    field, or a line-break field that is not one.
    """
    newline = newline or newline_of(node)
    if newline not in BREAKS:
        raise SerializeError(f"newline must be LF, CRLF or CR, not {newline!r}")
    writer = Writer(newline)
    writer.run(node)
    return "".join(writer.out)


def newline_of(node: Node) -> str:
    """The newline ``serialize`` writes for ``node`` by default."""
    return node.newline if isinstance(node, Document) else "\n"


class _End:
    """Stack marker: the node below it has been written in full."""

    __slots__ = ("node",)

    def __init__(self, node: Node) -> None:
        self.node = node


# A stack entry: a node with its canonical blank-line count and list depth,
# literal text, or an end marker.
_Stack: TypeAlias = "list[tuple[Node, int, int] | str | _End]"


class Writer:
    """Writes nodes with an explicit stack; records spans for :mod:`wikirel.positions`."""

    __slots__ = ("_counted", "_done", "_eol", "newline", "out", "spans")

    def __init__(self, newline: str, *, record: bool = False) -> None:
        self.newline = newline
        self.out: list[str] = []
        # id(node) -> (node, start offset, end offset), when recording.
        self.spans: dict[int, tuple[Node, int, int]] | None = {} if record else None
        self._done = 0  # characters in out[: self._counted]
        self._counted = 0
        self._eol = ""  # the last line break written

    def run(self, root: Node) -> None:
        stack: _Stack = [(root, 0, 0)]
        out = self.out
        while stack:
            entry = stack.pop()
            if type(entry) is tuple:
                node, blanks, depth = entry
                _WRITERS[type(node)](self, node, blanks, depth, stack)
            elif type(entry) is str:
                out.append(entry)
            else:
                self._finish(entry.node)  # type: ignore[union-attr]

    # -- helpers used by the per-node writers ---------------------------------

    def begin(self, node: Node, stack: _Stack) -> None:
        """Mark where ``node`` starts (after its blank lines)."""
        if self.spans is not None:
            self.spans[id(node)] = (node, self._offset(), -1)
            stack.append(_End(node))

    def _finish(self, node: Node) -> None:
        assert self.spans is not None
        start = self.spans[id(node)][1]
        end = max(start, self._offset() - len(self._eol))
        self.spans[id(node)] = (node, start, end)

    def _offset(self) -> int:
        out = self.out
        self._done += sum(map(len, out[self._counted :]))
        self._counted = len(out)
        return self._done

    def blank(self, lines: tuple[str, ...] | None, canonical: int) -> None:
        if lines is None:
            if canonical:
                self.out.append(self.newline * canonical)
                self._eol = self.newline
        elif lines:
            for line in lines:
                if not _BLANK_LINE.fullmatch(line):
                    raise SerializeError(f"not a blank line: {line!r}")
            self.out.extend(lines)
            self._eol = break_of(lines[-1])

    def line(self, text: str, eol: str | None) -> None:
        # Parsed trees never trip these; built ones could otherwise write
        # text that parses back as something else.
        if "\n" in text or "\r" in text:
            raise SerializeError(f"a line break inside one line of text: {text!r}")
        if eol is None:
            eol = self.newline
        elif eol not in _EOLS:
            raise SerializeError(f"a line must end with LF, CRLF, CR or nothing, not {eol!r}")
        self.out.append(text + eol)
        self._eol = eol


_EOLS = (*BREAKS, "")
_BLANK_LINE = re.compile(f"[{WHITESPACE}]*(?:{BREAK.pattern})?")


def _document(w: Writer, doc: Document, _: int, __: int, stack: _Stack) -> None:
    w.begin(doc, stack)
    if doc.bom:
        w.out.append("\ufeff")
    stack.extend(reversed(doc.trailing))

    def first(node: Node) -> int:
        return 1 if doc.heading is not None else canon.start_blanks(_first_line(node), doc.bom)

    after_lead = doc.heading is not None or bool(doc.blocks)
    stack.extend((s, 1 if i or after_lead else first(s), 0) for i, s in _backwards(doc.sections))
    stack.extend((b, 1 if i else first(b), 0) for i, b in _backwards(doc.blocks))
    if doc.heading is not None:
        stack.append((doc.heading, 0, 0))


def _first_line(node: Node) -> str:
    """Enough of the first line of a document's first block for :func:`canon.start_blanks`."""
    if isinstance(node, Section):
        return "=" * node.heading.level
    if isinstance(node, Paragraph) and node.lines:
        return node.lines[0]
    return ""


def _section(w: Writer, section: Section, blanks: int, _: int, stack: _Stack) -> None:
    # The heading's blank lines come before the section's start.
    w.blank(section.heading.blank_before, blanks)
    w.begin(section, stack)
    stack.extend((s, 1, 0) for s in reversed(section.subsections))
    stack.extend((b, 1 if i else 0, 0) for i, b in _backwards(section.blocks))
    stack.append((section.heading, -1, 0))


def _heading(w: Writer, h: Heading, blanks: int, _: int, stack: _Stack) -> None:
    if blanks >= 0:  # -1: the enclosing section wrote them
        w.blank(h.blank_before, blanks)
    w.begin(h, stack)
    close = h.level if h.close is None else h.close
    w.line(
        "=" * h.level + h.space_before + h.text + h.space_after + "=" * close + h.trailing,
        h.eol,
    )


def _infobox(w: Writer, box: Infobox, blanks: int, _: int, stack: _Stack) -> None:
    w.blank(box.blank_before, blanks)
    w.begin(box, stack)
    w.line("Infobox" + box.trailing, box.eol)
    if w.spans is None:  # no positions to record: write the items here, not via the stack
        for item in box.items:
            w.line(_item_text(item), item.eol)
    else:
        stack.extend((item, 0, 0) for item in reversed(box.items))


def _infobox_item(w: Writer, item: InfoboxItem, _: int, __: int, stack: _Stack) -> None:
    w.begin(item, stack)
    w.line(_item_text(item), item.eol)


def _item_text(item: InfoboxItem) -> str:
    text = item.indent + "-" + item.gap + item.key + item.key_space
    if item.colon or item.value:
        space = canon.value_space(item.value) if item.value_space is None else item.value_space
        text += ":" + space + item.value
    return text + item.trailing


def _paragraph(w: Writer, para: Paragraph, blanks: int, _: int, stack: _Stack) -> None:
    w.blank(para.blank_before, blanks)
    w.begin(para, stack)
    eols = para.eols
    if eols is None:  # every line ends with the document's newline
        newline = w.newline
        body = "".join(para.lines)
        if "\n" in body or "\r" in body:
            raise SerializeError(f"a line break inside a paragraph line: {para.lines!r}")
        w.out.append(newline.join(para.lines) + newline)
        w._eol = newline
        return
    for index, text in enumerate(para.lines):
        w.line(text, eols[index] if index < len(eols) else None)


def _bullet_list(w: Writer, lst: BulletList, blanks: int, depth: int, stack: _Stack) -> None:
    w.blank(lst.blank_before, blanks)
    w.begin(lst, stack)
    stack.extend((item, 0, depth) for item in reversed(lst.items))


def _list_item(w: Writer, item: ListItem, _: int, depth: int, stack: _Stack) -> None:
    w.begin(item, stack)
    indent = canon.indent(depth) if item.indent is None else item.indent
    gap = canon.gap(item.text) if item.gap is None else item.gap
    w.line(indent + "-" + gap + item.text + item.trailing, item.eol)
    if item.children is not None:
        stack.append((item.children, 0, depth + 1))


def _table(w: Writer, table: Table, blanks: int, _: int, stack: _Stack) -> None:
    w.blank(table.blank_before, blanks)
    w.begin(table, stack)
    if w.spans is None:  # no positions to record: write the rows here, not via the stack
        for row in (table.header, *table.rows):
            w.line(_row_text(row), row.eol)
    else:
        stack.extend((row, 0, 0) for row in reversed(table.rows))
        stack.append((table.header, 0, 0))


def _row(w: Writer, row: Row, _: int, __: int, stack: _Stack) -> None:
    w.begin(row, stack)
    w.line(_row_text(row), row.eol)


def _row_text(row: Row) -> str:
    pads = row.pads
    if pads is None:
        parts = [canon.padded(cell) for cell in row.cells]
    else:
        parts = []
        for index, cell in enumerate(row.cells):
            left, right = pads[index] if index < len(pads) else canon.pad(cell)
            parts.append(left + cell + right)
    return "|" + "|".join(parts) + ("|" if row.closed else "") + row.trailing


def _backwards(items: Sequence[Node]) -> list[tuple[int, Node]]:
    """``(index, item)`` pairs, last first: the order a stack wants them in."""
    return list(reversed(list(enumerate(items))))


_WRITERS: dict[type, Callable[..., None]] = {
    Document: _document,
    Section: _section,
    Heading: _heading,
    Infobox: _infobox,
    InfoboxItem: _infobox_item,
    Paragraph: _paragraph,
    BulletList: _bullet_list,
    ListItem: _list_item,
    Table: _table,
    Row: _row,
}
