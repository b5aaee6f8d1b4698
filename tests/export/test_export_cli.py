"""`kg export` on the embedded store: every format, and the neo4j-admin command for csv."""

import json
import shlex

import networkx as nx
import pytest
from export_data import sample_facts
from typer.testing import CliRunner

from kg.cli import app
from kg.graph import build, to_networkx

runner = CliRunner()


@pytest.fixture
def data(tmp_path, embedded_only):
    facts = tmp_path / "facts.jsonl"
    facts.write_text("".join(f.to_json() + "\n" for f in sample_facts()), encoding="utf-8")
    args = ["--data-dir", str(tmp_path / "d")]
    loaded = runner.invoke(app, ["load", str(facts), *args])
    assert loaded.exit_code == 0, loaded.output
    return args


def test_export_graphml_and_json(data, tmp_path, graph):
    for fmt in ("graphml", "json"):
        out = tmp_path / f"kg.{fmt}"
        result = runner.invoke(app, ["export", "--format", fmt, "-o", str(out), *data])
        assert result.exit_code == 0, result.output
        n, m = graph.number_of_nodes(), graph.number_of_edges()
        assert f"{out}: {n} nodes, {m} edges" in result.stdout
    back = nx.read_graphml(tmp_path / "kg.graphml", edge_key_type=str, force_multigraph=True)
    assert set(back.edges(keys=True)) == set(graph.edges(keys=True))
    assert json.loads((tmp_path / "kg.json").read_text(encoding="utf-8"))["nodes"]


def test_export_csv_prints_the_import_command(data, tmp_path):
    out = tmp_path / "csv"
    result = runner.invoke(app, ["export", "--format", "csv", "-o", str(out), *data])
    assert result.exit_code == 0, result.output
    args = shlex.split(result.stdout.strip().splitlines()[-1])
    assert args[:4] == ["neo4j-admin", "database", "import", "full"]
    assert f"--nodes={(out / 'nodes_Official.csv').resolve()}" in args


def test_export_facts_rebuilds_the_graph(data, tmp_path, graph):
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["export", "--format", "facts", "-o", str(out), *data])
    assert result.exit_code == 0, result.output
    from kg.model import fact_from_dict

    facts = [fact_from_dict(json.loads(line)) for line in out.read_text("utf-8").splitlines()]
    assert set(to_networkx(build(facts)).edges(keys=True)) == set(graph.edges(keys=True))


def test_unknown_format_is_an_error(data, tmp_path):
    result = runner.invoke(app, ["export", "--format", "xml", "-o", str(tmp_path / "x"), *data])
    assert result.exit_code == 1 and "--format is graphml, json, csv or facts" in result.stderr
