"""The field schema of the node classes (wikirel.tree.schema): one reading of the attrs fields."""

from __future__ import annotations

import attrs
import pytest

import wikirel
from wikirel import tree
from wikirel.dialect import DEFAULT
from wikirel.markup.numbered import NumberedItem, NumberedList
from wikirel.tree import MANY, ONE, VALUE, Node, schema


def test_the_schema_knows_one_child_from_many() -> None:
    kinds = {
        cls.__name__: {spec.name: spec.kind for spec in schema(cls).fields if spec.kind != VALUE}
        for cls in (*DEFAULT.node_classes, NumberedList, NumberedItem)
    }
    assert kinds == {
        "Document": {"heading": ONE, "blocks": MANY, "sections": MANY},
        "Section": {"heading": ONE, "blocks": MANY, "subsections": MANY},
        "Heading": {},
        "Infobox": {"items": MANY},
        "InfoboxItem": {},
        "Paragraph": {},
        "BulletList": {"items": MANY},
        "ListItem": {"children": ONE},
        "Table": {"header": ONE, "rows": MANY},
        "Row": {},
        "NumberedList": {"items": MANY},
        "NumberedItem": {"children": ONE},
    }


def test_required_children_layout_and_types() -> None:
    assert schema(wikirel.Section).required == {"heading"}
    assert schema(wikirel.Table).required == {"header"}
    assert schema(wikirel.Document).required == frozenset()  # heading may be None
    assert schema(wikirel.Heading).layout == {
        "close": None,
        "space_before": " ",
        "space_after": " ",
        "trailing": "",
        "eol": None,
        "blank_before": None,
    }
    # Fields that __init__ does not take (the cached diagnostics) are no part of it.
    assert "_diagnostics" not in {spec.name for spec in schema(wikirel.Document).fields}
    by_alias = schema(wikirel.Row).by_alias
    assert by_alias["pads"].type == (tuple[tuple[str, str], ...] | None) and by_alias["pads"].optional
    assert schema(wikirel.ListItem).by_alias["children"].classes == (wikirel.BulletList,)
    assert schema(wikirel.Section).by_alias["blocks"].classes is None  # any block of the dialect


def test_at_default_is_the_rule_of_json_and_pretty() -> None:
    heading = wikirel.Heading(2, "x", space_after="")
    at_default = {spec.name for spec in schema(wikirel.Heading).fields if spec.at_default(heading)}
    assert at_default == {"close", "space_before", "trailing", "eol", "blank_before"}
    assert '"space_after":""' in wikirel.to_json(heading).replace(" ", "")
    assert "space_before" not in wikirel.pretty(heading) and "space_after" in wikirel.pretty(heading)


def test_the_schema_is_built_once_per_class() -> None:
    assert schema(wikirel.Table) is schema(wikirel.Table)
    assert tree.child_fields(int) == ()  # no attrs class: no children, no schema


def test_an_annotation_that_does_not_resolve_is_a_clear_error() -> None:
    @attrs.frozen(eq=False, repr=False)
    class Broken(Node):
        items: tuple[NotDefinedAnywhere, ...] = attrs.field(metadata=tree.CHILD_NODES)  # noqa: F821

    with pytest.raises(TypeError, match=r"Broken: the annotation .* of field 'items' does not resolve"):
        schema(Broken)
