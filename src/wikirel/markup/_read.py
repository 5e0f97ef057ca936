"""The string work of the built-in constructs' readers: a line's fields.

Kept apart from the construct modules because it holds no node class, so the
opt-in compiled build (mypyc) can compile it (see pyproject.toml); the readers
call it with their node classes. Private: an extension uses the public
:func:`wikirel.markup.bullets.split_bullet`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .._text import WHITESPACE

__all__ = [
    "bullet_items",
    "heading_fields",
    "heading_node",
    "infobox_items",
    "paragraph_node",
    "shared",
    "split_bullet",
    "table_rows",
]


def split_bullet(content: str, marker: int = 1) -> tuple[str, str, str, str]:
    """``(indent, gap, text, trailing)`` of a list line whose marker (``-``)
    is ``marker`` characters long."""
    stripped = content.lstrip(WHITESPACE)
    lead = content[: len(content) - len(stripped)]
    rest = stripped[marker:]
    body = rest.rstrip(WHITESPACE)
    text = body.lstrip(WHITESPACE)
    return lead, body[: len(body) - len(text)], text, rest[len(body) :]


def heading_fields(content: str) -> tuple[int, str, int | None, str, str, str]:
    """``(level, text, close, space_before, space_after, trailing)`` of an ``=``
    line; ``close`` is ``None`` when it equals ``level``."""
    body = content.rstrip(WHITESPACE)
    rest = body.lstrip("=")
    inner = rest.rstrip("=")
    text = inner.strip(WHITESPACE)
    space_before = inner[: len(inner) - len(inner.lstrip(WHITESPACE))]
    level = len(body) - len(rest)
    close = len(rest) - len(inner)
    return (
        level,
        text,
        None if close == level else close,
        space_before,
        inner[len(space_before) + len(text) :],
        content[len(body) :],
    )


def heading_node(
    make: Callable[..., Any], line: tuple[str, str], newline: str, blank_before: tuple[str, ...] | None
) -> Any:
    """The heading of one ``=`` line, made by ``make`` with the fields of :func:`heading_fields`."""
    content, eol = line
    level, text, close, space_before, space_after, trailing = heading_fields(content)
    return make(
        level,
        text,
        close=close,
        space_before=space_before,
        space_after=space_after,
        trailing=trailing,
        eol=None if eol == newline else eol,
        blank_before=blank_before,
    )


def paragraph_node(
    make: Callable[..., Any],
    lines: Sequence[tuple[str, str]],
    newline: str,
    blank_before: tuple[str, ...] | None,
) -> Any:
    """The paragraph of ``lines``, made by ``make``: their contents, and their
    line breaks unless all are ``newline``."""
    contents = []
    eols = []
    canonical = True
    for content, eol in lines:
        contents.append(content)
        eols.append(eol)
        if eol != newline:
            canonical = False
    return make(tuple(contents), eols=None if canonical else tuple(eols), blank_before=blank_before)


def infobox_items(
    make: Callable[..., Any], lines: Sequence[tuple[str, str]], newline: str
) -> tuple[Any, ...]:
    """The ``- Key: Value`` items of an infobox's ``lines`` after the first, made by ``make``."""
    items = []
    for index in range(1, len(lines)):
        content, eol = lines[index]
        indent, gap, text, trailing = split_bullet(content)
        key, colon, value = text.partition(":")
        stripped_key = key.rstrip(WHITESPACE)
        stripped_value = value.lstrip(WHITESPACE)
        space = value[: len(value) - len(stripped_value)]
        canonical = " " if stripped_value else ""  # infobox.value_space()
        items.append(
            make(
                stripped_key,
                stripped_value,
                colon=bool(colon),
                indent=indent,
                gap=gap,
                key_space=key[len(stripped_key) :],
                value_space=None if space == canonical else space,
                trailing=trailing,
                eol=None if eol == newline else eol,
            )
        )
    return tuple(items)


def bullet_items(
    nesting: Any, make: Callable[..., Any], lines: Sequence[tuple[str, str]], newline: str
) -> None:
    """Add an item made by ``make`` for each ``- item`` line to ``nesting``
    (an :class:`~wikirel.markup.bullets.IndentNesting`), with the layout of
    :func:`~wikirel.markup.bullets.item_layout`."""
    for content, eol in lines:
        lead, space, text, trailing = split_bullet(content)
        depth = nesting.depth(len(lead))
        nesting.add(
            make(
                text,
                indent=None if lead == "  " * depth else lead,
                gap=None if space == (" " if text else "") else space,
                trailing=trailing,
                eol=None if eol == newline else eol,
            )
        )


def table_rows(make: Callable[..., Any], lines: Sequence[tuple[str, str]], newline: str) -> list[Any]:
    """The rows of a table's ``lines``, made by ``make``."""
    rows = []
    for content, eol in lines:
        body = content.rstrip(WHITESPACE)
        closed = len(body) > 1 and body[-1] == "|"
        parts = (body[1:-1] if closed else body[1:]).split("|")
        cells = [part.strip(WHITESPACE) for part in parts]
        pads: tuple[tuple[str, str], ...] | None = None
        # One list comparison against the canonical padding (table.pad(), inline).
        if parts != [f" {cell} " if cell else " " for cell in cells]:
            pairs: list[tuple[str, str]] = []
            for index, part in enumerate(parts):
                left = part[: len(part) - len(part.lstrip(WHITESPACE))]
                pairs.append(shared((left, part[len(left) + len(cells[index]) :])))
            pads = shared(tuple(pairs))
        rows.append(
            make(
                tuple(cells),
                pads=pads,
                closed=closed,
                trailing=content[len(body) :],
                eol=None if eol == newline else eol,
            )
        )
    return rows


# Short layout tuples, shared between rows: a table of a million "|" rows
# would otherwise hold a pads tuple and a pair per row (~100 bytes each).
_SHARED: dict[Any, Any] = {}
_SHARED_MAX = 4096


def shared(value: Any) -> Any:
    """``value`` (a tuple of short strings or pairs), or an equal one seen before."""
    found = _SHARED.get(value)
    if found is not None:
        return found
    if len(_SHARED) < _SHARED_MAX and len(value) <= 4 and len(repr(value)) <= 48:
        _SHARED[value] = value
    return value
