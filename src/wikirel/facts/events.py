"""Running text: the sentences of paragraphs and the items of lists, each with its source.

Which blocks are lists, and which of their nodes are items, is learnt from
the dialect's constructs (:func:`list_kinds`): a construct's node classes
whose role is a ``list_item`` (:class:`~wikirel.construct.NodeRole`) are its
items ("- a", "1. a", or a user's own list construct). A dated sentence or item is an
:class:`~wikirel.facts.model.Event`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ..construct import Construct
from ..dialect import BUILTIN, OPTIONAL
from ..markup.numbered import NumberedItem, NumberedList
from ..nodes import BulletList, Document, ListItem, Node, Paragraph, Section
from ..positions import starts
from ..traversal import walk
from .model import Source, make_source, sources_on_line
from .sentences import sentence_starts

__all__ = ["ListKinds", "Where", "list_items", "list_kinds", "sections_with_titles", "sentences"]


class Where:
    """The sources of facts read from one document: where each of its nodes starts."""

    __slots__ = ("_starts",)

    def __init__(self, doc: Node) -> None:
        self._starts = starts(doc)

    def start(self, node: Node) -> tuple[Node, int, int]:
        """``(node, line, column)`` where ``node`` starts."""
        return self._starts[id(node)]

    def at(self, node: Node, column: int = 0, line: int = 0) -> Source:
        """The source of a fact ``line`` lines and (on its line) ``column`` characters into ``node``."""
        _, first, start = self._starts[id(node)]
        return make_source(type(node).__name__, first + line, (start if not line else 1) + column, node)


@attrs.frozen
class ListKinds:
    """The list blocks of a dialect and their item classes."""

    blocks: tuple[type[Node], ...]
    items: tuple[type[Node], ...]

    def is_list(self, block: Node) -> bool:
        """Whether ``block`` is one of the dialect's list blocks."""
        return isinstance(block, self.blocks)


def list_kinds(constructs: tuple[Construct, ...] | None = None) -> ListKinds:
    """The list blocks and item classes of ``constructs`` (None: the built-in
    and optional constructs wikirel ships, numbered lists included)."""
    key = () if constructs is None else tuple(map(id, constructs))
    found = _KINDS.get(key)
    if found is not None:
        return found[1]
    if constructs is None:
        constructs = (*BUILTIN, *OPTIONAL.values())
    blocks: list[type[Node]] = []
    items: list[type[Node]] = []
    for construct in constructs:
        texts = [role.cls for role in construct.nodes if role.list_item]
        if texts:
            blocks.append(construct.block)
            items.extend(texts)
    kinds = ListKinds(tuple(blocks), tuple(items))
    if len(_KINDS) >= 64:  # a process that makes dialect after dialect
        _KINDS.clear()
    _KINDS[key] = (constructs, kinds)  # the constructs kept alive: their ids stay theirs
    return kinds


# Per dialect's constructs (by identity: a Construct is not hashable), their list kinds.
_KINDS: dict[tuple[int, ...], tuple[tuple[Construct, ...], ListKinds]] = {}


def list_items(block: Node, kinds: ListKinds) -> list[Node]:
    """Every item of a list block, nested ones included, in document order."""
    if type(block) is BulletList or type(block) is NumberedList:
        found = _own_list_items(block, kinds.items)
        if found is not None:
            return found
    return [node for node in walk(block) if isinstance(node, kinds.items)]


def _own_list_items(block: Any, items: tuple[type[Node], ...]) -> list[Node] | None:
    """``list_items`` of a list of wikirel's own classes, read from its fields rather than
    by the generic walk (the same nodes in the same order); None for any other node in it."""
    found: list[Node] = []
    stack: list[Any] = [block]
    while stack:
        node = stack.pop()
        cls = type(node)
        if (cls is BulletList or cls is NumberedList) and type(node.items) is tuple:
            stack.extend(reversed(node.items))
        elif cls is ListItem or cls is NumberedItem:
            if isinstance(node, items):
                found.append(node)
            if node.children is not None:
                stack.append(node.children)
        else:
            return None
    return found


def sentences(para: Paragraph, where: Where) -> list[tuple[str, Source]]:
    """Each sentence of ``para`` with the line and column it starts at."""
    lines = para.lines
    if len(lines) == 1 and type(para) is Paragraph:
        # The common case, Paragraph.text without its generator; offsets in the
        # text are columns on the line, after its leading white space.
        line = lines[0]
        left = line.lstrip()
        offsets, found = sentence_starts(left.rstrip())
        if not found:
            return []
        _, first, column = where._starts[id(para)]
        return sources_on_line(found, "Paragraph", first, column + len(line) - len(left), offsets, para)
    offsets, found = sentence_starts(para.text)
    if not found:
        return []
    kind = type(para).__name__
    _, first, column = where.start(para)
    if len(lines) == 1:  # offsets in the text are columns on the line
        line = lines[0]
        column += len(line) - len(line.lstrip())
        return [
            (sentence, make_source(kind, first, column + at, para))
            for at, sentence in zip(offsets, found, strict=True)
        ]
    # Where each line's stripped text starts in the text (lines are joined by one space).
    bases: list[tuple[int, int]] = []  # (offset in text, leading white space on its line)
    offset = 0
    for line in lines:
        stripped = line.strip()
        bases.append((offset, len(line) - len(line.lstrip())))
        offset += len(stripped) + 1
    out = []
    index = 0
    for at, sentence in zip(offsets, found, strict=True):
        while index + 1 < len(bases) and bases[index + 1][0] <= at:
            index += 1
        base, lead = bases[index]
        on_line = (column if not index else 1) + lead + at - base
        out.append((sentence, make_source(kind, first + index, on_line, para)))
    return out


def sections_with_titles(doc: Document) -> Iterable[tuple[str | None, Section | Document]]:
    """The lead (title None) and every section, in document order."""
    if type(doc) is not Document:  # a subclass may walk its sections its own way
        return [(None, doc), *((s.title, s) for s in doc.iter_sections())]
    found: list[tuple[str | None, Section | Document]] = [(None, doc)]
    stack = list(reversed(doc.sections))  # Document.iter_sections, without its generator
    while stack:
        section = stack.pop()
        found.append((section.title, section))
        stack.extend(reversed(section.subsections))
    return found
