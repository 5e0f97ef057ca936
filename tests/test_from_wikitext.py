"""MediaWiki wikitext and dumps into the format (issue 23): ``wikirel.from_wikitext``,
``wikirel convert --from wikitext|dump`` and ``wikirel extract --from wikitext|dump``."""

from __future__ import annotations

import bz2
import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikirel
from conftest import ROOT
from wikirel.cli import main
from wikirel.wikitext import WikitextError, _convert, convert
from wikirel.wikitext.dump import DumpError, iter_pages, safe_file_name

FIXTURES = ROOT / "tests" / "fixtures" / "wikitext"
PAGES = sorted(FIXTURES.glob("*.wiki"))
GOLD: dict[str, Any] = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
DUMP = FIXTURES / "dump.xml"


def blocks(text: str, **options: Any) -> list[Any]:
    """The lead's blocks and each section's heading and blocks, in order."""
    doc = wikirel.from_wikitext(text, **options)
    found: list[Any] = list(doc.blocks)
    for section in doc.iter_sections():
        found.append(("heading", section.level, section.title))
        found.extend(section.blocks)
    return found


def round_trips(text: str, **options: Any) -> str:
    result = convert(text, **options)
    dialect = wikirel.Dialect(["numbered"]) if options.get("numbered") else None
    again = wikirel.parse(result.text, dialect=dialect) if dialect else wikirel.parse(result.text)
    assert wikirel.serialize(again) == result.text
    assert again == result.document
    return result.text


# -- real pages: round trip and facts against gold ---------------------------------------


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_a_page_converts_to_an_article_that_round_trips_without_diagnostics(path: Path) -> None:
    title = path.stem.replace("_", " ")
    result = convert(path.read_text(encoding="utf-8"), title=title)
    assert wikirel.serialize(wikirel.parse(result.text)) == result.text
    assert result.document.title == title
    assert result.document.diagnostics == ()
    assert result.report.unknown == {}  # every construct of these pages has a rendering
    assert result.report.dropped.get("section:References") == 1


def _facts(relation: wikirel.Relation) -> dict[str, set[Any]]:
    return {
        "parties": {tuple(relation.parties)} if relation.parties else set(),
        "envoys": {(e.side, e.title, e.name) for e in relation.envoys},
        "missions": {(m.side, m.name, m.city) for m in relation.missions},
        "visits": {
            (
                v.place,
                v.date.start.isoformat() if v.date and v.date.start else None,
                v.date.end.isoformat() if v.date and v.date.end else None,
            )
            for v in relation.visits
        },
        "events": {(e.section, d.text) for e in relation.events for d in e.dates},
        "see_also": set(relation.see_also),
    }


def _gold(name: str) -> dict[str, set[Any]]:
    page = GOLD[name]
    return {
        "parties": {tuple(page["parties"])},
        "envoys": {tuple(e) for e in page["envoys"]},
        "missions": {tuple(m) for m in page["missions"]},
        "visits": {tuple(v) for v in page["visits"]},
        "events": {tuple(e) for e in page["events"]},
        "see_also": set(page["see_also"]),
    }


def test_extracted_facts_of_the_converted_pages_match_the_gold_read_from_them() -> None:
    found_total = gold_total = correct = 0
    lines = []
    for path in PAGES:
        doc = wikirel.from_wikitext(path.read_text(encoding="utf-8"), title=path.stem.replace("_", " "))
        found, gold = _facts(wikirel.extract_relation(doc)), _gold(path.name)
        for kind in gold:
            hits = found[kind] & gold[kind]
            correct += len(hits)
            found_total += len(found[kind])
            gold_total += len(gold[kind])
            lines.append(f"{path.name} {kind}: missing {gold[kind] - hits}, wrong {found[kind] - hits}")
    precision, recall = correct / found_total, correct / gold_total
    print(
        f"wikitext gold: P={precision:.3f} R={recall:.3f} ({correct}/{found_total} found, {gold_total} gold)"
    )
    assert gold_total > 30  # the gold is not empty
    assert precision == 1.0, "\n".join(lines)  # a wrong fact is worse than a missing one
    assert recall >= 0.95, "\n".join(lines)


# -- the mapping, construct by construct -------------------------------------------------

INFOBOX = """\
{{Infobox bilateral relations
| party1 = [[Kenya]]
| party2 = Uganda
| envoytitle1 = [[High Commissioner]]
| envoy1 = '''Jane Doe'''<ref>x</ref>
| envoy2 =
| mission1 = [[Kenyan High Commission, Kampala]]<br />Consulate, [[Jinja]]
}}
Text.
"""


def test_the_infobox_keeps_the_parameter_order_with_keys_as_the_seeds_write_them() -> None:
    doc = wikirel.from_wikitext(INFOBOX)
    assert doc.infobox is not None
    assert [(i.key, i.value) for i in doc.infobox.items] == [
        ("Party1", "Kenya"),
        ("Party2", "Uganda"),
        ("Envoytitle1", "High Commissioner"),
        ("Envoy1", "Jane Doe"),  # the empty envoy2 is left out
        ("Mission1", "Kenyan High Commission, Kampala; Consulate, Jinja"),  # a <br> splits missions
    ]
    missions = wikirel.extract_relation(doc).missions
    assert [(m.name, m.city) for m in missions] == [
        ("Kenyan High Commission, Kampala", "Kampala"),
        ("Consulate, Jinja", "Jinja"),
    ]


@pytest.mark.parametrize(
    "name", ["Infobox bilateral relations", "infobox Bilateral relations", "Infobox_bilateral_relations"]
)
def test_the_infobox_is_found_by_any_spelling_of_its_name(name: str) -> None:
    doc = wikirel.from_wikitext(f"{{{{{name}|A–B|Chile|Peru}}}}\n")
    assert doc.infobox is not None
    assert doc.infobox.get("party1") == "Chile" and doc.infobox.get("party2") == "Peru"
    assert doc.infobox.get("name") == "A–B"


def test_headings_paragraphs_links_and_emphasis() -> None:
    text = (
        "Lead '''bold''' and ''italic'' [[Target|label]] and [[Plain]]\nsame paragraph.\n\n"
        "Next.\n== H2 ==\n=== H3 ===\nx\n"
    )
    assert round_trips(text) == (
        "Lead bold and italic label and Plain same paragraph.\n\nNext.\n\n== H2 ==\n\n=== H3 ===\n\nx\n"
    )


def test_bullets_nest_by_depth_and_numbered_items_are_bullets_unless_asked() -> None:
    text = "* a\n** b\n**** jump\n* c\n\n# one\n## one.one\n# two\n"
    assert round_trips(text) == "- a\n  - b\n    - jump\n- c\n\n- one\n  - one.one\n- two\n"
    numbered = round_trips(text, numbered=True)
    assert numbered.endswith("1. one\n   1. one.one\n2. two\n")
    doc = wikirel.parse(numbered, dialect=wikirel.Dialect(["numbered"]))
    assert [type(b).__name__ for b in doc.blocks] == ["BulletList", "NumberedList"]


def test_a_wikitable_becomes_a_pipe_table_with_spans_expanded_and_attributes_dropped() -> None:
    text = (
        '{| class="wikitable" style="width:100%"\n|+ Caption\n! Guest !! Host !! Place\n|-\n'
        '| rowspan="2" | A || style="color:red" | B || C\n|-\n| colspan=2 | D\n'
        "|-\n| E\n| F {{!}} G\n| H\n|}\n"
    )
    assert round_trips(text) == (
        "| Guest | Host | Place |\n| A | B | C |\n| A | D | D |\n| E | F ¦ G | H |\n"
    )
    report = convert(text).report
    assert report.dropped["table caption"] == 1 and report.replaced == 1
    table = wikirel.from_wikitext(text).blocks[0]
    assert isinstance(table, wikirel.Table)
    assert table.records()[1] == {"Guest": "A", "Host": "D", "Place": "D"}


def test_a_table_without_a_header_row_keeps_its_first_row_as_the_header_and_says_so() -> None:
    text = "{|\n| a || b\n|-\n| c || d\n|}\n"
    assert round_trips(text) == "| a | b |\n| c | d |\n"
    assert convert(text).report.dropped["table without header row (its first row is the header)"] == 1


@pytest.mark.parametrize(
    "text",
    [
        # 12 KB of wikitext was a 3 GB article (17 GB of memory): one long cell spanned 1000 × 300.
        "{|\n! a\n|-\n| rowspan=1000 colspan=1000 | " + "w" * 10_000 + "\n" + "|-\n| y\n" * 300 + "|}",
        # 44 KB never ended: 500,000 columns wide, and every short row padded to that width.
        "{|\n! a\n|-\n" + "| colspan=1000 | w\n" * 500 + "|-\n| y\n" * 5000 + "|}",
    ],
)
def test_a_table_that_would_expand_beyond_the_limits_is_left_out_and_counted(text: str) -> None:
    result = convert(text)
    assert result.text == ""
    assert list(result.report.unknown) == [
        f"a table of more than {_convert.MAX_TABLE_CELLS} cells or {_convert.MAX_TABLE_TEXT} characters"
    ]
    with pytest.raises(WikitextError, match="cannot render a table of more than"):
        convert(text, strict=True)


@pytest.mark.parametrize(
    ("wikitext", "shown"),
    [
        ("{{start date|1992|1|4}}", "January 4, 1992"),
        ("{{Start date|1992|1|4|df=y}}", "4 January 1992"),
        ("{{start date and age|2001|7}}", "July 2001"),
        ("{{dts|2021|9|17}}", "September 17, 2021"),
        ("{{dts|1998}}", "1998"),
        ("{{dts|4 January 1992}}", "4 January 1992"),
        ("{{flag|Pakistan}}", "Pakistan"),
        ("{{flagcountry|Tajikistan}}", "Tajikistan"),
        ("{{flagicon|Peru}}Peru", "Peru"),
        ("{{lang|fa|Tojikiston}}", "Tojikiston"),
        ("{{convert|10|mi|km}}", "10 mi"),
        ("{{nowrap|[[Dushanbe]] city}}", "Dushanbe city"),
        ("[[File:Map.svg|thumb|A map]]Text", "Text"),
        ("Text<!-- hidden -->", "Text"),
        ("Text<ref name=a>{{cite web|title=T}}</ref><ref name=a/>", "Text"),
        ("Text{{efn|a note}}{{citation needed|date=May 2020}}", "Text"),
        ("[https://example.org Site] and https://example.org", "Site and https://example.org"),
        ("A&nbsp;B &amp; C", "A\xa0B & C"),
    ],
)
def test_templates_and_inline_markup_render_as_a_reader_sees_them(wikitext: str, shown: str) -> None:
    [paragraph] = blocks(f"Before {wikitext} after.\n")
    assert isinstance(paragraph, wikirel.Paragraph)
    assert paragraph.text == f"Before {shown} after."


def test_what_is_dropped_is_counted_by_name() -> None:
    text = (
        "A.<ref>{{cite news|t=x}}</ref> B.<ref>y</ref>{{efn|n}}\n\n== See also ==\n* [[X]]\n\n"
        "== References ==\n{{Reflist}}\n\n== External links ==\n* [https://x.org X]\n"
        "{{Foreign relations of Chile}}\n[[Category:Chile]]\n[[File:F.png]]\n"
    )
    result = convert(text)
    assert result.text == "A. B.\n\n== See also ==\n\n- X\n"
    assert result.report.dropped == {
        "category": 1,
        "ref": 2,
        "section:External links": 1,
        "section:References": 1,
        "template:efn": 1,
        "template:foreign relations of chile": 1,
        "template:reflist": 1,
    }
    assert wikirel.extract_relation(result.document).see_also == ("X",)


def test_an_unknown_template_is_reported_and_strict_raises_with_line_and_column() -> None:
    text = "Line one.\n\nSecond {{mystery box|x}} line.\n"
    result = convert(text)
    assert result.text == "Line one.\n\nSecond line.\n"
    assert result.report.unknown == {"template:mystery box": 1}
    assert "unknown 1 (template:mystery box ×1)" in result.report.summary()
    with pytest.raises(WikitextError) as caught:
        wikirel.from_wikitext(text, strict=True)
    assert (caught.value.line, caught.value.column) == (3, 8)
    assert "mystery box" in str(caught.value)
    assert isinstance(caught.value, wikirel.WikirelError)
    assert wikirel.from_wikitext("Known {{start date|1992}}.", strict=True).blocks[0].text == "Known 1992."


def test_a_parser_function_is_unknown_by_its_function_name() -> None:
    assert convert("{{#if: x | a | b }} y\n").report.unknown == {"template:#if": 1}


# -- text cannot forge wikirel structure -------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["- not a bullet", "-", "| not a row |", "= not a title =", "Infobox", "Infobox  ", "3. not numbered"],
)
def test_a_paragraph_that_reads_as_another_construct_stays_a_paragraph(line: str) -> None:
    text = f"<nowiki>{line}</nowiki>\n"
    for numbered in (False, True):
        converted = round_trips(text, numbered=numbered)
        found = blocks(text, numbered=numbered)
        assert [type(b) for b in found] == [wikirel.Paragraph], converted
        assert found[0].text == "\u2060" + line.strip()
    assert convert(text).report.escaped == 1


def test_a_title_or_heading_cannot_make_another_heading_level() -> None:
    doc = wikirel.from_wikitext("== = Odd = ==\nx\n", title="= Sneaky\nTitle =")
    assert doc.title == "= Sneaky Title ="
    assert [(s.level, s.title) for s in doc.iter_sections()] == [(2, "Odd")]


@given(st.text(alphabet="= \t\nx|-", max_size=12))
def test_a_title_is_kept_as_given_with_its_white_space_made_single_spaces(title: str) -> None:
    doc = wikirel.from_wikitext("x\n", title=title)
    kept = " ".join(title.split())
    assert doc.title == (kept or None)  # an "=" is a title's text: a page may be called "="


RISKY = st.text(alphabet="-|=*#:;{}[]<>'!\n \tInfobox1.aZ–&", max_size=80)


@settings(max_examples=150)
@given(RISKY)
def test_any_wikitext_converts_to_text_that_round_trips_and_forges_nothing(text: str) -> None:
    result = convert(text)
    assert wikirel.serialize(wikirel.parse(result.text)) == result.text
    kinds = {type(b).__name__ for b in blocks(text)}
    if "{{" not in text:
        assert wikirel.from_wikitext(text).infobox is None
    if "{|" not in text:
        assert "Table" not in kinds
    if not any(line.startswith("=") for line in text.split("\n")):
        assert not any(isinstance(b, tuple) for b in blocks(text))  # no heading


@settings(max_examples=150)
@given(st.text(alphabet="-|=Infobox 1.)\t:", min_size=1, max_size=30))
def test_a_plain_line_of_risky_text_is_one_paragraph_or_nothing(line: str) -> None:
    text = f"<nowiki>{line}</nowiki>\n"
    for numbered in (False, True):
        round_trips(text, numbered=numbered)
        found = blocks(text, numbered=numbered)
        assert all(isinstance(b, wikirel.Paragraph) for b in found) and len(found) <= 1


# -- dumps --------------------------------------------------------------------------------


def test_the_bz2_dump_fixture_is_the_xml_one_compressed() -> None:
    assert bz2.decompress((FIXTURES / "dump.xml.bz2").read_bytes()) == DUMP.read_bytes()


@pytest.mark.parametrize("name", ["dump.xml", "dump.xml.bz2"])
def test_a_dump_gives_the_matching_pages_last_revisions_no_redirects(name: str) -> None:
    pages = list(iter_pages(str(FIXTURES / name)))
    assert [p.title for p in pages] == ["Chile–Peru relations", "Kenya–Uganda relations"]
    assert pages[1].text.startswith("{{Infobox bilateral relations")  # the last revision
    assert "<ref>" in pages[0].text  # entities decoded
    assert [p.title for p in iter_pages(str(DUMP), "^Lima$")] == ["Lima"]
    assert [p.title for p in iter_pages(str(DUMP), "relations")] == [
        "Chile–Peru relations",
        "Kenya–Uganda relations",
        "Talk:France–Germany relations",
    ]


def test_a_page_larger_than_the_limit_is_skipped_and_named() -> None:
    skipped: list[str] = []
    pages = list(iter_pages(str(DUMP), max_bytes=200, skipped=skipped))
    assert [p.title for p in pages] == ["Kenya–Uganda relations"]
    assert skipped == ["Chile–Peru relations"]


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<mediawiki><page><title>A\xe2\x80\x93B relations</title>
<revision><text>&lol2;</text></revision></page></mediawiki>
"""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BOMB, "DOCTYPE"),
        (b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><mediawiki/>', "DOCTYPE"),
        (b"<mediawiki><page><title>x</page></mediawiki>", "not well-formed"),
    ],
)
def test_a_dump_with_a_doctype_or_broken_xml_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(DumpError, match=message):
        list(iter_pages(io.BytesIO(data)))


def test_page_titles_make_safe_unique_file_names() -> None:
    taken: set[str] = set()
    names = [
        safe_file_name(title, taken)
        for title in ["../../etc/passwd", "A/B relations", ".hidden", "A/B relations", "x" * 400, "\x00"]
    ]
    assert names[:4] == ["_.._etc_passwd.txt", "A_B relations.txt", "hidden.txt", "A_B relations (2).txt"]
    assert all("/" not in n and not n.startswith(".") for n in names)
    assert len(names[4].encode()) <= 210 and names[5] == "_.txt"


def test_a_huge_page_title_makes_its_file_name_in_linear_time() -> None:
    # A title is as long as the dump says: 200,000 characters were cut one at a time (15 s).
    name = safe_file_name("é" * 300_000, set())
    assert name == "é" * 100 + ".txt"
    assert safe_file_name("a" * 199 + "é" * 5, set()) == "a" * 199 + ".txt"  # never half a character


@pytest.mark.parametrize(
    ("title", "name"),
    [("CON", "_CON.txt"), ("nul.tar", "_nul.tar.txt"), ("Com1 ", "_Com1.txt"), ("x. . ", "x.txt"),
     ("...", "page.txt"), ("CON–NUL relations", "CON–NUL relations.txt"), ("Console", "Console.txt")],
)  # fmt: skip
def test_a_page_title_makes_no_windows_device_name_nor_a_trailing_dot(title: str, name: str) -> None:
    assert safe_file_name(title, set()) == name


# -- the command line ---------------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_convert_writes_one_page_to_stdout_and_the_report_to_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = FIXTURES / "Pakistan–Tajikistan_relations.wiki"
    status, out, err = cli(capsys, "convert", "--from", "wikitext", str(page))
    assert status == 0
    assert out == convert(page.read_text(encoding="utf-8"), title="Pakistan–Tajikistan relations").text
    assert "dropped 8 (" in err and "section:References ×1" in err


@pytest.mark.skipif(not hasattr(__import__("os"), "O_NOFOLLOW"), reason="no O_NOFOLLOW")
def test_convert_does_not_write_through_a_symlink_in_the_output_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir, victim = tmp_path / "out", tmp_path / "victim.txt"
    out_dir.mkdir()
    victim.write_text("kept\n", encoding="utf-8")
    (out_dir / "Chile–Peru relations.txt").symlink_to(victim)
    dump = str(FIXTURES / "dump.xml.bz2")
    status, _, err = cli(capsys, "convert", "--from", "dump", dump, "--output-dir", str(out_dir))
    assert victim.read_text(encoding="utf-8") == "kept\n"
    assert status == 2 and "Chile–Peru relations: error: cannot write" in err
    assert (out_dir / "Kenya–Uganda relations.txt").is_file()  # the batch goes on


def test_convert_several_inputs_needs_an_output_dir(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["convert", "--from", "wikitext", *map(str, PAGES)])
    assert exited.value.code == 2
    assert "--output-dir" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_convert_a_dump_writes_one_article_per_matching_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    dump = str(FIXTURES / "dump.xml.bz2")
    status, out, _ = cli(
        capsys, "convert", "--from", "dump", dump, "--output-dir", str(tmp_path), "--jobs", jobs,
        "--output-format", "jsonl",
    )  # fmt: skip
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["title"] for r in records] == ["Chile–Peru relations", "Kenya–Uganda relations"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "Chile–Peru relations.txt",
        "Kenya–Uganda relations.txt",
    ]
    written = (tmp_path / "Kenya–Uganda relations.txt").read_text(encoding="utf-8")
    assert written.startswith("= Kenya–Uganda relations =\n\nInfobox\n- Party1: Kenya\n")
    assert "March 2, 2004" in written
    assert records[0]["dropped"] == {"ref": 1}


def test_extract_from_a_dump_gives_fact_records_in_every_output_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = cli(capsys, "extract", "-q", "--from", "dump", str(DUMP), "--jobs", "2")
    assert status == 0
    records = json.loads(out)
    assert [r["parties"] for r in records] == [["Chile", "Peru"], ["Kenya", "Uganda"]]
    assert records[0]["path"].endswith("dump.xml#Chile–Peru relations")
    status, out, _ = cli(capsys, "extract", "-q", "--from", "dump", str(DUMP), "--table", "missions")
    assert status == 0
    assert out.splitlines()[1:] == [
        f'{DUMP}#Chile–Peru relations,Chile–Peru relations,1,Chile,"Chilean Embassy, Lima",Lima,7,1,',
        f'{DUMP}#Chile–Peru relations,Chile–Peru relations,2,Peru,"Peruvian Embassy, Santiago",Santiago,8,1,',
    ]


def test_a_refused_dump_is_an_error_record_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_bytes(BOMB)
    status, out, err = cli(capsys, "extract", "--from", "dump", str(bomb), "--output-format", "jsonl")
    assert status == 2
    assert "DOCTYPE" in json.loads(out)["error"] and "DOCTYPE" in err


def test_extract_from_wikitext_files(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "extract", "-q", "--from", "wikitext", *map(str, PAGES))
    assert status == 0
    assert [r["title"] for r in json.loads(out)] == [p.stem.replace("_", " ") for p in PAGES]


def test_a_folder_of_wikitext_gives_its_wiki_files_not_the_articles_beside_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for page in PAGES:  # a folder named: was "0 files converted, 0 errors", exit 0
        (tmp_path / page.name).write_bytes(page.read_bytes())
    (tmp_path / "Old–Converted relations.txt").write_text("= Old–Converted relations =\n", encoding="utf-8")
    status, out, _ = cli(capsys, "extract", "-q", "--from", "wikitext", str(tmp_path))
    assert status == 0
    assert [r["title"] for r in json.loads(out)] == [p.stem.replace("_", " ") for p in PAGES]


def test_without_the_extra_the_commands_say_what_to_install_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "mwparserfromhell" else find_spec(name, *a),
    )
    for args in (["convert", "--from", "wikitext", str(PAGES[0])], ["extract", "--from", "dump", str(DUMP)]):
        status, out, err = cli(capsys, *args)
        assert (status, out) == (2, "")
        assert err.splitlines() == [
            "wikirel: error: converting wikitext needs mwparserfromhell: pip install 'wikirel[wikitext]'"
        ]


def test_import_wikirel_does_not_import_mwparserfromhell() -> None:
    code = (
        "import sys, wikirel, wikirel.cli; wikirel.cli.build_parser(); "
        "print('mwparserfromhell' in sys.modules)"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert found.stdout.strip() == "False"


def test_convert_without_an_output_dir_gives_records_holding_the_articles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = cli(capsys, "convert", "-q", "--from", "dump", str(DUMP), "--output-format", "jsonl")
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["title"] for r in records] == ["Chile–Peru relations", "Kenya–Uganda relations"]
    assert all(wikirel.serialize(wikirel.parse(r["text"])) == r["text"] for r in records)
    assert records[0]["text"].startswith("= Chile–Peru relations =\n")


def test_convert_writes_a_json_array_of_a_dump_record_by_record(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from wikirel.cli import convert as convert_command

    real = convert_command.converted_results
    seen: list[str] = []

    def watched(command: str, args: Any) -> Any:
        for result in real(command, args):
            yield result
            seen.append(capsys.readouterr().out)  # what stdout holds once the record is written

    monkeypatch.setattr(convert_command, "converted_results", watched)
    status = main(["convert", "-q", "--from", "dump", str(DUMP), "--output-format", "json"])
    seen.append(capsys.readouterr().out)
    assert status == 0
    assert [json.loads(part.lstrip("[,\n"))["title"] for part in seen[:2]] == [
        "Chile–Peru relations",
        "Kenya–Uganda relations",
    ]  # each record out before the next page is read (was: every article held to the end)
    titles = [r["title"] for r in json.loads("".join(seen))]
    assert titles == ["Chile–Peru relations", "Kenya–Uganda relations"]


def test_the_dask_recipe_gives_what_extract_from_dump_gives(capsys: pytest.CaptureFixture[str]) -> None:
    db = pytest.importorskip("dask.bag")  # in the test extra; skipped only where dask is not installed

    def facts(page: Any) -> dict[str, Any]:
        doc = wikirel.from_wikitext(page.text, title=page.title)
        return wikirel.extract_relation(doc).to_dict()

    pages = list(iter_pages(str(DUMP)))
    found = db.from_sequence(pages, partition_size=1).map(facts).compute(scheduler="sync")
    status, out, _ = cli(capsys, "extract", "-q", "--from", "dump", str(DUMP))
    assert status == 0
    assert found == [{k: v for k, v in r.items() if k != "path"} for r in json.loads(out)]


def test_indented_lines_magic_words_and_transliterations() -> None:
    text = (
        "Intro\n:(a) first;\n:(b) second.\nAfter.\n{{DEFAULTSORT:Senate Of Pakistan}}\n"
        "\n{{transl|ur|ALA-LC|''Aiwan''}} here.\n"
    )
    result = convert(text)
    assert result.text == "Intro\n\n(a) first;\n\n(b) second.\n\nAfter.\n\nAiwan here.\n"
    assert result.report.dropped == {"template:defaultsort": 1}


def test_convert_reads_stdin_titled_by_its_stdin_filename(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = "{{Infobox bilateral relations|A–B|Chile|Peru}}\nText.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page.encode())))
    status, out, _ = cli(
        capsys, "convert", "--from", "wikitext", "-", "--stdin-filename", "Chile–Peru_relations.wiki"
    )
    assert status == 0
    assert out.startswith("= Chile–Peru relations =\n\nInfobox\n- Name: A–B\n- Party1: Chile\n")


def _dies_on_bad(job: tuple[str, ...]) -> tuple[str, object, None, None]:
    if job[1] == "bad":
        os._exit(3)  # as a segfault in a C tokenizer would end the worker
    return job[1], job[1].upper(), None, None


def test_a_page_that_kills_its_worker_costs_no_other_page() -> None:
    from wikirel.cli.convert import _pool_map

    names = [f"p{i}" for i in range(40)]
    names[13] = "bad"
    jobs = [("wikitext", name, None, None, {}) for name in names]
    results = list(_pool_map(_dies_on_bad, jobs, processes=2))  # type: ignore[arg-type]
    assert [r[0] for r in results] == names  # every page, in order
    assert [r[3] for r in results if r[3]] == ["the worker process died on this input"]
    assert results[13][3] is not None and all(r[1] == r[0].upper() for r in results if r[0] != "bad")


def test_a_title_past_the_limit_is_not_held_and_its_page_not_read() -> None:
    import io

    from wikirel.wikitext.dump import TITLE_LIMIT

    long = "A" * (TITLE_LIMIT * 50) + "–B relations"
    xml = (
        "<mediawiki><page><title>" + long + "</title><revision><text>x</text></revision></page>"
        "<page><title>C–D relations</title><revision><text>y</text></revision></page></mediawiki>"
    ).encode()
    assert [page.title for page in iter_pages(io.BytesIO(xml))] == ["C–D relations"]


@pytest.mark.parametrize("name", ["dump.xml", "dump.xml.bz2"])
def test_extract_reads_a_dump_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    # A pipe (zcat, 7z x -so) into `--from dump -`: was "cannot read: No such file or directory".
    data = (FIXTURES / name).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    status, out, _ = cli(capsys, "extract", "-q", "--from", "dump", "-", "--output-format", "jsonl")
    assert status == 0
    assert [json.loads(line)["path"] for line in out.splitlines()] == [
        "-#Chile–Peru relations",
        "-#Kenya–Uganda relations",
    ]


def test_without_the_extra_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "mwparserfromhell", None)  # as if not installed
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'wikirel\[wikitext\]'"):
        wikirel.from_wikitext("x")
