"""What only the embedded store does: file locking, read-only opens, the COPY bulk path."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from store_backends import snapshot
from store_corpus import corpus_one, corpus_two

from kg.graph import Edge, GraphData, build
from kg.store import open_store
from kg.store.base import StoreLockedError, StoreNotFoundError
from kg.store.ladybug import LadybugStore
from kg.store.queries import WriteNotAllowedError

HOLD_OPEN = """
import sys, ladybug
db = ladybug.Database(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def holder(tmp_path):
    """Another process that has the database open for writing until the test ends."""
    path = tmp_path / "graph.lbdb"
    LadybugStore(path).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "open"
    yield path, proc.pid
    proc.stdin.close()
    proc.wait(timeout=30)


def test_a_second_writer_is_refused_with_the_holders_pid(holder):
    path, pid = holder
    with pytest.raises(StoreLockedError) as info:
        LadybugStore(path)
    assert str(info.value) == (
        f"database {path} is in use by another kg process (PID {pid}); "
        "wait for it to finish or use --data-dir"
    )


def test_a_reader_is_not_blocked_by_a_writer(holder):
    path, _ = holder
    with LadybugStore(path, read_only=True) as store:
        assert store.counts()["Official"] == 0


def test_read_only_store_answers_queries_and_refuses_writes(tmp_path):
    path = tmp_path / "graph.lbdb"
    with LadybugStore(path) as store:
        store.load(build(corpus_one()))
    with LadybugStore(path, read_only=True) as store:
        assert store.query("MATCH (o:Official) RETURN count(o) AS n").rows == [[2]]
        with pytest.raises(WriteNotAllowedError):
            store.query("MATCH (o:Official) DELETE o")


def test_read_only_open_of_a_missing_database_says_so(tmp_path):
    with pytest.raises(StoreNotFoundError, match="run `kg load` first"):
        LadybugStore(tmp_path / "nothing.lbdb", read_only=True)


def test_open_store_uses_the_data_dir(tmp_path, embedded_only):
    with open_store(tmp_path / "data") as store:
        assert store.info()["path"] == str(tmp_path / "data" / "graph.lbdb")


def test_bulk_copy_gives_the_same_graph_as_merge(tmp_path, corpus):
    with (
        LadybugStore(tmp_path / "merge.lbdb") as merged,
        LadybugStore(tmp_path / "copy.lbdb") as copied,
    ):
        assert merged.load(corpus).method == "merge"
        report = copied.load(corpus, bulk=True)
        assert (report.method, report.nodes, report.edges) == ("copy", 17, 32)
        assert snapshot(copied.read_graph()) == snapshot(merged.read_graph())
        assert copied.counts() == merged.counts()


def test_bulk_into_a_non_empty_database_merges(tmp_path, corpus):
    with LadybugStore(tmp_path / "graph.lbdb") as store:
        store.load(build(corpus_one()), bulk=True)
        assert store.load(build(corpus_two()), bulk=True).method == "merge"
        assert snapshot(store.read_graph()) == snapshot(corpus)


def awkward_graph(reporters: list[str]) -> GraphData:
    """Values CSV staging could get wrong: quotes, commas, newlines, backslashes, '' vs None."""
    g = GraphData()
    g.add_node(
        "Article",
        "a#1",
        source="a",
        ordinal=1,
        headline='他说："好，很好"\\n',
        date=None,
        date_text="",
        reporters=reporters,
        correspondents=[],
        text_hash="",
        text='第一行,\r\n第二行 "引号" \\ 反斜杠',
    )
    g.add_node("Official", "乔耸", name="乔耸")
    g.add_edge(
        Edge(
            "MENTIONED_IN",
            "Official",
            "乔耸",
            "Article",
            "a#1",
            "m1",
            {
                "article": "a#1",
                "evidence": "",
                "start": 0,
                "end": 0,
                "date": dt.date(2020, 9, 10),
                "date_text": "2020-09-10",
            },
        )
    )
    return g


@pytest.mark.parametrize("reporters", [["张晓", "李,明", '"王"'], [""], [], ["带\x1f分隔符"]])
def test_bulk_copy_keeps_awkward_values_exactly(tmp_path, reporters):
    g = awkward_graph(reporters)
    with (
        LadybugStore(tmp_path / "merge.lbdb") as merged,
        LadybugStore(tmp_path / "copy.lbdb") as copied,
    ):
        merged.load(g)
        report = copied.load(g, bulk=True)
        assert report.method == ("merge" if "\x1f" in "".join(reporters) else "copy")
        assert snapshot(copied.read_graph()) == snapshot(merged.read_graph()) == snapshot(g)


def test_a_failed_copy_is_undone_and_the_load_merges(tmp_path, corpus, monkeypatch):
    monkeypatch.setattr("kg.store.bulk._CSV_OPTIONS", "(header=true, no_such_option=1)")
    with LadybugStore(tmp_path / "graph.lbdb") as store:
        assert store.load(corpus, bulk=True).method == "merge"
        assert snapshot(store.read_graph()) == snapshot(corpus)
