"""Coverage-guided fuzzing of wikirel with atheris (libFuzzer for Python).

Checks, for every input the fuzzer makes: parse never raises, the text round
trip is exact, diagnostics point inside the text, strict mode raises exactly
when there are diagnostics, JSON round-trips, and extraction never raises.

    mkdir -p /tmp/fuzz-new && python fuzz/fuzz_parse.py /tmp/fuzz-new fuzz/corpus -max_total_time=600

See fuzz/README.md.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import wikirel


def check(text: str) -> None:
    """The properties wikirel promises, for one input."""
    doc = wikirel.parse(text)
    if wikirel.serialize(doc) != text:
        raise AssertionError(f"round trip changed {text!r}")
    where = wikirel.positions(doc)
    for diagnostic in doc.diagnostics:
        line = where.line_text(diagnostic.line)
        if not 1 <= diagnostic.column <= len(line) + 1:
            raise AssertionError(f"{diagnostic} points outside line {line!r}")
    try:
        wikirel.parse(text, strict=True)
    except wikirel.ParseError:
        if not doc.diagnostics:
            raise
    else:
        if doc.diagnostics:
            raise AssertionError("strict mode did not raise")
    again = wikirel.from_json(wikirel.to_json(doc))
    if again != doc:
        raise AssertionError("JSON round trip changed the tree")
    wikirel.extract_relation(doc).to_dict()


def test_one_input(data: bytes) -> None:
    # UTF-8, so the seed articles in the corpus are read as the articles they are.
    check(data.decode("utf-8", "replace"))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
