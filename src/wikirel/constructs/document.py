"""The document skeleton: ``Document`` and ``Section``.

The parser nests sections by heading level and the serializer writes the
blank lines between blocks, so these two node classes have no reader or
writer here; the construct gives their summaries, and the one check that
concerns the whole text: whether it is MediaWiki wikitext instead.
"""

from __future__ import annotations

import re

from ..construct import Construct, NodeRole
from ..nodes import Document, Section

__all__ = ["CONSTRUCT", "WIKITEXT_OPENERS", "wikitext_mark"]

CODES = {
    "wikitext-markup": "the text looks like MediaWiki wikitext, which wikirel does not read (a hint, once)",
}

# Marks of MediaWiki wikitext that the format never uses: how each starts, the
# pattern the rest must match there (None: a line start is enough) and what it is.
# Each pattern stops at the next bracket, quote or line break, where the next
# candidate can start at the earliest, so trying every candidate stays linear.
_MARKS: tuple[tuple[str, re.Pattern[str] | None, str], ...] = (
    ("{{", re.compile(r"\{\{[ \t]*[^\s{}|]"), "'{{' starts a template"),
    ("[[", re.compile(r"\[\[[^\s\[\]][^\[\]\r\n]*\]\]"), "'[[...]]' is a wikilink"),
    ("{|", None, "'{|' starts a table"),
    ("'''", re.compile(r"'''[^'\r\n]+'''"), "'''...''' is bold"),
)
#: How each wikitext mark starts: text without these draws no ``wikitext-markup``,
#: whatever stands around it.
WIKITEXT_OPENERS: tuple[str, ...] = tuple(opener for opener, _, _ in _MARKS)


def wikitext_mark(text: str) -> tuple[int, str] | None:
    """The offset of the first MediaWiki wikitext mark in ``text`` and the
    ``wikitext-markup`` message for it; ``None`` when there is none."""
    best: tuple[int, str] | None = None
    for opener, pattern, what in _MARKS:
        if opener[0] not in text:  # one character: as fast as memchr; most texts stop here
            continue
        end = len(text) if best is None else best[0]
        start = text.find(opener, 0, end)
        while start != -1:
            if (start == 0 or text[start - 1] in "\r\n") if pattern is None else pattern.match(text, start):
                best = start, what
                break
            start = text.find(opener, start + 1, end)
    if best is None:
        return None
    return best[0], (
        f"this looks like MediaWiki wikitext ({best[1]}); wikirel reads its own plain "
        "format, not wikitext: convert the article first (see 'Not MediaWiki wikitext' in docs/format.md)"
    )


def _summary(node: Document | Section) -> str:
    return f"{type(node).__name__} {node.title!r}"


CONSTRUCT: Construct = Construct(
    name="document",
    codes=CODES,
    nodes=(
        NodeRole(cls=Document, write=None, summary=_summary),
        NodeRole(cls=Section, write=None, summary=_summary),
    ),
)
