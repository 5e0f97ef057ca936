"""What a construct of the format is: everything one module declares about it.

A construct (the infobox, a table, a bullet list ...) is one module under
:mod:`wikirel.markup` that builds one :class:`Construct`: the grammar
terminal of its block, ``read`` (lines -> node), how each of its node classes
is written (node -> lines) and summed up in one line, its diagnostics with
their codes and columns, and what the strategies generate for it.
:mod:`wikirel.dialect` orders the constructs, and every dispatch table (the
parser's readers, the serializer's writers, JSON's type names, diagnostics,
the command line's outline, the strategies) is derived from that order.

An extension builds a :class:`Construct` of its own, with a grammar fragment,
and passes it to :class:`wikirel.Dialect`; ``wikirel.markup.numbered``
is the worked example. Everything an extension needs from wikirel is named
in this module's ``__all__``, in :mod:`wikirel.nodes` (``Node``,
``CHILD_NODES``) and in :mod:`wikirel.markup.bullets` (the list helpers).

A construct's node classes know their construct: defining the
:class:`Construct` sets :data:`ROLE_ATTRIBUTE` on each class it declares
that no other construct declared before, and :func:`role_of` reads it
(subclasses inherit it). No table of the process changes when a
:class:`wikirel.Dialect` is made, so dialects never affect each other.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol

import attrs

from . import tree
from .tree import Node

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "ROLE_ATTRIBUTE",
    "Checks",
    "Construct",
    "Kit",
    "Lines",
    "NodeRole",
    "Place",
    "ReadContext",
    "WriteContext",
    "blank_lines",
    "plural",
    "role_of",
    "str_tuple",
]

#: A block's lines: ``(content, line break)`` pairs; the last break may be ``""``.
Lines = Sequence[tuple[str, str]]

#: Where a checked node stands: the title line, the lead, or inside a section.
Place = Literal["title", "lead", "section"]


class ReadContext(Protocol):
    """What ``read`` gets from the parser besides the lines."""

    @property
    def newline(self) -> str:
        """The document's newline (its first line break)."""
        ...

    def eol(self, eol: str) -> str | None:
        """``None`` for the document's newline (canonical), else ``eol``."""
        ...


class WriteContext(Protocol):
    """What a node writer gets from the serializer.

    A writer writes the same calls whether or not positions are recorded;
    only the serializer knows. It writes the node's own lines first, then
    its children, in order: each through :meth:`child`, or in place as a
    line that names it.
    """

    @property
    def newline(self) -> str:
        """What a canonical (``None``) line break is written as."""
        ...

    def line(self, text: str, eol: str | None, node: Node | None = None) -> None:
        """Write one line; ``eol=None`` is the canonical newline. Raises
        ``SerializeError`` for a line break inside ``text``.

        ``node``: the child node this line is, all of it (an infobox item),
        written in place rather than through :meth:`child` (faster), in
        order with the children given before it; the serializer records
        its span when positions are wanted.
        """
        ...

    def lines(self, texts: Sequence[str], nodes: Sequence[Node] | None = None) -> None:
        """Write lines that all end with the canonical newline (one call,
        faster than :meth:`line` for each); ``nodes``: the child node each
        line is, as for :meth:`line`."""
        ...

    def child(self, node: Node, depth: int = 0, blanks: int = -1) -> None:
        """Write ``node`` after this node's own lines, with its own writer.

        ``depth`` is passed on to that writer (list nesting); ``blanks`` is
        the canonical number of blank lines before a node that has
        ``blank_before``, or -1 for a node without blank lines of its own.
        Children are written from the serializer's stack, never by recursion.
        """
        ...


class Checks(Protocol):
    """What a construct's ``check`` reports to."""

    def report(self, node: Node, column: int, code: str, message: str) -> None:
        """A finding at 0-based ``column`` of ``node``'s first line."""
        ...

    def line(self, node: Node) -> int:
        """The 1-based line ``node`` starts on."""
        ...

    def tally(self, key: str) -> int:
        """Count ``key`` once more, and say how many times it has been counted
        in this document, this time included (for rules such as "only one
        infobox")."""
        ...


class Kit(Protocol):
    """What a construct's strategy gets from :mod:`wikirel.strategies`."""

    @property
    def st(self) -> Any:
        """``hypothesis.strategies``, so construct modules never import hypothesis."""
        ...

    def text(self, min_size: int = 0, forbid: str = "", edges: str = "") -> SearchStrategy[str]:
        """One-line text, no outer white space, none of ``forbid``, not
        starting or ending with a character of ``edges``."""
        ...

    def line(self) -> SearchStrategy[str]:
        """A line that reads as a text line in this dialect."""
        ...


def plural(count: int, noun: str) -> str:
    """``1 row``, ``2 rows``: for summaries and messages."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """A converter for a field of strings (``attrs.field(converter=str_tuple)``):
    the values as a tuple, so a node built from a list is still hashable
    (:func:`wikirel.tree.to_tuple`, which the built-in node classes use)."""
    return tree.to_tuple(values)  # type: ignore[return-value]


def blank_lines(lines: Iterable[str] | None) -> tuple[str, ...] | None:
    """The converter of a block's ``blank_before`` field: ``None`` (canonical)
    stays ``None``, blank lines become a tuple (:func:`wikirel.tree.blanks`,
    which the built-in node classes use)."""
    return tree.blanks(lines)


_Write = Callable[[Any, Any, int], None]


@attrs.frozen(kw_only=True)
class NodeRole:
    """How one node class of a construct is written and summed up.

    ``write(out, node, depth)`` writes the node's own lines to a
    :class:`WriteContext` (the serializer has already written its blank
    lines, if it has ``blank_before``); ``None`` for the two node classes
    the serializer writes itself (``Document``, ``Section``).
    ``summary(node)`` is one line for ``wikirel outline``. ``drop_empty``:
    a :class:`~wikirel.Transformer` removes the node when it is left
    without children (a list without items). ``list_item``: the class is
    an item of a list, with a ``text`` of one line of prose and
    ``children`` (a nested list or ``None``), as ``ListItem`` and
    ``NumberedItem`` are; extraction reads such items as it reads
    sentences (:attr:`wikirel.Dialect.list_item_classes`).
    """

    cls: type[Node]
    write: _Write | None
    summary: Callable[[Any], str]
    drop_empty: bool = False
    list_item: bool = False


@attrs.frozen(kw_only=True)
class Construct:
    """One construct of the format.

    - ``name``: a short unique name (``"table"``).
    - ``nodes``: the roles of its node classes, the block class first.
      Defining the construct gives each class that no construct declared
      before its role (:func:`role_of`); a class declared first by another,
      unequal construct stays that one's, and a dialect refuses this one.
    - ``terminal``: the grammar terminal of its block (``"TABLE"``), whose
      token ``read(context, lines, blank_before)`` turns into the block node;
      ``None`` for the constructs the parser handles itself (the document
      skeleton, headings).
    - ``grammar``, ``line_start``: for an extension, a Lark fragment that
      defines ``terminal`` (it may use the base grammar's ``_EOL``,
      ``_REST`` and ``_BLANK_RUN``), and a regular expression for the start
      of its lines, which text lines then may not start with. The built-in
      constructs' terminals are in ``grammar/wikirel.lark``.
    - ``line_grammar``: optional, a fragment of the line-level grammar
      (``grammar/wikirel-lines.lark``) that names every part of its lines
      and adds its line rule to ``_line`` (``%extend``); the reference parse
      (:mod:`wikirel.reference`) reads the construct with it.
    - ``codes``, ``check(checks, node, place)``: its diagnostic codes with
      their meaning, and the check that reports them for one of its blocks
      (or a heading).
    - ``strategy(kit)``: a hypothesis strategy of well-formed, canonical
      blocks; ``lead_only``: such a block belongs in the lead, once (the
      infobox).
    - ``first_line(node)``: the start of the block's first line when it may
      begin with ``=`` or U+FEFF (a paragraph), which decides the canonical
      blank lines at the top of a document; ``None`` when it never does.
    - ``indent_by_depth``: its node classes whose canonical indentation grows with
      nesting depth (``from_json`` bounds what they may make
      ``serialize`` write).
    """

    name: str
    nodes: tuple[NodeRole, ...]
    terminal: str | None = None
    read: Callable[[ReadContext, Lines, tuple[str, ...] | None], Node] | None = None
    grammar: str = ""
    line_start: str | None = None
    line_grammar: str = ""
    codes: Mapping[str, str] = attrs.field(factory=dict)
    check: Callable[[Checks, Any, Place], None] | None = None
    strategy: Callable[[Kit], SearchStrategy[Any]] | None = None
    lead_only: bool = False
    first_line: Callable[[Any], str] | None = None
    indent_by_depth: tuple[type[Node], ...] = ()

    def __attrs_post_init__(self) -> None:
        # The node classes learn their construct here, once: the first
        # construct to declare a class owns it (a Dialect refuses another).
        with _CLAIMING:
            for role in self.nodes:
                if ROLE_ATTRIBUTE not in role.cls.__dict__:
                    setattr(role.cls, ROLE_ATTRIBUTE, (self, role))

    @property
    def block(self) -> type[Node]:
        """The block node class (the first of :attr:`nodes`)."""
        return self.nodes[0].cls

    def owns(self, cls: type[Node]) -> bool:
        """Whether ``cls`` is this construct's: it declared the class before
        any other construct did (or an equal construct did)."""
        owner: tuple[Construct, NodeRole] | None = cls.__dict__.get(ROLE_ATTRIBUTE)
        return owner is not None and (owner[0] is self or owner[0] == self)


#: The class attribute that holds a node class's ``(construct, role)``, set
#: when the :class:`Construct` that declares the class is defined.
ROLE_ATTRIBUTE = "__wikirel_role__"

# Makes "does the class have an owner yet? then this construct" one step for threads.
_CLAIMING = threading.Lock()


def role_of(cls: type) -> tuple[Construct, NodeRole] | None:
    """The construct of node class ``cls`` (or of the class it derives from)
    and the class's role in it; ``None`` for a class no construct declares.

    Read from the class itself, so it needs no dialect and no dialect
    changes it: ``serialize``, positions, diagnostics and ``outline`` work
    on any tree of any dialect.
    """
    found: tuple[Construct, NodeRole] | None = getattr(cls, ROLE_ATTRIBUTE, None)
    return found
