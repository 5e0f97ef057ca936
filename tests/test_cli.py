"""The command line as a user runs it: in this process through ``cli.main``
(``run``: the exit code, stdout and stderr a subprocess would give), and end
to end through ``python -m wikirel`` and the console script for a few."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import wikirel
from conftest import ROOT
from helpers import run_text

SEEDS = ROOT / "seeds"
CHINA = SEEDS / "china-tajikistan-relations.txt"


def run(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``wikirel ARGS`` in this process."""
    return run_text(args, stdin=stdin, cwd=cwd)


def run_process(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m wikirel ARGS`` in a subprocess: the program end to end."""
    result = subprocess.run(
        [sys.executable, "-m", "wikirel", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )
    return result


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with both seeds, a nested fixture, and a bad file."""
    shutil.copytree(SEEDS, tmp_path / "corpus")
    (tmp_path / "corpus" / "more").mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "chile-peru-relations.txt", tmp_path / "corpus" / "more")
    (tmp_path / "corpus" / "more" / "notes.md").write_text("not an article", encoding="utf-8")
    return tmp_path / "corpus"


def test_version_and_help() -> None:
    compiled = "yes" if wikirel.parser.COMPILED else "no"
    version = f"wikirel {wikirel.__version__} (compiled: {compiled})"
    assert run("--version").stdout.strip() == run_process("--version").stdout.strip() == version
    help_text = run("--help").stdout
    for command in ("parse", "extract", "check", "fmt", "stats", "outline", "exit codes"):
        assert command in help_text
    assert run("nonsense").returncode == run_process("nonsense").returncode == 2
    assert run("check").returncode == 2  # PATH is required


def test_parse_one_file_prints_the_ast_json() -> None:
    result = run("parse", "--indent", "2", str(CHINA))
    assert result.returncode == 0
    (data,) = json.loads(result.stdout)  # an array, even for one file
    assert data["wikirel"] == 1 and data["path"] == str(CHINA)
    one = run("parse", "--output-format", "jsonl", str(CHINA)).stdout  # one JSON object
    assert wikirel.serialize(wikirel.from_json(one)) == CHINA.read_text(encoding="utf-8")


def test_parse_jsonl_for_a_directory(corpus: Path) -> None:
    result = run("parse", "--jsonl", str(corpus))
    lines = result.stdout.splitlines()
    assert [json.loads(line)["path"] for line in lines] == sorted(str(p) for p in corpus.rglob("*.txt"))
    assert result.returncode == 0
    assert "3 files" in result.stderr


def test_extract_reads_stdin() -> None:
    result = run_process("extract", "-", stdin=CHINA.read_bytes())
    assert result.stdout == run("extract", "-", stdin=CHINA.read_bytes()).stdout
    (data,) = json.loads(result.stdout)
    assert data["path"] == "-"
    assert data["parties"] == ["China", "Tajikistan"]
    assert [v["source"]["node"] for v in data["visits"]] == ["Row"] * 4 + ["Paragraph"]  # 1 told in prose


def test_extract_csv_across_inputs(corpus: Path) -> None:
    result = run("extract", "--csv", "envoys", "--quiet", str(corpus))
    assert result.returncode == 0 and result.stderr == ""
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # Files in path order: china, more/chile-peru, pakistan.
    names = ["Ji Shumin", "Saidzoda Zohir Ozod", "Ana Gómez", "Tariq Iqbal Soomro", "Sherali Jononov"]
    assert [r["name"] for r in rows] == names
    assert rows[0]["article"] == "China–Tajikistan relations"
    events = list(csv.DictReader(io.StringIO(run("extract", "--csv", "events", str(CHINA)).stdout)))
    assert events[0]["date_start"] == "1992-01-04" and events[0]["section"] == "History"


def test_check_reports_diagnostics_and_exits_1(corpus: Path) -> None:
    result = run("check", str(corpus))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"{corpus}/more/chile-peru-relations.txt:6:3: infobox-duplicate-key "
        "infobox key 'Envoy1' already given on line 5; the last value wins"
    )
    assert run("check", str(CHINA)).returncode == 0


def test_a_bad_file_is_reported_and_the_batch_goes_on(corpus: Path) -> None:
    (corpus / "latin1.txt").write_bytes("= Caf\xe9 =\n".encode("latin-1"))
    result = run("extract", "--jsonl", str(corpus), str(corpus / "missing.txt"))
    assert result.returncode == 2
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in records if "error" not in r] == [  # the good files still came out
        "China–Tajikistan relations", "Chile-Peru relations", "Pakistan–Tajikistan relations"
    ]  # fmt: skip
    assert [r for r in records if "error" in r] == [  # and the bad ones as records, in input order
        {"path": str(corpus / "latin1.txt"), "error": "not UTF-8: invalid byte 0xe9 at offset 5"},
        {"path": str(corpus / "missing.txt"), "error": "cannot read: No such file or directory"},
    ]
    assert "latin1.txt: error: not UTF-8: invalid byte 0xe9 at offset 5" in result.stderr
    assert "missing.txt: error: cannot read" in result.stderr
    assert "3 files" in result.stderr and "2 errors" in result.stderr


def test_fmt_check_diff_and_rewrite(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(b"==History  ==\r\n- a\r\n    - b\r\n|x|y\r\n")
    article.chmod(0o640)
    check = run("fmt", "--check", str(article))
    assert check.returncode == 1 and f"would reformat {article}" in check.stdout
    diff = run("fmt", "--diff", str(article))
    assert diff.returncode == 1 and "+== History ==" in diff.stdout
    assert article.read_bytes() == b"==History  ==\r\n- a\r\n    - b\r\n|x|y\r\n"  # untouched so far
    assert run("fmt", str(article)).returncode == 0
    assert article.read_bytes() == b"== History ==\r\n- a\r\n  - b\r\n\r\n| x | y |\r\n"
    assert article.stat().st_mode & 0o777 == 0o640
    assert list(tmp_path.iterdir()) == [article]  # no temporary file left behind
    assert run("fmt", "--check", str(article)).returncode == 0


def test_fmt_stdin_writes_stdout() -> None:
    result = run("fmt", "-", stdin=b"==A  ==\n")
    assert (result.returncode, result.stdout) == (0, "== A ==\n")


def test_stats_counts_constructs_and_codes(corpus: Path) -> None:
    result = run("stats", "--json", str(corpus))
    data = json.loads(result.stdout)
    assert data["files"] == 3
    assert data["nodes"]["Table"] == 2 and data["nodes"]["Document"] == 3
    assert data["diagnostics"] == {"infobox-duplicate-key": 1, "table-ragged": 2}
    text = run("stats", str(CHINA)).stdout
    assert text.splitlines()[0].split() == ["construct", "count"]


def test_jobs_give_the_same_output_in_the_same_order(corpus: Path) -> None:
    one = run("extract", "--jsonl", str(corpus))
    two = run("extract", "--jsonl", "--jobs", "2", str(corpus))
    assert two.returncode == one.returncode == 0
    assert two.stdout == one.stdout


def test_outline_shows_positions() -> None:
    lines = run("outline", str(CHINA)).stdout.splitlines()
    assert lines[0] == f"== {CHINA}"
    assert lines[2].split(None, 1) == ["1:1", "Heading = 'China–Tajikistan relations'"]


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "wikirel"
    assert script.exists()
    result = subprocess.run([str(script), "check", str(CHINA)], capture_output=True, text=True, check=False)
    assert result.returncode == 0


NUMBERED_TEXT = "Steps:\n1)  one\n    2. two\n  3. three\n"


def test_extension_numbered_reads_numbered_lists(tmp_path: Path) -> None:
    article = tmp_path / "steps.txt"
    article.write_text(NUMBERED_TEXT, encoding="utf-8")
    plain = run("outline", str(article))
    assert "NumberedList" not in plain.stdout  # off by default: the lines are text
    outline = run("outline", "--extension", "numbered", str(article))
    assert outline.returncode == 0, outline.stderr
    assert "NumberedList (1 item)" in outline.stdout and "NumberedItem 1) 'one'" in outline.stdout
    check = run("check", "--extension", "numbered", str(article))
    assert check.returncode == 1
    assert (
        check.stdout
        == f"{article}:4:3: numbered-indentation list item indented by 2, the first item of its list by 4\n"
    )
    fmt = run("fmt", "--extension", "numbered", "-", stdin=NUMBERED_TEXT.encode())
    assert fmt.stdout == "Steps:\n\n1. one\n  2. two\n  3. three\n"  # one blank line between blocks
    unknown = run("check", "--extension", "nope", str(article))
    assert unknown.returncode == 2 and "invalid choice: 'nope'" in unknown.stderr


def test_tool_wikirel_extensions(tmp_path: Path) -> None:
    (tmp_path / "steps.txt").write_text(NUMBERED_TEXT, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.wikirel]\nextensions = ["numbered"]\n')
    stats = run("stats", "--json", "steps.txt", cwd=tmp_path)
    assert json.loads(stats.stdout)["nodes"]["NumberedItem"] == 3
    (tmp_path / "pyproject.toml").write_text('[tool.wikirel]\nextensions = ["roman"]\n')
    bad = run("stats", "steps.txt", cwd=tmp_path)
    assert bad.returncode == 2 and "extensions = ['roman']: expected 'numbered'" in bad.stderr


def test_machine_readable_output_end_to_end(tmp_path: Path) -> None:
    """As a CI job sees it: the unreadable input is in the JSON, the exit code says so."""
    result = run("check", "--output-format", "json", "nosuch/", cwd=tmp_path)
    assert result.returncode == 2
    assert json.loads(result.stdout) == [
        {"path": "nosuch/", "line": 1, "column": 1, "code": "io-error",
         "message": "cannot read: No such file or directory"}
    ]  # fmt: skip
    both = run("extract", "--csv", "visits", "--jsonl", str(CHINA))
    assert both.returncode == 2 and both.stdout == ""
    assert "--csv and --jsonl cannot be used together" in both.stderr
    old = run("extract", "--csv", "visits", str(CHINA))
    assert old.returncode == 0 and "--csv is deprecated (removed in 0.5): use --table visits" in old.stderr
    assert old.stdout == run("extract", "--table", "visits", str(CHINA)).stdout
