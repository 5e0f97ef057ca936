"""The public API: types, errors, positions, traversal, immutability."""

from __future__ import annotations

import importlib.metadata
import pickle
import subprocess
import sys

import attrs
import pytest

import wikirel
from conftest import ROOT
from wikirel import Document, Heading, ListItem, Paragraph, Section

TEXT = "= T =\n\nInfobox\n- A: 1\n\n== One ==\nText\n- x\n  - y\n=== Deep ===\n| a | b |\n| 1 | 2 |\n"


@pytest.mark.parametrize("value", [b"= T =\n", None, 42, ["= T ="]])
def test_parse_rejects_non_strings(value: object) -> None:
    with pytest.raises(TypeError, match="parse\\(\\) takes a str"):
        wikirel.parse(value)  # type: ignore[arg-type]


def test_parse_error_reads_like_a_syntax_error() -> None:
    with pytest.raises(wikirel.ParseError) as caught:
        wikirel.parse("= T =\n\n\t== Fine ==\n==  Broken =\n", strict=True)
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.line, error.column, error.code) == (4, 12, "heading-unbalanced")
    assert str(error) == (
        "4:12: heading-unbalanced heading opens with 2 '=' but closes with 1\n==  Broken =\n           ^"
    )
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.code == error.code


def test_every_code_is_documented() -> None:
    from pathlib import Path

    reference = (Path(__file__).parents[1] / "docs" / "format.md").read_text(encoding="utf-8")
    for code in wikirel.CODES:
        assert f"`{code}`" in reference


def test_walk_is_pre_order_in_document_order() -> None:
    doc = wikirel.parse(TEXT)
    names = [type(node).__name__ for node in wikirel.walk(doc)]
    assert names == [
        "Document", "Heading", "Infobox", "InfoboxItem",
        "Section", "Heading", "Paragraph", "BulletList", "ListItem", "BulletList", "ListItem",
        "Section", "Heading", "Table", "Row", "Row",
    ]  # fmt: skip
    assert next(wikirel.traversal.iter_child_nodes(doc.sections[0])) is doc.sections[0].heading


def test_positions_locate_every_node() -> None:
    doc = wikirel.parse(TEXT)
    where = wikirel.positions(doc)
    deep = doc.sections[0].subsections[0]
    span = where[deep.blocks[0]]
    assert (span.start.line, span.start.column, span.end.line, span.end.column) == (11, 1, 12, 10)
    item = doc.sections[0].blocks[1].items[0].children.items[0]  # type: ignore[union-attr]
    assert where[item].start.line == 9
    assert len(where) == sum(1 for _ in wikirel.walk(doc))
    with pytest.raises(KeyError):
        where[Paragraph("not in this tree")]


def test_positions_follow_edits() -> None:
    doc = wikirel.parse("== A ==\nx\n")
    moved = attrs.evolve(doc, sections=[Section(Heading(2, "New")), *doc.sections])
    where = wikirel.positions(moved)
    assert where[moved.sections[1]].start.line == 3  # after the new heading and a blank line


def test_nodes_are_frozen_hashable_and_picklable() -> None:
    doc = wikirel.parse(TEXT)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.sections[0].heading.text = "x"  # type: ignore[misc]
    assert hash(doc) == hash(wikirel.parse(TEXT))
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert {doc: 1}[wikirel.parse(TEXT)] == 1


# tests/pickles/tree-0.2.0.pickle: this text's tree, pickled by wikirel 0.2.0 (protocol 4).
PICKLED_BY_0_2 = (
    "= T =\nInfobox\n- Party1: A\n- Party2:B  \n\nLead  text.\nline two\n\n==History==\n"
    "- a\n    - b\n\n| x | y |\n|1|2\n\n=== Deeper===\r\nMore.\n\n\n"
)


def test_a_tree_pickled_by_0_2_loads() -> None:
    # 0.2 pickled wikirel.nodes.unflatten and wikirel.nodes.<class>: the façade still names them.
    data = (ROOT / "tests" / "pickles" / "tree-0.2.0.pickle").read_bytes()
    assert b"wikirel.nodes" in data
    loaded = pickle.loads(data)
    assert type(loaded) is Document
    assert loaded == wikirel.parse(PICKLED_BY_0_2)
    assert wikirel.serialize(loaded) == PICKLED_BY_0_2


def test_node_classes_live_in_their_construct_modules() -> None:
    from wikirel import nodes, tree
    from wikirel.markup import heading, table

    assert Heading.__module__ == "wikirel.markup.heading" and nodes.Heading is heading.Heading
    assert nodes.Row is table.Row and nodes.Node is tree.Node
    doc = wikirel.parse(TEXT)
    assert pickle.loads(pickle.dumps(doc)) == doc  # new pickles name the construct modules
    # The façade keeps every public name wikirel.nodes had in 0.3.0.
    had = {"CHILD", "CHILD_BLOCKS", "CHILD_NODES", "Block", "BulletList", "Document", "Heading"}
    had |= {"Infobox", "InfoboxItem", "ListItem", "Node", "Paragraph", "Row", "Section", "Table"}
    had |= {"child_fields", "flatten", "infobox_key", "render", "unflatten"}
    assert had <= set(dir(nodes)) and set(nodes.__all__) <= had


def test_constructors_accept_lists_and_strings() -> None:
    para = Paragraph("one\ntwo")
    assert para.lines == ("one", "two")
    doc = Document(None, [para])
    assert doc.blocks == (para,)
    assert ListItem("x").children is None


def test_diagnostics_follow_edits() -> None:
    doc = wikirel.parse("== A =\n")
    assert [d.code for d in doc.diagnostics] == ["heading-unbalanced"]
    fixed = attrs.evolve(doc, sections=[Section(Heading(2, "A"))])
    assert fixed.diagnostics == ()


def test_import_is_cheap_and_defers_lark() -> None:
    code = "import sys, wikirel; print('lark' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_version() -> None:
    """``__version__`` is the installed distribution's version (hatch reads it from the module)."""
    assert wikirel.__version__ == importlib.metadata.version("wikirel")


def test_deep_nesting_parses_without_recursion() -> None:
    depth = 1500  # more than the default recursion limit
    lists = "".join(" " * i + "- x\n" for i in range(depth))
    headings = "".join("=" * (i + 2) + " h " + "=" * (i + 2) + "\n" for i in range(depth))
    for text in (lists, headings):
        doc = wikirel.parse(text)
        assert wikirel.serialize(doc) == text
        assert sum(1 for _ in wikirel.walk(doc)) > depth
        assert len(wikirel.positions(doc)) > depth
        assert doc.diagnostics == ()


def test_parser_blank_run_is_the_grammars() -> None:
    from wikirel.builder import _BLANK_RUN
    from wikirel.grammar import grammar_text

    assert f"_BLANK_RUN: /{_BLANK_RUN.pattern}/" in grammar_text()


@pytest.mark.parametrize(
    "node",
    [
        Heading(2, "two\nlines"),
        Paragraph(("one\rline",)),
        wikirel.Row(["a\r\nb"]),
        ListItem("x", eol="\t"),
        Document(None, [Paragraph("x", blank_before=("text\n",))]),
        Document(None, [Paragraph("x")], newline="|"),
    ],
    ids=["heading text", "paragraph line", "cell", "eol", "blank line", "newline"],
)
def test_serialize_refuses_trees_it_cannot_write_line_by_line(node: wikirel.Node) -> None:
    with pytest.raises(ValueError, match=r"line|LF"):
        wikirel.serialize(node)


def test_samples_are_the_bundled_seeds() -> None:
    samples = wikirel.resources.samples()
    assert sorted(samples) == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    for name, text in samples.items():
        assert text == (ROOT / "seeds" / f"{name}.txt").read_bytes().decode("utf-8")
        assert wikirel.serialize(wikirel.parse(text)) == text


def test_strategies_without_hypothesis_say_what_to_install() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"  # as if not installed
        "try:\n    import wikirel.strategies\n"
        "except ModuleNotFoundError as error:\n    print(error)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'wikirel[testing]'" in result.stdout


def test_the_harness_without_hypothesis_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"  # as if not installed
        "from wikirel import Dialect\n"
        "from wikirel.harness import check_construct, check_text\n"  # importable: check_text needs none
        "numbered = Dialect(['numbered'])\n"
        "check_construct(numbered.extensions[0], numbered, examples=['1. a\\n'], generated=0)\n"
        "try:\n    check_construct(numbered.extensions[0], numbered)\n"
        "except ImportError as error:\n    print(type(error).__name__, error)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("ModuleNotFoundError wikirel.harness.check_construct generates")
    assert "pip install 'wikirel[testing]'" in result.stdout


def test_errors_share_a_root_and_stay_value_errors() -> None:
    with pytest.raises(wikirel.SerializeError) as serialize_error:
        wikirel.serialize(Heading(2, "a\nb"))
    with pytest.raises(wikirel.JSONImportError) as json_error:
        wikirel.from_json("[")
    with pytest.raises(wikirel.ParseError) as parse_error:
        wikirel.parse("== A =", strict=True)
    for error in (serialize_error.value, json_error.value, parse_error.value):
        assert isinstance(error, wikirel.WikirelError) and isinstance(error, ValueError)
    assert issubclass(wikirel.errors.InternalError, wikirel.WikirelError)


def test_the_0_1_tables_are_deprecated_aliases_of_the_registry() -> None:
    from wikirel import nodes, traversal
    from wikirel.dialect import DEFAULT

    with pytest.warns(DeprecationWarning, match="NODE_CLASSES is deprecated"):
        assert DEFAULT.node_classes == nodes.NODE_CLASSES
    with pytest.warns(DeprecationWarning, match="CHILD_FIELDS is deprecated"):
        fields = traversal.CHILD_FIELDS
    assert fields[wikirel.Table] == ("header", "rows") and wikirel.Row not in fields
    with pytest.raises(AttributeError):
        nodes.NOT_A_NAME  # noqa: B018


# -- names that moved in 0.4 still work until 0.5, with a DeprecationWarning ------------------


@pytest.mark.parametrize("name", sorted(wikirel.MOVED))
def test_a_moved_top_level_name_warns_and_is_its_modules_object(name: str) -> None:
    import importlib

    module = importlib.import_module(wikirel.MOVED[name])
    with pytest.warns(DeprecationWarning, match=f"wikirel.{name} moved to {wikirel.MOVED[name]}.{name}"):
        value = getattr(wikirel, name)
    assert value is getattr(module, name)
    assert name not in wikirel.__all__


def test_the_top_level_is_small_and_a_misspelt_name_is_an_attribute_error() -> None:
    assert len(wikirel.__all__) <= 40
    with pytest.raises(AttributeError, match="no attribute 'parze'"):
        wikirel.parze  # noqa: B018
    assert wikirel.batch.parse_many is importlib.import_module("wikirel.batch").parse_many


def test_the_renamed_modules_warn_and_give_the_same_objects() -> None:
    import sys

    for name in ("wikirel.registry", "wikirel.constructs", "wikirel.constructs.numbered"):
        sys.modules.pop(name, None)
    with pytest.warns(DeprecationWarning, match="wikirel.constructs is now wikirel.markup"):
        from wikirel.constructs.numbered import NumberedList
    with pytest.warns(DeprecationWarning, match="wikirel.registry is now wikirel.dialect"):
        from wikirel.registry import Dialect
    assert NumberedList is wikirel.markup.numbered.NumberedList
    assert Dialect is wikirel.Dialect


@pytest.mark.parametrize("dialect", [None, "numbered", ["numbered"]])
def test_a_dialect_that_is_no_dialect_is_a_type_error_that_says_so(dialect: object) -> None:
    for parse in (wikirel.parse, wikirel.parser.reference_parse):
        with pytest.raises(TypeError, match=r"dialect must be a wikirel\.Dialect, not"):
            parse("x", dialect=dialect)  # type: ignore[arg-type]
