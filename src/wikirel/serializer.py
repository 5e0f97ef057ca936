"""``serialize``: nodes back to text.

Layout fields are written as they are; a ``None`` layout field is written in
its canonical form for where the node stands. This module writes the
document skeleton (the document, its sections and the blank lines between
blocks); each construct writes its own nodes (:mod:`wikirel.markup`),
found from the node's class (:func:`wikirel.construct.role_of`). The walk keeps
an explicit stack, so the deepest tree serializes without recursion. The
same walk can record where each node starts and ends (:mod:`wikirel.positions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeAlias

from . import _canonical as canon
from ._text import BREAK, BREAKS, LINE_ENDS, WHITESPACE, break_of
from .construct import ROLE_ATTRIBUTE, role_of
from .errors import SerializeError
from .nodes import Document, Node, Section

__all__ = ["Writer", "newline_of", "serialize"]


def serialize(node: Node, *, newline: str | None = None) -> str:
    """The text of ``node``; ``serialize(parse(text)) == text`` always.

    ``newline`` is written wherever a line break is canonical (``eol=None``);
    it defaults to the document's own, or ``"\\n"`` for a node on its own.
    Raises :class:`~wikirel.errors.SerializeError` (a ``ValueError``) for a
    tree that cannot be written line by line: a line break inside a text
    field, a line-break field that is not one, a blank-line field holding
    a line that is not blank, a line without a line break that is not the
    last. A field or argument of the wrong type (``bom=1``, an ``int``
    cell, ``newline=b"\\n"``) raises ``TypeError``, in the pure and the
    compiled build alike.
    """
    if newline is not None and type(newline) is not str:
        raise TypeError(f"newline must be a str, not {type(newline).__name__}")
    newline = newline or (node.newline if isinstance(node, Document) else "\n")  # newline_of(), inline
    if type(newline) is not str:
        raise TypeError(f"Document.newline must be a str, not {type(newline).__name__}")
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


class _Trailing:
    """Stack marker: a document's trailing blank lines, written after its sections."""

    __slots__ = ("lines",)

    def __init__(self, lines: tuple[str, ...]) -> None:
        self.lines = lines


class _Line:
    """Stack entry: a line that is all of a child node, given after a child still to be written."""

    __slots__ = ("eol", "node", "text")

    def __init__(self, text: str, eol: str | None, node: Node) -> None:
        self.text = text
        self.eol = eol
        self.node = node


class _Lines:
    """Stack entry: lines that are child nodes, given after a child still to be written."""

    __slots__ = ("nodes", "texts")

    def __init__(self, texts: Sequence[str], nodes: Sequence[Node]) -> None:
        self.texts = texts
        self.nodes = nodes


# A stack entry: a node with its canonical blank-line count (-1: it has no
# blank lines of its own) and list depth, lines that are nodes, a
# document's trailing lines, or an end marker.
_Child: TypeAlias = "tuple[Node, int, int] | _Line | _Lines"
_Stack: TypeAlias = "list[_Child | _Trailing | _End]"
# How a class is written: by this module (the skeleton, given the stack) or by its construct.
_Skeleton = Callable[["Writer", Any, int, "_Stack"], None]


class Writer:
    """Writes nodes with an explicit stack; records spans for :mod:`wikirel.positions`.

    It is the :class:`wikirel.construct.WriteContext` the constructs' writers
    get, and the only code that knows whether spans are recorded: writers
    write the same calls either way, naming the child a line is when they
    write it in place (as LibCST's codegen state records positions or not).
    """

    __slots__ = ("_counted", "_done", "_eol", "_open", "_pending", "newline", "out", "spans")

    def __init__(self, newline: str, *, record: bool = False) -> None:
        self.newline: str = newline
        self.out: list[str] = []
        # id(node) -> (node, start offset, end offset), when recording.
        self.spans: dict[int, tuple[Node, int, int]] | None = {} if record else None
        self._pending: list[_Child] = []  # children of the node being written
        self._done = 0  # characters in out[: self._counted]
        self._counted = 0
        self._eol = ""  # the last line break written (read only when recording)
        self._open = -1  # the index in out of a line written without a line break

    def run(self, root: Node) -> None:
        if isinstance(root, Document) and self.spans is None:  # the common root, all through emit
            _write_document(self, root)
        elif isinstance(root, Document):  # the common root, without the stack's dispatch
            stack: _Stack = []
            _document(self, root, -1, stack)
            self._loop(stack)
        else:  # a root with blank lines of its own (a block) writes them, canonically none
            self._loop([(root, 0 if hasattr(root, "blank_before") else -1, 0)])
        if self._open >= 0 and any(self.out[self._open + 1 :]):
            # Checked once at the end, not per line: the next line would join this one.
            raise SerializeError(
                f"a line without a line break is followed by more text: {self.out[self._open]!r}"
            )

    def emit(self, nodes: Sequence[Node], first: int, second: int = 1) -> None:
        """Write ``nodes`` and everything below them now, with ``first``
        canonical blank lines before the first, ``second`` before the second
        (none after a section's heading) and one before each other (-1: no
        blank lines of their own). Only when nothing is recorded (spans are
        recorded through the stack): the root document's blocks, sections
        and subsections are written here, which costs less per node than
        the stack. A run of siblings is an iterator, and a section puts its
        subsections' run, then its heading's and blocks', above the run it
        is in (an explicit stack, as the nesting is the user's)."""
        writers, section = _WRITERS, _section
        pending = self._pending
        out, newline = self.out, self.newline
        blanks, after = first, second
        runs: list[Iterator[Node]] = [iter(nodes)]
        while runs:
            for node in runs[-1]:
                skeleton, write = writers.get(type(node)) or _writers(type(node))
                if skeleton is section:  # its heading and blocks, then its subsections, then the rest
                    heading = node.heading  # type: ignore[attr-defined]
                    _ = heading.blank_before  # first, so a heading that is no node fails here in both ways
                    if blanks < 0:
                        blanks = 0
                    if node.subsections:  # type: ignore[attr-defined]
                        runs.append(iter(node.subsections))  # type: ignore[attr-defined]
                    runs.append(iter((heading, *node.blocks)))  # type: ignore[attr-defined]
                    after = 0  # the first block follows its heading directly
                    break
                if skeleton is not None:  # a document among blocks: through the stack, which
                    self._loop([(node, blanks, 0)])  # never comes back here (no recursion)
                    blanks, after = after, 1
                    continue
                if blanks >= 0:
                    before = node.blank_before  # type: ignore[attr-defined]
                    if before is not None:
                        self.blank(before, blanks)
                    elif blanks:  # the common case of blank(), without the call (nor _eol: not recording)
                        out.append(newline * blanks)
                write(self, node, 0)
                if pending:
                    stack: _Stack = pending[::-1]  # type: ignore[assignment]
                    pending.clear()
                    self._loop(stack)
                blanks, after = after, 1
            else:  # the run is written: one blank line before the next subsection or sibling
                runs.pop()
                blanks = after = 1

    def _loop(self, stack: _Stack) -> None:
        pending = self._pending
        writers = _WRITERS
        recording = self.spans is not None
        while stack:
            entry = stack.pop()
            if type(entry) is tuple:
                node, blanks, depth = entry
                skeleton, write = writers.get(type(node)) or _writers(type(node))
                if skeleton is not None:
                    skeleton(self, node, blanks, stack)
                    continue
                if blanks >= 0:
                    self.blank(node.blank_before, blanks)  # type: ignore[attr-defined]
                if recording:
                    self.begin(node, stack)
                write(self, node, depth)
                if pending:
                    pending.reverse()
                    stack.extend(pending)
                    pending.clear()
            elif type(entry) is _Lines:
                self.lines(entry.texts, entry.nodes)
            elif type(entry) is _Line:
                self.line(entry.text, entry.eol, entry.node)
            elif type(entry) is _Trailing:
                self.end_blanks(entry.lines)
            else:
                self._finish(entry.node)  # type: ignore[union-attr]

    # -- the WriteContext of the constructs' writers ----------------------------

    def line(self, text: str, eol: str | None, node: Node | None = None) -> None:
        """Write one line; ``eol=None`` is the canonical newline; ``node``: the child this line is."""
        if node is not None and self._pending:  # in order with the children given before it
            self._pending.append(_Line(text, eol, node))
            return
        # Parsed trees never trip these; built ones could otherwise write
        # text that parses back as something else.
        if "\n" in text or "\r" in text:
            raise SerializeError(f"a line break inside one line of text: {text!r}")
        if eol is None:
            eol = self.newline
        elif eol not in LINE_ENDS or type(eol) is not str:
            if type(eol) is not str:
                raise TypeError(f"a line break must be a str or None, not {type(eol).__name__}")
            raise SerializeError(f"a line must end with LF, CRLF, CR or nothing, not {eol!r}")
        elif not eol and self._open < 0:
            self._open = len(self.out)
        if node is not None and self.spans is not None:
            start = self._offset()
            self.spans[id(node)] = (node, start, start + len(text))
        self.out.append(text + eol)
        self._eol = eol

    def lines(self, texts: Sequence[str], nodes: Sequence[Node] | None = None) -> None:
        """Write lines that all end with the canonical newline; ``nodes``: the child each line is."""
        if not texts:
            return
        if nodes is not None and self._pending:  # in order with the children given before them
            self._pending.append(_Lines(texts, nodes))
            return
        body = "".join(texts)
        if "\n" in body or "\r" in body:
            raise SerializeError(f"a line break inside one line of text: {tuple(texts)!r}")
        newline = self.newline
        if nodes is not None and self.spans is not None:
            self._leaves(texts, nodes)
        self.out.append(newline.join(texts) + newline)
        self._eol = newline

    def child(self, node: Node, depth: int = 0, blanks: int = -1) -> None:
        """Write ``node`` (with its own writer) after the current node's lines."""
        self._pending.append((node, blanks, depth))

    # -- the skeleton's helpers ------------------------------------------------

    def begin(self, node: Node, stack: _Stack) -> None:
        """Mark where ``node`` starts (after its blank lines)."""
        if self.spans is not None:
            self.spans[id(node)] = (node, self._offset(), -1)
            stack.append(_End(node))

    def _leaves(self, texts: Sequence[str], nodes: Sequence[Node]) -> None:
        """Record the spans of ``nodes``, one line each, about to be written."""
        assert self.spans is not None
        if len(nodes) != len(texts):
            raise ValueError(f"{len(texts)} lines of {len(nodes)} nodes")
        spans = self.spans
        step = len(self.newline)
        start = self._offset()
        for index, node in enumerate(nodes):
            end = start + len(texts[index])
            spans[id(node)] = (node, start, end)
            start = end + step

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
        """Blank lines before a block: as given, or ``canonical`` of them for ``None``."""
        if lines is None:
            if canonical:
                self.out.append(self.newline * canonical)
                self._eol = self.newline
        elif lines:
            for line in lines:
                if not _BLANK_LINE.fullmatch(line):
                    raise SerializeError(f"not a blank line ending with a line break: {line!r}")
            self.out.extend(lines)
            self._eol = break_of(lines[-1])

    def end_blanks(self, lines: tuple[str, ...]) -> None:
        """A document's ``trailing`` blank lines: the last one may lack its line break."""
        for index, line in enumerate(lines):
            last = index == len(lines) - 1
            if not (_BLANK_LINE.fullmatch(line) or (last and _LAST_BLANK.fullmatch(line))):
                raise SerializeError(f"not a blank line: {line!r}")
        if lines and not break_of(lines[-1]) and self._open < 0:
            self._open = len(self.out) + len(lines) - 1
        self.out.extend(lines)


_BLANK_LINE = re.compile(f"[{WHITESPACE}]*(?:{BREAK.pattern})")
_LAST_BLANK = re.compile(f"[{WHITESPACE}]+")


def _entries(nodes: Sequence[Node], first: int, second: int = 1) -> _Stack:
    """Stack entries for ``nodes`` (reversed), with :meth:`Writer.emit`'s blank lines."""
    entries: _Stack = [(node, 1, 0) for node in reversed(nodes)]
    if len(nodes) > 1:
        entries[-2] = (nodes[1], second, 0)
    if nodes:
        entries[-1] = (nodes[0], first, 0)
    return entries


def _bom(w: Writer, doc: Document) -> None:
    if doc.bom is True:
        w.out.append("\ufeff")
    elif doc.bom is not False:
        raise TypeError(f"Document.bom must be a bool, not {type(doc.bom).__name__}")


def _write_document(w: Writer, doc: Document) -> None:
    """Write the root document when nothing is recorded: emit writes the lead,
    the sections and their subsections in one loop, then the trailing lines."""
    _bom(w, doc)
    heading, blocks, sections = doc.heading, doc.blocks, doc.sections
    lead = blocks if heading is None else (heading, *blocks)
    if lead:
        w.emit((*lead, *sections), 0 if heading is not None else _start_blanks(doc, blocks[0]))
    elif len(sections):  # len(): sections None (set past the converter) is a TypeError, as in _document
        w.emit(sections, _start_blanks(doc, sections[0]))
    if doc.trailing:
        w.end_blanks(doc.trailing)


def _document(w: Writer, doc: Document, _: int, stack: _Stack) -> None:
    # Everything goes on the stack, in reverse: the document's end, the
    # trailing lines, the sections, the lead. Nothing is written through
    # emit, so a document nested in blocks, however deep, is no recursion.
    if w.spans is not None:
        w.begin(doc, stack)
    _bom(w, doc)
    heading, blocks, sections = doc.heading, doc.blocks, doc.sections
    if doc.trailing:  # none is the common case: no marker to pop
        stack.append(_Trailing(doc.trailing))
    entries = [(s, 1, 0) for s in reversed(sections)]  # sections None: TypeError, as in _write_document
    if entries:
        if heading is None and not blocks:
            entries[-1] = (sections[0], _start_blanks(doc, sections[0]), 0)
        stack.extend(entries)
    if heading is not None:  # the title, then one blank line before each block
        stack.extend(_entries((heading, *blocks), 0))
    elif blocks:
        stack.extend(_entries(blocks, _start_blanks(doc, blocks[0])))


def _start_blanks(doc: Document, node: Node) -> int:
    """The canonical blank lines before ``node``, the first block of a document without a title."""
    return canon.start_blanks(_first_line(node), doc.bom)


def _first_line(node: Node) -> str:
    """Enough of the first line of a document's first block for :func:`canon.start_blanks`."""
    if isinstance(node, Section):
        node = node.heading
    found = role_of(type(node))
    first_line = None if found is None else found[0].first_line
    return "" if first_line is None else first_line(node)


def _section(w: Writer, section: Section, blanks: int, stack: _Stack) -> None:
    # The heading's blank lines come before the section's start (none for a
    # root section); the section's end, its subsections, its heading and
    # blocks go on the stack, in reverse (no recursion).
    heading = section.heading
    before = heading.blank_before  # first, so a heading that is no node fails here in both ways
    blanks = blanks if blanks > 0 else 0
    if w.spans is not None:  # the section starts after the blank lines (else emit writes them)
        w.blank(before, blanks)
        w.begin(section, stack)
        blanks = -1
    if section.subsections:
        stack.extend([(s, 1, 0) for s in reversed(section.subsections)])
    stack.extend(_entries((heading, *section.blocks), blanks, 0))  # the first block follows its heading


# Per node class: (skeleton writer, None) or (None, the construct's writer).
# Only answers that cannot change are kept: a class its construct declares
# keeps its writer for good, while a subclass writing as its base could be
# declared by a construct of its own later.
_WRITERS: dict[type, tuple[_Skeleton | None, Any]] = {}


def _writers(cls: type) -> tuple[_Skeleton | None, Any]:
    """How ``cls`` is written, found once per class (subclasses included)."""
    found: tuple[_Skeleton | None, Any]
    if issubclass(cls, Document):
        found = (_document, None)
    elif issubclass(cls, Section):
        found = (_section, None)
    else:
        role = role_of(cls)
        if role is None or role[1].write is None:
            raise SerializeError(
                f"no construct writes a {cls.__name__}: "
                "no wikirel.construct.Construct declares its class or a class it derives from"
            )
        found = (None, role[1].write)
        if ROLE_ATTRIBUTE not in cls.__dict__:
            return found
    _WRITERS[cls] = found
    return found
