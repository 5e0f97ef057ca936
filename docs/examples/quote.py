"""A ``> quote`` construct: an extension written outside wikirel, with its public API only.

Runs of lines that start with ``>`` become one ``Quote`` block::

    import wikirel
    from quote import QUOTE

    dialect = wikirel.Dialect([QUOTE])
    doc = wikirel.parse("Said:\n> to be\n>or not\n", dialect=dialect)
    assert wikirel.serialize(doc) == "Said:\n> to be\n>or not\n"

``mypy --strict`` checks this file as it is (.ci/run), and
tests/test_dialect.py holds it to every promise with
``wikirel.harness.check_construct``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from wikirel import Node
from wikirel.construct import (
    Construct,
    Kit,
    Lines,
    NodeRole,
    ReadContext,
    WriteContext,
    blank_lines,
    plural,
    str_tuple,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["QUOTE", "Quote", "read_quote", "write_quote"]


@attrs.frozen(eq=False, repr=False)
class Quote(Node):
    """A run of ``> text`` lines: ``lines`` holds what follows each ``>``.

    Layout: ``eols`` (each line's break; ``None``: all canonical) and
    ``blank_before`` (``None``: canonical), as the built-in blocks have.
    """

    lines: tuple[str, ...] = attrs.field(converter=str_tuple)
    eols: tuple[str | None, ...] | None = attrs.field(default=None, kw_only=True)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=blank_lines)


def read_quote(ctx: ReadContext, lines: Lines, blank_before: tuple[str, ...] | None) -> Quote:
    """The block from its ``(content, line break)`` pairs."""
    eols = tuple(ctx.eol(eol) for _, eol in lines)
    return Quote(
        [content[1:] for content, _ in lines],
        eols=None if all(eol is None for eol in eols) else eols,
        blank_before=blank_before,
    )


def write_quote(out: WriteContext, quote: Quote, depth: int) -> None:
    """The block's lines, back as they were read."""
    for index, line in enumerate(quote.lines):
        out.line(">" + line, None if quote.eols is None else quote.eols[index])


def _strategy(kit: Kit) -> SearchStrategy[Quote]:
    st = kit.st  # hypothesis.strategies, typed Any: wikirel runs without hypothesis
    strategy: SearchStrategy[Quote] = st.builds(Quote, st.lists(kit.text(), min_size=1, max_size=3))
    return strategy


def _summary(quote: Quote) -> str:
    return f"Quote ({plural(len(quote.lines), 'line')})"


QUOTE = Construct(
    name="quote",
    terminal="QUOTE",
    read=read_quote,
    grammar="QUOTE_LINE: />/ _REST _EOL\nQUOTE.2: _BLANK_RUN? QUOTE_LINE+",
    line_start=">",
    nodes=(NodeRole(cls=Quote, write=write_quote, summary=_summary),),
    strategy=_strategy,
)
