"""Whole-AST JSON: ``to_json`` and ``from_json``, lossless and versioned.

The format (``docs/json.md``)::

    {"wikirel": 1, "node": {"type": "Document", "heading": {...}, "blocks": [...], ...}}

Every node is an object with its class name under ``"type"`` and its fields
(semantic and layout) by name; fields at their default are left out; tuples
are arrays. ``from_json(to_json(node)) == node``, so the text round trip
survives it too.
"""

from __future__ import annotations

import json
import re
from typing import Any

import attrs

from .nodes import NODE_CLASSES, Node

__all__ = ["FORMAT_VERSION", "from_json", "to_json"]

#: The version written under ``"wikirel"``; ``from_json`` reads only this one.
FORMAT_VERSION = 1

NODE_TYPES: dict[str, type[Node]] = {cls.__name__: cls for cls in NODE_CLASSES}
_BLOCKS = frozenset({"Infobox", "Paragraph", "BulletList", "Table"})


def to_json(node: Node, *, indent: int | None = None) -> str:
    """The JSON text of ``node`` and everything below it."""
    return json.dumps({"wikirel": FORMAT_VERSION, "node": to_data(node)}, ensure_ascii=False, indent=indent)


def to_data(node: Node) -> dict[str, Any]:
    """``node`` as plain dicts, lists and scalars (the ``"node"`` of :func:`to_json`)."""
    out: dict[str, Any] = {"type": type(node).__name__}
    for field in attrs.fields(type(node)):  # type: ignore[arg-type]
        if not field.init:
            continue
        value = getattr(node, field.name)
        if field.default is not attrs.NOTHING and value == field.default:
            continue
        out[field.name] = _plain(value)
    return out


def _plain(value: object) -> object:
    if isinstance(value, Node):
        return to_data(value)
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def from_json(text: str | bytes) -> Node:
    """The node that :func:`to_json` wrote. Raises ``ValueError`` on anything else."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON: {error}") from error
    if not isinstance(data, dict) or "node" not in data:
        raise ValueError('not a wikirel JSON document: expected {"wikirel": 1, "node": {...}}')
    if data.get("wikirel") != FORMAT_VERSION:
        version = data.get("wikirel")
        raise ValueError(f"unsupported wikirel JSON version {version!r} (this reads {FORMAT_VERSION})")
    return from_data(data["node"])


def from_data(data: object, path: str = "$.node") -> Node:
    """The node described by plain data (the ``"node"`` of :func:`to_json`)."""
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a node object, got {type(data).__name__}")
    name = data.get("type")
    cls = NODE_TYPES.get(name) if isinstance(name, str) else None
    if cls is None:
        raise ValueError(f"{path}: unknown node type {name!r}")
    fields = attrs.fields_dict(cls)  # type: ignore[arg-type]
    kwargs: dict[str, object] = {}
    for key, value in data.items():
        if key == "type":
            continue
        field = fields.get(key)
        if field is None or not field.init:
            raise ValueError(f"{path}: {name} has no field {key!r}")
        kwargs[key] = _typed(value, str(field.type), f"{path}.{key}")
    try:
        return cls(**kwargs)
    except TypeError as error:
        raise ValueError(f"{path}: {error}") from error


_NAMES = re.compile(r"[A-Za-z_]+")


def _typed(value: object, annotation: str, path: str) -> object:
    """``value`` converted to the field's type (arrays to tuples, objects to nodes), checked."""
    allowed = set(_NAMES.findall(annotation))
    if value is None:
        if "None" not in allowed:
            raise ValueError(f"{path}: null is not allowed here")
        return None
    if isinstance(value, dict):
        node = from_data(value, path)
        kind = type(node).__name__
        if kind not in allowed and not ("Block" in allowed and kind in _BLOCKS):
            raise ValueError(f"{path}: a {kind} is not allowed here")
        return node
    if isinstance(value, list):
        if "tuple" not in allowed:
            raise ValueError(f"{path}: an array is not allowed here")
        inner = annotation[annotation.index("tuple[") + len("tuple[") :]
        return tuple(_typed(item, inner, f"{path}[{i}]") for i, item in enumerate(value))
    if type(value).__name__ in allowed and type(value) in (bool, int, str):
        return value
    raise ValueError(f"{path}: {type(value).__name__} {value!r} is not allowed here")
