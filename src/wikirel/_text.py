"""The line rule of the format, in one place: what breaks a line, what is
layout white space, how text splits into lines.

Line breaks are LF, CRLF and lone CR; the other characters that
``str.splitlines`` splits on (VT, FF, U+0085, U+2028 ...) are ordinary
characters. Only space and tab are layout white space.
"""

from __future__ import annotations

import re

__all__ = ["BREAK", "BREAKS", "LINE_ENDS", "WHITESPACE", "break_of", "first_break", "split_lines"]

#: The line breaks, longest first.
BREAKS = ("\r\n", "\n", "\r")
#: What a line may end with: a line break, or nothing (the last line).
LINE_ENDS = (*BREAKS, "")
#: Layout white space: what the parser strips around semantic values.
WHITESPACE = " \t"
#: One line break.
BREAK = re.compile(r"\r\n|\r|\n")

_RAW_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` with their line breaks, split where the format
    splits (LF, CRLF, CR; not ``str.splitlines``' other separators)."""
    return _RAW_LINE.findall(text)


def first_break(text: str, default: str = "\n") -> str:
    """The first line break of ``text`` (a document's newline), or ``default``."""
    found = BREAK.search(text)
    return found.group() if found else default


def break_of(line: str) -> str:
    """The line break a line ends with, or ``""``."""
    if line.endswith("\r\n"):
        return "\r\n"
    return line[-1:] if line.endswith(("\n", "\r")) else ""
