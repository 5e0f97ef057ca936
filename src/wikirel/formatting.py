"""Canonical form: ``normalize`` a tree, ``format_text`` an article.

Resets every layout field to ``None``/its default, keeping the document's
``newline`` and ``bom`` (properties of the file, not of the markup), so the
result serializes to the canonical form of docs/format.md. One choice the
format leaves to writers is kept by default (``heading_style="preserve"``,
the bundled samples' style): a heading written ``==X==`` or ``== X ==`` stays
so, and so does one blank line between it and its section's first block.
"""

from __future__ import annotations

from typing import Literal, TypeVar

import attrs

from .dialect import DEFAULT, Dialect
from .nodes import Document, Heading, Node, Section, flatten
from .parser import parse
from .serializer import newline_of, serialize
from .traversal import Transformer
from .tree import schema

__all__ = ["HEADING_STYLES", "HeadingStyle", "format_text", "normalize", "same_content"]

#: How headings are written in canonical form: ``"preserve"`` keeps each
#: heading's own regular spacing (``==X==`` or ``== X ==``; anything else is
#: written spaced) and zero or one blank line before its section's first
#: block; ``"spaced"`` writes ``== X ==`` and ``"tight"`` ``==X==`` for every
#: heading, with no blank line after it.
HeadingStyle = Literal["preserve", "spaced", "tight"]
HEADING_STYLES: tuple[HeadingStyle, ...] = ("preserve", "spaced", "tight")

_KEEP = frozenset({(Document, "newline"), (Document, "bom")})

_NodeT = TypeVar("_NodeT", bound=Node)


class _Normalize(Transformer):
    def __init__(self, style: HeadingStyle, root: Node) -> None:
        self.style = style
        # Per section, in the order leave_Section meets them (post-order), popped from the end:
        # the one blank line kept between its heading and first block, or None.
        self.first_blank = _first_blanks(root) if style == "preserve" else []

    # leave_Node matches every node class, after its children: no recursion at any depth.
    def leave_Node(self, node: Node) -> Node:
        cls = type(node)
        defaults = {name: value for name, value in schema(cls).layout.items() if (cls, name) not in _KEEP}
        if isinstance(node, Heading):
            defaults["space_before"] = defaults["space_after"] = _spacing(node, self.style)
        if all(getattr(node, name) == value for name, value in defaults.items()):
            return node
        return attrs.evolve(node, **defaults)  # type: ignore[misc]

    def leave_Section(self, section: Section) -> Section:
        blank = self.first_blank.pop() if self.first_blank else None
        if blank is not None and section.blocks:
            first = attrs.evolve(section.blocks[0], blank_before=blank)
            return attrs.evolve(section, blocks=(first, *section.blocks[1:]))
        return section


def _spacing(heading: Heading, style: HeadingStyle) -> str:
    """The space inside a heading's marks: none only where the text reads back the same."""
    text = heading.text
    tight_reads_back = bool(text) and not text.startswith("=") and not text.endswith("=")
    if style == "tight" or (style == "preserve" and heading.space_before == heading.space_after == ""):
        return "" if tight_reads_back else " "
    return " "


def _first_blanks(root: Node) -> list[tuple[str] | None]:
    """Per section under ``root``, in reverse post-order: one blank line where
    blank lines separate the heading from the first block, else None. Its line
    break is the one ``serialize(root)`` writes for canonical ones. Iterative."""
    blank = (newline_of(root),)
    found: list[tuple[str] | None] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, Section):
            first = node.blocks[0] if node.blocks else None
            found.append(blank if getattr(first, "blank_before", None) else None)
            stack.extend(node.subsections)
        elif isinstance(node, Document):
            stack.extend(node.sections)
    return found


def normalize(node: _NodeT, *, heading_style: HeadingStyle = "preserve") -> _NodeT:
    """``node`` with canonical layout: what a writer following docs/format.md
    would produce, headings written as ``heading_style`` says."""
    if heading_style not in HEADING_STYLES:
        raise ValueError(f"heading_style must be one of {', '.join(HEADING_STYLES)}, not {heading_style!r}")
    return _Normalize(heading_style, node).visit(node)


def same_content(a: Node, b: Node) -> bool:
    """Whether ``a`` and ``b`` differ at most in layout: equal once normalized,
    a document's ``newline`` aside (text without a line break has none).

    Compares without recursion, so trees of any depth compare.
    """
    return _content(a) == _content(b)


def _content(node: Node) -> object:
    node = normalize(node, heading_style="spaced")
    if isinstance(node, Document):
        node = attrs.evolve(node, newline="\n")
    return flatten(node)


def format_text(text: str, *, dialect: Dialect = DEFAULT, heading_style: HeadingStyle = "preserve") -> str:
    """``text`` rewritten in canonical form (read with ``dialect``; headings as
    ``heading_style`` says).

    Idempotent, and the result has the same content (:func:`same_content`)
    as ``text``; both are property-tested on arbitrary strings.

    >>> format_text("==History==\\n- a\\n    - b\\n|x|y\\n")
    '==History==\\n- a\\n  - b\\n\\n| x | y |\\n'
    >>> format_text("==History  ==\\n\\n\\nSince 1992.\\n")
    '== History ==\\n\\nSince 1992.\\n'
    >>> format_text("==History==\\n\\nSince 1992.\\n", heading_style="spaced")
    '== History ==\\nSince 1992.\\n'
    """
    return serialize(normalize(parse(text, dialect=dialect), heading_style=heading_style))
