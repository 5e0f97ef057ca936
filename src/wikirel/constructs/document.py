"""The document skeleton: ``Document`` and ``Section``.

The parser nests sections by heading level and the serializer writes the
blank lines between blocks, so these two node classes have no reader or
writer here; the construct gives their summaries.
"""

from __future__ import annotations

from ..construct import Construct, NodeRole
from ..nodes import Document, Section

__all__ = ["CONSTRUCT"]


def _summary(node: Document | Section) -> str:
    return f"{type(node).__name__} {node.title!r}"


CONSTRUCT: Construct = Construct(
    name="document",
    nodes=(
        NodeRole(cls=Document, write=None, summary=_summary),
        NodeRole(cls=Section, write=None, summary=_summary),
    ),
)
