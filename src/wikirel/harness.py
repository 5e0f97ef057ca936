"""The construct harness: one call that checks every promise of the format.

Built-in constructs and extensions pass the same checks (as LibCST's node
tests do): :func:`check_text` on example texts, :func:`check_construct` on
a construct's examples and on canonical blocks its strategy generates (the
generation needs hypothesis: ``pip install 'wikirel[testing]'``)::

    from wikirel import Dialect
    from wikirel.harness import check_construct
    from my_extension import CONSTRUCT

    def test_my_construct_keeps_every_promise():
        check_construct(CONSTRUCT, Dialect([CONSTRUCT]), examples=["..."])

A broken promise raises :class:`HarnessFailure` (an ``AssertionError``, so
test runners show it as a failure) saying which promise and on what.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from typing import Any

import attrs

from . import reference
from ._text import BREAK
from .dialect import DEFAULT, Dialect
from .formatting import format_text, same_content
from .json_format import from_json, to_json
from .nodes import Document, Node
from .parser import parse, reference_parse
from .positions import Positions, positions
from .serializer import serialize
from .traversal import Transformer, Visitor, iter_child_nodes, walk

__all__ = ["HarnessFailure", "check_construct", "check_node", "check_text"]


class HarnessFailure(AssertionError):
    """A promise of the format that a text or a node breaks."""


def _fail(promise: str, subject: object) -> HarnessFailure:
    shown = repr(subject)
    if len(shown) > 300:
        shown = shown[:300] + "…"
    return HarnessFailure(f"{promise}: {shown}")


class _Count(Visitor):
    def __init__(self) -> None:
        self.seen = 0

    def leave_Node(self, node: Node) -> None:
        self.seen += 1


class _Rebuild(Transformer):
    """Rebuilds every node (a copy with the same fields)."""

    def leave_Node(self, node: Node) -> Node:
        return attrs.evolve(node)  # type: ignore[misc]


def check_text(text: str, dialect: Dialect = DEFAULT) -> Document:
    """Check every promise on ``text`` read with ``dialect``; returns the tree.

    - text -> node -> text: ``serialize(parse(text)) == text``;
    - ``scan`` equals Lark's LALR parser: the reference parse gives an equal tree;
    - the line-level grammar agrees: :func:`wikirel.reference.reference_parse`
      gives an equal tree (for a dialect it reads, :func:`wikirel.reference.supports`);
    - positions: every node has a span, children lie inside their parent in
      document order, line and column agree with the offset, and a node
      that is a line ends where its line does;
    - a Visitor meets every node once; the identity Transformer returns the
      tree itself, and one that rebuilds every node an equal tree with the
      same text;
    - JSON and pickle round trips give equal trees;
    - the canonical form is idempotent and keeps the content;
    - every diagnostic points inside the text, and ``strict=True`` raises
      exactly when there is one.
    """
    doc: Document = parse(text, dialect=dialect)
    if serialize(doc) != text:
        raise _fail("serialize(parse(text)) != text", text)
    if reference_parse(text, dialect=dialect) != doc:
        raise _fail("scan and Lark's parser cut the text differently", text)
    if reference.supports(dialect) and reference.reference_parse(text, dialect=dialect) != doc:
        raise _fail("the line-level grammar reads the text differently", text)
    _check_positions(doc, positions(doc))
    count = _Count()
    count.visit(doc)
    if count.seen != sum(1 for _ in walk(doc)):
        raise _fail("a Visitor did not meet every node once", text)
    identity: object = Transformer().visit(doc)
    if identity is not doc:
        raise _fail("the identity Transformer changed the tree", text)
    rebuilt: object = _Rebuild().visit(doc)
    if not isinstance(rebuilt, Node) or rebuilt != doc or serialize(rebuilt) != text:
        raise _fail("rebuilding every node changed the tree", text)
    if from_json(to_json(doc), Document, dialect=dialect) != doc:
        raise _fail("from_json(to_json(doc)) != doc", text)
    if pickle.loads(pickle.dumps(doc)) != doc:
        raise _fail("pickling changed the tree", text)
    canonical = format_text(text, dialect=dialect)
    if format_text(canonical, dialect=dialect) != canonical:
        raise _fail("the canonical form is not a fixed point", text)
    if not same_content(parse(canonical, dialect=dialect), doc):
        raise _fail("the canonical form changed the content", text)
    _check_diagnostics(text, doc, dialect)
    return doc


def check_node(block: Node, dialect: Dialect = DEFAULT) -> None:
    """Check a canonical block built from semantic fields alone: a document
    of just that block writes a text that parses back to an equal tree and
    passes :func:`check_text`."""
    doc = Document(None, (block,))
    text = serialize(doc)
    if parse(text, dialect=dialect) != doc:
        raise _fail("a canonical block does not parse back equal", block)
    check_text(text, dialect)


def check_construct(
    construct: Any, dialect: Dialect = DEFAULT, *, examples: Iterable[str] = (), generated: int = 50
) -> None:
    """Check ``construct`` in ``dialect``: :func:`check_text` on every example,
    and :func:`check_node` on ``generated`` blocks from its strategy (needs
    hypothesis; derandomized, so a failure repeats)."""
    if construct not in dialect.constructs:
        raise HarnessFailure(f"construct {construct.name!r} is not in {dialect!r}")
    for text in examples:
        check_text(text, dialect)
    if construct.strategy is None or construct.read is None or not generated:
        return
    try:
        from hypothesis import HealthCheck, given, settings
    except ModuleNotFoundError as missing:
        raise ModuleNotFoundError(
            "wikirel.harness.check_construct generates blocks with hypothesis: "
            "pip install 'wikirel[testing]' (or pass generated=0)",
            name=missing.name,
        ) from missing

    from .strategies import construct_blocks

    @settings(
        max_examples=generated,
        database=None,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(construct_blocks(construct, dialect))
    def generated_blocks(block: Node) -> None:
        check_node(block, dialect)

    generated_blocks()


def _check_positions(doc: Document, where: Positions) -> None:
    text = where.text
    stack: list[Node] = [doc]
    while stack:
        node = stack.pop()
        if node not in where:
            raise _fail("a node has no position", node)
        span = where[node]
        for point in (span.start, span.end):
            if where.position(point.offset) != point:
                raise _fail("a position's line and column disagree with its offset", node)
        children = list(iter_child_nodes(node))
        previous_end = span.start.offset
        for child in children:
            inner = where[child]
            if inner.start.offset < previous_end or inner.end.offset > span.end.offset:
                raise _fail("a child lies outside its parent or before its sibling", child)
            previous_end = inner.end.offset
        if not children and not isinstance(node, Document):
            after = text[span.end.offset : span.end.offset + 1]
            if after not in ("", "\n", "\r"):
                raise _fail("a line node does not end at its line's end", node)
        stack.extend(children)


def _check_diagnostics(text: str, doc: Document, dialect: Dialect) -> None:
    where = positions(doc)
    lines = len(BREAK.findall(text)) + 1
    for diagnostic in doc.diagnostics:
        if not 1 <= diagnostic.line <= lines or not (
            1 <= diagnostic.column <= len(where.line_text(diagnostic.line)) + 1
        ):
            raise _fail("a diagnostic points outside the text", diagnostic)
        if diagnostic.code not in dialect.codes:
            raise _fail("a diagnostic code the dialect does not list", diagnostic)
    try:
        parse(text, strict=True, dialect=dialect)
    except ValueError:
        if not doc.diagnostics:
            raise _fail("strict=True raised without a diagnostic", text) from None
    else:
        if doc.diagnostics:
            raise _fail("strict=True did not raise for a diagnostic", text)
