"""Trees built by hand: ``serialize`` writes their lines or refuses them, the
same way in the pure and the compiled build.

CI runs this file against the pure package and against the compiled
(mypyc) wheel; every case pins one documented outcome, so the two builds are
held to the same behaviour.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import wikirel
from wikirel import BulletList, Document, Heading, Infobox, InfoboxItem, ListItem, Paragraph, Row, Table


@pytest.mark.parametrize(
    "node",
    [
        Document(blocks=[Paragraph("a")], trailing=["\n== Injected ==\n"]),
        Document(blocks=[Paragraph("a")], trailing=["  ", "\n"]),  # only the last may lack a break
        Paragraph(["a", "b"], eols=["", "\n"]),
        Paragraph(["a", "b"], eols=["\n"]),  # fewer breaks than lines
        Paragraph(["a"], eols=["\n", "\n"]),
        Table(Row(["a"], eol=""), [Row(["b"])]),
        Document(blocks=[Paragraph(["a"], eols=[""]), Paragraph("b")]),
        Document(blocks=[Paragraph(["a"], eols=[""])], trailing=["\n"]),
        Document(sections=[wikirel.Section(Heading(2, "h", blank_before=["  "]))]),  # no break: joins
    ],
    ids=[
        "trailing text",
        "trailing unbroken",
        "eols join",
        "eols short",
        "eols long",
        "header joins row",
        "block joins block",
        "line joins trailing",
        "blank line joins heading",
    ],
)
def test_serialize_refuses_a_tree_whose_lines_would_run_together(node: wikirel.Node) -> None:
    with pytest.raises(wikirel.SerializeError):
        wikirel.serialize(node)


def test_a_last_line_without_a_break_is_written() -> None:
    doc = Document(blocks=[Paragraph("a"), Paragraph(["b"], eols=[""])])
    assert wikirel.serialize(doc) == "a\n\nb"
    assert wikirel.parse("a\n\nb") == doc
    assert wikirel.serialize(Document(blocks=[Paragraph("a")], trailing=["\n", "  "])) == "a\n\n  "


# Hostile built trees: wrong field types. Each gives one outcome in both builds.
_TYPE_ERRORS: dict[str, Callable[[], str]] = {
    "bom=1": lambda: wikirel.serialize(Document(bom=1)),  # type: ignore[arg-type]
    "closed=0": lambda: wikirel.serialize(Table(Row(("a",), closed=0))),  # type: ignore[arg-type]
    "closed=1": lambda: wikirel.serialize(Row(("a",), closed=1)),  # type: ignore[arg-type]
    "colon=1": lambda: wikirel.serialize(Infobox([InfoboxItem("k", "v", colon=1)])),  # type: ignore[arg-type]
    "int cells": lambda: wikirel.serialize(Table(Row((1, 2)))),  # type: ignore[arg-type]
    "int cells, padded": lambda: wikirel.serialize(Row((1,), pads=[(" ", " ")])),  # type: ignore[arg-type]
    "int pads": lambda: wikirel.serialize(Row(("a",), pads=[(1, 2)])),  # type: ignore[list-item]
    "bytes newline": lambda: wikirel.serialize(Heading(2, "x"), newline=b"\n"),  # type: ignore[arg-type]
    "int newline": lambda: wikirel.serialize(Heading(2, "x"), newline=1),  # type: ignore[arg-type]
    "document newline": lambda: wikirel.serialize(Document(newline=1)),  # type: ignore[arg-type]
    "str level": lambda: wikirel.serialize(Heading("2", "x")),  # type: ignore[arg-type]
    "int text": lambda: wikirel.serialize(Heading(2, 5)),  # type: ignore[arg-type]
    "int eol": lambda: wikirel.serialize(Heading(2, "x", eol=5)),  # type: ignore[arg-type]
    "int line": lambda: wikirel.serialize(Paragraph([1])),  # type: ignore[list-item]
    "int item text": lambda: wikirel.serialize(BulletList([ListItem(3)])),  # type: ignore[arg-type]
    "int trailing": lambda: wikirel.serialize(Document(trailing=[1])),  # type: ignore[list-item]
    "int blank line": lambda: wikirel.serialize(Paragraph("a", blank_before=[1])),  # type: ignore[list-item]
}


@pytest.mark.parametrize("case", sorted(_TYPE_ERRORS))
def test_a_field_of_the_wrong_type_is_a_type_error_in_both_builds(case: str) -> None:
    with pytest.raises(TypeError):
        _TYPE_ERRORS[case]()


@pytest.mark.parametrize(
    "pads",
    [[(" ", " ")], [[" ", " "]], ([" ", " "],), iter([(" ", " ")])],
    ids=["list of tuples", "list of lists", "tuple of lists", "iterator"],
)
def test_row_pads_convert_to_a_tuple_of_pairs_like_every_tuple_field(pads: object) -> None:
    row = Row(["a"], pads=pads)  # type: ignore[arg-type]
    assert row.pads == ((" ", " "),)
    assert type(row.pads) is tuple and type(row.pads[0]) is tuple
    assert wikirel.serialize(Table(row)) == "| a |\n"
    assert Row(["a"]) == Row(["a"], pads=None)
