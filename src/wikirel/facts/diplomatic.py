"""Relations established, recognised, severed, suspended and restored, from running text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._prose_classes import (
    DiplomaticEvent as DiplomaticEvent,  # re-exported: its public name
)
from ._text import Sentence, folded_twin, scan, word_start

# One alternation, restored first: "re-established" is a restoration.
_TRIGGER = re.compile(
    r"(?:(?P<restored>re-?establish(?:ed|ing|ment)|restor(?:ed|ing|ation)|resum(?:ed|ing|ption)"
    r"|normali[sz]ed\s+again)"
    r"|(?P<established>establish(?:ed|ing|ment))"
    r"|(?P<severed>sever(?:ed|ing|ance)|br(?:oke|oken|eaking)\s+off|cut\s+off|rupture[ds]?)"
    r"|(?P<suspended>suspen(?:ded|ding|sion))"
    r"|(?P<recognized>recogni[sz](?:ed|es|ing|ation)|recognition))\b"
)
# What every trigger starts with (see ``scan``).
_STARTS = ("re-e", "reest", "restor", "resum", "normali", "establish", "sever", "broke", "breaking", "cut",
           "ruptur", "suspen", "recogni")  # fmt: skip
# The relations named after an active trigger ("established formal diplomatic relations").
_OBJECT = re.compile(
    r"(?i)\s+(?:of\s+)?(?P<mods>(?:(?:the|their|formal|full|official|officially|diplomatic|bilateral"
    r"|and|economic|consular|all)\s+){0,6})(?P<noun>relations|ties|relationship)\b"
)
# A passive trigger: the verb after "were", "was", "been", "and" or right after the noun.
_PASSIVE = re.compile(
    r"(?i)(?:\b(?:were|was|been|be|are|is|and)\s+(?:\w+ly\s+)?|\b(?:relations|ties|relationship)\s+)$"
)
_NOUN = re.compile(r"(?i)\b(?:diplomatic\s+)?(?P<noun>relations|ties|relationship)\b")
# The (?i) patterns searched for in a window before a trigger, for an ASCII sentence (see Sentence.search).
_NOUN_FOLDED = folded_twin(_NOUN)
_PASSIVE_FOLDED = folded_twin(_PASSIVE)
_NOT_DONE = re.compile(
    r"(?i)\b(?:to|not|never|will|would|could|may|might|shall|plans?\s+to|agreed\s+to|n't)\s+$"
)
_NOT_DONE_FOLDED = folded_twin(_NOT_DONE)
# "recognized Japan's claim over Okinawa" recognizes a claim, not Japan; its
# independence, sovereignty or government is Japan.
_RECOGNIZED_OTHER = re.compile(
    r"\s+(?:the\s+)?(?:[\w.-]+\s+){0,4}?[\w.-]+['’]s?\s+(?!(?:new\s+)?(?:independence|sovereignty|statehood"
    r"|government|state|existence)\b)[a-z]"
)
_WINDOW = 120  # characters looked back for the relations a passive trigger is about
# What a sentence must hold, case-folded, for ``_OBJECT`` or ``_NOUN`` to match in it: "relat",
# or "ties" up to its "s" with each "i" that ``(?i)`` matches ("ı", and "İ", which
# ``Sentence.folded`` keeps). Without one, only a recognition can be told.
_NOUN_NEEDS: tuple[str, ...] = ("relat", "tie", "tıe", "tİe")


def _about_relations(sentence: Sentence, start: int, end: int) -> bool:
    text = sentence.text
    found = _OBJECT.match(text, end)
    if found is not None:
        mods = found["mods"].casefold().split()
        return "diplomatic" in mods or (found["noun"].casefold() != "ties" and "economic" not in mods)
    if not sentence.search(_PASSIVE, _PASSIVE_FOLDED, max(0, start - 20), start):
        return False
    if text.isascii():
        nouns = list(_NOUN_FOLDED.finditer(sentence.folded[max(0, start - _WINDOW) : start]))
    else:
        nouns = list(_NOUN.finditer(text[max(0, start - _WINDOW) : start]))
    if not nouns:
        return False
    last = nouns[-1]
    return last["noun"].casefold() != "ties" or last.group().casefold().startswith("diplomatic")


def read_diplomatic(sentences: Iterable[Sentence]) -> list[DiplomaticEvent]:
    """The dated changes of the parties' relations the sentences tell."""
    out: list[DiplomaticEvent] = []
    for sentence in sentences:
        if "diplomatic" not in sentence.families or sentence.undated:
            continue  # (each event is dated: without a date, none is told)
        folded = sentence.folded
        about = any(need in folded for need in _NOUN_NEEDS)
        if not about and "recogni" not in folded:
            continue
        seen: set[tuple[str, str]] = set()
        for trigger in scan(_TRIGGER, _STARTS, folded):
            if not word_start(sentence.text, trigger.start()):
                continue
            kind = trigger.lastgroup
            start, end = trigger.span()
            if kind is None or sentence.search(_NOT_DONE, _NOT_DONE_FOLDED, max(0, start - 15), start):
                continue
            if kind == "recognized":
                if len(sentence.named_parties) < 2 or _RECOGNIZED_OTHER.match(sentence.text, end):
                    continue
            elif not about or not _about_relations(sentence, start, end):
                continue
            if sentence.third_country(start, end):
                continue
            date = sentence.date_near(start, end)
            if date is None or (kind, date.text) in seen:
                continue
            seen.add((kind, date.text))
            out.append(DiplomaticEvent(kind, date, sentence.text, sentence.source))  # type: ignore[arg-type]
    return out
