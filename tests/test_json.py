"""Whole-AST JSON: lossless, versioned, strict on input."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
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
            "not a blank",
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


_NODE_NAMES = [cls.__name__ for cls in wikirel.registry.DEFAULT.node_classes] + ["Nope"]
_FIELD_NAMES = sorted(
    {f.name for c in wikirel.registry.DEFAULT.node_classes for f in attrs.fields(c) if f.init}
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
    wikirel.serialize(result)
    assert wikirel.from_json(wikirel.to_json(result)) == result
