"""`kg stats` on the embedded store, as tables and as JSON."""

import json

import pytest
from analytics_data import analytics_facts
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


@pytest.fixture
def data(tmp_path, embedded_only):
    facts = tmp_path / "facts.jsonl"
    facts.write_text("".join(f.to_json() + "\n" for f in analytics_facts()), encoding="utf-8")
    args = ["--data-dir", str(tmp_path / "d")]
    loaded = runner.invoke(app, ["load", str(facts), *args])
    assert loaded.exit_code == 0, loaded.output
    return args


def test_stats_json(data):
    result = runner.invoke(app, ["stats", "--format", "json", "--top", "1", *data])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["officials"] == [
        {"name": "乔耸", "visits": 3, "places": 2, "events": 2, "total": 5}]
    assert figures["co_attendance"] == [{"a": "乔耸", "b": "张三", "events": 2}]


def test_stats_tables(data):
    result = runner.invoke(app, ["stats", *data])
    assert result.exit_code == 0, result.output
    for title in ("graph", "labels", "officials", "places", "co_attendance", "betweenness"):
        assert title in result.stdout
    assert "朱阳关镇" in result.stdout
