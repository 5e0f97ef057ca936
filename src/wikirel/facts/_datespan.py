"""``DateSpan``, the value ``find_dates`` returns.

It lives apart from the date forms (wikirel.facts.dates) so that they can be compiled
by mypyc, which cannot compile a module holding this attrs class: its ``attrs.field``
defaults fail at import (python/mypy#15267).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from ..relation_types import Precision

if TYPE_CHECKING:
    from ..relation_types import DateSpanDict


def _year_of(day: datetime.date | None) -> int:
    if day is None:  # pragma: no cover - a span before 1 CE always passes its years
        raise ValueError("a date before 1 CE needs start_year and end_year")
    return day.year


@attrs.frozen
class DateSpan:
    """A date or a range of dates, as precise as the text says.

    ``start``/``end`` bound it (``March 2008`` is 2008-03-01 to 2008-03-31);
    they are ``None`` for a span before 1 CE, which ``datetime.date`` cannot
    hold. ``start_year``/``end_year`` always hold the years, BCE negative
    and no year zero (5000 BC is -5000), as historians and Wikidata write
    them. ``precision`` is the unit the text names (``day`` ... ``century``),
    ``text`` is what the article wrote, ``qualifier`` a hedge before it
    (``since``, ``approximately``, ``early``, ``late`` ...) in lower case.
    """

    start: datetime.date | None
    end: datetime.date | None
    precision: Precision
    text: str
    qualifier: str | None = None
    start_year: int = attrs.field(
        kw_only=True, default=attrs.Factory(lambda self: _year_of(self.start), takes_self=True)
    )
    end_year: int = attrs.field(
        kw_only=True, default=attrs.Factory(lambda self: _year_of(self.end), takes_self=True)
    )

    def to_dict(self) -> DateSpanDict:
        """JSON-ready: ISO dates (``null`` before 1 CE) and the signed years."""
        return {
            "start": None if self.start is None else self.start.isoformat(),
            "end": None if self.end is None else self.end.isoformat(),
            "start_year": self.start_year,
            "end_year": self.end_year,
            "precision": self.precision,
            "text": self.text,
            "qualifier": self.qualifier,
        }


# The attributes of a DateSpan in the order ``make_span`` takes them.
_SPAN_FIELDS = ("start", "end", "precision", "text", "qualifier", "start_year", "end_year")


def _span_maker() -> Callable[
    [datetime.date | None, datetime.date | None, Precision, str, str | None, int, int], DateSpan
]:
    """A constructor of DateSpan for find_dates, which always knows both years: it fills the
    slots straight through their descriptors, twice as fast as ``__init__`` (which has no
    validator or converter to run: the value is the same, equal, hashable and picklable)."""
    new = object.__new__
    s1, s2, s3, s4, s5, s6, s7 = (DateSpan.__dict__[name].__set__ for name in _SPAN_FIELDS)

    def new_span(
        start: datetime.date | None,
        end: datetime.date | None,
        precision: Precision,
        text: str,
        qualifier: str | None,
        start_year: int,
        end_year: int,
    ) -> DateSpan:
        span: DateSpan = new(DateSpan)
        s1(span, start)
        s2(span, end)
        s3(span, precision)
        s4(span, text)
        s5(span, qualifier)
        s6(span, start_year)
        s7(span, end_year)
        return span

    return new_span


make_span = _span_maker()
