"""Deprecated: the built-in constructs are :mod:`wikirel.markup` since 0.4
(``wikirel.constructs`` read one letter away from :mod:`wikirel.construct`);
this package goes in 0.5. ``wikirel.constructs.numbered`` and the others still
import, and trees pickled by 0.3 that name them still load."""

import sys
import warnings

from ..markup import bullets, document, heading, infobox, numbered, paragraph, table

__all__ = ["bullets", "document", "heading", "infobox", "numbered", "paragraph", "table"]

for _module in (bullets, document, heading, infobox, numbered, paragraph, table):
    sys.modules[f"{__name__}.{_module.__name__.rsplit('.', 1)[1]}"] = _module

warnings.warn(
    "wikirel.constructs is now wikirel.markup; the old name goes in 0.5", DeprecationWarning, stacklevel=2
)
