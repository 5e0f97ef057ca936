"""Entities: countries resolved from names, demonyms and capitals; people split from offices.

The expected identities below were written by reading the articles of
tests/corpus, tests/fixtures and seeds/ (the names as the gold has them), not
by running the resolver.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wikirel
from wikirel.facts.countries import countries, country_by_iso3, resolve_country
from wikirel.facts.graph import mission_country
from wikirel.facts.people import Person, split_person

ROOT = Path(__file__).resolve().parents[1]

# Every party named in the corpus gold and the seeds, as a reader knows it.
PARTIES = {
    "Antigua and Barbuda": "ATG",
    "Armenia": "ARM",
    "Australia": "AUS",
    "Bangladesh": "BGD",
    "Bhutan": "BTN",
    "Bosnia and Herzegovina": "BIH",
    "Cambodia": "KHM",
    "Chile": "CHL",
    "China": "CHN",
    "Democratic Republic of the Congo": "COD",
    "Egypt": "EGY",
    "Finland": "FIN",
    "France": "FRA",
    "Georgia": "GEO",
    "Germany": "DEU",
    "Iceland": "ISL",
    "India": "IND",
    "Indonesia": "IDN",
    "Japan": "JPN",
    "Kenya": "KEN",
    "Laos": "LAO",
    "Maldives": "MDV",
    "Mongolia": "MNG",
    "Nepal": "NPL",
    "Norway": "NOR",
    "Pakistan": "PAK",
    "Papua New Guinea": "PNG",
    "Peru": "PER",
    "Russia": "RUS",
    "Rwanda": "RWA",
    "Saint Vincent and the Grenadines": "VCT",
    "Serbia": "SRB",
    "Sudan": "SDN",
    "Taiwan": "TWN",
    "Tajikistan": "TJK",
    "Tanzania": "TZA",
    "Thailand": "THA",
    "Timor-Leste": "TLS",
    "Trinidad and Tobago": "TTO",
    "Turkmenistan": "TKM",
    "Uganda": "UGA",
    "United States": "USA",
    "Venezuela": "VEN",
    "Vietnam": "VNM",
}
# Missions of the corpus, fixtures and seeds: the sending country and the city's country.
MISSIONS = {
    "Embassy of Georgia, Yerevan": ("GEO", "ARM"),
    "Embassy of Armenia, Tbilisi": ("ARM", "GEO"),
    "Embassy of Peru in Santiago": ("PER", "CHL"),
    "Chinese Embassy, Dushanbe": ("CHN", "TJK"),
    "Tajik Embassy, Beijing": ("TJK", "CHN"),
    "Embassy of the Democratic Republic of the Congo, Kigali": ("COD", "RWA"),
    "Embassy of Rwanda, Kinshasa": ("RWA", "COD"),
    "Egyptian embassy, Khartoum": ("EGY", "SDN"),
    "Sudanese embassy, Cairo": ("SDN", "EGY"),
    "Embassy of Finland, Moscow": ("FIN", "RUS"),
    "Embassy of Russia, Helsinki": ("RUS", "FIN"),
    "Embassy of France in Berlin": ("FRA", "DEU"),
    "Consulate-General, Munich": (None, None),  # no sender named; Munich is no capital
    "German Embassy, Paris": ("DEU", "FRA"),
    "Japanese embassy, Ulaanbaatar": ("JPN", "MNG"),
    "Mongolian embassy, Tokyo": ("MNG", "JPN"),
    "Pakistani Embassy, Dushanbe": ("PAK", "TJK"),
    "Tajik Embassy, Islamabad": ("TJK", "PAK"),
}


def _iso(name: str | None, **kwargs: object) -> str | None:
    found = resolve_country(name, **kwargs) if name else None  # type: ignore[arg-type]
    return found.iso3 if found else None


@pytest.mark.parametrize(("name", "iso3"), sorted(PARTIES.items()))
def test_every_corpus_party_resolves(name: str, iso3: str) -> None:
    assert _iso(name) == iso3


def test_the_table_of_parties_covers_the_gold() -> None:
    gold = json.loads((ROOT / "tests" / "corpus" / "gold.json").read_text(encoding="utf-8"))
    named = {p for article in gold.values() for pair in article.get("parties") or [] for p in pair}
    assert named - {"Roman Empire"} <= set(PARTIES)


@pytest.mark.parametrize(("mission", "expected"), sorted(MISSIONS.items()))
def test_missions_resolve_their_sender_and_city(
    mission: str, expected: tuple[str | None, str | None]
) -> None:
    sender = mission_country(mission)
    city = wikirel.extraction._city(mission)  # the extractor's own city
    assert (sender.iso3 if sender else None, _iso(city, kinds=("capital",))) == expected


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("The Gambia", "GMB"),
        ("Gambia", "GMB"),
        ("the Gambia", "GMB"),
        ("People's Republic of China", "CHN"),
        ("Republic of China", "TWN"),
        ("Tajik", "TJK"),
        ("Chinese", "CHN"),
        ("Pakistani", "PAK"),
        ("Dushanbe", "TJK"),
        ("Côte d’Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Czechia", "CZE"),
        ("Türkiye", "TUR"),
        ("Eswatini", "SWZ"),
        ("Swaziland", "SWZ"),
        ("North Macedonia", "MKD"),
        ("Burma", "MMR"),
        ("United States of America", "USA"),
        ("U.S.", "USA"),
        ("Washington, D.C.", "USA"),
        ("St. Lucia", "LCA"),
        ("Saint Lucia", "LCA"),
        ("Antigua & Barbuda", "ATG"),
        ("  South   Korea ", "KOR"),
        ("Hong Kong", "HKG"),
        ("Astana", "KAZ"),
        ("Kyiv", "UKR"),
    ],
)
def test_names_demonyms_and_capitals(name: str, iso3: str) -> None:
    assert _iso(name) == iso3


@pytest.mark.parametrize(
    "name",
    [
        "Roman Empire",
        "Soviet Union",
        "Qing dynasty",
        "Congo",  # two countries
        "Korea",  # two countries
        "Congolese",
        "Dominican",
        "Guinean",
        "Tajik Embassy",  # a part is not the whole
        "Island",  # Iceland's name in Icelandic, an English word
        "Thai food",
        "in",
        "IN",
        "CN",
        "Munich",
        "Washington",  # a state, a city, a person
        "",
        "x" * 1000,
    ],
)
def test_what_resolves_to_nothing(name: str) -> None:
    assert resolve_country(name) is None


def test_kinds_narrow_the_lookup() -> None:
    assert resolve_country("Dushanbe", kinds=("name",)) is None
    assert resolve_country("Chinese", kinds=("name", "capital")) is None
    assert _iso("Chinese", kinds=("demonym",)) == "CHN"


def test_the_table_is_one_entry_per_code_and_sovereign_states_are_the_un_set() -> None:
    codes = [c.iso3 for c in countries()]
    assert len(codes) == len(set(codes))
    sovereign = [c for c in countries() if c.sovereign]
    assert len(sovereign) == 196  # 193 UN members, 2 observers (Holy See, Palestine), Taiwan
    assert country_by_iso3("chn") == resolve_country("China")
    assert country_by_iso3("XXX") is None
    hong_kong = resolve_country("Hong Kong")
    assert hong_kong is not None and not hong_kong.sovereign and hong_kong.demonyms == ()


@given(st.text(max_size=40))
def test_resolution_never_raises_and_is_whole_or_nothing(name: str) -> None:
    found = resolve_country(name)
    assert found is None or isinstance(found.iso3, str)


@pytest.mark.parametrize(
    ("written", "name", "offices"),
    [
        ("President Emomali Rahmon", "Emomali Rahmon", ("President",)),
        (
            "President & CCP General Secretary Xi Jinping",
            "Xi Jinping",
            ("President", "CCP General Secretary"),
        ),
        ("Premier Li Keqiang", "Li Keqiang", ("Premier",)),
        ("Chancellor Olaf Scholz", "Olaf Scholz", ("Chancellor",)),
        ("President Sebastián Piñera", "Sebastián Piñera", ("President",)),
        ("President Frank-Walter Steinmeier", "Frank-Walter Steinmeier", ("President",)),
        ("Prime Minister Mr Ahmed Zaki", "Ahmed Zaki", ("Prime Minister",)),
        ("Prime Minister of Pakistan, Imran Khan", "Imran Khan", ("Prime Minister of Pakistan",)),
        ("Secretary of State Antony Blinken", "Antony Blinken", ("Secretary of State",)),
        ("now-President Emomali Rahmon", "Emomali Rahmon", ("President",)),
        ("Crown Prince Mohammed bin Salman", "Mohammed bin Salman", ("Crown Prince",)),
        ("Hamad bin Khalifa Al Thani", "Hamad bin Khalifa Al Thani", ()),
        ("Juan Carlos I", "Juan Carlos I", ()),
        ("Ji Shumin", "Ji Shumin", ()),
        ("H.E. Saidzoda Zohir Ozod", "Saidzoda Zohir Ozod", ()),
        ("Prime Minister", None, ("Prime Minister",)),
    ],
)
def test_offices_split_from_names(written: str, name: str | None, offices: tuple[str, ...]) -> None:
    assert split_person(written) == Person(written, name, offices)


@pytest.mark.parametrize(
    "written",
    [
        "1,204,000",
        "the President of Tajikistan",
        "Minister of Trade and Industry Piyush Goyal",  # where "of" ends is not plain
        "a delegation",
        "",
    ],
)
def test_no_name_where_the_text_does_not_give_one_plainly(written: str) -> None:
    person = split_person(written)
    assert person.name is None and person.written == written


# Every visit place of the corpus, fixtures and seeds, and the country a reader
# knows it for (a capital, or a country's name); None where the text gives none.
PLACES = {
    "China": "CHN",
    "India": "IND",
    "Taiwan": "TWN",
    "Vietnam": "VNM",
    "Pakistan": "PAK",
    "Maldives": "MDV",  # Indira Gandhi's visit, the first of a series (India–Maldives)
    "Paris": "FRA",
    "Beijing": "CHN",
    "Dushanbe": "TJK",
    "Aachen": None,  # no capital: the text does not say its country
    "Xi'an, Beijing": None,  # two cities: the graph splits them, the fact keeps the text
}


def test_facts_carry_their_identities() -> None:
    corpus = sorted((ROOT / "tests" / "corpus").glob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures").glob("*.txt")
    )
    places: dict[str, str | None] = {}
    for path in [*corpus, *sorted((ROOT / "seeds").glob("*.txt"))]:
        relation = wikirel.extract_relation(wikirel.parse(path.read_text(encoding="utf-8")))
        if relation.parties and relation.countries:
            for party, country in zip(relation.parties, relation.countries, strict=True):
                assert (country.iso3 if country else None) == PARTIES.get(party), (path.name, party)
        for mission in relation.missions:
            found = (mission.country, mission.city_country)
            expected = MISSIONS[mission.name]
            if expected[0] is None:  # no sender named: the side's party is the sender
                expected = (PARTIES.get(mission.party or ""), expected[1])
            assert tuple(c.iso3 if c else None for c in found) == expected, mission.name
        for envoy in relation.envoys:
            assert envoy.person.name == envoy.name
        for visit in relation.visits:
            if visit.place:
                places[visit.place] = visit.place_country.iso3 if visit.place_country else None
            if visit.guest:
                assert visit.guest_person is not None and visit.guest_person.written == visit.guest
    assert places == PLACES


@pytest.mark.parametrize(("name", "iso3"), [("US", "USA"), ("the US", "USA"), ("U.S.", "USA"), ("UK", "GBR")])
def test_abbreviations_count_as_written(name: str, iso3: str) -> None:
    assert _iso(name) == iso3


@pytest.mark.parametrize("name", ["us", "Us", "uk", "prc", "drc"])
def test_an_abbreviation_in_lower_case_is_a_word(name: str) -> None:
    assert resolve_country(name) is None


@pytest.mark.parametrize("written", ["Mr", "H.E.", "Dr.", "His Excellency"])
def test_a_courtesy_title_alone_is_no_name(written: str) -> None:
    assert split_person(written) == Person(written)
