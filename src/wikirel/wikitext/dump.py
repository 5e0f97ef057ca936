"""Pages of a MediaWiki XML dump (``pages-articles.xml`` or ``.xml.bz2``), streamed.

The reader is the standard library's expat (:mod:`xml.parsers.expat`), fed
64 KiB at a time, with no tree at all: memory holds one page's text (of a
page whose title matches) and the parser's buffer, whatever the dump's size.
Not ``ElementTree.iterparse``: it builds elements one must clear, and it has
no hook to refuse a document type declaration; not mwxml: a dependency for
what forty lines do. A dump has no DOCTYPE, so one (and with it any entity
declaration: billion laughs, external entities) is refused outright.
"""

from __future__ import annotations

import bz2
import re
from collections.abc import Iterator
from typing import IO, Any
from xml.parsers import expat

import attrs

from ..errors import WikirelError

__all__ = ["BILATERAL_TITLES", "DumpError", "Page", "iter_pages", "safe_file_name"]

#: The default title pattern: "X–Y relations" (en dash, hyphen or em dash), main namespace.
BILATERAL_TITLES = r"^[^:]+?[–—-][^:]+ relations$"
CHUNK = 1 << 16


class DumpError(WikirelError, ValueError):
    """A dump that is not well-formed XML, or that declares a DOCTYPE or entities."""


@attrs.frozen
class Page:
    """A page of the dump: its ``title`` and the ``text`` of its last revision."""

    title: str
    text: str


class _Refused(Exception):
    pass


def _open(path: str) -> IO[bytes]:
    with open(path, "rb") as probe:
        magic = probe.read(3)
    if magic == b"BZh":
        return bz2.open(path, "rb")
    return open(path, "rb")


#: Characters of a title kept: MediaWiki allows 255 bytes; a dump's longer
#: "title" is not held in memory, and its page is not read.
TITLE_LIMIT = 1024


def _sniff(stream: IO[bytes]) -> IO[bytes]:
    """A binary stream, decompressed when it starts as bz2 does (a stream that can ``peek``: stdin)."""
    peek = getattr(stream, "peek", None)
    if peek is not None and peek(3)[:3] == b"BZh":
        return bz2.BZ2File(stream)
    return stream


def iter_pages(
    path: str | IO[bytes],
    titles: str | re.Pattern[str] = BILATERAL_TITLES,
    *,
    max_bytes: int | None = None,
    skipped: list[str] | None = None,
) -> Iterator[Page]:
    """The pages of the dump at ``path`` (bz2 or plain XML; or a binary stream, bz2 too if it can ``peek``)
    whose title matches ``titles`` (``re.search``), redirects left out.

    A page whose text is longer than ``max_bytes`` characters is neither held
    nor yielded: its title is appended to ``skipped``.
    Raises :class:`DumpError` for XML that is malformed or declares a DOCTYPE.
    """
    pattern = re.compile(titles) if isinstance(titles, str) else titles
    stream = _open(path) if isinstance(path, str) else _sniff(path)
    state: dict[str, Any] = {
        "in": None,
        "title": [],
        "title_size": 0,
        "text": [],
        "size": 0,
        "redirect": False,
    }
    ready: list[Page] = []
    wanted = [False]

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if local == "page":
            state.update(title=[], title_size=0, text=[], size=0, redirect=False)
            wanted[0] = False
        elif local == "redirect":
            state["redirect"] = True
        elif local == "revision":
            state["text"], state["size"] = [], 0  # the last revision wins
        if local in ("title", "text"):
            state["in"] = local

    def end(name: str) -> None:
        local = name.rpartition(" ")[2]
        if local in ("title", "text"):
            state["in"] = None
        if local == "title":  # a title past MediaWiki's limit is no page of ours (and is not held)
            long = state["title_size"] > TITLE_LIMIT
            wanted[0] = not long and pattern.search("".join(state["title"])) is not None
        elif local == "page" and wanted[0] and not state["redirect"]:
            title = "".join(state["title"])
            text = "".join(state["text"])
            if re.match(r"\s*#redirect\b", text, re.IGNORECASE):
                return
            if max_bytes is not None and state["size"] > max_bytes:
                if skipped is not None:
                    skipped.append(title)
                return
            ready.append(Page(title, text))

    def data(text: str) -> None:
        where = state["in"]
        if where == "title":
            state["title_size"] += len(text)
            if state["title_size"] <= TITLE_LIMIT:
                state["title"].append(text)
        elif where == "text" and wanted[0] and not state["redirect"]:
            state["size"] += len(text)
            if max_bytes is None or state["size"] <= max_bytes:
                state["text"].append(text)
            else:
                state["text"] = []

    def refuse(*_: Any) -> int:
        raise _Refused

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.buffer_text = True
    try:
        while True:
            chunk = stream.read(CHUNK)
            try:
                parser.Parse(chunk, not chunk)
            except _Refused:
                raise DumpError("a DOCTYPE or entity declaration: a MediaWiki dump has none") from None
            except expat.ExpatError as error:
                raise DumpError(f"not well-formed XML: {error}") from None
            yield from ready
            ready.clear()
            if not chunk:
                return
    except (OSError, EOFError) as error:
        raise DumpError(f"cannot read the dump: {error}") from None
    finally:
        if isinstance(path, str):
            stream.close()


_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))]
)
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


def safe_file_name(title: str, taken: set[str]) -> str:
    """A file name for a page title: no path separator, no leading dot, no
    trailing dot or space, no Windows device name (``CON``, ``NUL``, ...), at
    most ~200 bytes, ``.txt``, unique in ``taken`` (which it extends)."""
    stem = _UNSAFE.sub("_", title).strip().lstrip(".") or "page"
    # Cut at 200 bytes in one step (not a character at a time: a title of
    # 200,000 characters took 15 seconds), never inside a character.
    stem = stem.encode("utf-8")[:200].decode("utf-8", "ignore").rstrip(". ") or "page"
    if stem.partition(".")[0].rstrip(" ").upper() in _RESERVED:  # Windows' device names, any extension
        stem = "_" + stem
    name = f"{stem}.txt"
    number = 2
    while name.casefold() in taken:
        name = f"{stem} ({number}).txt"
        number += 1
    taken.add(name.casefold())
    return name
