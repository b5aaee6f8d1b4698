"""`kg load`, `kg query`, `kg db info|reset` on the embedded store, and what they read/print."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from store_corpus import A1, corpus_one, corpus_two
from typer.testing import CliRunner

from kg.cli import app
from kg.store.base import QueryResult
from kg.store.io import read_facts, to_csv, to_json

runner = CliRunner()


@pytest.fixture
def facts_file(tmp_path):
    """The sample corpus as facts JSONL, with two broken lines (3 and 6)."""
    lines = [f.to_json() for f in corpus_one() + corpus_two()]
    lines.insert(2, '{"fact": "INSPECTED", "source": "x"')
    lines.insert(5, '{"fact": "RUMOUR", "source": "x", "article": "x#1"}')
    path = tmp_path / "facts.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_facts_reports_broken_lines_by_number(facts_file):
    facts, bad = read_facts(facts_file)
    assert len(facts) == 23
    assert [(b.line, b.error) for b in bad] == [
        (3, "not JSON (Expecting ',' delimiter)"),
        (6, "unknown fact kind 'RUMOUR'"),
    ]


def test_rows_print_as_json_with_chinese_and_iso_dates_and_as_csv():
    import datetime as dt

    result = QueryResult(["official", "date", "sources"], [["乔耸", dt.date(2020, 9, 10), [A1]]])
    assert json.loads(to_json(result)) == [
        {"official": "乔耸", "date": "2020-09-10", "sources": [A1]}
    ]
    assert "乔耸" in to_json(result)
    assert to_csv(result) == f'official,date,sources\n乔耸,2020-09-10,"[""{A1}""]"\n'


def test_load_then_query_from_the_command_line(facts_file, tmp_path, embedded_only):
    data = ["--data-dir", str(tmp_path / "d")]
    loaded = runner.invoke(app, ["load", str(facts_file), *data])
    assert loaded.exit_code == 0, loaded.output
    assert "loaded 17 nodes and 32 edges from 23 facts" in loaded.stdout
    assert f"{facts_file}:3: skipped: not JSON" in loaded.stderr
    assert f"{facts_file}:6: skipped: unknown fact kind 'RUMOUR'" in loaded.stderr

    asked = runner.invoke(
        app,
        [
            "query",
            "who-visited-where",
            "-p",
            "official=乔耸",
            "-p",
            "from=2020-10-01",
            "--format",
            "json",
            *data,
        ],
    )
    assert asked.exit_code == 0, asked.output
    assert [(r["place"], r["date"]) for r in json.loads(asked.stdout)] == [
        ("卢氏县朱阳关镇", "2020-11-06")
    ]

    info = runner.invoke(app, ["db", "info", *data])
    assert "Official" in info.stdout and "path: " in info.stdout


def test_query_refuses_writes_and_bad_params_in_one_line(facts_file, tmp_path, embedded_only):
    data = ["--data-dir", str(tmp_path / "d")]
    runner.invoke(app, ["load", str(facts_file), *data])
    refused = runner.invoke(app, ["query", "MATCH (o:Official) DETACH DELETE o", *data])
    assert refused.exit_code == 1
    assert refused.stderr == "error: refusing to run a query containing DETACH without --write\n"
    bad = runner.invoke(app, ["query", "place-visitors", "-p", "county=卢氏县", *data])
    assert bad.stderr == (
        "error: place-visitors: unknown parameter county; valid: place, from, to\n"
    )


def test_query_on_a_missing_database_does_not_create_it(tmp_path, embedded_only):
    result = runner.invoke(app, ["query", "office-holders", "--data-dir", str(tmp_path / "no")])
    assert result.exit_code == 1
    assert "run `kg load` first" in result.stderr
    assert not (tmp_path / "no").exists()


def test_a_second_writer_gets_a_one_line_refusal(facts_file, tmp_path, embedded_only):
    data_dir = tmp_path / "d"
    runner.invoke(app, ["load", str(facts_file), "--data-dir", str(data_dir)])
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, ladybug; db = ladybug.Database(sys.argv[1]); "
            "print('open', flush=True); sys.stdin.readline()",
            str(data_dir / "graph.lbdb"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        result = runner.invoke(app, ["load", str(facts_file), "--data-dir", str(data_dir)])
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"error: database {data_dir / 'graph.lbdb'} is in use by another kg process "
        f"(PID {holder.pid}); wait for it to finish or use --data-dir"
    )


def test_reset_needs_yes(facts_file, tmp_path, embedded_only):
    data = ["--data-dir", str(tmp_path / "d")]
    runner.invoke(app, ["load", str(facts_file), *data])
    assert runner.invoke(app, ["db", "reset", *data]).exit_code == 1
    assert runner.invoke(app, ["db", "reset", "--yes", *data]).exit_code == 0
    empty = runner.invoke(app, ["query", "office-holders", "--format", "json", *data])
    assert json.loads(empty.stdout) == []
