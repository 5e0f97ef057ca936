"""``parse``: text to nodes.

The grammar (``grammar/wikirel.lark``) cuts the text into blocks, one token
per block (:func:`wikirel.grammar.scan`); :mod:`wikirel.builder` turns the
tokens into nodes.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from typing import TYPE_CHECKING

from . import builder as _builder
from .builder import build
from .dialect import DEFAULT, Dialect
from .errors import ParseError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from .nodes import Document

__all__ = ["COMPILED", "parse", "reference_parse"]

#: Whether this install runs the hot modules compiled by mypyc (the optional
#: compiled wheels); the pure-Python build gives the same results, slower.
COMPILED: bool = (_builder.__file__ or "").endswith(tuple(EXTENSION_SUFFIXES))


def parse(text: str, *, strict: bool = False, dialect: Dialect = DEFAULT) -> Document:
    """Parse an article into a :class:`Document`.

    Every string parses and ``serialize(parse(text)) == text``. Malformed
    constructs become nodes and are reported in ``Document.diagnostics``;
    with ``strict=True`` the first of them raises :class:`ParseError`.
    ``dialect`` adds constructs to the format (:class:`wikirel.Dialect`).
    """
    return _parse(text, strict, _checked(dialect), dialect.scan)


def reference_parse(text: str, *, strict: bool = False, dialect: Dialect = DEFAULT) -> Document:
    """:func:`parse` with Lark's own LALR parser cutting the blocks instead
    of :func:`wikirel.grammar.scan`: slower, and the reference the tests
    hold ``parse`` to (the two must give equal trees). It checks how the
    text is cut into blocks; :func:`wikirel.reference.reference_parse`
    checks every part of every line, from the line-level grammar."""

    def tokens(body: str) -> Iterable[tuple[str, str]]:
        tree = dialect.lark().parse(body)
        return ((token.type, str(token)) for token in tree.children)  # type: ignore[union-attr]

    return _parse(text, strict, _checked(dialect), tokens)


def _checked(dialect: object) -> Dialect:
    if not isinstance(dialect, Dialect):  # a None would fail later as an AttributeError
        raise TypeError(f"dialect must be a wikirel.Dialect, not {type(dialect).__name__}")
    return dialect


def _parse(
    text: str, strict: bool, dialect: Dialect, tokens: Callable[[str], Iterable[tuple[str, str]]]
) -> Document:
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    text = str.__str__(text)  # the characters of a str subclass, not its own __str__
    doc = build(text, dialect.readers, tokens)
    if strict and doc.diagnostics:
        raise ParseError.from_diagnostic(doc.diagnostics[0], text)
    return doc
