"""grammar/wikirel.lark writes each line start once in its line class; _NOT_ANOTHER_CLASS agrees.

Lark cannot look ahead for a terminal, so the text line's negative lookahead
repeats the line classes' starts as one regular expression; these tests hold
it to them, on every line built from the characters that decide a line's class.
"""

from __future__ import annotations

import functools
import itertools
import re

from lark import Lark

from wikirel.grammar import grammar_text, lines_grammar_text

LINE_CLASSES = ("HEADING_LINE", "INFOBOX_LINE", "BULLET_LINE", "ROW_LINE")
# The pieces a line's class can depend on: marks, white space, the infobox word, breaks.
PIECES = ("=", "|", "-", " ", "\t", "Infobox", "x", "\n", "\r")


@functools.cache
def _terminals() -> dict[str, re.Pattern[str]]:
    """The line terminals of wikirel.lark, compiled as Lark compiles them."""
    probe = f"\nprobe: {' | '.join((*LINE_CLASSES, 'TEXT_LINE'))}\n"
    parser = Lark(grammar_text() + probe, parser="lalr", lexer="contextual", start=["start", "probe"])
    return {
        name: re.compile(parser.get_terminal(name).pattern.to_regexp())
        for name in (*LINE_CLASSES, "TEXT_LINE", "TITLE")
    }


def _lines() -> list[str]:
    return ["".join(parts) for size in range(1, 5) for parts in itertools.product(PIECES, repeat=size)]


def _blank(text: str) -> bool:
    """The first line of ``text`` holds nothing but spaces and tabs."""
    return re.match(r"[ \t]*(?:[\r\n]|\Z)", text) is not None


def test_a_text_line_is_exactly_a_line_of_no_other_class() -> None:
    terminals = _terminals()
    wrong = []
    for text in _lines():
        other = [name for name in LINE_CLASSES if terminals[name].match(text)]
        is_text = terminals["TEXT_LINE"].match(text) is not None
        if is_text == bool(other or _blank(text)):
            wrong.append((text, other, is_text))
    assert wrong == []


def test_every_line_has_one_class_and_the_title_is_a_heading_line() -> None:
    terminals = _terminals()
    for text in _lines():
        if _blank(text):
            continue
        classes = [name for name in (*LINE_CLASSES, "TEXT_LINE") if terminals[name].match(text)]
        assert len(classes) == 1, (text, classes)
        if terminals["TITLE"].match(text):
            assert classes == ["HEADING_LINE"]


def test_the_line_grammar_excludes_the_same_starts() -> None:
    rule = re.compile(r"^_NOT_ANOTHER_CLASS: .*$", re.MULTILINE)
    assert rule.findall(grammar_text()) == rule.findall(lines_grammar_text())
    assert len(rule.findall(grammar_text())) == 1


def test_each_construct_module_heads_its_terminals() -> None:
    # Under "// ---- markup/<module>.py": the module's line class and block terminal.
    groups = re.split(r"^// ---- (markup/\w+\.py)$", grammar_text(), flags=re.MULTILINE)
    defined = {
        module: re.findall(r"^(\w+)(?:\.\d+)?:", body, re.MULTILINE)
        for module, body in zip(groups[1::2], groups[2::2], strict=True)
    }
    assert defined == {
        "markup/heading.py": ["TITLE", "HEADING_LINE", "HEADING"],
        "markup/infobox.py": ["INFOBOX_LINE", "INFOBOX"],
        "markup/bullets.py": ["BULLET_LINE", "BULLET_LIST"],
        "markup/table.py": ["ROW_LINE", "TABLE"],
        "markup/paragraph.py": ["_NOT_ANOTHER_CLASS", "_LINE_CONTENT", "TEXT_LINE", "PARAGRAPH"],
        "markup/document.py": ["BLANK_LINES"],
    }
