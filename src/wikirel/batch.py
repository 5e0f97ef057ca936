"""Many articles at once: ``parse_many`` over a process pool, and
partition-level functions for Dask, Spark or Ray.

Nothing from lark crosses a process boundary: each worker builds its own
parser on first use, and only texts, paths and finished nodes (frozen attrs
objects, which pickle small) travel.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from typing import Any

from ._files import MAX_BYTES
from .extraction import extract_relation
from .nodes import Document
from .parser import parse

__all__ = ["extract_partition", "parse_many"]

Source = str | os.PathLike[str]


def _text(source: Source, max_bytes: int = MAX_BYTES) -> str:
    """A ``str`` is article text; a path is read as UTF-8, line breaks untouched."""
    if isinstance(source, str):
        return source
    path = os.fspath(source)
    with open(path, "rb") as handle:  # read_text would turn CRLF into LF
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValueError(f"{path}: larger than {max_bytes} bytes")
    return data.decode("utf-8")


def _parse_one(source: Source, max_bytes: int = MAX_BYTES) -> Document:
    return parse(_text(source, max_bytes))


def parse_many(
    sources: Iterable[Source], *, jobs: int | None = None, chunksize: int = 16, max_bytes: int = MAX_BYTES
) -> Iterator[Document]:
    """Parse texts (``str``) or files (``pathlib.Path``), yielding documents in input order.

    ``jobs`` processes (default: one per CPU; ``1`` parses in this process);
    the trees are the same for every value. A file that cannot be read or
    decoded raises its ``OSError`` or ``UnicodeDecodeError`` when its turn
    comes; one larger than ``max_bytes`` (default 256 MiB) a ``ValueError``.
    """
    workers = (os.cpu_count() or 1) if jobs is None else jobs
    if workers < 1:
        raise ValueError("jobs must be at least 1")
    parse_one = functools.partial(_parse_one, max_bytes=max_bytes)
    if workers == 1:
        yield from map(parse_one, sources)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: it costs ~25 ms to import

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(parse_one, sources, chunksize=chunksize)


def extract_partition(sources: Iterable[Source]) -> list[dict[str, Any]]:
    """``Relation.to_dict()`` of each text or file: the function to map over a
    partition in Dask (``bag.map_partitions``), Spark (``rdd.mapPartitions``)
    or Ray. Returns plain JSON-ready data, cheap to ship and to write."""
    return [extract_relation(parse(_text(source))).to_dict() for source in sources]
