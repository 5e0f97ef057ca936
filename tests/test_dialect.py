"""Dialects: the default constructs plus extensions, through the public API only.

``numbered`` ships with wikirel (off by default); ``QUOTE`` is written as a
user would write one, outside wikirel: docs/examples/quote.py, which
docs/extending.md shows and CI type-checks with ``mypy --strict``.
"""

from __future__ import annotations

import pickle
import random
from concurrent.futures import ThreadPoolExecutor

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from quote import QUOTE, Quote, read_quote, write_quote

import wikirel
from conftest import ROOT
from wikirel import Dialect
from wikirel import strategies as ws
from wikirel.construct import Construct, Lines, NodeRole, ReadContext, WriteContext, role_of
from wikirel.dialect import BUILTIN
from wikirel.harness import HarnessFailure, check_construct, check_text
from wikirel.markup.numbered import NumberedItem, NumberedList
from wikirel.parser import reference_parse

NUMBERED = Dialect(["numbered"])


def parse(text: str, dialect: Dialect = NUMBERED) -> wikirel.Document:
    doc = wikirel.parse(text, dialect=dialect)
    assert wikirel.serialize(doc) == text
    return doc


# -- numbered lists --------------------------------------------------------------


def test_numbered_lists_are_off_by_default() -> None:
    doc = parse("1. one\n2. two\n", wikirel.dialect.DEFAULT)
    assert [type(block).__name__ for block in doc.blocks] == ["Paragraph"]


def test_numbered_items_nest_by_indentation_and_keep_their_layout() -> None:
    doc = parse("1. one\n  2) two\n    007. deep\n3.\n")
    (numbered,) = doc.blocks
    assert isinstance(numbered, NumberedList)
    one, three = numbered.items
    assert (one.number, one.text, three.number, three.text) == (1, "one", 3, "")
    assert one.children is not None
    (two,) = one.children.items
    assert (two.number, two.delimiter, two.text) == (2, ")", "two")
    assert two.children is not None
    (deep,) = two.children.items
    assert (deep.number, deep.digits, deep.text) == (7, "007", "deep")


@pytest.mark.parametrize("line", ["1.5 million", "10.x", "1234567890. ten digits", "-1. minus", "1.item"])
def test_lines_that_only_look_numbered_are_text(line: str) -> None:
    (block,) = parse(line + "\n").blocks
    assert isinstance(block, wikirel.Paragraph)


def test_a_numbered_line_ends_a_paragraph_and_a_blank_line_ends_a_list() -> None:
    doc = parse("Steps:\n1. a\n\n2. b\n- c\n")
    assert [type(b).__name__ for b in doc.blocks] == [
        "Paragraph",
        "NumberedList",
        "NumberedList",
        "BulletList",
    ]


def test_numbered_indentation_is_diagnosed_like_bullets() -> None:
    doc = parse("1. a\n    2. deep\n  3. between\n")
    assert [(d.line, d.column, d.code) for d in doc.diagnostics] == [(3, 3, "numbered-indentation")]
    assert "numbered-indentation" in NUMBERED.codes
    assert "numbered-indentation" not in wikirel.CODES


def test_numbered_trees_keep_every_promise() -> None:
    text = "= T =\n\nInfobox\n- A: b\n\n1. a\n  1. b\n\n== H ==\n2) c\r\n"
    doc = check_text(text, NUMBERED)
    assert wikirel.from_json(wikirel.to_json(doc), dialect=NUMBERED) == doc
    with pytest.raises(wikirel.JSONImportError, match="unknown node type 'NumberedList'"):
        wikirel.from_json(wikirel.to_json(doc))  # the default dialect has no numbered lists
    assert pickle.loads(pickle.dumps(doc)) == doc
    canonical = wikirel.format_text("1)   a\n   2. b\n", dialect=NUMBERED)
    assert canonical == "1. a\n  2. b\n"


def test_a_transformer_drops_a_numbered_list_left_empty() -> None:
    class DropAll(wikirel.Transformer):
        def visit_NumberedItem(self, node: NumberedItem) -> object:
            return wikirel.REMOVE

    doc = DropAll().visit(parse("1. a\n\nText\n"))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph"]


# -- scan against Lark, per dialect -----------------------------------------------------

_PIECES = [
    "1.",
    "1. ",
    "2)",
    " 3. ",
    "10.",
    "1234567890.",
    "-",
    "- ",
    "|",
    "=",
    "Infobox",
    "\n",
    "\r\n",
    "\r",
    " ",
]
_soup = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40).map("".join)


@given(
    st.one_of(
        st.text(),
        _soup,
        ws.markup_soup(),
        ws.articles(dialect=NUMBERED),
        ws.lark_texts(NUMBERED),
    )
)
@example("1.\n 2)\t\n")
@example("\n\n1. x")
def test_scan_equals_larks_parser_for_the_numbered_dialect(text: str) -> None:
    lark_tokens = [(t.type, str(t)) for t in NUMBERED.lark().parse(text).children]  # type: ignore[union-attr]
    assert list(NUMBERED.scan(text)) == lark_tokens
    doc = parse(text)
    assert reference_parse(text, dialect=NUMBERED) == doc


@given(ws.documents(dialect=NUMBERED))
def test_constructed_numbered_documents_parse_back_equal(doc: wikirel.Document) -> None:
    text = wikirel.serialize(doc)
    assert wikirel.parse(text, dialect=NUMBERED) == doc
    assert doc.diagnostics == ()


# -- the harness, for every construct ---------------------------------------------------

_EXAMPLES = [
    "= T =\n\nInfobox\n- Envoy1: A\n- envoy_1: B\n\nLead.\n\n== H =\n- a\n    - b\n  - c\n\n| x | y\n| 1 |\n",
    "\ufeff\r\n== A ==\r\n=== B ===\r\ntext  \r\n",
]


@pytest.mark.parametrize("construct", BUILTIN, ids=[c.name for c in BUILTIN])
def test_every_builtin_construct_passes_the_harness(construct: Construct) -> None:
    check_construct(construct, wikirel.dialect.DEFAULT, examples=_EXAMPLES, generated=40)


def test_numbered_passes_the_harness() -> None:
    (construct,) = NUMBERED.extensions
    check_construct(construct, NUMBERED, examples=[*_EXAMPLES, "1. a\n  2) b\n 3. c\n\n10.x\n"], generated=40)


# -- an extension written outside wikirel ------------------------------------------------


def test_a_users_extension_keeps_every_promise() -> None:
    dialect = Dialect([QUOTE, "numbered"])
    doc = parse("Text\n> quoted\n>more\n1. n\n", dialect)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Quote", "NumberedList"]
    check_construct(QUOTE, dialect, examples=["> a\r\n\n>b\n", "x\n>\n"], generated=30)
    assert "QUOTE" in dialect.grammar and "%extend _block: QUOTE" in dialect.grammar


def test_a_users_extension_is_an_outside_module_with_public_imports_only() -> None:
    assert QUOTE.block.__module__ == "quote"
    assert role_of(Quote) == (QUOTE, QUOTE.nodes[0])
    source = (ROOT / "docs" / "examples" / "quote.py").read_text(encoding="utf-8")
    assert "type: ignore" not in source  # CI runs mypy --strict on it
    assert "wikirel._" not in source and "import _" not in source


def test_the_harness_catches_a_writer_that_loses_text() -> None:
    def lossy(out: WriteContext, quote: Quote, depth: int) -> None:
        for index, line in enumerate(quote.lines):  # trailing spaces only: Dialect's smoke test passes
            out.line(">" + line.rstrip(), None if quote.eols is None else quote.eols[index])

    @attrs.frozen(eq=False, repr=False)
    class LossyQuote(Quote):
        pass

    broken = attrs.evolve(
        QUOTE,
        name="lossy",
        terminal="LOSSY",
        grammar="LOSSY_LINE: />/ _REST _EOL\nLOSSY.2: _BLANK_RUN? LOSSY_LINE+",
        read=lambda ctx, lines, blanks: LossyQuote(
            **attrs.asdict(read_quote(ctx, lines, blanks), recurse=False)
        ),
        nodes=(NodeRole(cls=LossyQuote, write=lossy, summary=repr),),
    )
    with pytest.raises(HarnessFailure, match=r"serialize\(parse\(text\)\) != text"):
        check_construct(broken, Dialect([broken]), examples=["> spaced \n"], generated=0)


def test_dialects_refuse_what_would_break_a_promise() -> None:
    with pytest.raises(ValueError, match="unknown construct 'nope'"):
        Dialect(["nope"])
    with pytest.raises(ValueError, match="needs grammar, line_start"):
        Dialect([attrs.evolve(QUOTE, name="bare", terminal="BARE", grammar="", line_start=None)])
    with pytest.raises(ValueError, match="terminal TABLE is taken"):
        Dialect([attrs.evolve(QUOTE, name="clash", terminal="TABLE")])
    with pytest.raises(ValueError, match="a node class Quote exists"):
        Dialect([QUOTE, attrs.evolve(QUOTE, name="again", terminal="AGAIN")])
    with pytest.raises(ValueError, match="cannot contain '/'"):
        Dialect([_variant("slash", line_start="/")])
    with pytest.raises(ValueError, match=r"grammar of \['broken'\] does not build"):
        Dialect([_variant("broken", grammar="BROKEN: (")])
    with pytest.raises(ValueError, match="Quote belongs to construct 'quote' already, not to 'thief'"):
        Dialect([attrs.evolve(QUOTE, name="thief", terminal="THIEF", grammar="THIEF.2: />x/ _EOL")])
    assert role_of(Quote) == (QUOTE, QUOTE.nodes[0])  # the thief took nothing


def test_a_node_no_dialect_knows_cannot_be_serialized() -> None:
    @attrs.frozen(eq=False, repr=False)
    class Stranger(wikirel.Node):
        blank_before: None = None

    with pytest.raises(wikirel.SerializeError, match="no construct writes a Stranger"):
        wikirel.serialize(wikirel.Document(None, [Stranger()]))  # type: ignore[list-item]


def test_subclasses_of_node_classes_walk_write_and_outline() -> None:
    @attrs.frozen(eq=False, repr=False)
    class Chapter(wikirel.Section):
        pass

    @attrs.frozen(eq=False, repr=False)
    class Caption(wikirel.Paragraph):
        pass

    doc = wikirel.Document(None, [], [Chapter(wikirel.Heading(2, "A"), [Caption("x")])])
    assert wikirel.serialize(doc) == "== A ==\nx\n"
    assert [type(n).__name__ for n in wikirel.walk(doc)] == ["Document", "Chapter", "Heading", "Caption"]
    assert wikirel.positions(doc)[doc.sections[0].blocks[0]].start.line == 2
    found = role_of(Caption)
    assert found is not None and found[1].summary(Caption("x")) == "Paragraph 'x'"


def test_a_subclass_written_as_its_base_can_get_a_construct_of_its_own() -> None:
    @attrs.frozen(eq=False, repr=False)
    class Aside(Quote):
        pass

    doc = wikirel.Document(None, [Aside(["note"])])
    assert wikirel.serialize(doc) == ">note\n"  # Aside is written as a Quote

    def exclaim(out: WriteContext, aside: Aside, depth: int) -> None:
        for index, line in enumerate(aside.lines):
            out.line("!" + line, None if aside.eols is None else aside.eols[index])

    aside_construct = attrs.evolve(
        QUOTE,
        name="aside",
        terminal="ASIDE",
        read=lambda ctx, lines, blanks: Aside(**attrs.asdict(read_quote(ctx, lines, blanks), recurse=False)),
        grammar="ASIDE_LINE: /!/ _REST _EOL\nASIDE.2: _BLANK_RUN? ASIDE_LINE+",
        line_start="!",
        nodes=(NodeRole(cls=Aside, write=exclaim, summary=repr),),
    )
    # Defined, the construct gives Aside a writer of its own, and the serializer follows;
    # no dialect needs making, and Quote keeps its construct.
    assert wikirel.serialize(doc) == "!note\n"
    assert role_of(Aside) == (aside_construct, aside_construct.nodes[0])
    assert role_of(Quote) == (QUOTE, QUOTE.nodes[0])
    assert wikirel.parse("!note\n", dialect=Dialect([QUOTE, aside_construct])) == doc


# -- a Dialect is checked when it is made, and names the extension ----------------------


def _variant(name: str, /, **changes: object) -> Construct:
    """QUOTE with a node class of its own (no other construct declares it), changed."""
    cls = attrs.frozen(eq=False, repr=False)(type(name.title(), (Quote,), {}))

    def read(ctx: ReadContext, lines: Lines, blanks: tuple[str, ...] | None) -> Quote:
        quote: Quote = cls(**attrs.asdict(read_quote(ctx, lines, blanks), recurse=False))
        return quote

    terminal = name.upper()
    fields: dict[str, object] = {
        "name": name,
        "terminal": terminal,
        "read": read,
        "grammar": f"{terminal}_LINE: />/ _REST _EOL\n{terminal}.2: _BLANK_RUN? {terminal}_LINE+",
        "nodes": (NodeRole(cls=cls, write=write_quote, summary=repr),),
    }
    fields.update(changes)
    return attrs.evolve(QUOTE, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"line_start": ">|<"}, r"extension \['broad'\]: parse\('<\\n'\) fails: InternalError"),
        ({"terminal": "broad"}, "'broad' is not a Lark terminal name"),
        ({"terminal": "_BROAD"}, "'_BROAD' is not a Lark terminal name"),
        (
            {"grammar": "BROAD.2: />/ _REST _EOL\n%override TEXT_LINE: /x/ _EOL"},
            "its grammar may only define terminals, not use %override",
        ),
        ({"grammar": "BROAD.2: />/ _REST _EOL\n%override start: BROAD*"}, "not use %override"),
        ({"grammar": "BROAD.2: />/ _REST _EOL\n%ignore BROAD"}, "not use %ignore"),
        ({"line_start": ">)|(x"}, "line_start is not a regular expression on its own"),
        ({"grammar": "BROAD.2: _BLANK_RUN? />/"}, "does not end at a line break"),
        ({"read": lambda ctx, lines, blanks: None}, r"read returned None, not a Broad"),
        (
            {"grammar": "BROAD_LINE: /[>-]/ _REST _EOL\nBROAD.3: BROAD_LINE+"},
            "take the built-in line '- item",
        ),
        ({"grammar": "OTHER: />/ _REST _EOL"}, r"grammar of \['broad'\] does not build: Rule 'BROAD'"),
    ],
    ids=[
        "line start broader than terminal",
        "lower-case terminal",
        "underscore terminal",
        "override a base terminal",
        "override start",
        "ignore",
        "unbalanced line start",
        "terminal without line break",
        "read returns None",
        "takes bullet lines",
        "terminal not defined",
    ],
)
def test_dialect_refuses_an_extension_that_would_break_parse_naming_it(
    changes: dict[str, object], message: str
) -> None:
    broken = _variant("broad", **changes)
    with pytest.raises(ValueError, match=message) as error:
        Dialect([broken])
    assert "broad" in str(error.value)


def test_a_construct_owns_the_node_classes_it_declares_first() -> None:
    first = _variant("first")
    rival = attrs.evolve(
        first, name="rival", terminal="RIVAL", grammar=first.grammar.replace("FIRST", "RIVAL")
    )  # would write First nodes with first's writer: refused
    with pytest.raises(ValueError, match="First belongs to construct 'first' already, not to 'rival'"):
        Dialect([rival])
    with pytest.raises(ValueError, match="a node class First exists"):
        Dialect([first, _variant("thief", nodes=first.nodes)])
    dialect = Dialect([attrs.evolve(first)])  # an equal construct is the same construct
    assert isinstance(parse("> a\n", dialect).blocks[0], first.block)
    assert role_of(first.block) == (first, first.nodes[0])


@pytest.mark.parametrize(
    ("extensions", "names"),
    [
        (["numbered", "numbered"], ["numbered"]),
        (["numbered", wikirel.dialect.OPTIONAL["numbered"]], ["numbered"]),
        ([QUOTE, "numbered", QUOTE], ["quote", "numbered"]),
    ],
)
def test_an_extension_named_twice_counts_once(extensions: list[Construct | str], names: list[str]) -> None:
    dialect = Dialect(extensions)
    assert [c.name for c in dialect.extensions] == names
    doc = parse("1. one\n> q\n" if "quote" in names else "1. one\n", dialect)
    assert isinstance(doc.blocks[0], NumberedList)


# -- dialects share nothing ----------------------------------------------------------------

_LINES = [
    "= T =",
    "== H ==",
    "=== Sub ==",
    "Infobox",
    "- Envoy1: A",
    "- k: v",
    "Text here.",
    "In 1999 an embassy opened.",
    "- item",
    "   - nested",
    "| a | b |",
    "| 1 |",
    "> quoted",
    "! aside",
    "1. one",
    "  2) two",
    "",
    " \t",
]


def _observe(text: str) -> tuple[object, ...]:
    """What the default dialect makes of ``text``: tree, text, JSON and back, diagnostics."""
    doc = wikirel.parse(text)
    data = wikirel.to_json(doc)
    return repr(doc), wikirel.serialize(doc), data, repr(wikirel.from_json(data)), doc.diagnostics


def test_making_dialects_changes_nothing_for_the_rest_of_the_process() -> None:
    rng = random.Random(18)
    generated = [
        "".join(rng.choice(_LINES) + rng.choice(["\n", "\n", "\r\n"]) for _ in range(rng.randint(1, 12)))
        for _ in range(60)
    ]
    texts = [*wikirel.resources.samples().values(), *_EXAMPLES, *generated]
    before = [_observe(text) for text in texts]
    shared = attrs.frozen(eq=False, repr=False)(type("Shared", (Quote,), {}))  # no construct has it yet

    def loud(out: WriteContext, paragraph: wikirel.Paragraph, depth: int) -> None:
        out.lines([line.upper() for line in paragraph.lines])

    def read_shared(ctx: ReadContext, lines: Lines, blanks: tuple[str, ...] | None) -> Quote:
        quote: Quote = shared(**attrs.asdict(read_quote(ctx, lines, blanks), recurse=False))
        return quote

    def make(index: int) -> tuple[int, Dialect | None]:
        kind = index % 5
        if kind in (0, 1):  # all named quote, terminal QUOTE, each with a class of its own
            extensions: list[Construct | str] = [_variant("quote")]
            if kind == 1:
                extensions.insert(0, "numbered")
        elif kind == 2:  # claims Paragraph, to write it in capitals
            role = NodeRole(cls=wikirel.Paragraph, write=loud, summary=repr)
            extensions = [_variant("loud", nodes=(role,))]
        elif kind == 3:  # twenty constructs claim one class: the first defined owns it
            role = NodeRole(cls=shared, write=write_quote, summary=repr)
            extensions = [_variant("shared", name=f"shared{index}", read=read_shared, nodes=(role,))]
        else:  # takes bullet lines
            extensions = [_variant("dash", grammar="DASH_LINE: /[>-]/ _REST _EOL\nDASH.3: DASH_LINE+")]
        try:
            return kind, Dialect(extensions)
        except ValueError as error:
            refused.append((index, str(error)))
            return kind, None

    refused: list[tuple[int, str]] = []
    with ThreadPoolExecutor(max_workers=8) as pool:
        made = list(pool.map(make, range(100)))

    accepted = {kind: [d for k, d in made if k == kind and d is not None] for kind in range(5)}
    assert [len(accepted[kind]) for kind in range(5)] == [20, 20, 0, 1, 0], sorted(refused)
    for dialect in [*accepted[0], *accepted[1], *accepted[3]]:  # each keeps its own classes
        doc = parse("1. n\n> q\n" if len(dialect.extensions) == 2 else "> q\n", dialect)
        assert type(doc.blocks[-1]) is dialect.extensions[-1].block
    assert len({dialect.extensions[-1].block for dialect in accepted[0]}) == 20
    assert role_of(wikirel.Paragraph) == (BUILTIN[3], BUILTIN[3].nodes[0])  # "loud" took nothing
    assert [_observe(text) for text in texts] == before


def test_a_dialect_names_its_list_item_classes() -> None:
    assert wikirel.dialect.DEFAULT.list_item_classes == (wikirel.ListItem,)
    assert NUMBERED.list_item_classes == (wikirel.ListItem, NumberedItem)
    assert Dialect([QUOTE]).list_item_classes == (wikirel.ListItem,)
    for cls in NUMBERED.list_item_classes:  # what extraction reads of them
        found = role_of(cls)
        assert found is not None and found[1].list_item
        assert {"text", "children"} <= {field.name for field in attrs.fields(cls)}
