"""MediaWiki wikitext into wikirel's format (the ``wikitext`` extra): a page's
source with :func:`from_wikitext`, a dump with :mod:`wikirel.wikitext.dump`.

The wikitext is read by mwparserfromhell; this module maps its nodes to
wikirel's blocks (docs/wikitext.md lists the mapping). ``import wikirel``
does not import mwparserfromhell: only calling the converter does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._convert import Conversion, ConversionReport, WikitextError, convert

if TYPE_CHECKING:
    from ..nodes import Document

__all__ = [
    "INSTALL",
    "Conversion",
    "ConversionReport",
    "WikitextError",
    "available",
    "convert",
    "from_wikitext",
]

#: What to install for this module.
INSTALL = "pip install 'wikirel[wikitext]'"


def available() -> bool:
    """Whether mwparserfromhell can be imported (the ``wikitext`` extra is installed)."""
    import importlib.util

    return importlib.util.find_spec("mwparserfromhell") is not None


def from_wikitext(
    text: str, *, title: str | None = None, strict: bool = False, numbered: bool = False
) -> Document:
    """The wikirel :class:`~wikirel.Document` of a MediaWiki page's wikitext.

    ``title`` becomes the ``= Title =`` line. What the converter drops is in
    :func:`convert`'s report; with ``strict=True`` a construct it cannot
    render raises :class:`WikitextError` (with line and column) instead.
    ``numbered=True`` writes ``#`` items as numbered lists (parse the text with
    ``Dialect(["numbered"])``); else they are bullets. Needs mwparserfromhell.

    >>> doc = from_wikitext("'''A''' met [[Tajikistan|B]] on {{start date|1992|1|4}}.", title="A–B relations")
    >>> doc.title, doc.blocks[0].text
    ('A–B relations', 'A met B on January 4, 1992.')
    """
    return convert(text, title=title, strict=strict, numbered=numbered).document
