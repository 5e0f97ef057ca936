"""Many articles at once: ``parse_many`` over a process pool, and
partition-level functions for Dask, Spark or Ray.

Nothing from lark crosses a process boundary: each worker builds its own
parser on first use, and only texts, paths and finished nodes (frozen attrs
objects, which pickle small) travel.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .extraction import extract_relation
from .nodes import Document
from .parser import parse

__all__ = ["extract_partition", "parse_many"]

Source = str | os.PathLike[str]


def _text(source: Source) -> str:
    """A ``str`` is article text; a path is read as UTF-8, line breaks untouched."""
    if isinstance(source, str):
        return source
    return Path(source).read_bytes().decode("utf-8")  # read_text would turn CRLF into LF


def _parse_one(source: Source) -> Document:
    return parse(_text(source))


def parse_many(
    sources: Iterable[Source], *, jobs: int | None = None, chunksize: int = 16
) -> Iterator[Document]:
    """Parse texts (``str``) or files (``pathlib.Path``), yielding documents in input order.

    ``jobs`` processes (default: one per CPU; ``1`` parses in this process).
    A file that cannot be read or decoded raises its ``OSError`` or
    ``UnicodeDecodeError`` when its turn comes.
    """
    workers = (os.cpu_count() or 1) if jobs is None else jobs
    if workers < 1:
        raise ValueError("jobs must be at least 1")
    if workers == 1:
        yield from map(_parse_one, sources)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: it costs ~25 ms to import

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_parse_one, sources, chunksize=chunksize)


def extract_partition(sources: Iterable[Source]) -> list[dict[str, Any]]:
    """``Relation.to_dict()`` of each text or file: the function to map over a
    partition in Dask (``bag.map_partitions``), Spark (``rdd.mapPartitions``)
    or Ray. Returns plain JSON-ready data, cheap to ship and to write."""
    return [extract_relation(parse(_text(source))).to_dict() for source in sources]
