"""Names of countries, for telling an article's parties from third countries.

The names and aliases are those of ``countries.tsv`` (see ``countries``);
former states (Soviet Union, Yugoslavia ...) are added here: a relation with
one of them is not the article's relation with its successor. A country
missing here is simply not recognised as a third country (the rules then
rely on the article's parties).
"""

from __future__ import annotations

from .countries import countries

# Former states, which the ISO table (countries.tsv) does not hold: a relation
# with one of them is not the article's relation with its successor.
_FORMER = (
    ("Soviet Union", "USSR", "U.S.S.R."),
    ("Yugoslavia", "Federal Republic of Yugoslavia", "Socialist Federal Republic of Yugoslavia"),
    ("Czechoslovakia",),
    ("Ottoman Empire",),
    ("Roman Empire",),
    ("Kosovo",),  # not in ISO 3166-1
    ("East Germany", "German Democratic Republic", "GDR"),  # not the Federal Republic
)
# The other names a sentence uses for a state, to its name in countries.tsv.
# Only these, not the table's official forms: the fact layer finds countries
# by the distinctive words of their names, and "Saint Christopher and Nevis"
# would make "W. Christopher" a country.
_OTHER_NAMES = {
    "Bahamas": "The Bahamas",
    "Gambia": "The Gambia",
    "Ivory Coast": "Côte d'Ivoire",
    "Bosnia": "Bosnia and Herzegovina",
    "Cabo Verde": "Cape Verde",
    "People's Republic of China": "China",
    "PRC": "China",
    "Mainland China": "China",
    "Congo-Brazzaville": "Republic of the Congo",
    "DR Congo": "Democratic Republic of the Congo",
    "DRC": "Democratic Republic of the Congo",
    "Congo-Kinshasa": "Democratic Republic of the Congo",
    "Zaire": "Democratic Republic of the Congo",
    "Czechia": "Czech Republic",
    "Swaziland": "Eswatini",
    "West Germany": "Germany",
    "Persia": "Iran",
    "Burma": "Myanmar",
    "Holland": "Netherlands",
    "DPRK": "North Korea",
    "Macedonia": "North Macedonia",
    "PNG": "Papua New Guinea",
    "Russian Federation": "Russia",
    "Saint Vincent": "Saint Vincent and the Grenadines",
    "Republic of Korea": "South Korea",
    "Korea": "South Korea",
    "Ceylon": "Sri Lanka",
    "Republic of China": "Taiwan",
    "ROC": "Taiwan",
    "Siam": "Thailand",
    "East Timor": "Timor-Leste",
    "Türkiye": "Turkey",
    "UAE": "United Arab Emirates",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "United States of America": "United States",
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "Holy See": "Vatican City",
    "Viet Nam": "Vietnam",
}


def country_names() -> dict[str, str]:
    """Every written name (as written) to the name the fact layer uses: the
    names of the sovereign states of countries.tsv, the other names above,
    and former states."""
    names = {country.name: country.name for country in countries() if country.sovereign}
    names.update(_OTHER_NAMES)
    for canonical, *others in _FORMER:
        for written in (canonical, *others):
            names.setdefault(written, canonical)
    return names
