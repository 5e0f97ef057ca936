"""Canonical layout, the one place both the parser and the serializer ask.

The parser stores ``None`` for a layout field exactly when the text matches
what these functions return, and the serializer writes what they return for
``None``; sharing them is what makes the round trip exact by construction.
"""

from __future__ import annotations

WHITESPACE = " \t"
INDENT_STEP = "  "


def pad(cell: str) -> tuple[str, str]:
    """Whitespace around a table cell: ``| a |``, an empty cell ``| |``."""
    return (" ", " ") if cell else (" ", "")


def padded(cell: str) -> str:
    """A cell with its canonical padding, as written between two ``|``."""
    left, right = pad(cell)
    return left + cell + right


def gap(text: str) -> str:
    """Whitespace after a list item's ``-``: none for an empty item."""
    return " " if text else ""


def value_space(value: str) -> str:
    """Whitespace after an infobox item's ``:``: none for an empty value."""
    return " " if value else ""


def indent(depth: int) -> str:
    """Indentation of a list item ``depth`` levels deep."""
    return INDENT_STEP * depth


def start_blanks(first_line: str, bom: bool) -> int:
    """Blank lines before the first block of a document without a title.

    None, unless the first line would then read as something else: a level-1
    heading ``= X =`` as the title, a leading U+FEFF as a byte order mark.
    """
    if first_line.startswith("=") and not first_line.startswith("=="):
        return 1
    return 1 if first_line.startswith("\ufeff") and not bom else 0
