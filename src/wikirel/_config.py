"""``[tool.wikirel]`` in pyproject.toml: default options for the command line.

Found as black and ruff find theirs: the nearest ``pyproject.toml`` at or
above the first input (the current directory for stdin); ``--config PATH``
names one, ``--isolated`` reads none. Options given on the command line win.

.. code-block:: toml

    [tool.wikirel]
    jobs = 2
    max-bytes = 67108864
    quiet = false
    output-format = "github"   # for `wikirel check`
    extensions = ["numbered"]  # optional constructs to read
    extend-exclude = ["drafts"]
    heading-style = "preserve"  # for `wikirel fmt`: or "spaced", "tight"
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .dialect import OPTIONAL
from .formatting import HEADING_STYLES

__all__ = ["MAX_CONFIG_BYTES", "OPTIONS", "ConfigError", "find", "load", "load_file", "start_of"]

#: Each key of ``[tool.wikirel]`` with its type and, if any, allowed values.
OPTIONS: dict[str, tuple[type, tuple[str, ...]]] = {
    "jobs": (int, ()),
    "max-bytes": (int, ()),
    "quiet": (bool, ()),
    "output-format": (str, ("text", "json", "github")),
    "extensions": (list, tuple(sorted(OPTIONAL))),  # each item one of these
    "exclude": (list, ()),  # of gitignore patterns; replaces the default excludes
    "extend-exclude": (list, ()),
    "force-exclude": (bool, ()),
    "respect-gitignore": (bool, ()),
    "articles-only": (bool, ()),
    "heading-style": (str, HEADING_STYLES),
}
_POSITIVE = ("jobs", "max-bytes")

#: A pyproject.toml larger than this is refused unread (the largest on PyPI are ~100 kB).
MAX_CONFIG_BYTES = 1 << 20


class ConfigError(Exception):
    """A ``[tool.wikirel]`` table that cannot be used; the message says where and why."""


def start_of(paths: list[str], stdin_filename: str | None = None) -> Path:
    """Where the search for pyproject.toml starts: the folder of the first input."""
    first = next((p for p in paths if p != "-"), None) or stdin_filename
    if first is None:
        return Path.cwd()
    path = Path(first).absolute()
    return path if path.is_dir() else path.parent


def find(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load(start: Path | None = None) -> dict[str, Any]:
    """The checked options of the nearest ``[tool.wikirel]`` (``{}`` if none)."""
    path = find(Path.cwd() if start is None else start)
    return {} if path is None else load_file(path)


def load_file(path: Path) -> dict[str, Any]:
    """The checked options of ``[tool.wikirel]`` in ``path`` (``{}`` if none),
    keys spelt as argparse's (``max_bytes``); ConfigError naming the file otherwise."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: larger than {MAX_CONFIG_BYTES} bytes; not read as a configuration")
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not UTF-8 (invalid byte at offset {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:  # tomllib recurses into nested arrays and inline tables
        raise ConfigError(f"{path}: not read: values nested too deeply") from None
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table ([tool]), not {type(tool).__name__}")
    table = tool.get("wikirel", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.wikirel] must be a table")
    out: dict[str, Any] = {}
    for key in table:
        if key not in OPTIONS:
            raise ConfigError(
                f"{path}: unknown option {key!r} in [tool.wikirel] (known: {', '.join(OPTIONS)})"
            )
        kind, choices = OPTIONS[key]
        value: Any = table[key]
        items = value if kind is list and type(value) is list else [value]
        if kind is list and not choices and not all(type(item) is str for item in items):
            raise ConfigError(f"{path}: [tool.wikirel] {key} = {value!r}: expected a list of strings")
        if type(value) is not kind or (choices and not all(item in choices for item in items)):
            wanted = " or ".join(map(repr, choices)) if choices else kind.__name__
            raise ConfigError(f"{path}: [tool.wikirel] {key} = {value!r}: expected {wanted}")
        if key in _POSITIVE and isinstance(value, int) and value < 1:
            raise ConfigError(f"{path}: [tool.wikirel] {key} = {value!r}: expected at least 1")
        out[key.replace("-", "_")] = list(dict.fromkeys(items)) if kind is list else value
    return out
