"""The ``wikirel`` command line (also ``python -m wikirel``).

argparse keeps the start-up cost near zero and adds no dependency.
Exit codes: 0 ok, 1 findings (diagnostics, or an input that does not
round-trip), 2 usage or I/O error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__
from .nodes import (
    BulletList,
    Document,
    Heading,
    Infobox,
    InfoboxItem,
    ListItem,
    Node,
    Paragraph,
    Row,
    Section,
    Table,
)
from .parser import parse
from .positions import positions
from .serializer import serialize

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class InputError(Exception):
    """An input that could not be read or decoded."""


def iter_inputs(paths: Sequence[str]) -> Iterator[Path | str]:
    """Expand PATH arguments: files as given, directories to their ``*.txt``, ``-`` for stdin."""
    for name in paths:
        if name == "-":
            yield "-"
            continue
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def read_text(source: Path | str) -> str:
    """The text of a file (or stdin for ``-``), decoded as strict UTF-8."""
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8: invalid byte at offset {error.start}") from error


def _summary(node: Node) -> str:
    if isinstance(node, Document):
        return f"Document {node.title!r}"
    if isinstance(node, Section):
        return f"Section {node.title!r}"
    if isinstance(node, Heading):
        return f"Heading {'=' * node.level} {node.text!r}"
    if isinstance(node, Infobox):
        return f"Infobox ({len(node.items)} items)"
    if isinstance(node, InfoboxItem):
        return f"InfoboxItem {node.key!r}: {node.value!r}"
    if isinstance(node, Paragraph):
        text = node.text
        return f"Paragraph {text[:60]!r}{'…' if len(text) > 60 else ''}"
    if isinstance(node, BulletList):
        return f"BulletList ({len(node.items)} items)"
    if isinstance(node, ListItem):
        return f"ListItem {node.text!r}"
    if isinstance(node, Table):
        return f"Table ({len(node.header.cells)} columns, {len(node.rows)} rows)"
    if isinstance(node, Row):
        return f"Row {list(node.cells)!r}"
    return type(node).__name__


def outline(doc: Document) -> Iterator[str]:
    """One line per node: ``LINE:COL``, indentation by depth, a summary."""
    where = positions(doc)
    stack: list[tuple[Node, int]] = [(doc, 0)]
    from .traversal import iter_child_nodes

    while stack:
        node, depth = stack.pop()
        start = where[node].start
        yield f"{start.line:>5}:{start.column:<3} {'  ' * depth}{_summary(node)}"
        stack.extend((child, depth + 1) for child in reversed(list(iter_child_nodes(node))))


def _cmd_outline(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for source in iter_inputs(args.paths):
        name = str(source)
        try:
            text = read_text(source)
        except InputError as error:
            print(f"{name}: error: {error}", file=sys.stderr)
            status = EXIT_ERROR
            continue
        doc = parse(text)
        print(f"== {name}")
        for line in outline(doc):
            print(line)
        for diagnostic in doc.diagnostics:
            print(f"{name}:{diagnostic}")
        if serialize(doc) != text:  # the promise, checked on every input
            print(f"{name}: error: does not round-trip", file=sys.stderr)
            status = EXIT_ERROR
        elif doc.diagnostics and status == EXIT_OK:
            status = EXIT_FINDINGS
    return status


def _cmd_check(args: argparse.Namespace) -> int:
    status = EXIT_OK
    files = findings = 0
    for source in iter_inputs(args.paths):
        name = str(source)
        try:
            text = read_text(source)
        except InputError as error:
            print(f"{name}: error: {error}", file=sys.stderr)
            status = EXIT_ERROR
            continue
        files += 1
        for diagnostic in parse(text).diagnostics:
            print(f"{name}:{diagnostic}")
            findings += 1
    if status == EXIT_OK and findings:
        status = EXIT_FINDINGS
    if not args.quiet:
        print(f"{files} files checked, {findings} diagnostics", file=sys.stderr)
    return status


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``wikirel`` command."""
    parser = argparse.ArgumentParser(
        prog="wikirel",
        description="Parse wiki-style relation articles losslessly.",
        epilog=(
            "examples:\n"
            "  wikirel outline seeds/\n"
            "  wikirel check seeds/ article.txt\n"
            "  cat a.txt | wikirel check -"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"wikirel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument("paths", nargs="+", metavar="PATH", help="a file, a directory (*.txt below it) or -")
        sub.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
        return sub

    command("outline", "print each article's structure, node by node, with line:column").set_defaults(
        run=_cmd_outline
    )
    command("check", "print diagnostics as PATH:LINE:COL: CODE message; exit 1 if any").set_defaults(
        run=_cmd_check
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
