"""``wikirel lsp`` end to end: the real server process over stdio, driven by
pytest-lsp's client (and, for what no client should send, by a raw one)."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")  # in the `test` extra; absent only where the `lsp` extra is
import pytest_lsp
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

import wikirel
from lsp_client import RawClient, apply, utf16
from wikirel.nodes import BulletList, Infobox, Section, Table

ASYNC = pytest.mark.asyncio(loop_scope="module")  # one server for the module

SEED = (Path(__file__).parent.parent / "seeds" / "china-tajikistan-relations.txt").read_text(encoding="utf-8")
# An astral character (two UTF-16 code units) before each finding on its line.
ARTICLE = """\
= 😀 A–B relations =

Infobox
- Party1: Ruritania
- Party2: Freedonia
- Envoy1: Ambassador 😀 Ann Smith
- Envoy1: Bob Jones

The two established relations on January 4, 1992.

==History=
- a
    - b
- c

== Visits ==
| Guest | Host | Date |
| 😀 Premier | King |
| 😀 King | Premier | 2001 |
"""


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "wikirel", "lsp"]),
)
async def client(lsp_client: LanguageClient) -> Any:
    published: list[lsp.PublishDiagnosticsParams] = []
    arrived = asyncio.Event()
    handle = lsp_client.protocol._handle_notification

    def record(method: str, params: Any) -> None:
        if method == lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS:
            published.append(params)
            arrived.set()
        handle(method, params)

    lsp_client.protocol._handle_notification = record  # type: ignore[method-assign]
    lsp_client.published = published  # type: ignore[attr-defined]
    lsp_client.arrived = arrived  # type: ignore[attr-defined]
    await lsp_client.initialize_session(
        lsp.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    )
    yield
    await lsp_client.shutdown_session()


async def diagnostics(client: LanguageClient, uri: str, version: int) -> list[lsp.Diagnostic]:
    """The diagnostics the server published for ``version`` of ``uri``."""
    async with asyncio.timeout(20):
        while True:
            for params in client.published:  # type: ignore[attr-defined]
                if params.uri == uri and params.version == version:
                    return list(params.diagnostics)
            client.arrived.clear()  # type: ignore[attr-defined]
            await client.arrived.wait()  # type: ignore[attr-defined]


def open_document(client: LanguageClient, uri: str, text: str, version: int = 1) -> None:
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "wikirel", version, text))
    )


def expected_range(text: str, found: wikirel.Diagnostic) -> tuple[int, int, int]:
    """Line, start and end character (UTF-16) of ``found``: its column to the end of its line."""
    line = re.split(r"\r\n|\r|\n", text)[found.line - 1]
    return found.line - 1, utf16(line[: found.column - 1]), utf16(line)


@ASYNC
async def test_diagnostics_on_open_have_utf16_ranges(client: LanguageClient) -> None:
    uri = "untitled:open.txt"
    open_document(client, uri, ARTICLE)
    got = await diagnostics(client, uri, 1)
    want = wikirel.parse(ARTICLE).diagnostics
    assert [d.code for d in got] == [d.code for d in want]
    assert {"infobox-duplicate-key", "heading-unbalanced", "table-ragged"} <= {d.code for d in want}
    for lsp_found, found in zip(got, want, strict=True):
        line, start, end = expected_range(ARTICLE, found)
        assert (lsp_found.range.start.line, lsp_found.range.start.character) == (line, start)
        assert (lsp_found.range.end.line, lsp_found.range.end.character) == (line, end)
        assert lsp_found.message == found.message and lsp_found.source == "wikirel"
    ragged = next(d for d in got if d.code == "table-ragged")
    assert ragged.severity == lsp.DiagnosticSeverity.Error
    # The emoji is one code point but two UTF-16 units: the column counts it twice.
    assert ragged.range.start.character == len("| 😀 Premier | King |") + 1


@ASYNC
async def test_diagnostics_follow_incremental_changes(client: LanguageClient) -> None:
    uri = "untitled:change.txt"
    text = "= 😀 A =\n\n== One ==\nText.\n"
    open_document(client, uri, text)
    assert await diagnostics(client, uri, 1) == []
    # Delete the closing " ==" of "== One ==" (after the emoji line: UTF-16 columns).
    change = lsp.TextDocumentContentChangePartial(
        range=lsp.Range(lsp.Position(2, 6), lsp.Position(2, 9)), text="="
    )
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(lsp.VersionedTextDocumentIdentifier(uri=uri, version=2), [change])
    )
    text = apply(text, [lsp.TextEdit(change.range, change.text)])
    assert text == "= 😀 A =\n\n== One=\nText.\n"
    got = await diagnostics(client, uri, 2)
    assert [d.code for d in got] == ["heading-unbalanced"]
    assert got[0].range.start == lsp.Position(2, 6)
    # Insert a line with an emoji before it, then fix it: two changes in one notification.
    first = lsp.TextDocumentContentChangePartial(lsp.Range(lsp.Position(1, 0), lsp.Position(1, 0)), "😀\n\n")
    second = lsp.TextDocumentContentChangePartial(lsp.Range(lsp.Position(4, 6), lsp.Position(4, 6)), "=")
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=3), [first, second]
        )
    )
    assert await diagnostics(client, uri, 3) == []
    # The server's text is the client's: formatting it gives format_text of the client's text.
    text = apply(text, [lsp.TextEdit(first.range, first.text)])
    text = apply(text, [lsp.TextEdit(second.range, second.text)])
    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(lsp.TextDocumentIdentifier(uri), lsp.FormattingOptions(2, True))
    )
    assert apply(text, edits or []) == wikirel.format_text(text)


@ASYNC
async def test_formatting_edits_give_format_text(client: LanguageClient) -> None:
    uri = "untitled:format.txt"
    open_document(client, uri, ARTICLE)
    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(lsp.TextDocumentIdentifier(uri), lsp.FormattingOptions(2, True))
    )
    assert edits
    assert apply(ARTICLE, edits) == wikirel.format_text(ARTICLE)
    # Minimal: only lines that change are touched, never the whole document.
    unchanged = len(ARTICLE.splitlines()) - sum(e.range.end.line - e.range.start.line for e in edits)
    assert unchanged > len(ARTICLE.splitlines()) // 2


@ASYNC
async def test_one_changed_line_is_one_edit(client: LanguageClient) -> None:
    uri = "untitled:one-line.txt"
    text = wikirel.format_text(SEED).replace("==History==\n", "==History ==\n")  # irregular spacing
    open_document(client, uri, text)
    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(lsp.TextDocumentIdentifier(uri), lsp.FormattingOptions(2, True))
    )
    assert edits is not None and len(edits) == 1
    line = text.splitlines().index("==History ==")
    assert edits[0].range == lsp.Range(lsp.Position(line, 0), lsp.Position(line + 1, 0))
    assert edits[0].new_text == "== History ==\n"


@ASYNC
async def test_range_formatting_touches_only_the_range(client: LanguageClient) -> None:
    uri = "untitled:range.txt"
    open_document(client, uri, ARTICLE)
    lines = ARTICLE.splitlines(keepends=True)
    heading = lines.index("==History=\n")
    edits = await client.text_document_range_formatting_async(
        lsp.DocumentRangeFormattingParams(
            lsp.TextDocumentIdentifier(uri),
            lsp.Range(lsp.Position(heading, 0), lsp.Position(heading + 1, 0)),
            lsp.FormattingOptions(2, True),
        )
    )
    result = apply(ARTICLE, edits or []).splitlines(keepends=True)
    want = [*lines[:heading], "==History==\n", *lines[heading + 1 :]]  # tight stays tight
    assert result == want
    assert "==History==\n" in wikirel.format_text(ARTICLE).splitlines(keepends=True)


def outline(doc: wikirel.Document) -> list[tuple[str, int, int]]:
    """Symbols as wikirel sees them: (name, first line, last line), 0-based, preorder."""
    where = wikirel.positions(doc)
    out = []
    for node in wikirel.walk(doc):
        if isinstance(node, Section):
            out.append((node.title, where[node].start.line - 1, where[node].end.line - 1))
        elif isinstance(node, Infobox):
            out.append(("Infobox", where[node].start.line - 1, where[node].end.line - 1))
        elif isinstance(node, Table):
            out.append(("Table", where[node].start.line - 1, where[node].end.line - 1))
    return out


def flat(symbols: list[lsp.DocumentSymbol], depth: int = 0) -> list[tuple[int, str, int, int]]:
    out = []
    stack = [(symbol, depth) for symbol in reversed(symbols)]
    while stack:
        symbol, level = stack.pop()
        out.append((level, symbol.name, symbol.range.start.line, symbol.range.end.line))
        stack.extend((child, level + 1) for child in reversed(symbol.children or []))
    return out


@ASYNC
async def test_symbols_nest_sections_by_level(client: LanguageClient) -> None:
    uri = "untitled:symbols.txt"
    text = (
        "= A–B relations =\n\nInfobox\n- Envoy1: X\n\n"
        "== One ==\n=== Sub ===\n| a | b |\n| c | d |\n\n== Two ==\nEnd.\n"
    )
    open_document(client, uri, text)
    symbols = await client.text_document_document_symbol_async(
        lsp.DocumentSymbolParams(lsp.TextDocumentIdentifier(uri))
    )
    assert symbols is not None
    got = flat(symbols)  # type: ignore[arg-type]
    assert got == [
        (0, "A–B relations", 0, 12),  # the whole document, to just past its last line break
        (1, "Infobox", 2, 3),
        (2, "Envoy1", 3, 3),
        (1, "One", 5, 8),
        (2, "Sub", 6, 8),
        (3, "Table", 7, 8),
        (1, "Two", 10, 11),
    ]
    want = outline(wikirel.parse(text))
    assert [(name, a, b) for _, name, a, b in got if name in {n for n, _, _ in want}] == want


@ASYNC
async def test_folding_matches_the_document(client: LanguageClient) -> None:
    uri = "untitled:folding.txt"
    open_document(client, uri, ARTICLE)
    folds = await client.text_document_folding_range_async(
        lsp.FoldingRangeParams(lsp.TextDocumentIdentifier(uri))
    )
    doc = wikirel.parse(ARTICLE)
    where = wikirel.positions(doc)
    want = sorted(
        (where[node].start.line - 1, where[node].end.line - 1)
        for node in wikirel.walk(doc)
        if isinstance(node, (Section, BulletList, Table, Infobox))
        and where[node].end.line > where[node].start.line
    )
    assert sorted((f.start_line, f.end_line) for f in folds or []) == want
    assert len(want) == 5  # the infobox, two sections, a list and a table


@ASYNC
async def test_hover_reads_dates_and_infobox_keys(client: LanguageClient) -> None:
    uri = "untitled:hover.txt"
    open_document(client, uri, ARTICLE)
    line = ARTICLE.splitlines().index("The two established relations on January 4, 1992.")

    async def hover(line: int, character: int) -> str | None:
        found = await client.text_document_hover_async(
            lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(line, character))
        )
        return None if found is None else found.contents.value  # type: ignore[union-attr]

    assert "1992-01-04, day precision" in (await hover(line, 36) or "")
    assert await hover(line, 5) is None
    envoy = await hover(6, 4)  # the second Envoy1, the one that counts
    assert envoy is not None and "envoy of side 1, Ruritania" in envoy and "Bob Jones" in envoy
    assert "party of side 1" in (await hover(3, 3) or "")
    assert "line 7 gives it again" in (await hover(5, 4) or "")  # the first Envoy1


@ASYNC
async def test_quick_fixes_repair_what_they_say(client: LanguageClient) -> None:
    uri = "untitled:fix.txt"
    open_document(client, uri, ARTICLE)
    found = await diagnostics(client, uri, 1)
    everything = lsp.Range(lsp.Position(0, 0), lsp.Position(len(ARTICLE.splitlines()), 0))
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), everything, lsp.CodeActionContext(found))
    )
    by_code = {
        a.diagnostics[0].code: a for a in actions or [] if isinstance(a, lsp.CodeAction) and a.diagnostics
    }
    assert set(by_code) == {"table-ragged", "heading-unbalanced", "infobox-duplicate-key"}
    for code, action in by_code.items():
        assert action.kind == lsp.CodeActionKind.QuickFix and action.edit and action.edit.changes
        fixed = apply(ARTICLE, action.edit.changes[uri])
        codes = [d.code for d in wikirel.parse(fixed).diagnostics]
        assert code not in codes, action.title
        assert len(codes) == len(found) - 1  # nothing else changed
    padded = apply(ARTICLE, by_code["table-ragged"].edit.changes[uri])  # type: ignore[union-attr]
    assert "| 😀 Premier | King | |\n" in padded
    merged = apply(ARTICLE, by_code["infobox-duplicate-key"].edit.changes[uri])  # type: ignore[union-attr]
    refactors = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(uri),
            everything,
            lsp.CodeActionContext(found, only=[lsp.CodeActionKind.Refactor]),
        )
    )
    assert not refactors  # only quick fixes here
    assert wikirel.extract_relation(wikirel.parse(merged)) == wikirel.extract_relation(wikirel.parse(ARTICLE))


@ASYNC
async def test_unknown_document_is_an_error_and_the_server_goes_on(client: LanguageClient) -> None:
    with pytest.raises(JsonRpcException) as error:
        await client.text_document_formatting_async(
            lsp.DocumentFormattingParams(
                lsp.TextDocumentIdentifier("file:///never/opened.txt"), lsp.FormattingOptions(2, True)
            )
        )
    assert error.value.code == -32602 and "not opened" in error.value.message
    uri = "untitled:after-error.txt"
    open_document(client, uri, "= A =\n")
    assert await diagnostics(client, uri, 1) == []


@ASYNC
async def test_large_documents_wait_for_a_pause(client: LanguageClient) -> None:
    from wikirel.lsp._server import DEBOUNCE_CHARS

    uri = "untitled:large.txt"
    paragraph = "The two countries signed an agreement in 1992.\n\n"
    text = "= A–B relations =\n\n" + paragraph * (DEBOUNCE_CHARS // len(paragraph) + 1)
    open_document(client, uri, text)
    assert await diagnostics(client, uri, 1) == []
    end = len(text.splitlines())
    for version, char in enumerate("==x=\n", start=2):  # typed at the end, a keystroke at a time
        where = lsp.Position(end, version - 2)
        change = lsp.TextDocumentContentChangePartial(lsp.Range(where, where), char)
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=version), [change]
            )
        )
    got = await diagnostics(client, uri, 6)
    assert [d.code for d in got] == ["heading-unbalanced"]
    published = [p.version for p in client.published if p.uri == uri]  # type: ignore[attr-defined]
    assert len(published) < 1 + 5  # the keystrokes came faster than the pause


@ASYNC
async def test_dialect_comes_from_pyproject(client: LanguageClient, tmp_path: Path) -> None:
    text = "= A =\n\n 1. one\n2. two\n"
    plain = tmp_path / "plain" / "a.txt"
    numbered = tmp_path / "numbered" / "a.txt"
    for path in (plain, numbered):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    (numbered.parent / "pyproject.toml").write_text('[tool.wikirel]\nextensions = ["numbered"]\n')
    (plain.parent / "pyproject.toml").write_text("[tool.wikirel]\n")
    for path in (plain, numbered):
        open_document(client, path.as_uri(), text)
    numbered_codes = [d.code for d in await diagnostics(client, numbered.as_uri(), 1)]
    plain_codes = [d.code for d in await diagnostics(client, plain.as_uri(), 1)]
    assert numbered_codes == ["numbered-indentation"]
    assert plain_codes == []


@ASYNC
async def test_heading_style_comes_from_pyproject(client: LanguageClient, tmp_path: Path) -> None:
    text = "= A =\n\n==History==\nText.\n"
    path = tmp_path / "spaced" / "a.txt"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    (path.parent / "pyproject.toml").write_text('[tool.wikirel]\nheading-style = "spaced"\n')
    uri = path.as_uri()
    open_document(client, uri, text)
    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(lsp.TextDocumentIdentifier(uri), lsp.FormattingOptions(2, True))
    )
    assert (
        apply(text, edits or [])
        == wikirel.format_text(text, heading_style="spaced")
        == ("= A =\n\n== History ==\nText.\n")
    )


# ---- what a well-behaved client never sends: a raw JSON-RPC client


def test_malformed_messages_get_errors_and_the_server_goes_on() -> None:
    raw = RawClient()
    raw.initialize()
    raw.send_bytes(b"{not json")
    assert raw.response(None)["error"]["code"] == -32700
    raw.send_bytes(b'{"jsonrpc": "2.0", "id": 1, "method": "initialize", "x": "\xff\xfe"}')  # not UTF-8
    assert raw.response(None)["error"]["code"] == -32700
    raw.send({"id": 2, "method": "textDocument/hover", "params": {"bogus": 1}})
    assert raw.response(2)["error"]["code"] == -32602
    raw.send({"id": 3, "method": "no/such/method", "params": {}})
    assert raw.response(3)["error"]["code"] == -32601
    # A lone surrogate (what a JSON escape can carry) is text like any other.
    text = "= A =\n| a | b |\n| \ud800 |\n"
    raw.send(
        {
            "method": "textDocument/didOpen",
            "params": {
                "textDocument": {"uri": "untitled:s", "languageId": "wikirel", "version": 1, "text": text}
            },
        }
    )
    published = raw.receive()
    assert published["method"] == "textDocument/publishDiagnostics"
    assert [d["code"] for d in published["params"]["diagnostics"]] == ["table-ragged"]
    raw.send({"id": 4, "method": "shutdown"})
    assert raw.response(4)["result"] is None
    raw.send({"method": "exit"})
    code, stderr = raw.finish()
    assert code == 0
    assert "Traceback" not in stderr and "answered with ParseError" in stderr


def test_the_position_encoding_the_client_prefers() -> None:
    raw = RawClient()
    params = {"processId": None, "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}}
    raw.send({"id": 0, "method": "initialize", "params": params})
    assert raw.response(0)["result"]["capabilities"]["positionEncoding"] == "utf-8"
    raw.send({"method": "initialized", "params": {}})
    item = {"uri": "untitled:u8", "languageId": "wikirel", "version": 1, "text": "| a | b |\n| 😀 |\n"}
    raw.send({"method": "textDocument/didOpen", "params": {"textDocument": item}})
    (found,) = raw.receive()["params"]["diagnostics"]
    assert found["range"]["start"] == {"line": 1, "character": len("| 😀 |".encode())}
    raw.send({"id": 1, "method": "shutdown"})
    raw.response(1)
    raw.send({"method": "exit"})
    assert raw.finish()[0] == 0


def test_a_document_over_the_limit_is_refused() -> None:
    raw = RawClient("--max-bytes", "1000")
    raw.initialize()
    big = "= A =\n\n" + "Text in 1992.\n\n" * 200
    raw.send(
        {
            "method": "textDocument/didOpen",
            "params": {
                "textDocument": {"uri": "untitled:big", "languageId": "wikirel", "version": 1, "text": big}
            },
        }
    )
    published = raw.receive()["params"]
    assert [d["code"] for d in published["diagnostics"]] == ["too-large"]
    raw.send(
        {
            "id": 1,
            "method": "textDocument/formatting",
            "params": {
                "textDocument": {"uri": "untitled:big"},
                "options": {"tabSize": 2, "insertSpaces": True},
            },
        }
    )
    assert raw.response(1)["error"]["code"] == -32803
    # Its changes cost nothing; opened again, smaller, it is checked again.
    keystroke = {
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "text": "x",
    }
    change = {"textDocument": {"uri": "untitled:big", "version": 2}, "contentChanges": [keystroke]}
    raw.send({"method": "textDocument/didChange", "params": change})
    raw.send({"method": "textDocument/didClose", "params": {"textDocument": {"uri": "untitled:big"}}})
    assert raw.receive()["params"] == {"uri": "untitled:big", "diagnostics": []}
    small = {"uri": "untitled:big", "languageId": "wikirel", "version": 3, "text": "= A =\n==B=\n"}
    raw.send({"method": "textDocument/didOpen", "params": {"textDocument": small}})
    published = raw.receive()["params"]
    assert published["version"] == 3
    assert [d["code"] for d in published["diagnostics"]] == ["heading-unbalanced"]
    raw.send(
        {
            "method": "textDocument/didOpen",
            "params": {
                "textDocument": {
                    "uri": "untitled:small",
                    "languageId": "wikirel",
                    "version": 1,
                    "text": "==A=\n",
                }
            },
        }
    )
    assert [d["code"] for d in raw.receive()["params"]["diagnostics"]] == ["heading-unbalanced"]
    code, stderr = raw.finish()
    assert code == 1  # the client left without shutdown
    assert "over the limit of 1000" in stderr


def test_a_client_that_leaves_mid_message() -> None:
    raw = RawClient()
    raw.initialize()
    assert raw.process.stdin is not None
    raw.process.stdin.write(b"Content-Length: 5000\r\n\r\n" + b'{"jsonrpc": "2.0", "id": 1, "method": "text')
    raw.process.stdin.flush()
    code, stderr = raw.finish()
    assert code == 1 and "Traceback" not in stderr


@pytest.mark.parametrize("length", [b"99999999999999999999", b"-10", b"abc"])
def test_a_header_that_cannot_be_read_stops_the_server_with_a_message(length: bytes) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wikirel", "lsp"],
        input=b"Content-Length: " + length + b"\r\n\r\n{}",
        capture_output=True,
        timeout=60,
        check=False,
    )
    stderr = result.stderr.decode()
    assert result.returncode == 1 and result.stdout == b""
    assert "Traceback" not in stderr and "internal error" not in stderr
    assert "cannot be read" in stderr or "without shutdown" in stderr


def test_a_client_that_stops_reading() -> None:
    raw = RawClient()
    raw.initialize()
    assert raw.process.stdout is not None
    raw.process.stdout.close()  # every reply from now on meets a broken pipe
    for index in range(3):
        item = {"uri": f"untitled:{index}", "languageId": "wikirel", "version": 1, "text": "==A=\n"}
        raw.send({"method": "textDocument/didOpen", "params": {"textDocument": item}})
        raw.send({"id": index + 1, "method": "textDocument/documentSymbol", "params": {"textDocument": item}})
    code, stderr = raw.finish()
    assert code == 1 and "Broken pipe" in stderr and "Traceback" not in stderr


def test_without_the_extra(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    from wikirel.cli import main

    find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pygls" else find_spec(name, *a)
    )
    assert main(["lsp"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'wikirel[lsp]'" in err


def test_import_wikirel_does_not_import_pygls() -> None:
    code = "import sys, wikirel, wikirel.cli; wikirel.cli.build_parser(); print('pygls' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out.strip().lower()) is False
