"""GraphML, node-link JSON, neo4j-admin CSV and facts JSONL: what goes out comes back."""

import csv
import json
import shlex

import networkx as nx

from kg.export import (
    facts_from_graph,
    write_facts,
    write_graphml,
    write_json,
    write_neo4j_csv,
)
from kg.graph import build, to_networkx
from kg.model import fact_from_dict

INSPECTED_TOWN = ("Official:乔耸", "Location:卢氏县朱阳关镇")


def _edge(g, u, v, edge_type):
    return next(a for x, y, a in g.edges(data=True) if (x, y) == (u, v) and a["type"] == edge_type)


# --- GraphML -----------------------------------------------------------------------------


def test_graphml_round_trip_keeps_counts_and_keys(graph, tmp_path):
    path = write_graphml(graph, tmp_path / "kg.graphml")
    back = nx.read_graphml(path, edge_key_type=str, force_multigraph=True)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert set(back.edges(keys=True)) == set(graph.edges(keys=True))


def test_graphml_keeps_chinese_dates_ints_and_lists(graph, tmp_path):
    path = write_graphml(graph, tmp_path / "kg.graphml")
    assert "乔耸到卢氏县调研" in path.read_text(encoding="utf-8")
    back = nx.read_graphml(path, edge_key_type=str, force_multigraph=True)
    article = back.nodes["Article:000_6b2d6b708e9b3ab5.txt#1"]
    assert article["headline"] == "乔耸到卢氏县调研"
    assert article["date"] == "2020-09-10"
    assert article["ordinal"] == 1
    assert json.loads(article["reporters"]) == ["李明", "赵敏"]
    visit = _edge(back, *INSPECTED_TOWN, "INSPECTED")
    assert visit["evidence"] == "9月10日，区委书记乔耸到卢氏县朱阳关镇调研，区委副书记王伟陪同。"
    assert visit["date"] == "2020-09-10"
    assert visit["start"] == 0 and visit["end"] == 33
    assert visit["date_end"] == ""  # None becomes empty text


# --- JSON --------------------------------------------------------------------------------


def test_json_node_link_round_trip(graph, tmp_path):
    path = write_json(graph, tmp_path / "kg.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "乔耸" in path.read_text(encoding="utf-8")  # UTF-8, not \u escapes
    back = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert set(back.edges(keys=True)) == set(graph.edges(keys=True))
    assert back.nodes["Official:乔耸"] == {"label": "Official", "key": "乔耸", "name": "乔耸"}
    visit = _edge(back, *INSPECTED_TOWN, "INSPECTED")
    assert visit["date"] == "2020-09-10" and visit["date_text"] == "2020-09-10"


# --- neo4j-admin CSV ---------------------------------------------------------------------


def _read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_csv_has_one_nodes_file_per_label(graph, tmp_path):
    result = write_neo4j_csv(graph, tmp_path)
    names = sorted(p.name for p in result.nodes)
    assert names == [
        "nodes_Article.csv",
        "nodes_Event.csv",
        "nodes_Location.csv",
        "nodes_Office.csv",
        "nodes_Official.csv",
        "nodes_Project.csv",
    ]
    officials = _read(tmp_path / "nodes_Official.csv")
    assert officials == [
        ["key:ID(Official)", "name", ":LABEL"],
        ["乔耸", "乔耸", "Official"],
        ["王伟", "王伟", "Official"],
    ]


def test_csv_types_dates_ints_and_arrays(graph, tmp_path):
    write_neo4j_csv(graph, tmp_path)
    header, row = _read(tmp_path / "nodes_Article.csv")
    cells = dict(zip(header, row, strict=True))
    assert header[0] == "key:ID(Article)" and header[-1] == ":LABEL"
    assert cells["date:date"] == "2020-09-10"
    assert cells["ordinal:long"] == "1"
    assert cells["reporters:string[]"] == "李明;赵敏"
    assert cells["headline"] == "乔耸到卢氏县调研"
    assert cells["text"].startswith("9月10日")


def test_csv_splits_relationships_by_end_labels(graph, tmp_path):
    result = write_neo4j_csv(graph, tmp_path)
    names = {p.name for p in result.relationships}
    assert {
        "rels_INSPECTED_Official_Location.csv",
        "rels_INSPECTED_Official_Project.csv",
        "rels_HOLDS_POSITION_Official_Office.csv",
        "rels_ACCOMPANIED_Official_Official.csv",
        "rels_ATTENDED_Official_Event.csv",
        "rels_LOCATED_IN_Location_Location.csv",
        "rels_REPORTED_BY_Event_Article.csv",
    } <= names
    rows = _read(tmp_path / "rels_INSPECTED_Official_Location.csv")
    header = rows[0]
    assert header[:3] == [":START_ID(Official)", ":END_ID(Location)", "key"]
    assert header[-1] == ":TYPE"
    assert "date:date" in header and "start:long" in header
    cells = dict(zip(header, rows[1], strict=True))
    assert (cells[":START_ID(Official)"], cells[":END_ID(Location)"]) == ("乔耸", "卢氏县朱阳关镇")
    assert cells["evidence"].startswith("9月10日，区委书记乔耸")
    assert cells[":TYPE"] == "INSPECTED"
    held = dict(zip(*_read(tmp_path / "rels_HOLDS_POSITION_Official_Office.csv")[:2], strict=True))
    assert held["first_seen:date"] == "2020-09-10"
    assert held["sources:string[]"] == "000_6b2d6b708e9b3ab5.txt#1"


def test_csv_counts_and_every_end_exists_in_its_id_space(graph, tmp_path):
    result = write_neo4j_csv(graph, tmp_path)
    ids = {}
    for p in result.nodes:
        header, *rows = _read(p)
        space = header[0].split("(")[1].rstrip(")")
        ids[space] = {r[0] for r in rows}
    assert sum(len(v) for v in ids.values()) == graph.number_of_nodes()
    total = 0
    for p in result.relationships:
        header, *rows = _read(p)
        start, end = (h.split("(")[1].rstrip(")") for h in header[:2])
        assert all(r[0] in ids[start] and r[1] in ids[end] for r in rows)
        total += len(rows)
    assert total == graph.number_of_edges()


def test_csv_import_command_names_every_file(graph, tmp_path):
    result = write_neo4j_csv(graph, tmp_path, database="kg")
    args = shlex.split(result.command)
    assert args[:5] == [
        "neo4j-admin",
        "database",
        "import",
        "full",
        "--nodes=" + str((tmp_path / "nodes_Article.csv").resolve()),
    ]
    assert sum(a.startswith("--nodes=") for a in args) == len(result.nodes)
    assert sum(a.startswith("--relationships=") for a in args) == len(result.relationships)
    assert "--array-delimiter=;" in args and "--multiline-fields=true" in args
    assert args[-1] == "kg"


# --- facts JSONL -------------------------------------------------------------------------


def test_write_facts_one_json_per_line(facts, tmp_path):
    path = tmp_path / "facts.jsonl"
    assert write_facts(facts, path) == len(facts)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [fact_from_dict(json.loads(line)) for line in lines] == facts
    assert "乔耸" in lines[1]


def test_facts_from_graph_rebuild_the_same_graph(graph):
    again = to_networkx(build(facts_from_graph(graph)))
    assert set(again.nodes) == set(graph.nodes)
    assert set(again.edges(keys=True)) == set(graph.edges(keys=True))
    assert again.nodes["Article:000_6b2d6b708e9b3ab5.txt#1"]["reporters"] == ["李明", "赵敏"]
