"""The grammar: loading ``wikirel.lark``, building Lark's parser, and scanning with its terminals.

``lark_parser()`` is Lark's LALR parser with the contextual lexer: the
reference. ``scan()`` yields the same tokens faster: the grammar is a flat
sequence (``start: TITLE? _block*``), so the LALR loop has nothing to decide
and the work is the lexer's. ``scan`` runs that lexer's two states — the start
state, where TITLE is offered, and every later one — as two alternations of
the grammar's own compiled terminals, in Lark's priority order, which is what
Lark's lexer matches with. A property test holds ``scan`` to the reference
on every kind of input (tests/test_properties.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ._resources import read_bytes
from .errors import InternalError

if TYPE_CHECKING:
    from lark import Lark

GRAMMAR_NAME = "wikirel.lark"

_Match = Callable[[str, int], "re.Match[str] | None"]


def grammar_text() -> str:
    """The text of ``wikirel.lark`` (shipped in the wheel; ``grammar/`` in a checkout)."""
    return read_bytes("grammar", GRAMMAR_NAME).decode("utf-8")


@functools.cache
def lark_parser() -> Lark:
    """The LALR parser with the contextual lexer, built on first use.

    Lark is imported here, not at module level, so ``import wikirel`` stays
    cheap. No on-disk cache: lark's ``cache=True`` unpickles from a shared
    temp path, which a library must not do.
    """
    from lark import Lark

    return Lark(grammar_text(), parser="lalr", lexer="contextual")


@functools.cache
def _matchers() -> tuple[_Match, _Match]:
    """Compiled alternations of the terminals: at the start of the text, and after it."""
    parser = lark_parser()
    # Lark's lexer order: priority, then longest possible match, then name.
    terminals = sorted(
        parser.terminals, key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name)
    )

    def alternation(names: list[str]) -> _Match:
        by_name = {t.name: t for t in terminals}
        pattern = "|".join(f"(?P<{name}>{by_name[name].pattern.to_regexp()})" for name in names)
        return re.compile(pattern, parser.options.g_regex_flags).match

    names = [t.name for t in terminals]
    return alternation(names), alternation([name for name in names if name != "TITLE"])


def scan(text: str) -> Iterator[tuple[str, str]]:
    """``(terminal name, text)`` of every token, as Lark's parser would see them."""
    first, rest = _matchers()
    match, position, end = first, 0, len(text)
    while position < end:
        found = match(text, position)
        if found is None:  # the line classes cover every line; reaching here is a grammar bug
            raise InternalError(f"no terminal matches at offset {position}")
        yield found.lastgroup, found.group()  # type: ignore[misc]
        position, match = found.end(), rest
