"""Loading the Lark grammar and building the parser, once per process."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lark import Lark

GRAMMAR_NAME = "wikirel.lark"


def grammar_text() -> str:
    """The text of ``wikirel.lark``.

    Installed wheels carry it at ``wikirel/grammar/``; an editable install
    imports from ``src/`` and finds it at the top-level ``grammar/`` folder.
    """
    from importlib import resources  # here: importing it costs ~7 ms

    packaged = resources.files("wikirel") / "grammar" / GRAMMAR_NAME
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    source = Path(__file__).resolve().parents[2] / "grammar" / GRAMMAR_NAME
    return source.read_text(encoding="utf-8")


@functools.cache
def lark_parser() -> Lark:
    """The LALR parser with the contextual lexer, built on first use.

    Lark is imported here, not at module level, so ``import wikirel`` stays
    cheap. No on-disk cache: lark's ``cache=True`` unpickles from a shared
    temp path, which a library must not do.
    """
    from lark import Lark

    return Lark(grammar_text(), parser="lalr", lexer="contextual")
