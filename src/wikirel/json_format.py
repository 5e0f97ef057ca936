"""Whole-AST JSON: ``to_json`` and ``from_json``, lossless and versioned.

The format (``docs/json.md``)::

    {"wikirel": 1, "node": {"type": "Document", "heading": {...}, "blocks": [...], ...}}

Every node is an object with its class name under ``"type"`` and its fields
(semantic and layout) by name; fields at their default are left out; tuples
are arrays. ``from_json(to_json(node)) == node``, so the text round trip
survives it too. Both directions keep an explicit stack: any depth works.

``from_json`` takes untrusted input: it checks every value against the
field's type (``true`` is not ``1``, ``null`` only where a field may be
``None``, pads are pairs), that layout fields hold only layout (white
space, line breaks, blank lines: :data:`LAYOUT_FIELDS`), that a document
reads back from its own text as the same tree, and bounds what a small JSON
text could make ``serialize`` write (:func:`generated_budget`).
"""

from __future__ import annotations

import re
import typing
from typing import Any

from . import _deepjson
from ._text import BREAK, BREAKS, WHITESPACE
from .dialect import DEFAULT, Dialect
from .errors import JSONImportError
from .markup.bullets import INDENT_STEP
from .markup.heading import is_heading, written_marks
from .nodes import Document, Node
from .parser import parse
from .serializer import serialize
from .tree import ONE, VALUE, child_fields, schema, union_members

__all__ = [
    "FORMAT_VERSION",
    "GENERATED_PER_BYTE",
    "LAYOUT_FIELDS",
    "MAX_GENERATED",
    "MIN_GENERATED",
    "from_json",
    "generated_budget",
    "to_json",
]

#: The version written under ``"wikirel"``; ``from_json`` reads only this one.
FORMAT_VERSION = 1

#: ``from_json`` refuses a document whose heading marks (``level``,
#: ``close``) and canonical list indentation add up to more characters than
#: this (256 MiB, the command line's default input limit): a few bytes of
#: JSON must not make ``serialize`` allocate gigabytes.
MAX_GENERATED = 256 * 1024 * 1024
#: ... and more than this many characters per character of the JSON text,
#: or :data:`MIN_GENERATED`, whichever is more: so that the memory
#: ``from_json`` and ``serialize`` use stays proportional to the JSON
#: (``"level": 134217727`` is 19 characters that would write 268 MB).
GENERATED_PER_BYTE = 64
#: The budget of a small JSON text (1 MiB characters).
MIN_GENERATED = 1024 * 1024

#: Layout fields, by name, and what they may hold: ``"space"`` only spaces
#: and tabs; ``"break"`` one line break or ``""``; ``"breaks"`` a tuple of
#: those; ``"blank lines"`` blank lines, each ending with a line break (a
#: document's ``trailing``: the last one may end without one); ``"pads"``
#: pairs of white space. ``from_json`` holds every node class's fields of
#: these names to the rule, extensions' classes too.
LAYOUT_FIELDS: dict[str, str] = {
    "indent": "space",
    "gap": "space",
    "trailing": "space",  # a tuple: a document's trailing blank lines
    "space_before": "space",
    "space_after": "space",
    "key_space": "space",
    "value_space": "space",
    "eol": "break",
    "eols": "breaks",
    "blank_before": "blank lines",
    "pads": "pads",
    "newline": "newline",
}
_SPACE = re.compile(f"[{WHITESPACE}]*")
_BLANK_LINE = re.compile(f"[{WHITESPACE}]*(?:{BREAK.pattern})")
_LAST_BLANK = re.compile(f"[{WHITESPACE}]*(?:{BREAK.pattern})?")

_N = typing.TypeVar("_N", bound=Node)


def to_json(node: Node, *, indent: int | None = None) -> str:
    """The JSON text of ``node`` and everything below it."""
    return _deepjson.dumps({"wikirel": FORMAT_VERSION, "node": to_data(node)}, indent=indent)


def to_data(node: Node) -> dict[str, Any]:
    """``node`` as plain dicts, lists and scalars (the ``"node"`` of :func:`to_json`)."""
    root: list[Any] = [None]
    # Entries: (node, the container and the key or index its data goes to).
    stack: list[tuple[Node, Any, Any]] = [(node, root, 0)]
    while stack:
        current, container, key = stack.pop()
        cls = type(current)
        out: dict[str, Any] = {"type": cls.__name__}
        container[key] = out
        for field in schema(cls).fields:
            if field.at_default(current):
                continue
            value = getattr(current, field.name)
            if field.kind != VALUE and value is not None:
                if type(value) is tuple:
                    items: list[Any] = [None] * len(value)
                    out[field.name] = items
                    stack.extend((child, items, i) for i, child in enumerate(value))
                else:
                    out[field.name] = None
                    stack.append((value, out, field.name))
            else:
                out[field.name] = _plain(value)
    return root[0]  # type: ignore[no-any-return]


def _plain(value: object) -> object:
    """A layout or semantic value (tuples of strings, pairs), as JSON data."""
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


@typing.overload
def from_json(text: str | bytes, *, dialect: Dialect = ...) -> Node: ...
@typing.overload
def from_json(text: str | bytes, kind: type[_N], *, dialect: Dialect = ...) -> _N: ...


def from_json(text: str | bytes, kind: type[Node] = Node, *, dialect: Dialect = DEFAULT) -> Node:
    """The node that :func:`to_json` wrote; with ``kind`` (``from_json(text,
    Document)``), typed as that class and checked to be one. Node types are
    those of ``dialect`` (:class:`wikirel.Dialect`).

    Raises :class:`~wikirel.errors.JSONImportError` (a ``ValueError``) naming
    the JSON path of the first value that is not what the format allows.
    """
    budget = generated_budget(len(text))
    try:
        data = _deepjson.loads(text)
    except ValueError as error:
        raise JSONImportError(f"not JSON: {error}") from None
    if not isinstance(data, dict) or "node" not in data:
        raise JSONImportError('not a wikirel JSON document: expected {"wikirel": 1, "node": {...}}')
    version = data.get("wikirel")
    if type(version) is not int or version != FORMAT_VERSION:
        raise JSONImportError(f"unsupported wikirel JSON version {version!r} (this reads {FORMAT_VERSION})")
    extra = sorted(set(data) - {"wikirel", "node", "path"})  # "path": the CLI's records
    if extra:
        raise JSONImportError(f"$: unexpected key {extra[0]!r}")
    paths: dict[int, _Path] = {}
    node = _read(data["node"], "$.node", dialect, budget, paths)
    if not isinstance(node, kind):
        raise JSONImportError(f"$.node: a {type(node).__name__}, not a {kind.__name__}")
    _check_line_ends(node, paths)
    try:  # the promise: what from_json accepts, serialize writes
        written = serialize(node)
    except ValueError as error:
        raise JSONImportError(f"$.node: cannot be written as text: {error}") from None
    if isinstance(node, Document):  # ... and a document reads back from it as itself
        _check_reads_back(node, parse(written, dialect=dialect), paths)
    return node


def generated_budget(json_length: int) -> int:
    """How many characters of heading marks and canonical indentation a JSON
    text of ``json_length`` characters may make ``serialize`` write:
    ``GENERATED_PER_BYTE`` per character, at least ``MIN_GENERATED``, at
    most ``MAX_GENERATED``."""
    return min(MAX_GENERATED, max(MIN_GENERATED, GENERATED_PER_BYTE * json_length))


class _Path:
    """A JSON path, linked to its parent: made in O(1), spelt out only for an error."""

    __slots__ = ("parent", "segment")

    def __init__(self, parent: _Path | None, segment: str) -> None:
        self.parent = parent
        self.segment = segment

    def __str__(self) -> str:
        segments = []
        node: _Path | None = self
        while node is not None:
            segments.append(node.segment)
            node = node.parent
        segments.reverse()
        if len(segments) > 16:  # a path thousands of levels deep: its ends say where
            segments[6:-8] = [f"…({len(segments) - 14} more)…"]
        return "".join(segments)


def _value(value: object, annotation: Any, path: _Path) -> object:
    """``value`` as the field's type wants it (arrays to tuples), or ValueError."""
    options = union_members(annotation)
    for option in options:
        if option is type(None) and value is None:
            return None
        if option in (str, int, bool) and type(value) is option:
            return value
        if typing.get_origin(option) is tuple and type(value) is list:
            args = typing.get_args(option)
            if len(args) == 2 and args[1] is Ellipsis:
                return tuple(_value(item, args[0], _Path(path, f"[{i}]")) for i, item in enumerate(value))
            if len(value) != len(args):
                raise JSONImportError(f"{path}: expected an array of {len(args)} items, got {len(value)}")
            return tuple(
                _value(item, arg, _Path(path, f"[{i}]"))
                for i, (item, arg) in enumerate(zip(value, args, strict=True))
            )
    shown = "null" if value is None else f"{type(value).__name__} {value!r}"[:80]
    raise JSONImportError(f"{path}: {shown} is not allowed here (expected {_describe(annotation)})")


def _describe(annotation: Any) -> str:
    if isinstance(annotation, type):
        return annotation.__name__
    return str(annotation).replace("typing.", "").replace("wikirel.nodes.", "")


class _Build:
    """A node being read: its class, checked fields, and where it goes."""

    __slots__ = ("cls", "kwargs", "path", "target")

    def __init__(self, cls: type[Node], path: _Path, target: tuple[dict[str, Any], str] | None) -> None:
        self.cls = cls
        self.path = path
        self.target = target
        self.kwargs: dict[str, Any] = {}


def from_data(data: object, path: str = "$.node", *, dialect: Dialect = DEFAULT) -> Node:
    """The node described by plain data (the ``"node"`` of :func:`to_json`),
    its fields checked as :func:`from_json` checks them, its generated text
    bounded by :data:`MAX_GENERATED`; it is not serialized or read back."""
    return _read(data, path, dialect, MAX_GENERATED, None)


def _read(data: object, path: str, dialect: Dialect, limit: int, paths: dict[int, _Path] | None) -> Node:
    """:func:`from_data`, with ``paths`` (when given) filled with each node's JSON path by ``id``."""
    result: dict[str, Any] = {"root": None}
    budget = [limit, limit]
    types, blocks, indented = dialect.node_types, dialect.block_classes, dialect.indent_by_depth
    # Entries: (data, path, allowed classes, target, list items above) to read,
    # or a _Build whose children are all read.
    stack: list[Any] = [(data, _Path(None, path), dialect.node_classes, (result, "root"), 0)]
    while stack:
        entry = stack.pop()
        if type(entry) is _Build:
            kwargs = {k: tuple(v) if type(v) is list else v for k, v in entry.kwargs.items()}
            try:
                node = entry.cls(**kwargs)
            except (TypeError, ValueError) as error:
                raise JSONImportError(f"{entry.path}: {error}") from None
            if paths is not None:
                paths[id(node)] = entry.path
            container, key = entry.target  # type: ignore[misc]
            if type(container[key]) is list:
                container[key].append(node)
            else:
                container[key] = node
            continue
        item, where, allowed, target, items_above = entry
        build = _Build(_node_class(item, where, allowed, types), where, target)
        stack.append(build)
        children = []
        for key, value in item.items():
            if key == "type":
                continue
            field = schema(build.cls).by_alias.get(key)
            if field is None:
                raise JSONImportError(f"{where}: {build.cls.__name__} has no field {key!r}")
            at = _Path(where, f".{key}")
            if field.kind == VALUE:
                build.kwargs[key] = checked = _value(value, field.type, at)
                rule = LAYOUT_FIELDS.get(key)
                if rule is not None and checked is not None:
                    _check_layout(rule, checked, at)
            elif value is None:
                if not field.optional:
                    raise JSONImportError(f"{at}: null is not allowed here")
                build.kwargs[key] = None
            elif field.kind == ONE:
                build.kwargs[key] = None
                children.append((value, at, field.classes or blocks, (build.kwargs, key)))
            else:
                if type(value) is not list:
                    raise JSONImportError(f"{at}: expected an array of nodes, got {type(value).__name__}")
                build.kwargs[key] = []
                allowed_here = blocks if field.classes is None else field.classes
                children.extend(
                    (child, _Path(at, f"[{i}]"), allowed_here, (build.kwargs, key))
                    for i, child in enumerate(value)
                )
        is_indented = issubclass(build.cls, indented)
        below = items_above + is_indented
        _spend(budget, build, items_above if is_indented else 0, where)
        stack.extend((*child, below) for child in reversed(children))
    return result["root"]  # type: ignore[no-any-return]


def _node_class(
    data: object, path: _Path, allowed: tuple[type[Node], ...], types: dict[str, type[Node]]
) -> type[Node]:
    if not isinstance(data, dict):
        raise JSONImportError(f"{path}: expected a node object, got {type(data).__name__}")
    name = data.get("type")
    cls = types.get(name) if isinstance(name, str) else None
    if cls is None:
        raise JSONImportError(f"{path}: unknown node type {name!r}")
    if not issubclass(cls, allowed):
        raise JSONImportError(f"{path}: a {name} is not allowed here")
    return cls


def _spend(budget: list[int], build: _Build, items_above: int, path: _Path) -> None:
    """Charge what ``serialize`` writes beyond the JSON's own text; check marks.

    ``items_above``: for a node whose canonical indentation grows with
    nesting (a list item), how many such items enclose it; else 0.
    """
    kwargs = build.kwargs
    cost = 0
    if is_heading(build.cls) and "level" in kwargs:  # a missing level fails in __init__
        try:
            cost = written_marks(kwargs)
        except ValueError as error:
            raise JSONImportError(f"{path}: {error}") from None
    elif items_above and kwargs.get("indent") is None:
        cost = len(INDENT_STEP) * items_above
    budget[0] -= cost
    if budget[0] < 0:
        raise JSONImportError(
            f"{path}: the document would write more than {budget[1]} characters of heading marks "
            "and indentation (wikirel.json_format.MAX_GENERATED, GENERATED_PER_BYTE per JSON character)"
        )


def _check_layout(rule: str, value: Any, path: _Path) -> None:
    """``value`` (of the field's type already) holds only what layout ``rule`` allows."""
    bad: str | None
    if rule == "space" and type(value) is str:
        bad, allowed = (None if _SPACE.fullmatch(value) else value), "only spaces and tabs"
    elif rule == "space" or rule == "blank lines":  # a tuple: a document's trailing, blank_before
        last = len(value) - 1 if rule == "space" else -1  # a document's last line may lack a break
        found = next(
            (
                (index, line)
                for index, line in enumerate(value)
                if not _BLANK_LINE.fullmatch(line)
                and not (index == last and line and _LAST_BLANK.fullmatch(line))
            ),
            None,
        )
        allowed = "blank lines (spaces and tabs) that end with a line break"
        bad = None
        if found is not None:
            path, bad = _Path(path, f"[{found[0]}]"), found[1]
    elif rule == "break":
        bad, allowed = (None if value in _EOLS else value), 'a line break or ""'
    elif rule == "breaks":
        bad, allowed = next((eol for eol in value if eol not in _EOLS), None), 'line breaks or ""'
    elif rule == "newline":
        bad, allowed = (None if value in BREAKS else value), "LF, CRLF or CR"
    else:  # pads
        bad = next((side for pair in value for side in pair if not _SPACE.fullmatch(side)), None)
        allowed = "only spaces and tabs"
    if bad is not None:
        raise JSONImportError(f"{path}: {bad[:60]!r} is not layout (this field holds {allowed})")


_EOLS = ("", *BREAKS)


def _line_end(node: Node) -> tuple[str, Any] | None:
    """The field holding ``node``'s line break(s), and its value; ``None`` if it writes no line itself."""
    for name in ("eol", "eols"):
        if hasattr(node, name):
            return name, getattr(node, name)
    return None


def _check_line_ends(root: Node, paths: dict[int, _Path]) -> None:
    """Only the last line written may end without a line break: the next
    would join it (``"eols": ["", ""]``, a header row with ``"eol": ""``)."""
    # Pre-order is the order lines are written in.
    open_end: tuple[Node, str] | None = None
    stack = [root]
    while stack:
        node = stack.pop()
        end = _line_end(node)
        blank = getattr(node, "blank_before", None)
        if open_end is not None and (end is not None or blank):
            culprit, name = open_end
            raise JSONImportError(
                f"{paths.get(id(culprit), '$.node')}.{name}: a line without a line break must be "
                "the last line of the text (the next line would join it)"
            )
        if end is not None:
            name, value = end
            if name == "eols" and value and "" in value[:-1]:
                raise JSONImportError(
                    f"{paths.get(id(node), '$.node')}.eols: only the last line of the text may end "
                    'without a line break ("" joins two lines)'
                )
            if value == "" or (name == "eols" and value and value[-1] == ""):
                open_end = (node, name)
        children: list[Node] = []
        for field in child_fields(type(node)):
            value = getattr(node, field)
            if type(value) is tuple:
                children.extend(value)
            elif value is not None:
                children.append(value)
        stack.extend(reversed(children))
    if open_end is not None and isinstance(root, Document) and root.trailing:
        culprit, name = open_end
        raise JSONImportError(
            f"{paths.get(id(culprit), '$.node')}.{name}: a line without a line break must be the last "
            "line of the text (the document's trailing blank lines follow it)"
        )


def _check_reads_back(node: Node, again: Node, paths: dict[int, _Path]) -> None:
    """``again`` (the parse of ``node``'s text) equals ``node``; else the
    error names the first node, in document order, that reads back otherwise."""
    stack = [(node, again)]
    while stack:
        x, y = stack.pop()
        where = paths.get(id(x), "$.node")
        if type(x) is not type(y):
            raise JSONImportError(
                f"{where}: its text reads back as a {type(y).__name__}, not a {type(x).__name__} "
                "(parse(serialize(node)) must give the node back)"
            )
        pairs: list[tuple[Node, Node]] = []
        for field in schema(type(x)).fields:
            u, v = getattr(x, field.name), getattr(y, field.name)
            if field.kind == VALUE:
                if u != v or type(u) is not type(v):
                    hint = "; null is the canonical layout" if field.layout else ""
                    raise JSONImportError(
                        f"{where}.{field.alias}: {_shown(u)} is written as text that reads back as "
                        f"{_shown(v)} (parse(serialize(node)) must give the node back{hint})"
                    )
            elif type(u) is tuple:
                if len(u) != len(v):
                    raise JSONImportError(
                        f"{where}.{field.alias}: {len(u)} nodes are written as text that reads back "
                        f"as {len(v)} (parse(serialize(node)) must give the node back)"
                    )
                pairs.extend(zip(u, v, strict=True))
            elif (u is None) != (v is None):
                raise JSONImportError(
                    f"{where}.{field.alias}: {_shown(u)} is written as text that reads back as "
                    f"{_shown(v)} (parse(serialize(node)) must give the node back)"
                )
            elif u is not None:
                pairs.append((u, v))
        stack.extend(reversed(pairs))


def _shown(value: object) -> str:
    if isinstance(value, Node):
        return f"a {type(value).__name__}"
    shown = "null" if value is None else repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."
