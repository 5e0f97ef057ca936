"""Countries: one identity per ISO 3166-1 entry, found from names, demonyms and capitals.

The table (``countries.tsv`` beside this module) is written by
``tools/make_countries.py`` from countryinfo's data (MIT) with hand corrections:
English short and official names, the demonyms and adjectives of sovereign
states, and their capitals. A name is looked up whole (case, accents, a
leading "the" and spacing ignored); nothing is guessed from a part of a name,
and a key that two entries share is not in the table.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from importlib import resources
from typing import Literal

import attrs

__all__ = ["Country", "countries", "country_by_iso3", "resolve_country"]

Kind = Literal["name", "demonym", "capital"]
_ABBREVIATION = re.compile(r"(?:[A-Z]\.?){2,5}")
_THE = re.compile(r"^(?:the|The)\s+")
_ALL_KINDS: tuple[Kind, ...] = ("name", "demonym", "capital")


@attrs.frozen
class Country:
    """A country (or other ISO 3166-1 area: ``sovereign`` says which)."""

    name: str
    iso3: str
    iso2: str
    sovereign: bool = True
    capitals: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.name


def _key(text: str) -> str:
    """The lookup form of a name: no accents, casefolded, one space, no leading 'the'."""
    text = text.replace("’", "'").replace("&", " and ")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = text.casefold().replace("st. ", "saint ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words).rstrip(".,;:")


@functools.cache
def _table() -> tuple[tuple[Country, ...], dict[tuple[Kind, str], Country]]:
    source = resources.files("wikirel.facts").joinpath("countries.tsv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(source.splitlines(), delimiter="\t"))
    found: list[Country] = []
    index: dict[tuple[Kind, str], Country] = {}
    for row in rows:
        country = Country(
            name=row["name"],
            iso3=row["iso3"],
            iso2=row["iso2"],
            sovereign=row["sovereign"] == "yes",
            capitals=tuple(filter(None, row["capitals"].split("|"))),
            demonyms=tuple(filter(None, row["demonyms"].split("|"))),
            aliases=tuple(filter(None, row["aliases"].split("|"))),
        )
        found.append(country)
        names = [row["name"], *country.aliases]
        keyed: tuple[tuple[Kind, tuple[str, ...]], ...] = (
            ("name", tuple(names)),
            ("demonym", country.demonyms),
            ("capital", country.capitals),
        )
        for kind, words in keyed:
            for word in words:
                # An abbreviation ("US", "UK", "PRC") counts only as written: "us" is a word.
                key = word if _ABBREVIATION.fullmatch(word) else _key(word)
                index.setdefault((kind, key), country)
    return tuple(found), index


def resolve_country(name: str, *, kinds: tuple[Kind, ...] = _ALL_KINDS) -> Country | None:
    """The country ``name`` names, or None: never a guess.

    ``name`` may be a short or official name ("The Gambia", "People's Republic
    of China"), a demonym or adjective ("Tajik", "Chinese") or a capital
    ("Dushanbe"); ``kinds`` narrows which of these count. The whole string
    must match: "Tajik Embassy" resolves to nothing (see ``mission_country``).
    """
    if not isinstance(name, str) or len(name) > 200:
        return None
    _, index = _table()
    written = name.strip()
    for key in (written, _THE.sub("", written), _key(name)):
        for kind in kinds:
            country = index.get((kind, key))
            if country is not None:
                return country
    return None


def country_by_iso3(code: str) -> Country | None:
    """The country with ISO 3166-1 alpha-3 ``code`` ("CHN"), or None."""
    for country in _table()[0]:
        if country.iso3 == code.upper():
            return country
    return None


def countries() -> tuple[Country, ...]:
    """Every entry of the table, in ISO alpha-3 order."""
    return _table()[0]
