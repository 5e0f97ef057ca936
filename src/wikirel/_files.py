"""Files for the command line and ``parse_many``: finding inputs, reading them
within a size limit, writing a formatted file back safely, and showing a
file name so that it cannot break the output.

What ``write_back`` guarantees is in docs/cli.md ("What fmt guarantees").
"""

from __future__ import annotations

import errno
import heapq
import itertools
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, overload

from .errors import InputError

if TYPE_CHECKING:
    import pathspec

__all__ = [
    "DEFAULT_EXCLUDE",
    "MAX_BYTES",
    "Found",
    "Names",
    "Selection",
    "decode",
    "display",
    "find_inputs",
    "is_article",
    "read_limited",
    "read_stream",
    "read_up_to",
    "too_large",
    "write_back",
]

#: The default limit on one input, in bytes (``--max-bytes``).
MAX_BYTES = 256 * 1024 * 1024

_CHUNK = 1 << 20


def read_limited(name: str, limit: int = MAX_BYTES, *, option: str = "max_bytes") -> bytes:
    """The bytes of file ``name``, or InputError if it has more than ``limit``.

    A regular file is refused by its size before any byte is read; anything
    else is read up to ``limit + 1`` bytes, so ``/dev/zero`` or a growing
    file cannot take the machine's memory. ``option`` names the limit in the
    message (the command line says ``--max-bytes``).
    """
    try:
        with open(name, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise InputError("is a folder")
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise too_large(limit, option)
            return _read_checked(handle, limit, option)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None


def read_stream(stream: object, limit: int = MAX_BYTES, *, option: str = "max_bytes") -> bytes:
    """Up to ``limit`` bytes of a binary stream (stdin), or InputError."""
    return _read_checked(stream, limit, option)


def read_up_to(handle: object, size: int) -> bytes:
    """Up to ``size`` bytes of a binary stream, a chunk at a time."""
    return b"".join(_chunks(handle, size))


def _read_checked(handle: object, limit: int, option: str) -> bytes:
    """Up to ``limit`` bytes of a binary stream, or InputError if it holds more. The
    chunks are joined only when they fit: an endless input (``/dev/zero``) costs
    ``limit`` bytes of memory, not twice that."""
    parts = _chunks(handle, limit + 1)
    if sum(map(len, parts)) > limit:
        raise too_large(limit, option)
    return b"".join(parts)


def _chunks(handle: object, size: int) -> list[bytes]:
    """Up to ``size`` bytes of a binary stream, read a chunk at a time, as the chunks."""
    parts = []
    while size > 0:
        part = handle.read(min(size, _CHUNK))  # type: ignore[attr-defined]
        if not part:
            break
        parts.append(part)
        size -= len(part)
    return parts


def too_large(limit: int, option: str) -> InputError:
    """The error for an input over ``limit`` bytes; ``option`` names the limit as the caller spells it."""
    return InputError(f"larger than {limit} bytes, the limit set by {option}")


def decode(data: bytes) -> str:
    """Strict UTF-8, or InputError naming the first bad byte and its offset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"not UTF-8: invalid byte 0x{data[error.start]:02x} at offset {error.start}"
        ) from None


# -- finding the inputs -------------------------------------------------------------


#: Folders and files never read inside a folder (``--exclude`` replaces this
#: list, ``--extend-exclude`` adds to it), as ruff's: version control, virtual
#: environments, installed packages, caches and build output. A folder with a
#: ``pyvenv.cfg`` (a virtual environment of any name) is skipped too.
DEFAULT_EXCLUDE = (
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".git-rewrite",
    ".hg",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".nox",
    ".pants.d",
    ".pytest_cache",
    ".pytype",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    "__pycache__",
    "__pypackages__",
    "_build",
    "buck-out",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
)

_NOT_AN_ARTICLE = "its first non-blank line is not a heading such as '= Title ='"
_SNIFF = 1 << 16  # how much of a file is read to tell whether it is an article


def is_article(text: str) -> bool:
    """Whether ``text`` looks like an article: its first non-blank line is a
    heading (``= Title =`` or ``== Section ==``).

    Every sample and corpus article starts with its title line;
    ``requirements.txt``, ``CMakeLists.txt``, ``LICENSE.txt`` and
    ``entry_points.txt`` never start with a line that both starts and ends
    with ``=``.
    """
    for line in text.removeprefix("\ufeff").splitlines():
        line = line.strip()
        if line:
            return len(line) >= 3 and line[0] == line[-1] == "=" and bool(line.strip("= \t"))
    return False


def _sniff(name: str) -> bool:
    """``is_article`` on the start of file ``name``; True when that cannot be
    told here (not a regular file, unreadable), so that reading it reports why."""
    try:
        with open(name, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return True
            head = handle.read(_SNIFF)
    except OSError:
        return True
    return is_article(head.decode("utf-8", "replace"))


class Selection:
    """Which files are inputs: the excludes, ``.gitignore``, articles only.

    Patterns are gitignore patterns (``pathspec``): one without a slash
    (``build``, ``*.bak.txt``) matches a file or folder name at any depth;
    one with a slash (``docs/generated``, ``/notes``) matches the path
    relative to ``root`` (the folder of the pyproject.toml the options came
    from, or the current folder). Excludes apply to what a folder holds, and
    to the paths named on the command line only with ``force_exclude``.
    """

    def __init__(
        self,
        exclude: Sequence[str] = DEFAULT_EXCLUDE,
        *,
        root: str = ".",
        force_exclude: bool = False,
        respect_gitignore: bool = True,
        articles_only: bool = False,
    ) -> None:
        import pathspec  # here: ~10 ms to import, needed only to select files

        self.root: str = os.path.abspath(root)
        self.force_exclude: bool = force_exclude
        self.respect_gitignore: bool = respect_gitignore
        self.articles_only: bool = articles_only
        names = [p for p in exclude if "/" not in p.rstrip("/")]
        paths = [p for p in exclude if "/" in p.rstrip("/")]
        self._names = pathspec.GitIgnoreSpec.from_lines(names)
        self._paths = pathspec.GitIgnoreSpec.from_lines(paths)
        self._ignores: dict[str, pathspec.GitIgnoreSpec | None] = {}  # folder: its .gitignore

    def excluded(self, path: str, is_dir: bool) -> bool:
        """Whether an excluded pattern matches ``path`` itself (not its folders)."""
        slash = "/" if is_dir else ""
        if self._names.match_file(os.path.basename(path) + slash):
            return True
        absolute = os.path.abspath(path)
        if self._paths.patterns and _inside(absolute, self.root):
            return self._paths.match_file(os.path.relpath(absolute, self.root) + slash)
        return False

    def excluded_named(self, path: str) -> bool:
        """For ``force_exclude``: whether ``path`` or a folder it is in (below
        ``root``; for a path outside it, any) is excluded or a virtual environment."""
        absolute = os.path.abspath(path)
        if self.excluded(absolute, os.path.isdir(absolute)):
            return True
        folder = os.path.dirname(absolute)
        stop = self.root if _inside(absolute, self.root) else os.path.abspath(os.sep)
        while _inside(folder, stop) and folder != stop:
            if self.excluded(folder, True) or _is_venv(folder):
                return True
            folder = os.path.dirname(folder)
        return False

    def ignores(self, folder: str) -> pathspec.GitIgnoreSpec | None:
        """The parsed ``.gitignore`` of ``folder``, or None."""
        if folder not in self._ignores:
            import pathspec

            spec = None
            try:
                with open(os.path.join(folder, ".gitignore"), "rb") as handle:
                    lines = handle.read(_SNIFF * 16).decode("utf-8", "replace").splitlines()
                spec = pathspec.GitIgnoreSpec.from_lines(lines)
            except (OSError, ValueError):
                pass
            self._ignores[folder] = spec
        return self._ignores[folder]

    def outer_ignores(self, top: str) -> list[str]:
        """The folders above ``top`` whose .gitignore applies: up to the
        repository's top (the folder with ``.git``), none outside a repository."""
        folders = []  # nearest first; reversed below: outermost first, as the walk appends
        folder = os.path.dirname(os.path.abspath(top))
        while True:
            folders.append(folder)
            if os.path.exists(os.path.join(folder, ".git")):
                return folders[::-1]
            parent = os.path.dirname(folder)
            if parent == folder:
                return []
            folder = parent


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _is_venv(folder: str) -> bool:
    return os.path.isfile(os.path.join(folder, "pyvenv.cfg"))


class Found:
    """One thing ``find_inputs`` met: an input to read, or a problem with a path."""

    __slots__ = ("message", "name", "severity")

    def __init__(self, name: str, severity: str = "input", message: str = "") -> None:
        self.name = name
        # "input", "error" (counts as a failed input), "warning", "skipped" (excluded,
        # or not an article inside a folder: named only by --verbose), or "not an article"
        # (a named file: a warning)
        self.severity = severity
        self.message = message


def find_inputs(
    paths: Sequence[str], suffix: str | tuple[str, ...] = ".txt", selection: Selection | None = None
) -> Iterator[Found]:
    """Expand PATH arguments: ``-`` and files as given; a folder to every
    ``*.txt`` file below it (or every file ending in one of ``suffix``), in path order.

    Inside a folder, a symlink to a file is read (with ``selection``, only
    one whose file lies in the folder too), a symlink to a folder is
    not followed (a warning says so; name it as an argument to read it), a
    broken symlink, an unreadable folder and a ``*.txt`` that is no regular
    file are reported instead of silently skipped. ``selection`` (the
    command line's) adds the excludes, ``.gitignore`` and articles only.
    """
    for name in paths:
        if "\0" in name:  # no system call takes it: this name fails, the others go on
            yield Found(name, "error", "not a path: it holds a NUL byte")
            continue
        if (
            name != "-"
            and selection is not None
            and selection.force_exclude
            and selection.excluded_named(name)
        ):
            yield Found(name, "skipped", "excluded")
            continue
        if name != "-" and os.path.isdir(name):
            yield from _walk(name, suffix, selection)
        elif name != "-" and selection is not None and selection.articles_only and not _sniff(name):
            yield Found(name, "not an article", f"not an article ({_NOT_AN_ARTICLE}); skipped")
        else:
            yield Found(name)


class Names(Sequence[str]):
    """A list of names held compactly, so that a corpus's names cost little:
    every ``SIZE`` names are one str (their common prefix once, then the rest
    of each, NUL between them: no path holds a NUL). About a byte a character
    past the folder's name, where a list of str costs ~100 bytes a path.
    Indexing splits a chunk again (the last chunk split is kept)."""

    SIZE = 1024

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._chunks: list[tuple[str, str]] = []
        self._tail: list[str] = []
        self._split: tuple[int, list[str]] = (-1, [])
        for name in names:
            self.append(name)

    def append(self, name: str) -> None:
        self._tail.append(name)
        if len(self._tail) == self.SIZE:
            prefix = os.path.commonprefix(self._tail)  # noqa: RUF071 (characters, not path parts, are cut)
            self._chunks.append((prefix, "\0".join([name[len(prefix) :] for name in self._tail])))
            self._tail = []

    def __len__(self) -> int:
        return len(self._chunks) * self.SIZE + len(self._tail)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("Names index out of range")
        chunk, at = divmod(index, self.SIZE)
        if chunk == len(self._chunks):
            return self._tail[at]
        if self._split[0] != chunk:
            prefix, rest = self._chunks[chunk]
            self._split = (chunk, [prefix + name for name in rest.split("\0")])
        return self._split[1][at]

    def __iter__(self) -> Iterator[str]:
        """One name at a time (a chunk is not split whole)."""
        for prefix, rest in self._chunks:
            start = 0
            while (end := rest.find("\0", start)) >= 0:
                yield prefix + rest[start:end]
                start = end + 1
            yield prefix + rest[start:]
        yield from self._tail[:]


def _sorted(names: Names, run: int = 4 * Names.SIZE) -> Iterator[str]:
    """``sorted(names)``, the names still held compactly: sorted runs, merged."""
    unsorted = iter(names)
    runs: list[Names] = []
    while batch := sorted(itertools.islice(unsorted, run)):
        runs.append(Names(batch))
    return heapq.merge(*runs)


def _walk(top: str, suffix: str | tuple[str, ...], selection: Selection | None) -> Iterator[Found]:
    # Inputs are most of what a walk finds: their names are held compactly (a
    # corpus of millions of files), the rest (problems, skipped files) as they are.
    found: list[Found] = []
    inputs = Names()
    root = os.path.realpath(top)
    gitignore = selection is not None and selection.respect_gitignore
    # Each folder with the folders whose .gitignore applies to what it holds, outermost first.
    folders = [(top, selection.outer_ignores(top) if selection is not None and gitignore else [])]
    while folders:
        folder, gitignores = folders.pop()
        try:
            entries = os.scandir(folder)
        except OSError as error:
            found.append(Found(folder, "error", f"cannot read folder: {error.strerror or error}"))
            continue
        if gitignore and os.path.lexists(os.path.join(folder, ".gitignore")):
            gitignores = [*gitignores, os.path.abspath(folder)]
        with entries:  # one entry at a time: a folder of a million files is not listed whole
            for entry in _entries(entries, folder, found):
                try:
                    is_dir = entry.is_dir()
                    if selection is not None and _skip(entry.path, is_dir, selection, gitignores):
                        found.append(Found(entry.path, "skipped", "excluded"))
                        continue
                    if entry.is_symlink():
                        if not os.path.exists(entry.path):
                            if entry.name.endswith(suffix):
                                found.append(Found(entry.path, "error", "broken symlink"))
                            continue
                        if is_dir:
                            found.append(
                                Found(
                                    entry.path,
                                    "warning",
                                    "symlink to a folder, not followed (name it to read it)",
                                )
                            )
                            continue
                        if selection is not None and not _inside(os.path.realpath(entry.path), root):
                            # as black: what a folder holds is what lies in it (name a link to read it)
                            found.append(Found(entry.path, "skipped", "a link to a file outside the folder"))
                            continue
                    if is_dir:
                        folders.append((entry.path, gitignores))
                    elif entry.name.endswith(suffix):
                        if not entry.is_file():
                            found.append(Found(entry.path, "warning", "not a regular file, skipped"))
                        elif selection is not None and selection.articles_only and not _sniff(entry.path):
                            found.append(Found(entry.path, "skipped", "not an article"))
                        else:
                            inputs.append(entry.path)
                except OSError as error:
                    found.append(Found(entry.path, "error", f"cannot read: {error.strerror or error}"))
    found.sort(key=lambda item: item.name)
    yield from heapq.merge(found, map(Found, _sorted(inputs)), key=lambda item: item.name)


def _entries(
    entries: Iterator[os.DirEntry[str]], folder: str, found: list[Found]
) -> Iterator[os.DirEntry[str]]:
    """A folder's entries; a folder that fails while it is read is reported, as one that cannot be."""
    try:
        yield from entries
    except OSError as error:
        found.append(Found(folder, "error", f"cannot read folder: {error.strerror or error}"))


def _skip(path: str, is_dir: bool, selection: Selection, gitignores: list[str]) -> bool:
    """Whether a folder's entry is excluded, a virtual environment, or ignored by git."""
    if selection.excluded(path, is_dir) or (is_dir and _is_venv(path)):
        return True
    absolute = os.path.abspath(path)
    for base in reversed(gitignores):  # as git: the deepest .gitignore that has a say decides
        spec = selection.ignores(base)
        if spec is not None:
            verdict = spec.check_file(os.path.relpath(absolute, base) + ("/" if is_dir else "")).include
            if verdict is not None:
                return verdict
    return False


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
    folder = os.path.dirname(target)
    try:
        held = os.open(target, os.O_RDONLY)  # the file as read: kept open across the rename
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None
    try:
        temporary = _temporary(target, info, data)
        try:
            checked = os.fstat(held)
            if not _still(target, held, checked, info, original):
                raise InputError("changed during formatting; left alone")
            if _open_for_writing(held):
                raise InputError("open for writing in another program; left alone (format it once closed)")
            os.replace(temporary, target)
        except BaseException as error:
            Path(temporary).unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise InputError(f"cannot write: {error.strerror or error}") from None
            raise
        _sync_folder(folder)
        if _moved(held, checked, original):
            _put_back(target, held, info, data)
    finally:
        os.close(held)


def _temporary(target: str, info: os.stat_result, data: bytes) -> str:
    """A new file beside ``target`` holding ``data``, with its mode, owner and
    group, fsynced; its name."""
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
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise InputError(f"cannot write: {error.strerror or error}") from None
        raise
    return temporary


def _still(target: str, held: int, checked: os.stat_result, info: os.stat_result, original: bytes) -> bool:
    """Whether ``target`` is still the file that was read, holding ``original``."""
    try:
        same = os.stat(target).st_ino == checked.st_ino == info.st_ino
        return same and checked.st_size == len(original) and os.pread(held, len(original) + 1, 0) == original
    except OSError:
        return False


def _open_for_writing(held: int) -> bool:
    """Whether the file is open for writing anywhere (a rename would send that
    writer's later writes to the replaced file): Linux then refuses a read
    lease. False where that cannot be told (another OS, not the file's
    owner, leases disabled, not the main thread)."""
    try:
        import fcntl
    except ImportError:
        return False
    if not hasattr(fcntl, "F_SETLEASE") or threading.current_thread() is not threading.main_thread():
        return False
    # A writer opening the file while the lease is held sends SIGIO, which kills by default.
    previous = signal.signal(signal.SIGIO, signal.SIG_IGN)
    try:
        fcntl.fcntl(held, fcntl.F_SETLEASE, fcntl.F_RDLCK)
    except OSError as error:
        return error.errno == errno.EAGAIN
    else:
        fcntl.fcntl(held, fcntl.F_SETLEASE, fcntl.F_UNLCK)
        return False
    finally:
        signal.signal(signal.SIGIO, previous)


def _moved(held: int, checked: os.stat_result, original: bytes) -> bool:
    """Whether the replaced file was written to after the check (its size,
    modification time or bytes moved): by a writer that had it open."""
    try:
        now = os.fstat(held)
        same = (now.st_size, now.st_mtime_ns) == (checked.st_size, checked.st_mtime_ns)
        return not same or os.pread(held, len(original) + 1, 0) != original
    except OSError:
        return False


def _put_back(target: str, held: int, info: os.stat_result, written: bytes) -> None:
    """Put the replaced file's newer bytes back in place of the formatted text
    (if that is still there), and say so."""
    parts: list[bytes] = []
    offset = 0
    while part := os.pread(held, _CHUNK, offset):
        parts.append(part)
        offset += len(part)
    restored = False
    try:
        temporary = _temporary(target, info, b"".join(parts))
        try:
            if read_limited(target, len(written)) == written:
                os.replace(temporary, target)
                _sync_folder(os.path.dirname(target))
                restored = True
        finally:
            Path(temporary).unlink(missing_ok=True)
    except (InputError, OSError):
        pass
    if restored:
        raise InputError("written to while being formatted; its newer text is back in place, unformatted")
    raise InputError("written to while being formatted; its newer text could not be put back")


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
