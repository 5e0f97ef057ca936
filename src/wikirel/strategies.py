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
except ModuleNotFoundError as error:  # pragma: no cover - tested in a subprocess without hypothesis
    raise ModuleNotFoundError(
        "wikirel.strategies needs hypothesis: pip install 'wikirel[testing]'", name=error.name
    ) from error

from ._text import split_lines
from .grammar import lark_parser
from .nodes import (
    Block,
    BulletList,
    Document,
    Heading,
    Infobox,
    InfoboxItem,
    ListItem,
    Paragraph,
    Row,
    Section,
    Table,
    infobox_key,
)
from .serializer import serialize

__all__ = ["articles", "documents", "lark_texts", "markup_soup", "mutated"]

_BREAKS = "\r\n"
_WS = " \t"

# Any character but surrogates and the format's own line breaks.
_chars = st.characters(exclude_categories=["Cs"], exclude_characters=_BREAKS)
# Mostly ASCII letters and markup-relevant punctuation, with Unicode mixed in.
_some_chars = st.one_of(
    st.sampled_from("abcxyzABCXYZ 0123456789.,;:–-=|()'\"\t"),
    _chars,
)


def _stripped(min_size: int = 0, forbid: str = "", edges: str = "") -> st.SearchStrategy[str]:
    """One-line text with no outer spaces or tabs, none of ``forbid``, not
    starting or ending with a character of ``edges``."""

    def ok(text: str) -> bool:
        return (
            text == text.strip(_WS)
            and not any(c in text for c in forbid)
            and not (text and (text[0] in edges or text[-1] in edges))
        )

    return st.text(_some_chars, min_size=min_size, max_size=30).filter(ok)


def _is_text_line(line: str) -> bool:
    """True when ``line`` reads as paragraph text, not as another line class."""
    rest = line.lstrip(_WS)
    return not (
        not rest
        or line[0] in "=|"
        or line.rstrip(_WS) == "Infobox"
        or (rest[0] == "-" and (len(rest) == 1 or rest[1] in _WS))
    )


_heading_text = _stripped(min_size=1, edges="=")
_line = st.text(_some_chars, min_size=1, max_size=40).filter(_is_text_line)


@st.composite
def _bullet_list(draw: st.DrawFn, depth: int = 0) -> BulletList:
    items = []
    for _ in range(draw(st.integers(1, 3))):
        children = draw(st.none() | _bullet_list(depth + 1)) if depth < 3 else None
        items.append(ListItem(draw(_stripped()), children))
    return BulletList(items)


@st.composite
def _table(draw: st.DrawFn) -> Table:
    width = draw(st.integers(1, 4))
    cell = _stripped(forbid="|")
    header = Row(draw(st.lists(cell, min_size=width, max_size=width)))
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width).map(Row), max_size=4))
    return Table(header, rows)


_infobox = st.builds(
    Infobox,
    st.lists(
        st.builds(InfoboxItem, _stripped(min_size=1, forbid=":"), _stripped()),
        max_size=6,
        unique_by=lambda item: infobox_key(item.key),  # a repeated key is diagnosed
    ),
)

_blocks = st.lists(
    st.one_of(
        st.builds(Paragraph, st.lists(_line, min_size=1, max_size=3)),
        _bullet_list(),
        _table(),
    ),
    max_size=4,
)


@st.composite
def _section(draw: st.DrawFn, level: int, max_depth: int) -> Section:
    subsections: list[Section] = []
    if max_depth > 0:
        subsections = draw(st.lists(_section(level + 1, max_depth - 1), max_size=2))
    return Section(Heading(level, draw(_heading_text)), draw(_blocks), subsections)


@st.composite
def documents(
    draw: st.DrawFn,
    *,
    max_sections: int = 4,
    max_depth: int = 2,
    with_infobox: bool | None = None,
    with_title: bool | None = None,
) -> Document:
    """Well-formed :class:`Document` trees with every node type.

    ``with_infobox``/``with_title``: ``True`` always, ``False`` never,
    ``None`` sometimes. ``max_depth`` bounds the nesting of sections.
    """
    title = with_title if with_title is not None else draw(st.booleans())
    heading = Heading(1, draw(_heading_text)) if title else None
    lead: list[Block] = []
    if with_infobox if with_infobox is not None else draw(st.booleans()):
        lead.append(draw(_infobox))
    lead.extend(draw(_blocks))
    top = draw(st.sampled_from([2, 3]))
    sections = draw(st.lists(_section(top, max_depth), max_size=max_sections))
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


def lark_texts() -> st.SearchStrategy[str]:
    """Text generated from the grammar itself (``hypothesis.extra.lark.from_lark``).

    This works for wikirel's grammar because every terminal ends at a line
    break and every line's class is decided by its first characters, so the
    concatenated terminal strings still lex as the blocks they were drawn
    from (the usual trouble with ``from_lark`` is terminals that run into
    each other).
    """
    from hypothesis.extra.lark import from_lark

    return from_lark(lark_parser())


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
