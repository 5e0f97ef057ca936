"""Dates and sentences of running text, under their 0.3 import path.

The code lives in :mod:`wikirel.facts.dates` and :mod:`wikirel.facts.sentences`;
``from wikirel.dates import find_dates`` keeps working.
"""

from __future__ import annotations

from .facts.dates import DateSpan, find_dates
from .facts.sentences import split_sentences

__all__ = ["DateSpan", "find_dates", "split_sentences"]
