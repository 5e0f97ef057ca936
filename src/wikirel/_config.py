"""``[tool.wikirel]`` in pyproject.toml: default options for the command line.

Found as black and ruff find theirs: the nearest ``pyproject.toml`` from the
current directory upwards. Options given on the command line win.

.. code-block:: toml

    [tool.wikirel]
    jobs = 2
    max-bytes = 67108864
    quiet = false
    output-format = "github"   # for `wikirel check`
    extensions = ["numbered"]  # optional constructs to read
    heading-style = "preserve"  # for `wikirel fmt`: or "spaced", "tight"
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .formatting import HEADING_STYLES
from .registry import OPTIONAL

__all__ = ["OPTIONS", "ConfigError", "load"]

#: Each key of ``[tool.wikirel]`` with its type and, if any, allowed values.
OPTIONS: dict[str, tuple[type, tuple[str, ...]]] = {
    "jobs": (int, ()),
    "max-bytes": (int, ()),
    "quiet": (bool, ()),
    "output-format": (str, ("text", "json", "github")),
    "extensions": (list, tuple(sorted(OPTIONAL))),  # each item one of these
    "heading-style": (str, HEADING_STYLES),
}


class ConfigError(Exception):
    """A ``[tool.wikirel]`` table that cannot be used; the message says where and why."""


def find(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load(start: Path | None = None) -> dict[str, Any]:
    """The checked options of the nearest ``[tool.wikirel]`` (``{}`` if none),
    keys spelt as argparse's (``max_bytes``)."""
    path = find(Path.cwd() if start is None else start)
    if path is None:
        return {}
    try:
        with open(path, "rb") as handle:
            table = tomllib.load(handle).get("tool", {}).get("wikirel", {})
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.wikirel] must be a table")
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in OPTIONS:
            raise ConfigError(
                f"{path}: unknown option {key!r} in [tool.wikirel] (known: {', '.join(OPTIONS)})"
            )
        kind, choices = OPTIONS[key]
        items = value if kind is list and type(value) is list else [value]
        if type(value) is not kind or (choices and not all(item in choices for item in items)):
            wanted = " or ".join(map(repr, choices)) if choices else kind.__name__
            raise ConfigError(f"{path}: [tool.wikirel] {key} = {value!r}: expected {wanted}")
        out[key.replace("-", "_")] = value
    return out
