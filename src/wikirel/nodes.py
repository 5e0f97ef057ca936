"""The AST: frozen, slotted attrs nodes.

Semantic fields (``level``, ``text``, ``key``, ``cells`` ...) are positional and
hold clean values. Layout fields (whitespace, line breaks, blank lines) are
keyword-only; ``None`` in a layout field means "canonical for where the node
stands" (one blank line between blocks, the document's newline, two spaces of
indentation per list level ...). The parser stores ``None`` wherever the text
already is canonical, so a document built from semantic fields alone compares
equal to the parse of its own serialization, and an edited node keeps the
layout it had.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from .errors import Diagnostic

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


def _tuple(value: Iterable[object]) -> tuple[object, ...]:
    return value if type(value) is tuple else tuple(value)


def _lines(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(value.split("\n"))
    return value if type(value) is tuple else tuple(value)


def _blanks(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else _tuple(value)  # type: ignore[return-value]


def _pads(value: Iterable[Iterable[str]] | None) -> tuple[tuple[str, str], ...] | None:
    """``Row.pads`` as a tuple of pairs (lists too, so both builds take them)."""
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


def __getattr__(name: str) -> Any:
    if name == "NODE_CLASSES":  # 0.1's list; the registry's order is the one list now
        import warnings

        warnings.warn(
            "wikirel.nodes.NODE_CLASSES is deprecated: use wikirel.registry.DEFAULT.node_classes",
            DeprecationWarning,
            stacklevel=2,
        )
        # Deprecated alias, resolved on use: the registry is a layer above the nodes.
        from .registry import DEFAULT

        return DEFAULT.node_classes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_KEY_NOISE = re.compile(r"[\s_-]+")


def infobox_key(name: str) -> str:
    """The one rule for "the same infobox key", used by :meth:`Infobox.get`,
    the duplicate-key diagnostic and extraction: case, white space, ``_`` and
    ``-`` do not count (``Envoy1``, ``envoy_1``, ``Envoy 1``, ``ENVOY-1``)."""
    return _KEY_NOISE.sub("", name).casefold()


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


@attrs.frozen(eq=False, repr=False)
class Heading(Node):
    """A heading line ``== text ==``; ``level`` counts the opening ``=``.

    Layout: ``close`` is the number of closing ``=`` (``None``: same as
    ``level``), ``space_before``/``space_after`` surround the text, ``trailing``
    is whitespace after the closing marks.
    """

    level: int
    text: str
    close: int | None = attrs.field(default=None, kw_only=True)
    space_before: str = attrs.field(default=" ", kw_only=True)
    space_after: str = attrs.field(default=" ", kw_only=True)
    trailing: str = attrs.field(default="", kw_only=True)
    eol: str | None = attrs.field(default=None, kw_only=True)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=_blanks)


@attrs.frozen(eq=False, repr=False)
class InfoboxItem(Node):
    """One ``- Key: Value`` line of an infobox; the value keeps any later ``:``."""

    key: str
    value: str
    colon: bool = attrs.field(default=True, kw_only=True)
    indent: str = attrs.field(default="", kw_only=True)
    gap: str = attrs.field(default=" ", kw_only=True)
    key_space: str = attrs.field(default="", kw_only=True)
    value_space: str | None = attrs.field(default=None, kw_only=True)
    trailing: str = attrs.field(default="", kw_only=True)
    eol: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen(eq=False, repr=False)
class Infobox(Node):
    """An ``Infobox`` line and the ``- Key: Value`` items right below it.

    Duplicate keys are all kept as items; :meth:`to_dict` and :meth:`get`
    take the last one, as MediaWiki does.
    """

    items: tuple[InfoboxItem, ...] = attrs.field(metadata=CHILD_NODES, default=(), converter=_tuple)
    trailing: str = attrs.field(default="", kw_only=True)
    eol: str | None = attrs.field(default=None, kw_only=True)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=_blanks)

    def to_dict(self) -> dict[str, str]:
        """Keys to values, in order of first appearance; the last duplicate wins."""
        return {item.key: item.value for item in self.items}

    def get(self, key: str, default: str | None = None) -> str | None:
        """The value of ``key`` (the last, if repeated), keys compared by :func:`infobox_key`."""
        wanted = infobox_key(key)
        for item in reversed(self.items):
            if infobox_key(item.key) == wanted:
                return item.value
        return default

    def get_all(self, key: str) -> tuple[str, ...]:
        """Every value of ``key`` (compared by :func:`infobox_key`), in order."""
        wanted = infobox_key(key)
        return tuple(item.value for item in self.items if infobox_key(item.key) == wanted)


@attrs.frozen(eq=False, repr=False)
class Paragraph(Node):
    """One or more lines of running text; ``lines`` keep their own spacing.

    ``Paragraph("one\\ntwo")`` splits a string on ``\\n``.
    """

    lines: tuple[str, ...] = attrs.field(converter=_lines)
    eols: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=_blanks)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=_blanks)

    @property
    def text(self) -> str:
        """The lines, stripped and joined by single spaces."""
        return " ".join(line.strip() for line in self.lines)


@attrs.frozen(eq=False, repr=False)
class ListItem(Node):
    """One ``- item`` line and the items indented below it (``children``)."""

    text: str
    children: BulletList | None = attrs.field(metadata=CHILD_NODES, default=None)
    indent: str | None = attrs.field(default=None, kw_only=True)
    gap: str | None = attrs.field(default=None, kw_only=True)
    trailing: str = attrs.field(default="", kw_only=True)
    eol: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen(eq=False, repr=False)
class BulletList(Node):
    """A run of ``- item`` lines, nested by indentation."""

    items: tuple[ListItem, ...] = attrs.field(metadata=CHILD_NODES, converter=_tuple)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=_blanks)


@attrs.frozen(eq=False, repr=False)
class Row(Node):
    """One ``| a | b |`` line; ``cells`` are the stripped cell texts.

    Layout: ``pads`` holds each cell's (left, right) whitespace, ``closed``
    says whether the line ends with ``|``.
    """

    cells: tuple[str, ...] = attrs.field(converter=_tuple)
    pads: tuple[tuple[str, str], ...] | None = attrs.field(default=None, kw_only=True, converter=_pads)
    closed: bool = attrs.field(default=True, kw_only=True)
    trailing: str = attrs.field(default="", kw_only=True)
    eol: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen(eq=False, repr=False)
class Table(Node):
    """A pipe table: the first row is the header, the rest are body rows."""

    header: Row = attrs.field(metadata=CHILD_NODES)
    rows: tuple[Row, ...] = attrs.field(metadata=CHILD_NODES, default=(), converter=_tuple)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=_blanks)

    @property
    def keys(self) -> tuple[str, ...]:
        """Record keys: header cells; blank or repeated ones, and cells past
        the header, get ``"column N"`` (N counted from 1), made unique."""
        width = max([len(self.header.cells), *(len(row.cells) for row in self.rows)])
        return _record_keys(self.header.cells, width)

    def records(self) -> list[dict[str, str]]:
        """Body rows as dicts keyed by :attr:`keys`; short rows pad with ``""``."""
        keys = self.keys
        width = len(self.header.cells)
        out = []
        for row in self.rows:
            cells = row.cells
            if len(cells) < width:
                cells = cells + ("",) * (width - len(cells))
            out.append(dict(zip(keys, cells, strict=False)))  # keys span the widest row
        return out


def _record_keys(header: tuple[str, ...], width: int) -> tuple[str, ...]:
    keys: list[str] = []
    seen: set[str] = set()
    # Per base: the next suffix to try, so n equal cells cost O(n), not O(n²).
    suffix: dict[str, int] = {}
    for index in range(width):
        base = header[index] if index < len(header) and header[index] else f"column {index + 1}"
        key = base
        if key in seen:
            n = suffix.get(base, 2)
            while (key := f"{base} ({n})") in seen:
                n += 1
            suffix[base] = n + 1
        seen.add(key)
        keys.append(key)
    return tuple(keys)


Block = Infobox | Paragraph | BulletList | Table


@attrs.frozen(eq=False, repr=False)
class Section(Node):
    """A heading, the blocks under it, and deeper sections (by heading level)."""

    heading: Heading = attrs.field(metadata=CHILD_NODES)
    blocks: tuple[Block, ...] = attrs.field(metadata=CHILD_BLOCKS, default=(), converter=_tuple)
    subsections: tuple[Section, ...] = attrs.field(metadata=CHILD_NODES, default=(), converter=_tuple)

    @property
    def title(self) -> str:
        """The heading text."""
        return self.heading.text

    @property
    def level(self) -> int:
        """The heading level (2 for ``== X ==``)."""
        return self.heading.level


@attrs.frozen(eq=False, repr=False)
class Document(Node):
    """A whole article: the title heading, the lead blocks, the sections.

    Layout: ``bom`` (text began with U+FEFF), ``newline`` (the first line
    break of the text; ``eol=None`` fields mean this), ``trailing`` (blank
    lines at the very end).
    """

    heading: Heading | None = attrs.field(metadata=CHILD_NODES, default=None)
    blocks: tuple[Block, ...] = attrs.field(metadata=CHILD_BLOCKS, default=(), converter=_tuple)
    sections: tuple[Section, ...] = attrs.field(metadata=CHILD_NODES, default=(), converter=_tuple)
    bom: bool = attrs.field(default=False, kw_only=True)
    newline: str = attrs.field(default="\n", kw_only=True)
    trailing: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_tuple)
    _diagnostics: tuple[Diagnostic, ...] | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def title(self) -> str | None:
        """The title text, or ``None`` when the first line is no ``= Title =``."""
        return None if self.heading is None else self.heading.text

    @property
    def infobox(self) -> Infobox | None:
        """The first infobox (in the lead, else anywhere in the document), or ``None``."""
        for block in self.blocks:
            if isinstance(block, Infobox):
                return block
        for section in self.iter_sections():
            for block in section.blocks:
                if isinstance(block, Infobox):
                    return block
        return None

    def iter_sections(self) -> Iterator[Section]:
        """Every section, nested ones included, in document order."""
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.subsections))

    def find_section(self, title: str) -> Section | None:
        """The first section whose title matches, ignoring case and outer spaces."""
        wanted = title.strip().casefold()
        for section in self.iter_sections():
            if section.title.strip().casefold() == wanted:
                return section
        return None

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Malformed constructs, computed from the tree on first use.

        Derived from the nodes rather than stored by the parser, so an edited
        document (``attrs.evolve``) never reports stale findings.
        """
        found = self._diagnostics
        if found is None:
            # The one upward import: diagnostics need positions, which need
            # the serializer, which needs these nodes. Imported on first use.
            from .diagnostics import diagnose

            found = diagnose(self)
            object.__setattr__(self, "_diagnostics", found)
        return found


# How flatten stores a field: the value itself, one optional child, or a tuple of children.
_VALUE, _ONE, _MANY = range(3)
_PLANS: dict[type, tuple[tuple[str, int], ...]] = {}


_CHILDREN: dict[type, tuple[str, ...]] = {}


def child_fields(cls: type) -> tuple[str, ...]:
    """The fields of node class ``cls`` that hold child nodes, in document
    order (declared with :func:`child_field`; a subclass inherits them)."""
    found = _CHILDREN.get(cls)
    if found is None:
        found = ()
        if attrs.has(cls):
            found = tuple(f.name for f in attrs.fields(cls) if CHILD in f.metadata)
        _CHILDREN[cls] = found
    return found


def _plan(cls: type) -> tuple[tuple[str, int], ...]:
    plan = _PLANS.get(cls)
    if plan is None:
        children = child_fields(cls)
        plan = tuple(
            (
                field.alias,
                _VALUE
                if field.name not in children
                else _MANY
                if str(field.type).startswith("tuple")
                else _ONE,
            )
            for field in attrs.fields(cls)
            if field.init
        )
        _PLANS[cls] = plan
    return plan


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
        for name, kind in _plan(type(node)):
            value = getattr(node, name)
            if kind == _VALUE:
                values.append(value)
            elif kind == _ONE:
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
        for (name, kind), value in zip(_plan(cls), values, strict=True):
            if kind == _VALUE:
                kwargs[name] = value
            elif kind == _ONE:
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
        for name, kind in _plan(type(x)):
            u, v = getattr(x, name), getattr(y, name)
            if kind == _VALUE:
                if u != v:
                    return False
            elif kind == _ONE:
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
            fields = attrs.fields(type(value))  # type: ignore[arg-type]
            if multiline:
                fields = [f for f in fields if f.init and not _at_default(value, f)]
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


def _at_default(node: Node, field: attrs.Attribute[object]) -> bool:
    return field.default is not attrs.NOTHING and getattr(node, field.name) == field.default
