"""``wikirel convert --from wikitext|dump`` and ``wikirel extract --from wikitext|dump``.

Wikitext files and dump pages go through the converter (:mod:`wikirel.wikitext`)
in this process or, with ``--jobs``, in a process pool fed a bounded window
of pages (a dump is a stream: it is never held, nor are its results).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from .._files import decode, display, find_inputs, read_limited, read_stream
from ..errors import InputError
from ..extraction import extract_relation
from ..wikitext import INSTALL, available
from .output import EXIT_ERROR, Records, Result, Tally, message_line, warn
from .work import CHUNK, IN_FLIGHT, selection, workers

__all__ = ["cmd_convert", "converted_results", "missing_extra"]

#: In a folder, the wikitext files are these (the ``*.txt`` beside them are articles, a
#: conversion's output among them): a file named on the command line is read whatever its name.
WIKITEXT_SUFFIXES = (".wiki", ".wikitext", ".mediawiki")

#: A page to convert: ``(command, name, title, data, options)``; data None: read file ``name``.
PageJob = tuple[str, str, "str | None", "bytes | str | None", dict[str, Any]]


def missing_extra() -> int | None:
    """Exit 2 with one line when mwparserfromhell is not installed, else None."""
    if available():
        return None
    print(f"wikirel: error: converting wikitext needs mwparserfromhell: {INSTALL}", file=sys.stderr)
    return EXIT_ERROR


def _title_of(name: str) -> str:
    """A page title from a file name: ``China–Tajikistan_relations.wiki`` → ``China–Tajikistan relations``."""
    return Path(name).stem.replace("_", " ")


def convert_page(job: PageJob) -> Result:
    """Convert one page (and extract its facts for ``extract``): ``(name, result, None, error)``.

    Runs in worker processes; never raises.
    """
    from ..wikitext import WikitextError, convert

    command, name, title, data, options = job
    try:
        if data is None:
            data = read_limited(name, options["max_bytes"], option="--max-bytes")
        text = data if isinstance(data, str) else decode(data)
    except InputError as error:
        return name, None, None, error.reason
    try:
        result = convert(text, title=title, strict=options["strict"], numbered=options["numbered"])
    except WikitextError as error:
        return name, None, None, str(error)
    except Exception as error:  # a bug must cost this page, not the batch
        return name, None, None, f"internal error: {type(error).__name__}: {error} (please report this)"
    if command == "extract":
        return name, {"path": display(name), **extract_relation(result.document).to_dict()}, None, None
    return name, {"title": title, "text": result.text, "report": result.report.to_dict()}, None, None


def _pool_map(func: Callable[[PageJob], Result], jobs: Iterable[PageJob], processes: int) -> Iterator[Result]:
    """``map(func, jobs)`` in order; with more than one process, at most
    ``processes * IN_FLIGHT`` chunks of ``CHUNK`` jobs are out at a time, so a
    dump's pages are read only as fast as they are converted. A page that
    kills its worker is reported and costs no other page: the pages still out
    then run one by one in a process of their own, and a new pool takes the rest."""
    if processes <= 1:
        yield from map(func, jobs)
        return
    iterator = iter(jobs)
    chunks = iter(lambda: list(itertools.islice(iterator, CHUNK)), [])
    while True:
        pending: deque[tuple[list[PageJob], Future[list[Result]]]] = deque()
        try:
            with ProcessPoolExecutor(max_workers=processes) as pool:
                for chunk in itertools.islice(chunks, processes * IN_FLIGHT):
                    pending.append((chunk, pool.submit(_chunk, func, chunk)))
                while pending:
                    results = pending[0][1].result()
                    pending.popleft()
                    yield from results
                    for more in itertools.islice(chunks, 1):
                        pending.append((more, pool.submit(_chunk, func, more)))
            return
        except BrokenProcessPool:
            for chunk, _ in pending:
                for job in chunk:
                    yield _alone(func, job)
        except OSError as error:  # no worker process can start: the rest in this one
            message_line(
                f"wikirel: warning: cannot start worker processes ({error.strerror or error}); going on"
            )
            for chunk, _ in pending:
                yield from map(func, chunk)
            for chunk in chunks:
                yield from map(func, chunk)
            return
        finally:
            for _, future in pending:
                future.cancel()


def _alone(func: Callable[[PageJob], Result], job: PageJob) -> Result:
    """``func(job)`` in a worker process of its own: the page's error if it kills it."""
    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(func, job).result()
    except BrokenProcessPool:
        return job[1], None, None, "the worker process died on this input"


def _chunk(func: Callable[[PageJob], Result], jobs: list[PageJob]) -> list[Result]:
    return [func(job) for job in jobs]


def _options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "max_bytes": args.max_bytes,
        "strict": getattr(args, "strict", False),
        "numbered": getattr(args, "numbered", False),
    }


def _file_jobs(command: str, args: argparse.Namespace) -> Iterator[PageJob | Result]:
    """A job per wikitext file named (``-``: stdin), or the error of an input that cannot be one."""
    options = _options(args)
    for found in find_inputs(args.paths, WIKITEXT_SUFFIXES, selection=selection(args)):
        if found.severity == "input":
            name = found.name
            if name == "-":
                try:
                    if sys.stdin is None:
                        raise InputError("cannot read: standard input is closed")
                    data = read_stream(sys.stdin.buffer, args.max_bytes, option="--max-bytes")
                except InputError as problem:
                    yield "-", None, None, problem.reason
                    continue
                except OSError as problem:
                    yield "-", None, None, f"cannot read: {problem.strerror or problem}"
                    continue
                label = args.stdin_filename
                yield command, "-", _title_of(label) if label else None, data, options
            else:
                yield command, name, _title_of(name), None, options
        elif found.severity in ("warning", "not an article"):
            warn(found.name, found.message, args)
        elif found.severity != "skipped":
            yield found.name, None, None, found.message


def _dump_jobs(command: str, args: argparse.Namespace) -> Iterator[PageJob | Result]:
    """A job per page of each dump named whose title matches ``--titles``."""
    from ..wikitext.dump import DumpError, iter_pages

    options = _options(args)
    for dump in args.paths:
        skipped: list[str] = []
        try:
            if dump == "-" and sys.stdin is None:
                raise OSError("standard input is closed")
            source = sys.stdin.buffer if dump == "-" else dump  # a pipe: zcat, 7z x -so, curl
            for page in iter_pages(source, args.titles, max_bytes=args.max_bytes, skipped=skipped):
                for title in skipped:
                    yield f"{dump}#{title}", None, None, f"larger than --max-bytes {args.max_bytes}; skipped"
                skipped.clear()
                yield command, f"{dump}#{page.title}", page.title, page.text, options
        except DumpError as error:
            yield dump, None, None, str(error)
        except OSError as error:
            yield dump, None, None, f"cannot read: {error.strerror or error}"
        for title in skipped:
            yield f"{dump}#{title}", None, None, f"larger than --max-bytes {args.max_bytes}; skipped"


def converted_results(command: str, args: argparse.Namespace) -> Iterator[Result]:
    """The results of ``command`` (convert or extract) over wikitext files or dumps, in order."""
    source = _dump_jobs if args.source == "dump" else _file_jobs
    found = source(command, args)
    errors: deque[Result] = deque()

    def jobs() -> Iterator[PageJob]:
        for item in found:
            if len(item) == 4:  # an input that could not be one: reported in its turn
                errors.append(item)
            else:
                yield item

    processes = workers(args.jobs, os.cpu_count() or 1)
    for result in _pool_map(convert_page, jobs(), processes):
        while errors:
            yield errors.popleft()
        yield result
    yield from errors


def cmd_convert(args: argparse.Namespace) -> int:
    """Convert MediaWiki wikitext (pages or a dump) to articles."""
    if (status := missing_extra()) is not None:
        return status
    many = args.source == "dump" or len(args.paths) > 1 or any(os.path.isdir(p) for p in args.paths)
    if args.output_dir is None and many and args.output_format == "text":
        args.parser.error(
            "a dump or several inputs make several articles: give --output-dir DIR "
            "(or --output-format json|jsonl for records that hold them)"
        )
    if args.output_dir is not None:
        try:
            os.makedirs(args.output_dir, exist_ok=True)
        except OSError as problem:
            args.parser.error(f"--output-dir {args.output_dir}: {problem.strerror or problem}")
    from ..wikitext.dump import safe_file_name

    tally = Tally(args)
    taken: set[str] = set()
    form = args.output_format  # text without --output-dir: stdout is the article
    records = Records(form == "jsonl")  # written as they come: a dump's articles are never held

    def emit(record: dict[str, Any]) -> None:
        if form != "text":
            records.write(json.dumps(record, ensure_ascii=False))

    for name, result, _, error in tally.outcomes(converted_results("convert", args)):
        if error is not None:
            emit({"path": tally.label(name), "error": error})
            continue
        report = result["report"]
        if args.output_dir is None:
            if form != "text":  # a record holds the article
                emit({"path": tally.label(name), "title": result["title"], "text": result["text"], **report})
                continue
            sys.stdout.write(result["text"])
            if not args.quiet and (report["dropped"] or report["unknown"]):
                message_line(f"{tally.label(name)}: {_summary(report)}")
            continue
        title = result["title"] or _title_of(name)
        target = os.path.join(args.output_dir, safe_file_name(title, taken))
        try:
            # O_NOFOLLOW: a symlink planted in --output-dir under a page's file
            # name would send the article to wherever it points.
            flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
            with open(os.open(target, flags, 0o666), "w", encoding="utf-8", newline="") as out:
                out.write(result["text"])
        except OSError as problem:
            tally.error(name, f"cannot write {display(target)}: {problem.strerror or problem}")
            emit({"path": tally.label(name), "error": f"cannot write {target}"})
            continue
        if form == "text":
            print(f"{tally.label(name)} -> {display(target)}: {_summary(report)}")
        else:
            emit({"path": tally.label(name), "output": target, "title": title, **report})
    if form != "text":
        records.close()
    return tally.summary(args, "converted", verb=True)


def _summary(report: dict[str, Any]) -> str:
    def counts(found: dict[str, int]) -> str:
        total = sum(found.values())
        shown = ", ".join(f"{key} ×{count}" for key, count in sorted(found.items()))
        return f"{total} ({shown})" if total else "0"

    return f"dropped {counts(report['dropped'])}; unknown {counts(report['unknown'])}"
