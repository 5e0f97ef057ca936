"""The canonical form follows the samples: heading spacing as each heading is written (issue 16)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikirel
from conftest import ROOT
from test_properties import texts
from wikirel.formatting import HEADING_STYLES, HeadingStyle


def _wikirel(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wikirel", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


@pytest.mark.parametrize("name", sorted(wikirel.resources.samples()))
def test_every_bundled_sample_is_canonical(name: str) -> None:
    text = wikirel.resources.samples()[name]
    assert "==History" in text or "==Tajiks in Pakistan==" in text  # tight headings ...
    assert "\n== See also ==\n" in text or "\n== High-level visits ==\n" in text  # ... and spaced ones
    assert wikirel.format_text(text) == text


def test_fmt_check_passes_on_the_seeds_folder() -> None:
    result = _wikirel("fmt", "--check", "seeds/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 files would be reformatted, 2 would be left unchanged" in result.stderr


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("==A==\nx\n", "==A==\nx\n"),  # tight: kept
        ("== A ==\nx\n", "== A ==\nx\n"),  # spaced: kept
        ("==A ==\nx\n", "== A ==\nx\n"),  # anything else is written spaced
        ("==  A==\nx\n", "== A ==\nx\n"),
        ("==\tA\t==\nx\n", "== A ==\nx\n"),
        ("==A===  \nx\n", "==A==\nx\n"),  # closing marks and trailing space are layout, as before
        ("=T=\n\n==A==\n\nx\n", "=T=\n\n==A==\n\nx\n"),  # the title too; one blank line after a heading kept
        ("==A==\n\n\n \nx\n", "==A==\n\nx\n"),  # blank lines after a heading: at most one
        ("==A==\r\n \r\nx\r\n", "==A==\r\n\r\nx\r\n"),  # in the document's line break
        ("== A ==\n\n=== B ===\n\n\ny\n", "== A ==\n\n=== B ===\n\ny\n"),
        ("x\n\n\ny\n", "x\n\ny\n"),  # between blocks: one blank line, as before
        ("====\n", "====  ====\n"),  # an empty heading cannot be tight: `========` is level 8
    ],
)
def test_preserve_keeps_each_headings_regular_spacing(text: str, canonical: str) -> None:
    assert wikirel.format_text(text) == canonical
    assert wikirel.format_text(canonical) == canonical


def test_spaced_and_tight_write_every_heading_one_way() -> None:
    text = "=T=\n\n==A==\n\nx\n\n== B ==\ny\n"
    assert wikirel.format_text(text, heading_style="spaced") == "= T =\n\n== A ==\nx\n\n== B ==\ny\n"
    assert wikirel.format_text(text, heading_style="tight") == "=T=\n\n==A==\nx\n\n==B==\ny\n"
    # Text that starts or ends with `=` would read back as another level when tight.
    assert wikirel.format_text("== =a= ==\n", heading_style="tight") == "== =a= ==\n"
    with pytest.raises(ValueError, match="heading_style must be one of"):
        wikirel.format_text(text, heading_style="wide")  # type: ignore[arg-type]


def test_normalize_keeps_the_type_and_the_first_blank_of_a_section_root() -> None:
    doc = wikirel.parse("==A==\n\nx\n\n\ny\n")
    section = wikirel.normalize(doc.sections[0])
    assert isinstance(section, wikirel.Section)
    assert wikirel.serialize(section) == "==A==\n\nx\n\ny\n"
    assert wikirel.formatting.same_content(doc, wikirel.parse("== A ==\nx\n\ny\n"))  # layout only


@settings(max_examples=60)
@given(texts, st.sampled_from(HEADING_STYLES))
def test_every_style_is_idempotent_and_keeps_the_content(text: str, style: HeadingStyle) -> None:
    once = wikirel.format_text(text, heading_style=style)
    assert wikirel.format_text(once, heading_style=style) == once
    assert wikirel.formatting.same_content(wikirel.parse(once), wikirel.parse(text))


def test_tool_wikirel_heading_style_and_the_command_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("==A==\nx\n\n== B ==\ny\n")
    assert _wikirel("fmt", "--check", "a.txt", cwd=tmp_path).returncode == 0
    (tmp_path / "pyproject.toml").write_text('[tool.wikirel]\nheading-style = "tight"\n')
    assert _wikirel("fmt", "--check", "a.txt", cwd=tmp_path).returncode == 1
    assert _wikirel("fmt", "a.txt", cwd=tmp_path).returncode == 0
    assert article.read_text() == "==A==\nx\n\n==B==\ny\n"
    assert _wikirel("fmt", "--heading-style", "spaced", "a.txt", cwd=tmp_path).returncode == 0
    assert article.read_text() == "== A ==\nx\n\n== B ==\ny\n"  # the command line wins
    (tmp_path / "pyproject.toml").write_text('[tool.wikirel]\nheading-style = "wide"\n')
    bad = _wikirel("fmt", "a.txt", cwd=tmp_path)
    assert bad.returncode == 2 and "heading-style = 'wide': expected 'preserve' or 'spaced'" in bad.stderr
