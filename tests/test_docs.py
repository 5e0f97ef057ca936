"""Every example in the docs and docstrings runs, so the docs cannot drift."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import wikirel
from conftest import ROOT

DOCS = sorted((ROOT / "docs").glob("*.md"))
MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(wikirel.__path__, "wikirel.")
    if not name.endswith("__main__")
)


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_doc_examples_run(path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples open seeds/ by relative path, as a reader would
    result = doctest.testfile(str(path), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
