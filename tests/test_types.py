"""Types where users write code (issue 16): generic visitors, transformers and
``normalize`` that keep the node's type, TypedDicts of ``Relation.to_dict()``
that say what relation.schema.json says; checked by mypy --strict and pyright."""

from __future__ import annotations

import re
import subprocess
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal

import pytest

import wikirel
from conftest import ROOT
from helpers import Shape, fits, schema_shape
from wikirel import relation_types
from wikirel.relation_types import RelationDict

# -- the TypedDicts and the schema ---------------------------------------------------


def _python_shape(kind: Any) -> Shape:
    if typing.is_typeddict(kind):
        hints = typing.get_type_hints(kind)
        assert kind.__required_keys__ == frozenset(hints)  # every key always there
        return ("record", tuple((k, _python_shape(v)) for k, v in hints.items()))
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        return ("union", frozenset(_python_shape(arg) for arg in typing.get_args(kind)))
    if origin is Literal:
        return ("literal", frozenset(typing.get_args(kind)))
    if origin is list:
        return ("list", _python_shape(typing.get_args(kind)[0]))
    if origin is dict:
        key, value = typing.get_args(kind)
        assert key is str
        return ("dict", _python_shape(value))
    return {str: "str", int: "int", type(None): "None"}[kind]


def test_relation_typeddict_says_what_the_schema_says() -> None:
    schema = wikirel.facts.relation_schema()
    expected = schema_shape(schema, schema["$defs"])
    actual = _python_shape(RelationDict)
    assert fits(actual, expected), f"relation_types.py and the schema differ:\n{actual}\n{expected}"


def test_the_shape_comparison_can_fail() -> None:
    class Wrong(typing.TypedDict):
        title: str  # the schema allows null too

    schema = wikirel.facts.relation_schema()
    title = schema_shape(schema["properties"]["title"], {})
    assert not fits(_python_shape(Wrong)[1][0][1], title)
    assert fits(_python_shape(RelationDict)[1][0][1], title)


@pytest.mark.parametrize("path", sorted(ROOT.glob("tests/corpus/*.txt")), ids=lambda p: p.stem)
def test_records_have_the_typeddicts_keys_in_order(path: Path) -> None:
    record = wikirel.extract_relation(wikirel.parse(path.read_text(encoding="utf-8"))).to_dict()
    assert list(record) == list(typing.get_type_hints(RelationDict))
    for key, item in (("envoys", "EnvoyDict"), ("missions", "MissionDict"), ("visits", "VisitDict")):
        hints = typing.get_type_hints(getattr(relation_types, item))
        assert all(list(fact) == list(hints) for fact in record[key])  # type: ignore[literal-required]


# -- a user's script under mypy --strict and pyright strict ---------------------------

GOOD = """\
# pyright: strict
import wikirel
from wikirel import REMOVE, Document, Section, Transformer, Visitor
from wikirel.traversal import RemoveType
from wikirel.relation_types import RelationDict

doc = wikirel.parse("= T =\\n\\n== A ==\\nx\\n\\n== B ==\\ny\\n")


class Titles(Visitor[list[str]]):
    def visit_Document(self, node: Document) -> list[str]:
        return [s.title for s in node.iter_sections()]


class Count(Visitor):  # a plain subclass still type-checks (visit returns Any)
    pass


class Drop(Transformer):  # docs/editing.md's pattern, annotated
    def visit_Section(self, node: Section) -> Section | RemoveType:
        return REMOVE if node.title == "A" else self.generic_visit(node)


titles: list[str] = Titles().visit(doc)
dropped: Document = Drop().visit(doc)
section: Section = wikirel.normalize(doc.sections[0], heading_style="tight")
record: RelationDict = wikirel.extract_relation(doc).to_dict()
guests: list[str | None] = [visit["guest"] for visit in record["visits"]]
years: list[int] = [span["start_year"] for event in record["events"] for span in event["dates"]]
Count().visit(doc)
print(titles, [s.title for s in dropped.sections], section.title, record["title"], guests, years)
"""

BAD = """\
# pyright: strict
import wikirel
from wikirel import Document, Transformer, Visitor

doc = wikirel.parse("= T =\\n")


class R(Visitor[Document]):
    def visit_Document(self, node: Document) -> Document:
        return node


R().visit(doc).titel  # error: Visitor[Document].visit returns a Document
Transformer().visit(doc).titel  # error: so does a Transformer's, given one
wikirel.normalize(doc).sectoins  # error: and normalize
wikirel.normalize(doc.sections[0]).titel  # error: a Section stays a Section
record = wikirel.extract_relation(doc).to_dict()
record["vistis"]  # error: a RelationDict's keys are known
record["visits"][0]["gest"]  # error: and a visit's
wikirel.format_text("x", heading_style="wide")  # error: a Literal
"""


def _error_lines(output: str, name: str) -> set[int]:
    return {int(m.group(1)) for m in re.finditer(rf"{name}:(\d+):(?:\d+ -|) error", output)}


@pytest.fixture(scope="module")
def scripts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("user")
    (folder / "good.py").write_text(GOOD)
    (folder / "bad.py").write_text(BAD)
    return folder


EXPECTED = {number for number, line in enumerate(BAD.splitlines(), 1) if "# error" in line}


def test_the_good_script_runs(scripts: Path) -> None:
    result = subprocess.run(
        [sys.executable, "good.py"], cwd=scripts, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("['A', 'B'] ['B'] A T ")


def test_mypy_strict_on_a_users_script(scripts: Path) -> None:
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(scripts / ".mypy")]
    good = subprocess.run([*command, "good.py"], cwd=scripts, capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stdout
    bad = subprocess.run([*command, "bad.py"], cwd=scripts, capture_output=True, text=True, check=False)
    assert _error_lines(bad.stdout, "bad.py") == EXPECTED, bad.stdout


def test_pyright_strict_on_a_users_script(scripts: Path) -> None:
    pyright = Path(sys.executable).with_name("pyright")
    if not pyright.exists():
        pytest.skip("pyright is in the test extra: pip install -e '.[test]'")
    command = [str(pyright), "--pythonpath", sys.executable]
    good = subprocess.run([*command, "good.py"], cwd=scripts, capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stdout
    bad = subprocess.run([*command, "bad.py"], cwd=scripts, capture_output=True, text=True, check=False)
    assert _error_lines(bad.stdout, "bad.py") == EXPECTED, bad.stdout
