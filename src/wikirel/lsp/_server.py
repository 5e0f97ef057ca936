"""The pygls language server behind ``wikirel lsp`` (the ``lsp`` extra).

The server keeps each open document's text itself (LSP's line rule, the
negotiated position encoding) and parses a version only when something asks:
a change marks the document stale and schedules its diagnostics, at once for
a document up to :data:`DEBOUNCE_CHARS` characters and :data:`DEBOUNCE`
seconds after the last change above that, so typing into a large article
parses it once per pause rather than once per keystroke. A document above
``max_bytes`` is refused: logged, answered with one diagnostic, never parsed;
its changes are ignored until the editor opens it again.

Every handler runs on the event loop's thread, so nothing here is shared
between threads. Logs go to stderr (what editors show as the server's log);
stdout carries protocol messages only: ``sys.stdout`` points at stderr while
the server runs, so a stray ``print`` cannot corrupt the stream.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import to_fs_path

from .. import __version__, _config
from ..dialect import DEFAULT, Dialect
from ..formatting import HeadingStyle
from . import MAX_BYTES
from ._document import Text
from ._features import Snapshot

__all__ = ["DEBOUNCE", "DEBOUNCE_CHARS", "MAX_BYTES", "WikirelServer", "serve"]

logger = logging.getLogger("wikirel.lsp")

#: Above this many characters, diagnostics wait for a pause in typing ...
#: (a keystroke costs ~28 ms of parsing and diagnostics here at this size, well
#: inside the 0.1 s a reply may take to feel immediate; 75-220 ms at 1 MB:
#: ``python -m benchmarks.lsp_keystroke``)
DEBOUNCE_CHARS = 256 * 1024
#: ... of this many seconds.
DEBOUNCE = 0.3


class RequestFailed(JsonRpcException):
    """LSP's ``RequestFailed``: a well-formed request the server cannot serve."""

    CODE = -32803


class _Protocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]) -> Any:
        """pygls raises on a message it cannot read and drops it; answer a request
        among them with its error, so the client does not wait forever."""
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if isinstance(data.get("id"), (int, str)) and isinstance(data.get("method"), str):
                self._send_response(data["id"], error=error.to_response_error())
            raise

    # The server keeps each open document's text itself (WikirelServer.documents,
    # LSP's line rule): pygls's workspace would hold a second copy and split all
    # of it into lines on every change (5.9 s a keystroke at 100 MB here).

    @lsp_method(lsp.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: lsp.DidOpenTextDocumentParams) -> Iterator[Any]:
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams) -> Iterator[Any]:
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: lsp.DidCloseTextDocumentParams) -> Iterator[Any]:
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None


class _Open:
    """An open document: its text (``None`` once over the size limit, and
    ``too_large`` its size then), version, dialect and heading style
    (``[tool.wikirel]``), and the parse of this version if made."""

    def __init__(
        self, text: Text | None, too_large: int | None, version: int, settings: tuple[Dialect, HeadingStyle]
    ) -> None:
        self.text = text
        self.too_large = too_large
        self.version = version
        self.dialect, self.heading_style = settings
        self.snapshot: Snapshot | None = None
        self.timer: asyncio.TimerHandle | None = None


class WikirelServer(LanguageServer):
    """The wikirel language server; :func:`serve` runs one over stdio."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        super().__init__("wikirel", __version__, protocol_cls=_Protocol)
        self.max_bytes = max_bytes
        self.documents: dict[str, _Open] = {}
        self._settings: dict[Path, tuple[Dialect, HeadingStyle]] = {}

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Log; a message that is not JSON gets JSON-RPC's ParseError (id null)."""
        if isinstance(error, (json.JSONDecodeError, UnicodeDecodeError)):  # pygls logged the rest
            logger.warning("a message that is not JSON: answered with ParseError")
            self.protocol._send_data(
                {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": f"Parse error: {error}"}}
            )

    # ---- documents

    def encoding(self) -> str:
        found = self.workspace.position_encoding
        return str(getattr(found, "value", found) or "utf-16")

    def open(self, uri: str) -> _Open:
        """The open document ``uri``, or InvalidParams."""
        found = self.documents.get(uri)
        if found is None:
            raise JsonRpcInvalidParams(f"unknown document {uri}: not opened (textDocument/didOpen)")
        return found

    def snapshot(self, uri: str) -> Snapshot:
        """The current version of ``uri`` parsed, or RequestFailed if it is refused."""
        found = self.open(uri)
        if found.text is None:
            raise RequestFailed(f"{uri} is larger than {self.max_bytes} bytes; wikirel lsp leaves it alone")
        if found.snapshot is None:
            found.snapshot = Snapshot(found.text, found.dialect, found.heading_style)
        return found.snapshot

    def take(self, uri: str, text: str | Text, version: int) -> None:
        """Hold ``text`` as version ``version`` of ``uri`` and publish its diagnostics.

        Over the size limit the text is dropped, not indexed or parsed: logged,
        one diagnostic says so, and later changes cost nothing (the editor's
        reopening the document, smaller, brings it back)."""
        plain = text.text if isinstance(text, Text) else text
        size = len(plain) if len(plain) * 4 <= self.max_bytes else len(plain.encode("utf-8", "surrogatepass"))
        held = None
        if size <= self.max_bytes:
            held = text if isinstance(text, Text) else Text(text, self.encoding())
        else:
            logger.warning("%s: %d bytes, over the limit of %d: not checked", uri, size, self.max_bytes)
        found = self.documents.get(uri)
        too_large = None if held is not None else size
        if found is None:
            self.documents[uri] = _Open(held, too_large, version, self.settings(uri))
        else:
            found.text, found.too_large, found.version = held, too_large, version
        self.changed(uri)

    def settings(self, uri: str) -> tuple[Dialect, HeadingStyle]:
        """The dialect and heading style of ``[tool.wikirel]`` in the pyproject.toml
        nearest the document (as ``wikirel fmt`` reads them)."""
        folder: Path | None = None
        if uri.startswith("file:"):
            path = to_fs_path(uri)
            folder = Path(path).parent if path else None
        elif self.workspace.root_path:
            folder = Path(self.workspace.root_path)
        if folder is None:
            return DEFAULT, "preserve"
        if folder not in self._settings:
            try:
                config = _config.load(folder)
                extensions = config.get("extensions") or ()
                dialect = Dialect(tuple(extensions)) if extensions else DEFAULT
                self._settings[folder] = (dialect, config.get("heading_style") or "preserve")
            except (_config.ConfigError, OSError, ValueError) as error:
                logger.warning("%s; reading the default format", error)
                self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Warning, f"wikirel: {error}"))
                self._settings[folder] = (DEFAULT, "preserve")
        return self._settings[folder]

    def changed(self, uri: str) -> None:
        """Publish the diagnostics of ``uri``: now, or after a pause if it is large."""
        found = self.documents[uri]
        found.snapshot = None
        if found.timer is not None:
            found.timer.cancel()
            found.timer = None
        if found.text is None or len(found.text.text) <= DEBOUNCE_CHARS:
            self.publish(uri)
        else:
            found.timer = asyncio.get_running_loop().call_later(DEBOUNCE, self.publish, uri)

    def publish(self, uri: str) -> None:
        found = self.documents.get(uri)
        if found is None:
            return
        found.timer = None
        if found.text is None:
            size = found.too_large
            message = f"{size} bytes, over wikirel lsp's limit of {self.max_bytes} (--max-bytes): not checked"
            diagnostics = [
                lsp.Diagnostic(
                    range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
                    message=message,
                    severity=lsp.DiagnosticSeverity.Information,
                    code="too-large",
                    source="wikirel",
                )
            ]
        else:
            diagnostics = self.snapshot(uri).diagnostics()
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=found.version)
        )


def build(max_bytes: int = MAX_BYTES) -> WikirelServer:
    """A server with every feature registered."""
    server = WikirelServer(max_bytes)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: WikirelServer, params: lsp.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        ls.take(item.uri, item.text, item.version)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: WikirelServer, params: lsp.DidChangeTextDocumentParams) -> None:
        found = ls.documents.get(params.text_document.uri)
        if found is None:
            logger.warning("a change to %s, which is not open: ignored", params.text_document.uri)
            return
        uri, version = params.text_document.uri, params.text_document.version
        text = found.text
        if text is None:  # over the limit: no text to change
            found.version = version
            return
        for change in params.content_changes:
            if isinstance(change, lsp.TextDocumentContentChangePartial):
                start = text.offset(change.range.start.line, change.range.start.character)
                end = text.offset(change.range.end.line, change.range.end.character)
                text = text.replace(start, max(start, end), change.text)
            else:
                text = Text(change.text, text.encoding)
        ls.take(uri, text, version)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: WikirelServer, params: lsp.DidCloseTextDocumentParams) -> None:
        found = ls.documents.pop(params.text_document.uri, None)
        if found is not None and found.timer is not None:
            found.timer.cancel()
        ls.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: WikirelServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit]:
        return ls.snapshot(params.text_document.uri).format_edits()

    @server.feature(lsp.TEXT_DOCUMENT_RANGE_FORMATTING)
    def range_formatting(ls: WikirelServer, params: lsp.DocumentRangeFormattingParams) -> list[lsp.TextEdit]:
        start, end = params.range.start, params.range.end
        last = end.line - 1 if end.character == 0 and end.line > start.line else end.line
        return ls.snapshot(params.text_document.uri).format_edits((start.line, last))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix])
    )
    def code_action(ls: WikirelServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        only = params.context.only
        if only and not any(lsp.CodeActionKind.QuickFix.value.startswith(kind) for kind in only):
            return []  # asked for other kinds (refactor, source ...): wikirel has only quick fixes
        return ls.snapshot(uri).code_actions(params.range, uri)

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(ls: WikirelServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
        return ls.snapshot(params.text_document.uri).symbols()

    @server.feature(lsp.TEXT_DOCUMENT_FOLDING_RANGE)
    def folding_range(ls: WikirelServer, params: lsp.FoldingRangeParams) -> list[lsp.FoldingRange]:
        return ls.snapshot(params.text_document.uri).folding_ranges()

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: WikirelServer, params: lsp.HoverParams) -> lsp.Hover | None:
        where = params.position
        return ls.snapshot(params.text_document.uri).hover(where.line, where.character)

    return server


class _Brief(logging.Formatter):
    """One line per record: the message's first line, an exception as its type
    and message; no traceback (pygls writes some into the message itself)."""

    def format(self, record: logging.LogRecord) -> str:
        line = self.formatMessage(self._record(record)).split("\n", 1)[0]
        if record.exc_info and record.exc_info[0] is not None:
            line += f" ({record.exc_info[0].__name__}: {record.exc_info[1]})"
        return line

    def _record(self, record: logging.LogRecord) -> logging.LogRecord:
        record.message = record.getMessage()
        return record


def serve(max_bytes: int = MAX_BYTES, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> int:
    """Run the server over stdio until the client exits it; the exit code
    (0 after ``shutdown``, 1 if the client left without it)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Brief("wikirel lsp: %(levelname)s: %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    # The protocol gets its own handle on stdout (pygls closes it at exit);
    # sys.stdout points at stderr meanwhile, so a stray print cannot corrupt the stream.
    protocol_out = stdout or os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    real_stdout, sys.stdout = sys.stdout, sys.stderr
    server = build(max_bytes)
    try:
        server.start_io(stdin or sys.stdin.buffer, protocol_out)
    except (OverflowError, MemoryError) as error:  # "Content-Length: 99999999999999999999"
        log = logging.getLogger("wikirel.lsp")
        log.error("a message from the client cannot be read (%s); stopping", error)
        return 1
    finally:
        sys.stdout = real_stdout
        root.removeHandler(handler)
    if not server.protocol._shutdown:
        print("wikirel lsp: the client closed the stream without shutdown", file=sys.stderr)
        return 1
    return 0
