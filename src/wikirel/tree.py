"""The tree machinery every node class shares: :class:`Node`, the field schema, flatten.

A node class is a frozen, slotted attrs class deriving from :class:`Node`,
declared in the module of its construct (:mod:`wikirel.markup`).
Semantic fields are positional; layout fields are keyword-only, and ``None``
in one means "canonical for where the node stands". Child fields are marked
with :data:`CHILD_NODES` or :data:`CHILD_BLOCKS`.

What a class's fields are (child or value, one child or many, required,
layout and its default, the value's type) is read once per class from its
attrs fields into a :class:`Schema` (:func:`schema`); traversal, ``==``,
``hash``, pickling, ``repr``, formatting and JSON all read it there.
"""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Iterable
from typing import Any

import attrs

__all__ = [
    "CHILD",
    "CHILD_BLOCKS",
    "CHILD_NODES",
    "MANY",
    "ONE",
    "VALUE",
    "FieldSpec",
    "Node",
    "Schema",
    "blanks",
    "child_fields",
    "flatten",
    "lines",
    "pads",
    "pretty",
    "render",
    "schema",
    "to_tuple",
    "unflatten",
    "union_members",
]


def to_tuple(value: Iterable[object]) -> tuple[object, ...]:
    """Converter of a tuple field: any iterable, as a tuple."""
    return value if type(value) is tuple else tuple(value)


def lines(value: str | Iterable[str]) -> tuple[str, ...]:
    """Converter of a field of lines: a string is split on ``\\n``."""
    if isinstance(value, str):
        return tuple(value.split("\n"))
    return value if type(value) is tuple else tuple(value)


def blanks(value: Iterable[str] | None) -> tuple[str, ...] | None:
    """Converter of an optional tuple field (``blank_before``, ``eols``)."""
    return None if value is None else to_tuple(value)  # type: ignore[return-value]


def pads(value: Iterable[Iterable[str]] | None) -> tuple[tuple[str, str], ...] | None:
    """Converter of ``Row.pads``: a tuple of pairs (lists too, so both builds take them)."""
    if value is None or (type(value) is tuple and all(type(pair) is tuple for pair in value)):
        return value
    return tuple(pair if type(pair) is tuple else tuple(pair) for pair in value)  # type: ignore[misc]


#: The metadata key that marks an attrs field as holding child nodes.
CHILD = "wikirel.child"
#: ``attrs.field(metadata=CHILD_NODES)``: the field holds child nodes (one
#: node or ``None``, or a tuple). A node class declares its children once,
#: so; traversal, equality, pickling, JSON and the serializer read it there.
CHILD_NODES: dict[str, str] = {CHILD: "nodes"}
#: ``attrs.field(metadata=CHILD_BLOCKS)``: a tuple of blocks, of any block
#: construct of the dialect (``Document.blocks``, ``Section.blocks``).
CHILD_BLOCKS: dict[str, str] = {CHILD: "blocks"}

#: How a field holds what it holds: a value, one child node (or ``None``), a tuple of children.
VALUE, ONE, MANY = range(3)


class Node:
    """Base class of every wikirel node.

    ``==``, ``hash``, ``repr`` and pickling (so ``copy.deepcopy`` and process
    pools too) walk the tree with an explicit stack, so they work at any
    depth; attrs' own versions recurse once per level. They mean what attrs'
    would: equal when of the same class with equal fields.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _equal(self, other)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(tuple(flatten(self)))

    def __repr__(self) -> str:
        return render(self)

    def __reduce__(self) -> tuple[Any, tuple[list[tuple[type, tuple[object, ...]]]]]:
        return unflatten, (flatten(self),)


@attrs.frozen
class FieldSpec:
    """One ``__init__`` field of a node class, as the schema reads it."""

    #: The attribute's name and its ``__init__`` name (they differ for ``_private`` fields).
    name: str
    alias: str
    #: :data:`VALUE`, :data:`ONE` or :data:`MANY`.
    kind: int
    #: The resolved annotation (``str``, ``tuple[str, ...] | None``, ``Heading``).
    type: Any
    #: Whether ``None`` is allowed.
    optional: bool
    #: For a child field, the node classes it may hold; ``None``: any block of the dialect.
    classes: tuple[type[Node], ...] | None
    #: Whether it is a layout field (keyword-only).
    layout: bool
    #: The default, or ``attrs.NOTHING`` for a required field.
    default: object
    #: Whether ``repr`` shows it.
    shown: bool

    def at_default(self, node: object) -> bool:
        """Whether ``node``'s value of this field is its default (the one rule)."""
        return self.default is not attrs.NOTHING and getattr(node, self.name) == self.default


@attrs.frozen
class Schema:
    """The fields of one node class, read once from its attrs fields (:func:`schema`)."""

    cls: type
    #: Every ``__init__`` field, in declaration order.
    fields: tuple[FieldSpec, ...]
    #: ``(init name, kind)`` per field: what flatten, unflatten and ``==`` walk.
    plan: tuple[tuple[str, int], ...]
    #: The names of the child fields, in document order.
    children: tuple[str, ...]
    #: The single child fields that cannot be ``None`` (no default).
    required: frozenset[str]
    #: Fields by ``__init__`` name.
    by_alias: dict[str, FieldSpec]
    #: The layout fields (keyword-only) and their defaults.
    layout: dict[str, object]


_SCHEMAS: dict[type, Schema] = {}


def schema(cls: type) -> Schema:
    """The :class:`Schema` of node class ``cls``, built on first use and kept."""
    found = _SCHEMAS.get(cls)
    if found is None:
        found = _SCHEMAS[cls] = _read_schema(cls)
    return found


def child_fields(cls: type) -> tuple[str, ...]:
    """The fields of node class ``cls`` that hold child nodes, in document
    order (declared with :data:`CHILD_NODES` or :data:`CHILD_BLOCKS`; a
    subclass inherits them); ``()`` for a class that is no attrs class."""
    found = _SCHEMAS.get(cls)
    if found is None:
        if not attrs.has(cls):
            return ()
        found = schema(cls)
    return found.children


def _read_schema(cls: type) -> Schema:
    specs = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        annotation = _resolve(cls, field)
        options = union_members(annotation)
        child = field.metadata.get(CHILD)
        kind = VALUE
        classes: tuple[type[Node], ...] = ()
        if child is not None:
            many = [o for o in options if typing.get_origin(o) is tuple]
            kind = MANY if many else ONE
            if many:
                options = union_members(typing.get_args(many[0])[0])
            classes = tuple(o for o in options if isinstance(o, type) and issubclass(o, Node))
        specs.append(
            FieldSpec(
                name=field.name,
                alias=field.alias or field.name,
                kind=kind,
                type=annotation,
                optional=type(None) in union_members(annotation),
                classes=None if child == "blocks" else classes,
                layout=field.kw_only,
                default=field.default,
                shown=field.repr is not False,
            )
        )
    return Schema(
        cls=cls,
        fields=tuple(specs),
        plan=tuple((spec.alias, spec.kind) for spec in specs),
        children=tuple(spec.name for spec in specs if spec.kind != VALUE),
        required=frozenset(s.name for s in specs if s.kind == ONE and s.default is attrs.NOTHING),
        by_alias={spec.alias: spec for spec in specs},
        layout={spec.name: spec.default for spec in specs if spec.layout},
    )


def _resolve(cls: type, field: attrs.Attribute[Any]) -> Any:
    """The field's annotation, evaluated in the module of the class that declares it."""
    if not isinstance(field.type, str):
        return field.type
    owner = next((c for c in cls.__mro__ if field.name in vars(c).get("__annotations__", {})), cls)
    namespace = dict(vars(sys.modules[owner.__module__]))
    namespace.setdefault(owner.__name__, owner)
    try:
        return eval(field.type, namespace)  # a string written in the class's own source
    except Exception as error:
        raise TypeError(
            f"node class {cls.__qualname__}: the annotation {field.type!r} of field {field.name!r} "
            f"does not resolve in module {owner.__module__} ({error})"
        ) from None


def union_members(annotation: Any) -> tuple[Any, ...]:
    """The members of a union annotation (``str | None`` -> ``(str, NoneType)``); else ``(annotation,)``."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


_Flat = list[tuple[type, tuple[object, ...]]]


def flatten(root: Node) -> _Flat:
    """The tree as a flat pre-order list of ``(class, field values)``, a child
    field holding its number of children. Iterative: any depth.

    Two trees are equal exactly when their flat lists are, which compares
    trees too deep for ``==`` (attrs' ``__eq__`` recurses once per level).
    """
    out: _Flat = []
    stack = [root]
    while stack:
        node = stack.pop()
        values: list[object] = []
        children: list[Node] = []
        for name, kind in schema(type(node)).plan:
            value = getattr(node, name)
            if kind == VALUE:
                values.append(value)
            elif kind == ONE:
                values.append(0 if value is None else 1)
                if value is not None:
                    children.append(value)
            else:
                values.append(len(value))
                children.extend(value)
        out.append((type(node), tuple(values)))
        children.reverse()
        stack.extend(children)
    return out


def unflatten(entries: _Flat) -> Node:
    """The tree that :func:`flatten` wrote, rebuilt bottom-up without recursion."""
    built: list[Node] = []
    for cls, values in reversed(entries):
        kwargs: dict[str, object] = {}
        for (name, kind), value in zip(schema(cls).plan, values, strict=True):
            if kind == VALUE:
                kwargs[name] = value
            elif kind == ONE:
                kwargs[name] = built.pop() if value else None
            else:
                kwargs[name] = tuple([built.pop() for _ in range(value)])  # type: ignore[call-overload]
        built.append(cls(**kwargs))
    (root,) = built
    return root


def _equal(a: Node, b: Node) -> bool:
    """Field-by-field equality of two trees, pairs of nodes on a stack."""
    stack = [(a, b)]
    while stack:
        x, y = stack.pop()
        if x is y:
            continue
        if type(x) is not type(y):
            return False
        for name, kind in schema(type(x)).plan:
            u, v = getattr(x, name), getattr(y, name)
            if kind == VALUE:
                if u != v:
                    return False
            elif kind == ONE:
                if (u is None) != (v is None):
                    return False
                if u is not None:
                    stack.append((u, v))
            else:
                if len(u) != len(v):
                    return False
                stack.extend(zip(u, v, strict=True))
    return True


def render(root: Node, *, multiline: bool = False) -> str:
    """attrs' repr of a tree (``Heading(level=2, text='x', ...)``), or with
    ``multiline`` one field per line, defaults left out (``wikirel.pretty``).

    Written from an explicit stack, so any depth works.
    """
    out: list[str] = []
    # Entries: (True, literal text, "") or (False, a value to write, its indentation).
    stack: list[tuple[bool, object, str]] = [(False, root, "")]
    while stack:
        literal, value, indent = stack.pop()
        if literal:
            out.append(value)  # type: ignore[arg-type]
            continue
        if isinstance(value, Node):
            opening = f"{type(value).__qualname__.rsplit('>.', 1)[-1]}("
            if multiline:
                shown = [f for f in schema(type(value)).fields if f.shown and not f.at_default(value)]
                items = [(f"{f.name}=", getattr(value, f.name)) for f in shown]
            else:
                fields = attrs.fields(type(value))  # type: ignore[arg-type]
                items = [(f"{f.name}=", getattr(value, f.name)) for f in fields if f.repr]
        elif isinstance(value, tuple) and any(isinstance(item, Node) for item in value):
            opening, items = "(", [("", item) for item in value]
        else:
            out.append(repr(value))
            continue
        inner = indent + "  "
        parts: list[tuple[bool, object, str]] = [(True, opening, "")]
        for index, (label, item) in enumerate(items):
            if multiline:
                parts += [(True, f"\n{inner}{label}", ""), (False, item, inner), (True, ",", "")]
            else:
                parts += [(True, f"{', ' if index else ''}{label}", ""), (False, item, "")]
        one_tuple = opening == "(" and len(items) == 1 and not multiline  # (x,)
        parts.append((True, f"\n{indent})" if multiline else ",)" if one_tuple else ")", ""))
        parts.reverse()
        stack.extend(parts)
    return "".join(out)


def pretty(node: Node) -> str:
    """``node`` and everything below it, indented two spaces per level.

    >>> import wikirel
    >>> print(wikirel.pretty(wikirel.parse("== A ==\\n- x\\n")))
    Document(
      sections=(
        Section(
          heading=Heading(
            level=2,
            text='A',
          ),
          blocks=(
            BulletList(
              items=(
                ListItem(
                  text='x',
                ),
              ),
            ),
          ),
        ),
      ),
    )
    """
    return render(node, multiline=True)
