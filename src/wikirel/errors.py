"""wikirel's exceptions, and ``Diagnostic``, which ``ParseError`` carries.

Every exception wikirel raises on purpose derives from :class:`WikirelError`;
those about bad input are also ``ValueError``, as they were in 0.1, so
``except ValueError`` keeps working.
"""

from __future__ import annotations

import attrs

from ._text import BREAK

__all__ = [
    "Diagnostic",
    "InputError",
    "InternalError",
    "JSONImportError",
    "ParseError",
    "SerializeError",
    "WikirelError",
]


class WikirelError(Exception):
    """The root of wikirel's exceptions."""


class SerializeError(WikirelError, ValueError):
    """A tree that cannot be written line by line (a line break inside a text field ...)."""


class JSONImportError(WikirelError, ValueError):
    """``from_json`` input that is not what the format allows; the message names the JSON path."""


class InputError(WikirelError, ValueError):
    """A file that could not be read, decoded or written (the command line,
    ``extract_files``, ``parse_files``).

    ``reason`` says why; ``path`` names the file when it is known (then
    ``str(error)`` reads ``PATH: reason``; a name that holds control
    characters is shown as its ``repr``).
    """

    reason: str
    path: str | None

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        if path is None:
            super().__init__(reason)
        else:  # a name with control characters (a newline, a bidi override) in its repr
            super().__init__(f"{path if path.isprintable() else repr(path)}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.reason, self.path))


class InternalError(WikirelError, AssertionError):
    """A bug in wikirel (a state the code rules out was reached): please report it."""


@attrs.frozen
class Diagnostic:
    """One finding: 1-based ``line`` and ``column``, a stable ``code``, a message."""

    line: int
    column: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.code} {self.message}"


class ParseError(WikirelError, ValueError):
    """Raised by ``parse(text, strict=True)`` for the first diagnostic.

    ``str(error)`` reads ``LINE:COL: CODE message``, then the source line and
    a caret under the column, like Python's ``SyntaxError``.
    """

    diagnostic: Diagnostic
    line: int
    column: int
    code: str
    message: str
    source_line: str

    def __init__(self, diagnostic: Diagnostic, source_line: str = "") -> None:
        self.diagnostic = diagnostic
        self.line = diagnostic.line
        self.column = diagnostic.column
        self.code = diagnostic.code
        self.message = diagnostic.message
        self.source_line = source_line
        caret = "".join("\t" if c == "\t" else " " for c in source_line[: self.column - 1])
        super().__init__(f"{diagnostic}\n{source_line}\n{caret}^")

    @classmethod
    def from_diagnostic(cls, diagnostic: Diagnostic, text: str) -> ParseError:
        """The error for ``diagnostic`` found in ``text``."""
        lines = BREAK.split(text)
        line = lines[diagnostic.line - 1] if diagnostic.line <= len(lines) else ""
        return cls(diagnostic, line)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.diagnostic, self.source_line))
