"""The fast constructors extraction uses (``facts.model.make_source``, ``sources_on_line``,
``make_event``, ``make_visit``) give what the public constructors give: every field, equality, hash,
repr and pickling. A field added to a class without its maker fails here."""

from __future__ import annotations

import datetime
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wikirel
from wikirel.facts.dates import DateSpan
from wikirel.facts.model import (
    Event,
    Relation,
    Source,
    Visit,
    make_event,
    make_relation,
    make_source,
    make_visit,
    sources_on_line,
)

_NODE = wikirel.parse("= A–B relations =\nText.\n").blocks[0]
_texts = st.text(max_size=8)
_maybe = st.none() | _texts
_nodes = st.sampled_from([None, _NODE])
_sources = st.builds(Source, _texts, st.integers(-3, 10**6), st.integers(-3, 10**6), _nodes)
_days = st.dates(min_value=datetime.date(1, 1, 1))
_spans = st.builds(lambda start, text: DateSpan(start, start, "day", text), _days, _texts) | st.builds(
    lambda year: DateSpan(None, None, "year", "x", start_year=year, end_year=year), st.integers(-5000, -1)
)


def _same(made: Any, built: Any) -> None:
    assert type(made) is type(built)
    for field in attrs.fields(type(built)):  # set, and the same object, eq=False fields included
        value, expected = getattr(made, field.name), getattr(built, field.name)
        assert value is expected or (type(value) is int and type(expected) is int and value == expected), (
            field.name
        )
    assert made == built
    assert built == made
    assert repr(made) == repr(built)
    assert hash(made) == hash(built)
    assert pickle.dumps(made) == pickle.dumps(built)
    assert pickle.loads(pickle.dumps(made)) == built
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.__setattr__(attrs.fields(type(built))[0].name, None)


@given(_texts, st.integers(), st.integers(), _nodes)
def test_make_source(kind: str, line: int, column: int, node: Any) -> None:
    made = make_source(kind, line, column, node)
    _same(made, Source(kind, line, column, node))
    assert pickle.loads(pickle.dumps(made)).node is None


@given(st.lists(_spans, max_size=3).map(tuple), _texts, _maybe, _sources)
def test_make_event(dates: tuple[DateSpan, ...], sentence: str, section: str | None, source: Source) -> None:
    _same(make_event(dates, sentence, section, source), Event(dates, sentence, section, source=source))


@given(
    _maybe,
    _maybe,
    _maybe,
    st.none() | _spans,
    st.dictionaries(_texts, _texts, max_size=3),
    st.none() | _sources,
    _maybe,
)
def test_make_visit(
    guest: str | None,
    host: str | None,
    place: str | None,
    date: DateSpan | None,
    row: dict[str, str],
    source: Source | None,
    sentence: str | None,
) -> None:
    made = make_visit(guest, host, place, date, row, source, sentence)
    _same(made, Visit(guest, host, place, date, row, source=source, sentence=sentence))


def test_makers_set_every_field() -> None:
    # Every field is read back (an unset slot raises AttributeError), each with its own value.
    source = make_source("k", 1, 2, _NODE)
    assert attrs.astuple(source, recurse=False) == ("k", 1, 2, _NODE)
    event = make_event((), "s", "t", source)
    assert attrs.astuple(event, recurse=False) == ((), "s", "t", source)
    visit = make_visit("g", "h", "p", None, {"a": "b"}, source, "s")
    assert attrs.astuple(visit, recurse=False) == ("g", "h", "p", None, {"a": "b"}, source, "s")
    assert [len(attrs.fields(cls)) for cls in (Source, Event, Visit)] == [4, 4, 7]


@given(
    st.lists(st.tuples(_texts, st.integers(0, 10**4)), max_size=6),
    _texts,
    st.integers(1, 10**6),
    st.integers(1, 99),
)
def test_sources_on_line(found: list[tuple[str, int]], kind: str, line: int, column: int) -> None:
    texts, offsets = [text for text, _ in found], [at for _, at in found]
    made = sources_on_line(texts, kind, line, column, offsets, _NODE)
    assert [text for text, _ in made] == texts
    for (_, source), at in zip(made, offsets, strict=True):
        _same(source, Source(kind, line, column + at, _NODE))


@pytest.mark.parametrize("text", [*sorted(wikirel.resources.samples().values()), "", "= A–B relations =\n"])
def test_make_relation(text: str) -> None:
    built = wikirel.extract_relation(
        wikirel.parse(text)
    )  # its fields, given again to Relation and to make_relation
    fields = attrs.asdict(built, recurse=False)
    made = make_relation(**{f"{name}_": value for name, value in fields.items()})
    _same(made, Relation(**fields))
    assert len(fields) == 11
