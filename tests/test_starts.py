"""``wikirel.positions.starts``: where each node starts, counted from the nodes' own layout.

For a document of wikirel's own node classes ``starts`` counts the lines
each node takes (``_count``); for any other tree it runs the serializer's
Writer (``_written_starts``). The serializer's layout is the truth: these
tests hold the count to the Writer's walk and to ``positions`` on built,
parsed, hostile and deep trees, and check that the count is what answers
(it falls back to the Writer only where it must).
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikirel
from test_built_trees import _VALUES, _Replace
from test_extraction import STAGES
from wikirel import Dialect
from wikirel import strategies as ws
from wikirel.nodes import BulletList, Document, Infobox, InfoboxItem, ListItem, Paragraph, Section
from wikirel.positions import _count, _written_starts, starts

NUMBERED = Dialect(["numbered"])


def _counted(doc: wikirel.Node) -> dict[int, tuple[wikirel.Node, int, int]] | None:
    return _count(doc)


def _same_as_written(doc: wikirel.Node) -> None:
    """The count, where it answers, is the Writer's: the same starts, in the same order."""
    counted = _counted(doc)
    written = _written_starts(doc)
    if counted is not None:
        assert list(counted.items()) == list(written.items())
    assert list(starts(doc).items()) == list(written.items())


def _same_as_positions(doc: wikirel.Node) -> None:
    spans = wikirel.positions(doc)
    found = starts(doc)
    assert list(found) == [id(node) for node in spans]
    for node in spans:
        assert found[id(node)] == (node, spans[node].start.line, spans[node].start.column)


@settings(max_examples=80)
@given(ws.documents(max_sections=3) | ws.documents(dialect=NUMBERED, max_sections=3))
def test_built_documents_are_counted_as_the_serializer_writes_them(doc: Document) -> None:
    assert _counted(doc) is not None  # a well-formed tree of wikirel's classes: no fallback
    _same_as_written(doc)
    _same_as_positions(doc)


@settings(max_examples=80)
@given(
    st.one_of(ws.articles(), ws.markup_soup(), ws.documents().map(wikirel.serialize)),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
    st.booleans(),
)
def test_parsed_documents_are_counted_with_any_line_breaks_and_byte_order_mark(
    text: str, newline: str, bom: bool, last_break: bool
) -> None:
    text = text.replace("\n", newline)
    text = ("\ufeff" if bom else "") + (text if last_break else text.rstrip("\r\n"))
    doc = wikirel.parse(text)
    assert _counted(doc) is not None  # parsed text of the default dialect: always counted
    _same_as_written(doc)
    _same_as_positions(doc)


@settings(max_examples=40)
@given(ws.articles(dialect=NUMBERED))
def test_numbered_lists_are_counted(text: str) -> None:
    doc = wikirel.parse(text, dialect=NUMBERED)
    assert _counted(doc) is not None
    _same_as_written(doc)


LAYOUTS = [
    "\ufeff= T =\n- a\n",
    "\ufeffx\n",
    "\ufeff\n\nx\r\n- a\r  - b\r\n\r\n| a |\n",
    "\ufeff== H ==\ntext\n",
    "\ufeff- a\n  - b\n",
    "\ufeff| a | b |\n| c |\n",
    "\ufeffInfobox\n- k: v\n",
    "\ufeff\ufeffx\n",  # a second U+FEFF is text, after a blank line the parser keeps
    "\n\n\n= T =\n\n\n\nInfobox\n- k: v\n\n  \n\t\nx\ny\n\n\n== H ==\n\n\n=== I ===\n- a\n\n    - b\n- c",
    "== H ==\n\n== I ==\n\n\ntext  \n  more\n\n| a |\n| b",
    "= T =\nx",
    "- a\n  - b\n    - c\n  - d\n- e\n  - f",
    "Infobox\n- k: v\n- l",
    "",
    "\n",
    "\ufeff",
]


@pytest.mark.parametrize("text", LAYOUTS)
def test_layouts_of_the_text(text: str) -> None:
    doc = wikirel.parse(text)
    assert wikirel.serialize(doc) == text
    assert _counted(doc) is not None
    _same_as_written(doc)
    _same_as_positions(doc)


def test_built_layout_fields_are_counted_as_written() -> None:
    cases = [
        Document(
            None, [Paragraph(["a", "b"], eols=("\r", "\r\n")), Paragraph(["c"], blank_before=(" \n", "\n"))]
        ),
        Document(None, [Paragraph(["a", "b"], eols=(None, "\n"))], bom=True),
        Document(None, [Paragraph(["\ufeff= T ="])]),  # reads as a title: a canonical blank line first
        Document(None, [], [Section(wikirel.Heading(2, "H", blank_before=("\n",)))], bom=True),
        Document(None, [Infobox([InfoboxItem("k", "v", eol="\r")], eol="\r\n", blank_before=())]),
        Document(None, [BulletList([ListItem("a", BulletList([ListItem("b")], blank_before=("\n",)))])]),
        Document(None, [Paragraph(["a"], eols=("",))]),  # a last line without a line break
    ]
    for doc in cases:
        assert _counted(doc) is not None
        _same_as_written(doc)
        _same_as_positions(doc)


def test_what_the_count_does_not_know_is_left_to_the_serializer() -> None:
    class Para(Paragraph):
        pass

    unknown = [
        Document(None, [Paragraph(["a"], eols=("",)), Paragraph(["b"])]),  # text after an unbroken line
        Document(None, [Paragraph(["a", "b"], eols=("", "\n"))]),
        Document(None, [Para(["a"])]),  # a subclass may be written otherwise
        wikirel.parse("= A =\n\n+ a stage\n", dialect=Dialect([STAGES])),  # a construct of one's own
    ]
    for doc in unknown:
        assert _counted(doc) is None
        assert list(starts(doc).items()) == list(_written_starts(doc).items())
    with pytest.raises(wikirel.SerializeError):  # a blank line that is not one: the serializer refuses
        starts(Document(None, [Paragraph(["a"], blank_before=("x\n",))]))


_HOSTILE_BASE = "= T =\nInfobox\n- k: v\n\n| a | b |\n| c |\n\n- x\n  - y\n\n1. n\n\ntext\n\n== H ==\npara\n"


def _hostile_trees() -> list[tuple[str, wikirel.Node]]:
    """Every field of every node of one document set to each hostile value (as test_built_trees)."""
    base = wikirel.parse(_HOSTILE_BASE, dialect=NUMBERED)
    trees = []
    for index, node in enumerate(wikirel.walk(base)):
        for field in attrs.fields(type(node)):  # type: ignore[arg-type]
            if not field.init:
                continue
            for value in _VALUES:
                try:
                    changed = attrs.evolve(node, **{field.alias: value})
                except Exception:  # a converter refusing it
                    continue
                key = f"{index}:{type(node).__name__}.{field.name}={value!r}"
                trees.append((key, _Replace(node, changed).visit(base)))
    return trees


def test_hostile_built_trees_are_counted_as_the_serializer_counts_them() -> None:
    writable = counted = 0
    for key, tree in _hostile_trees():
        try:
            written: Any = list(_written_starts(tree).items())
        except Exception as error:
            written = type(error)
        try:
            found: Any = list(starts(tree).items())
        except Exception as error:
            found = type(error)
        if isinstance(written, list):
            writable += 1
            counted += _counted(tree) is not None
            assert found == written, key
        elif found != written:  # refused by the serializer for a text it writes: the count reads no text
            assert isinstance(found, list) and _counted(tree) is not None, key
    assert writable > 200 and counted >= writable * 0.9  # the count answers; the Writer is the exception


def test_deep_trees_are_counted_without_recursion() -> None:
    depth = 3000
    items: ListItem = ListItem("leaf")
    for _ in range(depth):
        items = ListItem("x", BulletList([items]))
    sections = Section(wikirel.Heading(6, "h"))
    for _ in range(depth):
        sections = Section(wikirel.Heading(2, "h"), [Paragraph(["p"])], [sections])
    doc = Document(None, [BulletList([items])], [sections])
    found = _counted(doc)
    assert found is not None and len(found) == len(list(wikirel.walk(doc)))
    assert list(found.items()) == list(_written_starts(doc).items())
