"""Every example in the docs and docstrings runs, so the docs cannot drift.

The docs' examples run as a user of the installed wheel runs them: in an
empty folder outside the checkout, reading nothing of the checkout but
wikirel's own files (its modules, grammar and bundled samples, which the
wheel carries); an example that opened ``seeds/...`` or ``docs/...`` fails.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import wikirel
from conftest import ROOT
from helpers import checkout_reads

DOCS = sorted((ROOT / "docs").glob("*.md"))
MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(wikirel.__path__, "wikirel.")
    if not name.endswith("__main__")
)


def test_reading_a_checkout_file_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with checkout_reads() as found:
        (ROOT / "README.md").read_bytes()
        (tmp_path / "x.txt").write_text("x")
        wikirel.resources.samples()
    assert found == [str(ROOT / "README.md")]


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_doc_examples_run_outside_the_checkout(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text(encoding="utf-8")
    test = doctest.DocTestParser().get_doctest(text, {"__name__": "__main__"}, path.name, str(path), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    monkeypatch.chdir(tmp_path)  # no seeds/, docs/ or tests/ here
    with checkout_reads() as found:
        result = runner.run(test)
    assert result.failed == 0
    assert found == [], f"{path.name}: examples read the checkout"


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
