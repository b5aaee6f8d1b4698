"""`kg build` / `kg extract` end to end on the seed pages, against a real LadybugDB."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def build(runner: CliRunner, data: Path, *paths: Path) -> dict:
    result = runner.invoke(app, ["build", *map(str, paths), "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    with open_store(data, None, read_only=True) as store:
        return store.counts()


def test_build_twice_gives_the_same_graph(runner, tmp_path, embedded_only):
    first = build(runner, tmp_path / "d", SEEDS)
    assert first["Official"] >= 15 and first["INSPECTED"] >= 30
    assert build(runner, tmp_path / "d", SEEDS) == first
    assert (tmp_path / "d" / "graph.html").stat().st_size > 10_000


def test_overlapping_corpora_merge(runner, tmp_path, embedded_only):
    seeds = sorted(SEEDS.glob("*.txt"))
    whole = build(runner, tmp_path / "whole", SEEDS)
    build(runner, tmp_path / "parts", *seeds[:3])
    assert build(runner, tmp_path / "parts", *seeds[1:]) == whole


def test_who_visited_where_names_the_secretary_at_zhuyangguan(runner, tmp_path, embedded_only):
    build(runner, tmp_path / "d", SEEDS)
    result = runner.invoke(app, ["query", "who-visited-where", "-p", "official=乔耸",
                                 "--format", "json", "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert any("朱阳关镇" in r["place"] and r["date"] == "2020-09-10" for r in rows)
    assert all(r["official"] == "乔耸" and r["evidence"] for r in rows)


def test_extract_scores_above_the_bars_on_the_gold_pages(runner, tmp_path):
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["extract", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    score = subprocess.run(
        [sys.executable, str(DATA / "score.py"), "--gold", str(DATA / "gold"), "--pred", str(out),
         "--min", "officials.f1=0.97", "--min", "titles.f1=0.93", "--min", "positions.f1=0.90",
         "--min", "visits.f1=0.88", "--min", "visits_dated.f1=0.85", "--min", "attended.f1=0.85",
         "--min", "headlines.f1=0.90", "--min", "article_dates.f1=0.90"],
        capture_output=True, text=True, check=False)
    assert score.returncode == 0, score.stdout + score.stderr


def test_a_bad_file_is_reported_and_the_rest_goes_on(runner, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.txt").write_text((SEEDS / "000_6b2d6b708e9b3ab5.txt").read_text())
    (pages / "empty.txt").write_bytes(b"")
    (pages / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["extract", str(pages), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.stderr and "image.txt" in result.stderr
    assert any('"INSPECTED"' in line for line in out.read_text().splitlines())
    strict = runner.invoke(app, ["extract", str(pages), "-o", str(out), "--strict"])
    assert strict.exit_code == 2
