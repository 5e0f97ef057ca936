"""The language server's text model: LSP positions and incremental edits (no server process)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from wikirel.lsp._document import Text, units

TEXT = st.text(alphabet=st.sampled_from(["a", "\r", "\n", "😀", "\u2028", " "]), max_size=30)


@given(TEXT, st.data())
def test_replace_keeps_line_starts_right(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    new = data.draw(TEXT)
    edited = Text(text).replace(start, end, new)
    assert edited.text == text[:start] + new + text[end:]
    assert edited.starts == Text(edited.text).starts


@given(TEXT)
def test_offsets_and_positions_agree(text: str) -> None:
    lines = re.split(r"\r\n|\r|\n", text)
    model = Text(text)
    assert len(model.starts) == len(lines)  # U+2028 breaks no line: LSP's rule, not splitlines'
    for offset in range(len(text) + 1):
        line, character = model.position(offset)
        if text[offset - 1 : offset + 1] != "\r\n":  # the middle of a CRLF is no position
            assert model.offset(line, character) == offset
        assert character == units(text[model.starts[line] : offset], "utf-16")


def test_units_of_an_astral_character() -> None:
    assert [units("😀", encoding) for encoding in ("utf-8", "utf-16", "utf-32")] == [4, 2, 1]
    assert units("\ud800", "utf-16") == 1  # a lone surrogate, as JSON can carry one
    text = Text("a😀b\n😀")
    assert text.position(2) == (0, 3) and text.offset(0, 3) == 2
    assert Text("a😀b", "utf-8").offset(0, 5) == 2 and Text("a😀b", "utf-32").position(2) == (0, 2)
