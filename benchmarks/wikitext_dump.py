"""Peak memory of the dump path (``wikirel convert|extract --from dump``): does it
grow with the dump? ``python -m benchmarks.wikitext_dump [--pages 5000 50000]``.
``--hostile``: the time of ``convert`` on hostile wikitext at n and 10·n
(a time ratio near 10 is linear, near 100 quadratic).

Writes a generated MediaWiki XML dump (bz2) of N pages, one in ten a
bilateral-relations article (an infobox, refs, a wikitable, See also,
References, a navbox: ~3 KB of wikitext) and the others ~3 KB articles
whose titles do not match; then runs each mode in a child process and prints
the peak RSS of the largest process and of the process tree (as
``benchmarks.memory`` does), the time, and the ratio largest N / smallest N.
Needs the ``wikitext`` extra.
"""

from __future__ import annotations

import argparse
import bz2
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from benchmarks.memory import peak_rss

MODES: dict[str, list[str]] = {
    "convert, --jobs 1": ["convert", "--from", "dump", "--output-dir", "{out}", "--jobs", "1"],
    "extract jsonl, --jobs 1": ["extract", "--from", "dump", "--output-format", "jsonl", "--jobs", "1"],
    "extract jsonl, --jobs 2": ["extract", "--from", "dump", "--output-format", "jsonl", "--jobs", "2"],
}

_ARTICLE = """\
{{{{Short description|Bilateral relations}}}}
{{{{Infobox bilateral relations|{a}–{b}|{a}|{b}
|mission1 = [[Embassy of {a}, {cb}|{a} Embassy, {cb}]]
|mission2 = {b} Embassy, [[{ca}]]
|envoytitle1 = Ambassador
|envoy1 = [[Person {i}]]
}}}}
'''{a}–{b} relations''' were established
on {{{{start date|{year}|{month}|{day}}}}}.<ref>{{{{cite web|title=T{i}}}}}</ref>

== History ==
{history}

== Visits ==
{{| class="wikitable"
! Guest !! Host !! Place !! Date
|-
| President of {a} || President of {b} || [[{cb}]] || {{{{dts|{year2}|{month}|{day}}}}}
|-
| rowspan="2" | Minister of {b} || Minister of {a} || {ca} || March {day}, {year2}
|-
| Minister of {a} || {ca} || May {day}, {year3}
|}}

== See also ==
* [[Foreign relations of {a}]]
* [[Foreign relations of {b}]]

== References ==
{{{{Reflist}}}}

{{{{Foreign relations of {a}}}}}
[[Category:{a}–{b} relations]]
"""
_SENTENCE = (
    "In {y}, the two countries signed an agreement on [[trade]] and '''culture''', "
    "and their ministers met in [[{c}]].<ref>{{{{cite news|title=N{y}}}}}</ref> "
)


def _page(i: int) -> tuple[str, str]:
    if i % 10:
        body = "".join(_SENTENCE.format(y=1900 + (i + k) % 120, c=f"City {k}") for k in range(20))
        return f"Topic {i}", f"'''Topic {i}''' is a topic.\n\n== Body ==\n{body}\n[[Category:Topics]]\n"
    a, b = f"Country{i}", f"Land{i}"
    history = "".join(_SENTENCE.format(y=1950 + (i + k) % 70, c=f"Town {k}") for k in range(12))
    text = _ARTICLE.format(
        a=a, b=b, ca=f"Capital{i}", cb=f"Town{i}", i=i, year=1960 + i % 60, year2=2000 + i % 20,
        year3=2001 + i % 20, month=1 + i % 12, day=1 + i % 28, history=history,
    )  # fmt: skip
    return f"{a}–{b} relations", text


def write_dump(path: Path, pages: int) -> None:
    with bz2.open(path, "wt", encoding="utf-8") as out:
        out.write('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xml:lang="en">\n')
        for i in range(pages):
            title, text = _page(i)
            out.write(
                f"  <page>\n    <title>{escape(title)}</title>\n    <ns>0</ns>\n    <id>{i + 1}</id>\n"
                f'    <revision>\n      <id>{i + 1}</id>\n      <text xml:space="preserve">{escape(text)}'
                "</text>\n    </revision>\n  </page>\n"
            )
        out.write("</mediawiki>\n")


def measure(dump: Path, options: list[str]) -> tuple[float, float, float]:
    """(largest process MB, largest tree sum MB, seconds) of one run."""
    with tempfile.TemporaryDirectory() as out:
        args = [option.replace("{out}", out) for option in options]
        return peak_rss([args[0], "--quiet", *args[1:], str(dump)])


HOSTILE = {
    "nested templates": (lambda n: "{{nowrap|" * n + "x" + "}}" * n, 30),
    "nested links": (lambda n: "[[a|" * n + "x" + "]]" * n, 1000),
    "nested tags": (lambda n: "<span>" * n + "x" + "</span>" * n, 1000),
    "list markers, 32 a line": (lambda n: ("*" * 32 + " x\n") * n, 100),
    "list one level deeper a line": (lambda n: "".join("*" * i + " x\n" for i in range(1, n)), 60),
    "colspan=1000 rows": (lambda n: "{|\n! a\n" + "|-\n| colspan=1000 | x\n" * n + "|}\n", 20),
    "rowspan=1000 rows": (lambda n: "{|\n! a !! b\n" + "|-\n| rowspan=1000 | x || y\n" * n + "|}\n", 200),
    "refs in a paragraph": (lambda n: "A.<ref>{{cite web|t=x}}</ref> " * n, 500),
    "one long paragraph": (lambda n: "word " * n, 20000),
    "unclosed {{": (lambda n: "{{" * n, 5000),
}


def hostile() -> None:
    from wikirel.wikitext import convert

    print(f"{'shape':<32}{'n':>7}{'s at n':>9}{'s at 10n':>10}{'ratio':>7}{'out/in':>8}")
    for name, (make, n) in HOSTILE.items():
        times, sizes = [], []
        for size in (n, 10 * n):
            text = make(size)
            start = time.perf_counter()
            written = convert(text).text
            times.append(time.perf_counter() - start)
            sizes.append(len(written) / max(1, len(text)))
        print(f"{name:<32}{n:>7}{times[0]:>9.3f}{times[1]:>10.3f}{times[1] / max(times[0], 1e-6):>7.1f}"
              f"{sizes[1]:>8.1f}")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[5000, 50000])
    parser.add_argument("--hostile", action="store_true", help="only the hostile-input timings")
    args = parser.parse_args(argv)
    if args.hostile:
        hostile()
        return
    with tempfile.TemporaryDirectory() as folder:
        dumps = {}
        for pages in args.pages:
            dumps[pages] = Path(folder) / f"dump-{pages}.xml.bz2"
            write_dump(dumps[pages], pages)
            raw = sum(len(_page(i)[1].encode()) for i in range(pages))
            packed = dumps[pages].stat().st_size / 1e6
            print(f"{pages} pages: {raw / 1e6:.1f} MB of wikitext, {packed:.2f} MB bz2")
        print(f"{'mode':<26}{'pages':>8}{'largest MB':>12}{'tree MB':>10}{'seconds':>9}")
        for mode, options in MODES.items():
            peaks = []
            for pages, dump in dumps.items():
                largest, tree, seconds = measure(dump, options)
                peaks.append(largest)
                print(f"{mode:<26}{pages:>8}{largest:>12.1f}{tree:>10.1f}{seconds:>9.1f}")
            print(f"{'':<26}{'ratio':>8}{peaks[-1] / peaks[0]:>12.2f}")


if __name__ == "__main__":
    main()
