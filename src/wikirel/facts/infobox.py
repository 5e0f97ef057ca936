"""Facts of the infobox: envoys (``Envoy1``, ``Envoytitle1`` ...) and missions (``Mission1`` ...)."""

from __future__ import annotations

import re

from .._text import WHITESPACE

__all__ = ["envoy_name", "mission_city"]


_IN = re.compile(r"\bin\s")
# What may follow a city after a comma and still be its name ("Washington, D.C.").
_CITY_SUFFIXES = frozenset({"d.c.", "dc", "d.c"})


def mission_city(mission: str) -> str | None:
    """The city of a mission: after "in" up to a comma ("Consulate-General in São
    Paulo, Brazil"), else after the first comma ("Embassy of Pakistan, Washington,
    D.C."); a closing remark in parentheses ("(closed)") is no part of it."""
    mission = mission.strip()
    if mission.endswith(")") and "(" in mission:
        mission = mission[: mission.rindex("(")].rstrip()
    found = _IN.search(mission)
    if found:
        place = mission[found.end() :]
    elif "," in mission:
        place = mission.split(",", 1)[1]
    else:
        return None
    first, _, rest = place.partition(",")
    if rest.strip().casefold() in _CITY_SUFFIXES:
        first = f"{first.strip()}, {rest.strip()}"
    return first.strip() or None


_HONORIFIC = re.compile(
    r"(?:(?:H\.\s?E\.?|His\s+Excellency|Her\s+Excellency|The\s+Hon(?:ou?rable|\.)?|Hon(?:ou?rable|\.)?"
    r"|Mr|Mrs|Ms|Miss|Dr|Amb|Ambassador)(?![A-Za-z])\.?[\s,]+)+"
)


def envoy_name(written: str) -> str:
    """``written`` without the courtesy prefixes before the name; all of it
    when nothing else is left."""
    found = _HONORIFIC.match(written)
    if found is None:
        return written
    return written[found.end() :].strip(WHITESPACE) or written
