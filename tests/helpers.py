"""Test helpers: a readable, deterministic dump of a tree for golden files;
which files of the checkout a block of code reads."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wikirel import Node, pretty

ROOT = Path(__file__).resolve().parents[1]


def dump(node: Node) -> str:
    """One field per line, fields at their default left out (``wikirel.pretty``)."""
    return pretty(node)


# What an installed wheel holds too (reading these is not reading the checkout),
# and what the test run itself keeps there: the venv, hypothesis' own files.
_NOT_THE_CHECKOUT = (
    ROOT / "src",
    ROOT / "grammar",
    ROOT / "seeds",
    Path(sys.prefix).resolve(),
    ROOT / ".hypothesis",
)
_recording: list[list[str]] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _recording and event in ("open", "os.listdir", "os.scandir") and args:
        name = args[0]
        if isinstance(name, str | bytes | os.PathLike):
            path = os.path.abspath(os.fsdecode(name))
            if event == "open" or path not in sys.path:  # the import system lists sys.path entries
                _recording[-1].append(path)


sys.addaudithook(_audit)  # for the session; it does nothing unless recording


@contextlib.contextmanager
def checkout_reads() -> Iterator[list[str]]:
    """The paths of the checkout read in the block, wikirel's own files aside."""
    found: list[str] = []
    _recording.append([])
    try:
        yield found
    finally:
        seen = _recording.pop()
        # The source of a module already imported (the test suite's own: hypothesis
        # reads it through linecache to describe a lambda) is no file an example reads.
        files = (getattr(module, "__file__", None) for module in list(sys.modules.values()))
        sources = {os.path.abspath(f) for f in files if f}
        for path in seen:
            if path in sources:
                continue
            resolved = Path(path).resolve()
            ours = any(resolved.is_relative_to(folder) for folder in _NOT_THE_CHECKOUT)
            if resolved.is_relative_to(ROOT) and not ours:
                found.append(path)


def on_terminal(args: list[str], *, stdout: int | None = None, stdin: bytes | None = None) -> bytes:
    """Run ``wikirel ARGS`` with stderr (and stdout, unless ``stdout`` is given) on a
    pseudo-terminal: what a user at that terminal sees."""
    import pty

    main, secondary = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "wikirel", *args],
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=secondary if stdout is None else stdout,
        stderr=secondary,
    ) as process:
        os.close(secondary)
        if stdin is not None:
            assert process.stdin is not None
            process.stdin.write(stdin)
            process.stdin.close()
        seen = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        process.wait(timeout=60)
    os.close(main)
    return seen


def run_main(
    args: list[str] | tuple[str, ...], *, stdin: bytes | None = None, cwd: Path | str | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``wikirel ARGS`` in this process through ``cli.main``, as a subprocess would:
    the exit code (``SystemExit`` of a usage error included) and the bytes written to
    stdout and stderr (UTF-8, stderr with ``backslashreplace``, as Python's own streams),
    with ``stdin`` as standard input (empty when not given) and ``cwd`` as the folder."""
    from wikirel import cli

    out, err = io.BytesIO(), io.BytesIO()
    streams = (
        io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True),
    )
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = streams
    try:
        with contextlib.chdir(cwd if cwd is not None else os.getcwd()):
            try:
                code = cli.main(list(args))
            except SystemExit as stopped:  # argparse's usage errors, --help, --version
                code = stopped.code if isinstance(stopped.code, int) else (0 if stopped.code is None else 1)
        for stream in streams[1:]:
            stream.flush()
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return subprocess.CompletedProcess(["wikirel", *args], code, out.getvalue(), err.getvalue())


def run_text(
    args: list[str] | tuple[str, ...], *, stdin: bytes | None = None, cwd: Path | str | None = None
) -> subprocess.CompletedProcess[str]:
    """``run_main`` with stdout and stderr decoded, as ``subprocess.run(text=True)``."""
    done = run_main(args, stdin=stdin, cwd=cwd)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(), done.stderr.decode())


# -- JSON Schema against Python types: one vocabulary of shapes for both ----------------------

Shape = Any  # nested tuples: ("record", ((key, shape), ...)), ("union", frozenset), ("list", s) ...


def schema_shape(schema: dict[str, Any], defs: dict[str, Any], refs: frozenset[str] = frozenset()) -> Shape:
    """The shape of a JSON Schema; a ``$ref`` to a name in ``refs`` stays ``("ref", name)``."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return ("ref", name) if name in refs else schema_shape(defs[name], defs, refs)
    if "oneOf" in schema:
        return ("union", frozenset(schema_shape(option, defs, refs) for option in schema["oneOf"]))
    if "enum" in schema:
        return ("literal", frozenset(schema["enum"]))
    kind = schema["type"]
    if isinstance(kind, list):
        return ("union", frozenset(schema_shape({**schema, "type": k}, defs, refs) for k in kind))
    if kind == "object" and "properties" in schema:
        assert schema["required"] == list(schema["properties"]) and schema["additionalProperties"] is False
        return ("record", tuple((k, schema_shape(v, defs, refs)) for k, v in schema["properties"].items()))
    if kind == "object":
        return ("dict", schema_shape(schema["additionalProperties"], defs, refs))
    if kind == "array":
        return ("list", schema_shape(schema["items"], defs, refs))
    return {"string": "str", "integer": "int", "null": "None"}[kind]


def fits(python: Shape, schema: Shape) -> bool:
    """Equal shapes; a plain ``str``/``int`` also fits an enum of such values."""
    if python == schema:
        return True
    if python in ("str", "int") and schema[0] == "literal":
        return all(type(value).__name__ == python for value in schema[1])
    if python[0] != schema[0] or python[0] not in ("union", "record", "list", "dict"):
        return False
    if python[0] in ("list", "dict"):
        return fits(python[1], schema[1])
    if python[0] == "record":
        return [k for k, _ in python[1]] == [k for k, _ in schema[1]] and all(
            fits(p, s) for (_, p), (_, s) in zip(python[1], schema[1], strict=True)
        )
    return len(python[1]) == len(schema[1]) and all(any(fits(p, s) for s in schema[1]) for p in python[1])
