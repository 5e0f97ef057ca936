"""JSON text for data of any nesting depth.

The standard library's encoder and decoder recurse once per nesting level
and raise ``RecursionError`` near a thousand; a list nested 1,500 deep is
4,500 levels of wikirel JSON. ``dumps`` and ``loads`` use the standard
library (C, fast) and fall back to the iterative versions here when it gives
up, with the same output and the same accepted input. ``loads`` also rejects
duplicate object keys, which ``json`` would silently collapse.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from json.encoder import encode_basestring
from typing import Any

__all__ = ["dumps", "loads"]


def dumps(data: Any, *, indent: int | None = None) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=indent)``, at any depth."""
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent)
    except RecursionError:
        return _dumps(data, indent)


def loads(text: str | bytes) -> Any:
    """``json.loads(text)`` at any depth; ``ValueError`` for bad JSON or a repeated key."""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode(json.detect_encoding(text))
    text = str.__str__(text)
    try:
        return json.loads(text, object_pairs_hook=_object)
    except RecursionError:
        return _loads(text)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"repeated key {key!r} in a JSON object")
        out[key] = value
    return out


_LITERALS = {
    "true": True,
    "false": False,
    "null": None,
    "NaN": float("nan"),
    "Infinity": float("inf"),
    "-Infinity": float("-inf"),
}


def _scalar(value: Any) -> str:
    if value is None or value is True or value is False:
        return "null" if value is None else "true" if value else "false"
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, (int, float)):
        return json.dumps(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _dumps(data: Any, indent: int | None) -> str:
    """The iterative encoder: same text as ``json.dumps``."""
    item_sep, key_sep = (", ", ": ") if indent is None else (",", ": ")
    out: list[str] = []
    # Entries: a value to write (with its depth), or literal text.
    stack: list[tuple[Any, int] | str] = [(data, 0)]
    while stack:
        entry = stack.pop()
        if isinstance(entry, str):
            out.append(entry)
            continue
        value, depth = entry
        if isinstance(value, dict):
            items = [(encode_basestring(str(key)) + key_sep, item) for key, item in value.items()]
            opening, closing = "{", "}"
        elif isinstance(value, (list, tuple)):
            items = [("", item) for item in value]
            opening, closing = "[", "]"
        else:
            out.append(_scalar(value))
            continue
        if not items:
            out.append(opening + closing)
            continue
        if indent is None:
            first, sep, last = "", item_sep, ""
        else:
            inner = "\n" + " " * (indent * (depth + 1))
            first, sep, last = inner, item_sep + inner, "\n" + " " * (indent * depth)
        out.append(opening + first)
        todo: list[tuple[Any, int] | str] = [last + closing]
        for index in range(len(items) - 1, -1, -1):
            prefix, item = items[index]
            todo.append((item, depth + 1))
            todo.append((sep if index else "") + prefix)
        stack.extend(todo)
    return "".join(out)


_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")


def _loads(text: str) -> Any:
    """The iterative decoder: accepts what ``json.loads`` accepts, with one
    explicit stack of open containers."""
    # Open containers: [container, key waiting for its value (objects)].
    stack: list[list[Any]] = []
    position = _WS.match(text, 0).end()  # type: ignore[union-attr]
    while True:
        # A value starts here.
        char = text[position : position + 1]
        if char in ("{", "["):
            container: Any = {} if char == "{" else []
            position = _WS.match(text, position + 1).end()  # type: ignore[union-attr]
            closing = "}" if char == "{" else "]"
            if text[position : position + 1] == closing:
                value, position = container, position + 1
            else:
                stack.append([container, None])
                if char == "{":
                    position = _key(text, position, stack[-1])
                continue
        elif char == '"':
            value, position = scanstring(text, position + 1, True)
        else:
            number = _NUMBER.match(text, position)
            if number is not None and number.end() > position:
                literal = number.group()
                value = float(literal) if number.group(1) or number.group(2) else int(literal)
                position = number.end()
            else:
                word = next((w for w in _LITERALS if text.startswith(w, position)), None)
                if word is None:
                    raise _error("expecting value", text, position)
                value, position = _LITERALS[word], position + len(word)
        # A value ends here: store it, then close what it completes.
        while True:
            position = _WS.match(text, position).end()  # type: ignore[union-attr]
            if not stack:
                if position != len(text):
                    raise _error("extra data", text, position)
                return value
            top = stack[-1]
            if isinstance(top[0], dict):
                if top[1] in top[0]:
                    raise ValueError(f"repeated key {top[1]!r} in a JSON object")
                top[0][top[1]] = value
            else:
                top[0].append(value)
            char = text[position : position + 1]
            closing = "}" if isinstance(top[0], dict) else "]"
            if char == ",":
                position = _WS.match(text, position + 1).end()  # type: ignore[union-attr]
                if isinstance(top[0], dict):
                    position = _key(text, position, top)
                break
            if char != closing:
                raise _error(f"expecting ',' or '{closing}'", text, position)
            value, position = stack.pop()[0], position + 1


def _key(text: str, position: int, top: list[Any]) -> int:
    """Read ``"key":`` into ``top``; the position of the value after it."""
    if text[position : position + 1] != '"':
        raise _error("expecting property name enclosed in double quotes", text, position)
    top[1], position = scanstring(text, position + 1, True)
    position = _WS.match(text, position).end()  # type: ignore[union-attr]
    if text[position : position + 1] != ":":
        raise _error("expecting ':' delimiter", text, position)
    return _WS.match(text, position + 1).end()  # type: ignore[union-attr]


def _error(message: str, text: str, position: int) -> ValueError:
    return json.JSONDecodeError(message[:1].upper() + message[1:], text, position)
