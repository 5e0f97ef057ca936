"""Many articles at once: ``parse_many`` over a process pool, and
partition-level functions for Dask, Spark or Ray.

Texts and paths have entry points of their own (``parse_many`` /
``parse_files``, ``extract_partition`` / ``extract_files``): a ``str`` is
both, so one function for both read ``"seeds/x.txt"`` as an article.

Nothing from lark crosses a process boundary: each worker builds its own
parser on first use, and only texts, paths and finished nodes (which pickle
small and flat) travel.
"""

from __future__ import annotations

import functools
import itertools
import os
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

from ._files import MAX_BYTES, decode, read_limited
from .errors import InputError
from .extraction import extract_relation
from .nodes import Document
from .parser import parse
from .relation_types import RelationDict

__all__ = ["extract_files", "extract_partition", "parse_files", "parse_many"]

Path = str | os.PathLike[str]


def _read(path: Path, max_bytes: int) -> str:
    """A file's text, UTF-8, line breaks untouched (``read_text`` would turn CRLF
    into LF); :class:`~wikirel.InputError` if it cannot be read, is larger than
    ``max_bytes`` or is not UTF-8 (the command line's reader and messages),
    naming the file in ``.path``."""
    name = os.fspath(path)
    try:
        return decode(read_limited(name, max_bytes))
    except InputError as error:
        raise InputError(error.reason, name) from None


def _text(source: str | os.PathLike[str], max_bytes: int) -> str:
    """An article text given where texts belong; a path there still works, with a warning."""
    if isinstance(source, str):
        if len(source) < 4096 and "\n" not in source and source.endswith(".txt") and os.path.isfile(source):
            warnings.warn(
                f"{source!r} is read as article text, but it names a file: "
                "use wikirel.batch.parse_files or wikirel.batch.extract_files for paths",
                UserWarning,
                stacklevel=4,
            )
        return source
    warnings.warn(
        "passing paths where texts belong is deprecated: "
        "use wikirel.batch.parse_files or wikirel.batch.extract_files",
        DeprecationWarning,
        stacklevel=4,
    )
    return _read(source, max_bytes)


def _parse_text(source: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> Document:
    return parse(_text(source, max_bytes))


def _parse_file(path: Path, max_bytes: int = MAX_BYTES) -> Document:
    return parse(_read(path, max_bytes))


def _pooled(function: Any, items: Iterable[Any], jobs: int | None, chunksize: int) -> Iterator[Any]:
    """``map(function, items)`` in ``jobs`` processes (default: one per CPU), in order."""
    workers = (os.cpu_count() or 1) if jobs is None else jobs
    if workers < 1:
        raise ValueError("jobs must be at least 1")
    if workers == 1:
        yield from map(function, items)
        return
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    from concurrent.futures import ProcessPoolExecutor  # here: it costs ~25 ms to import

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from _windowed(pool, function, items, chunksize, workers * IN_FLIGHT)


#: Chunks submitted to a pool and not yet yielded, per worker. ``Executor.map``
#: submits every item before it yields one (a generator of a million paths is
#: read whole, and results wait in memory until they are taken): here memory
#: follows the window, not the number of items.
IN_FLIGHT = 3


def _windowed(
    pool: Any, function: Callable[[Any], Any], items: Iterable[Any], chunksize: int, window: int
) -> Iterator[Any]:
    """``pool.map(function, items, chunksize=chunksize)``, with at most ``window`` chunks submitted
    and not yet yielded; items are taken from ``items`` only as the window moves."""
    source = iter(items)
    chunks = iter(lambda: list(itertools.islice(source, chunksize)), [])
    pending: deque[Any] = deque(
        pool.submit(_map_chunk, function, chunk) for chunk in itertools.islice(chunks, window)
    )
    try:
        while pending:
            results, error = pending.popleft().result()
            for chunk in itertools.islice(chunks, 1):
                pending.append(pool.submit(_map_chunk, function, chunk))
            yield from results
            if error is not None:
                raise error
    finally:  # stopped early (an error, or the caller left): do not wait for work nobody reads
        for future in pending:
            future.cancel()


def _map_chunk(function: Callable[[Any], Any], chunk: list[Any]) -> tuple[list[Any], Exception | None]:
    """The results of a chunk up to its first error, and that error: the items before it still count."""
    results = []
    for item in chunk:
        try:
            results.append(function(item))
        except Exception as error:
            return results, error
    return results, None


def parse_many(
    texts: Iterable[str], *, jobs: int | None = None, chunksize: int = 16, max_bytes: int = MAX_BYTES
) -> Iterator[Document]:
    """Parse article texts, yielding documents in input order.

    ``jobs`` processes (default: one per CPU; ``1`` parses in this process);
    the trees are the same for every value. Files go to :func:`parse_files`:
    a ``str`` here is always article text (one that names an existing
    ``.txt`` file gets a warning), and a path is deprecated here.
    """
    return _pooled(functools.partial(_parse_text, max_bytes=max_bytes), texts, jobs, chunksize)


def parse_files(
    paths: Iterable[Path], *, jobs: int | None = None, chunksize: int = 16, max_bytes: int = MAX_BYTES
) -> Iterator[Document]:
    """Parse files (``str`` or ``pathlib.Path`` names), yielding documents in input order.

    Files are read as UTF-8 with their line breaks untouched. A file that
    cannot be read, is larger than ``max_bytes`` (default 256 MiB) or is not
    UTF-8 raises :class:`~wikirel.InputError` (a ``ValueError``) when its turn
    comes. ``jobs`` as in :func:`parse_many`.
    """
    return _pooled(functools.partial(_parse_file, max_bytes=max_bytes), paths, jobs, chunksize)


def extract_partition(texts: Iterable[str]) -> list[RelationDict]:
    """``Relation.to_dict()`` of each article text: the function to map over a
    partition in Dask (``bag.map_partitions``), Spark (``rdd.mapPartitions``)
    or Ray. Returns plain JSON-ready data, cheap to ship and to write.
    For files, :func:`extract_files`."""
    return [extract_relation(parse(_text(text, MAX_BYTES))).to_dict() for text in texts]


def extract_files(
    paths: Iterable[Path], *, max_bytes: int = MAX_BYTES, errors: Literal["record", "raise"] = "record"
) -> list[dict[str, Any]]:
    """``{"path": ..., **Relation.to_dict()}`` of each file, in order: the
    partition-level function for a corpus of files.

    One bad file must not cost a partition of a 100k-article job: by default
    a file that cannot be read, is too large or is not UTF-8 gives
    ``{"path": ..., "error": "not UTF-8: invalid byte 0xff at offset 0"}``
    in its place (the command line's message); ``errors="raise"`` raises.
    """
    records: list[dict[str, Any]] = []
    for path in paths:
        name = os.fspath(path)
        try:
            text = _read(name, max_bytes)
        except InputError as error:
            if errors == "raise":
                raise
            records.append({"path": name, "error": error.reason})
            continue
        records.append({"path": name, **extract_relation(parse(text)).to_dict()})
    return records
