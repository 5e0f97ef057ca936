"""What the command line writes on stderr: messages, the progress counter, the summary."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from .._files import display
from ..construct import plural

__all__ = [
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "Progress",
    "Result",
    "Tally",
    "failure_code",
    "message_line",
    "warn",
]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def warn(name: str, message: str, args: argparse.Namespace) -> None:
    """A warning about input ``name`` on stderr, unless ``--quiet``."""
    if not args.quiet:
        message_line(f"{display(name)}: warning: {message}")


def stdin_label(args: argparse.Namespace) -> str:
    """What stdin (``-``) is called in messages and records: ``--stdin-filename``, or ``-``."""
    return args.stdin_filename or "-"


class Progress:
    """``12/40 files`` on stderr, rewritten in place.

    Only when stderr is a terminal that stdout is not writing to (the
    counter would run into the output), and cleared before any message.
    """

    showing: ClassVar[bool] = False  # a counter line is on screen now

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total: int = total
        self.enabled: bool = enabled and sys.stderr.isatty() and not _same_terminal()
        self.done: int = 0

    def track(self, results: Iterable[Any]) -> Iterator[Any]:
        for result in results:
            self.done += 1
            if self.enabled:
                sys.stderr.write(f"\r{self.done}/{self.total} files")
                sys.stderr.flush()
                Progress.showing = True
            yield result

    def close(self) -> None:
        clear_progress()


def _same_terminal() -> bool:
    try:
        return sys.stdout.isatty() and os.path.samestat(os.fstat(1), os.fstat(2))
    except (OSError, ValueError, AttributeError):
        return False


def clear_progress() -> None:
    if Progress.showing:
        sys.stderr.write("\r\033[K")
        Progress.showing = False


def message_line(text: str) -> None:
    """One line on stderr, never run into the progress counter."""
    clear_progress()
    print(text, file=sys.stderr)


#: One input's outcome: name, result, text (``fmt``), error message.
Result = tuple[str, Any, "str | None", "str | None"]

#: How the errors that are wikirel's fault begin (work.py writes them).
_INTERNAL = ("internal error", "does not round-trip", "the worker process died")


def failure_code(message: str) -> str:
    """The code of a failed input in machine-readable output: ``io-error`` (it could not
    be read, decoded, or was too large: ruff's E902) or ``internal-error`` (a bug of ours)."""
    return "internal-error" if message.startswith(_INTERNAL) else "io-error"


class Tally:
    """Counts for the summary line and the exit code."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.files: int = 0
        self.errors: int = 0
        self.findings: int = 0
        self.stdin_label: str = stdin_label(args)

    def label(self, name: str) -> str:
        """``name`` as shown: escaped, and stdin under its --stdin-filename."""
        return display(self.stdin_label if name == "-" else name)

    def error(self, name: str, message: str) -> None:
        message_line(f"{self.label(name)}: error: {message}")
        self.errors += 1

    def outcomes(self, results: Iterable[Result]) -> Iterator[Result]:
        """Every result, counted; the errors are also reported on stderr."""
        for name, result, text, error in results:
            if error is not None:
                self.error(name, error)
            else:
                self.files += 1
            yield name, result, text, error

    def successes(self, results: Iterable[Result]) -> Iterator[tuple[str, Any, str | None]]:
        """``(name, result, text)`` of the inputs that worked; the others are reported and counted."""
        for name, result, text, error in self.outcomes(results):
            if error is None:
                yield name, result, text

    @property
    def status(self) -> int:
        return EXIT_ERROR if self.errors else EXIT_FINDINGS if self.findings else EXIT_OK

    def summary(self, args: argparse.Namespace, what: str) -> int:
        if not args.quiet:
            message_line(f"{plural(self.files, 'file')}, {what}, {plural(self.errors, 'error')}")
        return self.status


# -- the subcommands ---------------------------------------------------------------
