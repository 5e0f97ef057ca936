"""Relation extraction: golden JSON for the seeds and fixtures, checked by hand."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikirel
from conftest import ROOT, SEEDS
from wikirel import Dialect
from wikirel import strategies as ws
from wikirel.construct import Construct, NodeRole
from wikirel.nodes import CHILD_NODES
from wikirel.positions import starts

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
    jsonschema.validate(data, wikirel.facts.relation_schema(), format_checker=jsonschema.FormatChecker())


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(wikirel.facts.relation_schema())


def test_pakistan_seed_by_hand() -> None:
    rel = relation(ROOT / "seeds" / "pakistan-tajikistan-relations.txt")
    assert rel.parties == ("Pakistan", "Tajikistan")
    assert rel.envoys == (
        wikirel.facts.Envoy(1, "Pakistan", "Ambassador", "Tariq Iqbal Soomro"),
        wikirel.facts.Envoy(2, "Tajikistan", "Ambassador", "Sherali Jononov"),
    )
    assert rel.missions[0] == wikirel.facts.Mission(1, "Pakistan", "Pakistani Embassy, Dushanbe", "Dushanbe")
    assert rel.missions[1].city == "Islamabad"
    (visit,) = rel.visits  # told in running text, not a table
    assert (visit.guest, visit.host, visit.place) == ("President of Tajikistan", None, "Pakistan")
    assert visit.row == {}
    assert visit.date is not None and visit.date.text == "June 2021"
    assert visit.source is not None and (visit.source.kind, visit.source.line) == ("Paragraph", 26)
    (mou,) = rel.agreements  # "signed memorandums of understanding (MOU)": one, not two
    assert (mou.kind, mou.name, mou.count) == ("memorandum", None, None)
    assert rel.diplomatic == ()  # "were established when ... became independent": no date, no event
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
    table = [v for v in rel.visits if v.source is not None and v.source.kind == "Row"]
    assert [v.place for v in table] == ["Beijing", "Dushanbe", "Dushanbe", "Xi'an, Beijing"]
    (prose,) = rel.visits[len(table) :]
    assert (prose.guest, prose.place, prose.host) == ("President Emomali Rahmon", "Beijing", None)
    assert [(d.kind, d.date.text) for d in rel.diplomatic] == [("established", "January 4, 1992")]
    assert [(m.event, m.party, m.kind, m.city, m.date and m.date.text) for m in rel.mission_events] == [
        ("opened", "China", "embassy", "Dushanbe", "March 13, 1992"),
        ("opened", "Tajikistan", "embassy", "Beijing", "April 7, 1997"),
    ]
    (deals,) = rel.agreements  # "approximately 200 agreements": a count, never a year
    assert (deals.count, deals.date) == (200, None)
    third = rel.visits[2]
    assert third.date == wikirel.facts.DateSpan(
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
        ("the 1990s", ("1990-01-01", "1999-12-31", "decade")),
        ("February 2024", ("2024-02-01", "2024-02-29", "month")),
        ("Sept. 5, 2001", ("2001-09-05", "2001-09-05", "day")),
    ],
)
def test_date_forms(text: str, expected: tuple[str, str, str]) -> None:
    (span,) = wikirel.facts.find_dates(text)
    assert (span.start.isoformat(), span.end.isoformat(), span.precision) == expected


@pytest.mark.parametrize(
    "text",
    ["1,137 square km", "28,430", "17.5%", "US$2 billion", "50 countries", "10.977", "2000 troops",
     "February 30, 2020", "2010–2008", "1.2 million", "€1500"],
)  # fmt: skip
def test_numbers_that_are_not_dates(text: str) -> None:
    assert wikirel.facts.find_dates(text) == ()


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("since 2006", "since"), ("approximately 2016", "approximately"), ("until the 1960s", "until"),
     ("mid-2008", "mid"), ("in 2019", None)],
)  # fmt: skip
def test_qualifiers(text: str, qualifier: str | None) -> None:
    (span,) = wikirel.facts.find_dates(text)
    assert span.qualifier == qualifier


def test_sentences_do_not_break_on_abbreviations_initials_or_decimals() -> None:
    text = (
        "Gen. J. R. Smith met U.S. and U.N. envoys. "
        'Trade grew 17.5% to US$1.1 billion. Done? Yes! "Quoted." End'
    )
    assert wikirel.facts.split_sentences(text) == [
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
        "(span,) = wikirel.facts.find_dates('January 4, 1992');"
        "print(span.start, span.precision)"
    )
    result = subprocess.run([sys.executable, "-c", german], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["1992-01-04", "day"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 1274 and 1281", [("1274", 1274, 1274, "year", None), ("1281", 1281, 1281, "year", None)]),
        ("By 1259, Korea", [("1259", 1259, 1259, "year", "by")]),
        ("dated 987", [("987", 987, 987, "year", None)]),
        ("From the 1850s to the 1890s", [("1850s to the 1890s", 1850, 1899, "decade", "from")]),
        ("between 1992 and 1997", [("between 1992 and 1997", 1992, 1997, "year", None)]),
        ("August 31st of 1998", [("August 31st of 1998", 1998, 1998, "day", None)]),
        ("the 16th of September, 1975", [("16th of September, 1975", 1975, 1975, "day", None)]),
        ("early 2019", [("2019", 2019, 2019, "year", "early")]),
        ("the mid-2000s", [("2000s", 2000, 2009, "decade", "mid")]),
        ("late 1990s", [("1990s", 1990, 1999, "decade", "late")]),
        ("the 13th century", [("13th century", 1201, 1300, "century", None)]),
        ("the second century BCE", [("second century BCE", -200, -101, "century", None)]),
        ("the 1st centuryAD", [("1st centuryAD", 1, 100, "century", None)]),
        ("about 5000 BC", [("5000 BC", -5000, -5000, "year", "about")]),
        ("between 5000 and 2000 BCE", [("between 5000 and 2000 BCE", -5000, -2000, "year", None)]),
        ("(202BC to 220AD)", [("202BC to 220AD", -202, 220, "year", None)]),
        ("in 652 AD", [("652 AD", 652, 652, "year", None)]),
        ("c. 1250", [("1250", 1250, 1250, "year", "c.")]),
        ("circa 1250", [("1250", 1250, 1250, "year", "circa")]),
        ("around 1262", [("1262", 1262, 1262, "year", "around")]),
        ("As of 2024", [("2024", 2024, 2024, "year", "as of")]),
        (
            "27 January 2007 to 1 February 2007",
            [("27 January 2007 to 1 February 2007", 2007, 2007, "day", None)],
        ),
        ("June/July 1998", [("June/July 1998", 1998, 1998, "month", None)]),
    ],
)
def test_dates_as_a_reader_sees_them(text: str, expected: list[tuple[object, ...]]) -> None:
    found = [
        (d.text, d.start_year, d.end_year, d.precision, d.qualifier) for d in wikirel.facts.find_dates(text)
    ]
    assert found == expected


def test_a_date_before_1_ce_has_years_but_no_datetime() -> None:
    (span,) = wikirel.facts.find_dates("4000 B.C.")
    assert (span.start, span.end, span.start_year, span.end_year) == (None, None, -4000, -4000)
    assert span.to_dict()["start"] is None and span.to_dict()["start_year"] == -4000
    (later,) = wikirel.facts.find_dates("202BC to 220AD")
    assert later.start is None and later.end == datetime.date(220, 12, 31)


@pytest.mark.parametrize(
    "text",
    ["six years later", "31 August", "the 15th of August", "over 900 ships", "around 1 million people",
     "126 million dollars", "Resolution 1973", "Flight 1549", "3 percent", "Era 112",
     "at least 7,000 years ago", "the 500s"],
)  # fmt: skip
def test_what_a_reader_does_not_take_for_a_date(text: str) -> None:
    assert wikirel.facts.find_dates(text) == ()


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("H.E. Mr. Ji Shumin", "Ji Shumin"),
        ("H.E Ji Shumin", "Ji Shumin"),
        ("Mrs Ana Gómez", "Ana Gómez"),
        ("Dr. Sherali Jononov", "Sherali Jononov"),
        ("Ambassador Tariq Iqbal Soomro", "Tariq Iqbal Soomro"),
        ("His Excellency Mr Saidzoda Zohir Ozod", "Saidzoda Zohir Ozod"),
        ("Hon. Sir Vere Bird", "Sir Vere Bird"),
        ("Ambassador", "Ambassador"),  # nothing else: the value itself
        ("Mrsna Gómez", "Mrsna Gómez"),  # a prefix is a whole word
    ],
)
def test_envoy_names_drop_courtesy_prefixes_and_keep_what_was_written(written: str, name: str) -> None:
    rel = wikirel.extract_relation(wikirel.parse(f"= A–B relations =\n\nInfobox\n- Envoy1: {written}\n"))
    (envoy,) = rel.envoys
    assert (envoy.name, envoy.written) == (name, written)
    assert envoy.source is not None and (envoy.source.kind, envoy.source.line) == ("InfoboxItem", 4)


def test_dated_list_items_are_events_with_their_section_and_line() -> None:
    text = (
        "= A–B relations =\n\n== Timeline ==\n"
        "- 1992: relations established\n  - an embassy opened in March 1993\n- no date\n"
    )
    rel = wikirel.extract_relation(wikirel.parse(text))
    assert [(e.section, e.sentence, e.source and e.source.line) for e in rel.events] == [
        ("Timeline", "1992: relations established", 4),
        ("Timeline", "an embassy opened in March 1993", 5),
    ]
    assert [e.source.kind for e in rel.events if e.source] == ["ListItem", "ListItem"]


def test_a_table_is_of_visits_by_its_header_in_any_order_never_by_position() -> None:
    text = (
        "== Visits ==\n| City | Date | Hosted by | Visiting leader |\n"
        "| Paris | 2016 | Hollande | Merkel |\n\n"
        "== Trade ==\n| Year | Exports | Imports |\n| 2018 | 70.1 | 85.3 |\n\n"
        "== Leaders ==\n| Leader | Country | In office |\n| Kenyatta | Kenya | 1964–1978 |\n"
    )
    rel = wikirel.extract_relation(wikirel.parse(text))
    (visit,) = rel.visits
    assert (visit.guest, visit.host, visit.place) == ("Merkel", "Hollande", "Paris")
    assert visit.date is not None and visit.date.start_year == 2016
    assert rel.events == ()  # tables that are not visits give no dates either


def test_titles_in_adjective_form_name_their_countries() -> None:
    from wikirel.extraction import parties_from_title

    assert parties_from_title("Sino-Roman relations") == ("China", "Roman Empire")
    assert parties_from_title("Franco-German relations") == ("France", "Germany")
    assert parties_from_title("Sino-Atlantean relations") is None  # never a half-read pair


def test_facts_pickle_with_their_place_but_not_their_node() -> None:
    import pickle

    rel = relation(ROOT / "seeds" / "china-tajikistan-relations.txt")
    again = pickle.loads(pickle.dumps(rel))
    assert again == rel
    assert rel.events[0].source is not None and rel.events[0].source.node is not None
    source = again.events[0].source
    assert source is not None and (source.kind, source.line, source.column, source.node) == (
        "Paragraph",
        15,
        1,
        None,
    )


# -- list constructs learnt from the dialect; sources without a second serialization ------


@attrs.frozen(eq=False, repr=False)
class Step(wikirel.Node):
    """One ``+ text`` line of a user's own list construct."""

    text: str
    eol: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen(eq=False, repr=False)
class Steps(wikirel.Node):
    """A run of ``+ text`` lines."""

    items: tuple[Step, ...] = attrs.field(converter=tuple, metadata=CHILD_NODES)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True)


def _read_steps(ctx: Any, lines: Iterable[tuple[str, str]], blank_before: Any) -> Steps:
    return Steps([Step(content[2:], eol=ctx.eol(eol)) for content, eol in lines], blank_before=blank_before)


def _write_steps(out: Any, steps: Steps, depth: int) -> None:
    for step in steps.items:
        out.child(step)


STEPS = Construct(
    name="steps",
    terminal="STEPS",
    read=_read_steps,
    grammar="STEP_LINE: /\\+ / _REST _EOL\nSTEPS.2: _BLANK_RUN? STEP_LINE+",
    line_start=r"\+ ",
    nodes=(
        NodeRole(cls=Steps, write=_write_steps, summary=lambda s: f"Steps {len(s.items)}"),
        NodeRole(
            cls=Step, write=lambda out, s, _: out.line("+ " + s.text, s.eol), summary=repr, list_item=True
        ),
    ),
)


def test_a_users_list_construct_yields_events_and_prose_facts() -> None:
    dialect = Dialect([STEPS])
    text = (
        "= China–Tajikistan relations =\n\n== Timeline ==\n"
        "+ On January 4, 1992, the two countries established diplomatic relations.\n"
        "+ no date here\n"
        "+ In 2008, Prime Minister Akil Akilov visited Beijing.\n\n"
        "== See also ==\n+ Foreign relations of China\n"
    )
    doc = wikirel.parse(text, dialect=dialect)
    assert wikirel.serialize(doc) == text and isinstance(doc.sections[0].blocks[0], Steps)
    rel = wikirel.extract_relation(doc, dialect=dialect)
    assert [
        (e.sentence[:10], e.source and (e.source.kind, e.source.line, e.source.column)) for e in rel.events
    ] == [
        ("On January", ("Step", 4, 1)),
        ("In 2008, P", ("Step", 6, 1)),
    ]
    assert [(d.kind, d.date.text) for d in rel.diplomatic] == [("established", "January 4, 1992")]
    assert [(v.guest, v.place) for v in rel.visits] == [("Prime Minister Akil Akilov", "Beijing")]
    assert rel.see_also == ("Foreign relations of China",)
    jsonschema.validate(rel.to_dict(), wikirel.facts.relation_schema())
    # Without the dialect, extraction reads the lists wikirel ships (numbered ones too), not Steps.
    assert wikirel.extract_relation(doc).events == ()
    numbered = wikirel.parse("== History ==\n1. In 1992 it began.\n", dialect=Dialect(["numbered"]))
    assert [e.source and e.source.kind for e in wikirel.extract_relation(numbered).events] == ["NumberedItem"]


@attrs.frozen(eq=False, repr=False)
class Stage(wikirel.Node):
    """A list item of a careless construct: marked ``list_item`` but with no ``text``."""

    body: str
    eol: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen(eq=False, repr=False)
class Stages(wikirel.Node):
    items: tuple[Stage, ...] = attrs.field(converter=tuple, metadata=CHILD_NODES)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True)


STAGES = Construct(
    name="stages",
    terminal="STAGES",
    read=lambda ctx, lines, blank_before: Stages(
        [Stage(content[2:], eol=ctx.eol(eol)) for content, eol in lines], blank_before=blank_before
    ),
    grammar="STAGE_LINE: /\\+ / _REST _EOL\nSTAGES.2: _BLANK_RUN? STAGE_LINE+",
    line_start=r"\+ ",
    nodes=(
        NodeRole(cls=Stages, write=lambda out, s, _: [out.child(i) for i in s.items], summary=repr),
        NodeRole(
            cls=Stage, write=lambda out, s, _: out.line("+ " + s.body, s.eol), summary=repr, list_item=True
        ),
    ),
)


def test_a_list_item_class_without_text_yields_nothing_and_extraction_does_not_raise() -> None:
    dialect = Dialect([STAGES])
    text = "= A–B relations =\n\n== History ==\n+ In 1992 it began.\n\n== See also ==\n+ X\n"
    doc = wikirel.parse(text, dialect=dialect)
    assert wikirel.serialize(doc) == text and isinstance(doc.sections[0].blocks[0], Stages)
    rel = wikirel.extract_relation(doc, dialect=dialect)  # was AttributeError: no attribute 'text'
    assert (rel.events, rel.see_also) == ((), ())


@settings(max_examples=60)
@given(st.one_of(ws.articles(), ws.markup_soup(), ws.documents().map(wikirel.serialize)))
def test_fact_sources_start_where_positions_says(text: str) -> None:
    doc = wikirel.parse(text)
    spans = wikirel.positions(doc)
    found = starts(doc)
    assert len(found) == len(spans)
    for node in spans:
        start = spans[node].start
        assert found[id(node)] == (node, start.line, start.column)


def test_fact_sources_after_a_byte_order_mark_and_with_any_line_breaks() -> None:
    for text in ("\ufeff= T =\n- a\n", "\ufeffx\n", "\ufeff\n\nx\r\n- a\r  - b\r\n\r\n| a |\n"):
        doc = wikirel.parse(text)
        spans = wikirel.positions(doc)
        assert [found[1:] for found in starts(doc).values()] == [
            (spans[node].start.line, spans[node].start.column) for node in spans
        ]
