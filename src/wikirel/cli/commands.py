"""The subcommands: each runs the per-input work and writes what it found."""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any, TextIO

from .._files import InputError, write_back
from .._text import split_lines
from ..construct import plural
from .output import Result, Tally, message_line
from .work import run

__all__ = ["CSV_TABLES", "cmd_check", "cmd_extract", "cmd_fmt", "cmd_outline", "cmd_parse", "cmd_stats"]

CSV_TABLES = ("envoys", "missions", "visits", "events")


def _emit_records(records: Iterator[Result], args: argparse.Namespace) -> Tally:
    tally = Tally(args)
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
    tally = _emit_records(run("parse", args, {"indent": indent}), args)
    return tally.summary(args, "parsed", verb=True)


def cmd_extract(args: argparse.Namespace) -> int:
    if args.csv:
        return _extract_csv(args)
    tally = _emit_records(run("extract", args), args)
    return tally.summary(args, "extracted", verb=True)


_DATE_COLUMNS = ["date_start", "date_end", "date_start_year", "date_end_year", "date_precision", "date_text"]
_DATE_KEYS = ("start", "end", "start_year", "end_year", "precision", "text")
_SOURCE_COLUMNS = ["line", "column"]  # where the fact starts in the file
_CSV_COLUMNS = {
    "envoys": ["path", "article", "side", "party", "title", "name", "written", *_SOURCE_COLUMNS],
    "missions": ["path", "article", "side", "party", "name", "city", *_SOURCE_COLUMNS],
    "visits": ["path", "article", "guest", "host", "place", *_DATE_COLUMNS, *_SOURCE_COLUMNS],
    "events": ["path", "article", "section", *_DATE_COLUMNS, "qualifier", "sentence", *_SOURCE_COLUMNS],
}


def _date_columns(date: dict[str, Any] | None) -> dict[str, Any]:
    return {column: date[key] if date else "" for column, key in zip(_DATE_COLUMNS, _DATE_KEYS, strict=True)}


def _source_columns(fact: dict[str, Any]) -> dict[str, Any]:
    source = fact.get("source") or {}
    return {"line": source.get("line", ""), "column": source.get("column", "")}


def _csv_rows(table: str, record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    base = {"path": record["path"], "article": record["title"] or ""}
    for fact in record[table]:
        where = _source_columns(fact)
        if table == "visits":
            cells = {k: fact[k] for k in ("guest", "host", "place")}
            yield {**base, **cells, **_date_columns(fact["date"]), **where}
        elif table == "events":
            for date in fact["dates"]:  # one row per date: tidy for a DataFrame
                yield {
                    **base,
                    "section": fact["section"],
                    **_date_columns(date),
                    "qualifier": date["qualifier"],
                    "sentence": fact["sentence"],
                    **where,
                }
        else:
            yield {**base, **{k: v for k, v in fact.items() if k != "source"}, **where}


def _extract_csv(args: argparse.Namespace) -> int:
    tally = Tally(args)
    writer = csv.DictWriter(sys.stdout, fieldnames=_CSV_COLUMNS[args.csv], lineterminator="\n")
    writer.writeheader()
    for _, record, _ in tally.successes(run("extract", args)):
        for row in _csv_rows(args.csv, record):
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return tally.summary(args, f"read, {args.csv} written", verb=True)


def cmd_check(args: argparse.Namespace) -> int:
    tally = Tally(args)
    found: list[dict[str, Any]] = []
    for _, findings, _ in tally.successes(run("check", args)):
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
    return tally.summary(args, plural(tally.findings, "diagnostic"))


def _gh(value: str, property_value: bool = False) -> str:
    """Escaped for a GitHub Actions workflow command (its own percent-encoding)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property_value else value


def cmd_fmt(args: argparse.Namespace) -> int:
    tally = Tally(args)
    changed = failed = 0
    for name, canonical, text in tally.successes(run("fmt", args)):
        assert text is not None  # fmt results carry the input text
        filter_ = name == "-" and not (args.check or args.diff)
        if canonical is None:
            if filter_:
                sys.stdout.write(text)  # a filter gives its input back, unchanged, on every error
            tally.error(name, "its canonical form does not parse back the same; left alone")
            failed += 1
            continue
        if filter_:
            sys.stdout.write(canonical)  # a filter writes the text back, changed or not
        shown = tally.label(name)
        if canonical == text:
            if args.verbose:
                message_line(f"unchanged {shown}")
            continue
        if args.diff:
            before, after = split_lines(text), split_lines(canonical)
            sys.stdout.writelines(difflib.unified_diff(before, after, shown, f"{shown} (formatted)"))
        if args.check or args.diff:
            if args.check:
                print(f"would reformat {shown}")
            elif args.verbose:
                message_line(f"would reformat {shown}")
            tally.findings += 1
        elif name != "-":
            try:
                write_back(name, text.encode("utf-8"), canonical)
            except InputError as error:
                tally.error(name, str(error))
                failed += 1
                continue
            if args.verbose:
                message_line(f"reformatted {shown}")
        changed += 1
    would = "would be " if args.check or args.diff else ""
    unchanged = tally.files - changed - failed
    return tally.summary(
        args,
        f"{plural(changed, 'file')} {would}reformatted, {unchanged} {would}left unchanged",
        files=False,
    )


def cmd_stats(args: argparse.Namespace) -> int:
    tally = Tally(args)
    nodes: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    for _, record, _ in tally.successes(run("stats", args)):
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
    return tally.summary(args, plural(sum(codes.values()), "diagnostic"))


def _print_counts(title: str, counts: Counter[str], out: TextIO) -> None:
    width = max([len(title), *(len(key) for key in counts)])
    out.write(f"{title:<{width}}  count\n")
    for key, count in sorted(counts.items()):
        out.write(f"{key:<{width}}  {count:>5}\n")


def cmd_outline(args: argparse.Namespace) -> int:
    tally = Tally(args)
    for _, lines, _ in tally.successes(run("outline", args)):
        print("\n".join(lines))
    return tally.summary(args, "outlined", verb=True)
