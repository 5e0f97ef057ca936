"""Embassies, consulates and other missions opened or closed, from running text."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ..relation_types import MissionKind
from ._prose_classes import (
    MissionEvent as MissionEvent,  # re-exported: its public name
)
from ._text import (
    LONGEST_CACHED,
    Mention,
    Sentence,
    canonical,
    folded_twin,
    is_country,
    no_full_stop,
    scan,
    word_start,
)
from .countries import resolve_country

_KIND = re.compile(
    r"(?:(?P<honorary>honorary\s+consulates?)|(?P<general>consulates?[-\s]general|consul(?:ate)?s[-\s]general)"
    r"|(?P<consulate>consulates?)|(?P<embassy>embass(?:y|ies))|(?P<high>high\s+commissions?)"
    r"|(?P<representative>representative\s+offices?)|(?P<liaison>liaison\s+offices?))\b"
)
# What every _KIND starts with (see ``scan``).
_STARTS = ("honorary", "consul", "embass", "high", "representative", "liaison")
_KINDS: dict[str, MissionKind] = {
    "honorary": "honorary consulate",
    "general": "consulate-general",
    "consulate": "consulate",
    "embassy": "embassy",
    "high": "high commission",
    "representative": "representative office",
    "liaison": "liaison office",
}
_PLACE = r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w'’.-]*){0,3}"
# Where the mission is: "in Dushanbe", "at the Vincentian capital of Kingstown",
# "in Washington DC and Ha Noi".
_WHERE = re.compile(
    rf"\s+(?:in|at)\s+(?:the\s+(?:(?:[A-Z]\w*\s+)?capital\s+)?(?:city\s+)?of\s+)?(?P<places>{_PLACE}"
    rf"(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){_PLACE})*)"
)
_PLACE_SPLIT = re.compile(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+")
_AND = re.compile(r"\s+and\s+(?:the\s+)?")
_OWNER_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")
# A verb after the mission: "was established on", "has been functioning since", "were opened".
_AFTER = re.compile(
    r"(?i)\s+(?:and\s+vice\s+versa\s+)?(?:(?:has|have|had)\s+(?:been\s+)?|was\s+|were\s+|is\s+|are\s+)?(?:\w+ly\s+)?"
    r"(?P<verb>opened|established|inaugurated|set\s+up|reopened|re-opened|closed|shut(?:\s+down)?"
    r"|functioning|operating|operational|in\s+operation)\b"
)
# A verb before the mission: "opened an embassy in", "by establishing an embassy", "used to have a consulate".
_BEFORE = re.compile(
    r"(?i)\b(?P<verb>opened|established|inaugurated|set\s+up|reopened|re-opened|closed|shut\s+down|by\s+establishing"
    r"|by\s+opening|used\s+to\s+have|has|have|has\s+had|have\s+had)\s+(?:(?:an?|its|their|the|his|her|new|first"
    r"|own|permanent|resident|diplomatic|two)\s+){0,3}$"
)
_BEFORE_FOLDED = folded_twin(_BEFORE)  # for an ASCII sentence (see Sentence.search), as the other _FOLDED
# What the text before a mission must hold for ``_BEFORE`` to match there, case-folded: a piece
# of each verb without "i", "s" or "k" (under ``(?i)`` those match "ı", "ſ" and the Kelvin sign,
# which ``Sentence.folded`` keeps). Testing them is much cheaper than the search they spare.
_BEFORE_NEEDS = ("open", "tabl", "naugurat", "up", "clo", "hut", "ha")
# What a sentence must hold, case-folded, for any of its missions to be an event: a piece of a
# verb of ``_AFTER`` or ``_BEFORE`` that is not a state (as above), or "since" (a state is an
# event only with it). Most sentences that name a mission hold none: they are skipped whole.
_EVENT_NEEDS = ("open", "tabl", "naugurat", "up", "clo", "hut", "have", "since")
_CLOSED = ("closed", "shut", "used to have")
_STATE = ("has", "have", "has had", "have had", "functioning", "operating", "operational", "in operation")
_SINCE = re.compile(r"\bsince\b")
_NOT_DONE = re.compile(r"(?i)\b(?:to|not|never|will|would|plans?\s+to|on|for|about)\s+$")
_NOT_DONE_FOLDED = folded_twin(_NOT_DONE)
_CHAIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:(?:an?|its|their|the)\s+)?")


def _verb_event(verb: str) -> str | None:
    verb = " ".join(verb.casefold().split())
    if verb.startswith(_CLOSED):
        return "closed"
    return "opened"


def _places(sentence: Sentence, end: int) -> tuple[list[str], int]:
    where = _WHERE.match(sentence.text, end)
    if where is None:
        return [], end
    places = [no_full_stop(p.strip()) for p in _PLACE_SPLIT.split(where["places"]) if p.strip()]
    return places, where.end()


def _owner_before(sentence: Sentence, start: int) -> list[Mention]:
    """The parties named just before ``start``: a possessive or adjective ("China's embassy",
    "the Tajik embassy"), else the subject, the nearest party named before it; two
    joined by "and" ("Vietnam and the US opened ...") are both owners."""
    before = sentence.mentions_before(start, 2)
    if not before:
        return []
    last = before[-1]
    if len(before) >= 2 and _AND.fullmatch(sentence.text, before[-2].end, last.start):
        return [before[-2], last]
    return [last]


def _previous_subject(sentence: Sentence) -> Mention | None:
    previous = sentence.previous
    if previous is None:
        return None
    return next((m for m in previous.mentions if m.party), None)


def _third_capital(city: str, parties: tuple[str, ...]) -> bool:
    """Whether ``city`` is the capital of a country that is neither party (both parties resolved)."""
    capital_of = resolve_country(city, kinds=("capital",))
    if capital_of is None or len(parties) != 2:
        return False
    found = [resolve_country(party, kinds=("name",)) for party in parties]
    return all(country is not None and country.iso3 != capital_of.iso3 for country in found)


_third_capital_cached = functools.lru_cache(maxsize=4096)(_third_capital)


def read_missions(sentences: Iterable[Sentence]) -> list[MissionEvent]:
    """The missions of the article's parties the sentences say were opened or closed."""
    out: list[MissionEvent] = []
    for sentence in sentences:
        if "missions" not in sentence.families:
            continue
        folded = sentence.folded
        for need in _EVENT_NEEDS:
            if need in folded:
                break
        else:
            continue
        text = sentence.text
        last: tuple[int, str, list[Mention], int] | None = None  # end, event, owners, verb end
        since: bool | None = None  # whether the sentence says "since": searched once, not per mission
        for found in scan(_KIND, _STARTS, sentence.folded):
            if not word_start(text, found.start()):
                continue
            kind = _KINDS[found.lastgroup or "embassy"]
            start, end = found.span()
            owners: list[Mention] = []
            owner_of = _OWNER_AFTER.match(text, end)
            if owner_of is not None:
                after = sentence.mention_at.get(owner_of.end())
                if after is not None:
                    owners = [after]
                    end = after.end
            places, stop = _places(sentence, end)
            event: str | None = None
            verb_at = (start, stop)
            if last is not None and _CHAIN.fullmatch(text, last[0], start):
                event, chained_owners, verb_end = last[1], last[2], last[3]
                owners = owners or chained_owners
                verb_at = (verb_end, verb_end)
            else:
                after_verb = _AFTER.match(text, stop)
                window = sentence.folded[max(0, start - 60) : start]
                before_verb = None
                if any(need in window for need in _BEFORE_NEEDS):
                    before_verb = sentence.search(_BEFORE, _BEFORE_FOLDED, max(0, start - 60), start)
                if after_verb is not None:
                    verb = after_verb["verb"].casefold()
                    verb_at = after_verb.span("verb")
                    if not places:  # "The Consulate General of X has opened in the city of Y"
                        places, _ = _places(sentence, after_verb.end())
                elif before_verb is not None:
                    verb = before_verb["verb"].casefold()
                    verb_at = before_verb.span("verb")
                    if sentence.search(_NOT_DONE, _NOT_DONE_FOLDED, max(0, verb_at[0] - 15), verb_at[0]):
                        continue
                else:
                    continue
                if verb.startswith(_STATE):
                    if since is None:
                        since = _SINCE.search(folded) is not None
                    if not since:
                        continue  # "has an embassy in Oslo" is no event; "has ... since 1992" is
                event = _verb_event(verb)
                if not owners:
                    owners = _owner_before(sentence, start if after_verb is not None else verb_at[0])
                    if after_verb is None and not owners and text[:3] in ("It ", "it "):
                        subject = _previous_subject(sentence)
                        owners = [subject] if subject else []
                    if after_verb is not None and not owners:
                        owners = _owner_before(sentence, start)
            vice_versa = "vice versa" in text[stop : verb_at[0]].casefold()
            last = (stop, event or "", owners, verb_at[1])
            parties = [m.party for m in owners if m.party]
            if not parties or len(parties) != len(owners) or event is None:
                continue
            date = sentence.date_near(*verb_at)
            if len(parties) > 1 and len(places) != len(parties):
                continue  # "Vietnam and the US opened liaison offices" with no city each: whose is where?
            pairs: list[tuple[str, str | None]] = (
                list(zip(parties, places, strict=True))
                if len(parties) > 1
                else [(parties[0], p) for p in ([*places] if places else [None])]
            )
            for party, place in pairs:
                city = place if place is not None and not is_country(place) else None
                if city is not None and (
                    _third_capital_cached if len(city) <= LONGEST_CACHED else _third_capital
                )(city, sentence.parties.names):
                    continue  # "Germany opened an embassy in Beijing" is not a Germany–Japan mission
                if place is not None and city is None and canonical(place) == canonical(party):
                    continue  # "the embassy of X in X" is no mission abroad
                out.append(MissionEvent(event, party, kind, city, date, text, sentence.source))  # type: ignore[arg-type]
                if vice_versa and place is not None:
                    other = sentence.parties.party(canonical(place))
                    if other is not None and other != party:
                        out.append(MissionEvent(event, other, kind, None, date, text, sentence.source))  # type: ignore[arg-type]
    return out
