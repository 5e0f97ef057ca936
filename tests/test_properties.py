"""Property tests: the promises wikirel makes, for all inputs hypothesis finds."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wikirel
from conftest import ROOT
from wikirel import strategies as ws

ARTICLES = [p.read_bytes().decode("utf-8") for p in sorted(ROOT.glob("seeds/*.txt"))] + [
    p.read_bytes().decode("utf-8") for p in sorted(ROOT.glob("tests/fixtures/*.txt"))
]
texts = st.one_of(st.text(), ws.markup_soup(), ws.articles(), ws.lark_texts(), ws.mutated(ARTICLES))

# These properties are the fuzz suite too: HYPOTHESIS_PROFILE=fuzz pytest -m fuzz
pytestmark = pytest.mark.fuzz


@given(texts)
# Regressions: inputs that broke a draft of the parser or of a property.
@example("-\n  -")  # an empty item with a nested empty item
@example("|")  # a row that is only its opening pipe
@example("====")  # a heading that is only marks
@example("\ufeff= T =\r\n\r\n| a |b\r\n")  # BOM, CRLF, unclosed row
@example("x\n\n  ")  # blank lines ending the text, the last without a break
def test_every_string_parses_and_round_trips(text: str) -> None:
    assert wikirel.serialize(wikirel.parse(text)) == text


@given(ws.documents())
def test_constructed_documents_parse_back_equal(doc: wikirel.Document) -> None:
    text = wikirel.serialize(doc)
    assert wikirel.parse(text) == doc
    assert wikirel.parse(text).diagnostics == ()


@given(st.one_of(st.text(), ws.markup_soup()), st.one_of(st.text(), ws.markup_soup()))
def test_equal_trees_only_for_equal_texts(a: str, b: str) -> None:
    assert (wikirel.parse(a) == wikirel.parse(b)) == (a == b)


@given(texts)
def test_diagnostics_point_into_the_text_and_strict_raises_exactly_then(text: str) -> None:
    doc = wikirel.parse(text)
    lines = wikirel.positions(doc)
    for diagnostic in doc.diagnostics:
        assert diagnostic.code in wikirel.CODES
        assert 1 <= diagnostic.line <= text.count("\n") + text.count("\r") + 1
        assert 1 <= diagnostic.column <= len(lines.line_text(diagnostic.line)) + 1
    try:
        wikirel.parse(text, strict=True)
    except wikirel.ParseError as error:
        first = doc.diagnostics[0]
        assert (error.line, error.column, error.code) == (first.line, first.column, first.code)
    else:
        assert doc.diagnostics == ()


@given(texts)
def test_every_node_is_located_at_its_own_text(text: str) -> None:
    doc = wikirel.parse(text)
    where = wikirel.positions(doc)
    assert where.text == text
    assert len(where) == sum(1 for _ in wikirel.walk(doc))
    for node in wikirel.walk(doc):
        span = where[node]
        assert span.start.offset <= span.end.offset
        children = [where[child] for child in wikirel.traversal.iter_child_nodes(node)]
        for child in children:  # children lie inside their parent, in order
            assert span.start.offset <= child.start.offset <= child.end.offset <= span.end.offset
        for before, after in itertools.pairwise(children):
            assert before.end.offset <= after.start.offset
        if isinstance(node, (wikirel.Heading, wikirel.InfoboxItem, wikirel.Row, wikirel.Paragraph)):
            # A line node's span is its own serialization, less blank lines
            # before it and its final line break.
            own = text[span.start.offset : span.end.offset]
            alone = wikirel.serialize(node, newline=doc.newline)
            assert own
            assert alone.rstrip("\r\n").endswith(own)


@given(texts)
def test_identity_transformer_keeps_the_text(text: str) -> None:
    doc = wikirel.parse(text)
    assert wikirel.serialize(wikirel.Transformer().visit(doc)) == text


@given(ws.mutated(ARTICLES))
def test_mutated_articles_still_round_trip_and_extract(text: str) -> None:
    doc = wikirel.parse(text)
    assert wikirel.serialize(doc) == text
    wikirel.extract_relation(doc).to_dict()
    assert wikirel.from_json(wikirel.to_json(doc)) == doc


@given(ws.documents())
def test_canonical_form_is_a_fixed_point(doc: wikirel.Document) -> None:
    text = wikirel.serialize(doc)
    assert wikirel.format_text(text) == text


@given(texts)
def test_scan_gives_the_tokens_of_the_lalr_reference(text: str) -> None:
    from wikirel.grammar import lark_parser, scan

    reference = [(token.type, str(token)) for token in lark_parser().parse(text).children]
    assert list(scan(text)) == reference


# Texts rich in what makes formatting ambiguous: level-1 headings, BOMs, blank runs.
edge_texts = st.lists(st.sampled_from([*"=\n \ufeff-|:\r\tax", "Infobox", "= T ="])).map("".join)


@given(st.one_of(texts, edge_texts))
@example("\n= T =\n")  # a level-1 heading after a blank line must not become the title
@example("\n\ufeffx")  # nor a U+FEFF after a blank line the byte order mark
@example("\ufeff\n= T =")
@example("\r")  # canonical form with no line break at all
def test_format_is_idempotent_and_keeps_the_content(text: str) -> None:
    once = wikirel.format_text(text)
    assert wikirel.format_text(once) == once
    assert wikirel.formatting.same_content(wikirel.parse(once), wikirel.parse(text))


@given(texts)
def test_repr_evaluates_back_to_an_equal_tree_with_an_equal_hash(text: str) -> None:
    doc = wikirel.parse(text)
    again = eval(repr(doc), vars(wikirel))  # attrs' repr format, written by Node.__repr__
    assert again == doc and hash(again) == hash(doc)
