"""Test helpers: a readable, deterministic dump of a tree for golden files."""

from __future__ import annotations

import attrs

from wikirel import Node


def dump(node: object, indent: str = "") -> str:
    """One field per line, fields at their default left out."""
    if isinstance(node, Node) and attrs.has(type(node)):
        lines = [f"{type(node).__name__}("]
        for field in attrs.fields(type(node)):
            if not field.init:
                continue
            value = getattr(node, field.name)
            if field.default is not attrs.NOTHING and value == field.default:
                continue
            lines.append(f"{indent}  {field.name}={dump(value, indent + '  ')},")
        lines.append(f"{indent})")
        return "\n".join(lines)
    if isinstance(node, tuple) and node and isinstance(node[0], Node):
        inner = [f"{indent}  {dump(item, indent + '  ')}," for item in node]
        return "(\n" + "\n".join(inner) + f"\n{indent})"
    return repr(node)
