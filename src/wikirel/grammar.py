"""The grammar: loading ``wikirel.lark``, composing dialects, building Lark's parser, scanning.

``lark_parser()`` is Lark's LALR parser with the contextual lexer: the
reference. ``scan()`` yields the same tokens faster: the grammar is a flat
sequence (``start: TITLE? _block*``), so the LALR loop has nothing to decide
and the work is the lexer's. ``scan`` runs that lexer's two states — the start
state, where TITLE is offered, and every later one — as two alternations of
the grammar's own compiled terminals, in Lark's priority order, which is what
Lark's lexer matches with. A property test holds ``scan`` to the reference
on every kind of input, for the default grammar and for each dialect
(tests/test_properties.py, tests/test_dialect.py).

A dialect's grammar is ``wikirel.lark`` plus its extensions' fragments
(:func:`compose`): each fragment defines a block terminal, ``%extend`` adds
it to ``_block``, and ``%override`` puts the extensions' line starts before
``TEXT_LINE``, so text lines still exclude every line class.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from .errors import InternalError
from .markup.heading import TITLE_TERMINAL
from .resources import read_bytes

if TYPE_CHECKING:
    from lark import Lark

__all__ = [
    "GRAMMAR_NAME",
    "LINES_GRAMMAR_NAME",
    "compose",
    "compose_lines",
    "grammar_text",
    "lark_parser",
    "lines_grammar_text",
    "scan",
]

GRAMMAR_NAME = "wikirel.lark"
#: The line-level grammar, the reference for every part of a line (:mod:`wikirel.reference`).
LINES_GRAMMAR_NAME = "wikirel-lines.lark"

_Match = Callable[[str, int], "re.Match[str] | None"]


@functools.cache
def grammar_text() -> str:
    """The text of ``wikirel.lark`` (shipped in the wheel; ``grammar/`` in a checkout)."""
    return read_bytes("grammar", GRAMMAR_NAME).decode("utf-8")


@functools.cache
def lines_grammar_text() -> str:
    """The text of ``wikirel-lines.lark``, found as :func:`grammar_text` finds ``wikirel.lark``."""
    return read_bytes("grammar", LINES_GRAMMAR_NAME).decode("utf-8")


def compose_lines(extensions: Sequence[tuple[str, str]]) -> str:
    """The grammar of ``wikirel-lines.lark`` with extensions, each given as
    ``(line grammar fragment, line start regex)``: each fragment defines its
    line rule and adds it to ``_line`` with ``%extend``; ``%override`` keeps
    text lines from starting as its lines do, as :func:`compose` does for the
    block grammar."""
    base = lines_grammar_text()
    if not extensions:
        return base
    parts = [base, ""]
    for fragment, _ in extensions:
        parts += ["// ---- extension", fragment.strip(), ""]
    starts = "|".join(f"(?:{start})" for _, start in extensions)
    if "/" in starts:  # it would end Lark's /regex/ literal
        raise ValueError(f"an extension's line start cannot contain '/': {starts!r}")
    parts.append(f"%override TEXT_LINE: /(?!{starts})/ _NOT_ANOTHER_CLASS _TEXT_CONTENT")
    return "\n".join(parts) + "\n"


def compose(extensions: Sequence[tuple[str, str, str]]) -> str:
    """The grammar of ``wikirel.lark`` with extensions, each given as
    ``(block terminal, grammar fragment, line start regex)``; the base text
    itself when there are none."""
    base = grammar_text()
    if not extensions:
        return base
    parts = [base, ""]
    for terminal, fragment, _ in extensions:
        parts += [f"// ---- extension: {terminal}", fragment.strip(), f"%extend _block: {terminal}", ""]
    starts = "|".join(f"(?:{start})" for _, _, start in extensions)
    if "/" in starts:  # it would end Lark's /regex/ literal
        raise ValueError(f"an extension's line start cannot contain '/': {starts!r}")
    parts.append(f"%override TEXT_LINE: /(?!{starts})/ _NOT_ANOTHER_CLASS _LINE_CONTENT")
    return "\n".join(parts) + "\n"


@functools.cache
def lark_parser(text: str | None = None) -> Lark:
    """The LALR parser with the contextual lexer for grammar ``text``
    (default: ``wikirel.lark``), built on first use and kept per process.

    Lark is imported here, not at module level, so ``import wikirel`` stays
    cheap. No on-disk cache: lark's ``cache=True`` unpickles from a shared
    temp path, which a library must not do. Built one at a time (dialects
    made in threads): lark does not say that building is thread-safe, and
    it lexes every grammar with one shared parser whose lexers are built on
    first use.
    """
    from lark import Lark

    with _BUILDING:
        return Lark(grammar_text() if text is None else text, parser="lalr", lexer="contextual")


_BUILDING = threading.Lock()


@functools.cache
def _matchers(text: str | None) -> tuple[_Match, _Match]:
    """Compiled alternations of the terminals: at the start of the text, and after it."""
    parser = lark_parser(text)
    # Lark's lexer order: priority, then longest possible match, then name.
    terminals = sorted(
        parser.terminals, key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name)
    )

    def alternation(names: list[str]) -> _Match:
        by_name = {t.name: t for t in terminals}
        pattern = "|".join(f"(?P<{name}>{_possessive(by_name[name].pattern.to_regexp())})" for name in names)
        return re.compile(pattern, parser.options.g_regex_flags).match

    names = [t.name for t in terminals]
    return alternation(names), alternation([name for name in names if name != TITLE_TERMINAL])


def _possessive(pattern: str) -> str:
    """``pattern`` with a final greedy repeat made possessive (``(?:LINE)+`` ->
    ``(?:LINE)++``): the same matches, since nothing follows it, but ``re``
    keeps no backtracking state per repetition, which for a block of a million
    short lines was ~100 bytes per line (``"|\\n" * n``: 240 B per input byte)."""
    import re._parser as sre  # type: ignore[import-not-found]

    items = sre.parse(pattern).data
    if items and items[-1][0] is sre.MAX_REPEAT:
        return pattern + "+"
    return pattern


def scan(text: str, grammar: str | None = None) -> Iterator[tuple[str, str]]:
    """``(terminal name, text)`` of every token, as Lark's parser for
    ``grammar`` (default: ``wikirel.lark``) would see them."""
    first, rest = _matchers(grammar)
    match, position, end = first, 0, len(text)
    while position < end:
        found = match(text, position)
        if found is None:  # the line classes cover every line; reaching here is a grammar bug
            raise InternalError(f"no terminal matches at offset {position}")
        yield found.lastgroup, found.group()  # type: ignore[misc]
        position, match = found.end(), rest
