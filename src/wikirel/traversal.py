"""Walking and rewriting trees: ``walk``, ``Visitor``, ``Transformer``.

Shaped like Python's ``ast``: ``visit_<NodeClass>`` methods, ``generic_visit``
for the children, ``NodeTransformer``-style replacement; plus LibCST-style
``leave_<NodeClass>`` methods, called after a node's children. Dispatch is
looked up once per visitor class and node class, not by building method names
per node.

The walks keep an explicit stack, so the base classes handle a tree of any
depth. Only user code recurses: a ``visit_X`` that calls ``generic_visit``
nests one Python call per nested ``X``. A ``leave_X`` method does the same job
without recursion (it receives ``X`` with its children already transformed).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Generic, cast

import attrs

from .dialect import DEFAULT, role_of
from .errors import InternalError
from .tree import Node, child_fields, schema

__all__ = ["REMOVE", "RemoveType", "Transformer", "Visitor", "iter_child_nodes", "walk"]

if TYPE_CHECKING:  # Python 3.11's TypeVar takes no default; type checkers read typing_extensions'
    from typing_extensions import TypeVar

    #: What a visitor's methods return: ``class Titles(Visitor[list[str]])``;
    #: ``Any`` for a plain ``Visitor`` subclass.
    _T = TypeVar("_T", default=Any)
else:
    from typing import TypeVar

    _T = TypeVar("_T")

_NodeT = TypeVar("_NodeT", bound=Node)


def __getattr__(name: str) -> Any:
    if name == "CHILD_FIELDS":  # 0.1's table; each class now declares its children
        warnings.warn(
            "wikirel.traversal.CHILD_FIELDS is deprecated: use wikirel.nodes.child_fields(cls)",
            DeprecationWarning,
            stacklevel=2,
        )
        return {cls: child_fields(cls) for cls in DEFAULT.node_classes if child_fields(cls)}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def iter_child_nodes(node: Node) -> Iterator[Node]:
    """The direct children of ``node``, in document order."""
    for name in child_fields(type(node)):
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


class RemoveType:
    """The type of :data:`REMOVE`, for annotations (``-> Node | RemoveType``)."""

    _instance: ClassVar[RemoveType | None] = None

    def __new__(cls) -> RemoveType:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "wikirel.REMOVE"

    def __reduce__(self) -> str:
        return "REMOVE"


#: Returned by a :class:`Transformer` method to drop the node.
REMOVE = RemoveType()

_Method = Callable[..., Any] | None


class Visitor(Generic[_T]):
    """Read a tree: define ``visit_<NodeClass>(self, node)`` methods.

    ``visit(node)`` calls the method for the node's class, or
    :meth:`generic_visit`, which visits the children in document order. A
    method that wants the children visited too calls ``generic_visit``.
    A node without a ``visit_`` method gets its ``leave_<NodeClass>(self,
    node)`` method, if any, called after its children.

    The type parameter is what ``visit`` returns, as your methods promise:
    ``class Count(Visitor[int])`` makes ``Count().visit(doc)`` an ``int`` to
    a type checker (a plain ``Visitor`` subclass: ``Any``).
    """

    # Per class: (prefix, node class) -> method or None, filled on first use.
    _dispatch: ClassVar[dict[tuple[str, type], _Method]] = {}
    _base_generic: ClassVar[Callable[..., Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._dispatch = {}

    def _method(self, kind: type, prefix: str = "visit_") -> _Method:
        dispatch = type(self)._dispatch
        key = (prefix, kind)
        if key not in dispatch:
            methods = (getattr(type(self), f"{prefix}{k.__name__}", None) for k in kind.__mro__)
            dispatch[key] = next((m for m in methods if m is not None), None)
        return dispatch[key]

    def _generic_overridden(self) -> bool:
        """A subclass's own ``generic_visit`` must be called for every node it covers."""
        return type(self).generic_visit is not type(self)._base_generic

    def visit(self, node: Node) -> _T:
        """Visit ``node`` with its ``visit_<Class>`` method, or
        :meth:`generic_visit` and then its ``leave_<Class>`` method; return
        what the last of them returned."""
        method = self._method(type(node))
        if method is not None:
            return method(self, node)  # type: ignore[no-any-return]
        result = self.generic_visit(node)
        leave = self._method(type(node), "leave_")
        return cast("_T", result) if leave is None else leave(self, node)

    def generic_visit(self, node: Node) -> _T | None:
        """Visit every child of ``node``, in document order."""
        overridden = self._generic_overridden()
        # Entries: a node to visit, or (node,) when its children are done.
        stack: list[Node | tuple[Node]] = list(reversed(list(iter_child_nodes(node))))
        while stack:
            entry = stack.pop()
            if type(entry) is tuple:
                leave = self._method(type(entry[0]), "leave_")
                if leave is not None:
                    leave(self, entry[0])
                continue
            child: Node = entry  # type: ignore[assignment]
            method = self._method(type(child))
            if method is not None:
                method(self, child)
                continue
            stack.append((child,))
            if overridden:
                self.generic_visit(child)
            else:
                stack.extend(reversed(list(iter_child_nodes(child))))
        return None


Visitor._base_generic = Visitor.generic_visit


class _Frame:
    """A node whose children are being transformed, and where its result goes."""

    __slots__ = ("changed", "fields", "node", "results", "target")

    def __init__(self, node: Node, target: _Target | None) -> None:
        self.node = node
        self.target = target
        self.fields = child_fields(type(node))
        # Per child field: the transformed values, in order.
        self.results: list[list[object]] = [[] for _ in self.fields]
        self.changed = False


# Where a transformed child goes: (its parent's frame, field index, the child).
_Target = tuple[_Frame, int, Node]


class Transformer(Visitor[Node]):
    """Rewrite a tree: ``visit_<NodeClass>`` (or ``leave_<NodeClass>``, which
    gets the node with its children already transformed) returns the
    replacement node, a sequence of nodes to splice in its place, or
    :data:`REMOVE`.

    Without a method, a node is kept and its children are transformed.
    Unchanged subtrees are returned as they are (shared, not copied), so
    serializing the result changes only what was edited. A list left
    without items is removed with it. A method that returns anything else
    raises ``TypeError`` naming it.
    """

    def visit(self, node: _NodeT) -> _NodeT:
        """The replacement of ``node``: its ``visit_<Class>`` method's, or
        :meth:`generic_visit`'s passed through its ``leave_<Class>`` method.

        Typed as ``node``'s own class (``visit(doc)`` is a ``Document``),
        which it is unless one of your methods replaces ``node`` itself with
        another class, a list or :data:`REMOVE`.
        """
        method = self._method(type(node))
        if method is not None:
            return cast("_NodeT", _checked(method(self, node), method))
        return cast("_NodeT", self._leave(self.generic_visit(node), type(node)))

    def _leave(self, result: object, kind: type) -> object:
        leave = self._method(kind, "leave_")
        if leave is None or not isinstance(result, Node):
            return result
        return _checked(leave(self, result), leave)

    def generic_visit(self, node: _NodeT) -> _NodeT:
        """``node`` with its children transformed (so of its class). The walk keeps an explicit stack."""
        overridden = self._generic_overridden()
        root = _Frame(node, None)
        # Entries: a child to transform, or a frame whose children are all done.
        stack: list[_Target | _Frame] = [root]
        _push_children(stack, root)
        while stack:
            entry = stack.pop()
            if type(entry) is _Frame:
                rebuilt = _rebuild(entry)
                if entry.target is None:
                    return cast("_NodeT", rebuilt)
                _deliver(entry.target, self._leave(rebuilt, type(entry.node)))
                continue
            target: _Target = entry  # type: ignore[assignment]
            child = target[2]
            method = self._method(type(child))
            if method is not None:
                _deliver(target, _checked(method(self, child), method))
            elif overridden:
                _deliver(
                    target, self._leave(_checked(self.generic_visit(child), self.generic_visit), type(child))
                )
            else:
                frame = _Frame(child, target)
                stack.append(frame)
                _push_children(stack, frame)
        raise InternalError("unreachable: the root frame returns")


Transformer._base_generic = Transformer.generic_visit


def _push_children(stack: list[_Target | _Frame], frame: _Frame) -> None:
    node = frame.node
    entries: list[_Target] = []
    for index, name in enumerate(frame.fields):
        value = getattr(node, name)
        if type(value) is tuple:
            entries.extend((frame, index, child) for child in value)
        elif value is not None:
            entries.append((frame, index, value))
    entries.reverse()
    stack.extend(entries)


def _checked(result: object, method: Callable[..., Any]) -> object:
    """``result`` if a transformer may return it; else a TypeError naming ``method``."""
    if isinstance(result, Node) or result is REMOVE:
        return result
    if isinstance(result, (list, tuple)) and all(isinstance(item, Node) for item in result):
        return result
    name = getattr(method, "__qualname__", repr(method))
    raise TypeError(
        f"{name} returned {type(result).__name__}: a transformer returns a Node, "
        "a sequence of Nodes or wikirel.REMOVE"
    )


def _deliver(target: _Target, result: object) -> None:
    """Record the transformed child in its parent's frame."""
    frame, index, child = target
    if _is_empty_list(result):
        result = REMOVE
    slot = frame.results[index]
    if result is child:
        slot.append(child)
        return
    frame.changed = True
    if result is REMOVE:
        return
    if isinstance(result, (list, tuple)):
        slot.extend(result)
    else:
        slot.append(result)


def _rebuild(frame: _Frame) -> Node:
    """The frame's node with its transformed children."""
    node = frame.node
    if not frame.changed:
        return node
    changes: dict[str, object] = {}
    for name, values in zip(frame.fields, frame.results, strict=True):
        old = getattr(node, name)
        if type(old) is tuple:
            changes[name] = tuple(values)
        elif old is not None:
            if len(values) > 1:
                raise TypeError(f"the {name} of a {type(node).__name__} is one node, not {len(values)}")
            new = values[0] if values else None
            if new is None and name in schema(type(node)).required:
                raise ValueError(f"cannot remove the {name} of a {type(node).__name__}")
            changes[name] = new
    return attrs.evolve(node, **changes)  # type: ignore[misc]


def _is_empty_list(node: object) -> bool:
    """A node its construct drops when it has no children left (a list without items)."""
    if not isinstance(node, Node):
        return False
    found = role_of(type(node))
    if found is None or not found[1].drop_empty:
        return False
    return not any(getattr(node, name) for name in child_fields(type(node)))
