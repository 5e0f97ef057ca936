"""The line-level grammar is the reference: ``reference_parse`` builds, from
``grammar/wikirel-lines.lark`` alone, the tree ``parse`` builds by splitting
lines in Python, for every kind of input and for each dialect."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lark import Lark

import wikirel
import wikirel.markup.numbered
from conftest import ROOT
from test_cases import CASES
from test_hostile import HOSTILE
from wikirel import strategies as ws
from wikirel.grammar import compose_lines, lines_grammar_text
from wikirel.reference import _EndOfText, lines_lark, reference_parse, supports

NUMBERED = wikirel.Dialect(["numbered"])
ARTICLES = [p.read_bytes().decode("utf-8") for p in sorted(ROOT.glob("seeds/*.txt"))] + [
    p.read_bytes().decode("utf-8") for p in sorted(ROOT.glob("tests/fixtures/*.txt"))
]
# The reference parse is slow (benchmarks/reference.py): a bounded number of
# examples keeps each property well under a minute on a loaded machine.
BOUNDED = settings(max_examples=200)


def _shape(unit: str, count: int) -> str:
    return unit * count


# The hostile shapes of test_hostile.py, small: runs of one markup piece.
hostile_shapes = st.builds(
    _shape,
    st.sampled_from(["=", "|", "- ", "-", "\r", "\n", "\r\n", " ", "\t", "\ufeff", ":", "| a ", "== h =="]),
    st.integers(0, 200),
) | st.builds(
    lambda depth, step: "".join(step * i + "- x\n" for i in range(depth)),
    st.integers(1, 60),
    st.sampled_from([" ", "\t", "  "]),
)
texts = st.one_of(
    st.text(), ws.markup_soup(), ws.articles(), ws.lark_texts(), ws.mutated(ARTICLES), hostile_shapes
)

_NUMBERED_PIECES = ["1.", "1. ", "2)", " 3. ", "007)", "10.", "1234567890.", "-", "- ", "|", "=", "Infobox"]
numbered_soup = st.lists(
    st.one_of(st.sampled_from([*_NUMBERED_PIECES, "\n", "\r\n", "\r", " ", "\t"]), st.text(max_size=3)),
    max_size=40,
).map("".join)


# Edge cases, each named; with the case files they use every terminal of
# the line grammar (test_the_examples_use_every_terminal).
EXAMPLES = [
    "",
    "\ufeff",
    "\ufeff\ufeffx",  # a second U+FEFF is text
    "== = ==",  # an `=` that is the text
    "== a= ",  # an `=` that closes
    "|",
    "||",
    "| a | ",
    "Infobox\n- : v\n-  k :  v: w \n- k\n- ",
    "x\n\n  ",
    "- \udfff\n| \ud800 |",  # lone surrogates are characters too
    "\x0b\x0c\x85\u2028= x =\u2029",  # not line breaks here
]


def _examples(test: Callable[[str], None]) -> Callable[[str], None]:
    for text in reversed(EXAMPLES):
        test = example(text)(test)
    return test


@BOUNDED
@given(texts)
@_examples
def test_reference_parse_equals_parse(text: str) -> None:
    assert reference_parse(text) == wikirel.parse(text)


@BOUNDED
@given(st.one_of(numbered_soup, ws.markup_soup(), ws.articles(dialect=NUMBERED), ws.lark_texts(NUMBERED)))
@example("1.\n 2)\t\n")
@example("Infobox\n1. a\n- b")  # a numbered line ends an infobox
def test_reference_parse_equals_parse_for_the_numbered_dialect(text: str) -> None:
    assert reference_parse(text, dialect=NUMBERED) == wikirel.parse(text, dialect=NUMBERED)


# Every case of tests/cases/ runs through both parsers in test_cases.test_case.


@pytest.mark.parametrize(
    "name",
    [
        "list nested 3 000 deep by indentation",
        "sections nested 1 400 deep",
        "1 MB heading line",
        "50 000 list markers on one line",
        "100 000 = in a row",
    ],
)
def test_reference_parse_equals_parse_on_hostile_input(name: str) -> None:
    # Deep nesting is built with explicit stacks: no RecursionError.
    text = HOSTILE[name]
    assert reference_parse(text) == wikirel.parse(text)


def test_every_part_of_a_line_is_a_token_of_the_grammar() -> None:
    lines = lines_lark().parse("== a = b ==  \nInfobox\n- Key : v: w\n|x| y \n")
    heading, infobox, row = lines  # type: ignore[misc]
    assert heading.parts == {
        "HEADING_MARKS": "==",
        "SPACE_BEFORE": " ",
        "HEADING_TEXT": "a = b",
        "SPACE_AFTER": " ",
        "CLOSING_MARKS": "==",
        "TRAILING": "  ",
    }
    (item,) = infobox.inner
    assert item.parts == {
        "MARKER": "-",
        "GAP": " ",
        "KEY": "Key",
        "KEY_SPACE": " ",
        "COLON": ":",
        "VALUE_SPACE": " ",
        "VALUE": "v: w",
    }
    # No closing pipe: the spaces after the last cell are the row's trailing.
    assert [(cell.left, cell.text, cell.right) for cell in row.inner] == [("", "x", ""), (" ", "y", "")]
    assert "CLOSING_PIPE" not in row.parts and row.parts["TRAILING"] == " " and row.eol == "\n"


@pytest.mark.parametrize("dialect", [wikirel.dialect.DEFAULT, NUMBERED], ids=["default", "numbered"])
def test_the_line_grammar_has_no_lalr_conflicts(
    dialect: wikirel.Dialect, caplog: pytest.LogCaptureFixture
) -> None:
    # Lark resolves a shift/reduce conflict silently, as a shift; with
    # debug=True it logs it. The grammar must need no such resolution.
    grammar = compose_lines([(c.line_grammar, c.line_start or "") for c in dialect.extensions])
    lark_logger = logging.getLogger("lark")
    level = lark_logger.level
    lark_logger.setLevel(logging.DEBUG)
    try:
        with caplog.at_level(logging.DEBUG, logger="lark"):
            Lark(grammar, parser="lalr", lexer="contextual", debug=True)
    finally:
        lark_logger.setLevel(level)
    assert not [r.getMessage() for r in caplog.records if "conflict" in r.getMessage().lower()]


def test_a_dialect_without_line_grammar_is_refused() -> None:
    from test_dialect import QUOTE

    dialect = wikirel.Dialect([QUOTE])
    assert not supports(dialect) and supports(NUMBERED)
    with pytest.raises(ValueError, match=r"no line grammar for construct\(s\) \['quote'\]"):
        reference_parse("> a", dialect=dialect)


def test_reference_parse_refuses_bytes() -> None:
    with pytest.raises(TypeError, match="takes a str"):
        reference_parse(b"x")  # type: ignore[arg-type]


def test_the_examples_use_every_terminal() -> None:
    grammar = compose_lines([(c.line_grammar, c.line_start or "") for c in NUMBERED.extensions])
    parser = _plain_lark(grammar)
    used: set[str] = set()
    for text in [*EXAMPLES, *(case.text for case in CASES)]:
        used |= {token.type for token in parser.parse_interactive(text).iter_parse()}
    terminals = {t.name for t in parser.terminals if not t.name.startswith("_")} | {"END_OF_TEXT"}
    assert terminals - used == set()


def test_the_python_line_rule_is_the_grammars() -> None:
    # wikirel._text's line breaks and layout white space, as the grammar says them.
    from wikirel._text import BREAK, WHITESPACE

    grammar = lines_grammar_text()
    assert f"EOL: /{BREAK.pattern}/" in grammar
    assert WHITESPACE == " \t" and "TRAILING: /[ \\t]++(?=[\\r\\n]|\\Z)/" in grammar


def test_the_line_grammar_is_shipped_beside_the_block_grammar() -> None:
    assert lines_grammar_text() == (ROOT / "grammar" / "wikirel-lines.lark").read_text(encoding="utf-8")


_MARK = re.compile(r"^// <(/?)([\w-]+)>$", re.MULTILINE)
_INCLUDE = re.compile(
    r'```\{literalinclude\} \.\./([\w/.-]+)\n(?:[^`]*?)start-after: "// <([\w-]+)>"', re.DOTALL
)


def _sections(text: str) -> dict[str, str]:
    """The text between each ``// <name>`` and ``// </name>`` marker."""
    found: dict[str, str] = {}
    for opening in _MARK.finditer(text):
        if not opening.group(1):
            name = opening.group(2)
            closing = text.index(f"// </{name}>", opening.end())
            found[name] = text[opening.end() : closing]
    return found


def test_the_format_reference_quotes_every_rule_of_the_line_grammar() -> None:
    # docs/format.md includes the grammar's sections next to its prose; every
    # rule and terminal lies in a section, and every section is included.
    grammar = lines_grammar_text()
    sections = _sections(grammar)
    outside = _MARK.sub("", grammar)
    for body in sections.values():
        outside = outside.replace(body, "")
    definitions = re.findall(r"^[\w.]+:", outside, re.MULTILINE)
    assert definitions == [], "rules outside any // <section> of wikirel-lines.lark"
    numbered = _sections(wikirel.markup.numbered.LINE_GRAMMAR)
    reference = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    included = {(path, name) for path, name in _INCLUDE.findall(reference)}
    assert {("grammar/wikirel-lines.lark", name) for name in sections} | {
        ("src/wikirel/markup/numbered.py", name) for name in numbered
    } | {("grammar/wikirel.lark", "blocks")} == included


# Where two terminals of one lexer state can match the same text, the lexer
# chooses by priority; the grammar says these are the only such pairs.
_CHOSEN_BY_PRIORITY = [{"BOM", "TEXT_LINE"}, {"TITLE_MARK", "HEADING_MARKS"}]


@functools.cache
def _plain_lark(grammar: str) -> Lark:
    """The line grammar's parser without the transformer: tokens with positions."""
    return Lark(grammar, parser="lalr", lexer="contextual", postlex=_EndOfText())


@pytest.mark.parametrize("dialect", [wikirel.dialect.DEFAULT, NUMBERED], ids=["default", "numbered"])
@settings(max_examples=100)
@given(text=st.one_of(texts, numbered_soup))
def test_at_each_point_one_terminal_matches(dialect: wikirel.Dialect, text: str) -> None:
    # The terminals the parser can take next (the contextual lexer's choice)
    # are told apart by the text: exactly one matches where a token starts.
    parser = _plain_lark(compose_lines([(c.line_grammar, c.line_start or "") for c in dialect.extensions]))
    patterns = {t.name: re.compile(t.pattern.to_regexp()) for t in parser.terminals}
    interactive = parser.parse_interactive(text)
    for token in interactive.iter_parse():
        if token.type == "END_OF_TEXT":
            continue
        matching = {
            name
            for name in interactive.choices()
            if name in patterns and patterns[name].match(text, token.start_pos)
        }
        assert token.type in matching
        assert len(matching) == 1 or matching in _CHOSEN_BY_PRIORITY, (token.start_pos, matching)


def test_the_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks.reference import main

    assert main(["--quick"]) == 0
    assert "reference.reference_parse" in capsys.readouterr().out
