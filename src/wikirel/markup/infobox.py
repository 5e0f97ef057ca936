"""The infobox: an ``Infobox`` line and the ``- Key: Value`` items right below it.

The grammar's ``INFOBOX`` terminal. Items split at the first ``:``; a
repeated key (compared by :func:`wikirel.nodes.infobox_key`) is kept and
diagnosed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from .. import tree
from ..construct import Checks, Construct, Kit, Lines, NodeRole, Place, ReadContext, plural
from ..tree import CHILD_NODES, Node
from ._read import infobox_items
from ._write import write_infobox, write_infobox_item

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["CONSTRUCT", "Infobox", "InfoboxItem", "infobox_key", "value_space"]

_KEY_NOISE = re.compile(r"[\s_-]+")


def infobox_key(name: str) -> str:
    """The one rule for "the same infobox key", used by :meth:`Infobox.get`,
    the duplicate-key diagnostic and extraction: case, white space, ``_`` and
    ``-`` do not count (``Envoy1``, ``envoy_1``, ``Envoy 1``, ``ENVOY-1``)."""
    return _KEY_NOISE.sub("", name).casefold()


@attrs.frozen(eq=False, repr=False)
class InfoboxItem(Node):
    """One ``- Key: Value`` line of an infobox; the value keeps any later ``:``."""

    key: str
    value: str
    colon: bool = attrs.field(default=True, kw_only=True)
    indent: str = attrs.field(default="", kw_only=True)
    gap: str = attrs.field(default=" ", kw_only=True)
    key_space: str = attrs.field(default="", kw_only=True)
    value_space: str | None = attrs.field(default=None, kw_only=True)
    trailing: str = attrs.field(default="", kw_only=True)
    eol: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen(eq=False, repr=False)
class Infobox(Node):
    """An ``Infobox`` line and the ``- Key: Value`` items right below it.

    Duplicate keys are all kept as items; :meth:`to_dict` and :meth:`get`
    take the last one, as MediaWiki does.
    """

    items: tuple[InfoboxItem, ...] = attrs.field(metadata=CHILD_NODES, default=(), converter=tree.to_tuple)
    trailing: str = attrs.field(default="", kw_only=True)
    eol: str | None = attrs.field(default=None, kw_only=True)
    blank_before: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=tree.blanks)

    def to_dict(self) -> dict[str, str]:
        """Keys to values, in order of first appearance; the last duplicate wins."""
        return {item.key: item.value for item in self.items}

    def get(self, key: str, default: str | None = None) -> str | None:
        """The value of ``key`` (the last, if repeated), keys compared by :func:`infobox_key`."""
        wanted = infobox_key(key)
        for item in reversed(self.items):
            if infobox_key(item.key) == wanted:
                return item.value
        return default

    def get_all(self, key: str) -> tuple[str, ...]:
        """Every value of ``key`` (compared by :func:`infobox_key`), in order."""
        wanted = infobox_key(key)
        return tuple(item.value for item in self.items if infobox_key(item.key) == wanted)


CODES = {
    "infobox-misplaced": "an infobox after the first section, or a second infobox",
    "infobox-no-colon": "an infobox item has no ':' between key and value",
    "infobox-empty-key": "an infobox item has nothing before its ':'",
    "infobox-duplicate-key": "an infobox key appears again (the last value wins)",
}


def value_space(value: str) -> str:
    """Canonical white space after an item's ``:``: none for an empty value."""
    return " " if value else ""


def _read(ctx: ReadContext, lines: Lines, blank_before: tuple[str, ...] | None) -> Infobox:
    first, eol = lines[0]
    return Infobox(
        infobox_items(InfoboxItem, lines, ctx.newline),
        trailing=first[len("Infobox") :],
        eol=ctx.eol(eol),
        blank_before=blank_before,
    )


def _check(checks: Checks, box: Infobox, place: Place) -> None:
    if place == "section":
        checks.report(box, 0, "infobox-misplaced", "an infobox belongs before the first section")
    elif checks.tally("infobox") > 1:
        checks.report(box, 0, "infobox-misplaced", "a second infobox; only the first counts")
    first_seen: dict[str, InfoboxItem] = {}
    for item in box.items:
        key_column = len(item.indent) + 1 + len(item.gap)
        if not item.colon:
            checks.report(
                item, key_column + len(item.key), "infobox-no-colon", "infobox item has no ':' after its key"
            )
        elif not item.key:
            checks.report(
                item, key_column + len(item.key_space), "infobox-empty-key", "infobox item has an empty key"
            )
        key = infobox_key(item.key)
        if key in first_seen:
            checks.report(
                item,
                key_column,
                "infobox-duplicate-key",
                f"infobox key {item.key!r} already given on line {checks.line(first_seen[key])}; "
                "the last value wins",
            )
        else:
            first_seen[key] = item


def _summary(box: Infobox) -> str:
    return f"Infobox ({plural(len(box.items), 'item')})"


def _summary_item(item: InfoboxItem) -> str:
    return f"InfoboxItem {item.key!r}: {item.value!r}"


def _strategy(kit: Kit) -> SearchStrategy[Infobox]:
    st = kit.st
    items = st.lists(
        st.builds(InfoboxItem, kit.text(min_size=1, forbid=":"), kit.text()),
        max_size=6,
        unique_by=lambda item: infobox_key(item.key),  # a repeated key is diagnosed
    )
    strategy: SearchStrategy[Infobox] = st.builds(Infobox, items)
    return strategy


CONSTRUCT: Construct = Construct(
    name="infobox",
    terminal="INFOBOX",
    read=_read,
    nodes=(
        NodeRole(cls=Infobox, write=write_infobox, summary=_summary),
        NodeRole(cls=InfoboxItem, write=write_infobox_item, summary=_summary_item),
    ),
    codes=CODES,
    check=_check,
    strategy=_strategy,
    lead_only=True,
)
