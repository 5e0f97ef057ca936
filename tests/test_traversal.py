"""Visitor and Transformer: the cookbook edits from docs/editing.md, as tests."""

from __future__ import annotations

from typing import ClassVar

import pytest

import wikirel
from conftest import ROOT
from wikirel import REMOVE, Heading, ListItem, Node, Paragraph, Row, Section, Table, Transformer, Visitor

CHINA = (ROOT / "seeds" / "china-tajikistan-relations.txt").read_text(encoding="utf-8")


class Counter(Visitor):
    def __init__(self) -> None:
        self.headings: list[str] = []
        self.rows = 0

    def visit_Heading(self, node: Heading) -> None:
        self.headings.append(node.text)

    def visit_Row(self, node: Row) -> None:
        self.rows += 1


def test_visitor_dispatches_by_class_and_walks_in_document_order() -> None:
    counter = Counter()
    counter.visit(wikirel.parse(CHINA))
    assert counter.headings[:3] == ["China–Tajikistan relations", "History", "Economy and trade"]
    assert counter.rows == 5


def test_visitor_dispatch_is_resolved_once_per_class() -> None:
    class Spy(Visitor):
        lookups: ClassVar[list[tuple[str, type]]] = []

        def _method(self, kind: type, prefix: str = "visit_") -> object:
            if (prefix, kind) not in type(self)._dispatch:
                Spy.lookups.append((prefix, kind))
            return super()._method(kind, prefix)

    spy = Spy()
    spy.visit(wikirel.parse(CHINA))
    spy.visit(wikirel.parse(CHINA))
    assert len(Spy.lookups) == len(set(Spy.lookups))


def test_visit_methods_see_subclasses_of_node_classes() -> None:
    class Special(Paragraph):
        pass

    seen: list[Node] = []

    class V(Visitor):
        def visit_Paragraph(self, node: Paragraph) -> None:
            seen.append(node)

    V().visit(Special("x"))
    assert len(seen) == 1


def test_identity_transformer_shares_the_whole_tree() -> None:
    doc = wikirel.parse(CHINA)
    assert Transformer().visit(doc) is doc


def test_rename_a_party_everywhere_changes_only_those_words() -> None:
    text = CHINA.replace("\n", "\r\n").replace("==History==", "==  History  ==")

    class Rename(Transformer):
        def visit_Paragraph(self, node: Paragraph) -> Paragraph:
            if not any("Tajikistan" in line for line in node.lines):
                return node
            return Paragraph(
                [line.replace("Tajikistan", "Tadzhikistan") for line in node.lines],
                eols=node.eols,
                blank_before=node.blank_before,
            )

    doc = wikirel.parse(text)
    new = Rename().visit(doc)
    before = text.split("\r\n")
    after = wikirel.serialize(new).split("\r\n")
    assert len(after) == len(before)
    prose = [line for line in before if "Tajikistan" in line and not line.startswith(("=", "|", "- "))]
    changed = [(old, new_line) for old, new_line in zip(before, after, strict=True) if old != new_line]
    assert [old for old, _ in changed] == prose
    assert all(new_line == old.replace("Tajikistan", "Tadzhikistan") for old, new_line in changed)
    # Untouched subtrees are the very same objects.
    assert new.sections[-1] is doc.sections[-1]
    assert new.blocks[0] is doc.blocks[0]


def test_add_a_row_to_a_table() -> None:
    class AddVisit(Transformer):
        def visit_Table(self, node: Table) -> Table:
            import attrs

            return attrs.evolve(
                node, rows=[*node.rows, Row(["Guest X", "Host Y", "Dushanbe", "March 3, 2025"])]
            )

    new = AddVisit().visit(wikirel.parse(CHINA))
    assert wikirel.serialize(new) == CHINA.replace(
        "| Xi'an, Beijing | May 17–21, 2023 |\n",
        "| Xi'an, Beijing | May 17–21, 2023 |\n| Guest X | Host Y | Dushanbe | March 3, 2025 |\n",
    )


def test_drop_a_section() -> None:
    class Drop(Transformer):
        def visit_Section(self, node: Section) -> Section | object:
            return REMOVE if node.title == "Border dispute" else self.generic_visit(node)

    new = Drop().visit(wikirel.parse(CHINA))
    start = CHINA.index("==Border dispute==")
    end = CHINA.index("==Sovereignty issues==")
    assert wikirel.serialize(new) == CHINA[:start] + CHINA[end:]


def test_collect_every_table_as_records() -> None:
    class Tables(Visitor):
        def __init__(self) -> None:
            self.records: list[dict[str, str]] = []

        def visit_Table(self, node: Table) -> None:
            self.records.extend(node.records())

    collector = Tables()
    collector.visit(wikirel.parse(CHINA))
    assert [r["Place of visit"] for r in collector.records] == [
        "Beijing",
        "Dushanbe",
        "Dushanbe",
        "Xi'an, Beijing",
    ]


def test_lowercase_all_headings() -> None:
    class Lower(Transformer):
        def visit_Heading(self, node: Heading) -> Heading:
            import attrs

            return attrs.evolve(node, text=node.text.lower())

    doc = wikirel.parse("= T =\n\n==History==\nx\n=== Deep Part ===\n")
    assert wikirel.serialize(Lower().visit(doc)) == "= t =\n\n==history==\nx\n=== deep part ===\n"


def test_removing_every_item_removes_the_list() -> None:
    class NoItems(Transformer):
        def visit_ListItem(self, node: ListItem) -> object:
            return REMOVE if node.text.startswith("x") else self.generic_visit(node)

    doc = wikirel.parse("- a\n  - x1\n\n- x2\n\nEnd.\n")
    new = NoItems().visit(doc)
    assert wikirel.serialize(new) == "- a\n\nEnd.\n"


def test_a_method_may_splice_several_nodes() -> None:
    class Split(Transformer):
        def visit_Paragraph(self, node: Paragraph) -> list[Paragraph]:
            return [Paragraph(line) for line in node.lines]

    new = Split().visit(wikirel.parse("== S ==\none\ntwo\n"))
    assert wikirel.serialize(new) == "== S ==\none\n\ntwo\n"


def test_required_children_cannot_be_removed() -> None:
    class NoHeadings(Transformer):
        def visit_Heading(self, node: Heading) -> object:
            return REMOVE

    with pytest.raises(ValueError, match="cannot remove the heading of a Section"):
        NoHeadings().visit(wikirel.parse("== S ==\n"))
    # The title is optional: removing it is fine.
    # The paragraph's blank line was canonical after a title; first in the text, none is.
    assert wikirel.serialize(NoHeadings().visit(wikirel.parse("= T =\n\nx\n"))) == "x\n"


def test_remove_has_a_public_type_for_annotations() -> None:
    class Drop(Transformer):
        def visit_Paragraph(self, node: Paragraph) -> Paragraph | wikirel.traversal.RemoveType:
            return wikirel.REMOVE

    assert (
        isinstance(wikirel.REMOVE, wikirel.traversal.RemoveType)
        and wikirel.traversal.RemoveType() is wikirel.REMOVE
    )
    assert Drop().visit(wikirel.parse("a\n\n== B ==\nb\n")).sections[0].blocks == ()


def test_a_method_returning_a_non_node_fails_at_once_naming_itself() -> None:
    class Bad(Transformer):
        def visit_Heading(self, node: Heading) -> object:
            return "x"

        def leave_Row(self, node: Row) -> object:
            return None

    with pytest.raises(TypeError, match=r"Bad.visit_Heading returned str"):
        Bad().visit(wikirel.parse("== A ==\n"))
    with pytest.raises(TypeError, match=r"Bad.leave_Row returned NoneType"):
        Bad().visit(wikirel.parse("| a |\n"))
