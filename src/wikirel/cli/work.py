"""The work done per input, in this process or in a pool: plain data in, plain data out."""

from __future__ import annotations

import argparse
import functools
import itertools
import os
import shutil
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, overload

from .. import _deepjson
from .._files import (
    DEFAULT_EXCLUDE,
    Names,
    Selection,
    decode,
    display,
    find_inputs,
    read_limited,
    read_up_to,
    too_large,
)
from ..dialect import DEFAULT, Dialect, role_of
from ..errors import InputError
from ..extraction import extract_relation
from ..formatting import normalize, same_content
from ..json_format import FORMAT_VERSION, to_data
from ..nodes import Document
from ..parser import parse
from ..positions import positions
from ..serializer import serialize
from ..traversal import iter_child_nodes, walk
from .output import Progress, Result, message_line, stdin_label, warn

__all__ = ["WORK", "Job", "dialect", "run", "selection", "work", "workers"]

# -- the work done per input: plain data in, plain data out (picklable) ------


# ``name`` is already escaped for output (``display``).


def _parse_record(name: str, doc: Document, options: dict[str, Any]) -> str:
    record = {"path": name, "wikirel": FORMAT_VERSION, "node": to_data(doc)}
    return _deepjson.dumps(record, indent=options.get("indent"))


def _extract_record(name: str, doc: Document, options: dict[str, Any]) -> dict[str, Any]:
    return {"path": name, **extract_relation(doc, dialect=dialect(options.get("extensions", ()))).to_dict()}


def _check_record(name: str, doc: Document, options: dict[str, Any]) -> list[tuple[str, int, int, str, str]]:
    return [(name, d.line, d.column, d.code, d.message) for d in doc.diagnostics]


def _fmt_record(name: str, doc: Document, options: dict[str, Any]) -> str | None:
    """The canonical text, or None when it cannot be trusted (then the file is left alone)."""
    style = options.get("heading_style", "preserve")
    canonical = serialize(normalize(doc, heading_style=style))
    again = parse(canonical, dialect=dialect(options.get("extensions", ())))
    if serialize(normalize(again, heading_style=style)) != canonical or not same_content(again, doc):
        return None
    return canonical


def _stats_record(name: str, doc: Document, options: dict[str, Any]) -> dict[str, dict[str, int]]:
    nodes = Counter(type(node).__name__ for node in walk(doc))
    codes = Counter(d.code for d in doc.diagnostics)
    return {"nodes": dict(nodes), "diagnostics": dict(codes)}


def _outline_record(
    name: str, doc: Document, options: dict[str, Any]
) -> list[tuple[int, int, int, str, str]]:
    """``(line, column, depth, type, summary)`` of every node, in document order."""
    where = positions(doc)
    entries = []
    stack: list[tuple[Any, int]] = [(doc, 0)]
    while stack:
        node, depth = stack.pop()
        start = where[node].start
        entries.append((start.line, start.column, depth, type(node).__name__, _summary(node)))
        stack.extend((child, depth + 1) for child in reversed(list(iter_child_nodes(node))))
    return entries


@functools.cache
def dialect(extensions: tuple[str, ...]) -> Dialect:
    """The dialect of ``--extension`` names (made once per process)."""
    return Dialect(extensions) if extensions else DEFAULT


def _summary(node: Any) -> str:
    found = role_of(type(node))
    return type(node).__name__ if found is None else found[1].summary(node)


WORK: dict[str, Callable[[str, Document, dict[str, Any]], Any]] = {
    "parse": _parse_record,
    "extract": _extract_record,
    "check": _check_record,
    "fmt": _fmt_record,
    "stats": _stats_record,
    "outline": _outline_record,
}


Job = tuple[str, str, "bytes | None", dict[str, Any]]  # command, name, stdin data, options


def work(job: Job) -> Result:
    """Run one command on one input: ``(name, result, text, error)``. Runs in worker processes.

    Never raises: an unreadable input, or a bug of ours, is this input's error.
    """
    command, name, data, options = job
    try:
        if data is None:
            data = read_limited(name, options["max_bytes"], option="--max-bytes")
        text = decode(data)
    except InputError as error:
        return name, None, None, error.reason
    try:
        doc = parse(text, dialect=dialect(options.get("extensions", ())))
        if serialize(doc) != text:  # the promise; never act on an input that breaks it
            return name, None, None, "does not round-trip; left alone (please report this)"
        label = display(options["stdin_label"] if name == "-" else name)
        return name, WORK[command](label, doc, options), text if command == "fmt" else None, None
    except Exception as error:  # a bug must cost this input, not the batch
        return name, None, None, f"internal error: {type(error).__name__}: {error} (please report this)"


def workers(requested: int, inputs: int) -> int:
    """``--jobs``, capped by the number of inputs and the CPUs this process may use."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(requested, inputs, cpus))


def run(command: str, args: argparse.Namespace, options: dict[str, Any] | None = None) -> Iterator[Result]:
    """Results for every input, in input order; in parallel with ``--jobs``.

    Problems met while finding the inputs come first, as errors or warnings.
    """
    options = {
        **(options or {}),
        "max_bytes": args.max_bytes,
        "stdin_label": stdin_label(args),
        "extensions": tuple(dict.fromkeys(args.extension or ())),  # a name twice is that name once
    }
    names = Names()  # compact: a corpus of millions of files costs a few bytes a name here
    problems = skipped = 0
    for found in find_inputs(args.paths, selection=selection(args)):
        if found.severity == "input":
            names.append(found.name)
        elif found.severity == "skipped":
            skipped += 1
            if args.verbose:
                message_line(f"skipped {display(found.name)} ({found.message})")
        elif found.severity in ("warning", "not an article"):
            skipped += found.severity == "not an article"
            warn(found.name, found.message, args)
        else:
            problems += 1
            yield found.name, None, None, found.message
    if not names:
        if not problems and not skipped:
            yield ", ".join(args.paths), None, None, "no inputs: no *.txt file there"
        elif not problems:
            warn(", ".join(args.paths), "no inputs left: every file was excluded or is not an article", args)
        return
    # `fmt -` is a filter (`:%!wikirel fmt -`): whatever goes wrong, the input goes back out.
    echo = command == "fmt" and not (args.check or args.diff)
    stdin: bytes | None = None
    if "-" in names:
        stdin, problem = _stdin(args.max_bytes)
        if problem is not None:
            if echo:
                _echo(stdin, rest=True)
            names = Names(name for name in names if name != "-")
            yield "-", None, None, problem.reason
            stdin = None
    jobs = _Jobs(command, names, stdin, options)
    progress = Progress(len(jobs), enabled=not args.quiet and len(jobs) > 1, force=args.progress)
    processes = workers(args.jobs, len(jobs))
    for result in progress.track(_parallel(jobs, processes) if processes > 1 else map(work, jobs)):
        if args.verbose and command != "fmt" and result[3] is None:
            message_line(f"read {display(options['stdin_label'] if result[0] == '-' else result[0])}")
        if echo and result[0] == "-" and result[3] is not None and stdin is not None:
            _echo(stdin, rest=False)
        yield result
    progress.close()


def selection(args: argparse.Namespace) -> Selection:
    """Which files are inputs, from the options (docs/cli.md, "Choosing the inputs")."""
    exclude = DEFAULT_EXCLUDE if args.exclude is None else tuple(args.exclude)
    return Selection(
        (*exclude, *(args.extend_exclude or ())),
        root=getattr(args, "root", None) or os.getcwd(),
        force_exclude=args.force_exclude,
        respect_gitignore=args.respect_gitignore,
        articles_only=args.articles_only,
    )


class _Jobs(Sequence[Job]):
    """The job of each name, made when asked for (a list of them would cost ~80 bytes an input)."""

    def __init__(
        self, command: str, names: Sequence[str], stdin: bytes | None, options: dict[str, Any]
    ) -> None:
        self.command, self.names, self.stdin, self.options = command, names, stdin, options

    def __len__(self) -> int:
        return len(self.names)

    def _job(self, name: str) -> Job:
        return self.command, name, self.stdin if name == "-" else None, self.options

    @overload
    def __getitem__(self, index: int) -> Job: ...
    @overload
    def __getitem__(self, index: slice) -> list[Job]: ...
    def __getitem__(self, index: int | slice) -> Job | list[Job]:
        if isinstance(index, slice):
            return [self._job(name) for name in self.names[index]]
        return self._job(self.names[index])


def _stdin(limit: int) -> tuple[bytes, InputError | None]:
    """stdin's bytes, up to ``limit + 1``, and the problem with them, if any."""
    if sys.stdin is None:
        return b"", InputError("cannot read: standard input is closed")
    try:
        data = read_up_to(sys.stdin.buffer, limit + 1)
    except OSError as error:
        return b"", InputError(f"cannot read: {error.strerror or error}")
    if len(data) > limit:
        return data, too_large(limit, "--max-bytes")
    return data, None


def _echo(data: bytes, *, rest: bool) -> None:
    """Write the input back unchanged (``fmt -`` on an error): ``data``, then,
    if ``rest``, what stdin still holds, a chunk at a time."""
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # a text-only stream put in place of stdout
        sys.stdout.write(data.decode("utf-8", "replace"))
        return
    out.write(data)
    if rest and sys.stdin is not None:
        shutil.copyfileobj(sys.stdin.buffer, out, 1 << 20)
    out.flush()


#: Inputs sent to a worker at a time, and chunks in flight per worker: fixed, so
#: that memory does not grow with the number of inputs (a chunk's results wait
#: in the worker until it is done, and finished chunks wait here for their turn).
CHUNK = 8
IN_FLIGHT = 3


def _work_chunk(jobs: Sequence[Job]) -> list[Result]:
    return [work(job) for job in jobs]


def _parallel(jobs: Sequence[Job], workers: int) -> Iterator[Result]:
    """``map(work, jobs)`` over a process pool, in order, with at most
    ``workers * IN_FLIGHT`` chunks of ``CHUNK`` inputs submitted at a time.

    When a worker dies, the first unfinished input is run again alone in a
    fresh process: if that one dies too, it is reported; either way the rest
    go on in a new pool. A pool that cannot start (too many open files, no
    processes left) is a warning, and the work goes on in this process.
    """
    start, chunk = 0, CHUNK
    while start < len(jobs):
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                for result in _bounded_map(pool, jobs, start, chunk, workers * IN_FLIGHT):
                    start += 1
                    yield result
        except BrokenProcessPool:
            yield _alone(jobs[start])
            start, chunk = start + 1, 1  # one input a chunk from now on: the next death names its input
        except OSError as error:
            message_line(
                f"wikirel: warning: cannot start worker processes ({error.strerror or error}); "
                "going on in this one"
            )
            yield from map(work, jobs[start:])
            return


def _bounded_map(
    pool: ProcessPoolExecutor, jobs: Sequence[Job], start: int, size: int, window: int
) -> Iterator[Result]:
    """The results of ``jobs[start:]`` in order, in chunks of ``size``, ``window`` chunks submitted."""
    pending: deque[Future[list[Result]]] = deque()
    chunks = (jobs[i : i + size] for i in range(start, len(jobs), size))
    try:
        for chunk in itertools.islice(chunks, window):
            pending.append(pool.submit(_work_chunk, chunk))
        while pending:
            results = pending.popleft().result()
            for chunk in itertools.islice(chunks, 1):
                pending.append(pool.submit(_work_chunk, chunk))
            yield from results
    finally:  # stopped early (the reader left, Ctrl-C): do not wait for work nobody reads
        for future in pending:
            future.cancel()


def _alone(job: Job) -> Result:
    """``work(job)`` in a process of its own, or the report that it died there."""
    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(work, job).result()
    except BrokenProcessPool:
        return job[1], None, None, "the worker process died on this input"
