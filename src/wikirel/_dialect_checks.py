"""The smoke test every new :class:`wikirel.Dialect` with extensions passes.

It parses one line of each built-in class and sample lines of each
extension's ``line_start`` through the round trip, so that a broken
extension is refused when the dialect is made, with its name, instead of
making ``parse`` raise an ``InternalError`` that blames wikirel later. It
lives above the parser (which imports :mod:`wikirel.dialect`) and the
serializer, and registers itself with :func:`wikirel.dialect.on_dialect` when wikirel is
imported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .construct import Construct
from .dialect import Dialect, on_dialect
from .parser import parse
from .serializer import serialize

__all__ = ["smoke_test"]


# One line of each built-in line class, and text around an extension's sample line.
_BASE_LINES = ("= T =\n", "== H ==\n", "Infobox\n- k: v\n", "text\n", "- item\n", "| a |\n", "\n", " \t")


def smoke_test(dialect: Dialect) -> None:
    """Parse one line of each built-in class and one sample line of each
    extension through the round trip; a ``ValueError`` naming the extension
    if the dialect breaks it (rather than ``parse`` blaming wikirel later)."""
    names = repr([c.name for c in dialect.extensions])
    for line in _BASE_LINES:
        default, mine = parse(line), _try_parse(parse, line, dialect, names)
        if mine != default:
            raise ValueError(f"the extensions {names} take the built-in line {line!r} from its construct")
    for construct in dialect.extensions:
        # No sample for a line start too intricate for _shortest: the grammar checks stand.
        for sample in _samples(construct.line_start or ""):
            for text in (sample + "\n", "text\n" + sample + " x\r\n\n" + sample + "\nafter\n"):
                doc = _try_parse(parse, text, dialect, repr([construct.name]))
                _check_sample(construct, dialect, text, doc)


def _try_parse(parse: Callable[..., Any], text: str, dialect: Dialect, names: str) -> Any:
    try:
        return parse(text, dialect=dialect)
    except Exception as error:  # an extension's reader, or a grammar that leaves a line unmatched
        raise ValueError(
            f"extension {names}: parse({text!r}) fails: {type(error).__name__}: {error}"
        ) from None


def _check_sample(construct: Construct, dialect: Dialect, text: str, doc: Any) -> None:
    name = repr(construct.name)
    for kind, token in dialect.scan(text):
        if kind == construct.terminal and not token.endswith(("\n", "\r")) and not text.endswith(token):
            raise ValueError(
                f"extension {name}: its terminal {kind} matches {token!r}, which does not end at a line "
                "break (end it with _EOL)"
            )
    for block in doc.blocks:
        if not isinstance(block, dialect.block_classes):
            raise ValueError(
                f"extension {name}: read returned {block!r}, not a {construct.block.__name__} (for {text!r})"
            )
    try:
        written = serialize(doc)
    except (TypeError, ValueError) as error:
        raise ValueError(f"extension {name}: cannot write what it read from {text!r}: {error}") from None
    if written != text:
        raise ValueError(f"extension {name}: {text!r} is written back as {written!r}")


def _samples(pattern: str) -> list[str]:
    """Short strings that ``pattern`` matches at their start: one for each
    option of its first choice (``a|b``, ``[ab]``); none where it is too
    intricate for :func:`_shortest`."""
    try:
        import re._parser as sre  # type: ignore[import-not-found]

        items = list(sre.parse(pattern).data)
        variants = [items]
        for index, (op, value) in enumerate(items):
            if str(op) == "BRANCH":
                options = [list(option) for option in value[1]]
            elif str(op) == "IN" and not any(str(o) == "NEGATE" for o, _ in value):
                options = [[(sre.IN, [option])] for option in value]
            else:
                continue
            variants = [items[:index] + option + items[index + 1 :] for option in options]
            break
        found = [_shortest(variant) for variant in variants]
    except Exception:  # a construct the little writer below does not know
        return []
    return [sample for sample in found if sample is not None and re.match(pattern, sample)]


def _shortest(items: list[Any]) -> str | None:
    """The shortest string of a parsed pattern (``re._parser`` items), lookarounds ignored."""
    out: list[str] = []
    # Explicit stack of item lists still to write (no recursion over nesting).
    stack: list[list[Any]] = [list(reversed(items))]
    while stack:
        if not stack[-1]:
            stack.pop()
            continue
        op, value = stack[-1].pop()
        name = str(op)
        if name == "LITERAL":
            out.append(chr(value))
        elif name in ("NOT_LITERAL", "ANY"):
            out.append("a" if value != ord("a") else "b")
        elif name == "IN":
            char = _one_of(value)
            if char is None:
                return None
            out.append(char)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _, body = value
            stack.append(list(reversed(list(body) * low)))
        elif name == "BRANCH":
            stack.append(list(reversed(list(value[1][0]))))
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            stack.append(list(reversed(list(value[-1] if name == "SUBPATTERN" else value))))
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        else:
            return None
    return "".join(out)


_CANDIDATES = "a0 x-A#>!."


def _one_of(items: list[Any]) -> str | None:
    """A character a ``[...]`` set matches."""
    negate = any(str(op) == "NEGATE" for op, _ in items)
    for char in (
        _CANDIDATES
        if negate
        else _CANDIDATES
        + "".join(
            chr(value) if str(op) == "LITERAL" else chr(value[0]) if str(op) == "RANGE" else ""
            for op, value in items
        )
    ):
        if re.fullmatch(_set_pattern(items), char):
            return char
    return None


def _set_pattern(items: list[Any]) -> str:
    parts: list[str] = []
    for op, value in items:
        name = str(op)
        if name == "NEGATE":
            parts.insert(0, "^")
        elif name == "LITERAL":
            parts.append(re.escape(chr(value)))
        elif name == "RANGE":
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif name == "CATEGORY":
            parts.append(
                {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}.get(
                    str(value),
                    r"\W" if "NOT_WORD" in str(value) else r"\D" if "NOT_DIGIT" in str(value) else r"\S",
                )
            )
    return "[" + "".join(parts) + "]"


on_dialect(smoke_test)
