"""Canonical form: ``normalize`` a tree, ``format_text`` an article.

Resets every layout field to ``None``/its default, keeping the document's
``newline`` and ``bom`` (properties of the file, not of the markup), so the
result serializes to the canonical form of docs/format.md.
"""

from __future__ import annotations

import attrs

from .nodes import Document, Node, flatten
from .parser import parse
from .registry import DEFAULT, Dialect
from .serializer import serialize
from .traversal import Transformer

__all__ = ["format_text", "normalize", "same_content"]

_KEEP = frozenset({(Document, "newline"), (Document, "bom")})


class _Normalize(Transformer):
    # leave_Node matches every node class, after its children: no recursion at any depth.
    def leave_Node(self, node: Node) -> Node:
        defaults = {
            field.name: field.default
            for field in attrs.fields(type(node))  # type: ignore[arg-type]
            if field.kw_only and field.init and (type(node), field.name) not in _KEEP
        }
        if all(getattr(node, name) == value for name, value in defaults.items()):
            return node
        return attrs.evolve(node, **defaults)  # type: ignore[misc]


def normalize(node: Node) -> Node:
    """``node`` with canonical layout: what a writer following docs/format.md would produce."""
    return _Normalize().visit(node)  # type: ignore[no-any-return]


def same_content(a: Node, b: Node) -> bool:
    """Whether ``a`` and ``b`` differ at most in layout: equal once normalized,
    a document's ``newline`` aside (text without a line break has none).

    Compares without recursion, so trees of any depth compare.
    """
    return _content(a) == _content(b)


def _content(node: Node) -> object:
    node = normalize(node)
    if isinstance(node, Document):
        node = attrs.evolve(node, newline="\n")
    return flatten(node)


def format_text(text: str, *, dialect: Dialect = DEFAULT) -> str:
    """``text`` rewritten in canonical form (read with ``dialect``).

    Idempotent, and the result has the same content (:func:`same_content`)
    as ``text``; both are property-tested on arbitrary strings.

    >>> format_text("==History==\\n- a\\n    - b\\n|x|y\\n")
    '== History ==\\n- a\\n  - b\\n\\n| x | y |\\n'
    """
    return serialize(normalize(parse(text, dialect=dialect)))
