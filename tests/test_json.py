"""Whole-AST JSON: lossless, versioned, strict on input."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikirel
from conftest import SEEDS
from wikirel import strategies as ws


def test_seed_json_round_trip(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    doc = wikirel.parse(text)
    again = wikirel.from_json(wikirel.to_json(doc))
    assert again == doc
    assert wikirel.serialize(again) == text


def test_json_is_versioned_and_readable() -> None:
    data = json.loads(wikirel.to_json(wikirel.parse("== A ==\r\n| x |\r\n")))
    assert data["wikirel"] == 1
    section = data["node"]["sections"][0]
    assert section["heading"] == {"type": "Heading", "level": 2, "text": "A"}
    assert section["blocks"][0]["header"]["cells"] == ["x"]
    assert data["node"]["newline"] == "\r\n"


def test_any_node_round_trips() -> None:
    doc = wikirel.parse(SEEDS[0].read_text(encoding="utf-8"))
    for node in wikirel.walk(doc):
        assert wikirel.from_json(wikirel.to_json(node)) == node


@given(st.one_of(st.text(), ws.markup_soup(), ws.articles()))
def test_json_round_trip_is_lossless(text: str) -> None:
    again = wikirel.from_json(wikirel.to_json(wikirel.parse(text)))
    assert wikirel.serialize(again) == text


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("[", "not JSON"),
        ("{}", "not a wikirel JSON document"),
        ('{"wikirel": 2, "node": {}}', "unsupported wikirel JSON version 2"),
        ('{"wikirel": 1, "node": {"type": "Nope"}}', "unknown node type 'Nope'"),
        ('{"wikirel": 1, "node": {"type": "Heading", "level": "2", "text": "x"}}', r"\$.node.level: str"),
        (
            '{"wikirel": 1, "node": {"type": "Document", "blocks": [{"type": "Row", "cells": []}]}}',
            "a Row is not",
        ),
        ('{"wikirel": 1, "node": {"type": "Row", "cells": [1]}}', r"\$.node.cells\[0\]: int"),
        ('{"wikirel": 1, "node": {"type": "Heading", "text": "x"}}', "missing 1 required"),
        (
            '{"wikirel": 1, "node": {"type": "Heading", "level": 2, "text": "x", "colour": 1}}',
            "no field 'colour'",
        ),
    ],
)
def test_bad_json_raises_value_error_with_a_path(payload: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        wikirel.from_json(payload)


_scalars = st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False)
_json_data = st.recursive(
    _scalars, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=30
)


@given(_json_data, st.sampled_from([None, 0, 2]))
def test_the_iterative_json_encoder_writes_what_json_writes(data: object, indent: int | None) -> None:
    from wikirel._deepjson import _dumps

    assert _dumps(data, indent) == json.dumps(data, ensure_ascii=False, indent=indent)


@given(st.one_of(_json_data.map(json.dumps), st.text(alphabet='[]{}",:0123456789 truefalsn\\-.eE')))
def test_the_iterative_json_decoder_reads_what_json_reads(text: str) -> None:
    from wikirel._deepjson import _loads

    try:
        expected = json.loads(text)
    except ValueError:
        with pytest.raises(ValueError, match=r"\(char \d+\)|repeated key|Invalid"):
            _loads(text)
    else:
        assert json.dumps(_loads(text)) == json.dumps(expected)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ('{"wikirel": true, "node": {"type": "Document"}}', "version True"),
        ('{"wikirel": 1.0, "node": {"type": "Document"}}', "version 1.0"),
        ('{"wikirel": 1, "node": {"type": "Heading", "level": 10000000000, "text": "x"}}', "MAX_GENERATED"),
        ('{"wikirel": 1, "node": {"type": "Heading", "level": 0, "text": "x"}}', "at least 1"),
        ('{"wikirel": 1, "node": {"type": "Heading", "level": 2, "close": -1, "text": "x"}}', "at least 0"),
        ('{"wikirel": 1, "node": {"type": "Paragraph", "lines": ["a"], "blank_before": [null]}}', "null"),
        ('{"wikirel": 1, "node": {"type": "Row", "cells": ["a"], "pads": [[" "]]}}', "array of 2"),
        ('{"wikirel": 1, "node": {"type": "Row", "cells": ["a"], "pads": [null]}}', r"pads\[0\]: null"),
        ('{"wikirel": 1, "node": {"type": "Row", "cells": ["a"], "closed": 1}}', "closed: int"),
        ('{"wikirel": 1, "node": {"type": "Heading", "level": 2, "text": "a\\nb"}}', "cannot be written"),
        (
            '{"wikirel": 1, "node": {"type": "Paragraph", "lines": ["a"], "blank_before": ["x"]}}',
            r"blank_before\[0\]: .x. is not layout",
        ),
        ('{"wikirel": 1, "wikirel": 1, "node": {"type": "Document"}}', "repeated key"),
        ('{"wikirel": 1, "node": {"type": "Document"}, "extra": 1}', "unexpected key"),
        ("[" * 100_000, "not JSON"),
    ],
)
def test_from_json_rejects_what_the_format_does_not_allow(payload: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        wikirel.from_json(payload)


def test_from_json_bounds_canonical_indentation() -> None:
    # 20,000 nested items in ~1.4 MB of JSON would write ~400 MB of indentation.
    item = '{"type": "ListItem", "text": "x"}'
    opening = '{"type": "ListItem", "text": "x", "children": {"type": "BulletList", "items": ['
    depth = 20_000
    node = opening * depth + item + "]}}" * depth
    payload = '{"wikirel": 1, "node": {"type": "BulletList", "items": [' + node + "]}}"
    with pytest.raises(ValueError, match=r"…\(\d+ more\)….*MAX_GENERATED"):
        wikirel.from_json(payload)


def test_from_json_with_a_class_is_typed_and_checked() -> None:
    doc: wikirel.Document = wikirel.from_json(wikirel.to_json(wikirel.parse("== A ==\n")), wikirel.Document)
    assert doc.sections[0].title == "A"
    with pytest.raises(ValueError, match=r"\$.node: a Heading, not a Document"):
        wikirel.from_json(wikirel.to_json(wikirel.Heading(2, "A")), wikirel.Document)


_NODE_NAMES = [cls.__name__ for cls in wikirel.dialect.DEFAULT.node_classes] + ["Nope"]
_FIELD_NAMES = sorted(
    {f.name for c in wikirel.dialect.DEFAULT.node_classes for f in attrs.fields(c) if f.init}
)
_hostile_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.floats()
    | st.sampled_from(["", " ", "x", "\n", "a|b"])
)
_hostile_nodes = st.recursive(
    _hostile_scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.fixed_dictionaries(
            {"type": st.sampled_from(_NODE_NAMES)}, optional=dict.fromkeys(_FIELD_NAMES, inner)
        )
    ),
    max_leaves=25,
)


@given(_hostile_nodes, st.sampled_from([1, True, 1.0, 2]))
def test_from_json_accepts_only_what_serializes_and_rejects_with_its_own_error(
    node: object, version: object
) -> None:
    try:
        result = wikirel.from_json(json.dumps({"wikirel": version, "node": node}))
    except wikirel.JSONImportError:
        return
    text = wikirel.serialize(result)
    assert wikirel.from_json(wikirel.to_json(result)) == result
    if isinstance(result, wikirel.Document):
        assert wikirel.parse(text) == result


# -- layout fields hold only layout; what from_json accepts reads back as itself --------


def _doc(node: dict[str, object]) -> str:
    return json.dumps({"wikirel": 1, "node": node})


def _table(header: dict[str, object], *rows: dict[str, object]) -> dict[str, object]:
    return {"type": "Document", "blocks": [{"type": "Table", "header": header, "rows": list(rows)}]}


@pytest.mark.parametrize(
    ("node", "message"),
    [
        (
            {
                "type": "Document",
                "heading": {"type": "Heading", "level": 1, "text": "T"},
                "trailing": ["\n== Injected ==\nInfobox\n- Envoy1: Mallory\n"],
            },
            r"\$.node.trailing\[0\]: .* is not layout",
        ),
        (
            {"type": "Document", "blocks": [{"type": "Paragraph", "lines": ["a", "b"], "eols": ["", ""]}]},
            r"\$.node.blocks\[0\].eols: only the last line",
        ),
        (
            {
                "type": "Document",
                "blocks": [
                    {
                        "type": "BulletList",
                        "items": [{"type": "ListItem", "text": "x", "indent": "Infobox\t"}],
                    }
                ],
            },
            r"\$.node.blocks\[0\].items\[0\].indent: 'Infobox\\t' is not layout",
        ),
        (
            {
                "type": "Document",
                "sections": [
                    {
                        "type": "Section",
                        "heading": {"type": "Heading", "level": 2, "text": "a", "trailing": "x"},
                    }
                ],
            },
            r"\$.node.sections\[0\].heading.trailing: 'x' is not layout",
        ),
        (
            _table({"type": "Row", "cells": ["a|b"]}),
            r"\$.node.blocks\[0\].header.cells: \('a\|b',\) is written",
        ),
        (
            _table({"type": "Row", "cells": ["a"], "eol": ""}, {"type": "Row", "cells": ["b"]}),
            r"\$.node.blocks\[0\].header.eol: a line without a line break must be the last",
        ),
        (
            _table({"type": "Row", "cells": ["a"], "pads": [["x", " "]]}),
            r"\$.node.blocks\[0\].header.pads: 'x' is not layout",
        ),
        (
            {
                "type": "Document",
                "blocks": [{"type": "Paragraph", "lines": ["a"], "eols": [""]}],
                "trailing": ["\n"],
            },
            r"\$.node.blocks\[0\].eols: .*trailing blank lines follow",
        ),
        ({"type": "Document", "newline": "x"}, r"\$.node.newline: 'x' is not layout"),
        ({"type": "Heading", "level": 2, "text": "x", "eol": "\t"}, r"\$.node.eol: '\\t' is not layout"),
        # Semantic text that reads as another line class, checked by reading the text back.
        (
            {"type": "Document", "blocks": [{"type": "Paragraph", "lines": ["- x"]}]},
            r"\$.node.blocks\[0\]: its text reads back as a BulletList, not a Paragraph",
        ),
        (
            {
                "type": "Document",
                "sections": [
                    {
                        "type": "Section",
                        "heading": {"type": "Heading", "level": 2, "text": "=x", "space_before": ""},
                    }
                ],
            },
            r"\$.node.sections\[0\].heading.level: 2 is written as text that reads back as 3",
        ),
        # Explicit layout that the parser would store as null: the tree would not come back equal.
        (
            {"type": "Document", "blocks": [{"type": "Paragraph", "lines": ["x"], "eols": ["\n"]}]},
            r"\$.node.blocks\[0\].eols: .* reads back as null .*null is the canonical layout",
        ),
    ],
)
def test_from_json_refuses_content_in_layout_fields(node: dict[str, object], message: str) -> None:
    with pytest.raises(wikirel.JSONImportError, match=message):
        wikirel.from_json(_doc(node))


def test_layout_that_is_layout_is_accepted() -> None:
    text = "= T =\r\n\r\nInfobox \r\n  -  Envoy1 :x\t\r\n\n|a|  b\r\n- x\r\n    - y \r\n \r\n\t"
    doc = wikirel.parse(text)
    again = wikirel.from_json(wikirel.to_json(doc))
    assert again == doc
    assert wikirel.serialize(again) == text


@pytest.mark.parametrize("level", [134_217_727, 2_000_000, 600_000])
def test_from_json_bounds_heading_marks_by_the_size_of_the_json(level: int) -> None:
    # "level": 134217727 in 71 bytes once cost 530 MB; the budget grows with the JSON's length.
    payload = _doc({"type": "Heading", "level": level, "text": "x"})
    assert 2 * level > wikirel.json_format.generated_budget(len(payload))
    with pytest.raises(wikirel.JSONImportError, match="GENERATED_PER_BYTE"):
        wikirel.from_json(payload)


def test_the_generated_budget_admits_what_parsed_text_gives() -> None:
    # A heading of 100,000 marks, parsed from text, round-trips: the budget's floor covers it.
    text = "=" * 100_000 + " x " + "=" * 100_000 + "\n"
    doc = wikirel.parse(text)
    assert wikirel.serialize(wikirel.from_json(wikirel.to_json(doc))) == text
    json_format = wikirel.json_format
    assert json_format.generated_budget(0) == json_format.MIN_GENERATED
    assert json_format.generated_budget(10**12) == json_format.MAX_GENERATED
    assert json_format.generated_budget(10**6) == json_format.GENERATED_PER_BYTE * 10**6


_LAYOUT_VALUES = ["", " ", "\t", "\n", "\r\n", "\r", "x", " \n", "\n== X ==\n", "a|b", "- y", "=", "Infobox"]
_layout = st.sampled_from(_LAYOUT_VALUES)
_hostile_item = st.fixed_dictionaries(
    {"type": st.just("ListItem"), "text": st.sampled_from(["x", "- x", "", " y"])},
    optional={"indent": _layout, "gap": _layout, "trailing": _layout, "eol": _layout},
)
_hostile_row = st.fixed_dictionaries(
    {"type": st.just("Row"), "cells": st.lists(st.sampled_from(["a", "", "a|b", " b", "|"]), max_size=3)},
    optional={
        "pads": st.lists(st.tuples(_layout, _layout).map(list), max_size=3),
        "closed": st.booleans(),
        "trailing": _layout,
        "eol": _layout,
    },
)
_hostile_blocks = st.one_of(
    st.fixed_dictionaries(
        {
            "type": st.just("Paragraph"),
            "lines": st.lists(
                st.sampled_from(["x", "- x", "| x", "== x", " ", "Infobox"]), min_size=1, max_size=3
            ),
        },
        optional={"eols": st.lists(_layout, max_size=3), "blank_before": st.lists(_layout, max_size=2)},
    ),
    st.fixed_dictionaries(
        {"type": st.just("BulletList"), "items": st.lists(_hostile_item, min_size=1, max_size=3)},
        optional={"blank_before": st.lists(_layout, max_size=2)},
    ),
    st.fixed_dictionaries(
        {"type": st.just("Table"), "header": _hostile_row, "rows": st.lists(_hostile_row, max_size=2)},
        optional={"blank_before": st.lists(_layout, max_size=2)},
    ),
    st.fixed_dictionaries(
        {
            "type": st.just("Infobox"),
            "items": st.lists(
                st.fixed_dictionaries(
                    {
                        "type": st.just("InfoboxItem"),
                        "key": st.sampled_from(["k", "", "a:b"]),
                        "value": st.sampled_from(["v", ""]),
                    },
                    optional={
                        "indent": _layout,
                        "gap": _layout,
                        "key_space": _layout,
                        "value_space": _layout,
                        "eol": _layout,
                    },
                ),
                max_size=2,
            ),
        },
        optional={"trailing": _layout, "eol": _layout},
    ),
)
_hostile_heading = st.fixed_dictionaries(
    {"type": st.just("Heading"), "level": st.integers(1, 4), "text": st.sampled_from(["h", "=h", "", "h="])},
    optional={
        "close": st.integers(0, 4),
        "space_before": _layout,
        "space_after": _layout,
        "trailing": _layout,
        "eol": _layout,
        "blank_before": st.lists(_layout, max_size=2),
    },
)
_hostile_documents = st.fixed_dictionaries(
    {"type": st.just("Document")},
    optional={
        "heading": _hostile_heading,
        "blocks": st.lists(_hostile_blocks, max_size=3),
        "sections": st.lists(
            st.fixed_dictionaries(
                {"type": st.just("Section"), "heading": _hostile_heading},
                optional={"blocks": st.lists(_hostile_blocks, max_size=2)},
            ),
            max_size=2,
        ),
        "bom": st.booleans(),
        "newline": st.sampled_from(["\n", "\r\n", "\r"]),
        "trailing": st.lists(_layout, max_size=3),
    },
)


@settings(max_examples=300)
@given(_hostile_documents)
def test_what_from_json_accepts_reads_back_from_its_text_as_itself(node: dict[str, object]) -> None:
    try:
        doc = wikirel.from_json(_doc(node))
    except wikirel.JSONImportError:
        return
    assert wikirel.parse(wikirel.serialize(doc)) == doc


@pytest.mark.parametrize("value", [{}, "x", 1])
def test_a_list_of_children_that_is_no_array_is_refused(value: object) -> None:
    text = json.dumps({"wikirel": 1, "node": {"type": "Document", "blocks": value}})
    with pytest.raises(wikirel.JSONImportError, match=r"\$\.node\.blocks: expected an array of nodes, got "):
        wikirel.from_json(text)
