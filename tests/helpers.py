"""Test helpers: a readable, deterministic dump of a tree for golden files."""

from __future__ import annotations

from wikirel import Node, pretty


def dump(node: Node) -> str:
    """One field per line, fields at their default left out (``wikirel.pretty``)."""
    return pretty(node)
