"""The command line's output contract (issues 16, 17, 20), in process through ``cli.main``."""

from __future__ import annotations

import csv
import io
import json
import pickle
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from benchmarks.hostile import OUTPUT_SHAPES, output_bytes

import wikirel
from conftest import SEEDS
from wikirel import cli
from wikirel.cli import arguments, commands, work

CHINA = SEEDS[0]
RAGGED = b"| a |\n| b | c |\n"  # one finding: table-ragged at 2:6


def main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- an input that cannot be read is a record in every machine-readable format ------


def test_check_reports_an_unreadable_input_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_bytes(RAGGED)
    missing = str(tmp_path / "nosuch")
    error = {"path": missing, "line": 1, "column": 1, "code": "io-error",
             "message": "cannot read: No such file or directory"}  # fmt: skip
    finding = {"path": str(tmp_path / "a.txt"), "line": 2, "column": 6, "code": "table-ragged",
               "message": "row has 2 cells, the header has 1"}  # fmt: skip
    status, out, err = main(capsys, "check", "--output-format", "json", missing)
    assert (status, json.loads(out)) == (2, [error])  # was `[]`
    assert f"{missing}: error: cannot read" in err  # still said on stderr too
    status, out, _ = main(capsys, "check", "--output-format", "jsonl", str(tmp_path / "a.txt"), missing)
    assert status == 2 and [json.loads(line) for line in out.splitlines()] == [finding, error]
    status, out, _ = main(capsys, "check", "--output-format", "github", missing)
    assert out == f"::error file={missing},line=1,col=1::io-error cannot read: No such file or directory\n"
    status, out, _ = main(capsys, "check", missing)
    assert (status, out) == (2, "")  # text: the error is the stderr line, not a finding


def test_parse_extract_stats_and_outline_report_unreadable_inputs_as_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"= T =\n\xff")
    record = {"path": str(bad), "error": "not UTF-8: invalid byte 0xff at offset 6"}
    for command in ("parse", "extract", "outline"):
        status, out, _ = main(capsys, command, "--output-format", "json", str(CHINA), str(bad))
        records = json.loads(out)
        assert status == 2 and records[1] == record, command
        assert records[0]["path"] == str(CHINA)
    status, out, _ = main(capsys, "extract", "--output-format", "jsonl", str(bad), str(CHINA))
    assert [json.loads(line).get("error") for line in out.splitlines()] == [record["error"], None]
    status, out, _ = main(capsys, "extract", "--table", "envoys", str(bad))
    assert (status, list(csv.DictReader(io.StringIO(out)))) == (2, [
        {**dict.fromkeys(commands._CSV_COLUMNS["envoys"], ""), **record}
    ])  # fmt: skip
    status, out, _ = main(capsys, "stats", "--output-format", "json", str(bad))
    report = json.loads(out)
    assert report["errors"] == [{"path": str(bad), "code": "io-error", "message": record["error"]}]
    assert report["files"] == 0


def test_a_bug_is_an_internal_error_record_not_an_io_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_bytes(RAGGED)

    def broken(name: str, doc: wikirel.Document, options: dict[str, Any]) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(work.WORK, "check", broken)
    status, out, _ = main(capsys, "check", "--output-format", "json", str(tmp_path / "a.txt"))
    (record,) = json.loads(out)
    assert status == 2 and record["code"] == "internal-error"
    assert record["message"].startswith("internal error: RuntimeError: boom")


def test_input_error_carries_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(wikirel.InputError) as caught:
        list(wikirel.batch.parse_files([CHINA, missing], jobs=1))
    error = caught.value
    assert error.path == str(missing) and error.reason == "cannot read: No such file or directory"
    assert str(error) == f"{missing}: cannot read: No such file or directory"
    again = pickle.loads(pickle.dumps(error))  # it crosses process boundaries (parse_files, jobs=2)
    assert (again.path, again.reason, str(again)) == (error.path, error.reason, str(error))
    with pytest.raises(wikirel.InputError) as pooled:
        list(wikirel.batch.parse_files([missing, CHINA], jobs=2))
    assert pooled.value.path == str(missing)
    assert wikirel.InputError("why").path is None and str(wikirel.InputError("why")) == "why"


# -- one JSON shape, however the inputs are named ------------------------------------


@pytest.mark.parametrize("command", ["parse", "extract", "outline"])
def test_json_is_an_array_however_the_inputs_are_named(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(CHINA, folder / CHINA.name)
    named = folder / CHINA.name
    outputs = {}
    for how, paths in {
        "folder": [str(folder)],
        "file": [str(named)],
        "two": [str(named), str(named)],
    }.items():
        status, out, _ = main(capsys, command, "--output-format", "json", *paths)
        assert status == 0
        outputs[how] = json.loads(out)
    assert isinstance(outputs["file"], list) and outputs["folder"] == outputs["file"]
    assert outputs["two"] == outputs["file"] * 2


def test_stdin_gives_an_array_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(CHINA.read_bytes())))
    status, out, _ = main(capsys, "extract", "--stdin-filename", "x.txt", "-")
    (record,) = json.loads(out)
    assert status == 0 and record["path"] == "x.txt" and record["title"] == "China–Tajikistan relations"


def test_jsonl_of_one_input_is_one_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = main(capsys, "parse", "--output-format", "jsonl", str(CHINA))
    assert status == 0 and out.count("\n") == 1
    assert wikirel.serialize(wikirel.from_json(out)) == CHINA.read_text(encoding="utf-8")


# -- --output-format everywhere; the 0.2 spellings; contradictions ---------------------


def test_every_reporting_command_takes_output_format(capsys: pytest.CaptureFixture[str]) -> None:
    for command, formats in arguments.OUTPUT_FORMATS.items():
        for form in formats:
            argv = [
                command,
                "--output-format",
                form,
                *(["--table", "visits"] if form == "csv" else []),
                str(CHINA),
            ]
            status, out, err = main(capsys, *argv)
            assert status in (0, 1), (argv, err)
            if form == "json":
                json.loads(out)
            elif form == "jsonl":
                assert all(json.loads(line) for line in out.splitlines())
            elif form == "csv":
                assert out.startswith("path,article,guest,host,place,")
    outline = json.loads(main(capsys, "outline", "--output-format", "json", str(CHINA))[1])
    first = outline[0]["nodes"][1]
    assert first == {"line": 1, "column": 1, "depth": 1, "type": "Heading",
                     "summary": "Heading = 'China–Tajikistan relations'"}  # fmt: skip
    with pytest.raises(SystemExit) as stopped:  # fmt writes files, not reports
        cli.main(["fmt", "--output-format", "json", str(CHINA)])
    assert stopped.value.code == 2 and "unrecognized arguments: --output-format" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (["extract", "--jsonl"], ["extract", "--output-format", "jsonl"]),
        (["parse", "--jsonl"], ["parse", "--output-format", "jsonl"]),
        (["extract", "--csv", "visits"], ["extract", "--output-format", "csv", "--table", "visits"]),
        (["extract", "--csv", "events"], ["extract", "--table", "events"]),
        (["stats", "--json"], ["stats", "--output-format", "json"]),
    ],
)
def test_the_02_spellings_still_work_with_a_deprecation_note(
    old: list[str], new: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = main(capsys, *old, str(CHINA))
    assert (status, out) == main(capsys, *new, str(CHINA))[:2]
    assert f"wikirel: warning: {old[1]} is deprecated (removed in 0.5): use " in err
    quiet = main(capsys, *old, "--quiet", str(CHINA))
    assert quiet == (status, out, "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "--csv", "visits", "--jsonl"], "--csv and --jsonl cannot be used together"),
        (["extract", "--csv", "visits", "--indent", "2"], "--indent cannot be used with --csv"),
        (["extract", "--table", "visits", "--indent", "2"], "--indent cannot be used with --table"),
        (
            ["extract", "--output-format", "json", "--jsonl"],
            "--output-format json and --jsonl cannot be used",
        ),
        (
            ["extract", "--output-format", "json", "--table", "envoys"],
            "--table cannot be used with --output-format",
        ),
        (["extract", "--output-format", "csv"], "--output-format csv needs --table TABLE"),
        (["parse", "--jsonl", "--indent", "2"], "--indent cannot be used with --jsonl"),
        (
            ["parse", "--output-format", "jsonl", "--indent", "1"],
            "--indent cannot be used with --output-format jsonl",
        ),
        (
            ["stats", "--json", "--output-format", "text"],
            "--output-format text and --json cannot be used together",
        ),
    ],
)
def test_contradicting_output_options_are_a_usage_error(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main([*argv, "--quiet", str(CHINA)])
    assert stopped.value.code == 2
    out, err = capsys.readouterr()
    assert message in err and out == ""


# -- streaming: records are written as they come -------------------------------------


def test_json_arrays_are_written_as_the_records_come(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    seen: list[str] = []

    def results(command: str, args: Any, options: Any = None) -> Iterator[tuple[str, Any, None, None]]:
        for i in range(3):
            seen.append(out.getvalue())  # what had been written when result i was asked for
            yield f"{i}.txt", {"i": i}, None, None

    monkeypatch.setattr(commands, "run", results)
    monkeypatch.setattr("sys.stdout", out)
    assert cli.main(["extract", "--quiet", "x"]) == 0
    assert seen == ["", '[{"i": 0}', '[{"i": 0},\n{"i": 1}']
    assert out.getvalue() == '[{"i": 0},\n{"i": 1},\n{"i": 2}]\n'


def test_jobs_give_byte_identical_json_arrays(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = [p.read_bytes() for p in SEEDS]
    for i in range(3 * work.CHUNK + 3):  # several chunks, and an error among them
        (tmp_path / f"{i:03}.txt").write_bytes(texts[i % 2] if i != 9 else b"\xff")
    for form in (["--output-format", "json"], ["--indent", "1"], ["--output-format", "jsonl"]):
        for command in ("extract", "parse"):
            one = main(capsys, command, *form, "--jobs", "1", str(tmp_path))
            two = main(capsys, command, *form, "--jobs", "2", str(tmp_path))
            assert one[:2] == two[:2] and one[0] == 2
            assert "not UTF-8" in one[1]


def test_the_pool_keeps_a_bounded_number_of_chunks_in_flight() -> None:
    from concurrent.futures import Future

    class Pool:
        """Runs each chunk at once and records how many were submitted and not yet taken."""

        def __init__(self) -> None:
            self.submitted: list[Future[Any]] = []

        def submit(self, function: Any, chunk: Any) -> Future[Any]:
            future: Future[Any] = Future()
            future.set_result(function(chunk))
            self.submitted.append(future)
            return future

    jobs = [("stats", str(CHINA), None, {"max_bytes": 10**6, "stdin_label": "-"})] * 100
    pool = Pool()
    taken = 0
    in_flight = []
    for result in work._bounded_map(pool, jobs, 0, 4, 3):  # type: ignore[arg-type]
        taken += 1
        in_flight.append(len(pool.submitted) * 4 - taken)
        assert result[3] is None
    assert taken == 100 and len(pool.submitted) == 25
    assert max(in_flight) < 3 * 4 + 4  # never more than the window of chunks (plus the one being read)


# -- extract --table events: bounded by its input ---------------------------------------


def test_events_csv_is_one_row_per_event_and_grows_linearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sizes = {}
    for n in (25, 250):  # years up to 2049
        article = tmp_path / f"{n}.txt"
        dates = ", ".join(f"4 May {1800 + i}" for i in range(n))
        article.write_text(f"They met on {dates}.\n", encoding="utf-8")
        status, out, _ = main(capsys, "extract", "--table", "events", str(article))
        (row,) = list(csv.DictReader(io.StringIO(out)))  # one event, one row: the sentence once
        assert status == 0 and row["date_count"] == str(n)
        assert row["date_start"] == "1800-05-04" and row["dates"].split() == [
            f"{1800 + i}-05-04" for i in range(n)
        ]
        sizes[n] = len(out.encode()) / article.stat().st_size
    assert sizes[250] < 1.2 * sizes[25] and sizes[250] < 4  # output bytes per input byte do not grow


def test_events_csv_dates_are_iso_spans(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = main(capsys, "extract", "--table", "events", str(CHINA))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and rows[0]["dates"] == "1992-01-04" and rows[1]["dates"] == "1993-03-01/1993-03-31"
    relation = wikirel.extract_relation(wikirel.parse(CHINA.read_text(encoding="utf-8")))
    assert [int(r["date_count"]) for r in rows] == [len(e.dates) for e in relation.events]


@pytest.mark.parametrize("name", list(OUTPUT_SHAPES))
def test_output_bytes_per_input_byte_do_not_grow_with_the_input(name: str) -> None:
    make, n, argv = OUTPUT_SHAPES[name]
    n = max(10, n // 10)
    ratios = [output_bytes(make(size), argv) / len(make(size).encode("utf-8")) for size in (n, 10 * n)]
    assert 0 < ratios[1] < 1.25 * ratios[0], ratios


def test_the_memory_benchmark_runs() -> None:
    import subprocess
    import sys

    from conftest import ROOT

    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.memory", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "json, --jobs 2" in result.stdout and "largest" in result.stdout


def test_progress_counts_every_input_with_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    counted: list[tuple[int, int]] = []

    class Recording(work.Progress):
        def close(self) -> None:
            counted.append((self.done, self.total))
            super().close()

    monkeypatch.setattr(work, "Progress", Recording)
    for i in range(2 * work.CHUNK + 1):
        (tmp_path / f"{i:02}.txt").write_bytes(CHINA.read_bytes())
    assert main(capsys, "extract", "--output-format", "jsonl", "--jobs", "2", str(tmp_path))[0] == 0
    assert counted == [(2 * work.CHUNK + 1, 2 * work.CHUNK + 1)]


def test_docs_list_the_csv_columns_the_command_writes() -> None:
    from conftest import ROOT

    documented = {}
    for line in (ROOT / "docs" / "cli.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip().strip("`") for cell in line.strip("|").split("|")]
        if len(cells) == 2 and cells[0] in commands.CSV_TABLES:
            documented[cells[0]] = cells[1].split(", ")
    assert documented == commands._CSV_COLUMNS


def test_input_error_shows_an_odd_path_escaped() -> None:
    error = wikirel.InputError("cannot read: gone", "a\nb\u202e.txt")
    assert error.path == "a\nb\u202e.txt" and str(error) == "'a\\nb\\u202e.txt': cannot read: gone"
    assert str(wikirel.InputError("why", "Ünïcode name.txt")) == "Ünïcode name.txt: why"
