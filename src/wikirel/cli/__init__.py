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

import os
import signal
import sys
import threading
from collections.abc import Sequence

from .. import _config
from .arguments import build_parser, resolve_output
from .output import EXIT_ERROR

__all__ = ["EXIT_BROKEN_PIPE", "build_parser", "main"]

EXIT_BROKEN_PIPE = 128 + 13  # SIGPIPE, what `yes | head -1` reports for yes


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
    if args.jobs < 1:
        build_parser().error("--jobs must be at least 1")
    if args.max_bytes < 0:
        build_parser().error("--max-bytes must be at least 0")
    if problem := resolve_output(args):
        build_parser().error(problem)
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
