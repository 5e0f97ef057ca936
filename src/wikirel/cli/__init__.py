"""The ``wikirel`` command line (also ``python -m wikirel``).

A package: ``arguments`` (the parser), ``commands`` (the subcommands),
``work`` (the per-input work and the process pool), ``output`` (messages,
progress, exit codes); file I/O is :mod:`wikirel._files`.

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
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from .. import _config
from .._files import read_limited, read_stream
from ..errors import InputError
from .arguments import build_parser, resolve_output
from .output import EXIT_ERROR, clear_progress

__all__ = ["EXIT_BROKEN_PIPE", "build_parser", "main"]

EXIT_BROKEN_PIPE = 128 + 13  # SIGPIPE, what `yes | head -1` reports for yes


class _Terminated(BaseException):
    """SIGTERM, raised where the program is, so cleanups (temporary files) run."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code. Never shows a traceback.

    Default options come from ``[tool.wikirel]`` in the pyproject.toml nearest
    the first input (or ``--config``; none with ``--isolated``).
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser().parse_args(argv)
    if args.command == "lsp":  # a server on stdio: no PATH, no configuration of its own
        return int(args.run(args))
    try:
        config = _configuration(args)
        defaults = _config.load_file(config) if config is not None else {}
    except _config.ConfigError as error:
        print(f"wikirel: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    if defaults:
        args = build_parser(defaults).parse_args(argv)
    args.root = str(config.parent) if config is not None else os.getcwd()
    if args.files_from is not None:
        try:
            args.paths = [*args.paths, *_files_from(args.files_from, args.max_bytes)]
        except InputError as error:
            args.parser.error(f"--files-from {args.files_from}: {error.reason}")
    if not args.paths and args.files_from is None:
        args.parser.error("no PATH given: name files, folders or - (stdin), or use --files-from")
    if args.files_from == "-" and "-" in args.paths:
        args.parser.error("stdin cannot be both the --files-from list and an input (-)")
    if problem := resolve_output(args):
        args.parser.error(problem)
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
        clear_progress()  # on Ctrl-C too: no counter left on the line the shell prompt comes to
        if in_main:
            signal.signal(signal.SIGTERM, previous)


def _configuration(args: argparse.Namespace) -> Path | None:
    """The pyproject.toml to read: ``--config``, none (``--isolated``), or the nearest one."""
    if args.config is not None and args.isolated:
        args.parser.error("--config and --isolated cannot be used together")
    if args.isolated:
        return None
    if args.config is not None:
        return Path(args.config)
    return _config.find(_config.start_of(args.paths, args.stdin_filename))


def _files_from(name: str, limit: int) -> list[str]:
    """The paths listed in file ``name`` (``-``: stdin), one per line; blank lines skipped."""
    if name == "-":
        if sys.stdin is None:
            raise InputError("cannot read: standard input is closed")
        data = read_stream(sys.stdin.buffer, limit, option="--max-bytes")
    else:
        data = read_limited(name, limit, option="--max-bytes")
    lines = os.fsdecode(data).splitlines()  # names as the file system spells them
    return [line for line in lines if line.strip()]


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's own flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass
