"""Trees far deeper than Python's recursion limit: every operation keeps an explicit stack.

Lists nested 1,500 deep and sections nested 2,000 deep (issue 9); the
recursion limit is lowered while they run, so a recursive walk fails here
even where the default limit would have let it pass.
"""

from __future__ import annotations

import copy
import datetime
import pickle
import re
import sys
from collections.abc import Iterator

import attrs
import pytest

import wikirel
from wikirel import _deepjson
from wikirel.nodes import flatten

# Each text carries facts (an envoy in the infobox, a dated event at the bottom
# of the deep part) and one diagnostic down there, so extraction and the
# checks have something to find at depth, not an empty result to agree on.
HEAD = "Infobox\n- Envoy1: Ji Shumin\n\n"
FACT = "Talks began on 4 May 1992."


def _nested_list(depth: int) -> str:
    """Items indented 0, 1, …, depth - 2, then depth, then one between the last two levels."""
    chain = "".join(" " * i + "- x\n" for i in range(depth - 1))
    return f"{HEAD}{chain}{' ' * depth}- x\n{' ' * (depth - 1)}- {FACT}\n"


def _nested_sections(depth: int) -> str:
    """Headings of levels 2 … depth + 1, one more that closes unbalanced, and a dated paragraph."""
    chain = "".join("=" * (i + 2) + " h " + "=" * (i + 2) + "\n" for i in range(depth))
    return f"{HEAD}{chain}{'=' * (depth + 2)} h ==\n{FACT}\n"


DEEP = {"list 1500": _nested_list(1_500), "sections 2000": _nested_sections(2_000)}
DIAGNOSED = {DEEP["list 1500"]: "list-indentation", DEEP["sections 2000"]: "heading-unbalanced"}


@pytest.fixture(autouse=True)
def _low_recursion_limit() -> Iterator[None]:
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(400)
    yield
    sys.setrecursionlimit(old)


@pytest.fixture(params=DEEP.values(), ids=DEEP.keys())
def text(request: pytest.FixtureRequest) -> str:
    return request.param  # type: ignore[no-any-return]


def test_normalize_and_format_text(text: str) -> None:
    doc = wikirel.parse(text)
    canonical = wikirel.format_text(text)
    assert wikirel.format_text(canonical) == canonical
    assert wikirel.formatting.same_content(wikirel.parse(canonical), doc)
    assert wikirel.serialize(wikirel.normalize(doc)) == canonical


def test_json_both_ways(text: str) -> None:
    doc = wikirel.parse(text)
    for indent in (None, 2):
        back = wikirel.from_json(wikirel.to_json(doc, indent=indent))
        assert flatten(back) == flatten(doc)
        assert wikirel.serialize(back) == text


def test_pickle_and_deepcopy(text: str) -> None:
    doc = wikirel.parse(text)
    assert flatten(pickle.loads(pickle.dumps(doc))) == flatten(doc)
    assert wikirel.serialize(copy.deepcopy(doc)) == text


def test_visitor_and_transformer_base_classes(text: str) -> None:
    doc = wikirel.parse(text)
    assert wikirel.Transformer().visit(doc) is doc
    wikirel.Visitor().visit(doc)

    class Count(wikirel.Visitor):
        def __init__(self) -> None:
            self.left: list[str] = []

        def leave_Node(self, node: wikirel.Node) -> None:
            self.left.append(type(node).__name__)

    counter = Count()
    counter.visit(doc)
    assert len(counter.left) == sum(1 for _ in wikirel.walk(doc))
    assert counter.left[-1] == "Document"  # leave runs after the children

    class Shout(wikirel.Transformer):
        def leave_ListItem(self, item: wikirel.ListItem) -> wikirel.ListItem:
            return attrs.evolve(item, text=item.text.upper())

        def leave_Heading(self, heading: wikirel.Heading) -> wikirel.Heading:
            return attrs.evolve(heading, text=heading.text.upper())

    shouted = wikirel.serialize(Shout().visit(doc))
    expected = text.replace("- x", "- X").replace(" h ", " H ").replace(f"- {FACT}", f"- {FACT.upper()}")
    assert shouted == expected != text


def test_extraction_and_diagnostics(text: str) -> None:
    doc = wikirel.parse(text)
    last = text.count("\n")  # the fact's line, at the bottom of the deep part
    relation = wikirel.extract_relation(doc)
    assert [envoy.name for envoy in relation.envoys] == ["Ji Shumin"]
    (event,) = relation.events
    assert event.sentence == FACT and event.source is not None and event.source.line == last
    assert [(span.text, span.start) for span in event.dates] == [("4 May 1992", datetime.date(1992, 5, 4))]
    assert relation.to_dict()["events"][0]["dates"][0]["start"] == "1992-05-04"
    (diagnostic,) = doc.diagnostics
    assert diagnostic.code == DIAGNOSED[text] and diagnostic.code in wikirel.CODES
    assert diagnostic.line in (last - 1, last)  # the deep line, not the head


def test_parse_many_is_the_same_for_every_jobs_value(text: str) -> None:
    one = list(wikirel.batch.parse_many([text, "x"], jobs=1))
    two = list(wikirel.batch.parse_many([text, "x"], jobs=2))
    assert [flatten(d) for d in one] == [flatten(d) for d in two]


def test_deep_json_text_both_ways() -> None:
    data: list[object] = []
    inner = data
    for _ in range(5_000):
        inner.append({"a": []})
        inner = inner[-1]["a"]  # type: ignore[index]
    for indent in (None, 1):
        text = _deepjson.dumps(data, indent=indent)
        assert _deepjson.dumps(_deepjson.loads(text), indent=indent) == text
    with pytest.raises(ValueError, match="Expecting value"):
        _deepjson.loads("[" * 100_000)
    deep = "[" * 5_000  # past json's own recursion: _deepjson's loop reads these
    for broken, message in [
        ("1 2]", "Expecting ',' or ']': line 1 column 5003"),
        ('{"a": 1 "b": 2}]', "Expecting ',' or '}': line 1 column 5009"),
        ("{1: 2}]", "Expecting property name enclosed in double quotes: line 1 column 5002"),
    ]:
        with pytest.raises(ValueError, match=re.escape(message)):
            _deepjson.loads(deep + broken + "]" * 4_999)
    assert _deepjson.loads("[" * 100_000 + "]" * 100_000) is not None


def test_equality_hash_and_repr(text: str) -> None:
    a, b = wikirel.parse(text), wikirel.parse(text)
    assert a == b and a.__ne__(b) is False and hash(a) == hash(b)
    assert a != wikirel.parse(text + "x")
    titled = attrs.evolve(a, heading=wikirel.Heading(1, "A–B relations"))
    assert titled != a and a != titled  # one child there, the other's missing
    assert repr(a).startswith("Document(heading=None, blocks=(")
    deep = (wikirel.Section, wikirel.ListItem)
    written = repr(a).count("Section(heading=") + repr(a).count("ListItem(text=")
    assert written == sum(isinstance(node, deep) for node in wikirel.walk(a)) >= 1_500


def test_pretty(text: str) -> None:
    lines = wikirel.pretty(wikirel.parse(text)).splitlines()
    assert lines[0] == "Document(" and lines[-1] == ")"
    assert max(len(line) - len(line.lstrip(" ")) for line in lines) > 2 * 1_500


def _nested_in_blocks(kind: str, depth: int) -> wikirel.Document:
    """A built tree no text parses to: ``depth`` documents (or sections) each
    the last block of the one above, every level with a paragraph of its own."""
    from wikirel.markup.document import Document, Section
    from wikirel.markup.heading import Heading
    from wikirel.markup.paragraph import Paragraph

    inner: Document | Section = Document(blocks=(Paragraph([f"level {depth}"]),))
    for level in range(depth - 1, -1, -1):
        own = Paragraph([f"level {level}"])
        if kind == "sections":
            inner = Section(Heading(2, f"h{level}"), blocks=(own, inner))  # type: ignore[arg-type]
        else:
            inner = Document(blocks=(own, inner))  # type: ignore[arg-type]
    return Document(blocks=(inner,))  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["documents", "sections"])
def test_documents_and_sections_nested_in_blocks_are_written_without_recursion(kind: str) -> None:
    from wikirel.positions import positions, starts

    tree = _nested_in_blocks(kind, 2_000)
    text = wikirel.serialize(tree)
    found = positions(tree)
    assert found.text == text
    # Every level's paragraph, in order, each once: nothing lost or repeated at depth.
    assert re.findall(r"level (\d+)", text) == [str(level) for level in range(2_001)]
    deepest = next(node for node in wikirel.walk(tree) if getattr(node, "lines", None) == ("level 2000",))
    span = found[deepest]
    assert text[span.start.offset : span.end.offset] == "level 2000"
    assert starts(tree)[id(deepest)][1] == span.start.line
