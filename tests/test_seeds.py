"""The bundled seed articles: golden trees, exact round trip, hand-checked facts."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import wikirel
from conftest import ROOT, SEEDS
from helpers import dump

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("WIKIREL_UPDATE_GOLDEN") == "1"


def test_both_seeds_are_bundled() -> None:
    assert [p.name for p in SEEDS] == [
        "china-tajikistan-relations.txt",
        "pakistan-tajikistan-relations.txt",
    ]


# The originals' SHA-256, as they were given (the sdist, the wheel's samples()
# and the golden trees below are made from these bytes): an edit to a seed,
# even one that keeps it well formed, fails here.
ORIGINALS = {
    "china-tajikistan-relations.txt": "b451a58025d8653ae2510035f6d904c5747080b717dd0466c696af6d64404323",
    "pakistan-tajikistan-relations.txt": "c43c1c1949280934b208bd5a82b18232f059c6dca058d53760a2162a4416aeb5",
}


def test_seeds_are_the_originals_byte_for_byte() -> None:
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS} == ORIGINALS
    assert wikirel.resources.samples() == {p.stem: p.read_bytes().decode("utf-8") for p in SEEDS}


def test_seed_round_trips_byte_for_byte(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    assert wikirel.serialize(wikirel.parse(text)) == text


def test_seed_is_well_formed(seed_path: Path) -> None:
    doc = wikirel.parse(seed_path.read_text(encoding="utf-8"), strict=True)
    assert doc.diagnostics == ()


def test_seed_matches_golden_tree(seed_path: Path) -> None:
    golden = GOLDEN / f"{seed_path.stem}.tree.txt"
    actual = dump(wikirel.parse(seed_path.read_text(encoding="utf-8"))) + "\n"
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), (
        f"regenerate with WIKIREL_UPDATE_GOLDEN=1 and review {golden}"
    )


def _seed(name: str) -> wikirel.Document:
    return wikirel.parse((ROOT / "seeds" / f"{name}.txt").read_text(encoding="utf-8"))


def test_pakistan_seed_facts() -> None:
    doc = _seed("pakistan-tajikistan-relations")
    assert doc.title == "Pakistan–Tajikistan relations"
    assert doc.infobox is not None
    assert doc.infobox.to_dict()["Mission1"] == "Pakistani Embassy, Dushanbe"
    assert len(doc.infobox.items) == 10
    assert [s.title for s in doc.sections] == [
        "History of relations",
        "Tajiks in Pakistan",
        "Strategic commitments",
        "Cultural relations",
        "See also",
    ]
    # `== Cultural relations ==` (spaced) is followed by a blank line, then text.
    cultural = doc.find_section("cultural relations")
    assert cultural is not None
    assert cultural.heading.space_before == " "
    assert isinstance(cultural.blocks[0], wikirel.Paragraph)
    assert cultural.blocks[0].blank_before == ("\n",)
    see_also = doc.find_section("See also")
    assert see_also is not None
    (links,) = see_also.blocks
    assert isinstance(links, wikirel.BulletList)
    assert [item.text for item in links.items] == ["Foreign relations of Pakistan", "Tajiks in Pakistan"]


def test_china_seed_facts() -> None:
    doc = _seed("china-tajikistan-relations")
    assert doc.title == "China–Tajikistan relations"
    assert doc.infobox is not None
    assert doc.infobox.get("envoy_1") == doc.infobox.get("ENVOY1") == "Ji Shumin"
    assert doc.infobox.get("filetype") == "png"
    visits = doc.find_section("High-level visits")
    assert visits is not None
    (table,) = visits.blocks
    assert isinstance(table, wikirel.Table)
    assert table.header.cells == ("Guest", "Host", "Place of visit", "Date of visit")
    assert len(table.rows) == 4
    assert table.records()[3] == {
        "Guest": "President Emomali Rahmon",
        "Host": "President & CCP General Secretary Xi Jinping",
        "Place of visit": "Xi'an, Beijing",
        "Date of visit": "May 17–21, 2023",
    }
    assert table.rows[2].cells[3] == "June 14–16, 2019."
    sovereignty = doc.find_section("sovereignty issues")
    assert sovereignty is not None
    assert len(sovereignty.blocks) == 3
