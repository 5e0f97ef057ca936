"""wikirel: a lossless parser for wiki-style relation articles.

>>> import wikirel
>>> doc = wikirel.parse("= A–B relations =\\n\\n== History ==\\nSince 1992.\\n")
>>> doc.title, doc.sections[0].title
('A–B relations', 'History')
>>> wikirel.serialize(doc) == "= A–B relations =\\n\\n== History ==\\nSince 1992.\\n"
True

The top level holds what most programs call; the rest lives in its module:
:mod:`wikirel.facts` (the fact classes, dates, entities, the graph),
:mod:`wikirel.batch` (many articles at once), :mod:`wikirel.construct`
(writing a construct), :mod:`wikirel.positions`, :mod:`wikirel.traversal`.
"""

from typing import TYPE_CHECKING, Any

from . import _dialect_checks as _dialect_checks  # Dialect's smoke test, registered on import
from .diagnostics import CODES
from .dialect import Dialect
from .errors import Diagnostic, InputError, JSONImportError, ParseError, SerializeError, WikirelError
from .facts.countries import resolve_country
from .facts.extract import extract_relation
from .facts.graph import build_graph as graph
from .facts.model import Relation
from .formatting import format_text, normalize
from .json_format import from_json, to_json
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
from .positions import positions
from .serializer import serialize
from .traversal import REMOVE, Transformer, Visitor, walk
from .tree import pretty
from .wikitext import from_wikitext  # imports mwparserfromhell only when called

__version__ = "0.4.3"

__all__ = [
    "CODES",
    "REMOVE",
    "Block",
    "BulletList",
    "Diagnostic",
    "Dialect",
    "Document",
    "Heading",
    "Infobox",
    "InfoboxItem",
    "InputError",
    "JSONImportError",
    "ListItem",
    "Node",
    "Paragraph",
    "ParseError",
    "Relation",
    "Row",
    "Section",
    "SerializeError",
    "Table",
    "Transformer",
    "Visitor",
    "WikirelError",
    "__version__",
    "extract_relation",
    "format_text",
    "from_json",
    "from_wikitext",
    "graph",
    "normalize",
    "parse",
    "positions",
    "pretty",
    "resolve_country",
    "serialize",
    "to_json",
    "walk",
]

#: Names the top level held until 0.3, and the module each lives in now. They
#: still work, with a DeprecationWarning, until 0.5.
MOVED: dict[str, str] = {
    **dict.fromkeys(["COMPILED"], "wikirel.parser"),
    **dict.fromkeys(["samples"], "wikirel.resources"),
    **dict.fromkeys(["Construct", "NodeRole"], "wikirel.construct"),
    **dict.fromkeys(["diagnose"], "wikirel.diagnostics"),
    **dict.fromkeys(["InternalError"], "wikirel.errors"),
    **dict.fromkeys(["same_content"], "wikirel.formatting"),
    **dict.fromkeys(["Position", "Positions", "Span"], "wikirel.positions"),
    **dict.fromkeys(["RemoveType", "iter_child_nodes"], "wikirel.traversal"),
    **dict.fromkeys(["extract_files", "extract_partition", "parse_files", "parse_many"], "wikirel.batch"),
    **dict.fromkeys(
        [
            "Agreement",
            "Country",
            "DateSpan",
            "DiplomaticEvent",
            "Envoy",
            "Event",
            "Graph",
            "Mission",
            "MissionEvent",
            "Person",
            "Source",
            "Visit",
            "find_dates",
            "relation_schema",
            "split_person",
            "split_sentences",
        ],
        "wikirel.facts",
    ),
}

_SUBMODULES = frozenset(
    ["batch", "construct", "facts", "harness", "reference", "resources", "strategies", "wikitext"]
)

if not TYPE_CHECKING:  # type checkers see no catch-all: a misspelt name stays an error for them

    def __getattr__(name: str) -> Any:
        import importlib

        if name in _SUBMODULES:  # ``import wikirel`` then ``wikirel.batch.parse_many(...)``
            return importlib.import_module(f"wikirel.{name}")
        module = MOVED.get(name)
        if module is None:
            raise AttributeError(f"module 'wikirel' has no attribute {name!r}")
        import warnings

        warnings.warn(
            f"wikirel.{name} moved to {module}.{name}; the top-level name goes in 0.5",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(module), name)
