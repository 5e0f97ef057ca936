"""Files for the command line and ``parse_many``: finding inputs, reading them
within a size limit, writing a formatted file back safely, and showing a
file name so that it cannot break the output.

What ``write_back`` guarantees is in docs/cli.md ("What fmt guarantees").
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from .errors import InputError

__all__ = [
    "MAX_BYTES",
    "Found",
    "InputError",
    "decode",
    "display",
    "find_inputs",
    "read_limited",
    "read_stream",
    "write_back",
]

#: The default limit on one input, in bytes (``--max-bytes``).
MAX_BYTES = 256 * 1024 * 1024

_CHUNK = 1 << 20


def read_limited(name: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of file ``name``, or InputError if it has more than ``limit``.

    Reads at most ``limit + 1`` bytes, so ``/dev/zero`` or a growing file
    cannot take the machine's memory.
    """
    try:
        with open(name, "rb") as handle:
            if stat.S_ISDIR(os.fstat(handle.fileno()).st_mode):
                raise InputError("is a folder")
            return _check_size(_read_up_to(handle, limit + 1), limit)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None


def read_stream(stream: object, limit: int = MAX_BYTES) -> bytes:
    """Up to ``limit`` bytes of a binary stream (stdin), or InputError."""
    return _check_size(_read_up_to(stream, limit + 1), limit)


def _read_up_to(handle: object, size: int) -> bytes:
    parts = []
    while size > 0:
        part = handle.read(min(size, _CHUNK))  # type: ignore[attr-defined]
        if not part:
            break
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def _check_size(data: bytes, limit: int) -> bytes:
    if len(data) > limit:
        raise InputError(f"larger than {limit} bytes; left alone (the limit: --max-bytes, or max_bytes=)")
    return data


def decode(data: bytes) -> str:
    """Strict UTF-8, or InputError naming the first bad byte and its offset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"not UTF-8: invalid byte 0x{data[error.start]:02x} at offset {error.start}"
        ) from None


# -- finding the inputs -------------------------------------------------------------


class Found:
    """One thing ``find_inputs`` met: an input to read, or a problem with a path."""

    __slots__ = ("message", "name", "severity")

    def __init__(self, name: str, severity: str = "input", message: str = "") -> None:
        self.name = name
        self.severity = severity  # "input", "error" (counts as a failed input) or "warning"
        self.message = message


def find_inputs(paths: Sequence[str], suffix: str = ".txt") -> Iterator[Found]:
    """Expand PATH arguments: ``-`` and files as given; a folder to every
    ``*.txt`` file below it, in path order.

    Inside a folder, a symlink to a file is read, a symlink to a folder is
    not followed (a warning says so; name it as an argument to read it), a
    broken symlink, an unreadable folder and a ``*.txt`` that is no regular
    file are reported instead of silently skipped.
    """
    for name in paths:
        if name != "-" and os.path.isdir(name):
            yield from _walk(name, suffix)
        else:
            yield Found(name)


def _walk(top: str, suffix: str) -> Iterator[Found]:
    found: list[Found] = []
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listing = list(entries)
        except OSError as error:
            found.append(Found(folder, "error", f"cannot read folder: {error.strerror or error}"))
            continue
        for entry in listing:
            try:
                if entry.is_symlink():
                    if not os.path.exists(entry.path):
                        if entry.name.endswith(suffix):
                            found.append(Found(entry.path, "error", "broken symlink"))
                        continue
                    if entry.is_dir():
                        found.append(
                            Found(
                                entry.path,
                                "warning",
                                "symlink to a folder, not followed (name it to read it)",
                            )
                        )
                        continue
                if entry.is_dir():
                    folders.append(entry.path)
                elif entry.name.endswith(suffix):
                    if entry.is_file():
                        found.append(Found(entry.path))
                    else:
                        found.append(Found(entry.path, "warning", "not a regular file, skipped"))
            except OSError as error:
                found.append(Found(entry.path, "error", f"cannot read: {error.strerror or error}"))
    found.sort(key=lambda item: item.name)
    yield from found


# -- writing a formatted file back --------------------------------------------------


def write_back(name: str, original: bytes, text: str) -> None:
    """Replace file ``name``, read as ``original``, with ``text``; or InputError.

    Writes through a symlink to its target; keeps owner, group and mode;
    refuses a file with other hard links, a read-only file, and a file that
    no longer holds ``original``. Writes a temporary file beside it, fsyncs
    it, checks, then renames it over the file. SIGINT and SIGTERM wait until
    that is done, and no failure leaves the temporary file behind.
    """
    try:
        target = os.path.realpath(name, strict=True)
        info = os.stat(target)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file; left alone")
    if info.st_nlink > 1:
        raise InputError(
            f"has {info.st_nlink} hard links, which a rewrite would split; left alone "
            "(use --check or --diff, or format one copy)"
        )
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise InputError("read-only; left alone")
    blocked = _block_signals()
    try:
        _replace(target, info, original, text.encode("utf-8"))
    finally:
        _restore_signals(blocked)


def _replace(target: str, info: os.stat_result, original: bytes, data: bytes) -> None:
    folder, base = os.path.split(target)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{base[:100]}.", suffix=".tmp")
    except OSError as error:
        raise InputError(f"cannot write in {display(folder)}: {error.strerror or error}") from None
    try:
        try:
            _write_all(handle, data)
            if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                try:
                    os.fchown(handle, info.st_uid, info.st_gid)  # before chmod: chown clears set-id bits
                except PermissionError:
                    raise InputError(f"cannot keep its owner (uid {info.st_uid}); left alone") from None
            os.fchmod(handle, stat.S_IMODE(info.st_mode))
            os.fsync(handle)
        finally:
            os.close(handle)
        if not _still(target, info, original):
            raise InputError("changed during formatting; left alone")
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise InputError(f"cannot write: {error.strerror or error}") from None
        raise
    _sync_folder(folder)


def _still(target: str, info: os.stat_result, original: bytes) -> bool:
    """Whether ``target`` is still the file that was read, holding ``original``."""
    try:
        same = os.stat(target).st_ino == info.st_ino
        return same and read_limited(target, len(original)) == original
    except InputError:  # unreadable now, or grown past what was read
        return False


_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _block_signals() -> set[int | signal.Signals] | None:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)


def _restore_signals(blocked: set[int | signal.Signals] | None) -> None:
    if blocked is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


def _sync_folder(folder: str) -> None:
    """Make the rename durable; a file system that cannot sync folders is not an error."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


# -- showing names --------------------------------------------------------------------

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the
# bidirectional controls that can make a name display as another ("Trojan Source").
_UNSAFE = frozenset(
    {*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029, 0x200E, 0x200F, *range(0x202A, 0x202F)}
    | set(range(0x2066, 0x206A))
)


def display(name: str) -> str:
    """``name`` safe to print: as given, unless it holds bytes that are not
    UTF-8 (Python keeps them as lone surrogates) or control characters such
    as a newline or a bidi override; then those are escaped (``\\xNN``,
    ``\\n``, ``\\u202e``)
    and so is every backslash, so the line cannot be forged or break JSON.
    """
    if not any(ord(c) in _UNSAFE or 0xD800 <= ord(c) <= 0xDFFF for c in name):
        return name
    out = []
    for char in name:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or code in _UNSAFE:
            out.append(repr(char)[1:-1] if code < 0x10000 else f"\\U{code:08x}")
        elif char == "\\":
            out.append("\\\\")
        else:
            out.append(char)
    return "".join(out)
