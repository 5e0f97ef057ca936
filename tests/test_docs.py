"""Every example in the docs and docstrings runs, so the docs cannot drift.

Only the pages and modules that hold examples are test cases (one with none
would pass whatever wikirel did), and each must run at least one example;
the package docstring's example is one of them.

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

_FINDER = doctest.DocTestFinder()


def _page_test(path: Path) -> doctest.DocTest:
    text = path.read_text(encoding="utf-8")
    return doctest.DocTestParser().get_doctest(text, {"__name__": "__main__"}, path.name, str(path), 0)


def _has_examples(name: str) -> bool:
    return any(test.examples for test in _FINDER.find(importlib.import_module(name)))


# Modules kept under their 0.3 names until 0.5: importing one warns, and they hold no examples.
_DEPRECATED = {"wikirel.constructs", "wikirel.printing", "wikirel.registry"}
DOCS = [path for path in sorted((ROOT / "docs").glob("*.md")) if _page_test(path).examples]
MODULES = [
    name
    for name in [
        "wikirel",  # the package docstring
        *sorted(
            n
            for _, n, _ in pkgutil.walk_packages(wikirel.__path__, "wikirel.")
            if not n.endswith("__main__") and n not in _DEPRECATED
        ),
    ]
    if _has_examples(name)
]


def test_the_examples_found_are_the_ones_expected() -> None:
    """Collection finds the examples: a finder that found none would leave no test to fail."""
    assert {"quickstart.md", "tutorial.md", "editing.md", "extraction.md"} <= {p.name for p in DOCS}
    assert "wikirel" in MODULES and len(MODULES) >= 3


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
    test = _page_test(path)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    monkeypatch.chdir(tmp_path)  # no seeds/, docs/ or tests/ here
    with checkout_reads() as found:
        result = runner.run(test)
    assert result.failed == 0 and result.attempted > 0
    assert found == [], f"{path.name}: examples read the checkout"


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
