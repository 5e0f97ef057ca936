"""Shortcuts of extraction's walk that must give what the general code gives.

``facts.events.list_items``: a list of wikirel's own classes is read from its
fields, not by the generic walk, and gives the same items in the same order
(built, parsed, hostile, deep). ``extract_relation`` looks up only the
infobox keys that can be one it reads: the envoys, missions and parties are
those ``Infobox.get`` finds, whatever the keys' case, spaces, ``_`` and ``-``.
``sections_with_titles`` walks a Document's sections as ``iter_sections`` does;
the columns of a table header kept from before are those found afresh; each
sentence starts where its source says, in the text the document writes.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikirel
from test_built_trees import _VALUES, _Replace
from wikirel import Dialect
from wikirel import strategies as ws
from wikirel.facts import tables
from wikirel.facts.events import (
    ListKinds,
    Where,
    _own_list_items,
    list_items,
    list_kinds,
    sections_with_titles,
    sentences,
)
from wikirel.nodes import BulletList, ListItem

NUMBERED = Dialect(["numbered"])
KINDS = [list_kinds(), list_kinds(NUMBERED.constructs), list_kinds(wikirel.dialect.DEFAULT.constructs)]


def _walked(block: wikirel.Node, kinds: ListKinds) -> list[wikirel.Node]:
    return [node for node in wikirel.walk(block) if isinstance(node, kinds.items)]


def _check(doc: wikirel.Node, *, own: bool = True) -> int:
    checked = 0
    for node in wikirel.walk(doc):
        for kinds in KINDS:
            if kinds.is_list(node):
                if own:
                    assert _own_list_items(node, kinds.items) is not None
                assert list_items(node, kinds) == _walked(node, kinds)
                checked += 1
    return checked


@settings(max_examples=60)
@given(ws.documents(max_sections=2) | ws.documents(dialect=NUMBERED, max_sections=2))
def test_built_lists(doc: wikirel.Document) -> None:
    _check(doc)


@settings(max_examples=40)
@given(ws.articles(dialect=NUMBERED) | ws.markup_soup())
def test_parsed_lists(text: str) -> None:
    _check(wikirel.parse(text, dialect=NUMBERED))


def test_hostile_lists_give_what_the_walk_gives() -> None:
    base = wikirel.parse("- x\n  - y\n    1. z\n- w\n\n1. n\n   - m\n", dialect=NUMBERED)
    checked = 0
    for node in wikirel.walk(base):
        for field in attrs.fields(type(node)):  # type: ignore[arg-type]
            for value in _VALUES:
                try:
                    tree = _Replace(node, attrs.evolve(node, **{field.alias: value})).visit(base)
                except Exception:  # a converter refusing it
                    continue
                for kinds in KINDS:
                    for block in tree.blocks:
                        try:
                            expected: object = _walked(block, kinds)
                        except Exception as error:
                            expected = type(error)
                        try:
                            found: object = list_items(block, kinds) if kinds.is_list(block) else expected
                        except Exception as error:
                            found = type(error)
                        assert found == expected, (field.name, value)
                        checked += 1
    assert checked > 1000


def test_deep_lists() -> None:
    items = ListItem("leaf")
    for _ in range(3000):
        items = ListItem("x", BulletList([items]))
    top = BulletList([items])
    for kinds in KINDS:
        assert _own_list_items(top, kinds.items) is not None
        found = list_items(top, kinds)
        assert len(found) == 3001 and found == _walked(top, kinds)


_KEYS = st.tuples(
    st.sampled_from(
        ["Envoy", "envoy", "ENVOY", "Envoy title", "envoy_title", "Mission", "MISSION", "Party", "Other"]
    ),
    st.sampled_from(["", " ", "_", "-", "\u00a0", "\t", " _- "]),
    st.sampled_from(["1", "2", "3", "", "１", "¹"]),
    st.sampled_from(["", " ", "_", "-", "\u00a0", "\u2003", "x"]),
).map("".join)


@settings(max_examples=150)
@given(
    st.lists(st.tuples(_KEYS, st.sampled_from(["", "A", "Embassy of B in C; Consulate in D"])), max_size=8)
)
def test_the_infobox_facts_are_those_get_finds(items: list[tuple[str, str]]) -> None:
    box = wikirel.Infobox([wikirel.InfoboxItem(key, value) for key, value in items])
    doc = wikirel.Document(wikirel.Heading(1, "E–F relations"), [box])
    rel = wikirel.extract_relation(doc)

    def get(key: str) -> str:
        return box.get(key) or ""

    for side in (1, 2):
        envoys = [envoy for envoy in rel.envoys if envoy.side == side]
        assert [envoy.written for envoy in envoys] == ([get(f"envoy{side}")] if get(f"envoy{side}") else [])
        assert all(envoy.title == (get(f"envoytitle{side}") or None) for envoy in envoys)
        names = [part.strip() for part in get(f"mission{side}").split(";") if part.strip()]
        assert [mission.name for mission in rel.missions if mission.side == side] == names
    parties = (get("party1"), get("party2")) if get("party1") and get("party2") else ("E", "F")
    assert rel.parties == parties


def _general_sections(doc: wikirel.Document) -> list[tuple[str | None, wikirel.Node]]:
    return [(None, doc), *((section.title, section) for section in doc.iter_sections())]


@settings(max_examples=60)
@given(ws.documents(max_sections=3) | ws.articles().map(wikirel.parse))
def test_sections_are_those_iter_sections_gives(doc: wikirel.Document) -> None:
    found = sections_with_titles(doc)
    expected = _general_sections(doc)
    assert [title for title, _ in found] == [title for title, _ in expected]
    assert all(a is b for (_, a), (_, b) in zip(found, expected, strict=True))


def test_deep_sections_without_recursion() -> None:
    section = wikirel.Section(wikirel.Heading(99, "leaf"))
    for level in range(3000):
        section = wikirel.Section(wikirel.Heading(2, f"s{level}"), subsections=[section])
    doc = wikirel.Document(None, (), [section])
    found = sections_with_titles(doc)
    assert len(found) == 3002 and [t for t, _ in found] == [t for t, _ in _general_sections(doc)]


_HEADER_WORDS = st.sampled_from(
    ["Guest", "Host", "Date", "Place", "Name", "Number of visitors", "", "x", "Leader"]
)


@settings(max_examples=150)
@given(
    st.lists(_HEADER_WORDS, max_size=20).map(tuple),
    st.sampled_from([None, "Visits", "Trade", "State visits"]),
)
def test_the_columns_of_a_header_seen_before_are_those_found(
    keys: tuple[str, ...], heading: str | None
) -> None:
    expected = tables._find_columns(keys, heading)
    assert tables._columns(keys, heading) == expected
    assert tables._columns(keys, heading) == expected  # the second time, from what was kept
    assert len(tables._SEEN) <= tables._SEEN_SIZE
    for seen_keys, seen_heading in tables._SEEN:
        assert len(seen_keys) <= tables._SEEN_KEYS
        assert sum(map(len, seen_keys)) + len(seen_heading or "") <= tables._SEEN_CHARS


def test_long_headers_are_not_kept() -> None:
    long = ("Guest", "Date " + "x" * tables._SEEN_CHARS)
    assert tables._columns(long, None) == {"guest": "Guest", "date": long[1]}
    assert (long, None) not in tables._SEEN
    for count in range(tables._SEEN_SIZE + 5):  # a corpus of ever new headers: what is kept stays bounded
        tables._columns(("Guest", f"Host {count}"), None)
        assert len(tables._SEEN) <= tables._SEEN_SIZE


def test_a_table_whose_keys_are_a_list_is_read_as_before() -> None:
    # A user's Table may give its keys as a list: it is read, not kept (a list is no dict key).
    class ListKeys(wikirel.Table):
        @property
        def keys(self) -> tuple[str, ...]:
            return list(wikirel.Table.keys.fget(self))  # type: ignore[attr-defined, return-value]

    text = (
        "= China–Japan relations =\n\n==Visits==\n| Date | Guest | Host |\n| 2001 | Jiang Zemin | Japan |\n"
    )
    doc = wikirel.parse(text)
    table = doc.sections[0].blocks[0]
    built = ListKeys(**{field.name: getattr(table, field.name) for field in attrs.fields(wikirel.Table)})
    doc = attrs.evolve(doc, sections=(attrs.evolve(doc.sections[0], blocks=(built,)),))
    visits = wikirel.extract_relation(doc).visits
    assert [(v.guest, v.host, v.date and v.date.text) for v in visits] == [("Jiang Zemin", "Japan", "2001")]


def _first_word(text: str) -> str:
    return text.split(None, 1)[0] if text.split() else ""


_LEADS = [
    "  Lead. Then B.\n",
    "\ufeff  A. B.\n",
    "\ufeffA. B.\r\n",
    "= T =\n\n \t x. Y z.\n\n== H ==\nA b.\n  C d. E f.\n   G. H i.\n",
    "\u00a0Lead. \u2003Then B.\n",
]


@pytest.mark.parametrize("text", _LEADS)
def test_each_sentence_of_an_indented_line_starts_where_its_source_says(text: str) -> None:
    _check_sentences(text)


@settings(max_examples=80)
@given(ws.articles() | ws.markup_soup())
def test_each_sentence_starts_where_its_source_says(text: str) -> None:
    _check_sentences(text)


def _check_sentences(text: str) -> None:
    doc = wikirel.parse(text)
    where = Where(doc)
    spans = wikirel.positions(doc)
    for node in wikirel.walk(doc):
        if isinstance(node, wikirel.nodes.Paragraph):
            for sentence, source in sentences(node, where):
                assert (source.kind, source.node) == ("Paragraph", node)
                line = spans.line_text(source.line)
                assert line[source.column - 1 :].startswith(_first_word(sentence)), (line, source, sentence)
                assert (
                    source.column == 1
                    or line[source.column - 2].isspace()
                    or source.column == (spans[node].start.column)
                )


@attrs.frozen(eq=False, repr=False)
class _OwnParagraph(wikirel.nodes.Paragraph):
    """A paragraph class of a user's own: read by the general path, not the shortcut."""


@pytest.mark.parametrize(
    "lines", [("  A b. C d.",), ("A b. C d.", "  E f. G h."), ("\u00a0x. Y.",), ("   ",), ("  ", " ")]
)
def test_a_paragraph_subclass_gets_the_sentences_and_sources_a_paragraph_gets(lines: tuple[str, ...]) -> None:
    found = []
    for cls in (wikirel.nodes.Paragraph, _OwnParagraph):
        para = cls(lines)
        doc = wikirel.Document(wikirel.Heading(1, "T"), [para])
        found.append([(text, source.line, source.column) for text, source in sentences(para, Where(doc))])
    assert found[0] == found[1]
    assert bool(found[0]) == any(line.strip() for line in lines)


class _OwnDocument(wikirel.Document):
    """A document class of a user's own, whose sections are walked by its ``iter_sections``."""

    def iter_sections(self) -> Iterator[wikirel.Section]:
        return reversed(list(super().iter_sections()))


def test_a_document_subclass_walks_its_sections_its_own_way() -> None:
    sections = [wikirel.Section(wikirel.Heading(2, title)) for title in ("a", "b")]
    doc = _OwnDocument(None, (), sections)
    assert [title for title, _ in sections_with_titles(doc)] == [None, "b", "a"]
