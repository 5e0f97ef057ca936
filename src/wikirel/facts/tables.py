"""Visits from tables of visits: which columns hold the guest, host, date and place."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..nodes import Node, Table
from .dates import find_dates
from .model import Source, Visit, make_visit

__all__ = ["table_visits"]


# Header words that mark the columns of a table of visits.
_GUEST = {"guest", "guests", "visitor", "visitors", "visiting", "delegation"}
_HOST = {"host", "hosts", "hosted", "receiving", "counterpart"}
_DATE = {"date", "dates", "when", "year", "period"}
_PLACE = {"place", "location", "city", "venue", "where", "destination", "places", "visited"}


# Words that make a column one of figures, not of people or places ("Guest workers",
# "Number of visitors", "Host country remittances").
_FIGURES = {
    "number", "numbers", "total", "totals", "workers", "arrivals", "change", "growth", "share",
    "percent", "percentage", "count", "figures", "statistics", "nights", "spending", "receipts",
    "revenue", "remittances", "rate", "thousands", "millions", "annual", "amount", "value",
}  # fmt: skip


# Under a heading about visits, the column of names is the guests'.
_NAMES = {"name", "names", "leader", "leaders", "dignitary", "dignitaries", "person", "visitors"}


def _words(key: str) -> set[str]:
    return set(re.findall(r"[a-z]+", key.casefold()))


# The columns of headers seen before (tables of one kind repeat theirs): small headers only,
# and a bounded number of them, so that what is kept never grows with the corpus.
_SEEN: dict[tuple[tuple[str, ...], str | None], dict[str, str]] = {}
_SEEN_KEYS = 16  # the most keys of a header kept
_SEEN_CHARS = 400  # the most characters of its keys and heading
_SEEN_SIZE = 256  # the most headers kept


def _columns(keys: tuple[str, ...], heading: str | None = None) -> dict[str, str]:
    """Which record key holds the guest, host, date, place of a visit (a dict not to change).

    A header says it ("Guest", "Hosted by" ...); under a heading about visits
    ("List of official dignitary visits"), a column of names ("Name",
    "Leader") is the guests' too, as a reader takes it.
    """
    if (
        len(keys) > _SEEN_KEYS
        or sum(map(len, keys)) + len(heading or "") > _SEEN_CHARS
        # Only a header of plain strs is a key: a user's Table may give str subclasses
        # (unhashable, or with an equality of their own).
        or not (heading is None or type(heading) is str)
        or not all(type(key) is str for key in keys)
    ):
        return _find_columns(keys, heading)
    seen = _SEEN.get((keys, heading))
    if seen is None:
        if len(_SEEN) >= _SEEN_SIZE:
            _SEEN.clear()
        seen = _SEEN[keys, heading] = _find_columns(keys, heading)
    return seen


def _find_columns(keys: tuple[str, ...], heading: str | None) -> dict[str, str]:
    found: dict[str, str] = {}
    for key in keys:
        words = _words(key)
        if words & _FIGURES:
            continue
        for role, vocabulary in (("guest", _GUEST), ("host", _HOST), ("date", _DATE), ("place", _PLACE)):
            if role not in found and words & vocabulary:
                found[role] = key
                break
    if "guest" not in found and heading and re.search(r"\bvisit", heading.casefold()):
        found["guest"] = next(
            (
                key
                for key in keys
                if _words(key) & _NAMES and not _words(key) & _FIGURES and key not in found.values()
            ),
            "",
        )
        if not found["guest"]:
            del found["guest"]
    return found


def _figure(cell: str) -> bool:
    """Whether a cell holds a figure rather than a name: more digits than letters."""
    digits = sum(map(str.isdigit, cell))
    return digits > 0 and digits >= sum(map(str.isalpha, cell))


def table_visits(table: Table, locate: Callable[[Node], Source], heading: str | None) -> list[Visit]:
    """The visits of ``table`` when its header says it is a table of visits, else none."""
    # Read untyped and made a tuple: a user's Table may give its keys as a list, which
    # the compiled build would refuse as the declared tuple.
    given: Any = table
    keys = tuple(given.keys)
    columns = _columns(keys, heading)
    if "guest" not in columns or not ({"host", "date"} & columns.keys()):
        return []  # a table is one of visits by what its header says, never by position
    guests = keys.index(columns["guest"])
    if any(len(body.cells) > guests and _figure(body.cells[guests]) for body in table.rows):
        return []  # a visit's guest is a person or an office: "1,204,000" makes it statistics
    # The key of each role's column, None for a role without one.
    guest, host, date, place = (columns.get(role) for role in ("guest", "host", "date", "place"))
    visits = []
    for body in table.rows:
        # Only the cells the row has: padding short rows to a header of
        # thousands of cells would make extraction quadratic.
        record = dict(zip(keys, body.cells, strict=False))
        date_text = record.get(date) if date is not None else None
        dates = find_dates(date_text) if date_text else ()
        visits.append(
            make_visit(
                record.get(guest) or None if guest is not None else None,
                record.get(host) or None if host is not None else None,
                record.get(place) or None if place is not None else None,
                dates[0] if dates else None,
                record,
                locate(body),
                None,
            )
        )
    return visits
