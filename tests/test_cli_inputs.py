"""Which files the command line reads and rewrites (issue 16.1), the
configuration it reads, what it shows on stderr, and the input errors of
issue 17 (fmt's lost writes, ``fmt -`` on errors, bad pyproject.toml files).

Most tests run ``cli.main`` in this process; the few that need a real
terminal, a concurrent writer or pre-commit run subprocesses.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import wikirel
from conftest import ROOT
from helpers import on_terminal
from wikirel import _files, cli

UGLY = "= A–B relations =\n\n==History  ==\n- a\n    - b\n"
CANONICAL = "= A–B relations =\n\n== History ==\n- a\n  - b\n"
# What a project root holds besides articles; none of it may be rewritten.
NOT_ARTICLES = {
    "requirements.txt": "lark>=1.2,<2\nattrs>=23.1\n# == pinned ==\n",
    "CMakeLists.txt": "cmake_minimum_required(VERSION 3.20)\nproject(x)\n",
    "LICENSE.txt": "MIT License\n\nCopyright (c) 2026\n\n=== no heading here\n",
    ".venv/lib/python3.11/site-packages/x-1.0.dist-info/entry_points.txt": "[console_scripts]\nx = x:main\n",
    ".venv/lib/python3.11/site-packages/x-1.0.dist-info/LICENSE.txt": "= Looks like a title =\n",
    "env2/lib/notes.txt": "= A virtual environment by another name =\n",
    "node_modules/pkg/README.txt": "= A title in a package =\n",
    "build/lib/a.txt": "= Build output =\n==x==\n",
    "drafts/ignored.txt": "= Ignored by git =\n==x==\n",
}


def _files_of(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project root: a git repository with two articles and the files above."""
    root = tmp_path / "repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    for name, text in NOT_ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (root / "env2" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (root / ".gitignore").write_text("drafts/\n")
    (root / "articles").mkdir()
    (root / "articles" / "a-b.txt").write_text(UGLY, encoding="utf-8")
    (root / "c-d.txt").write_text("= C–D relations =\n\n|x|y\n", encoding="utf-8")
    return root


def _articles_only_changed(root: Path, before: dict[str, bytes]) -> None:
    after = _files_of(root)
    changed = sorted(name for name in before if before[name] != after[name])
    assert changed == ["articles/a-b.txt", "c-d.txt"]
    assert (root / "articles" / "a-b.txt").read_text(encoding="utf-8") == CANONICAL
    assert (root / "c-d.txt").read_text(encoding="utf-8") == "= C–D relations =\n\n| x | y |\n"
    assert set(after) == set(before)  # nothing left behind


def test_fmt_over_a_project_root_rewrites_only_the_articles(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files_of(repo)
    monkeypatch.chdir(repo)
    assert cli.main(["fmt", "--check", "."]) == 1
    assert sorted(capsys.readouterr().out.splitlines()) == [
        "would reformat ./articles/a-b.txt",
        "would reformat ./c-d.txt",
    ]
    assert cli.main(["fmt", "-v", "."]) == 0
    err = capsys.readouterr().err
    assert "reformatted ./articles/a-b.txt" in err and "skipped ./requirements.txt (not an article)" in err
    assert "skipped ./.venv (excluded)" in err and "skipped ./env2 (excluded)" in err
    assert err.splitlines()[-1] == "2 files reformatted, 0 left unchanged, 0 errors"
    _articles_only_changed(repo, before)
    assert cli.main(["fmt", "--check", "."]) == 0


def test_fmt_named_non_articles_are_reported_and_left_alone(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files_of(repo)
    monkeypatch.chdir(repo)
    assert cli.main(["fmt", "requirements.txt", "CMakeLists.txt", "LICENSE.txt"]) == 0  # not an error
    err = capsys.readouterr().err
    for name in ("requirements.txt", "CMakeLists.txt", "LICENSE.txt"):
        assert f"{name}: warning: not an article (its first non-blank line is not a heading" in err
    assert "no inputs left" in err
    assert _files_of(repo) == before
    # Read-only commands read what they are given, unless --articles-only.
    assert cli.main(["check", "requirements.txt"]) == 0
    assert "1 file, 0 diagnostics, 0 errors" in capsys.readouterr().err
    assert cli.main(["check", "--articles-only", "--quiet", "requirements.txt"]) == 0
    assert capsys.readouterr().err == ""
    # An explicit opt-out formats a fragment without a title.
    (repo / "fragment.txt").write_text("- a\n    - b\n", encoding="utf-8")
    assert cli.main(["fmt", "--no-articles-only", "fragment.txt"]) == 0
    assert (repo / "fragment.txt").read_text(encoding="utf-8") == "- a\n  - b\n"


@pytest.mark.parametrize(
    ("text", "article"),
    [
        ("= A–B relations =\n", True),
        ("\ufeff\n  \n==History==\nx\n", True),  # a BOM, blank lines, a section heading first
        ("= =\n", False),
        ("=====\nunderlined\n", False),
        ("Infobox\n- Envoy1: x\n", False),
        ("", False),
        ("lark>=1.2\n", False),
        ("[console_scripts]\nx = y\n", False),
        ("MIT License\n= x =\n", False),
    ],
)
def test_what_is_an_article(text: str, article: bool) -> None:
    assert _files.is_article(text) is article


def test_every_sample_and_corpus_article_is_an_article() -> None:
    paths = [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "corpus").glob("*.txt")]
    assert len(paths) > 20
    for path in paths:
        assert _files.is_article(path.read_text(encoding="utf-8")), path
    for text in wikirel.resources.samples().values():
        assert _files.is_article(text)


def test_pre_commit_hooks_leave_non_articles_alone(repo: Path) -> None:
    """pre-commit itself, offline: the hooks of .pre-commit-hooks.yaml as a
    ``repo: local`` config (``language: system``: the wikirel installed here)."""
    import yaml

    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (it is in the test extra)")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    local = [{**hook, "language": "system"} for hook in hooks]
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]})
    )
    # Tracked on purpose: a committed .venv or build folder must not be formatted either.
    subprocess.run(["git", "add", "-A", "-f", "."], cwd=repo, check=True)
    subprocess.run(["git", "reset", "-q", "drafts"], cwd=repo, check=True)
    before = _files_of(repo)
    scripts = Path(sys.executable).parent
    env = {
        **os.environ,
        "PATH": f"{scripts}{os.pathsep}{os.environ['PATH']}",
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
    }
    result = subprocess.run(
        [pre_commit, "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    # check passes (no diagnostics); fmt rewrote the two articles, so pre-commit fails the run.
    assert result.returncode == 1, result.stdout + result.stderr
    assert "wikirel check" in result.stdout and "files were modified by this hook" in result.stdout
    after = _files_of(repo)
    changed = sorted(name for name in before if before[name] != after[name])
    assert changed == ["articles/a-b.txt", "c-d.txt"]
    again = subprocess.run(
        [pre_commit, "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert again.returncode == 0, again.stdout


# -- excludes ---------------------------------------------------------------------------


def _article(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(UGLY, encoding="utf-8")
    return path


def _found(paths: list[str], *options: str) -> list[str]:
    """The inputs the command line would read, as ``(name)``."""
    args = cli.build_parser().parse_args(["check", *options, *paths])
    args.root = os.getcwd()
    found = _files.find_inputs(args.paths, selection=cli.work.selection(args))
    return [f.name for f in found if f.severity == "input"]


def test_exclude_extend_exclude_and_force_exclude(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "build/b.txt", "docs/generated/c.txt", "docs/d.txt", "old.bak.txt"):
        _article(tmp_path / name)
    everything = ["./a.txt", "./docs/d.txt", "./docs/generated/c.txt", "./old.bak.txt"]
    assert _found(["."]) == everything  # build/ is a default exclude
    assert _found(["build"]) == ["build/b.txt"]  # named: read, as ruff does
    assert _found(["build"], "--force-exclude") == []
    assert _found(["build/b.txt"], "--force-exclude") == []
    assert _found(["."], "--extend-exclude", "*.bak.txt", "--extend-exclude", "docs/generated") == [
        "./a.txt",
        "./docs/d.txt",
    ]
    assert _found(["docs"], "--extend-exclude", "/docs/generated") == ["docs/d.txt"]  # relative to the root
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # a named path outside the root: every folder above it counts
    assert _found([str(tmp_path / "build" / "b.txt")], "--force-exclude") == []
    assert _found([str(tmp_path / "a.txt")], "--force-exclude") == [str(tmp_path / "a.txt")]
    monkeypatch.chdir(tmp_path)
    # --exclude replaces the defaults: build/ is read now
    assert _found(["."], "--exclude", "a.txt") == ["./build/b.txt", *everything[1:]]


def test_gitignore_is_honoured_inside_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("out/\n*.tmp.txt\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".gitignore").write_text("local.txt\n!keep.tmp.txt\n")
    names = ("a.txt", "out/b.txt", "x.tmp.txt", "sub/local.txt", "sub/keep.tmp.txt", "sub/c.txt", "local.txt")
    for name in names:
        _article(tmp_path / name)
    # As git: a deeper .gitignore overrides (keep.tmp.txt), and applies only below its folder.
    assert _found(["."]) == ["./a.txt", "./local.txt", "./sub/c.txt", "./sub/keep.tmp.txt"]
    assert _found(["sub"]) == ["sub/c.txt", "sub/keep.tmp.txt"]  # the outer .gitignore applies too
    assert _found(["sub/"], "--extend-exclude", "keep.tmp.txt") == ["sub/c.txt"]
    assert len(_found(["."], "--no-respect-gitignore")) == 7


def test_files_from_a_file_and_from_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    first, second = _article(tmp_path / "a.txt"), _article(tmp_path / "sub dir" / "b.txt")
    (tmp_path / "list").write_text("a.txt\n\nsub dir/b.txt\n")
    assert cli.main(["fmt", "--check", "--files-from", "list"]) == 1
    assert capsys.readouterr().out == "would reformat a.txt\nwould reformat sub dir/b.txt\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"sub dir/b.txt\n")))
    assert cli.main(["fmt", "--files-from", "-", "a.txt"]) == 0
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8") == CANONICAL
    with pytest.raises(SystemExit) as stopped:
        cli.main(["check", "--files-from", "-", "-"])
    assert stopped.value.code == 2
    assert "stdin cannot be both" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["check", "--files-from", "nosuch"])
    assert "--files-from nosuch: cannot read" in capsys.readouterr().err


# -- what stderr shows ------------------------------------------------------------------


def test_no_progress_counter_when_stdout_is_a_pipe(tmp_path: Path) -> None:
    for i in range(4):
        _article(tmp_path / f"{i}.txt")
    shown = on_terminal(["check", str(tmp_path)], stdout=subprocess.DEVNULL)
    assert b"/4 files" in shown  # a terminal on stderr, stdout elsewhere: the counter shows
    read, write = os.pipe()  # `wikirel check corpus/ | head`: head prints to the same terminal
    try:
        piped = on_terminal(["check", str(tmp_path)], stdout=write)
    finally:
        os.close(write)
        os.close(read)
    assert b"/4 files" not in piped and b"4 files, 0 diagnostics" in piped
    assert b"/4 files" not in on_terminal(
        ["check", "--no-progress", str(tmp_path)], stdout=subprocess.DEVNULL
    )


def test_progress_can_be_forced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(3):
        _article(tmp_path / f"{i}.txt")
    assert cli.main(["check", str(tmp_path)]) == 0
    assert "/3 files" not in capsys.readouterr().err  # stderr is no terminal here
    assert cli.main(["check", "--progress", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "\r3/3 files" in err and "\r\x1b[K3 files, 0 diagnostics" in err


def test_ctrl_c_clears_the_counter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(5):
        _article(tmp_path / f"{i}.txt")

    def interrupted(name: str, doc: wikirel.Document, options: dict[str, object]) -> list[object]:
        if name.endswith("3.txt"):
            raise KeyboardInterrupt
        return []

    monkeypatch.setitem(cli.work.WORK, "check", interrupted)
    assert cli.main(["check", "--progress", str(tmp_path)]) == 130
    err = capsys.readouterr().err
    assert "\r3/5 files" in err and err.endswith("\r\x1b[K")  # the shell's prompt starts on a clean line


def test_verbose_names_each_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    ugly, fine = _article(tmp_path / "a.txt"), tmp_path / "b.txt"
    fine.write_text(CANONICAL, encoding="utf-8")
    assert cli.main(["fmt", "--diff", "-v", "a.txt", "b.txt"]) == 1
    assert capsys.readouterr().err.splitlines()[:2] == ["would reformat a.txt", "unchanged b.txt"]
    assert cli.main(["fmt", "-v", "a.txt", "b.txt"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == ["reformatted a.txt", "unchanged b.txt", "1 file reformatted, 1 left unchanged, 0 errors"]
    assert ugly.read_text(encoding="utf-8") == CANONICAL
    assert cli.main(["extract", "--verbose", "a.txt", "b.txt"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == ["read a.txt", "read b.txt", "2 files extracted, 0 errors"]  # a summary that reads


# -- configuration ----------------------------------------------------------------------


def test_config_is_found_from_the_inputs_named_or_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    article = _article(project / "docs" / "a.txt")
    article.write_text("| a |\n| b | c |\n", encoding="utf-8")
    elsewhere.mkdir()
    (project / "pyproject.toml").write_text('[tool.wikirel]\noutput-format = "github"\n')
    (elsewhere / "pyproject.toml").write_text('[tool.wikirel]\noutput-format = "json"\n')
    monkeypatch.chdir(elsewhere)  # ruff and black search from the files, not from here
    assert cli.main(["check", str(article)]) == 1
    assert capsys.readouterr().out.startswith("::error file=")
    assert cli.main(["check", "--isolated", str(article)]) == 1
    assert capsys.readouterr().out.startswith(f"{article}:2:6: table-ragged")
    assert cli.main(["check", "--config", str(elsewhere / "pyproject.toml"), str(article)]) == 1
    assert capsys.readouterr().out.startswith("[")
    with pytest.raises(SystemExit):
        cli.main(["check", "--config", "x.toml", "--isolated", str(article)])
    assert "usage: wikirel check" in capsys.readouterr().err
    assert cli.main(["check", "--config", "nosuch.toml", str(article)]) == 2
    assert "nosuch.toml: cannot read" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'tool = "x"\n', "'tool' must be a table"),
        (b"[[tool]]\nwikirel = 1\n", "'tool' must be a table"),
        (b"[tool]\nwikirel = 3\n", "[tool.wikirel] must be a table"),
        (b"[tool.wikirel]\nquiet = true\n# caf\xe9\n", "not UTF-8"),
        (b"[tool.wikirel\n", "not valid TOML"),
        (b"a = " + b"[" * 5000 + b"\n", "nested too deeply"),
        (b"# " + b"x" * (1 << 20) + b"\n", "larger than 1048576 bytes"),
        (b"[tool.wikirel]\nmax-bytes = 0\n", "max-bytes = 0: expected at least 1"),
        (b"[tool.wikirel]\nexclude = [1]\n", "expected a list of strings"),
    ],
)
def test_a_bad_pyproject_is_a_message_and_exit_2(
    content: bytes,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _article(tmp_path / "a.txt")
    (tmp_path / "pyproject.toml").write_bytes(content)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "a.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"wikirel: error: {tmp_path / 'pyproject.toml'}: ") and message in err, err
    assert "Traceback" not in err


def test_an_extension_named_twice_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "steps.txt").write_text("Steps:\n1)  one\n    2. two\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["outline", "--extension", "numbered", "--extension", "numbered", "steps.txt"]) == 0
    assert "NumberedList" in capsys.readouterr().out
    (tmp_path / "pyproject.toml").write_text('[tool.wikirel]\nextensions = ["numbered", "numbered"]\n')
    assert cli.main(["outline", "--extension", "numbered", "steps.txt"]) == 0
    out, err = capsys.readouterr()
    assert "NumberedList" in out and " error:" not in err


# -- argument errors and messages in the command line's words -------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "--max-bytes", "0", "-"], "argument --max-bytes: must be at least 1, not 0"),
        (["parse", "--jobs", "-1", "-"], "argument -j/--jobs: must be at least 1, not -1"),
        (["extract", "--jsonl", "--indent", "2", "-"], "--indent cannot be used with --jsonl"),
        (["outline"], "no PATH given"),
    ],
)
def test_argument_errors_show_the_subcommand_usage(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: wikirel {argv[0]} ") and message in err, err


def test_the_size_limit_speaks_the_command_lines_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    big = _article(tmp_path / "a.txt")

    def no_reading(*args: object) -> bytes:
        raise AssertionError("a regular file over the limit is refused by its size, unread")

    monkeypatch.setattr(_files, "read_up_to", no_reading)
    assert cli.main(["check", "--max-bytes", "10", str(big)]) == 2
    err = capsys.readouterr().err
    assert f"{big}: error: larger than 10 bytes, the limit set by --max-bytes\n" in err
    assert "left alone" not in err and "max_bytes=" not in err
    with pytest.raises(ValueError, match="larger than 10 bytes, the limit set by max_bytes"):
        list(wikirel.batch.parse_files([big], jobs=1, max_bytes=10))


def test_dir_of_the_package_shows_no_future_import() -> None:
    assert "annotations" not in dir(wikirel)


def test_shell_completion(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("shtab")  # in the test extra; optional for users (wikirel[completion])
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--print-completion", "bash"])
    assert stopped.value.code == 0
    script = capsys.readouterr().out
    assert "complete" in script and "wikirel" in script
    for word in ("extract", "--files-from", "--extend-exclude", "--output-format"):
        assert word in script
    monkeypatch.setitem(sys.modules, "shtab", None)  # not installed
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--print-completion", "zsh"])
    assert stopped.value.code == 2
    assert "pip install 'wikirel[completion]'" in capsys.readouterr().err


# -- fmt - gives its input back on every error (17 D2) ----------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize(
    ("data", "options", "message"),
    [
        ("= Caf\xe9 =\n==x==\n".encode("latin-1"), [], "not UTF-8"),
        (b"==a==\n" * 100, ["--max-bytes", "50"], "larger than 50 bytes"),
    ],
)
def test_fmt_stdin_writes_its_input_back_on_an_error(
    data: bytes,
    options: list[str],
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    _stdin(monkeypatch, data)
    assert cli.main(["fmt", *options, "-"]) == 2
    out, err = capsysbinary.readouterr()
    assert out == data and message.encode() in err


def test_fmt_stdin_writes_its_input_back_when_formatting_fails(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(cli.work.WORK, "fmt", lambda name, doc, options: None)  # an untrusted canonical form
    _stdin(monkeypatch, UGLY.encode())
    assert cli.main(["fmt", "-"]) == 2
    assert capsys.readouterr().out == UGLY
    monkeypatch.setitem(cli.work.WORK, "fmt", lambda name, doc, options: 1 / 0)  # a bug
    _stdin(monkeypatch, UGLY.encode())
    assert cli.main(["fmt", "-"]) == 2
    out, err = capsys.readouterr()
    assert out == UGLY and "internal error: ZeroDivisionError" in err


def test_fmt_stdin_over_the_limit_end_to_end() -> None:
    data = "= Café =\n".encode() * 50_000
    result = subprocess.run(
        [sys.executable, "-m", "wikirel", "fmt", "--max-bytes", "1000", "-"], input=data, capture_output=True
    )
    assert result.returncode == 2 and result.stdout == data


# -- fmt and a writer that still has the file open (17 D1) ------------------------------


def test_fmt_leaves_a_file_open_for_writing_alone(tmp_path: Path) -> None:
    article, done = tmp_path / "f.txt", tmp_path / "done"
    # The writer holds the file open until fmt has finished (no race with a slow start),
    # then writes its second line; it gives up after 30 s, so the test cannot hang.
    writer = f"printf '==a  ==\\n'; for _ in $(seq 600); do [ -e '{done}' ] && break; sleep 0.05; done; "
    writer += "printf 'second\\n'"
    script = f"( {writer} ) > '{article}' & until [ -s '{article}' ]; do sleep 0.02; done; "
    script += f"'{sys.executable}' -m wikirel fmt '{article}'; status=$?; touch '{done}'; wait; exit $status"
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60)
    assert article.read_text() == "==a  ==\nsecond\n"  # the writer's later write is kept
    assert result.returncode == 2
    assert "open for writing in another program; left alone" in result.stderr


def test_fmt_puts_back_what_was_written_during_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    article = _article(tmp_path / "a.txt")
    real = os.replace
    calls: list[str] = []

    def write_first(source: str, target: str) -> None:
        if not calls:  # a writer that had the file open writes just before the rename
            with open(target, "a", encoding="utf-8") as handle:
                handle.write("a late line\n")
        calls.append(target)
        real(source, target)

    monkeypatch.setattr(_files, "_open_for_writing", lambda held: False)  # as where leases are not available
    monkeypatch.setattr(os, "replace", write_first)
    assert cli.main(["fmt", str(article)]) == 2
    assert "written to while being formatted; its newer text is back in place, unformatted" in (
        capsys.readouterr().err
    )
    assert article.read_text(encoding="utf-8") == UGLY + "a late line\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_ctrl_c_at_a_terminal_leaves_a_clean_line(tmp_path: Path) -> None:
    """End to end: the counter shows, the program waits on a FIFO, Ctrl-C."""
    import pty
    import select
    import signal

    first, second = _article(tmp_path / "a.txt"), _article(tmp_path / "b.txt")
    fifo = tmp_path / "c.txt"
    os.mkfifo(fifo)  # opening it waits for a writer that never comes
    main, secondary = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "wikirel", "check", str(first), str(second), str(fifo)],
        stdout=subprocess.DEVNULL,
        stderr=secondary,
    ) as process:
        os.close(secondary)
        seen = b""
        while b"2/3 files" not in seen:
            if not select.select([main], [], [], 30)[0]:  # never hang: fail
                process.kill()
                pytest.fail(f"no counter shown: {seen!r}")
            seen += os.read(main, 1024)
        process.send_signal(signal.SIGINT)
        while True:
            try:
                chunk = os.read(main, 1024)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        assert process.wait(timeout=60) == 130
    os.close(main)
    assert seen.endswith(b"\r\x1b[K") and b"Traceback" not in seen


def test_the_fmt_summary_counts_a_failed_write_as_an_error_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked, fine = _article(tmp_path / "a.txt"), _article(tmp_path / "b.txt")
    locked.chmod(0o444)
    assert cli.main(["fmt", str(locked), str(fine)]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == "1 file reformatted, 0 left unchanged, 1 error"


def test_a_nul_in_a_listed_name_costs_that_name_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("= A–B relations =\n", encoding="utf-8")
    Path("list").write_bytes(b"a.txt\nnope\x00.txt\n")
    assert cli.main(["check", "--files-from", "list"]) == 2
    err = capsys.readouterr().err
    assert "holds a NUL byte" in err and "1 file, 0 diagnostics, 1 error" in err


def test_a_folder_holds_no_link_to_a_file_outside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("outside").mkdir()
    Path("outside/o.txt").write_text("== X  ==\n", encoding="utf-8")
    Path("sel").mkdir()
    Path("sel/link.txt").symlink_to("../outside/o.txt")
    Path("sel/in.txt").write_text("==  In ==\n", encoding="utf-8")
    Path("sel/inlink.txt").symlink_to("in.txt")
    assert cli.main(["fmt", "-v", "sel"]) == 0
    assert Path("outside/o.txt").read_text(encoding="utf-8") == "== X  ==\n"  # untouched
    assert Path("sel/in.txt").read_text(encoding="utf-8") == "== In ==\n"
    assert "skipped sel/link.txt (a link to a file outside the folder)" in capsys.readouterr().err
    assert cli.main(["fmt", "sel/link.txt"]) == 0  # named, it is read: the link is written through
    assert Path("outside/o.txt").read_text(encoding="utf-8") == "== X ==\n"
