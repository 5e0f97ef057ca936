"""``wikirel lsp``: a language server for relation articles (the ``lsp`` extra).

Built on pygls; ``import wikirel`` never imports it, and neither does this
module: :mod:`wikirel.lsp._server` is imported when the server starts.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys

__all__ = ["INSTALL", "MAX_BYTES", "cmd_lsp"]

INSTALL = "pip install 'wikirel[lsp]'"
#: Leave a document larger than this (UTF-8 bytes) unchecked: 16 MiB parses in ~0.5 s here.
MAX_BYTES = 16 * 1024 * 1024


def cmd_lsp(args: argparse.Namespace) -> int:
    """``wikirel lsp``: serve over stdio; exit 2 with one line if pygls is missing."""
    if importlib.util.find_spec("pygls") is None or importlib.util.find_spec("lsprotocol") is None:
        print(f"wikirel: error: the language server needs pygls: {INSTALL}", file=sys.stderr)
        return 2
    from ._server import serve

    try:
        return serve(max_bytes=args.max_bytes)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: a message, not a traceback
        print(
            f"wikirel: internal error: {type(error).__name__}: {error} (please report this)", file=sys.stderr
        )
        return 2
