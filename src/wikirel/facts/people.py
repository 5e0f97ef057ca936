"""People as written in an infobox or a visit: offices split from the name.

"President & CCP General Secretary Xi Jinping" is the offices ("President",
"CCP General Secretary") and the name "Xi Jinping". The split is made only
where the text says it plainly: the offices end in a known head word
(President, Minister, King, ...) and what follows reads as a name. Otherwise
the name stays None and ``written`` keeps the text.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Person", "split_person"]

# Words an office ends in ("Prime Minister", "CCP General Secretary").
_HEADS = frozenset(
    """president vice-president president-elect premier vice-premier chancellor minister secretary
    secretary-general king queen emperor empress prince princess sultan emir amir sheikh shah monarch
    regent ambassador envoy consul consul-general chairman chairwoman chairperson chair speaker governor
    governor-general mayor pope patriarch leader commander general admiral marshal director councillor
    councilor senator taoiseach chief""".split()  # noqa: SIM905 - a word list reads best as words
)
# Phrases after a head that belong to the office ("Secretary of State").
_OFFICE_TAILS = ("of state", "of foreign affairs", "of defence", "of defense", "for foreign affairs")
_PARTICLES = frozenset("al bin ibn bint de da di del der van von la le y el ul ud abu".split())  # noqa: SIM905
_TIME = re.compile(r"^(?:now|then|former|late|ex|acting|incumbent)[- ]", re.IGNORECASE)
# Courtesy titles are not offices: "Mr Ahmed Zaki" is the name "Ahmed Zaki".
_COURTESY = re.compile(
    r"\b(?:H\.\s?E\.?|His Excellency|Her Excellency|His Majesty|Her Majesty|Hon\.|Mrs?\.?|Ms\.?|Dr\.?"
    r"|Sir|Dame)(?=\s)\s*"
)
_JOIN = re.compile(r"\s*(?:&|/|\band\b)\s*")
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’.\-]*|(?:al|el|bin|ibn)-[\w'’\-]+)$")


def _name_word(word: str) -> bool:
    """A word a name is made of: it starts with a capital, or with a letter of
    a script without case ("王毅"), or is "al-..."; never lower case."""
    return (bool(_NAME_WORD.match(word)) and not word[0].islower()) or word[:3] in ("al-", "el-")


@attrs.frozen
class Person:
    """A person: ``name`` and ``offices`` where the text gives them, ``written`` always."""

    written: str
    name: str | None = None
    offices: tuple[str, ...] = ()


def _is_head(word: str) -> bool:
    return word.strip(",").casefold() in _HEADS


def _looks_like_name(words: list[str]) -> bool:
    if not 1 <= len(words) <= 6 or not _name_word(words[0]):
        return False
    return all(
        (_name_word(w) or w.casefold() in _PARTICLES) and not _is_head(w) and w.casefold() != "of"
        for w in words
    )


def _offices(text: str) -> tuple[str, ...]:
    """Split "President & CCP General Secretary" into offices that each end in a head."""
    parts = [p for p in _JOIN.split(text) if p]
    merged: list[str] = []
    for part in parts:
        last = part.split()[-1]
        if merged and not (_is_head(last) or part.casefold().endswith(_OFFICE_TAILS)):
            merged[-1] = f"{merged[-1]} and {part}"  # "Minister of Trade and Industry"
        else:
            merged.append(part)
    return tuple(merged)


def split_person(written: str) -> Person:
    """``written`` as offices and a name, where the text gives both plainly."""
    text = " ".join(written.split())
    if not text or len(text) > 300:
        return Person(written)
    text = _COURTESY.sub("", _TIME.sub("", text + " ")).strip()  # " ": a courtesy title alone goes too
    text = text[4:] if text[:4] in ("the ", "The ") else text
    if not text:
        return Person(written)
    if "," in text:  # "Prime Minister of Pakistan, Imran Khan"
        office, _, rest = text.rpartition(",")
        words = rest.split()
        if _looks_like_name(words) and any(_is_head(w) for w in office.split()):
            return Person(written, " ".join(words), _offices(office.strip()))
    words = text.split()
    end = -1  # index of the last word of the offices
    i = 0
    while i < len(words):
        if _is_head(words[i]):
            end = i
            tail = " ".join(words[i + 1 : i + 4]).casefold()
            for phrase in _OFFICE_TAILS:
                if tail.startswith(phrase):
                    end = i + len(phrase.split())
                    break
        i += 1
    if end < 0:
        return Person(written, text if _looks_like_name(words) else None)
    name_words = words[end + 1 :]
    office = " ".join(words[: end + 1])
    if not name_words:
        return Person(written, None, _offices(office))
    if not _looks_like_name(name_words) or "of" in (w.casefold() for w in words[: end + 1][-1:]):
        return Person(written)
    return Person(written, " ".join(name_words), _offices(office))
