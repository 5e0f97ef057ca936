"""Walking and rewriting trees: ``walk``, ``Visitor``, ``Transformer``.

Shaped like Python's ``ast``: ``visit_<NodeClass>`` methods, ``generic_visit``
for the children, ``NodeTransformer``-style replacement. Dispatch is looked up
once per visitor class and node class, not by building method names per node.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar

import attrs

from .nodes import (
    BulletList,
    Document,
    Infobox,
    ListItem,
    Node,
    Section,
    Table,
)

__all__ = ["REMOVE", "Transformer", "Visitor", "iter_child_nodes", "walk"]

# The fields of each node class that hold child nodes, in document order.
CHILD_FIELDS: dict[type[Node], tuple[str, ...]] = {
    Document: ("heading", "blocks", "sections"),
    Section: ("heading", "blocks", "subsections"),
    Infobox: ("items",),
    BulletList: ("items",),
    ListItem: ("children",),
    Table: ("header", "rows"),
}
# Single child fields that cannot be None.
_REQUIRED = frozenset({(Section, "heading"), (Table, "header")})


def iter_child_nodes(node: Node) -> Iterator[Node]:
    """The direct children of ``node``, in document order."""
    for name in CHILD_FIELDS.get(type(node), ()):
        value = getattr(node, name)
        if type(value) is tuple:
            yield from value
        elif value is not None:
            yield value


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


class _Remove:
    """The type of :data:`REMOVE`."""

    _instance: ClassVar[_Remove | None] = None

    def __new__(cls) -> _Remove:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "wikirel.REMOVE"

    def __reduce__(self) -> str:
        return "REMOVE"


#: Returned by a :class:`Transformer` method to drop the node.
REMOVE = _Remove()


class Visitor:
    """Read a tree: define ``visit_<NodeClass>(self, node)`` methods.

    ``visit(node)`` calls the method for the node's class, or
    :meth:`generic_visit`, which visits the children in document order. A
    method that wants the children visited too calls ``generic_visit``.
    """

    # Per class: node class -> method (None: generic_visit), filled on first use.
    _dispatch: ClassVar[dict[type, Callable[..., Any] | None]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._dispatch = {}

    def _method(self, kind: type) -> Callable[..., Any] | None:
        dispatch = type(self)._dispatch
        if kind not in dispatch:
            methods = (getattr(type(self), f"visit_{k.__name__}", None) for k in kind.__mro__)
            dispatch[kind] = next((m for m in methods if m is not None), None)
        return dispatch[kind]

    def visit(self, node: Node) -> Any:
        """Visit ``node`` with its ``visit_<Class>`` method or :meth:`generic_visit`."""
        method = self._method(type(node))
        if method is None:
            return self.generic_visit(node)
        return method(self, node)

    def generic_visit(self, node: Node) -> Any:
        """Visit every child of ``node``, in document order."""
        for child in iter_child_nodes(node):
            self.visit(child)
        return None


class Transformer(Visitor):
    """Rewrite a tree: ``visit_<NodeClass>`` returns the replacement node,
    a sequence of nodes to splice in its place, or :data:`REMOVE`.

    Without a method, a node is kept and its children are transformed.
    Unchanged subtrees are returned as they are (shared, not copied), so
    serializing the result changes only what was edited. A list left
    without items is removed with it.
    """

    def generic_visit(self, node: Node) -> Node:
        changes: dict[str, object] = {}
        for name in CHILD_FIELDS.get(type(node), ()):
            value = getattr(node, name)
            if type(value) is tuple:
                new_items = self._many(value)
                if new_items is not None:
                    changes[name] = new_items
            elif value is not None:
                result = self._one(value)
                if result is not value:
                    if result is REMOVE:
                        if (type(node), name) in _REQUIRED:
                            raise ValueError(f"cannot remove the {name} of a {type(node).__name__}")
                        result = None
                    changes[name] = result
        return attrs.evolve(node, **changes) if changes else node  # type: ignore[misc]

    def _one(self, child: Node) -> object:
        result = self.visit(child)
        if isinstance(result, BulletList) and not result.items:
            return REMOVE
        return result

    def _many(self, children: Sequence[Node]) -> tuple[Node, ...] | None:
        """The transformed children, or None if none changed."""
        out: list[Node] = []
        changed = False
        for child in children:
            result = self._one(child)
            if result is child:
                out.append(child)
                continue
            changed = True
            if result is REMOVE:
                continue
            if isinstance(result, (list, tuple)):
                out.extend(result)
            else:
                out.append(result)  # type: ignore[arg-type]
        return tuple(out) if changed else None
