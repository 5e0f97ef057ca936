"""Case files: ``tests/cases/CONSTRUCT.txt``, many small named cases per construct.

As mwparserfromhell's ``.mwtest`` files: each case is small enough that a
failure names the rule it breaks. A file is a description (a first line
``dialect: NAME`` picks an optional construct for all its cases), then its
cases, each four parts::

    #### NAME
    what the case shows, in a sentence
    #### NAME: text
    #### NAME: tree          (wikirel.pretty)
    #### NAME: diagnostics   (one ``LINE:COL: CODE message`` a line)

The name on every marker keeps each part findable on its own: docs/format.md
includes cases by it (``start-after: "#### NAME: text"``), so the reference
and the tests cannot drift. Each case runs through ``parse`` (the scan) and
``reference_parse`` (Lark's own parser, from the line grammar) and the
harness. Regenerate the expected parts with ``WIKIREL_UPDATE_GOLDEN=1`` and
review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import attrs
import pytest

import wikirel
from conftest import ROOT
from wikirel.harness import check_text
from wikirel.parser import reference_parse  # the line-level one: check_text, where supported

FOLDER = ROOT / "tests" / "cases"
PARTS = ("text", "tree", "diagnostics")
_MARK = re.compile(r"^#### ([a-z0-9-]+)(?:: (text|tree|diagnostics))?\n", re.MULTILINE)


@attrs.frozen
class Case:
    path: Path
    name: str
    description: str
    dialect: wikirel.Dialect
    text: str
    tree: str | None
    diagnostics: str | None

    @property
    def id(self) -> str:
        return f"{self.path.stem}/{self.name}"

    def expected(self, doc: wikirel.Document) -> tuple[str, str]:
        return wikirel.pretty(doc) + "\n", "".join(f"{d}\n" for d in doc.diagnostics)


def read_file(path: Path) -> tuple[str, list[Case]]:
    """The file's head (its description) and its cases, in order."""
    raw = path.read_bytes().decode("utf-8")
    assert "\r" not in raw, f"{path.name}: case files are LF only"
    pieces = _MARK.split(raw)
    head = pieces[0]
    dialect = wikirel.Dialect()  # the default constructs
    if head.startswith("dialect: "):
        dialect = wikirel.Dialect([head[len("dialect: ") :].partition("\n")[0]])
    cases: dict[str, dict[str, str]] = {}
    for name, part, body in zip(pieces[1::3], pieces[2::3], pieces[3::3], strict=True):
        if part is None:
            assert name not in cases, f"{path.name}: case {name!r} given twice"
            cases[name] = {"description": body.strip()}
        else:
            assert name in cases and part not in cases[name], f"{path.name}: {name}: {part} out of place"
            cases[name][part] = body
    read = []
    for name, parts in cases.items():
        assert "text" in parts, f"{path.name}: case {name!r} has no text"
        read.append(
            Case(
                path,
                name,
                parts["description"],
                dialect,
                parts["text"],
                parts.get("tree"),
                parts.get("diagnostics"),
            )
        )
    return head, read


def write_file(path: Path, head: str, cases: list[Case], results: dict[str, tuple[str, str]]) -> None:
    """Write the file back with the expected parts as ``results`` gives them."""
    body = [head]
    for case in cases:
        tree, diagnostics = results[case.name]
        body.append(
            f"#### {case.name}\n{case.description}\n#### {case.name}: text\n{case.text}"
            f"#### {case.name}: tree\n{tree}#### {case.name}: diagnostics\n{diagnostics}"
        )
    path.write_bytes("".join(body).encode("utf-8"))


FILES = sorted(FOLDER.glob("*.txt"))
CASES = [case for path in FILES for case in read_file(path)[1]]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(case: Case) -> None:
    doc = wikirel.parse(case.text, dialect=case.dialect)
    assert (case.tree, case.diagnostics) == case.expected(doc), (
        f"regenerate with WIKIREL_UPDATE_GOLDEN=1 and review {case.path.name}, case {case.name}"
    )
    assert reference_parse(case.text, dialect=case.dialect) == doc  # Lark's parser agrees
    check_text(case.text, case.dialect)


@pytest.mark.skipif(not os.environ.get("WIKIREL_UPDATE_GOLDEN"), reason="WIKIREL_UPDATE_GOLDEN=1 rewrites")
def test_update_the_expected_parts() -> None:
    for path in FILES:
        head, cases = read_file(path)
        results = {c.name: c.expected(wikirel.parse(c.text, dialect=c.dialect)) for c in cases}
        write_file(path, head, cases, results)


def test_cases_are_small_and_named() -> None:
    assert len(CASES) >= 60
    for case in CASES:
        assert case.description, case.id
        assert case.text.count("\n") <= 12 or case.name == "article", (
            f"{case.id}: split it into smaller cases"
        )


def test_every_construct_has_its_case_file_and_every_code_a_case() -> None:
    numbered = wikirel.Dialect(["numbered"])
    assert {construct.name for construct in numbered.constructs} <= {path.stem for path in FILES}
    seen_nodes = {type(n) for c in CASES for n in wikirel.walk(wikirel.parse(c.text, dialect=c.dialect))}
    seen_codes = {d.split(" ")[1] for c in CASES for d in (c.diagnostics or "").splitlines()}
    assert set(numbered.node_classes) <= seen_nodes
    assert set(numbered.codes) <= seen_codes


_INCLUDE = re.compile(
    r"```\{literalinclude\} \.\./tests/cases/([\w-]+)\.txt\n---\n"
    r"(?:[^\n]*\n)*?start-after: \"#### ([a-z0-9-]+): (\w+)\""
)


def test_format_reference_includes_every_case_file() -> None:
    reference = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    included = {(stem, name, part) for stem, name, part in _INCLUDE.findall(reference)}
    names = {(case.path.stem, case.name) for case in CASES}
    assert {(stem, name) for stem, name, _ in included} <= names  # each include names a case
    assert {part for _, _, part in included} <= set(PARTS)
    assert {stem for stem, _, _ in included} == {path.stem for path in FILES}
