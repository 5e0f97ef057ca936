"""Trees built by hand: ``serialize`` writes their lines or refuses them, the
same way in the pure and the compiled build.

CI runs this file against the pure package and against the compiled
(mypyc) wheel; every case pins one documented outcome, so the two builds are
held to the same behaviour.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import wikirel
from wikirel import BulletList, Document, Heading, Infobox, InfoboxItem, ListItem, Paragraph, Row, Table


@pytest.mark.parametrize(
    "node",
    [
        Document(blocks=[Paragraph("a")], trailing=["\n== Injected ==\n"]),
        Document(blocks=[Paragraph("a")], trailing=["  ", "\n"]),  # only the last may lack a break
        Paragraph(["a", "b"], eols=["", "\n"]),
        Paragraph(["a", "b"], eols=["", ""]),
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
        "eols join, last unbroken",
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
    "pads of a str": lambda: wikirel.serialize(Row(("a",), pads=" ")),  # type: ignore[arg-type]
    "pads of 1-tuples": lambda: wikirel.serialize(Row(("a",), pads=((" ",),))),  # type: ignore[arg-type]
    "pads of triples": lambda: wikirel.serialize(Row(("a",), pads=[(" ", " ", " ")])),  # type: ignore[list-item]
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


# -- the differential table: every field of every node of one tree, set to hostile values --

_BASE = "= T =\nInfobox\n- k: v\n\n| a | b |\n| c |\n\n- x\n  - y\n\ntext\n\n== H ==\npara\n"
_VALUES: list[object] = [
    1,
    True,
    0,
    "x",
    "",
    b"\n",
    [" "],
    ("a",),
    None,
    1.5,
    [(" ", " ")],
    (" ",),
    ["\n"],
    "\n",
]
OUTCOMES = Path(__file__).parent / "golden" / "built-tree-outcomes.json"


def _outcomes() -> dict[str, str]:
    """What ``serialize`` does with each hostile tree: ``text`` or the exception's name."""
    base = wikirel.parse(_BASE)
    found: dict[str, str] = {}
    for index, node in enumerate(wikirel.walk(base)):
        for field in attrs.fields(type(node)):  # type: ignore[arg-type]
            if not field.init:
                continue
            for value in _VALUES:
                key = f"{index}:{type(node).__name__}.{field.name}={value!r}"
                try:
                    changed = attrs.evolve(node, **{field.alias: value})
                except Exception as error:  # a converter refusing the value: the same in both builds
                    found[key] = f"init {type(error).__name__}"
                    continue
                tree = _Replace(node, changed).visit(base)
                try:
                    wikirel.serialize(tree)
                    found[key] = "text"
                except Exception as error:
                    found[key] = type(error).__name__
    return found


class _Replace(wikirel.Transformer):
    def __init__(self, old: wikirel.Node, new: wikirel.Node) -> None:
        self.old, self.new = old, new

    def leave_Node(self, node: wikirel.Node) -> wikirel.Node:
        return self.new if node is self.old else node


def test_pure_and_compiled_builds_do_the_same_with_every_hostile_field() -> None:
    # CI runs this against both builds; both must give the table recorded from the pure one
    # (regenerate: WIKIREL_WRITE_OUTCOMES=1 pytest tests/test_built_trees.py, and review the diff).
    found = _outcomes()
    if os.environ.get("WIKIREL_WRITE_OUTCOMES"):
        OUTCOMES.write_text(json.dumps(found, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(OUTCOMES.read_text(encoding="utf-8"))
    differ = {key: (expected.get(key), got) for key, got in found.items() if expected.get(key) != got}
    assert not differ, f"{len(differ)} outcomes differ, e.g. {sorted(differ.items())[:5]}"
    assert set(expected) == set(found)
    assert {"text", "TypeError", "SerializeError"} <= set(found.values())


def _section(
    title: str, blocks: tuple[object, ...] = (), subsections: tuple[object, ...] = ()
) -> wikirel.Node:
    return wikirel.Section(Heading(2, title), blocks, subsections)


_SECTIONED = {
    "a section in a section's blocks": Document(
        heading=Heading(1, "T"), sections=[_section("A", (_section("B", (Paragraph("b"),)), Paragraph("a")))]
    ),
    "a heading without blocks, then subsections": Document(
        sections=[_section("A", (), (_section("B"), _section("C", (Paragraph("c"),)))), _section("D")]
    ),
    "a block among sections, blank lines of its own": Document(
        blocks=[Paragraph("p")],
        sections=[Paragraph("q", blank_before=("\n", "\n")), _section("A")],
    ),
    "a document among blocks": Document(blocks=[Paragraph("p"), Document(heading=Heading(1, "Inner"))]),
    "a section root": _section("A", (Paragraph("a"),), (_section("B", (), (_section("C"),)),)),
    "trailing lines after subsections": Document(
        sections=[_section("A", (), (_section("B"),))], trailing=("\n", " ")
    ),
}


@pytest.mark.parametrize("tree", _SECTIONED.values(), ids=_SECTIONED.keys())
def test_sections_anywhere_write_what_positions_record(tree: wikirel.Node) -> None:
    # serialize writes a section's heading, blocks and subsections in one loop
    # when it records nothing; positions records through the stack: one text.
    text = wikirel.serialize(tree)
    assert text == wikirel.positions(tree).text


def test_a_document_whose_sections_are_none_is_a_type_error_in_both_builds() -> None:
    # Set past the converter (object.__setattr__): the compiled build refuses the field's type
    # where it is read; the pure build's one loop of sections must not write it as none (0.4.2 did).
    from wikirel.positions import positions

    for doc in (Document(heading=Heading(1, "T"), blocks=[Paragraph("p")]), Document(trailing=("  ",))):
        object.__setattr__(doc, "sections", None)
        with pytest.raises(TypeError):
            wikirel.serialize(doc)
        with pytest.raises(TypeError):  # and positions, which walks the stack, alike
            positions(doc)
        nested = Document(blocks=[Paragraph("p"), doc])
        with pytest.raises(TypeError):
            wikirel.serialize(nested)
