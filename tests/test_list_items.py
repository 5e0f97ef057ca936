"""``facts.events.list_items``: a list of wikirel's own classes is read from its fields, not by
the generic walk, and gives the same items in the same order (built, parsed, hostile, deep)."""

from __future__ import annotations

import attrs
from hypothesis import given, settings

import wikirel
from test_built_trees import _VALUES, _Replace
from wikirel import Dialect
from wikirel import strategies as ws
from wikirel.facts.events import ListKinds, _own_list_items, list_items, list_kinds
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
