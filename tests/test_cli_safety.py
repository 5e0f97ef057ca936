"""The command line as a hostile world uses it: links, owners, read-only and
full targets, files changed meanwhile, signals, endless inputs, odd names.

Most run ``cli.main`` in this process (``run``: the exit code and output a
subprocess would give), and inject the failure that a test machine cannot
produce on demand (a full disk, a SIGTERM mid-write) at the operating-system
call where it would happen; what needs a real process (a closed or full
stdout, a pipe whose reader leaves, a terminal, pre-commit's entry points)
runs one.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import signal
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

import wikirel
from conftest import ROOT
from helpers import on_terminal, run_main
from wikirel import _files, cli
from wikirel.nodes import flatten

UGLY = b"==History  ==\n- a\n    - b\n|x|y\n"
CANONICAL = b"== History ==\n- a\n  - b\n\n| x | y |\n"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """``wikirel ARGS`` in this process."""
    return run_main(args, stdin=stdin)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- fmt never loses or misplaces data ----------------------------------------------


def test_fmt_stdin_writes_the_text_even_when_already_canonical() -> None:
    for text in (CANONICAL, UGLY):
        result = run("fmt", "-", stdin=text)
        assert (result.returncode, result.stdout) == (0, CANONICAL)
    assert run("fmt", "--check", "-", stdin=CANONICAL).stdout == b""


def test_fmt_writes_through_a_symlink_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_bytes(UGLY)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert run("fmt", str(link)).returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == CANONICAL
    assert leftovers(tmp_path) == []


def test_fmt_refuses_a_file_with_hard_links(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_bytes(UGLY)
    os.link(first, tmp_path / "b.txt")
    result = run("fmt", str(first))
    assert result.returncode == 2
    assert b"has 2 hard links" in result.stderr
    assert first.read_bytes() == UGLY and first.stat().st_nlink == 2


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_fmt_keeps_owner_group_and_mode(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(UGLY)
    os.chown(article, 65534, 65534)
    article.chmod(0o604)
    assert run("fmt", str(article)).returncode == 0
    info = article.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o7777) == (65534, 65534, 0o604)
    assert article.read_bytes() == CANONICAL


def test_fmt_does_not_rewrite_a_read_only_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(UGLY)
    article.chmod(0o444)
    result = run("fmt", str(article))
    assert result.returncode == 2 and b"read-only; left alone" in result.stderr
    assert article.read_bytes() == UGLY


def _two_files(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes(UGLY)
    second.write_bytes(UGLY)
    return first, second


def test_fmt_leaves_a_file_changed_after_it_was_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _two_files(tmp_path)
    real = cli.commands.write_back

    def someone_edits_first(name: str, original: bytes, text: str) -> None:
        if name == str(first):
            with open(first, "ab") as handle:
                handle.write(b"a line added by someone else\n")
        real(name, original, text)

    monkeypatch.setattr(cli.commands, "write_back", someone_edits_first)
    assert cli.main(["fmt", str(first), str(second)]) == 2
    assert "a.txt: error: changed during formatting; left alone" in capsys.readouterr().err
    assert first.read_bytes() == UGLY + b"a line added by someone else\n"
    assert second.read_bytes() == CANONICAL  # the batch went on
    assert leftovers(tmp_path) == []


def _fail_on(monkeypatch: pytest.MonkeyPatch, name: str, error: Callable[[], BaseException | None]) -> None:
    """Make ``os.<name>`` fail (or act) once, the first time fmt calls it."""
    real = getattr(os, name)
    calls = []

    def once(*args: object) -> object:
        calls.append(args)
        if len(calls) == 1:
            raised = error()
            if raised is not None:
                raise raised
        return real(*args)

    monkeypatch.setattr(os, name, once)


@pytest.mark.parametrize(
    ("call", "message"),
    [("fsync", "No space left on device"), ("replace", "Permission denied")],
)
def test_a_failed_write_is_reported_and_the_batch_goes_on(
    call: str,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = _two_files(tmp_path)
    code = errno.ENOSPC if call == "fsync" else errno.EACCES
    _fail_on(monkeypatch, call, lambda: OSError(code, os.strerror(code)))
    assert cli.main(["fmt", str(first), str(second)]) == 2
    assert f"a.txt: error: cannot write: {message}" in capsys.readouterr().err
    assert first.read_bytes() == UGLY and second.read_bytes() == CANONICAL
    assert leftovers(tmp_path) == []


def test_an_unwritable_folder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, _ = _two_files(tmp_path)

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(_files.tempfile, "mkstemp", refuse)
    assert cli.main(["fmt", str(first)]) == 2
    assert "cannot write in" in capsys.readouterr().err
    assert first.read_bytes() == UGLY


def test_sigterm_during_a_write_finishes_that_file_and_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _two_files(tmp_path)
    _fail_on(monkeypatch, "fsync", lambda: os.kill(os.getpid(), signal.SIGTERM))  # type: ignore[func-returns-value]
    handler = signal.getsignal(signal.SIGTERM)
    assert cli.main(["fmt", str(first), str(second)]) == 128 + signal.SIGTERM
    # The signal waited for the rename: the file is whole, old or new, never cut.
    assert first.read_bytes() == CANONICAL
    assert second.read_bytes() == UGLY  # not started
    assert leftovers(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) is handler  # main put the caller's handler back


def test_ctrl_c_during_a_write_finishes_that_file_and_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _two_files(tmp_path)
    _fail_on(monkeypatch, "fsync", lambda: os.kill(os.getpid(), signal.SIGINT))  # type: ignore[func-returns-value]
    assert cli.main(["fmt", str(first), str(second)]) == 130
    assert first.read_bytes() == CANONICAL  # SIGINT waited for the rename, as SIGTERM does
    assert second.read_bytes() == UGLY
    assert leftovers(tmp_path) == []


def test_an_internal_error_costs_one_file_not_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _two_files(tmp_path)

    def broken(name: str, doc: wikirel.Document, options: dict[str, object]) -> list[str]:
        if name.endswith("a.txt"):
            raise RuntimeError("boom")
        return []

    monkeypatch.setitem(cli.work.WORK, "check", broken)
    assert cli.main(["check", str(first), str(second)]) == 2
    err = capsys.readouterr().err
    assert "a.txt: error: internal error: RuntimeError: boom" in err
    assert "Traceback" not in err and "1 file," in err


# -- inputs ---------------------------------------------------------------------------


def test_reading_stops_at_the_size_limit() -> None:
    result = run("check", "--max-bytes", "100000", "/dev/zero")
    assert result.returncode == 2
    assert b"/dev/zero: error: larger than 100000 bytes" in result.stderr
    result = run("check", "--max-bytes", "10", "-", stdin=b"x" * 11)
    assert result.returncode == 2 and b"larger than 10 bytes" in result.stderr
    with pytest.raises(ValueError, match="larger than 3 bytes"):
        list(wikirel.batch.parse_files([Path("/dev/zero")], jobs=1, max_bytes=3))


def test_an_endless_input_costs_the_limit_in_memory_not_twice() -> None:
    import tracemalloc

    limit = 8 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(wikirel.errors.InputError, match=f"larger than {limit} bytes"):
            _files.read_limited("/dev/zero", limit)
        with open("/dev/zero", "rb") as endless, pytest.raises(wikirel.errors.InputError):
            _files.read_stream(endless, limit)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The chunks read (limit + 1 bytes), never joined: before, a join doubled the peak.
    assert limit < peak < 1.5 * limit
    data = os.urandom(3 * 1024 * 1024 + 5)  # several chunks
    assert _files.read_stream(io.BytesIO(data), len(data)) == data
    with pytest.raises(wikirel.errors.InputError, match=f"larger than {len(data) - 1} bytes"):
        _files.read_stream(io.BytesIO(data), len(data) - 1)


def test_skipped_inputs_are_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes(CANONICAL)
    (corpus / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "more.txt").write_bytes(CANONICAL)
    (corpus / "linked").symlink_to(elsewhere)
    os.mkfifo(corpus / "pipe.txt")
    result = run("check", str(corpus))
    err = result.stderr.decode()
    assert result.returncode == 2
    assert "broken.txt: error: broken symlink" in err
    assert "linked: warning: symlink to a folder, not followed" in err
    assert "pipe.txt: warning: not a regular file, skipped" in err
    assert "1 file," in err
    assert run("check", str(elsewhere), "--quiet").returncode == 0


def test_an_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_bytes(CANONICAL)
    real = os.scandir

    def scandir(path: str) -> object:
        if path.endswith("sub"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = [(f.name, f.severity, f.message) for f in _files.find_inputs([str(tmp_path)])]
    assert found == [
        (str(tmp_path / "a.txt"), "input", ""),
        (str(tmp_path / "sub"), "error", "cannot read folder: Permission denied"),
    ]


def test_a_folder_without_inputs_is_an_error(tmp_path: Path) -> None:
    result = run("check", str(tmp_path))
    assert result.returncode == 2 and b"no inputs" in result.stderr


def test_jobs_are_capped_by_inputs_and_cpus() -> None:
    cpus = len(os.sched_getaffinity(0))
    assert cli.work.workers(64, 3) == min(3, cpus)
    assert cli.work.workers(64, 1000) == cpus
    assert cli.work.workers(1, 1000) == 1


# -- output -----------------------------------------------------------------------------


def test_odd_file_names_are_escaped_in_every_output(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    names = [b"new\nline.txt", b"latin\xe9.txt", b"back\\slash\x1b.txt"]
    for name in names:
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(b"| a |\n| b | c |\n")  # one finding: a ragged row
    check = run("check", str(tmp_path))
    lines = check.stdout.decode("utf-8").splitlines()
    assert len(lines) == 3  # no name broke a line
    assert any(line.startswith(f"{tmp_path}/new\\nline.txt:2:") for line in lines)
    assert any(f"{tmp_path}/latin\\xe9.txt:2:" in line for line in lines)
    assert any(f"{tmp_path}/back\\\\slash\\x1b.txt:2:" in line for line in lines)
    parsed = run("extract", "--jsonl", str(tmp_path))
    paths = [json.loads(line)["path"] for line in parsed.stdout.decode("utf-8").splitlines()]
    assert sorted(paths) == sorted(f"{tmp_path}/{_files.display(os.fsdecode(n))}" for n in names)
    assert parsed.returncode == 0


def test_output_to_a_full_device_or_a_closed_stream_is_an_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(CANONICAL)
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "wikirel", "extract", str(article)],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert result.returncode == 2 and b"No space left on device" in result.stderr
    assert b"Traceback" not in result.stderr
    closed = subprocess.run(
        f"'{sys.executable}' -m wikirel extract '{article}' >&-", shell=True, capture_output=True, check=False
    )
    assert closed.returncode == 2 and b"standard output is closed" in closed.stderr
    no_stdin = subprocess.run(
        f"'{sys.executable}' -m wikirel check - <&-", shell=True, capture_output=True, check=False
    )
    assert no_stdin.returncode == 2 and b"standard input is closed" in no_stdin.stderr


# -- depth, str subclasses -------------------------------------------------------------


def test_the_cli_handles_trees_far_deeper_than_the_recursion_limit(tmp_path: Path) -> None:
    (tmp_path / "list.txt").write_text("".join(" " * i + "- x\n" for i in range(1_500)), encoding="utf-8")
    (tmp_path / "sections.txt").write_text(
        "".join("=" * (i + 2) + " h " + "=" * (i + 2) + "\n" for i in range(2_000)), encoding="utf-8"
    )
    for command in (["parse", "--jsonl"], ["extract", "--jsonl"], ["check"], ["outline"], ["stats"]):
        result = run(*command, "--jobs", "2", str(tmp_path))
        assert result.returncode in (0, 1), result.stderr
        assert b"Traceback" not in result.stderr
    parsed = run("parse", "--jsonl", str(tmp_path)).stdout.decode().splitlines()
    for line, name in zip(parsed, ("list.txt", "sections.txt"), strict=True):
        doc = wikirel.from_json(line)
        assert wikirel.serialize(doc) == (tmp_path / name).read_text(encoding="utf-8")
    assert run("fmt", str(tmp_path)).returncode == 0
    assert run("fmt", "--check", str(tmp_path)).returncode == 0


def test_parse_reads_the_characters_of_a_str_subclass() -> None:
    class Sneaky(str):
        def __str__(self) -> str:
            return "= Something else ="

        def startswith(self, *args: object) -> bool:  # type: ignore[override]
            raise AssertionError("parse must not call methods of the subclass")

    doc = wikirel.parse(Sneaky("== Real ==\n"))
    assert doc.sections[0].title == "Real" and doc.title is None
    assert flatten(doc) == flatten(wikirel.parse("== Real ==\n"))


@pytest.mark.parametrize(
    ("name", "shown"),
    [("corpus/a.txt", "corpus/a.txt"), ("é–ü.txt", "é–ü.txt"), ("a\\b.txt", "a\\b.txt"),
     ("a\nb.txt", "a\\nb.txt"), ("a\\b\n", "a\\\\b\\n"), ("x\u202eb", "x\\u202eb"),
     (os.fsdecode(b"caf\xe9"), "caf\\xe9"), ("tab\there", "tab\\there"), ("\x85", "\\x85")],
)  # fmt: skip
def test_display_escapes_only_names_that_need_it(name: str, shown: str) -> None:
    assert _files.display(name) == shown


@pytest.mark.skipif(
    __import__("multiprocessing").get_start_method() != "fork", reason="the patch reaches workers by fork"
)
def test_a_worker_that_dies_costs_only_its_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    names = [tmp_path / f"{letter}.txt" for letter in "abcdef"]
    for name in names:
        name.write_bytes(b"| a |\n| b | c |\n")  # one finding each
    parent = os.getpid()

    def crash_on_c(name: str, doc: wikirel.Document, options: dict[str, object]) -> list[tuple[object, ...]]:
        if name.endswith("c.txt") and os.getpid() != parent:
            os._exit(3)  # what a segfault or the OOM killer does to a worker
        return [(name, 1, 1, "ok", "fine")]

    monkeypatch.setitem(cli.work.WORK, "check", crash_on_c)
    assert cli.main(["check", "--jobs", "2", *map(str, names)]) == 2
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"{n}:1:1: ok fine" for n in names if not str(n).endswith("c.txt")]
    assert f"{names[2]}: error: the worker process died on this input" in err
    assert err.count("error:") == 1


def test_a_pool_that_cannot_start_falls_back_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _two_files(tmp_path)

    def no_pool(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EMFILE, "Too many open files")

    monkeypatch.setattr(cli.work, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(cli.work, "workers", lambda requested, inputs: 2)
    assert cli.main(["check", "--jobs", "2", str(first), str(second)]) == 1
    out, err = capsys.readouterr()
    assert "cannot start worker processes (Too many open files)" in err
    assert [line.split(":")[0] for line in out.splitlines()] == [str(first), str(second)]


# -- rough edges a new user met (issue 12) ---------------------------------------------


def test_jsonl_with_indent_is_a_usage_error() -> None:
    result = run("extract", "--jsonl", "--indent", "2", "-", stdin=CANONICAL)
    assert result.returncode == 2 and b"--indent cannot be used with --jsonl" in result.stderr


def test_a_closed_output_pipe_is_not_success(tmp_path: Path) -> None:
    for i in range(50):
        (tmp_path / f"{i:02}.txt").write_bytes(b"| a |\n| b | c |\n" * 200)
    script = f"'{sys.executable}' -m wikirel check '{tmp_path}' | head -1; exit ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", script], capture_output=True, check=False)
    assert result.returncode == 141, result.stderr
    assert len(result.stdout.splitlines()) == 1 and b"Traceback" not in result.stderr


def test_counts_are_singular_for_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"| a |\n| b | c |\n")
    result = run("check", str(tmp_path))
    assert result.stderr.decode().strip().splitlines()[-1] == "1 file, 1 diagnostic, 0 errors"
    outline = run("outline", str(tmp_path)).stdout.decode()
    assert "Table (1 column, 1 row)" in outline


def test_the_progress_counter_never_runs_into_other_lines(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"{i}.txt").write_bytes(CANONICAL if i % 2 else b"\xff")
    seen = on_terminal(["check", str(tmp_path)], stdout=subprocess.DEVNULL)
    assert b"/6 files" in seen  # the counter shows when stdout goes elsewhere
    messages = [line for line in seen.split(b"\n") if b"error:" in line]
    assert len(messages) == 3
    for line in messages:  # each message starts on a line the counter was cleared from
        assert line.rstrip(b"\r").split(b"\r")[-1].startswith(b"\x1b[K"), line
    both = on_terminal(["check", str(tmp_path)])
    assert b"/6 files" not in both  # stdout on the same terminal: no counter


def test_check_output_formats(tmp_path: Path) -> None:
    article = tmp_path / "a,b:c.txt"  # a name that GitHub's workflow commands must escape
    article.write_bytes(b"| a |\n| b | c |\n")
    text = run("check", str(article)).stdout.decode()
    assert text == f"{article}:2:6: table-ragged row has 2 cells, the header has 1\n"
    as_json = run("check", "--output-format", "json", str(article))
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout) == [
        {"path": str(article), "line": 2, "column": 6, "code": "table-ragged",
         "message": "row has 2 cells, the header has 1"}
    ]  # fmt: skip
    github = run("check", "--output-format", "github", str(article)).stdout.decode()
    escaped = str(article).replace(":", "%3A").replace(",", "%2C")
    assert github == f"::error file={escaped},line=2,col=6::table-ragged row has 2 cells, the header has 1\n"


def test_pre_commit_hooks_run_as_pre_commit_runs_them(tmp_path: Path) -> None:
    import shlex

    import yaml

    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"wikirel-check", "wikirel-fmt"}
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_bytes(CANONICAL)
    bad.write_bytes(UGLY)
    scripts = Path(sys.executable).parent  # where pip put the `wikirel` entry point
    env = {**os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ['PATH']}"}

    def hook(name: str) -> subprocess.CompletedProcess[bytes]:
        entry = shlex.split(hooks[name]["entry"])
        assert all(re.search(hooks[name]["files"], p.name) for p in (good, bad))
        return subprocess.run([*entry, str(good), str(bad)], capture_output=True, env=env, check=False)

    check = hook("wikirel-check")
    assert (
        check.returncode == 1 and str(bad).encode() in check.stdout and str(good).encode() not in check.stdout
    )
    assert hook("wikirel-fmt").returncode == 0
    assert bad.read_bytes() == CANONICAL and good.read_bytes() == CANONICAL
    assert hook("wikirel-check").returncode == 0


def test_workflows_test_every_supported_python() -> None:
    import yaml

    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    versions = ci["jobs"]["test"]["strategy"]["matrix"]["python-version"]
    classifiers = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["classifiers"]
    declared = sorted(c.rsplit(" ", 1)[1] for c in classifiers if re.fullmatch(r".*Python :: 3\.\d+", c))
    assert versions == declared == ["3.11", "3.12", "3.13", "3.14"]
    assert ci["jobs"]["test"]["steps"][-1]["run"] == "bash .ci/run"
    release = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text())
    assert release["jobs"]["publish"]["permissions"] == {"id-token": "write"}  # trusted publishing


def _run_in(folder: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return run_main(args, stdin=stdin, cwd=folder)


def test_tool_wikirel_in_pyproject_sets_defaults(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"| a |\n| b | c |\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.wikirel]\noutput-format = "github"\nquiet = true\n')
    found = _run_in(tmp_path / "sub", "check", "../a.txt")  # found from a folder below
    assert found.stdout.startswith(b"::error file=../a.txt,line=2,col=6::") and found.stderr == b""
    given = _run_in(tmp_path, "check", "--output-format", "text", "a.txt")  # the command line wins
    assert given.stdout.startswith(b"a.txt:2:6: table-ragged")
    (tmp_path / "pyproject.toml").write_text("[tool.wikirel]\njobs = 'two'\n")
    bad = _run_in(tmp_path, "check", "a.txt")
    assert bad.returncode == 2 and b"[tool.wikirel] jobs = 'two': expected int" in bad.stderr
    (tmp_path / "pyproject.toml").write_text("[tool.wikirel]\ncolour = true\n")
    assert b"unknown option 'colour'" in _run_in(tmp_path, "check", "a.txt").stderr


def test_stdin_filename_names_stdin_in_records_and_messages() -> None:
    check = run("check", "--stdin-filename", "corpus/x.txt", "-", stdin=b"| a |\n| b | c |\n")
    assert check.stdout.startswith(b"corpus/x.txt:2:6: table-ragged")
    extract = run("extract", "--stdin-filename", "corpus/x.txt", "-", stdin=CANONICAL)
    assert json.loads(extract.stdout)[0]["path"] == "corpus/x.txt"
    bad = run("check", "--stdin-filename", "corpus/x.txt", "-", stdin=b"\xff")
    assert b"corpus/x.txt: error: not UTF-8" in bad.stderr
    formatted = run("fmt", "--stdin-filename", "corpus/x.txt", "-", stdin=UGLY)
    assert formatted.stdout == CANONICAL  # to stdout; no file of that name is written
    assert not Path("corpus/x.txt").exists()
