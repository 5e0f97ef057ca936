"""Walking a tree: children of a node, and all nodes in document order."""

from __future__ import annotations

from collections.abc import Iterator

from .nodes import (
    BulletList,
    Document,
    Infobox,
    ListItem,
    Node,
    Section,
    Table,
)

__all__ = ["iter_child_nodes", "walk"]


def iter_child_nodes(node: Node) -> Iterator[Node]:
    """The direct children of ``node``, in document order."""
    if isinstance(node, Document):
        if node.heading is not None:
            yield node.heading
        yield from node.blocks
        yield from node.sections
    elif isinstance(node, Section):
        yield node.heading
        yield from node.blocks
        yield from node.subsections
    elif isinstance(node, (Infobox, BulletList)):
        yield from node.items
    elif isinstance(node, ListItem):
        if node.children is not None:
            yield node.children
    elif isinstance(node, Table):
        yield node.header
        yield from node.rows


def walk(node: Node) -> Iterator[Node]:
    """``node`` and all its descendants, pre-order, in document order.

    Iterative, so any depth of nesting is fine.
    """
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        children = list(iter_child_nodes(current))
        children.reverse()
        stack.extend(children)
