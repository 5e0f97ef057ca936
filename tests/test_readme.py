"""The README never lies: its set-up commands are what CI runs, and its example runs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from helpers import checkout_reads

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _setup_commands() -> list[str]:
    section = README.split("## Set-up on a fresh machine", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_gives_two_setup_commands_and_ci_runs_them_verbatim() -> None:
    commands = _setup_commands()
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in commands:
        assert any(line.startswith(command) for line in ci), command


def test_readme_usage_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    section = README.split("## Use", 1)[1]
    block = re.search(r"```python\n(.*?)```", section, re.S)
    assert block is not None
    code = block.group(1)
    namespace: dict[str, object] = {}
    monkeypatch.chdir(tmp_path)  # outside the checkout, as a user of the wheel
    with checkout_reads() as found:
        exec(compile(code, "README.md", "exec"), namespace)
    assert found == []
    # The comments state results; check them too.
    for line in code.splitlines():
        expression, _, expected = line.partition("#")
        expected = expected.strip().split(" (")[0]
        if expression.strip() and expected.startswith(("'", "[")) and "=" not in expression:
            assert repr(eval(expression, namespace)) == expected, line


def test_readme_usage_example_passes_mypy_strict(tmp_path: Path) -> None:
    section = README.split("## Use", 1)[1]
    block = re.search(r"```python\n(.*?)```", section, re.S)
    assert block is not None
    example = tmp_path / "example.py"
    example.write_text(block.group(1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), str(example)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
