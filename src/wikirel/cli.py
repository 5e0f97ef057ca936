"""The ``wikirel`` command line (also ``python -m wikirel``).

argparse, because it is in the standard library and starts in milliseconds
(click costs ~30 ms, typer ~55 ms here), and a command line that runs over a
corpus is started often. The progress counter is a few lines written here
rather than a tqdm or rich dependency: it only counts files.

Exit codes: 0 ok, 1 findings (diagnostics; files ``fmt --check`` would
change), 2 usage or I/O error (an unreadable or non-UTF-8 input), 141 the
reader of stdout left (SIGPIPE), 130/143 interrupted (SIGINT/SIGTERM).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TextIO

from . import __version__, _config, _deepjson
from ._files import (
    MAX_BYTES,
    InputError,
    decode,
    display,
    find_inputs,
    read_limited,
    read_stream,
    write_back,
)
from ._text import split_lines
from .extraction import extract_relation
from .formatting import normalize, same_content
from .json_format import FORMAT_VERSION, to_data
from .nodes import Document
from .parser import parse
from .positions import positions
from .registry import role_of
from .serializer import serialize
from .traversal import iter_child_nodes, walk

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # SIGPIPE, what `yes | head -1` reports for yes
CSV_TABLES = ("envoys", "missions", "visits", "events")


# -- the work done per input: plain data in, plain data out (picklable) ------


# ``name`` is already escaped for output (``display``).


def _parse_record(name: str, doc: Document, options: dict[str, Any]) -> str:
    record = {"path": name, "wikirel": FORMAT_VERSION, "node": to_data(doc)}
    return _deepjson.dumps(record, indent=options.get("indent"))


def _extract_record(name: str, doc: Document, options: dict[str, Any]) -> dict[str, Any]:
    return {"path": name, **extract_relation(doc).to_dict()}


def _check_record(name: str, doc: Document, options: dict[str, Any]) -> list[tuple[str, int, int, str, str]]:
    return [(name, d.line, d.column, d.code, d.message) for d in doc.diagnostics]


def _fmt_record(name: str, doc: Document, options: dict[str, Any]) -> str | None:
    """The canonical text, or None when it cannot be trusted (then the file is left alone)."""
    canonical = serialize(normalize(doc))
    again = parse(canonical)
    if serialize(normalize(again)) != canonical or not same_content(again, doc):
        return None
    return canonical


def _stats_record(name: str, doc: Document, options: dict[str, Any]) -> dict[str, dict[str, int]]:
    nodes = Counter(type(node).__name__ for node in walk(doc))
    codes = Counter(d.code for d in doc.diagnostics)
    return {"nodes": dict(nodes), "diagnostics": dict(codes)}


def _outline_record(name: str, doc: Document, options: dict[str, Any]) -> list[str]:
    where = positions(doc)
    lines = [f"== {name}"]
    stack: list[tuple[Any, int]] = [(doc, 0)]
    while stack:
        node, depth = stack.pop()
        start = where[node].start
        lines.append(f"{start.line:>5}:{start.column:<3} {'  ' * depth}{_summary(node)}")
        stack.extend((child, depth + 1) for child in reversed(list(iter_child_nodes(node))))
    return lines


def _summary(node: Any) -> str:
    found = role_of(type(node))
    return type(node).__name__ if found is None else found[1].summary(node)


_WORK: dict[str, Callable[[str, Document, dict[str, Any]], Any]] = {
    "parse": _parse_record,
    "extract": _extract_record,
    "check": _check_record,
    "fmt": _fmt_record,
    "stats": _stats_record,
    "outline": _outline_record,
}


_Job = tuple[str, str, "bytes | None", dict[str, Any]]  # command, name, stdin data, options


def _work(job: _Job) -> _Result:
    """Run one command on one input: ``(name, result, text, error)``. Runs in worker processes.

    Never raises: an unreadable input, or a bug of ours, is this input's error.
    """
    command, name, data, options = job
    try:
        if data is None:
            data = read_limited(name, options["max_bytes"])
        text = decode(data)
    except InputError as error:
        return name, None, None, str(error)
    try:
        doc = parse(text)
        if serialize(doc) != text:  # the promise; never act on an input that breaks it
            return name, None, None, "does not round-trip; left alone (please report this)"
        label = display(options["stdin_label"] if name == "-" else name)
        return name, _WORK[command](label, doc, options), text if command == "fmt" else None, None
    except Exception as error:  # a bug must cost this input, not the batch
        return name, None, None, f"internal error: {type(error).__name__}: {error} (please report this)"


def _workers(requested: int, inputs: int) -> int:
    """``--jobs``, capped by the number of inputs and the CPUs this process may use."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(requested, inputs, cpus))


def _run(command: str, args: argparse.Namespace, options: dict[str, Any] | None = None) -> Iterator[_Result]:
    """Results for every input, in input order; in parallel with ``--jobs``.

    Problems met while finding the inputs come first, as errors or warnings.
    """
    options = {**(options or {}), "max_bytes": args.max_bytes, "stdin_label": _STDIN_LABEL[0]}
    names: list[str] = []
    problems = 0
    for found in find_inputs(args.paths):
        if found.severity == "input":
            names.append(found.name)
        elif found.severity == "warning":
            _warn(found.name, found.message, args)
        else:
            problems += 1
            yield found.name, None, None, found.message
    if not names:
        if not problems:
            yield ", ".join(args.paths), None, None, "no inputs: no *.txt file there"
        return
    stdin = _stdin(args.max_bytes) if "-" in names else None
    if isinstance(stdin, InputError):
        names = [name for name in names if name != "-"]
        yield "-", None, None, str(stdin)
        stdin = None
    jobs: list[_Job] = [(command, name, stdin if name == "-" else None, options) for name in names]
    progress = _Progress(len(jobs), enabled=not args.quiet and len(jobs) > 1)
    workers = _workers(args.jobs, len(jobs))
    yield from progress.track(_parallel(jobs, workers) if workers > 1 else map(_work, jobs))
    progress.close()


def _stdin(limit: int) -> bytes | InputError:
    if sys.stdin is None:
        return InputError("cannot read: standard input is closed")
    try:
        return read_stream(sys.stdin.buffer, limit)
    except InputError as error:
        return error
    except OSError as error:
        return InputError(f"cannot read: {error.strerror or error}")


def _parallel(jobs: list[_Job], workers: int) -> Iterator[_Result]:
    """``map(_work, jobs)`` over a process pool, in order.

    When a worker dies, the first unfinished input is run again alone in a
    fresh process: if that one dies too, it is reported; either way the rest
    go on in a new pool. A pool that cannot start (too many open files, no
    processes left) is a warning, and the work goes on in this process.
    """
    start = 0
    while start < len(jobs):
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                chunk = max(1, (len(jobs) - start) // (workers * 8))
                for result in pool.map(_work, jobs[start:], chunksize=chunk):
                    start += 1
                    yield result
        except BrokenProcessPool:
            yield _alone(jobs[start])
            start += 1
        except OSError as error:
            _message(
                f"wikirel: warning: cannot start worker processes ({error.strerror or error}); "
                "going on in this one"
            )
            yield from map(_work, jobs[start:])
            return


def _alone(job: _Job) -> _Result:
    """``_work(job)`` in a process of its own, or the report that it died there."""
    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(_work, job).result()
    except BrokenProcessPool:
        return job[1], None, None, "the worker process died on this input"


def _warn(name: str, message: str, args: argparse.Namespace) -> None:
    if not args.quiet:
        _message(f"{display(name)}: warning: {message}")


# What stdin is called in messages and records (--stdin-filename); set by main().
_STDIN_LABEL = ["-"]


def _label(name: str) -> str:
    """``name`` as shown: escaped, and stdin under its --stdin-filename."""
    return display(_STDIN_LABEL[0] if name == "-" else name)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


class _Progress:
    """``12/40 files`` on stderr, rewritten in place.

    Only when stderr is a terminal that stdout is not writing to (the
    counter would run into the output), and cleared before any message.
    """

    showing = False  # a counter line is on screen now

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and sys.stderr.isatty() and not _same_terminal()
        self.done = 0

    def track(self, results: Iterable[Any]) -> Iterator[Any]:
        for result in results:
            self.done += 1
            if self.enabled:
                sys.stderr.write(f"\r{self.done}/{self.total} files")
                sys.stderr.flush()
                _Progress.showing = True
            yield result

    def close(self) -> None:
        _clear_progress()


def _same_terminal() -> bool:
    try:
        return sys.stdout.isatty() and os.path.samestat(os.fstat(1), os.fstat(2))
    except (OSError, ValueError, AttributeError):
        return False


def _clear_progress() -> None:
    if _Progress.showing:
        sys.stderr.write("\r\033[K")
        _Progress.showing = False


def _message(text: str) -> None:
    """One line on stderr, never run into the progress counter."""
    _clear_progress()
    print(text, file=sys.stderr)


_Result = tuple[str, Any, "str | None", "str | None"]  # name, result, text, error


class _Tally:
    """Counts for the summary line and the exit code."""

    def __init__(self) -> None:
        self.files = self.errors = self.findings = 0

    def error(self, name: str, message: str) -> None:
        _message(f"{_label(name)}: error: {message}")
        self.errors += 1

    def successes(self, results: Iterable[_Result]) -> Iterator[tuple[str, Any, str | None]]:
        """``(name, result, text)`` of the inputs that worked; the others are reported and counted."""
        for name, result, text, error in results:
            if error:
                self.error(name, error)
            else:
                self.files += 1
                yield name, result, text

    @property
    def status(self) -> int:
        return EXIT_ERROR if self.errors else EXIT_FINDINGS if self.findings else EXIT_OK

    def summary(self, args: argparse.Namespace, what: str) -> int:
        if not args.quiet:
            _message(f"{_plural(self.files, 'file')}, {what}, {_plural(self.errors, 'error')}")
        return self.status


# -- the subcommands ---------------------------------------------------------------


def _emit_records(records: Iterator[_Result], args: argparse.Namespace) -> _Tally:
    tally = _Tally()
    out: list[str] = []
    for _, result, _ in tally.successes(records):
        out.append(
            result if isinstance(result, str) else json.dumps(result, ensure_ascii=False, indent=args.indent)
        )
        if args.jsonl:
            print(out.pop())
    if not args.jsonl:
        if len(out) == 1 and len(args.paths) == 1 and not os.path.isdir(args.paths[0]):
            print(out[0])
        elif out or not tally.errors:
            print("[" + ",\n".join(out) + "]")
    return tally


def cmd_parse(args: argparse.Namespace) -> int:
    indent = None if args.jsonl else args.indent
    tally = _emit_records(_run("parse", args, {"indent": indent}), args)
    return tally.summary(args, "parsed")


def cmd_extract(args: argparse.Namespace) -> int:
    if args.csv:
        return _extract_csv(args)
    tally = _emit_records(_run("extract", args), args)
    return tally.summary(args, "extracted")


_DATE_COLUMNS = ["date_start", "date_end", "date_precision", "date_text"]
_CSV_COLUMNS = {
    "envoys": ["path", "article", "side", "party", "title", "name"],
    "missions": ["path", "article", "side", "party", "name", "city"],
    "visits": ["path", "article", "guest", "host", "place", *_DATE_COLUMNS],
    "events": ["path", "article", "section", *_DATE_COLUMNS, "qualifier", "sentence"],
}


def _date_columns(date: dict[str, Any] | None) -> dict[str, Any]:
    keys = ("start", "end", "precision", "text")
    return {column: date[key] if date else "" for column, key in zip(_DATE_COLUMNS, keys, strict=True)}


def _csv_rows(table: str, record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    base = {"path": record["path"], "article": record["title"] or ""}
    for fact in record[table]:
        if table == "visits":
            yield {**base, **{k: fact[k] for k in ("guest", "host", "place")}, **_date_columns(fact["date"])}
        elif table == "events":
            for date in fact["dates"]:  # one row per date: tidy for a DataFrame
                yield {
                    **base,
                    "section": fact["section"],
                    **_date_columns(date),
                    "qualifier": date["qualifier"],
                    "sentence": fact["sentence"],
                }
        else:
            yield {**base, **fact}


def _extract_csv(args: argparse.Namespace) -> int:
    tally = _Tally()
    writer = csv.DictWriter(sys.stdout, fieldnames=_CSV_COLUMNS[args.csv], lineterminator="\n")
    writer.writeheader()
    for _, record, _ in tally.successes(_run("extract", args)):
        for row in _csv_rows(args.csv, record):
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return tally.summary(args, f"{args.csv} written")


def cmd_check(args: argparse.Namespace) -> int:
    tally = _Tally()
    found: list[dict[str, Any]] = []
    for _, findings, _ in tally.successes(_run("check", args)):
        tally.findings += len(findings)
        for path, line, column, code, message in findings:
            if args.output_format == "json":
                found.append({"path": path, "line": line, "column": column, "code": code, "message": message})
            elif args.output_format == "github":
                print(f"::error file={_gh(path, True)},line={line},col={column}::{_gh(f'{code} {message}')}")
            else:
                print(f"{path}:{line}:{column}: {code} {message}")
    if args.output_format == "json":
        print(json.dumps(found, ensure_ascii=False, indent=2))
    return tally.summary(args, _plural(tally.findings, "diagnostic"))


def _gh(value: str, property_value: bool = False) -> str:
    """Escaped for a GitHub Actions workflow command (its own percent-encoding)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property_value else value


def cmd_fmt(args: argparse.Namespace) -> int:
    tally = _Tally()
    changed = 0
    for name, canonical, text in tally.successes(_run("fmt", args)):
        if canonical is None:
            tally.error(name, "its canonical form does not parse back the same; left alone")
            continue
        assert text is not None  # fmt results carry the input text
        if name == "-" and not (args.check or args.diff):
            sys.stdout.write(canonical)  # a filter writes the text back, changed or not
        if canonical == text:
            continue
        shown = _label(name)
        if args.diff:
            before, after = split_lines(text), split_lines(canonical)
            sys.stdout.writelines(difflib.unified_diff(before, after, shown, f"{shown} (formatted)"))
        if args.check or args.diff:
            if args.check:
                print(f"would reformat {shown}")
            tally.findings += 1
        elif name != "-":
            try:
                write_back(name, text.encode("utf-8"), canonical)
            except InputError as error:
                tally.error(name, str(error))
                continue
        changed += 1
    verb = "would be reformatted" if args.check or args.diff else "reformatted"
    return tally.summary(args, f"{changed} {verb}")


def cmd_stats(args: argparse.Namespace) -> int:
    tally = _Tally()
    nodes: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    for _, record, _ in tally.successes(_run("stats", args)):
        nodes.update(record["nodes"])
        codes.update(record["diagnostics"])
    if args.json:
        report = {
            "files": tally.files,
            "nodes": dict(sorted(nodes.items())),
            "diagnostics": dict(sorted(codes.items())),
        }
        print(json.dumps(report, indent=2))
    else:
        _print_counts("construct", nodes, sys.stdout)
        _print_counts("diagnostic", codes, sys.stdout)
    return tally.summary(args, _plural(sum(codes.values()), "diagnostic"))


def _print_counts(title: str, counts: Counter[str], out: TextIO) -> None:
    width = max([len(title), *(len(key) for key in counts)])
    out.write(f"{title:<{width}}  count\n")
    for key, count in sorted(counts.items()):
        out.write(f"{key:<{width}}  {count:>5}\n")


def cmd_outline(args: argparse.Namespace) -> int:
    tally = _Tally()
    for _, lines, _ in tally.successes(_run("outline", args)):
        print("\n".join(lines))
    return tally.summary(args, "outlined")


# -- argument parsing -------------------------------------------------------------------

EXAMPLES = """\
examples:
  wikirel extract seeds/                        relation facts of every article, as JSON
  wikirel extract --csv visits corpus/ > v.csv  one fact table across a corpus
  wikirel parse --indent 2 article.txt          the whole AST as JSON
  wikirel check --jobs 2 corpus/                diagnostics as PATH:LINE:COL: CODE message
  wikirel fmt --check corpus/                   exit 1 if any file is not in canonical form
  cat article.txt | wikirel stats -             counts per construct and diagnostic

exit codes: 0 ok, 1 findings, 2 usage or I/O error, 141 output pipe closed
"""


def build_parser(defaults: dict[str, Any] | None = None) -> argparse.ArgumentParser:
    """The argument parser of the ``wikirel`` command; ``defaults`` (from
    ``[tool.wikirel]``) replace the built-in defaults of the options."""
    defaults = defaults or {}
    parser = argparse.ArgumentParser(
        prog="wikirel",
        description="Parse wiki-style relation articles losslessly and extract their facts.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"wikirel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help,
            description=help,
            epilog=EXAMPLES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("paths", nargs="+", metavar="PATH", help="a file, a directory (*.txt below it) or -")
        sub.add_argument(
            "-j",
            "--jobs",
            type=int,
            default=defaults.get("jobs", 1),
            metavar="N",
            help="parse in N processes",
        )
        sub.add_argument(
            "-q",
            "--quiet",
            action="store_true",
            default=defaults.get("quiet", False),
            help="no progress counter, warnings or summary on stderr",
        )
        sub.add_argument(
            "--max-bytes",
            type=int,
            default=defaults.get("max_bytes", MAX_BYTES),
            metavar="N",
            help=f"refuse an input larger than N bytes (default {MAX_BYTES})",
        )
        sub.add_argument(
            "--stdin-filename", metavar="NAME", help="what to call stdin (-) in messages and records"
        )
        sub.set_defaults(run=run)
        return sub

    for name, help, run in (
        ("parse", "print the AST as JSON, one document per input", cmd_parse),
        ("extract", "print the relation facts as JSON, or one fact table as CSV", cmd_extract),
    ):
        sub = command(name, help, run)
        sub.add_argument("--jsonl", action="store_true", help="one JSON object per line")
        sub.add_argument("--indent", type=int, default=None, metavar="N", help="indent JSON by N spaces")
        if name == "extract":
            tables = ", ".join(CSV_TABLES)
            sub.add_argument(
                "--csv", choices=CSV_TABLES, metavar="TABLE", help=f"one fact table as CSV: {tables}"
            )
    check = command("check", "print diagnostics as PATH:LINE:COL: CODE message; exit 1 if any", cmd_check)
    check.add_argument(
        "--output-format",
        choices=("text", "json", "github"),
        default=defaults.get("output_format", "text"),
        help="text (PATH:LINE:COL: CODE message), json (an array), github (Actions annotations)",
    )
    fmt = command("fmt", "rewrite files in canonical form (atomically)", cmd_fmt)
    fmt.add_argument("--check", action="store_true", help="change nothing; exit 1 if any file would change")
    fmt.add_argument("--diff", action="store_true", help="change nothing; print a unified diff")
    stats = command("stats", "count constructs and diagnostic codes", cmd_stats)
    stats.add_argument("--json", action="store_true", help="as JSON")
    command("outline", "print each article's nodes with LINE:COL", cmd_outline)
    return parser


class _Terminated(BaseException):
    """SIGTERM, raised where the program is, so cleanups (temporary files) run."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code. Never shows a traceback.

    Default options come from ``[tool.wikirel]`` in the nearest pyproject.toml.
    """
    try:
        defaults = _config.load()
    except _config.ConfigError as error:
        print(f"wikirel: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    args = build_parser(defaults).parse_args(argv)
    _STDIN_LABEL[0] = args.stdin_filename or "-"
    if args.jobs < 1:
        build_parser().error("--jobs must be at least 1")
    if args.max_bytes < 0:
        build_parser().error("--max-bytes must be at least 0")
    if getattr(args, "jsonl", False) and args.indent is not None:
        build_parser().error("--indent cannot be used with --jsonl (one object per line)")
    writes_stdout = args.command != "fmt" or args.check or args.diff or "-" in args.paths
    if writes_stdout and sys.stdout is None:
        print("wikirel: error: standard output is closed", file=sys.stderr)
        return EXIT_ERROR
    # Signal handlers belong to the main thread; elsewhere SIGTERM keeps its default.
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main else None
    try:
        status = int(args.run(args))
        if sys.stdout is not None:
            sys.stdout.flush()  # a full disk shows here, not at exit
        return status
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE  # the reader left (``| head``): as a program killed by SIGPIPE
    except OSError as error:
        _silence_stdout()
        print(f"wikirel: error: cannot write the output: {error.strerror or error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except _Terminated:
        return 128 + signal.SIGTERM
    except Exception as error:  # a bug: a message, not a traceback
        print(
            f"wikirel: internal error: {type(error).__name__}: {error} (please report this)", file=sys.stderr
        )
        return EXIT_ERROR
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's own flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
