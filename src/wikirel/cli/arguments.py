"""The argument parser of the ``wikirel`` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from .. import __version__
from .._files import DEFAULT_EXCLUDE, MAX_BYTES
from ..dialect import OPTIONAL
from ..formatting import HEADING_STYLES
from ..parser import COMPILED
from .commands import CSV_TABLES, cmd_check, cmd_extract, cmd_fmt, cmd_outline, cmd_parse, cmd_stats
from .convert import cmd_convert
from .graph import add_graph_options, cmd_graph

__all__ = ["EXAMPLES", "OUTPUT_FORMATS", "add_input_options", "build_parser", "positive", "resolve_output"]

EXAMPLES = """\
examples:
  wikirel extract seeds/                          relation facts of every article, as a JSON array
  wikirel extract --table visits corpus/ > v.csv  one fact table across a corpus, as CSV
  wikirel parse --output-format jsonl corpus/     the whole AST, one JSON record per line
  wikirel check --jobs 2 corpus/                  diagnostics as PATH:LINE:COL: CODE message
  wikirel fmt --check corpus/                     exit 1 if any file is not in canonical form
  cat article.txt | wikirel stats -               counts per construct and diagnostic

exit codes: 0 ok, 1 findings, 2 usage or I/O error, 141 output pipe closed
"""


def positive(value: str) -> int:
    """An argparse type: an integer of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def add_input_options(sub: argparse.ArgumentParser, defaults: dict[str, Any]) -> None:
    """The options that choose the inputs, the configuration and what stderr shows."""
    group = sub.add_argument_group("inputs")
    group.add_argument(
        "--files-from",
        metavar="FILE",
        help="read more PATHs from FILE (- for stdin), one per line, as named on the command line",
    )
    group.add_argument(
        "--exclude",
        action="append",
        default=defaults.get("exclude"),
        metavar="PATTERN",
        help="skip files and folders matching this gitignore pattern inside folders (repeatable); "
        f"replaces the defaults: {', '.join(DEFAULT_EXCLUDE)} (a folder with a pyvenv.cfg, "
        "a virtual environment, is skipped always)",
    )
    group.add_argument(
        "--extend-exclude",
        action="append",
        default=defaults.get("extend_exclude"),
        metavar="PATTERN",
        help="skip these too, keeping the default excludes (repeatable)",
    )
    group.add_argument(
        "--force-exclude",
        action=argparse.BooleanOptionalAction,
        default=defaults.get("force_exclude", False),
        help="apply the excludes to the PATHs named too (what the pre-commit hooks pass)",
    )
    group.add_argument(
        "--respect-gitignore",
        action=argparse.BooleanOptionalAction,
        default=defaults.get("respect_gitignore", True),
        help="skip what .gitignore files ignore, inside folders (default: yes)",
    )
    group.add_argument(
        "--articles-only",
        action=argparse.BooleanOptionalAction,
        # fmt: on whatever the configuration says; only its own command line turns it off
        default=True if sub.prog.endswith(" fmt") else defaults.get("articles_only", False),
        help="read only files whose first non-blank line is a heading such as '= Title =' "
        "(default: on for fmt, off for the others); other .txt files are skipped",
    )
    group.add_argument("--config", metavar="PATH", help="read [tool.wikirel] from this file")
    group.add_argument("--isolated", action="store_true", help="read no configuration file")
    shown = sub.add_argument_group("what stderr shows")
    shown.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="name each file read or skipped (fmt: each file reformatted, or that would be)",
    )
    shown.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="force the progress counter on or off (default: on when stderr is a terminal "
        "and stdout is neither a pipe nor that terminal)",
    )


def _completion(parser: argparse.ArgumentParser) -> None:
    """``--print-completion SHELL``: a completion script from shtab (the ``completion`` extra)."""

    class PrintCompletion(argparse.Action):
        def __call__(self, parser: argparse.ArgumentParser, namespace: object, value: Any, *_: Any) -> None:
            try:
                import shtab
            except ImportError:
                parser.exit(2, "wikirel: error: completion needs shtab: pip install 'wikirel[completion]'\n")
            print(shtab.complete(top, shell=value), end="")
            parser.exit(0)

    top = parser
    parser.add_argument(
        "--print-completion",
        action=PrintCompletion,
        choices=("bash", "zsh", "tcsh"),
        metavar="SHELL",
        help="print a shell completion script (bash, zsh, tcsh; needs wikirel[completion]), e.g. "
        "wikirel --print-completion bash > ~/.local/share/bash-completion/completions/wikirel",
    )


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
    version = f"wikirel {__version__} (compiled: {'yes' if COMPILED else 'no'})"
    parser.add_argument("--version", action="version", version=version)
    _completion(parser)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help,
            description=help,
            epilog=EXAMPLES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("paths", nargs="*", metavar="PATH", help="a file, a directory (*.txt below it) or -")
        sub.add_argument(
            "-j",
            "--jobs",
            type=positive,
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
            type=positive,
            default=defaults.get("max_bytes", MAX_BYTES),
            metavar="N",
            help=f"refuse an input larger than N bytes (default {MAX_BYTES})",
        )
        sub.add_argument(
            "--stdin-filename", metavar="NAME", help="what to call stdin (-) in messages and records"
        )
        sub.add_argument(
            "--extension",
            action="append",
            choices=sorted(OPTIONAL),
            default=defaults.get("extensions"),
            metavar="NAME",
            help=f"read an optional construct too (repeatable): {', '.join(sorted(OPTIONAL))}",
        )
        add_input_options(sub, defaults)
        sub.set_defaults(run=run, parser=sub)
        return sub

    for name, help, run in (
        ("parse", "print the AST as JSON, one document per input", cmd_parse),
        ("extract", "print the relation facts as JSON, or one fact table as CSV", cmd_extract),
    ):
        sub = command(name, help, run)
        sub.add_argument("--indent", type=int, default=None, metavar="N", help="indent JSON by N spaces")
        _add_output_options(sub, name, defaults)
        if name == "extract":
            _add_source_options(sub, ("articles", "wikitext", "dump"))
    check = command("check", "print diagnostics as PATH:LINE:COL: CODE message; exit 1 if any", cmd_check)
    _add_output_options(check, "check", defaults)
    fmt = command("fmt", "rewrite files in canonical form (atomically)", cmd_fmt)
    fmt.add_argument("--check", action="store_true", help="change nothing; exit 1 if any file would change")
    fmt.add_argument("--diff", action="store_true", help="change nothing; print a unified diff")
    fmt.add_argument(
        "--heading-style",
        choices=HEADING_STYLES,
        default=defaults.get("heading_style", "preserve"),
        help="preserve (==X== or == X ==, as each is written), spaced (== X ==) or tight (==X==)",
    )
    _add_output_options(
        command("stats", "count constructs and diagnostic codes", cmd_stats), "stats", defaults
    )
    _add_output_options(
        command("outline", "print each article's nodes with LINE:COL", cmd_outline), "outline", defaults
    )
    _add_convert(command, defaults)
    graph = command("graph", "one graph of countries, people and missions across the inputs", cmd_graph)
    add_graph_options(graph)
    from .. import lsp  # the server imports pygls only when it starts

    server = commands.add_parser(
        "lsp", help="run the language server over stdio (pip install 'wikirel[lsp]')"
    )
    server.add_argument(
        "--max-bytes",
        type=positive,
        default=lsp.MAX_BYTES,
        metavar="N",
        help="leave larger documents unchecked",
    )
    server.set_defaults(run=lsp.cmd_lsp)
    return parser


def _add_source_options(sub: argparse.ArgumentParser, sources: tuple[str, ...]) -> None:
    """``--from`` wikitext files or MediaWiki dumps (the ``wikitext`` extra), and their options."""
    from ..wikitext.dump import BILATERAL_TITLES

    group = sub.add_argument_group("wikitext and dumps (pip install 'wikirel[wikitext]')")
    group.add_argument(
        "--from",
        dest="source",
        choices=sources,
        default=sources[0],
        help=f"what the PATHs are: {', '.join(sources)} (a MediaWiki XML dump, .xml or .xml.bz2); "
        f"default {sources[0]}",
    )
    group.add_argument(
        "--titles",
        type=_regex,
        default=BILATERAL_TITLES,
        metavar="REGEX",
        help=f"--from dump: the pages whose title this matches (default {BILATERAL_TITLES!r})",
    )
    group.add_argument("--strict", action="store_true", help="a construct it cannot render is an error")
    group.add_argument("--numbered", action="store_true", help="# items as numbered lists (else bullets)")


def _regex(value: str) -> str:
    import re

    try:
        re.compile(value)
    except re.error as error:
        raise argparse.ArgumentTypeError(f"not a regular expression: {error}") from None
    return value


def _add_convert(command: Callable[..., argparse.ArgumentParser], defaults: dict[str, Any]) -> None:
    convert = command(
        "convert", "convert MediaWiki wikitext or a dump into articles (needs wikirel[wikitext])", cmd_convert
    )
    _add_source_options(convert, ("wikitext", "dump"))
    convert.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write one article per page or file here (else the one article goes to stdout, "
        "or with --output-format json|jsonl each record holds its article as 'text')",
    )
    _add_output_options(convert, "convert", defaults)


# -- the output contract: --output-format, and its aliases of 0.2 ---------------------

#: The output formats of each command that reports; the first is the default.
OUTPUT_FORMATS: dict[str, tuple[str, ...]] = {
    "parse": ("json", "jsonl"),
    "extract": ("json", "jsonl", "csv"),
    "check": ("text", "json", "jsonl", "github"),
    "stats": ("text", "json"),
    "outline": ("text", "json"),
    "convert": ("text", "json", "jsonl"),
}
_FORMAT_HELP = {
    "text": "text (for people)",
    "json": "json (one array of records, however the inputs were named)",
    "jsonl": "jsonl (one record per line)",
    "github": "github (Actions annotations)",
    "csv": "csv (one fact table: --table)",
}
#: The 0.2 options that spell an --output-format: deprecated, removed in 0.5.
_ALIASES = {"parse": ("--jsonl",), "extract": ("--jsonl", "--csv"), "stats": ("--json",)}


def _alias(form: str) -> type[argparse.Action]:
    class Alias(argparse.Action):
        def __call__(
            self, parser: Any, namespace: Any, values: Any, option_string: str | None = None
        ) -> None:
            namespace.format_aliases = [*(namespace.format_aliases or ()), (option_string, form)]
            if values:  # --csv TABLE
                namespace.table = values

    return Alias


def _add_output_options(sub: argparse.ArgumentParser, name: str, defaults: dict[str, Any]) -> None:
    formats = OUTPUT_FORMATS[name]
    sub.add_argument(
        "--output-format",
        choices=formats,
        default=defaults.get("output_format") if name == "check" else None,
        metavar="FORMAT",
        help=f"{', '.join(_FORMAT_HELP[form] for form in formats)}; default {formats[0]}",
    )
    tables = ", ".join(CSV_TABLES)
    if name == "extract":
        sub.add_argument(
            "--table",
            choices=CSV_TABLES,
            metavar="TABLE",
            help=f"the fact table, as CSV (implies --output-format csv): {tables}",
        )
    sub.set_defaults(format_aliases=None)
    for flag in _ALIASES.get(name, ()):
        form = flag.removeprefix("--")
        extra: dict[str, Any] = {"nargs": 0} if form != "csv" else {"choices": CSV_TABLES, "metavar": "TABLE"}
        instead = "--table TABLE (CSV)" if form == "csv" else f"--output-format {form}"
        sub.add_argument(flag, action=_alias(form), help=f"deprecated: {instead}", **extra)


def resolve_output(args: argparse.Namespace) -> str | None:
    """Settle ``args.output_format`` from ``--output-format``, ``--table`` and the
    deprecated aliases (a note on stderr for each); the message of a usage error
    for options that contradict each other, else None."""
    formats = OUTPUT_FORMATS.get(args.command)
    if formats is None:
        return None
    given = [(f"--output-format {args.output_format}", args.output_format)] if args.output_format else []
    given += list(args.format_aliases or ())
    problem = _contradiction(args, formats, given)
    if problem is None and not args.quiet:  # a usage error is shown alone
        for flag, form in args.format_aliases or ():
            instead = f"--table {args.table}" if form == "csv" else f"--output-format {form}"
            print(f"wikirel: warning: {flag} is deprecated (removed in 0.5): use {instead}", file=sys.stderr)
    return problem


def _contradiction(
    args: argparse.Namespace, formats: tuple[str, ...], given: list[tuple[str, str]]
) -> str | None:
    """Settle ``args.output_format``; the message of a usage error, or None."""
    if given and given[0][1] not in formats:  # a [tool.wikirel] default argparse did not check
        return f"output-format {given[0][1]!r} is not one of {', '.join(formats)}"
    for flag, form in given[1:]:
        if form != given[0][1]:
            return f"{given[0][0]} and {flag} cannot be used together"
    table = getattr(args, "table", None)
    if not given and table:
        given.append(("--table", "csv"))
    flag, args.output_format = given[0] if given else ("", formats[0])
    if args.output_format == "csv" and not table:
        return f"{flag} needs --table TABLE ({', '.join(CSV_TABLES)})"
    if table and args.output_format != "csv":
        return f"--table cannot be used with {flag}"
    if getattr(args, "indent", None) is not None and args.output_format != "json":
        return f"--indent cannot be used with {flag}"
    return None
