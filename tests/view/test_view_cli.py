"""`kg view` on the embedded store: the page is written, mistakes are one-line errors."""

import pytest
from typer.testing import CliRunner
from view_data import EVIDENCE, view_facts

from kg.cli import app

runner = CliRunner()


@pytest.fixture
def data(tmp_path, embedded_only):
    facts = tmp_path / "facts.jsonl"
    facts.write_text("".join(f.to_json() + "\n" for f in view_facts()), encoding="utf-8")
    args = ["--data-dir", str(tmp_path / "d")]
    loaded = runner.invoke(app, ["load", str(facts), *args])
    assert loaded.exit_code == 0, loaded.output
    return args


def test_view_writes_the_neighbourhood(data, tmp_path):
    out = tmp_path / "qiao.html"
    result = runner.invoke(app, ["view", "--official", "乔耸", "--hops", "2", "-o", str(out),
                                 *data])
    assert result.exit_code == 0, result.output
    assert f"{out}: 8 nodes, 7 edges" in result.stdout
    assert EVIDENCE in out.read_text(encoding="utf-8")


def test_view_filters_by_type_and_date(data, tmp_path):
    out = tmp_path / "sept.html"
    result = runner.invoke(app, ["view", "--official", "乔耸", "--types", "INSPECTED,ATTENDED",
                                 "--from", "2020-09-01", "--to", "2020-09-12", "-o", str(out),
                                 *data])
    assert result.exit_code == 0, result.output
    assert f"{out}: 2 nodes, 1 edges" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    ([], "name what to draw"),
    (["--official", "张三"], "no official matching '张三'"),
    (["--official", "乔耸", "--from", "2020-13-01"], "--from wants a date like 2020-09-10"),
    (["--official", "乔耸", "--types", "VISITED"], "unknown edge type VISITED"),
])
def test_view_mistakes_are_one_line_errors(data, tmp_path, args, message):
    result = runner.invoke(app, ["view", *args, "-o", str(tmp_path / "x.html"), *data])
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.output
