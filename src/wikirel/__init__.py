"""wikirel: a lossless parser for wiki-style relation articles.

>>> import wikirel
>>> doc = wikirel.parse("= A–B relations =\\n\\n== History ==\\nSince 1992.\\n")
>>> doc.title, doc.sections[0].title
('A–B relations', 'History')
>>> wikirel.serialize(doc) == "= A–B relations =\\n\\n== History ==\\nSince 1992.\\n"
True
"""

from __future__ import annotations

from .diagnostics import CODES, Diagnostic, ParseError, diagnose
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
from .parser import parse
from .positions import Position, Positions, Span, positions
from .serializer import serialize
from .traversal import iter_child_nodes, walk

__version__ = "0.1.0"

__all__ = [
    "CODES",
    "Block",
    "BulletList",
    "Diagnostic",
    "Document",
    "Heading",
    "Infobox",
    "InfoboxItem",
    "ListItem",
    "Node",
    "Paragraph",
    "ParseError",
    "Position",
    "Positions",
    "Row",
    "Section",
    "Span",
    "Table",
    "__version__",
    "diagnose",
    "iter_child_nodes",
    "parse",
    "positions",
    "serialize",
    "walk",
]
