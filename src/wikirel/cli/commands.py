"""The subcommands: each runs the per-input work and writes what it found."""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any, TextIO

from .._files import write_back
from .._text import split_lines
from ..construct import plural
from ..diagnostics import WARNINGS
from ..errors import InputError
from .output import Records, Result, Tally, failure_code, message_line
from .work import run

__all__ = ["CSV_TABLES", "cmd_check", "cmd_extract", "cmd_fmt", "cmd_outline", "cmd_parse", "cmd_stats"]

CSV_TABLES = ("envoys", "missions", "visits", "events", "diplomatic", "agreements", "mission_events")


def _dumps(data: Any, indent: int | None = None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _error_record(tally: Tally, name: str, message: str) -> dict[str, Any]:
    """What an input that failed is in a record stream: ``{"path", "error"}``, as ``extract_files`` gives."""
    return {"path": tally.label(name), "error": message}


def _emit_records(results: Iterator[Result], args: argparse.Namespace) -> Tally:
    tally = Tally(args)
    records = Records(args.output_format == "jsonl")
    for name, result, _, error in tally.outcomes(results):
        if error is not None:
            records.write(_dumps(_error_record(tally, name, error), args.indent))
        else:
            records.write(result if isinstance(result, str) else _dumps(result, args.indent))
    records.close()
    return tally


def cmd_parse(args: argparse.Namespace) -> int:
    """Parse every input and write its tree as JSON (one record per file)."""
    tally = _emit_records(run("parse", args, {"indent": args.indent}), args)
    return tally.summary(args, "parsed", verb=True)


def _extract_results(args: argparse.Namespace) -> Iterator[Result]:
    if args.source == "articles":
        return run("extract", args)
    from .convert import converted_results  # wikitext files or a dump (the wikitext extra)

    return converted_results("extract", args)


def cmd_extract(args: argparse.Namespace) -> int:
    """Extract the facts of every input (articles, wikitext pages, a dump): JSON, JSON Lines or CSV."""
    if args.source != "articles":
        from .convert import missing_extra

        if (status := missing_extra()) is not None:
            return status
    if args.output_format == "csv":
        return _extract_csv(args)
    tally = _emit_records(_extract_results(args), args)
    return tally.summary(args, "extracted", verb=True)


_DATE_COLUMNS = ["date_start", "date_end", "date_start_year", "date_end_year", "date_precision", "date_text"]
_DATE_KEYS = ("start", "end", "start_year", "end_year", "precision", "text")
_SOURCE_COLUMNS = ["line", "column"]  # where the fact starts in the file
_CSV_COLUMNS = {
    "envoys": ["path", "article", "side", "party", "title", "name", "written", *_SOURCE_COLUMNS],
    "missions": ["path", "article", "side", "party", "name", "city", *_SOURCE_COLUMNS],
    "visits": ["path", "article", "guest", "host", "place", *_DATE_COLUMNS, *_SOURCE_COLUMNS],
    "events": [
        "path", "article", "section", *_DATE_COLUMNS, "qualifier", "date_count", "dates", "sentence",
        *_SOURCE_COLUMNS,
    ],
    # The typed facts of running text, without their sentence (line and column point to it):
    # one sentence may hold many facts, and a copy per fact would grow with its square.
    "diplomatic": ["path", "article", "kind", *_DATE_COLUMNS, *_SOURCE_COLUMNS],
    "agreements": ["path", "article", "kind", "name", "count", *_DATE_COLUMNS, *_SOURCE_COLUMNS],
    "mission_events": ["path", "article", "event", "party", "kind", "city", *_DATE_COLUMNS, *_SOURCE_COLUMNS],
}  # fmt: skip
# The fields of a typed fact written as they are (the rest: its date, its source).
_FACT_CELLS = {
    "diplomatic": ("kind",),
    "agreements": ("kind", "name", "count"),
    "mission_events": ("event", "party", "kind", "city"),
}
for _columns in _CSV_COLUMNS.values():
    _columns.append("error")  # an input that could not be read: its path and this, the rest empty


def _date_columns(date: dict[str, Any] | None) -> dict[str, Any]:
    return {column: date[key] if date else "" for column, key in zip(_DATE_COLUMNS, _DATE_KEYS, strict=True)}


def _iso(date: dict[str, Any]) -> str:
    """A date span as ISO 8601 (``start`` or ``start/end``); years where there is no calendar date (BC)."""
    start, end = (date["start"], date["end"]) if date["start"] else (date["start_year"], date["end_year"])
    return str(start) if start == end else f"{start}/{end}"


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
            # One row per event, its sentence once: a row per date would repeat the
            # sentence once per date, and the output would grow with its square.
            dates = fact["dates"]
            yield {
                **base,
                "section": fact["section"],
                **_date_columns(dates[0] if dates else None),
                "qualifier": dates[0]["qualifier"] if dates else None,
                "date_count": len(dates),
                "dates": " ".join(_iso(date) for date in dates),
                "sentence": fact["sentence"],
                **where,
            }
        elif table in _FACT_CELLS:
            cells = {k: fact[k] for k in _FACT_CELLS[table]}
            yield {**base, **cells, **_date_columns(fact["date"]), **where}
        else:
            yield {**base, **{k: v for k, v in fact.items() if k != "source"}, **where}


def _extract_csv(args: argparse.Namespace) -> int:
    tally = Tally(args)
    writer = csv.DictWriter(sys.stdout, fieldnames=_CSV_COLUMNS[args.table], lineterminator="\n")
    writer.writeheader()
    for name, record, _, error in tally.outcomes(_extract_results(args)):
        rows = [_error_record(tally, name, error)] if error is not None else _csv_rows(args.table, record)
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return tally.summary(args, f"read, {args.table} written", verb=True)


def cmd_check(args: argparse.Namespace) -> int:
    """Report every input's diagnostics (text, JSON, JSON Lines or GitHub annotations); exit 1 if any."""
    tally = Tally(args)
    form = args.output_format
    records = Records(form == "jsonl", indent="  ", opening="[\n", closing="\n]")
    indent = 2 if form == "json" else None
    for name, findings, _, error in tally.outcomes(run("check", args)):
        if error is not None:  # an input that could not be read is a record too (ruff: E902)
            findings = [(tally.label(name), 1, 1, failure_code(error), error)]
        else:
            tally.findings += len(findings)
        for path, line, column, code, message in findings:
            if form in ("json", "jsonl"):
                finding = {"path": path, "line": line, "column": column, "code": code, "message": message}
                records.write(_dumps(finding, indent))
            elif form == "github":
                level = "warning" if code in WARNINGS else "error"  # a hint is not a failure to fix
                where = f"file={_gh(path, True)},line={line},col={column}"
                print(f"::{level} {where}::{_gh(f'{code} {message}')}")
            elif error is None:  # text: the error is on stderr already
                print(f"{path}:{line}:{column}: {code} {message}")
    if form in ("json", "jsonl"):
        records.close()
    return tally.summary(args, plural(tally.findings, "diagnostic"))


def _gh(value: str, property_value: bool = False) -> str:
    """Escaped for a GitHub Actions workflow command (its own percent-encoding)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property_value else value


def cmd_fmt(args: argparse.Namespace) -> int:
    """Rewrite articles in canonical form (``--check``/``--diff`` only report); not articles: left alone."""
    tally = Tally(args)
    changed = failed = 0
    for name, canonical, text in tally.successes(run("fmt", args, {"heading_style": args.heading_style})):
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
                tally.error(name, error.reason)
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
    """Count the constructs and diagnostic codes of the inputs."""
    tally = Tally(args)
    nodes: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for name, record, _, error in tally.outcomes(run("stats", args)):
        if error is not None:
            errors.append({"path": tally.label(name), "code": failure_code(error), "message": error})
            continue
        nodes.update(record["nodes"])
        codes.update(record["diagnostics"])
    if args.output_format == "json":
        report = {
            "files": tally.files,
            "nodes": dict(sorted(nodes.items())),
            "diagnostics": dict(sorted(codes.items())),
            "errors": errors,
        }
        print(_dumps(report, 2))
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
    """Print each article's nodes with the line and column where each starts."""
    tally = Tally(args)
    records = Records(False)
    for name, entries, _, error in tally.outcomes(run("outline", args)):
        if args.output_format == "json":
            if error is not None:
                records.write(_dumps(_error_record(tally, name, error)))
            else:
                nodes = [
                    dict(zip(("line", "column", "depth", "type", "summary"), e, strict=True)) for e in entries
                ]
                records.write(_dumps({"path": tally.label(name), "nodes": nodes}))
        elif error is None:
            lines = [f"== {tally.label(name)}"]
            lines += [
                f"{line:>5}:{column:<3} {'  ' * depth}{summary}"
                for line, column, depth, _, summary in entries
            ]
            print("\n".join(lines))
    if args.output_format == "json":
        records.close()
    return tally.summary(args, "outlined", verb=True)
