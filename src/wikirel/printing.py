"""Deprecated: ``pretty`` lives in :mod:`wikirel.tree` beside ``render`` since
0.4 (and at the top level, ``wikirel.pretty``); this module goes in 0.5."""

import warnings

from .tree import pretty

__all__ = ["pretty"]

warnings.warn("wikirel.printing.pretty is now wikirel.tree.pretty", DeprecationWarning, stacklevel=2)
