"""Diagnostics: what is malformed in a document, and where.

Every malformed construct is visible in the tree (a ``Row`` with
``closed=False``, a ``Heading`` whose ``close`` differs from its level ...), so
diagnostics are derived from the tree and :func:`wikirel.positions`, not
recorded while parsing: an edited tree reports on itself, never stale. Each
construct checks its own blocks (:mod:`wikirel.markup`); this module
walks the document and places the findings.
"""

from __future__ import annotations

from collections import Counter

from .dialect import DEFAULT, role_of
from .errors import Diagnostic
from .markup.document import wikitext_mark
from .nodes import Document, Node
from .positions import Positions, positions

__all__ = ["CODES", "WARNINGS", "diagnose"]

#: Every diagnostic code of the default dialect, with what it means. Codes are stable.
CODES: dict[str, str] = DEFAULT.codes
#: The codes that are hints about the input rather than malformed markup
#: (an editor may show them as warnings); ``check`` reports them all alike.
WARNINGS: frozenset[str] = frozenset({"wikitext-markup"})


def diagnose(doc: Document) -> tuple[Diagnostic, ...]:
    """Every diagnostic of ``doc``, in document order."""
    return _Checker(positions(doc)).document(doc)


class _Checker:
    """The :class:`wikirel.construct.Checks` of one document."""

    def __init__(self, where: Positions) -> None:
        self.where = where
        self.found: list[tuple[int, Diagnostic]] = []
        self.counts: Counter[str] = Counter()

    def report(self, node: Node, column: int, code: str, message: str) -> None:
        """Report ``code`` at ``column`` (0-based, within the node's first line)."""
        offset = self.where[node].start.offset + column
        at = self.where.position(offset)
        self.found.append((offset, Diagnostic(at.line, at.column, code, message)))

    def report_at(self, offset: int, code: str, message: str) -> None:
        """Report ``code`` at ``offset`` of the text."""
        at = self.where.position(offset)
        self.found.append((offset, Diagnostic(at.line, at.column, code, message)))

    def line(self, node: Node) -> int:
        return self.where[node].start.line

    def tally(self, key: str) -> int:
        self.counts[key] += 1
        return self.counts[key]

    def count(self, key: str) -> int:
        """Deprecated name of :meth:`tally` (it counts ``key`` once more); goes in 0.5."""
        import warnings

        warnings.warn(
            "Checks.count is now Checks.tally; the old name goes in 0.5", DeprecationWarning, stacklevel=2
        )
        return self.tally(key)

    def check(self, node: Node, place: str) -> None:
        found = role_of(type(node))
        if found is not None and found[0].check is not None:
            found[0].check(self, node, place)  # type: ignore[arg-type]

    def document(self, doc: Document) -> tuple[Diagnostic, ...]:
        if doc.heading is not None:
            self.check(doc.heading, "title")
        for block in doc.blocks:
            self.check(block, "lead")
        for section in doc.iter_sections():
            self.check(section.heading, "section")
            for block in section.blocks:
                self.check(block, "section")
        mark = wikitext_mark(self.where.text)
        if mark is not None:  # one hint for the whole text, where its first mark is
            self.report_at(mark[0], "wikitext-markup", mark[1])
        self.found.sort(key=lambda pair: pair[0])
        return tuple(diagnostic for _, diagnostic in self.found)
