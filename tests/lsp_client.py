"""Helpers for the language-server tests: apply LSP edits, and a bare JSON-RPC
client for what a well-behaved client never sends (tests/test_lsp.py)."""

from __future__ import annotations

import contextlib
import itertools
import json
import re
import subprocess
import sys
from typing import Any

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def offset(text: str, line: int, character: int) -> int:
    """The offset of an LSP position (UTF-16 code units), counted independently of wikirel."""
    lines = _LINE.findall(text)
    start = sum(len(each) for each in lines[:line])
    if line >= len(lines):
        return len(text)
    units = 0
    for index, char in enumerate(lines[line]):
        if units >= character or char in "\r\n":
            return start + index
        units += len(char.encode("utf-16-le", "surrogatepass")) // 2
    return start + len(lines[line])


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def apply(text: str, edits: list[Any]) -> str:
    """``text`` with LSP text edits applied (all against the original text, as LSP says)."""
    spans = []
    for edit in edits:
        start = offset(text, edit.range.start.line, edit.range.start.character)
        end = offset(text, edit.range.end.line, edit.range.end.character)
        spans.append((start, end, edit.new_text))
    spans.sort()
    for (_, end, _), (start, _, _) in itertools.pairwise(spans):
        assert end <= start, "overlapping edits"
    for start, end, new in reversed(spans):
        text = text[:start] + new + text[end:]
    return text


class RawClient:
    """The server process over stdio, driven byte by byte."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "wikirel", "lsp", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    def send_bytes(self, body: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        self.send_bytes(json.dumps({"jsonrpc": "2.0", **message}).encode())

    def receive(self) -> dict[str, Any]:
        """The next message; fails if stdout holds anything but a framed JSON-RPC message."""
        assert self.process.stdout is not None
        length = None
        while True:
            line = self.process.stdout.readline()
            assert line, "the server closed stdout"
            if line == b"\r\n":
                break
            name, _, value = line.decode("ascii").partition(":")
            assert name in ("Content-Length", "Content-Type"), f"not a header: {line!r}"
            if name == "Content-Length":
                length = int(value)
        assert length is not None
        message: dict[str, Any] = json.loads(self.process.stdout.read(length))
        assert message["jsonrpc"] == "2.0"
        return message

    def response(self, id: int | None) -> dict[str, Any]:
        """The response to request ``id``, skipping notifications."""
        while True:
            message = self.receive()
            if "method" not in message and message.get("id") == id:
                return message

    def initialize(self, root: str | None = None) -> None:
        params: dict[str, Any] = {"capabilities": {}, "processId": None}
        if root is not None:
            params["rootUri"] = root
        self.send({"id": 0, "method": "initialize", "params": params})
        assert "result" in self.response(0)
        self.send({"method": "initialized", "params": {}})

    def finish(self, timeout: float = 20) -> tuple[int, str]:
        """Close stdin and wait: the exit code and stderr."""
        assert self.process.stdin is not None and self.process.stderr is not None
        with contextlib.suppress(BrokenPipeError):
            self.process.stdin.close()
        code = self.process.wait(timeout)
        return code, self.process.stderr.read().decode()
