"""``to_dict`` of the fact classes, from their attrs fields: one function, not one per class.

A field is written under its name, in field order, unless its metadata says
otherwise: :func:`renamed` (``Source.kind`` is written as ``"node"``),
:data:`NOT_WRITTEN` (``Source.node``), or :func:`written_as` for a field
written as other keys (a visit's ``row`` as ``header`` and ``cells``). The
test of the JSON Schema reads the same metadata (:func:`json_keys`), so the
schema, the classes and their JSON cannot drift apart.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import attrs

__all__ = [
    "NOT_WRITTEN",
    "FactDict",
    "Written",
    "fact_value",
    "json_keys",
    "renamed",
    "to_json",
    "written_as",
]

_KEY = "wikirel.json"


@attrs.frozen
class Written:
    """How a field is written as other keys: ``write(value, context)`` gives
    them (in order), ``keys`` names them with their Python types (``None``: the
    field's own type)."""

    write: Callable[[Any, Any], dict[str, Any]]
    keys: tuple[tuple[str, Any], ...]


#: Field metadata: the field is not written (a node kept for navigation).
NOT_WRITTEN: dict[str, Any] = {_KEY: None}


def renamed(name: str) -> dict[str, Any]:
    """Field metadata: the field is written under ``name``."""
    return {_KEY: name}


def written_as(write: Callable[[Any, Any], dict[str, Any]], *keys: tuple[str, Any]) -> dict[str, Any]:
    """Field metadata: the field is written as ``keys`` by ``write(value, context)``."""
    return {_KEY: Written(write, keys)}


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, str | Written | None], ...]:
    """Per field: its attribute name and how it is written (a key, a :class:`Written`, or None)."""
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    return tuple((f.name, f.metadata.get(_KEY, f.name)) for f in fields)


def json_keys(cls: type) -> list[tuple[str, str, Any]]:
    """Each key ``to_json`` writes for ``cls``: ``(key, field name, Python type)``,
    the type ``None`` for the field's own."""
    out: list[tuple[str, str, Any]] = []
    for name, how in _plan(cls):
        if isinstance(how, Written):
            out.extend((key, name, kind) for key, kind in how.keys)
        elif how is not None:
            out.append((how, name, None))
    return out


def fact_value(value: Any) -> Any:
    """A field's value in JSON: dates and facts by their ``to_dict``, tuples as lists, dicts copied."""
    if type(value) is tuple:
        return [fact_value(v) for v in value]
    if type(value) is dict:
        return dict(value)
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if to_dict is not None else value


def to_json(obj: Any, context: Any = None) -> dict[str, Any]:
    """``obj`` (an attrs instance) as a JSON-ready dict: every field in order, as its metadata says.

    ``context`` is passed to the writers of fields written as other keys
    (the visits' shared header keys).
    """
    out: dict[str, Any] = {}
    cls: type = type(obj)
    for name, how in _plan(cls):
        if type(how) is str:
            out[how] = fact_value(getattr(obj, name))
        elif how is not None:
            out.update(how.write(getattr(obj, name), context))  # type: ignore[union-attr]
    return out


class FactDict:
    """``to_dict`` for the fact classes, from their fields in order."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: every field, in order; dates and sources as their ``to_dict``."""
        return to_json(self)
