"""The corpus graph: merged nodes, edges with every source, and each export format.

Expected answers were read from the articles (the seeds' and fixtures' tables
of visits), not taken from a run of the builder.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikirel
from wikirel.cli import main
from wikirel.facts.graph import Graph, build_graph
from wikirel.facts.graph_export import to_rdf, write_dot, write_jsonl, write_neo4j

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "tests" / "corpus").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures").glob("*.txt")
)
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _records(paths: list[Path]) -> list[tuple[str, wikirel.Relation]]:
    return [
        (path.name, wikirel.extract_relation(wikirel.parse(path.read_text(encoding="utf-8"))))
        for path in paths
    ]


@pytest.fixture(scope="module")
def corpus_graph() -> Graph:
    return build_graph(_records(ARTICLES + SEEDS))


def _edges(graph: Graph, kind: str) -> list[dict[str, Any]]:
    return [row for row in graph.rows() if row["kind"] == "edge" and row["type"] == kind]


def test_a_country_is_one_node_across_articles(corpus_graph: Graph) -> None:
    china = [row for row in corpus_graph.rows() if row.get("name") == "China"]
    assert china == [{"kind": "node", "type": "country", "id": "country:CHN", "name": "China", "iso3": "CHN"}]
    partners = {
        row["target"] if row["source"] == "country:CHN" else row["source"]
        for row in _edges(corpus_graph, "relation")
        if "country:CHN" in (row["source"], row["target"])
    }
    # China's articles among the corpus and the seeds, by their titles; "Sino-Roman"
    # is Han China and Rome: the name is resolved as written (a documented limit).
    assert partners == {"country:ATG", "country:NPL", "country:TKM", "country:TJK", "country:~roman-empire"}


def test_a_name_that_resolves_to_nothing_stays_a_string(corpus_graph: Graph) -> None:
    rome = corpus_graph.nodes["country:~roman-empire"]
    assert rome.name == "Roman Empire" and "iso3" not in rome.props


def test_the_same_fact_in_two_articles_is_one_edge_with_two_sources() -> None:
    (name, relation), *_ = _records(SEEDS)
    graph = build_graph([("a/" + name, relation), ("b/" + name, relation)])
    envoy = _edges(graph, "envoy_of")[0]
    assert [s["path"] for s in envoy["sources"]] == ["a/" + name, "b/" + name]
    assert all(isinstance(s["line"], int) and isinstance(s["column"], int) for s in envoy["sources"])
    assert len(_edges(graph, "envoy_of")) == len(relation.envoys)


def test_envoys_missions_and_visits_of_a_seed() -> None:
    path = ROOT / "seeds" / "china-tajikistan-relations.txt"
    graph = build_graph(_records([path]))
    envoys = {(e["source"], e["target"], e["to"]) for e in _edges(graph, "envoy_of")}
    assert envoys == {
        ("person:ji-shumin", "country:CHN", "country:TJK"),
        ("person:saidzoda-zohir-ozod", "country:TJK", "country:CHN"),
    }
    missions = {(e["source"], e["target"]) for e in _edges(graph, "mission_of")}
    assert missions == {
        ("mission:chinese-embassy-dushanbe", "country:CHN"),
        ("mission:tajik-embassy-beijing", "country:TJK"),
    }
    visits = {(e["source"], e["target"], e["date"]) for e in _edges(graph, "visited")}
    assert visits == {
        ("person:emomali-rahmon", "city:beijing", "2013-05-19"),
        ("person:li-keqiang", "city:dushanbe", "2018-10-11"),
        ("person:xi-jinping", "city:dushanbe", "2019-06-14"),
        ("person:emomali-rahmon", "city:xi-an", "2023-05-17"),  # "Xi'an, Beijing": both cities
        ("person:emomali-rahmon", "city:beijing", "2023-05-17"),
        ("person:emomali-rahmon", "city:beijing", "1993-03-01"),  # told in running text (issue 19)
    }
    precision = {e["date"]: e["precision"] for e in _edges(graph, "visited")}
    assert precision["1993-03-01"] == "month" and precision["2019-06-14"] == "day"  # "March 1993"
    assert graph.nodes["person:xi-jinping"].props["offices"] == ["President", "CCP General Secretary"]
    located = {(e["source"], e["target"]) for e in _edges(graph, "located_in")}
    assert ("city:dushanbe", "country:TJK") in located and ("city:xi-an", "country:CHN") not in located


def test_jsonl_rows(corpus_graph: Graph) -> None:
    out = io.StringIO()
    write_jsonl(corpus_graph, out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == len(corpus_graph.nodes) + len(corpus_graph.edges)
    ids = {row["id"] for row in rows if row["kind"] == "node"}
    for row in rows:
        assert row["kind"] in ("node", "edge")
        if row["kind"] == "edge":
            assert {row["source"], row["target"]} <= ids
            assert all(set(s) == {"path", "line", "column"} for s in row["sources"])


def test_neo4j_csv_headers_follow_neo4j_admin(corpus_graph: Graph, tmp_path: Path) -> None:
    files = write_neo4j(corpus_graph, tmp_path)
    assert {f.name for f in files} >= {"nodes-country.csv", "nodes-person.csv", "edges-visited.csv"}
    with (tmp_path / "nodes-country.csv").open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == ["id:ID", "iso3", "name", ":LABEL"]
    assert ["country:CHN", "CHN", "China", "Country"] in rows
    with (tmp_path / "nodes-person.csv").open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == ["id:ID", "name", "offices:string[]", ":LABEL"]
    assert ["person:xi-jinping", "Xi Jinping", "President;CCP General Secretary", "Person"] in rows
    with (tmp_path / "edges-visited.csv").open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == [":START_ID", ":END_ID", ":TYPE", "date", "precision", "sources"]
    assert all(row[2] == "VISITED" and json.loads(row[5]) for row in rows)


def test_dot_names_every_node_and_edge(corpus_graph: Graph) -> None:
    out = io.StringIO()
    write_dot(corpus_graph, out)
    text = out.getvalue()
    assert text.startswith("digraph wikirel {") and text.endswith("}\n")
    assert text.count(" -> ") == len(corpus_graph.edges)
    assert '"country:CHN" [label="China (CHN)", shape=box];' in text


PREFIXES = """\
PREFIX wr: <https://wikirel.readthedocs.io/vocab#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
# The queries of docs/graph.md (a test there checks they are the same text).
HEADS_OF_STATE_VISITS = (
    PREFIXES
    + """\
SELECT ?name ?country ?date WHERE {
  VALUES ?office { "President" "King" "Queen" "Emperor" "Emir" "Sultan" }
  ?visit a wr:Visit ; wr:guest ?person ; wr:place ?place .
  ?person rdfs:label ?name ; wr:office ?office .
  OPTIONAL { ?visit wr:date ?date }
  { ?place a wr:Country ; rdfs:label ?country }
  UNION
  { ?place wdt:P17 ?in . ?in rdfs:label ?country }
}
ORDER BY ?name ?date
"""
)
ESTABLISHED_BEFORE_1993 = (
    PREFIXES
    + """\
SELECT ?a ?b ?date WHERE {
  ?event a wr:RelationEvent ; wr:event "established" ; wr:date ?date ; wr:party ?x, ?y .
  ?x rdfs:label ?a . ?y rdfs:label ?b .
  FILTER (?a < ?b && ?date < "1993-01-01"^^xsd:date)
}
ORDER BY ?date
"""
)


def test_sparql_which_countries_each_head_of_state_visited(corpus_graph: Graph) -> None:
    rdf = pytest.importorskip("rdflib")
    store = rdf.Graph()
    store.parse(data=to_rdf(corpus_graph).serialize(format="turtle"), format="turtle")  # through the text
    answers = [tuple(str(v) for v in row) for row in store.query(HEADS_OF_STATE_VISITS)]
    assert answers == [
        ("Emomali Rahmon", "China", "1993-03-01"),  # visits told in running text (issue 19)
        ("Emomali Rahmon", "China", "2013-05-19"),
        ("Emomali Rahmon", "China", "2023-05-17"),
        ("Frank-Walter Steinmeier", "France", "2023-05-30"),
        *(("Gayoom", "India", day) for day in ("1983-03-01", "1986-11-01", "1991-08-01", "1995-05-01")),
        *(("Gayoom", "India", day) for day in ("1998-06-01", "2007-04-01")),
        ("Maumoon Abdul Gayoom", "India", "None"),  # "has visited India more than sixteen times"
        ("Xi Jinping", "Tajikistan", "2019-06-14"),
    ]


def test_sparql_relations_established_before_1993() -> None:
    rdf = pytest.importorskip("rdflib")
    records = [
        {
            "parties": ["China", "Tajikistan"],
            "diplomatic": [{"kind": "established", "date": {"start": "1992-01-04"}, "source": None}],
        },
        {
            "parties": ["Antigua and Barbuda", "China"],
            "diplomatic": [{"kind": "established", "date": {"start": "1983-01-01"}, "source": None}],
        },
        {
            "parties": ["Armenia", "Georgia"],
            "diplomatic": [{"kind": "established", "date": {"start": "1993-07-17"}, "source": None}],
        },
    ]
    store = rdf.Graph()
    store.parse(data=to_rdf(build_graph(records)).serialize(format="json-ld"), format="json-ld")
    answers = [tuple(str(v) for v in row) for row in store.query(ESTABLISHED_BEFORE_1993)]
    assert answers == [("Antigua and Barbuda", "China", "1983-01-01"), ("China", "Tajikistan", "1992-01-04")]


def test_cli_graph_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = str(ROOT / "tests" / "corpus")
    assert main(["graph", "-q", corpus]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {
        "kind": "node",
        "type": "country",
        "id": "country:TJK",
        "name": "Tajikistan",
        "iso3": "TJK",
    } in rows
    assert main(["graph", "-q", "--format", "neo4j", "-o", str(tmp_path / "neo"), corpus]) == 0
    assert (tmp_path / "neo" / "nodes-country.csv").exists()
    assert main(["graph", "-q", "--format", "dot", "-o", str(tmp_path / "g.dot"), corpus]) == 0
    assert (tmp_path / "g.dot").read_text(encoding="utf-8").startswith("digraph")
    for fmt in ("turtle", "jsonld"):
        assert main(["graph", "-q", "--format", fmt, corpus]) == 0
        assert capsys.readouterr().out.strip()
    assert main(["graph", "-q", "--format", "neo4j", corpus]) == 2  # a folder is needed
    assert "-o/--output" in capsys.readouterr().err


def test_cli_graph_reports_a_bad_input_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "a.txt"
    good.write_text("= China–Tajikistan relations =\n", encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"= caf\xe9 =\n")
    assert main(["graph", str(good), str(bad)]) == 2
    captured = capsys.readouterr()
    assert "b.txt" in captured.err
    assert '"id": "country:CHN"' in captured.out


def test_docs_show_the_queries_the_tests_run() -> None:
    page = (ROOT / "docs" / "graph.md").read_text(encoding="utf-8")
    for query in (HEADS_OF_STATE_VISITS, ESTABLISHED_BEFORE_1993):
        assert f"```sparql\n{query}```" in page


def test_the_graph_of_extract_records_is_the_graph_of_the_relations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # docs/graph.md "At scale": records written by `wikirel extract` (one JSON Lines
    # file per partition on Dask) merged one line at a time give the same graph.
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in SEEDS + ARTICLES[:5]:
        (folder / path.name).write_bytes(path.read_bytes())
    assert main(["extract", "-q", "--output-format", "jsonl", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    merged = build_graph(json.loads(line) for line in lines)
    direct = build_graph(
        (str(path), wikirel.extract_relation(wikirel.parse(path.read_text(encoding="utf-8"))))
        for path in sorted(folder.glob("*.txt"))
    )
    assert list(merged.rows()) == list(direct.rows())


def test_cli_graph_without_rdflib_says_what_to_install_before_reading(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "rdflib" else real(name, *a)
    )
    assert main(["graph", "--format", "turtle", "no-such-folder"]) == 2
    err = capsys.readouterr().err
    assert "pip install 'wikirel[rdf]'" in err and "no-such-folder" not in err


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
_KEYS = ("path", "parties", "envoys", "missions", "visits", "diplomatic", "agreements")
_FACT_KEYS = ("name", "written", "side", "title", "city", "guest", "place", "kind", "date", "source")


@settings(max_examples=150)
@given(
    st.dictionaries(
        st.sampled_from(_KEYS),
        _JSON
        | st.lists(
            st.dictionaries(st.sampled_from(_FACT_KEYS), _JSON | st.text(max_size=30), max_size=6), max_size=3
        ),
    )
)
def test_the_graph_takes_any_json_record_without_a_crash(record: dict[str, Any]) -> None:
    rows = list(build_graph([record, ("p.txt", record)]).rows())
    assert json.loads(json.dumps(rows)) == rows  # plain JSON, whatever came in


def test_what_is_not_a_record_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="relation record"):
        build_graph([42])
    with pytest.raises(TypeError, match="mapping"):
        Graph().add(["not", "a", "record"])  # type: ignore[arg-type]


def test_names_in_any_script_stay_distinct() -> None:
    records = [
        {
            "parties": ["Россия", "Беларусь"],
            "missions": [{"side": 1, "name": "Посольство, Минск", "city": "Минск"}],
        },
        {"parties": ["中国", "日本"], "envoys": [{"side": 1, "name": "王毅"}, {"side": 2, "name": "林芳正"}]},
    ]
    graph = build_graph(records)
    countries = {n.name: n.id for n in graph.nodes.values() if n.type == "country"}
    assert len(set(countries.values())) == 4 == len(countries)
    relations = _edges(graph, "relation")
    assert len(relations) == 2 and all(r["source"] != r["target"] for r in relations)
    assert {n.id for n in graph.nodes.values() if n.type == "city"} == {"city:минск"}
    assert {n.name for n in graph.nodes.values() if n.type == "person"} == {"王毅", "林芳正"}
    # a name of symbols only gets a hash, never one id shared by all such names
    assert build_graph([{"parties": ["★", "☆"]}]).edges


def test_dot_has_no_control_characters(tmp_path: Path) -> None:
    graph = build_graph([{"parties": ["A\x00\nB", 'C"\\D']}])
    out = io.StringIO()
    write_dot(graph, out)
    assert not any(ord(c) < 32 and c != "\n" for c in out.getvalue())
    assert '\\"' in out.getvalue()


def test_neo4j_rewrites_every_file_of_a_known_type(tmp_path: Path) -> None:
    write_neo4j(build_graph(_records(SEEDS)), tmp_path)
    assert (tmp_path / "edges-visited.csv").read_text(encoding="utf-8").count("\n") > 1
    write_neo4j(build_graph([{"parties": ["Chile", "Peru"]}]), tmp_path)  # no visits, no people
    for name in ("edges-visited.csv", "nodes-person.csv", "edges-envoy_of.csv"):
        assert (tmp_path / name).read_text(encoding="utf-8").count("\n") == 1, name  # the header alone
