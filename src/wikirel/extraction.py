"""``extract_relation`` and the fact classes: a façade over :mod:`wikirel.facts`.

The fact layer is the :mod:`wikirel.facts` package, a module per fact family
(``model``, ``parties``, ``infobox``, ``tables``, ``events``, ``extract`` and
the rules of running text); this module keeps the names it always had.
"""

from __future__ import annotations

from .facts.extract import extract_relation
from .facts.infobox import envoy_name, mission_city
from .facts.model import Envoy, Event, Mission, Relation, Source, Visit, relation_schema
from .facts.parties import parties_from_title

__all__ = [
    "Envoy",
    "Event",
    "Mission",
    "Relation",
    "Source",
    "Visit",
    "extract_relation",
    "parties_from_title",
    "relation_schema",
]

# The names of 0.3.0, kept for code that used them.
_city = mission_city
_envoy_name = envoy_name
