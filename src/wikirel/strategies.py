"""Hypothesis strategies for testing code that uses wikirel.

Needs hypothesis (``pip install 'wikirel[testing]'``)::

    from hypothesis import given
    from wikirel import parse, serialize
    from wikirel.strategies import documents

    @given(documents())
    def test_my_transform_keeps_text(doc):
        assert serialize(parse(serialize(doc))) == serialize(doc)

:func:`documents` builds well-formed trees from semantic fields only (layout
fields left at their canonical ``None``), so ``parse(serialize(doc)) == doc``
holds for all of them. :func:`articles` is their text; :func:`markup_soup` is
hostile text for checking that parsing never fails.
"""

from __future__ import annotations

from typing import Any

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as _missing:  # pragma: no cover - tested in a subprocess without hypothesis
    raise ModuleNotFoundError(
        "wikirel.strategies needs hypothesis: pip install 'wikirel[testing]'", name=_missing.name
    ) from _missing

import attrs

from ._text import WHITESPACE, split_lines
from .construct import Construct
from .dialect import DEFAULT, Dialect
from .markup.document import WIKITEXT_OPENERS
from .markup.heading import is_heading
from .nodes import Block, Document, Section
from .serializer import serialize

__all__ = ["articles", "construct_blocks", "documents", "lark_texts", "markup_soup", "mutated"]

# Any character but surrogates and the format's own line breaks.
_chars = st.characters(exclude_categories=["Cs"], exclude_characters="\r\n")
# Mostly ASCII letters and markup-relevant punctuation, with Unicode mixed in.
_some_chars = st.one_of(
    st.sampled_from("abcxyzABCXYZ 0123456789.,;:–-=|()'\"\t"),
    _chars,
)


class _Kit:
    """The :class:`wikirel.construct.Kit` the constructs' strategies get."""

    st = st

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect

    def text(self, min_size: int = 0, forbid: str = "", edges: str = "") -> st.SearchStrategy[str]:
        def ok(text: str) -> bool:
            return (
                text == text.strip(WHITESPACE)
                and not any(c in text for c in forbid)
                and not (text and (text[0] in edges or text[-1] in edges))
                and not any(mark in text for mark in WIKITEXT_OPENERS)  # no wikitext-markup hint
            )

        return st.text(_some_chars, min_size=min_size, max_size=30).filter(ok)

    def line(self) -> st.SearchStrategy[str]:
        scan = self.dialect.scan

        def is_text_line(line: str) -> bool:  # what this dialect's grammar reads as text
            is_text = [kind for kind, _ in scan(line)] == ["PARAGRAPH"]
            return is_text and not any(mark in line for mark in WIKITEXT_OPENERS)

        return st.text(_some_chars, min_size=1, max_size=40).filter(is_text_line)


@attrs.frozen
class _Pieces:
    """The strategies of one dialect's constructs."""

    heading: st.SearchStrategy[Any]
    lead: tuple[st.SearchStrategy[Any], ...]  # blocks that belong in the lead, once
    blocks: st.SearchStrategy[list[Any]]


_PIECES: dict[int, tuple[Dialect, _Pieces]] = {}


def _pieces(dialect: Dialect) -> _Pieces:
    found = _PIECES.get(id(dialect))
    if found is not None and found[0] is dialect:
        return found[1]
    kit = _Kit(dialect)
    headings, lead, anywhere = [], [], []
    for construct in dialect.constructs:
        if construct.strategy is None:
            continue
        strategy = construct.strategy(kit)
        if is_heading(construct.block):
            headings.append(strategy)
        elif construct.lead_only:
            lead.append(strategy)
        else:
            anywhere.append(strategy)
    pieces = _Pieces(st.one_of(headings), tuple(lead), st.lists(st.one_of(anywhere), max_size=4))
    _PIECES[id(dialect)] = (dialect, pieces)
    return pieces


def construct_blocks(construct: Construct, dialect: Dialect = DEFAULT) -> st.SearchStrategy[Any]:
    """Canonical blocks of one construct, from its own strategy."""
    if construct.strategy is None:
        raise ValueError(f"construct {construct.name!r} has no strategy")
    return construct.strategy(_Kit(dialect))


@st.composite
def _section(draw: st.DrawFn, pieces: _Pieces, level: int, max_depth: int) -> Section:
    subsections: list[Section] = []
    if max_depth > 0:
        subsections = draw(st.lists(_section(pieces, level + 1, max_depth - 1), max_size=2))
    heading = attrs.evolve(draw(pieces.heading), level=level)
    return Section(heading, draw(pieces.blocks), subsections)


@st.composite
def documents(
    draw: st.DrawFn,
    *,
    max_sections: int = 4,
    max_depth: int = 2,
    with_infobox: bool | None = None,
    with_title: bool | None = None,
    dialect: Dialect = DEFAULT,
) -> Document:
    """Well-formed :class:`Document` trees with every node type of ``dialect``.

    ``with_infobox``/``with_title``: ``True`` always, ``False`` never,
    ``None`` sometimes (``with_infobox`` decides every lead-only construct,
    the infobox). ``max_depth`` bounds the nesting of sections.
    """
    pieces = _pieces(dialect)
    title = with_title if with_title is not None else draw(st.booleans())
    heading = attrs.evolve(draw(pieces.heading), level=1) if title else None
    lead: list[Block] = []
    if with_infobox if with_infobox is not None else draw(st.booleans()):
        lead.extend(draw(strategy) for strategy in pieces.lead)
    lead.extend(draw(pieces.blocks))
    top = draw(st.sampled_from([2, 3]))
    sections = draw(st.lists(_section(pieces, top, max_depth), max_size=max_sections))
    doc = Document(heading, lead, sections)
    if serialize(doc):  # an empty text has no line break to learn from
        doc = Document(heading, lead, sections, newline=draw(st.sampled_from(["\n", "\r\n", "\r"])))
    return doc


def articles(**kwargs: Any) -> st.SearchStrategy[str]:
    """Article text in canonical form: :func:`documents` serialized."""
    return documents(**kwargs).map(serialize)


_SOUP_PIECES = [
    "=", "==", "= ", " =", "-", "- ", "  - ", "\t-", "|", "| ", " |", ":", ": ",
    "Infobox", "Infobox\n", "\n", "\r\n", "\r", "\n\n", " ", "\t", "\ufeff",
    "\x00", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\x1c", "a", "Key", "x y",
]  # fmt: skip


def lark_texts(dialect: Dialect = DEFAULT) -> st.SearchStrategy[str]:
    """Text generated from ``dialect``'s grammar (``hypothesis.extra.lark.from_lark``).

    This works for wikirel's grammar because every terminal ends at a line
    break and every line's class is decided by its first characters, so the
    concatenated terminal strings still lex as the blocks they were drawn
    from (the usual trouble with ``from_lark`` is terminals that run into
    each other).
    """
    from hypothesis.extra.lark import from_lark

    return from_lark(dialect.lark())


@st.composite
def mutated(draw: st.DrawFn, texts: list[str]) -> str:
    """One of ``texts`` with lines deleted, duplicated or swapped: almost-right
    articles, the kind an editor leaves half-way through an edit."""
    lines = split_lines(draw(st.sampled_from(texts)))
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(j, lines[i])
        else:
            lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines)


def markup_soup(max_size: int = 60) -> st.SearchStrategy[str]:
    """Hostile text: markup characters, line breaks of every kind, odd
    whitespace and control characters, in any order."""
    piece = st.one_of(st.sampled_from(_SOUP_PIECES), st.text(max_size=3))
    return st.lists(piece, max_size=max_size).map("".join)
