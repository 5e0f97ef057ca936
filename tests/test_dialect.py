"""Dialects: the default constructs plus extensions, through the public API only.

``numbered`` ships with wikirel (off by default); ``QUOTE`` below is written
here as a user would write one, without touching wikirel.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wikirel
from wikirel import Construct, Dialect, NodeRole
from wikirel import strategies as ws
from wikirel.constructs.numbered import NumberedItem, NumberedList
from wikirel.harness import HarnessFailure, check_construct, check_text
from wikirel.parser import reference_parse
from wikirel.registry import BUILTIN

NUMBERED = Dialect(["numbered"])


def parse(text: str, dialect: Dialect = NUMBERED) -> wikirel.Document:
    doc = wikirel.parse(text, dialect=dialect)
    assert wikirel.serialize(doc) == text
    return doc


# -- numbered lists --------------------------------------------------------------


def test_numbered_lists_are_off_by_default() -> None:
    doc = parse("1. one\n2. two\n", wikirel.registry.DEFAULT)
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
    check_construct(construct, wikirel.registry.DEFAULT, examples=_EXAMPLES, generated=40)


def test_numbered_passes_the_harness() -> None:
    (construct,) = NUMBERED.extensions
    check_construct(construct, NUMBERED, examples=[*_EXAMPLES, "1. a\n  2) b\n 3. c\n\n10.x\n"], generated=40)


# -- an extension written outside wikirel ------------------------------------------------


@attrs.frozen(eq=False, repr=False)
class Quote(wikirel.Node):
    """A run of ``> text`` lines."""

    lines: tuple[str, ...] = attrs.field(converter=tuple)
    eols: tuple[str | None, ...] | None = attrs.field(default=None, kw_only=True)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True)


def _read_quote(ctx: object, lines: Iterable[tuple[str, str]], blank_before: object) -> Quote:
    pairs = list(lines)
    eols = tuple(ctx.eol(eol) for _, eol in pairs)  # type: ignore[attr-defined]
    return Quote(
        tuple(content[1:] for content, _ in pairs),
        eols=None if all(e is None for e in eols) else eols,
        blank_before=blank_before,  # type: ignore[arg-type]
    )


def _write_quote(out: object, quote: Quote, depth: int) -> None:
    for index, line in enumerate(quote.lines):
        out.line(">" + line, None if quote.eols is None else quote.eols[index])  # type: ignore[attr-defined]


def _quote_strategy(kit: object) -> object:
    return kit.st.builds(Quote, kit.st.lists(kit.text(), min_size=1, max_size=3))  # type: ignore[attr-defined]


QUOTE = Construct(
    name="quote",
    terminal="QUOTE",
    read=_read_quote,  # type: ignore[arg-type]
    grammar="QUOTE_LINE: />/ _REST _EOL\nQUOTE.2: _BLANK_RUN? QUOTE_LINE+",
    line_start=">",
    nodes=(NodeRole(cls=Quote, write=_write_quote, summary=lambda q: f"Quote {len(q.lines)}"),),
    strategy=_quote_strategy,  # type: ignore[arg-type]
)


def test_a_users_extension_keeps_every_promise() -> None:
    dialect = Dialect([QUOTE, "numbered"])
    doc = parse("Text\n> quoted\n>more\n1. n\n", dialect)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Quote", "NumberedList"]
    check_construct(QUOTE, dialect, examples=["> a\r\n\n>b\n", "x\n>\n"], generated=30)
    assert "QUOTE" in dialect.grammar and "%extend _block: QUOTE" in dialect.grammar


def test_the_harness_catches_a_writer_that_loses_text() -> None:
    def lossy(out: object, quote: Quote, depth: int) -> None:
        for index, line in enumerate(quote.lines):  # trailing spaces only: Dialect's smoke test passes
            out.line(">" + line.rstrip(), None if quote.eols is None else quote.eols[index])  # type: ignore[attr-defined]

    @attrs.frozen(eq=False, repr=False)
    class LossyQuote(Quote):
        pass

    broken = attrs.evolve(
        QUOTE,
        name="lossy",
        terminal="LOSSY",
        grammar="LOSSY_LINE: />/ _REST _EOL\nLOSSY.2: _BLANK_RUN? LOSSY_LINE+",
        read=lambda ctx, lines, blanks: LossyQuote(
            **attrs.asdict(_read_quote(ctx, lines, blanks), recurse=False)
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
    fresh = (
        NodeRole(
            cls=attrs.frozen(eq=False, repr=False)(type("Fresh", (Quote,), {})), write=print, summary=repr
        ),
    )
    with pytest.raises(ValueError, match="cannot contain '/'"):
        Dialect([attrs.evolve(QUOTE, name="slash", terminal="SLASH", line_start="/", nodes=fresh)])
    with pytest.raises(ValueError, match=r"grammar of \['broken'\] does not build"):
        Dialect([attrs.evolve(QUOTE, name="broken", terminal="BROKEN", grammar="BROKEN: (", nodes=fresh)])
    with pytest.raises(ValueError, match="belongs to construct 'quote' already"):
        Dialect([attrs.evolve(QUOTE, name="thief", terminal="THIEF", grammar="THIEF.2: />x/ _EOL")])
    found = wikirel.registry.role_of(fresh[0].cls)  # a refused dialect taught nothing:
    assert found is not None and found[0].name == "quote"  # Fresh is still only a Quote


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
    from wikirel.registry import role_of

    found = role_of(Caption)
    assert found is not None and found[1].summary(Caption("x")) == "Paragraph 'x'"


def test_a_subclass_written_as_its_base_can_get_a_construct_of_its_own() -> None:
    @attrs.frozen(eq=False, repr=False)
    class Aside(Quote):
        pass

    doc = wikirel.Document(None, [Aside(["note"])])
    Dialect([QUOTE])  # Quote is known: Aside is written as a Quote
    assert wikirel.serialize(doc) == ">note\n"

    def exclaim(out: object, aside: Aside, depth: int) -> None:
        for index, line in enumerate(aside.lines):
            out.line("!" + line, None if aside.eols is None else aside.eols[index])  # type: ignore[attr-defined]

    aside_construct = attrs.evolve(
        QUOTE,
        name="aside",
        terminal="ASIDE",
        read=lambda ctx, lines, blanks: Aside(**attrs.asdict(_read_quote(ctx, lines, blanks), recurse=False)),
        grammar="ASIDE_LINE: /!/ _REST _EOL\nASIDE.2: _BLANK_RUN? ASIDE_LINE+",
        line_start="!",
        nodes=(NodeRole(cls=Aside, write=exclaim, summary=repr),),
    )
    Dialect([QUOTE, aside_construct])  # no "already belongs": Aside had only borrowed Quote's role
    assert wikirel.serialize(doc) == "!note\n"  # and the writer cache follows
    found = wikirel.registry.role_of(Aside)
    assert found is not None and found[0].name == "aside"


# -- a Dialect is checked when it is made, and names the extension ----------------------


def _variant(name: str, **changes: object) -> Construct:
    """QUOTE with a node class of its own (so no other test's dialect owns it), changed."""
    cls = attrs.frozen(eq=False, repr=False)(type(name.title(), (Quote,), {}))

    def read(ctx: object, lines: Iterable[tuple[str, str]], blanks: object) -> Quote:
        return cls(**attrs.asdict(_read_quote(ctx, lines, blanks), recurse=False))  # type: ignore[no-any-return]

    terminal = name.upper()
    fields: dict[str, object] = {
        "name": name,
        "terminal": terminal,
        "read": read,
        "grammar": f"{terminal}_LINE: />/ _REST _EOL\n{terminal}.2: _BLANK_RUN? {terminal}_LINE+",
        "nodes": (NodeRole(cls=cls, write=_write_quote, summary=repr),),
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
    found = wikirel.registry.role_of(broken.block)  # Broad was not taught (it may pass as a Quote)
    assert found is None or found[0].name == "quote"


def test_a_refused_dialect_leaves_nothing_in_the_registry() -> None:
    first = _variant("first")  # fine on its own
    thief = _variant("thief", nodes=first.nodes)  # claims first's class: refused
    with pytest.raises(ValueError, match="a node class First exists"):
        Dialect([first, thief])
    with pytest.raises(ValueError, match=r"'brittle'\]: parse"):
        Dialect([first, _variant("brittle", line_start=">|<")])
    # Neither failure taught "first": another construct may still own its class.
    rival = attrs.evolve(
        first, name="rival", terminal="RIVAL", grammar=first.grammar.replace("FIRST", "RIVAL")
    )
    dialect = Dialect([rival])
    assert isinstance(parse("> a\n", dialect).blocks[0], first.block)
    found = wikirel.registry.role_of(first.block)
    assert found is not None and found[0].name == "rival"


@pytest.mark.parametrize(
    ("extensions", "names"),
    [
        (["numbered", "numbered"], ["numbered"]),
        (["numbered", wikirel.registry.OPTIONAL["numbered"]], ["numbered"]),
        ([QUOTE, "numbered", QUOTE], ["quote", "numbered"]),
    ],
)
def test_an_extension_named_twice_counts_once(extensions: list[Construct | str], names: list[str]) -> None:
    dialect = Dialect(extensions)
    assert [c.name for c in dialect.extensions] == names
    doc = parse("1. one\n> q\n" if "quote" in names else "1. one\n", dialect)
    assert isinstance(doc.blocks[0], NumberedList)
