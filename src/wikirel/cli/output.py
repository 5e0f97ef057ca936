"""What the command line writes on stderr: messages, the progress counter, the summary."""

from __future__ import annotations

import argparse
import os
import stat
import sys
import textwrap
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from .._files import display
from ..construct import plural

__all__ = [
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "Progress",
    "Records",
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

    Only when stderr is a terminal and stdout does not go to it: neither
    that terminal, nor a pipe or socket (``| head`` prints to the terminal
    too; where a pipe leads cannot be known), so the counter cannot run into
    the output; ``force`` (``--progress``/``--no-progress``) decides instead.
    Cleared before any message, at the end, and on Ctrl-C (``main``).
    """

    showing: ClassVar[bool] = False  # a counter line is on screen now

    def __init__(self, total: int, *, enabled: bool, force: bool | None = None) -> None:
        self.total: int = total
        auto = enabled and _isatty(sys.stderr) and not _stdout_may_reach_the_terminal()
        self.enabled: bool = auto if force is None else force
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


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _stdout_may_reach_the_terminal() -> bool:
    """stdout is stderr's terminal, a pipe or a socket, or cannot be told."""
    try:
        out, err = os.fstat(sys.stdout.fileno()), os.fstat(sys.stderr.fileno())
    except (OSError, ValueError, AttributeError):
        return True
    if stat.S_ISFIFO(out.st_mode) or stat.S_ISSOCK(out.st_mode):
        return True
    return _isatty(sys.stdout) and os.path.samestat(out, err)


def clear_progress() -> None:
    """Remove the counter line (at the end, before a message, on Ctrl-C)."""
    if Progress.showing:
        try:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
        except (OSError, ValueError, AttributeError):
            pass
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

    def summary(self, args: argparse.Namespace, what: str, *, verb: bool = False, files: bool = True) -> int:
        """``2 files, 3 diagnostics, 0 errors``; with ``verb``: ``2 files parsed, 0 errors``;
        without ``files``: ``what, 0 errors``."""
        if not args.quiet:
            head = f"{plural(self.files, 'file')}{' ' if verb else ', '}{what}" if files else what
            message_line(f"{head}, {plural(self.errors, 'error')}")
        return self.status


# -- the subcommands ---------------------------------------------------------------


class Records:
    """Records written as they come, never held: a JSON array (``[``, the
    records joined by ``,\\n``, ``]``) or JSON Lines (one record per line)."""

    def __init__(self, lines: bool, *, indent: str = "", opening: str = "[", closing: str = "]") -> None:
        self.lines: bool = lines
        self.indent: str = indent
        self.opening: str = opening
        self.closing: str = closing
        self.count: int = 0

    def write(self, text: str) -> None:
        """Write one record (its JSON text)."""
        if self.lines:
            sys.stdout.write(text + "\n")
        else:
            if self.indent:
                text = textwrap.indent(text, self.indent)
            sys.stdout.write((",\n" if self.count else self.opening) + text)
        self.count += 1

    def close(self) -> None:
        """End the array (an empty one when no record came)."""
        if not self.lines:
            sys.stdout.write((self.closing if self.count else "[]") + "\n")
