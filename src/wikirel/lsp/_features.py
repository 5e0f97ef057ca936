"""What the language server answers, computed from one parsed version of a document.

Everything here comes from what wikirel already computes: ``parse`` and
``Document.diagnostics``, :func:`wikirel.positions` for where nodes stand,
:func:`wikirel.format_text`, :func:`wikirel.facts.find_dates` and
:func:`wikirel.extract_relation`. No second parser. Imports lsprotocol (the
``lsp`` extra); ``import wikirel`` never imports this module.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator

import attrs
from lsprotocol import types as lsp

from .._text import split_lines
from ..dialect import Dialect
from ..errors import Diagnostic
from ..extraction import Relation, extract_relation
from ..facts.dates import DateSpan, find_dates
from ..formatting import HeadingStyle, format_text
from ..markup.numbered import NumberedList
from ..nodes import (
    BulletList,
    Document,
    Heading,
    Infobox,
    InfoboxItem,
    Node,
    Row,
    Section,
    Table,
    infobox_key,
)
from ..parser import parse
from ..positions import Positions, Span, positions
from ..serializer import serialize
from ._document import Text, units

__all__ = ["SEVERITY", "Snapshot"]

#: How an editor shows each code: an error where the text does not say what
#: its writer meant (a value is lost or shifts column), else a warning.
SEVERITY: dict[str, lsp.DiagnosticSeverity] = {
    "infobox-no-colon": lsp.DiagnosticSeverity.Error,
    "infobox-empty-key": lsp.DiagnosticSeverity.Error,
    "infobox-misplaced": lsp.DiagnosticSeverity.Error,
    "table-ragged": lsp.DiagnosticSeverity.Error,
}

_SOURCE = "wikirel"


class Snapshot:
    """One version of an open document, parsed once; each answer computed on demand."""

    def __init__(self, text: Text, dialect: Dialect, heading_style: HeadingStyle = "preserve") -> None:
        self.text = text
        self.doc: Document = parse(text.text, dialect=dialect)
        self.dialect = dialect
        self.heading_style = heading_style

    @functools.cached_property
    def where(self) -> Positions:
        return positions(self.doc)

    @functools.cached_property
    def relation(self) -> Relation:
        return extract_relation(self.doc, dialect=self.dialect)

    @functools.cached_property
    def formatted(self) -> str:
        return format_text(self.text.text, dialect=self.dialect, heading_style=self.heading_style)

    # ---- ranges

    def range(self, start: int, end: int) -> lsp.Range:
        """The LSP range of offsets ``[start, end)``."""
        return lsp.Range(_position(self.text.position(start)), _position(self.text.position(end)))

    def span_range(self, span: Span) -> lsp.Range:
        return self.range(span.start.offset, span.end.offset)

    # ---- diagnostics and quick fixes

    def diagnostics(self) -> list[lsp.Diagnostic]:
        return [self.diagnostic(found) for found in self.doc.diagnostics]

    def diagnostic(self, found: Diagnostic) -> lsp.Diagnostic:
        """``found`` from its line and column to the end of its line."""
        line, character = self.text.at(found.line, found.column)
        end = max(character, units(self.text.line(line), self.text.encoding))
        return lsp.Diagnostic(
            range=lsp.Range(lsp.Position(line, character), lsp.Position(line, end)),
            message=found.message,
            severity=SEVERITY.get(found.code, lsp.DiagnosticSeverity.Warning),
            code=found.code,
            source=_SOURCE,
        )

    def code_actions(self, wanted: lsp.Range, uri: str) -> list[lsp.CodeAction]:
        """The quick fixes for the diagnostics on the lines of ``wanted``."""
        actions = []
        for found in self.doc.diagnostics:
            if wanted.start.line <= found.line - 1 <= wanted.end.line:
                fix = self.fix(found)
                if fix is not None:
                    title, edit = fix
                    actions.append(
                        lsp.CodeAction(
                            title=title,
                            kind=lsp.CodeActionKind.QuickFix,
                            diagnostics=[self.diagnostic(found)],
                            is_preferred=True,
                            edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
                        )
                    )
        return actions

    def fix(self, found: Diagnostic) -> tuple[str, lsp.TextEdit] | None:
        """The obvious repair of ``found``, if there is one: a title and an edit."""
        node = self._node_on_line(found.line, (Row, Heading, InfoboxItem))
        if isinstance(node, Row) and found.code in ("table-ragged", "table-row-unclosed"):
            width = self._width(node)
            missing = width - len(node.cells)
            closed = attrs.evolve(node, closed=True, pads=_closing_pads(node))
            if found.code == "table-ragged" and missing > 0:
                title = f"Add {missing} empty cell{'s' if missing > 1 else ''} (the header has {width})"
                return title, self._rewrite(node, attrs.evolve(closed, cells=(*node.cells, *[""] * missing)))
            if found.code == "table-row-unclosed" and missing <= 0:
                return "End the row with '|'", self._rewrite(node, closed)
        if isinstance(node, Heading) and found.code == "heading-unbalanced":
            title = f"Close the heading with {node.level} '='"
            return title, self._rewrite(node, attrs.evolve(node, close=None))
        if isinstance(node, InfoboxItem) and found.code == "infobox-duplicate-key":
            earlier = self._earlier_item(node)
            if earlier is not None:
                line = self.where[earlier].start.line
                start = self.text.starts[line - 1]
                end = self.text.starts[line] if line < len(self.text.starts) else len(self.text.text)
                title = f"Remove the earlier {earlier.key!r} (line {line}), which this one overrides"
                return title, lsp.TextEdit(self.range(start, end), "")
        return None

    def _nodes(self) -> Iterator[Node]:
        return iter(self.where)

    def _node_on_line(self, line: int, kinds: tuple[type, ...]) -> Node | None:
        for node in self._nodes():
            if isinstance(node, kinds) and self.where[node].start.line == line:
                return node
        return None

    def _width(self, row: Row) -> int:
        for node in self._nodes():
            if isinstance(node, Table) and (node.header is row or any(r is row for r in node.rows)):
                return len(node.header.cells)
        return len(row.cells)

    def _earlier_item(self, item: InfoboxItem) -> InfoboxItem | None:
        key = infobox_key(item.key)
        for node in self._nodes():
            if isinstance(node, Infobox) and any(other is item for other in node.items):
                return next((other for other in node.items if infobox_key(other.key) == key), None)
        return None

    def _rewrite(self, old: Node, new: Node) -> lsp.TextEdit:
        """Replace the (one-line) ``old`` with ``new``, written as wikirel writes it."""
        span = self.where[old]
        return lsp.TextEdit(self.span_range(span), serialize(new).rstrip("\r\n"))

    # ---- formatting

    def format_edits(self, lines: tuple[int, int] | None = None) -> list[lsp.TextEdit]:
        """The line edits that turn the text into ``format_text``'s; with ``lines``
        (0-based, inclusive), only the edits touching those lines."""
        old, new = split_lines(self.text.text), split_lines(self.formatted)
        # Trim the common ends first: a keystroke's edit is one line of thousands.
        head = 0
        while head < min(len(old), len(new)) and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        matcher = difflib.SequenceMatcher(None, old[head : len(old) - tail], new[head : len(new) - tail])
        pieces = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            i1, i2 = i1 + head, i2 + head
            if lines is not None and not (i1 <= lines[1] and max(i2 - 1, i1) >= lines[0]):
                continue
            pieces.append((self._line_offset(i1), self._line_offset(i2), "".join(new[head + j1 : head + j2])))
        if lines is not None and not self._keeps_content(pieces):
            # The diff may move a line (delete here, insert there): half a move
            # would duplicate or drop it. Keep the edits that are safe alone.
            kept: list[tuple[int, int, str]] = []
            for piece in pieces:
                if self._keeps_content([*kept, piece]):
                    kept.append(piece)
            pieces = kept
        return [lsp.TextEdit(self.range(start, end), text) for start, end, text in pieces]

    def _keeps_content(self, pieces: list[tuple[int, int, str]]) -> bool:
        """Whether applying ``pieces`` changes only layout: the result formats as the text does."""
        text = self.text.text
        for start, end, new in reversed(pieces):
            text = text[:start] + new + text[end:]
        return format_text(text, dialect=self.dialect, heading_style=self.heading_style) == self.formatted

    def _line_offset(self, index: int) -> int:
        starts = self.text.starts
        return starts[index] if index < len(starts) else len(self.text.text)

    # ---- outline and folding

    def symbols(self) -> list[lsp.DocumentSymbol]:
        """The title, sections nested by level, the infobox and its keys, tables."""
        doc = self.doc
        top: list[lsp.DocumentSymbol] = []
        lead: list[Node] = [*doc.blocks, *doc.sections]
        into = top
        if doc.heading is not None:
            into = []
            top.append(self._symbol(doc.heading, into, whole=True))
        stack = [(node, into) for node in reversed(lead)]
        while stack:  # no recursion: sections nest as deep as the text says
            node, into = stack.pop()
            if not isinstance(node, (Section, Infobox, InfoboxItem, Table)):
                continue
            kids: list[lsp.DocumentSymbol] = []
            into.append(self._symbol(node, kids))
            children: list[Node] = (
                [*node.blocks, *node.subsections]
                if isinstance(node, Section)
                else list(node.items)
                if isinstance(node, Infobox)
                else []
            )
            stack.extend((child, kids) for child in reversed(children))
        return top

    def _symbol(
        self, node: Node, children: list[lsp.DocumentSymbol], whole: bool = False
    ) -> lsp.DocumentSymbol:
        span = self.where[node]
        selection = self.span_range(span)
        detail = None
        if isinstance(node, Heading):
            name, kind = node.text, lsp.SymbolKind.File
        elif isinstance(node, Section):
            name, kind = node.title, lsp.SymbolKind.Namespace
            selection = self.span_range(self.where[node.heading])
            detail = "=" * node.level
        elif isinstance(node, Infobox):
            name, kind = "Infobox", lsp.SymbolKind.Struct
        elif isinstance(node, InfoboxItem):
            name, kind, detail = node.key, lsp.SymbolKind.Field, node.value
        else:
            assert isinstance(node, Table)
            name, kind = "Table", lsp.SymbolKind.Array
            detail = " | ".join(node.header.cells)
        whole_range = self.range(0, len(self.text.text)) if whole else self.span_range(span)
        return lsp.DocumentSymbol(
            name=name.strip() or "(empty)",  # clients reject an empty name
            kind=kind,
            range=whole_range,
            selection_range=selection,
            detail=detail,
            children=children,
        )

    def folding_ranges(self) -> list[lsp.FoldingRange]:
        """Sections, lists (nested ones too), tables and the infobox, where they span lines."""
        found = []
        for node in self._nodes():
            if isinstance(node, (Section, Table, Infobox, BulletList, NumberedList)):
                span = self.where[node]
                if span.end.line > span.start.line:
                    found.append(lsp.FoldingRange(start_line=span.start.line - 1, end_line=span.end.line - 1))
        found.sort(key=lambda fold: (fold.start_line, -fold.end_line))
        return found

    # ---- hover

    def hover(self, line: int, character: int) -> lsp.Hover | None:
        """A date's reading, or the fact an infobox key feeds."""
        if line >= len(self.text.starts):
            return None
        offset = self.text.offset(line, character)
        start = self.text.starts[line]
        column = offset - start  # 0-based, code points
        content = self.text.line(line)
        item = self._node_on_line(line + 1, (InfoboxItem,))
        if isinstance(item, InfoboxItem):
            key_at = len(item.indent) + 1 + len(item.gap)
            if key_at <= column <= key_at + len(item.key) and item.key:
                return self._hover(self._fact(item), start + key_at, start + key_at + len(item.key))
        at = 0
        for date in find_dates(content):
            found = content.find(date.text, at)
            if found < 0:
                continue
            at = found + len(date.text)
            if found <= column <= at:
                return self._hover(f"**{date.text}**: {reading(date)}", start + found, start + at)
        return None

    def _hover(self, markdown: str, start: int, end: int) -> lsp.Hover:
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=markdown),
            range=self.range(start, end),
        )

    def _fact(self, item: InfoboxItem) -> str:
        """What ``extract_relation`` reads from ``item``; an overridden key says by what."""
        later = self._later_item(item)
        if later is not None:
            line = self.where[later].start.line
            return f"`{item.key}` → nothing: line {line} gives it again, and the last value counts"
        return self._feeds(item)

    def _later_item(self, item: InfoboxItem) -> InfoboxItem | None:
        key = infobox_key(item.key)
        for node in self._nodes():
            if isinstance(node, Infobox) and any(other is item for other in node.items):
                index = next(i for i, other in enumerate(node.items) if other is item)
                return next((o for o in reversed(node.items[index + 1 :]) if infobox_key(o.key) == key), None)
        return None

    def _feeds(self, item: InfoboxItem) -> str:
        key = infobox_key(item.key)
        relation = self.relation
        line = self.where[item].start.line
        side = key[-1] if key[-1:] in ("1", "2") else None
        party = None
        if side is not None and relation.parties is not None:
            party = relation.parties[int(side) - 1]
        of_side = f"side {side}" + (f", {party}" if party else " (party unknown)")
        if key in ("party1", "party2"):
            return f"`{item.key}` → the party of side {side}"
        if key in ("envoy1", "envoy2"):
            envoy = next((e for e in relation.envoys if e.source and e.source.line == line), None)
            name = f": {envoy.name}" if envoy is not None and envoy.name else ""
            return f"`{item.key}` → the envoy of {of_side}{name}"
        if key in ("envoytitle1", "envoytitle2"):
            return f"`{item.key}` → the title of the envoy of {of_side}"
        if key in ("mission1", "mission2"):
            missions = [m for m in relation.missions if m.source and m.source.line == line]
            listed = "; ".join(m.name + (f" (in {m.city})" if m.city else "") for m in missions)
            return f"`{item.key}` → the mission of {of_side}" + (f": {listed}" if listed else "")
        return f"`{item.key}` → no fact: kept as it is in `Relation.infobox`"


def _closing_pads(row: Row) -> tuple[tuple[str, str], ...] | None:
    """``row.pads`` for the row closed: the last cell gets a right pad like its left one."""
    pads = row.pads
    if row.closed or not pads or len(pads) != len(row.cells) or pads[-1][1]:
        return pads
    return (*pads[:-1], (pads[-1][0], pads[-1][0]))


def reading(date: DateSpan) -> str:
    """How wikirel reads ``date``: ``1992-01-04, day precision``."""

    def year(value: int) -> str:
        return f"{-value} BCE" if value < 0 else str(value)

    if date.start is not None and date.end is not None and date.precision in ("day", "month"):
        first, last = date.start.isoformat(), date.end.isoformat()
        if date.precision == "month" and date.start.month == date.end.month:
            first = last = date.start.isoformat()[:7]
    else:
        first, last = year(date.start_year), year(date.end_year)
    text = first if first == last else f"{first} to {last}"
    text += f", {date.precision} precision"
    return text + (f" ({date.qualifier})" if date.qualifier else "")


def _position(where: tuple[int, int]) -> lsp.Position:
    return lsp.Position(line=where[0], character=where[1])
