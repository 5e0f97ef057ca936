"""How well ``extract_relation`` reads real articles: precision and recall per field.

``python -m benchmarks.extraction_quality`` scores the corpus of real
articles (``tests/corpus``, gold in ``tests/corpus/gold.json``, checked by
hand) and the fixtures and seeds (gold in the same file, taken from their
hand-checked golden files), and prints a table. The typed facts of running
text (diplomatic events, visits told in prose, agreements, mission events)
are scored against ``tests/corpus/gold_prose.json``, written by reading the
articles before the rules existed (see tests/corpus/README.md). ``--write-draft FILE``
writes what the extractor finds now in the gold's shape: a starting point
for checking a new article by hand, never a gold file as it is.

A fact is a tuple of the fields a reader checks (see ``facts``); a field's
precision is the share of extracted facts that are in the gold, its recall
the share of gold facts extracted (multisets: a fact found twice counts
twice). ``invented dates`` counts extracted dates, in events and visits,
that the gold does not have.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import wikirel

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "corpus" / "gold.json"
PROSE_GOLD = ROOT / "tests" / "corpus" / "gold_prose.json"
FIELDS = ("parties", "envoys", "missions", "visits", "events", "dates", "see_also")
PROSE_FIELDS = ("diplomatic", "prose_visits", "agreements", "mission_events")


def articles() -> list[Path]:
    """The scored articles: the real corpus, then the fixtures and seeds."""
    return [
        *sorted((ROOT / "tests" / "corpus").glob("*.txt")),
        *sorted((ROOT / "tests" / "fixtures").glob("*.txt")),
        *sorted((ROOT / "seeds").glob("*.txt")),
    ]


def _date(span: wikirel.facts.DateSpan | None) -> list[Any] | None:
    if span is None:
        return None
    return [span.text, span.start_year, span.end_year, span.precision, span.qualifier]


def facts(rel: wikirel.Relation) -> dict[str, list[list[Any]]]:
    """The facts of ``rel``, field by field, as JSON-ready lists."""
    return {
        "parties": [list(rel.parties)] if rel.parties else [],
        "envoys": [[e.side, e.title, e.name] for e in rel.envoys],
        "missions": [[m.side, m.name, m.city] for m in rel.missions],
        "visits": [
            [v.guest, v.host, v.place, _date(v.date)]
            for v in rel.visits
            if v.source and v.source.kind == "Row"
        ],
        "events": [
            [e.section, e.sentence, *((e.source.line, e.source.column) if e.source else (None, None))]
            for e in rel.events
        ],
        "dates": [[e.section, *_date(d)] for e in rel.events for d in e.dates],  # type: ignore[misc]
        "see_also": [[item] for item in rel.see_also],
        "diplomatic": [[d.kind, d.date.text] for d in rel.diplomatic],
        "prose_visits": [
            [v.guest, v.place, v.date.text if v.date else None]
            for v in rel.visits
            if v.source and v.source.kind != "Row"
        ],
        "agreements": [[a.kind, a.name, a.date.text if a.date else None, a.count] for a in rel.agreements],
        "mission_events": [
            [m.event, m.party, m.kind, m.city, m.date.text if m.date else None] for m in rel.mission_events
        ],
    }


def extract(path: Path) -> dict[str, list[list[Any]]]:
    return facts(wikirel.extract_relation(wikirel.parse(path.read_bytes().decode("utf-8"))))


def _key(fact: list[Any]) -> str:
    return json.dumps(fact, ensure_ascii=False)


def score(
    gold: dict[str, dict[str, list[list[Any]]]], prose: dict[str, dict[str, list[list[Any]]]] | None = None
) -> dict[str, Any]:
    """Per field: true positives, extracted, gold, precision, recall; and the invented dates.

    With ``prose`` (the gold of the typed facts of running text), its fields are scored too.
    """
    fields = FIELDS + (PROSE_FIELDS if prose is not None else ())
    totals = {field: Counter[str]() for field in fields}
    misses: list[str] = []
    invented = 0
    for path in articles():
        expected = dict(gold[path.name])
        if prose is not None:
            expected.update(prose[path.name])
        found = extract(path)
        for field in fields:
            want = Counter(_key(f) for f in expected[field])
            got = Counter(_key(f) for f in found[field])
            hit = sum((want & got).values())
            totals[field].update(tp=hit, extracted=sum(got.values()), gold=sum(want.values()))
            for fact in (got - want).elements():
                misses.append(f"{path.name}: {field}: extracted, not in the gold: {fact}")
            for fact in (want - got).elements():
                misses.append(f"{path.name}: {field}: in the gold, not extracted: {fact}")
        gold_dates = Counter(_key(d[1:]) for d in expected["dates"])
        gold_dates.update(_key(v[3]) for v in expected["visits"] if v[3])
        found_dates = Counter(_key(d[1:]) for d in found["dates"])
        found_dates.update(_key(v[3]) for v in found["visits"] if v[3])
        invented += sum((found_dates - gold_dates).values())
    table = {}
    for field, counts in totals.items():
        tp, extracted, wanted = counts["tp"], counts["extracted"], counts["gold"]
        table[field] = {
            "tp": tp,
            "extracted": extracted,
            "gold": wanted,
            "precision": tp / extracted if extracted else 1.0,
            "recall": tp / wanted if wanted else 1.0,
        }
    return {"fields": table, "invented_dates": invented, "misses": misses, "articles": len(articles())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction_quality", description=__doc__)
    parser.add_argument(
        "--write-draft", type=Path, metavar="FILE", help="write the extracted facts as a draft"
    )
    args = parser.parse_args(argv)
    if args.write_draft:
        draft = {path.name: extract(path) for path in articles()}
        args.write_draft.write_text(json.dumps(draft, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"draft of {len(draft)} articles written to {args.write_draft}: check every fact by hand")
        return 0
    result = score(
        json.loads(GOLD.read_text(encoding="utf-8")), json.loads(PROSE_GOLD.read_text(encoding="utf-8"))
    )
    print(f"{result['articles']} articles (tests/corpus, tests/fixtures, seeds)")
    print(f"{'field':<14} {'gold':>5} {'extracted':>9} {'found':>6} {'precision':>9} {'recall':>7}")
    for field, row in result["fields"].items():
        print(
            f"{field:<14} {row['gold']:>5} {row['extracted']:>9} {row['tp']:>6}"
            f" {row['precision']:>9.3f} {row['recall']:>7.3f}"
        )
    print(f"invented dates: {result['invented_dates']}")
    for miss in result["misses"]:
        print("  " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
