"""Dialects: the constructs in order, and every dispatch table derived from them.

``BUILTIN`` lists the constructs of the format, one line each; a
:class:`Dialect` is those plus extensions. From a dialect come the parser's
readers (by grammar terminal), the block classes and JSON type names, the
diagnostic codes and the grammar, all held by the dialect object. How a node
is written, checked and summed up is found from its class
(:func:`~wikirel.construct.role_of`, subclasses included): a construct's
node classes learn their construct when it is defined, so ``serialize``,
``positions`` and ``Document.diagnostics`` need no dialect, and making a
dialect changes nothing for the rest of the process.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from .construct import Construct, role_of
from .grammar import compose, lark_parser, scan
from .markup import bullets, document, heading, infobox, numbered, paragraph, table
from .nodes import Node

if TYPE_CHECKING:
    from lark import Lark


__all__ = ["BUILTIN", "DEFAULT", "OPTIONAL", "Dialect", "on_dialect", "role_of"]

#: The constructs of the format, in order (the document skeleton first).
BUILTIN: tuple[Construct, ...] = (
    document.CONSTRUCT,
    heading.CONSTRUCT,
    infobox.CONSTRUCT,
    paragraph.CONSTRUCT,
    bullets.CONSTRUCT,
    table.CONSTRUCT,
)

#: Constructs shipped with wikirel but off by default, by name: ``Dialect(["numbered"])``.
OPTIONAL: Mapping[str, Construct] = {
    "numbered": numbered.CONSTRUCT,
}

# Terminals of wikirel.lark that no construct reads (the parser handles them).
_CORE_TERMINALS = frozenset({heading.TITLE_TERMINAL, heading.TERMINAL, "BLANK_LINES"})

# Checks a new dialect with extensions must pass, from the layers above (the
# smoke test needs parse and serialize, which need this module).
_ON_DIALECT: list[Callable[[Dialect], None]] = []


def on_dialect(check: Callable[[Dialect], None]) -> None:
    """Run ``check(dialect)`` on every new dialect with extensions; a
    ``ValueError`` from it refuses the dialect. (For the layers above this
    module, once each, at import: the smoke test of :mod:`wikirel._dialect_checks`.)"""
    _ON_DIALECT.append(check)


class Dialect:
    """The format's constructs plus ``extensions``: what ``parse`` reads.

    ``extensions`` are :class:`~wikirel.construct.Construct` objects, or
    names of the optional constructs wikirel ships (``"numbered"``). Pass
    the dialect to ``parse``, ``format_text``, ``from_json``, the
    strategies and the harness; ``serialize`` needs none (a node knows its
    construct). The default dialect is :data:`DEFAULT`.

    >>> from wikirel import Dialect, parse
    >>> doc = parse("1. one\\n2. two\\n", dialect=Dialect(["numbered"]))
    >>> [item.text for item in doc.blocks[0].items]
    ['one', 'two']
    """

    __slots__ = (
        "_grammar_key",
        "block_classes",
        "codes",
        "constructs",
        "extensions",
        "grammar",
        "indent_by_depth",
        "list_item_classes",
        "node_classes",
        "node_types",
        "readers",
    )

    def __init__(self, extensions: Iterable[Construct | str] = ()) -> None:
        extras: list[Construct] = []
        for extension in extensions:
            construct = _resolve(extension)
            if not any(construct is seen or construct == seen for seen in extras):  # named twice: once
                extras.append(construct)
        constructs = (*BUILTIN, *extras)
        _validate(constructs, tuple(extras))
        _check_owners(extras)  # the built-in constructs own their classes
        grammar = compose([(c.terminal, c.grammar, c.line_start) for c in extras])  # type: ignore[misc]
        if extras:  # build it now, so a broken fragment fails here and not at the first parse
            try:
                built = lark_parser(grammar)
            except Exception as error:  # lark's GrammarError and friends
                raise ValueError(f"the grammar of {_names(extras)} does not build: {error}") from None
            names = {terminal.name for terminal in built.terminals}
            for construct in extras:
                if construct.terminal not in names:
                    raise ValueError(
                        f"extension {construct.name!r}: {construct.terminal} is not a terminal of the "
                        "built grammar (a terminal is an upper-case name its fragment defines)"
                    )
        #: The constructs, the built-in ones first.
        self.constructs: tuple[Construct, ...] = constructs
        #: The extensions alone, in the order given.
        self.extensions: tuple[Construct, ...] = tuple(extras)
        #: The parser's readers, by grammar terminal.
        self.readers: dict[str, Callable[..., Node]] = {
            c.terminal: c.read for c in constructs if c.read is not None and c.terminal
        }
        #: The classes a block field (``Document.blocks``) may hold.
        self.block_classes: tuple[type[Node], ...] = tuple(c.block for c in constructs if c.read is not None)
        #: Every node class, in construct order, and by JSON type name.
        self.node_classes: tuple[type[Node], ...] = tuple(role.cls for c in constructs for role in c.nodes)
        self.node_types: dict[str, type[Node]] = {cls.__name__: cls for cls in self.node_classes}
        #: Every diagnostic code, with what it means.
        self.codes: dict[str, str] = {code: meaning for c in constructs for code, meaning in c.codes.items()}
        #: Item classes whose canonical indentation grows with nesting.
        self.indent_by_depth: tuple[type[Node], ...] = tuple(
            cls for c in constructs for cls in c.indent_by_depth
        )
        #: The node classes that are list items (``NodeRole.list_item``): a
        #: ``text`` of one line of prose and nested ``children``.
        self.list_item_classes: tuple[type[Node], ...] = tuple(
            role.cls for c in constructs for role in c.nodes if role.list_item
        )
        #: The Lark grammar: ``wikirel.lark`` and the extensions' fragments.
        self.grammar: str = grammar
        self._grammar_key = grammar if extras else None
        if extras:
            for check in _ON_DIALECT:
                check(self)

    def scan(self, text: str) -> Iterator[tuple[str, str]]:
        """The block tokens of ``text`` (:func:`wikirel.grammar.scan` with this grammar)."""
        return scan(text, self._grammar_key)

    def lark(self) -> Lark:
        """Lark's LALR parser for this dialect's grammar (the reference for :meth:`scan`)."""
        return lark_parser(self._grammar_key)

    def __repr__(self) -> str:
        return f"Dialect({_names(self.extensions)})"


def _names(constructs: Iterable[Construct]) -> str:
    return repr([c.name for c in constructs])


def _resolve(extension: Construct | str) -> Construct:
    if isinstance(extension, Construct):
        return extension
    found = OPTIONAL.get(extension) if isinstance(extension, str) else None
    if found is None:
        raise ValueError(f"unknown construct {extension!r}: give a Construct, or one of {sorted(OPTIONAL)}")
    return found


def _check_owners(constructs: Iterable[Construct]) -> None:
    """Refuse a construct that declares a node class another construct owns:
    ``serialize`` would write its nodes with the other construct's writer."""
    for construct in constructs:
        for role in construct.nodes:
            if not construct.owns(role.cls):
                owner = role_of(role.cls)
                raise ValueError(
                    f"{role.cls.__name__} belongs to construct {owner[0].name if owner else None!r} "
                    f"already, not to {construct.name!r}"
                )


def _validate(constructs: tuple[Construct, ...], extensions: tuple[Construct, ...]) -> None:
    names: set[str] = set()
    terminals = set(_CORE_TERMINALS)
    types: set[str] = set()
    for construct in constructs:
        if construct.name in names:
            raise ValueError(f"two constructs are named {construct.name!r}")
        names.add(construct.name)
        if construct.terminal is not None:
            if construct.terminal in terminals:
                raise ValueError(f"construct {construct.name!r}: terminal {construct.terminal} is taken")
            terminals.add(construct.terminal)
        for role in construct.nodes:
            if role.cls.__name__ in types:
                raise ValueError(f"construct {construct.name!r}: a node class {role.cls.__name__} exists")
            types.add(role.cls.__name__)
    for construct in extensions:
        missing = [
            field for field in ("terminal", "read", "grammar", "line_start") if not getattr(construct, field)
        ]
        if missing or not construct.nodes:
            raise ValueError(f"extension {construct.name!r} needs {', '.join(missing or ['nodes'])}")
        if any(role.write is None for role in construct.nodes):
            raise ValueError(f"extension {construct.name!r}: every node class needs a writer")
        terminal = construct.terminal or ""
        if not _TERMINAL_NAME.fullmatch(terminal):
            raise ValueError(
                f"extension {construct.name!r}: terminal {terminal!r} is not a Lark terminal name "
                "(upper case, not starting with '_', which would drop its tokens)"
            )
        directive = _DIRECTIVE.search(construct.grammar)
        if directive is not None:
            raise ValueError(
                f"extension {construct.name!r}: its grammar may only define terminals, "
                f"not use {directive.group(1)} (it would change the base grammar)"
            )
        try:
            re.compile(construct.line_start or "")
        except re.error as error:
            raise ValueError(
                f"extension {construct.name!r}: line_start is not a regular expression on its own "
                f"({error}); it is spliced into the text-line rule"
            ) from None


_TERMINAL_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
# Lark directives that would change the base grammar (%import of common terminals is fine).
_DIRECTIVE = re.compile(r"(?m)^[ \t]*(%(?!import\b)\w+)")


#: The default dialect: the format as docs/format.md describes it.
DEFAULT = Dialect()
