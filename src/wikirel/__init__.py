"""wikirel: a lossless parser for wiki-style relation articles.

>>> import wikirel
>>> doc = wikirel.parse("= A–B relations =\\n\\n== History ==\\nSince 1992.\\n")
>>> doc.title, doc.sections[0].title
('A–B relations', 'History')
>>> wikirel.serialize(doc) == "= A–B relations =\\n\\n== History ==\\nSince 1992.\\n"
True
"""

from importlib.machinery import EXTENSION_SUFFIXES

from . import _dialects as _dialects  # Dialect's smoke test, registered on import
from . import builder as _builder
from ._resources import samples
from .batch import extract_files, extract_partition, parse_files, parse_many
from .construct import Construct, NodeRole
from .dates import DateSpan, find_dates, split_sentences
from .diagnostics import CODES, diagnose
from .errors import (
    Diagnostic,
    InputError,
    InternalError,
    JSONImportError,
    ParseError,
    SerializeError,
    WikirelError,
)
from .extraction import Envoy, Event, Mission, Relation, Source, Visit, extract_relation, relation_schema
from .facts import Agreement, DiplomaticEvent, MissionEvent
from .facts.countries import Country, resolve_country
from .facts.graph import Graph
from .facts.graph import build_graph as graph
from .facts.people import Person, split_person
from .formatting import format_text, normalize, same_content
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
from .positions import Position, Positions, Span, positions
from .printing import pretty
from .registry import Dialect
from .serializer import serialize
from .traversal import REMOVE, RemoveType, Transformer, Visitor, iter_child_nodes, walk
from .wikitext import from_wikitext  # imports mwparserfromhell only when called

__version__ = "0.3.0"

#: Whether this install runs the hot modules compiled by mypyc (the optional
#: compiled wheels); the pure-Python build gives the same results, slower.
COMPILED: bool = (_builder.__file__ or "").endswith(tuple(EXTENSION_SUFFIXES))

__all__ = [
    "CODES",
    "COMPILED",
    "REMOVE",
    "Agreement",
    "Block",
    "BulletList",
    "Construct",
    "Country",
    "DateSpan",
    "Diagnostic",
    "Dialect",
    "DiplomaticEvent",
    "Document",
    "Envoy",
    "Event",
    "Graph",
    "Heading",
    "Infobox",
    "InfoboxItem",
    "InputError",
    "InternalError",
    "JSONImportError",
    "ListItem",
    "Mission",
    "MissionEvent",
    "Node",
    "NodeRole",
    "Paragraph",
    "ParseError",
    "Person",
    "Position",
    "Positions",
    "Relation",
    "RemoveType",
    "Row",
    "Section",
    "SerializeError",
    "Source",
    "Span",
    "Table",
    "Transformer",
    "Visit",
    "Visitor",
    "WikirelError",
    "__version__",
    "diagnose",
    "extract_files",
    "extract_partition",
    "extract_relation",
    "find_dates",
    "format_text",
    "from_json",
    "from_wikitext",
    "graph",
    "iter_child_nodes",
    "normalize",
    "parse",
    "parse_files",
    "parse_many",
    "positions",
    "pretty",
    "relation_schema",
    "resolve_country",
    "same_content",
    "samples",
    "serialize",
    "split_person",
    "split_sentences",
    "to_json",
    "walk",
]
