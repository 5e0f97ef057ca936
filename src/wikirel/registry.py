"""Deprecated: :class:`~wikirel.Dialect` and the construct tables live in
:mod:`wikirel.dialect` since 0.4; this module goes in 0.5."""

import warnings

from .dialect import BUILTIN, DEFAULT, OPTIONAL, Dialect, on_dialect, role_of

__all__ = ["BUILTIN", "DEFAULT", "OPTIONAL", "Dialect", "on_dialect", "role_of"]

warnings.warn(
    "wikirel.registry is now wikirel.dialect; the old name goes in 0.5", DeprecationWarning, stacklevel=2
)
