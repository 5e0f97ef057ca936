"""Relation extraction: golden JSON for the seeds and fixtures, checked by hand."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wikirel
from conftest import ROOT, SEEDS
from wikirel import strategies as ws

FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("WIKIREL_UPDATE_GOLDEN") == "1"
ARTICLES = SEEDS + FIXTURES


def relation(path: Path) -> wikirel.Relation:
    return wikirel.extract_relation(wikirel.parse(path.read_bytes().decode("utf-8")))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_relation_matches_golden_json_and_schema(path: Path) -> None:
    data = relation(path).to_dict()
    golden = GOLDEN / f"{path.stem}.relation.json"
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    jsonschema.validate(data, wikirel.relation_schema(), format_checker=jsonschema.FormatChecker())


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(wikirel.relation_schema())


def test_pakistan_seed_by_hand() -> None:
    rel = relation(ROOT / "seeds" / "pakistan-tajikistan-relations.txt")
    assert rel.parties == ("Pakistan", "Tajikistan")
    assert rel.envoys == (
        wikirel.Envoy(1, "Pakistan", "Ambassador", "Tariq Iqbal Soomro"),
        wikirel.Envoy(2, "Tajikistan", "Ambassador", "Sherali Jononov"),
    )
    assert rel.missions[0] == wikirel.Mission(1, "Pakistan", "Pakistani Embassy, Dushanbe", "Dushanbe")
    assert rel.missions[1].city == "Islamabad"
    assert rel.visits == ()
    assert rel.infobox["Filetype"] == "250px"
    assert rel.infobox["Map"] == "Pakistan_Tajikistan_Locator.svg"
    assert rel.see_also == ("Foreign relations of Pakistan", "Tajiks in Pakistan")
    assert [e.dates[0].text for e in rel.events] == [
        "March 2008", "2019", "1979", "November 2015", "June 2021", "September 17, 2021",
    ]  # fmt: skip
    assert rel.events[0].section == "History of relations"


def test_china_seed_by_hand() -> None:
    rel = relation(ROOT / "seeds" / "china-tajikistan-relations.txt")
    assert rel.parties == ("China", "Tajikistan")  # no Party1/2: from the title
    assert [v.place for v in rel.visits] == ["Beijing", "Dushanbe", "Dushanbe", "Xi'an, Beijing"]
    third = rel.visits[2]
    assert third.date == wikirel.DateSpan(
        datetime.date(2019, 6, 14), datetime.date(2019, 6, 16), "day", "June 14–16, 2019"
    )
    assert third.row["Date of visit"] == "June 14–16, 2019."
    embassy = next(e for e in rel.events if "functioning since" in e.sentence)
    assert [(d.text, d.qualifier) for d in embassy.dates] == [
        ("March 13, 1992", "since"),
        ("April 7, 1997", None),
    ]
    troops = next(e for e in rel.events if "alleged" in e.sentence)
    assert troops.dates[0].qualifier == "since approximately"
    # "U.S. $2 billion" neither splits the sentence nor is a date.
    trade = next(e for e in rel.events if "turnover" in e.sentence)
    assert trade.sentence.endswith("has reached U.S. $2 billion.")
    assert [d.text for d in trade.dates] == ["2012"]
    assert not any("28,430" in d.text or "1,137" in d.text for e in rel.events for d in e.dates)
    assert len(rel.events) == 16


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("January 4, 1992", ("1992-01-04", "1992-01-04", "day")),
        ("4 January 1992", ("1992-01-04", "1992-01-04", "day")),
        ("March 2008", ("2008-03-01", "2008-03-31", "month")),
        ("In 2019", ("2019-01-01", "2019-12-31", "year")),
        ("May 19–21, 2013", ("2013-05-19", "2013-05-21", "day")),
        ("June 14–16, 2019.", ("2019-06-14", "2019-06-16", "day")),
        ("12–14 October 2012", ("2012-10-12", "2012-10-14", "day")),
        ("2006–2008", ("2006-01-01", "2008-12-31", "year")),
        ("1992–93", ("1992-01-01", "1993-12-31", "year")),
        ("May 30 – June 2, 2013", ("2013-05-30", "2013-06-02", "day")),
        ("30 May – 2 June 2013", ("2013-05-30", "2013-06-02", "day")),
        ("March–April 2008", ("2008-03-01", "2008-04-30", "month")),
        ("the 1990s", ("1990-01-01", "1999-12-31", "year")),
        ("February 2024", ("2024-02-01", "2024-02-29", "month")),
        ("Sept. 5, 2001", ("2001-09-05", "2001-09-05", "day")),
    ],
)
def test_date_forms(text: str, expected: tuple[str, str, str]) -> None:
    (span,) = wikirel.find_dates(text)
    assert (span.start.isoformat(), span.end.isoformat(), span.precision) == expected


@pytest.mark.parametrize(
    "text",
    ["1,137 square km", "28,430", "17.5%", "US$2 billion", "50 countries", "10.977", "2000 troops",
     "February 30, 2020", "2010–2008", "1.2 million", "€1500"],
)  # fmt: skip
def test_numbers_that_are_not_dates(text: str) -> None:
    assert wikirel.find_dates(text) == ()


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("since 2006", "since"), ("approximately 2016", "approximately"), ("until the 1960s", "until"),
     ("mid-2008", "mid"), ("in 2019", None)],
)  # fmt: skip
def test_qualifiers(text: str, qualifier: str | None) -> None:
    (span,) = wikirel.find_dates(text)
    assert span.qualifier == qualifier


def test_sentences_do_not_break_on_abbreviations_initials_or_decimals() -> None:
    text = (
        "Gen. J. R. Smith met U.S. and U.N. envoys. "
        'Trade grew 17.5% to US$1.1 billion. Done? Yes! "Quoted." End'
    )
    assert wikirel.split_sentences(text) == [
        "Gen. J. R. Smith met U.S. and U.N. envoys.",
        "Trade grew 17.5% to US$1.1 billion.",
        "Done?",
        "Yes!",
        '"Quoted."',
        "End",
    ]


@pytest.mark.parametrize(
    ("title", "parties"),
    [("A–B relations", ("A", "B")), ("Guinea-Bissau–Portugal relations", ("Guinea-Bissau", "Portugal")),
     ("A-B relations", ("A", "B")), ("A and B relations", ("A", "B")),
     ("Relations between A and B", ("A", "B")), ("History of A", None), ("X-Y-Z relations", None),
     ("Bosnia and Herzegovina–Serbia relations", ("Bosnia and Herzegovina", "Serbia")),
     ("  A  —  B   RELATIONS ", ("A", "B")), ("relations  between  Chile and  Peru", ("Chile", "Peru")),
     ("A\u00a0and\u00a0B relations", ("A", "B")),
     ("–B relations", None), ("Arelations", None), ("A–Brelations", None), ("A and relations", None)],
)  # fmt: skip
def test_parties_from_title(title: str, parties: tuple[str, str] | None) -> None:
    doc = wikirel.parse(f"= {title} =\n")
    assert wikirel.extract_relation(doc).parties == parties


@pytest.mark.parametrize(
    ("mission", "city"),
    [("Embassy, Beijing", "Beijing"), ("Embassy in Dushanbe", "Dushanbe"), ("Embassy in   ", None),
     ("Consulate in Karachi ", "Karachi"), ("Embassy of Berlin", None), ("Embassy, ", None)],
)  # fmt: skip
def test_mission_city(mission: str, city: str | None) -> None:
    doc = wikirel.parse(f"Infobox\n- Mission1: {mission}\n")
    assert wikirel.extract_relation(doc).missions[0].city == city


def test_a_short_visit_row_keeps_only_its_own_cells() -> None:
    doc = wikirel.parse("| Guest | Host | Date |\n| A |\n| B | C | 2001 | note |\n")
    first, second = wikirel.extract_relation(doc).visits
    assert first.row == {"Guest": "A"} and first.host is None
    assert second.row == {"Guest": "B", "Host": "C", "Date": "2001", "column 4": "note"}


def test_record_keys_stay_unique_with_many_equal_cells() -> None:
    table = wikirel.parse("| a | a (2) | a | a | |\n").blocks[0]
    assert isinstance(table, wikirel.Table)
    assert table.keys == ("a", "a (2)", "a (3)", "a (4)", "column 5")


def test_tables_without_a_guest_column_are_not_visits() -> None:
    rel = relation(ROOT / "tests" / "fixtures" / "kenya-and-uganda-relations.txt")
    assert rel.visits == ()
    assert rel.envoys == () and rel.infobox == {}


@given(st.one_of(st.text(), ws.markup_soup(), ws.articles()))
def test_extraction_never_raises(text: str) -> None:
    data = wikirel.extract_relation(wikirel.parse(text)).to_dict()
    json.dumps(data)


def test_month_names_do_not_follow_the_process_locale() -> None:
    # What calendar gives under de_DE.UTF-8; the test machine has no such locale.
    german = (
        "import calendar;"
        "calendar.month_name = ['', 'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli',"
        " 'August', 'September', 'Oktober', 'November', 'Dezember'];"
        "calendar.month_abbr = ['', 'Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep',"
        " 'Okt', 'Nov', 'Dez'];"
        "import wikirel;"
        "(span,) = wikirel.find_dates('January 4, 1992');"
        "print(span.start, span.precision)"
    )
    result = subprocess.run([sys.executable, "-c", german], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["1992-01-04", "day"]
