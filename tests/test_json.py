"""Whole-AST JSON: lossless, versioned, strict on input."""

from __future__ import annotations

import json
from pathlib import Path

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
