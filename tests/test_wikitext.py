"""The wikitext hint: MediaWiki wikitext gets one `wikitext-markup` diagnostic (issue 16)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import wikirel
from conftest import ROOT
from wikirel.diagnostics import WARNINGS

# The shape of a page's wikitext as MediaWiki stores it (what issue 16 fed in).
PAGE = """\
{{Infobox bilateral relations
| party1 = Pakistan
| party2 = Tajikistan
}}
'''Pakistan–Tajikistan relations''' are the [[foreign relations]] of [[Pakistan]] and [[Tajikistan]].

== Visits ==
{| class="wikitable"
|-
! Guest !! Host
|-
| Rahmon || Khan
|}
"""


def hints(text: str) -> list[wikirel.Diagnostic]:
    return [d for d in wikirel.parse(text).diagnostics if d.code == "wikitext-markup"]


def test_a_wikitext_page_gets_one_hint_at_its_first_mark() -> None:
    doc = wikirel.parse(PAGE)
    [hint] = hints(PAGE)
    assert (hint.line, hint.column) == (1, 1)
    assert "looks like MediaWiki wikitext ('{{' starts a template)" in hint.message
    assert "convert the article first" in hint.message
    assert doc.diagnostics[0] == hint  # in document order, before the broken tables' findings
    assert "wikitext-markup" in wikirel.CODES and "wikitext-markup" in WARNINGS
    with pytest.raises(wikirel.ParseError, match="wikitext-markup"):
        wikirel.parse(PAGE, strict=True)


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("Text.\n\nSee {{Main|History}}.\n", (3, 5), "'{{' starts a template"),
        ("Since 1992, [[Dushanbe]] hosts it.\n", (1, 13), "'[[...]]' is a wikilink"),
        ("== Visits ==\n{| class=wikitable\n", (2, 1), "'{|' starts a table"),
        ("== Visits ==\r\n{|\r\n", (2, 1), "'{|' starts a table"),  # after any line break
        ("== Visits ==\r{|\r", (2, 1), "'{|' starts a table"),
        ("{|\n", (1, 1), "'{|' starts a table"),
        ("It is '''bold''' here.\n", (1, 7), "'''...''' is bold"),
        ("x [[a]] then {{b}}\n", (1, 3), "'[[...]]' is a wikilink"),  # only the first, once
    ],
)
def test_each_mark_alone_gives_the_hint_where_it_is(text: str, where: tuple[int, int], what: str) -> None:
    [hint] = hints(text)
    assert (hint.line, hint.column) == where
    assert what in hint.message


@pytest.mark.parametrize(
    "text",
    [
        "A set {a, b} and {{ }} braces.\n",  # no template name
        "A list [a] and [[ ]] brackets, [[a\nb]].\n",  # no link on one line
        "A | {| b |\n",  # `{|` not at a line start
        "It's the people's ''choice'' and ''' alone.\n",
        "- {| a\n",
    ],
)
def test_look_alikes_get_no_hint(text: str) -> None:
    assert hints(text) == []


def test_no_hint_on_the_samples_the_corpus_and_the_fixtures() -> None:
    paths = [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/corpus/*.txt"), *ROOT.glob("tests/fixtures/*.txt")]
    assert len(paths) > 20
    for path in paths:
        assert hints(path.read_bytes().decode("utf-8")) == [], path


@pytest.mark.parametrize("unit", ["[[", "{{", "'''", "[[a", "'''a", "{", "\n{"])
def test_crafted_repetitions_stay_linear(unit: str) -> None:
    # Quadratic scanning would take minutes here; linear takes milliseconds.
    text = unit * (200_000 // len(unit))
    hints(text)


def test_check_reports_the_hint() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wikirel", "check", "-"],
        input=PAGE.encode(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.decode().startswith("-:1:1: wikitext-markup this looks like MediaWiki wikitext")


def test_github_output_shows_the_hint_as_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wikirel.cli import main

    page = tmp_path / "page.txt"
    page.write_text(PAGE + "| a |\n| b | c |\n", encoding="utf-8")
    assert main(["check", "-q", "--output-format", "github", str(page)]) == 1
    levels = {line.split(" ", 1)[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "wikitext-markup" in levels["::warning"]
    assert "table-ragged" in levels["::error"]
