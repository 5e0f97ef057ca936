"""The fact classes of running text (:class:`DiplomaticEvent`, :class:`Agreement`,
:class:`MissionEvent`), apart from the rules that find them (``diplomatic``,
``agreements``, ``missions``, which import them from here and are compiled in the
mypyc build): a module that holds attrs classes stays interpreted, or mypyc turns
their ``str | None`` annotations into a bare ``type`` and ``typing.get_type_hints``
reads them wrong. Their public names are ``wikirel.facts.DiplomaticEvent`` ... and
the rule modules' (``wikirel.facts.diplomatic.DiplomaticEvent`` ...); a pickle from
before, which names the rule module, still loads.
"""

from __future__ import annotations

import attrs

from ..relation_types import AgreementKind, DiplomaticKind, MissionEventKind, MissionKind
from ._text import Located
from .dates import DateSpan  # at run time: typing.get_type_hints reads the fields' annotations
from .fields import FactDict  # from its own module: the compiled build must import that module

__all__ = ["Agreement", "DiplomaticEvent", "MissionEvent"]


@attrs.frozen
class DiplomaticEvent(FactDict):
    """A change in the relations between the article's two parties, with its date.

    ``kind`` is ``established``, ``recognized``, ``severed``, ``suspended`` or
    ``restored``; ``sentence`` is the sentence it was read from.
    """

    kind: DiplomaticKind
    date: DateSpan
    sentence: str
    source: Located | None = attrs.field(default=None, eq=False)


@attrs.frozen
class Agreement(FactDict):
    """An agreement the text says was signed, concluded or ratified.

    ``name`` when the text names it ("Treaty of Friendship and Cooperation"),
    ``count`` when it counts them ("signed 200 agreements"), ``date`` when
    the sentence dates it.
    """

    kind: AgreementKind
    name: str | None
    date: DateSpan | None
    count: int | None
    sentence: str
    source: Located | None = attrs.field(default=None, eq=False)


@attrs.frozen
class MissionEvent(FactDict):
    """A mission of one of the article's parties opened or closed.

    ``party`` is the party whose mission it is, ``city`` where it is (``None``
    when the text names only a country), ``date`` when the sentence dates it.
    """

    event: MissionEventKind
    party: str
    kind: MissionKind
    city: str | None
    date: DateSpan | None
    sentence: str
    source: Located | None = attrs.field(default=None, eq=False)
