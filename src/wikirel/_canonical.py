"""Canonical blank lines at the top of a document, asked by parser and serializer alike.

The parser stores ``None`` for a layout field exactly when the text matches
what the canonical rules give, and the serializer writes what they give for
``None``; sharing them is what makes the round trip exact by construction.
Each construct keeps its own canonical layout (:mod:`wikirel.markup`);
this module keeps the one rule that belongs to the document.
"""

from __future__ import annotations

from .markup.heading import reads_as_title


def start_blanks(first_line: str, bom: bool) -> int:
    """Blank lines before the first block of a document without a title.

    None, unless the first line would then read as something else: a level-1
    heading ``= X =`` as the title, a leading U+FEFF as a byte order mark.
    """
    if reads_as_title(first_line):
        return 1
    return 1 if first_line.startswith("\ufeff") and not bom else 0
