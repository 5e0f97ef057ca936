"""An open document's text, and LSP positions in it.

LSP counts lines from 0 and characters in the code units of the negotiated
position encoding (UTF-16 unless the client offers another); wikirel counts
lines and columns from 1, in code points. Lines break where the format breaks
them (LF, CRLF, CR), which is also LSP's rule; ``str.splitlines`` would break
on more (U+2028 ...) and put every later line off by one.
"""

from __future__ import annotations

import bisect

from .._text import BREAK

__all__ = ["Text", "units"]


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in code units of ``encoding`` (``utf-8``, ``utf-16``, ``utf-32``)."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    # A character above U+FFFF is two UTF-16 code units; a lone surrogate one.
    return len(text) + sum(1 for char in text if char > "\uffff")


class Text:
    """One version of a document: its text and where its lines start."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0, *(match.end() for match in BREAK.finditer(text))]

    def line(self, index: int) -> str:
        """The content of 0-based line ``index``, without its line break."""
        start = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def offset(self, line: int, character: int) -> int:
        """The offset of an LSP position; past the end of a line or of the text, the end."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        content = self.line(line)
        if self.encoding == "utf-32":
            return self.starts[line] + min(max(character, 0), len(content))
        count = 0
        for index, char in enumerate(content):
            if count >= character:
                return self.starts[line] + index
            count += units(char, self.encoding)
        return self.starts[line] + len(content)

    def position(self, offset: int) -> tuple[int, int]:
        """The LSP ``(line, character)`` of ``offset``."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, units(self.text[self.starts[line] : offset], self.encoding)

    def at(self, line: int, column: int) -> tuple[int, int]:
        """The LSP ``(line, character)`` of wikirel's 1-based ``line`` and code-point ``column``."""
        if line - 1 >= len(self.starts):
            return self.position(len(self.text))
        return self.position(min(self.starts[line - 1] + column - 1, len(self.text)))

    def replace(self, start: int, end: int, new: str) -> Text:
        """The text with ``[start, end)`` replaced by ``new``.

        Only the lines around the edit are scanned for line breaks again: a
        break ending before ``start`` ends there still, and one starting after
        ``end`` is the same break moved by the change in length (whether a
        ``\n`` ends a ``\r\n`` depends on the character before it, which is
        then unchanged too). Starts from ``end + 3`` on are shifted; the rest
        are found again in the new text.
        """
        text = self.text[:start] + new + self.text[end:]
        delta = len(new) - (end - start)
        starts = self.starts
        before = starts[: bisect.bisect_left(starts, start)] or [0]
        after_index = bisect.bisect_left(starts, end + 3)
        stop = end + 3 + delta  # where the shifted starts begin in the new text
        middle = [
            match.end()
            for match in BREAK.finditer(text, max(start - 1, 0), min(len(text), stop + 1))
            if start <= match.end() < stop and match.end() > 0
        ]
        shifted = Text.__new__(Text)
        shifted.text = text
        shifted.encoding = self.encoding
        shifted.starts = [*before, *middle, *(offset + delta for offset in starts[after_index:])]
        return shifted
