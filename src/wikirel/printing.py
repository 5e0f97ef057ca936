"""``pretty``: a tree as readable text, one field per line.

The golden files of the test suite (``tests/golden/*.tree.txt``) are written
with it. Fields at their default are left out, so a parsed tree shows its
semantic fields and only the layout that is not canonical.
"""

from __future__ import annotations

import attrs

from .nodes import Node

__all__ = ["pretty"]


def pretty(node: Node) -> str:
    """``node`` and everything below it, indented two spaces per level.

    >>> import wikirel
    >>> print(pretty(wikirel.parse("== A ==\\n- x\\n")))
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
    out: list[str] = []
    # Entries: (True, literal text) or (False, value, its indentation). Iterative: any depth.
    stack: list[tuple[bool, object, str]] = [(False, node, "")]
    while stack:
        literal, value, indent = stack.pop()
        if literal:
            out.append(value)  # type: ignore[arg-type]
            continue
        parts: list[tuple[bool, object, str]]
        inner = indent + "  "
        if isinstance(value, Node) and attrs.has(type(value)):
            parts = [(True, f"{type(value).__name__}(", "")]
            for field in attrs.fields(type(value)):  # type: ignore[arg-type]
                if not field.init:
                    continue
                item = getattr(value, field.name)
                if field.default is not attrs.NOTHING and item == field.default:
                    continue
                parts += [(True, f"\n{inner}{field.name}=", ""), (False, item, inner), (True, ",", "")]
            parts.append((True, f"\n{indent})", ""))
        elif isinstance(value, tuple) and value and isinstance(value[0], Node):
            parts = [(True, "(", "")]
            for item in value:
                parts += [(True, f"\n{inner}", ""), (False, item, inner), (True, ",", "")]
            parts.append((True, f"\n{indent})", ""))
        else:
            out.append(repr(value))
            continue
        parts.reverse()
        stack.extend(parts)
    return "".join(out)
