"""One test per construct of the format, and per malformed case.

Each test reads as an example: the text, then what it means.
"""

from __future__ import annotations

import attrs
import pytest

import wikirel
from wikirel import BulletList, Infobox, Paragraph, Table


def parse(text: str) -> wikirel.Document:
    doc = wikirel.parse(text)
    assert wikirel.serialize(doc) == text
    return doc


def codes(text: str) -> list[str]:
    return [d.code for d in parse(text).diagnostics]


# -- title and headings --------------------------------------------------------


def test_title_is_a_level_one_heading_on_the_first_line() -> None:
    doc = parse("= A–B relations =\n")
    assert doc.title == "A–B relations"
    assert doc.sections == ()


def test_no_title_when_the_first_line_is_something_else() -> None:
    doc = parse("\n= A =\n")
    assert doc.title is None
    assert [d.code for d in doc.diagnostics] == ["heading-level-1"]
    assert parse("== A ==\n").title is None


@pytest.mark.parametrize("line", ["==History==", "== History ==", "==  History\t==", "== History ==  "])
def test_heading_spacing_is_layout(line: str) -> None:
    (section,) = parse(line + "\n").sections
    assert (section.level, section.title) == (2, "History")


def test_deeper_headings_nest_by_level() -> None:
    doc = parse("== A ==\n=== A1 ===\n==== A1a ====\n=== A2 ===\n== B ==\n")
    a, b = doc.sections
    assert [s.title for s in a.subsections] == ["A1", "A2"]
    assert a.subsections[0].subsections[0].title == "A1a"
    assert b.subsections == ()
    assert doc.find_section("a1A") is a.subsections[0].subsections[0]
    assert [s.title for s in doc.iter_sections()] == ["A", "A1", "A1a", "A2", "B"]


def test_a_shallower_first_heading_after_a_deeper_one_is_a_sibling() -> None:
    doc = parse("=== Deep ===\n== Shallow ==\n")
    assert [s.title for s in doc.sections] == ["Deep", "Shallow"]


def test_unbalanced_heading_keeps_its_opening_level() -> None:
    doc = parse("== History =\n")
    (section,) = doc.sections
    assert (section.level, section.title, section.heading.close) == (2, "History", 1)
    (diagnostic,) = doc.diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("heading-unbalanced", 1, 12)


def test_heading_without_closing_marks() -> None:
    (section,) = parse("== History\n").sections
    assert (section.title, section.heading.close) == ("History", 0)
    assert codes("== History\n") == ["heading-unbalanced"]


def test_heading_text_keeps_inner_equals_signs() -> None:
    (section,) = parse("== a = b ==\n").sections
    assert section.title == "a = b"


def test_empty_heading() -> None:
    assert codes("====\n") == ["heading-empty", "heading-unbalanced"]
    assert codes("== ==\n") == ["heading-empty"]


def test_level_one_heading_after_the_title() -> None:
    assert codes("= T =\n\n= Again =\n") == ["heading-level-1"]


# -- infobox -------------------------------------------------------------------


def test_infobox_items_are_key_value_pairs_in_order() -> None:
    doc = parse("Infobox\n- Party1: Pakistan\n- Map: a.svg\n- Time: 10:30:00\n- Empty:\n")
    assert doc.infobox is not None
    assert doc.infobox.to_dict() == {"Party1": "Pakistan", "Map": "a.svg", "Time": "10:30:00", "Empty": ""}
    assert doc.diagnostics == ()


def test_infobox_keys_and_values_are_stripped_but_spacing_is_kept() -> None:
    doc = parse("Infobox\n  -   Key  :   spaced value  \n")
    (item,) = doc.infobox.items  # type: ignore[union-attr]
    assert (item.key, item.value) == ("Key", "spaced value")
    assert (item.indent, item.gap, item.key_space, item.value_space, item.trailing) == (
        "  ",
        "   ",
        "  ",
        "   ",
        "  ",
    )


def test_duplicate_infobox_keys_are_all_kept_and_the_last_wins() -> None:
    doc = parse("Infobox\n- Envoy1: A\n- envoy_1: B\n- Envoy1: C\n")
    box = doc.infobox
    assert box is not None
    assert [item.value for item in box.items] == ["A", "B", "C"]
    assert box.to_dict() == {"Envoy1": "C", "envoy_1": "B"}
    # One rule for "the same key" (wikirel.nodes.infobox_key): case, spaces, "_"
    # and "-" do not count, in get(), in the diagnostic and in extraction alike.
    assert box.get("ENVOY1") == box.get("envoy 1") == box.get("Envoy-1") == "C"
    assert box.get_all("Envoy1") == ("A", "B", "C")
    assert box.get("missing", "-") == "-"
    assert [(d.code, d.line, d.column) for d in doc.diagnostics] == [
        ("infobox-duplicate-key", 3, 3),
        ("infobox-duplicate-key", 4, 3),
    ]
    assert all(d.message.endswith("already given on line 2; the last value wins") for d in doc.diagnostics)
    assert wikirel.extract_relation(doc).envoys[0].name == "C"


def test_infobox_item_without_colon_or_key() -> None:
    doc = parse("Infobox\n- Just a note\n- : orphan\n")
    assert doc.infobox is not None
    first, second = doc.infobox.items
    assert (first.key, first.value, first.colon) == ("Just a note", "", False)
    assert (second.key, second.value) == ("", "orphan")
    assert [(d.code, d.line, d.column) for d in doc.diagnostics] == [
        ("infobox-no-colon", 2, 14),
        ("infobox-empty-key", 3, 3),
    ]


def test_a_blank_line_ends_the_infobox() -> None:
    doc = parse("Infobox\n- A: 1\n\n- not an item\n")
    box, lst = doc.blocks
    assert isinstance(box, Infobox) and len(box.items) == 1
    assert isinstance(lst, BulletList)


def test_infobox_inside_a_section_is_parsed_and_diagnosed() -> None:
    doc = parse("== S ==\nInfobox\n- A: 1\n")
    assert doc.infobox is not None and doc.infobox.get("a") == "1"
    assert [d.code for d in doc.diagnostics] == ["infobox-misplaced"]
    assert codes("Infobox\n\nInfobox\n") == ["infobox-misplaced"]


def test_infobox_keyword_must_stand_alone() -> None:
    doc = parse("Infobox country\nInfobox: x\n")
    assert doc.infobox is None
    assert isinstance(doc.blocks[0], Paragraph)


# -- paragraphs ----------------------------------------------------------------


def test_paragraphs_are_separated_by_blank_lines() -> None:
    doc = parse("One line\nand its continuation.\n\nSecond.\n")
    first, second = doc.blocks
    assert isinstance(first, Paragraph) and isinstance(second, Paragraph)
    assert first.lines == ("One line", "and its continuation.")
    assert first.text == "One line and its continuation."
    assert second.blank_before is None  # one blank line: canonical


def test_dash_without_space_is_text_but_dash_space_starts_a_list() -> None:
    doc = parse("Temperatures of\n-5 degrees and --\n- an item\n")
    para, lst = doc.blocks
    assert isinstance(para, Paragraph) and para.lines == ("Temperatures of", "-5 degrees and --")
    assert isinstance(lst, BulletList) and lst.items[0].text == "an item"
    assert lst.blank_before == ()  # no blank line where one is canonical


def test_indented_pipe_and_equals_lines_are_text() -> None:
    doc = parse("  | not a row |\n  == not a heading ==\n")
    (para,) = doc.blocks
    assert isinstance(para, Paragraph) and len(para.lines) == 2


# -- bullet lists --------------------------------------------------------------


def test_lists_nest_by_indentation() -> None:
    doc = parse("- a\n  - a1\n    - a1x\n  - a2\n- b\n")
    (lst,) = doc.blocks
    assert isinstance(lst, BulletList)
    a, b = lst.items
    assert a.text == "a" and b.text == "b" and b.children is None
    assert a.children is not None
    assert [i.text for i in a.children.items] == ["a1", "a2"]
    assert a.children.items[0].children is not None
    assert a.children.items[0].children.items[0].text == "a1x"
    assert doc.diagnostics == ()


def test_any_deeper_indentation_nests_and_is_layout() -> None:
    doc = parse("- a\n\t- tabbed\n")
    (lst,) = doc.blocks
    assert isinstance(lst, BulletList)
    child = lst.items[0].children
    assert child is not None and child.items[0].indent == "\t"


def test_a_dedent_between_two_levels_joins_the_deeper_level() -> None:
    doc = parse("- a\n    - deep\n  - between\n")
    (lst,) = doc.blocks
    assert isinstance(lst, BulletList)
    children = lst.items[0].children
    assert children is not None
    assert [i.text for i in children.items] == ["deep", "between"]
    assert [(d.code, d.line) for d in doc.diagnostics] == [("list-indentation", 3)]


def test_blank_lines_split_lists() -> None:
    doc = parse("- a\n\n- b\n")
    assert [type(b) for b in doc.blocks] == [BulletList, BulletList]


def test_empty_list_item() -> None:
    (lst,) = parse("-\n- \n").blocks
    assert isinstance(lst, BulletList)
    assert [i.text for i in lst.items] == ["", ""]


# -- tables --------------------------------------------------------------------


def test_first_row_is_the_header() -> None:
    (table,) = parse("| Guest | Host |\n| A | B |\n| C | D |\n").blocks
    assert isinstance(table, Table)
    assert table.header.cells == ("Guest", "Host")
    assert [r.cells for r in table.rows] == [("A", "B"), ("C", "D")]
    assert table.records() == [{"Guest": "A", "Host": "B"}, {"Guest": "C", "Host": "D"}]


def test_ragged_rows_keep_their_cells_and_are_diagnosed() -> None:
    doc = parse("| a | b | c |\n| 1 |\n| 1 | 2 | 3 | 4 |\n")
    (table,) = doc.blocks
    assert isinstance(table, Table)
    assert table.rows[0].cells == ("1",)
    assert table.rows[1].cells == ("1", "2", "3", "4")
    assert table.keys == ("a", "b", "c", "column 4")
    assert table.records() == [
        {"a": "1", "b": "", "c": ""},
        {"a": "1", "b": "2", "c": "3", "column 4": "4"},
    ]
    assert [(d.code, d.line, d.column) for d in doc.diagnostics] == [
        ("table-ragged", 2, 6),
        ("table-ragged", 3, 14),
    ]
    assert [d.message for d in doc.diagnostics] == [
        "row has 1 cell, the header has 3",
        "row has 4 cells, the header has 3",
    ]


def test_blank_and_repeated_header_cells_get_unique_keys() -> None:
    (table,) = parse("| Date | | Date |\n| 1 | 2 | 3 |\n").blocks
    assert isinstance(table, Table)
    assert table.records() == [{"Date": "1", "column 2": "2", "Date (2)": "3"}]


def test_row_without_closing_pipe() -> None:
    doc = parse("| a | b |\n| 1 | 2\n")
    (table,) = doc.blocks
    assert isinstance(table, Table)
    assert (table.rows[0].cells, table.rows[0].closed) == (("1", "2"), False)
    assert [(d.code, d.column) for d in doc.diagnostics] == [("table-row-unclosed", 8)]


def test_empty_cells() -> None:
    (table,) = parse("| a || |\n").blocks
    assert isinstance(table, Table)
    assert table.header.cells == ("a", "", "")


# -- line breaks and odd characters -------------------------------------------


def test_crlf_gives_the_same_tree_as_lf() -> None:
    lf = "= T =\n\nInfobox\n- A: 1\n\n== S ==\nText.\n\n| a |\n| b |\n"
    crlf = lf.replace("\n", "\r\n")
    cr = lf.replace("\n", "\r")
    assert attrs.evolve(parse(crlf), newline="\n") == parse(lf)
    assert attrs.evolve(parse(cr), newline="\n") == parse(lf)
    assert parse(crlf).newline == "\r\n"


def test_mixed_line_breaks_are_kept_per_line() -> None:
    doc = parse("== S ==\r\nOne\nTwo\r\n")
    (para,) = doc.sections[0].blocks
    assert isinstance(para, Paragraph)
    assert para.eols == ("\n", "\r\n")  # the document's newline is CRLF, one line breaks with LF


def test_unicode_line_separators_are_not_line_breaks() -> None:
    doc = parse("a\u2028b\x0cc\x85d\x0be\n")
    (para,) = doc.blocks
    assert isinstance(para, Paragraph) and len(para.lines) == 1


def test_bom_no_final_newline_and_trailing_blank_lines() -> None:
    doc = parse("\ufeff= T =\n\nText\n\n  \n\t")
    assert doc.bom and doc.title == "T"
    assert doc.trailing == ("\n", "  \n", "\t")
    assert parse("== S ==\nlast").sections[0].blocks[0].eols == ("",)  # type: ignore[union-attr]


def test_empty_and_blank_texts() -> None:
    assert parse("") == wikirel.Document()
    assert parse("\n\n").trailing == ("\n", "\n")


# -- canonical form ----------------------------------------------------------------


CANONICAL = """\
= A–B relations =

Infobox
- Party1: A
- Party2: B
- Map:

A and B are neighbours.

== History ==
Relations began in 1992.

- Treaty
  - Annex
- Visit

=== Recent ===
| Guest | Host |
| X | Y |
| Z | |
"""


def test_constructed_document_serializes_to_canonical_form_and_back() -> None:
    doc = wikirel.Document(
        wikirel.Heading(1, "A–B relations"),
        [
            Infobox(
                [
                    wikirel.InfoboxItem("Party1", "A"),
                    wikirel.InfoboxItem("Party2", "B"),
                    wikirel.InfoboxItem("Map", ""),
                ]
            ),
            Paragraph("A and B are neighbours."),
        ],
        [
            wikirel.Section(
                wikirel.Heading(2, "History"),
                [
                    Paragraph("Relations began in 1992."),
                    BulletList(
                        [
                            wikirel.ListItem("Treaty", BulletList([wikirel.ListItem("Annex")])),
                            wikirel.ListItem("Visit"),
                        ]
                    ),
                ],
                [
                    wikirel.Section(
                        wikirel.Heading(3, "Recent"),
                        [
                            Table(
                                wikirel.Row(["Guest", "Host"]),
                                [wikirel.Row(["X", "Y"]), wikirel.Row(["Z", ""])],
                            )
                        ],
                    )
                ],
            )
        ],
    )
    assert wikirel.serialize(doc) == CANONICAL
    assert wikirel.parse(CANONICAL) == doc


def test_edits_change_only_the_edited_line() -> None:
    text = "== S ==\r\n\r\n|  a|b  |\r\n| 1 |2|\r\n\r\nTail  \r\n"
    doc = parse(text)
    (table, _) = doc.sections[0].blocks
    assert isinstance(table, Table)
    new_row = attrs.evolve(table.rows[0], cells=("1", "two"))
    edited = attrs.evolve(
        doc,
        sections=[
            attrs.evolve(
                doc.sections[0], blocks=[attrs.evolve(table, rows=[new_row]), doc.sections[0].blocks[1]]
            )
        ],
    )
    assert wikirel.serialize(edited) == text.replace("| 1 |2|", "| 1 |two|")


def test_removing_the_first_block_keeps_the_canonical_blank_lines() -> None:
    doc = parse("== S ==\nFirst.\n\nSecond.\n")
    section = doc.sections[0]
    edited = attrs.evolve(doc, sections=[attrs.evolve(section, blocks=section.blocks[1:])])
    assert wikirel.serialize(edited) == "== S ==\nSecond.\n"


def test_new_nodes_take_the_documents_line_break() -> None:
    doc = parse("== S ==\r\nText.\r\n")
    section = doc.sections[0]
    edited = attrs.evolve(doc, sections=[attrs.evolve(section, blocks=[*section.blocks, Paragraph("More.")])])
    assert wikirel.serialize(edited) == "== S ==\r\nText.\r\n\r\nMore.\r\n"


# -- every diagnostic code, from the smallest text that produces it ------------

SMALLEST = {
    "heading-unbalanced": "== A =\n",
    "heading-empty": "== ==\n",
    "heading-level-1": "x\n\n= A =\n",
    "infobox-misplaced": "== S ==\nInfobox\n",
    "infobox-no-colon": "Infobox\n- A\n",
    "infobox-empty-key": "Infobox\n- : v\n",
    "infobox-duplicate-key": "Infobox\n- A: 1\n- a: 2\n",
    "table-row-unclosed": "| a\n",
    "table-ragged": "| a | b |\n| 1 |\n",
    "list-indentation": "- a\n    - b\n  - c\n",
    "wikitext-markup": "[[Dushanbe]]\n",
}


def test_every_code_has_an_example_and_every_example_only_its_code() -> None:
    assert SMALLEST.keys() == wikirel.CODES.keys()
    for code, text in SMALLEST.items():
        assert codes(text) == [code], text
