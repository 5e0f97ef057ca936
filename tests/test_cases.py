"""Case files: ``tests/cases/*.txt``, each a text with its expected tree and diagnostics.

A case file is a description (a first line ``dialect: NAME`` picks an
optional construct), then ``#### text``, ``#### tree`` (``wikirel.pretty``)
and ``#### diagnostics`` (one ``LINE:COL: CODE message`` a line). Each runs
through ``parse`` (the scan) and ``reference_parse`` (Lark's own parser) and
the harness. docs/format.md includes every case as its examples, so the
reference and the tests cannot drift. Regenerate the expected parts with
``WIKIREL_UPDATE_GOLDEN=1`` and review the diff.
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
from wikirel.parser import reference_parse

CASES = sorted((ROOT / "tests" / "cases").glob("*.txt"))
_MARK = re.compile(r"^#### (text|tree|diagnostics)\n", re.MULTILINE)


@attrs.frozen
class Case:
    description: str
    dialect: wikirel.Dialect
    text: str
    tree: str | None
    diagnostics: str | None

    @classmethod
    def read(cls, path: Path) -> Case:
        raw = path.read_bytes().decode("utf-8")
        assert "\r" not in raw, f"{path.name}: case files are LF only"
        parts = _MARK.split(raw)
        head, sections = parts[0], dict(zip(parts[1::2], parts[2::2], strict=True))
        dialect = wikirel.registry.DEFAULT
        if head.startswith("dialect: "):
            name, _, head = head[len("dialect: ") :].partition("\n")
            dialect = wikirel.Dialect([name])
        return cls(head.strip(), dialect, sections["text"], sections.get("tree"), sections.get("diagnostics"))

    def expected(self, doc: wikirel.Document) -> tuple[str, str]:
        tree = wikirel.pretty(doc) + "\n"
        return tree, "".join(f"{d}\n" for d in doc.diagnostics)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path) -> None:
    case = Case.read(path)
    doc = wikirel.parse(case.text, dialect=case.dialect)
    tree, diagnostics = case.expected(doc)
    if os.environ.get("WIKIREL_UPDATE_GOLDEN"):
        head = path.read_bytes().decode("utf-8").split("#### text\n", 1)[0]
        body = f"{head}#### text\n{case.text}#### tree\n{tree}#### diagnostics\n{diagnostics}"
        path.write_bytes(body.encode("utf-8"))
        return
    assert (case.tree, case.diagnostics) == (tree, diagnostics)
    assert reference_parse(case.text, dialect=case.dialect) == doc  # Lark's parser agrees
    check_text(case.text, case.dialect)


def test_there_are_cases_for_every_construct_and_code() -> None:
    cases = [Case.read(path) for path in CASES]
    seen_nodes = {type(n) for c in cases for n in wikirel.walk(wikirel.parse(c.text, dialect=c.dialect))}
    seen_codes = {d.split(" ")[1] for c in cases for d in (c.diagnostics or "").splitlines()}
    numbered = wikirel.Dialect(["numbered"])
    assert set(numbered.node_classes) <= seen_nodes
    assert set(numbered.codes) <= seen_codes


def test_format_reference_includes_every_case() -> None:
    reference = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    included = set(re.findall(r"```\{literalinclude\} \.\./tests/cases/([\w-]+\.txt)", reference))
    assert included == {path.name for path in CASES}
