"""What a keystroke costs the language server: ``python -m benchmarks.lsp_keystroke``.

For the largest real article (tests/corpus, seeds) and a 1 MB article, a
one-character edit in the middle is timed the way ``wikirel lsp`` handles it:
apply the change to the text, parse, diagnostics, and the reply (the
``publishDiagnostics`` notification built and encoded as JSON), median of
repeats. Then the same keystroke through the real server over stdio: from
writing ``didChange`` to reading its ``publishDiagnostics``, which adds the
protocol, pygls's own copy of the text and, above ``DEBOUNCE_CHARS``, the
debounce wait. Needs the ``lsp`` extra.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types as lsp
from lsprotocol.converters import get_converter

from wikirel.dialect import DEFAULT
from wikirel.lsp._document import Text
from wikirel.lsp._features import Snapshot
from wikirel.lsp._server import DEBOUNCE, DEBOUNCE_CHARS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from lsp_client import RawClient  # noqa: E402

CONVERTER = get_converter()


def articles() -> dict[str, str]:
    """The largest corpus article, the largest seed, and a 1 MB article built from the seed's sections."""
    corpus = max((ROOT / "tests" / "corpus").glob("*.txt"), key=lambda p: p.stat().st_size)
    seed = max((ROOT / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)
    seed_text = seed.read_text(encoding="utf-8")
    head, _, body = seed_text.partition("\n==")
    body = "==" + body
    big = head + "\n" + body * (1_000_000 // len(body) + 1)
    return {
        f"corpus: {corpus.name}": corpus.read_text(encoding="utf-8"),
        f"seed: {seed.name}": seed_text,
        "1 MB article (the seed's sections repeated)": big,
    }


def keystroke(text: str) -> Callable[[int], None]:
    """One keystroke's work in the server, typing at the middle of ``text``."""
    state = {"text": Text(text)}
    middle = state["text"].position(len(text) // 2)

    def run(i: int) -> None:
        current = state["text"]
        at = current.offset(*middle)
        current = current.replace(at, at, "x" if i % 2 == 0 else "")
        if i % 2:  # delete the x again: the text stays the same size
            current = current.replace(at, at + 1, "")
        state["text"] = current
        diagnostics = Snapshot(current, DEFAULT).diagnostics()
        reply = lsp.PublishDiagnosticsNotification(
            params=lsp.PublishDiagnosticsParams("untitled:x", diagnostics, i)
        )
        json.dumps(CONVERTER.unstructure(reply))

    return run


def timed(run: Callable[[int], None], repeats: int) -> float:
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        run(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def over_stdio(text: str, repeats: int) -> float:
    """Median seconds from sending a didChange to reading its diagnostics."""
    raw = RawClient("--max-bytes", str(64 * 1024 * 1024))
    raw.initialize()
    doc = {"uri": "untitled:bench", "languageId": "wikirel", "version": 1, "text": text}
    raw.send({"method": "textDocument/didOpen", "params": {"textDocument": doc}})
    raw.receive()
    line = text.count("\n") // 2
    times = []
    for version in range(2, repeats + 2):
        position = {"line": line, "character": 0}
        change = {"range": {"start": position, "end": position}, "text": "x"}
        if version % 2:
            end = {"line": line, "character": 1}
            change = {"range": {"start": position, "end": end}, "text": ""}
        params = {"textDocument": {"uri": doc["uri"], "version": version}, "contentChanges": [change]}
        start = time.perf_counter()
        raw.send({"method": "textDocument/didChange", "params": params})
        while True:
            message = raw.receive()
            if message.get("params", {}).get("version") == version:
                break
        times.append(time.perf_counter() - start)
    raw.send({"id": 1, "method": "shutdown"})
    raw.response(1)
    raw.send({"method": "exit"})
    raw.finish()
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=21)
    args = parser.parse_args(argv)
    debounce = f"debounce {DEBOUNCE * 1000:.0f} ms above {DEBOUNCE_CHARS} chars"
    print(f"one keystroke, median of {args.repeats}; {debounce}")
    print(f"{'article':48} {'chars':>9} {'in process':>11} {'over stdio':>11}")
    for name, text in articles().items():
        local = timed(keystroke(text), args.repeats)
        remote = over_stdio(text, max(3, args.repeats // 3))
        print(f"{name:48} {len(text):>9} {local * 1000:>8.1f} ms {remote * 1000:>8.1f} ms")


if __name__ == "__main__":
    main()
