"""The AST: frozen, slotted attrs nodes (the node classes of the built-in constructs).

Semantic fields (``level``, ``text``, ``key``, ``cells`` ...) are positional and
hold clean values. Layout fields (whitespace, line breaks, blank lines) are
keyword-only; ``None`` in a layout field means "canonical for where the node
stands" (one blank line between blocks, the document's newline, two spaces of
indentation per list level ...). The parser stores ``None`` wherever the text
already is canonical, so a document built from semantic fields alone compares
equal to the parse of its own serialization, and an edited node keeps the
layout it had.

Each node class lives in the module of its construct (``Heading`` in
:mod:`wikirel.markup.heading` ...) and the machinery they share in
:mod:`wikirel.tree`; this module gathers them under the names they have
always had (trees pickled by 0.2 and 0.3 name ``wikirel.nodes.Heading``).
"""

from __future__ import annotations

from typing import Any

from .markup.bullets import BulletList, ListItem
from .markup.document import Block, Document, Section
from .markup.heading import Heading
from .markup.infobox import Infobox, InfoboxItem, infobox_key
from .markup.paragraph import Paragraph
from .markup.table import Row, Table
from .tree import CHILD as CHILD
from .tree import CHILD_BLOCKS, CHILD_NODES, Node, child_fields
from .tree import flatten as flatten
from .tree import render as render
from .tree import unflatten as unflatten

__all__ = [
    "CHILD_BLOCKS",
    "CHILD_NODES",
    "Block",
    "BulletList",
    "Document",
    "Heading",
    "Infobox",
    "InfoboxItem",
    "ListItem",
    "Node",
    "Paragraph",
    "Row",
    "Section",
    "Table",
    "child_fields",
    "infobox_key",
]


def __getattr__(name: str) -> Any:
    if name == "NODE_CLASSES":  # 0.1's list; the dialect's order is the one list now
        import warnings

        warnings.warn(
            "wikirel.nodes.NODE_CLASSES is deprecated: use wikirel.dialect.DEFAULT.node_classes",
            DeprecationWarning,
            stacklevel=2,
        )
        # Deprecated alias, resolved on use: the dialect is a layer above the nodes.
        from .dialect import DEFAULT

        return DEFAULT.node_classes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
