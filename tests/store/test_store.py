"""The store contract, run on every backend (LadybugDB always, Neo4j when NEO4J_URI is set)."""

from __future__ import annotations

import datetime as dt

import pytest
from store_backends import snapshot
from store_corpus import A1, A2, A3, corpus_one, corpus_two

from kg.config import KgError
from kg.graph import Edge, GraphData, build
from kg.store.queries import WriteNotAllowedError
from kg.store.schema import NODES, RELS

EXPECTED_COUNTS = {
    "Official": 3,
    "Office": 3,
    "Event": 3,
    "Location": 4,
    "Project": 1,
    "Article": 3,
    "HOLDS_POSITION": 3,
    "ATTENDED": 6,
    "INSPECTED": 5,
    "LOCATED_IN": 2,
    "ACCOMPANIED": 1,
    "REPORTED_BY": 3,
    "MENTIONED_IN": 12,
}


def test_schema_is_idempotent(store):
    store.ensure_schema()
    store.ensure_schema()
    assert store.counts() == {
        name: 0 for name in [*(t.label for t in NODES), *(r.type for r in RELS)]
    }


def test_load_writes_every_node_and_edge(store, corpus):
    report = store.load(corpus)
    assert (report.nodes, report.edges, report.skipped_edges) == (17, 32, 0)
    assert store.counts() == EXPECTED_COUNTS


def test_read_graph_gives_back_exactly_what_was_loaded(store, corpus):
    store.load(corpus)
    assert snapshot(store.read_graph()) == snapshot(corpus)


def test_loading_twice_changes_nothing(store, corpus):
    store.load(corpus, batch_size=4)
    first = snapshot(store.read_graph())
    store.load(corpus, batch_size=7)
    assert store.counts() == EXPECTED_COUNTS
    assert snapshot(store.read_graph()) == first


def test_two_overlapping_corpora_merge_into_one_graph(store, corpus):
    store.load(build(corpus_one()))
    store.load(build(corpus_two()))
    assert store.counts() == EXPECTED_COUNTS
    assert snapshot(store.read_graph()) == snapshot(corpus)


def test_holds_position_widens_seen_dates_and_unions_sources(store):
    store.load(build(corpus_two()))  # the later articles first
    store.load(build(corpus_one()))
    rows = store.query(
        "MATCH (o:Official)-[h:HOLDS_POSITION]->(f:Office) WHERE o.name = $name "
        "RETURN f.org AS org, h.first_seen AS first, h.last_seen AS last, h.sources AS sources",
        {"name": "乔耸"},
    ).rows
    assert rows == [["中原区委", dt.date(2020, 9, 10), dt.date(2020, 12, 1), [A2, A3, A1]]]
    assert store.counts()["Official"] == 3  # 乔耸 of both corpora is one node


def test_parallel_inspections_of_one_place_are_separate_edges(store, corpus):
    store.load(corpus)
    rows = store.query(
        "MATCH (o:Official)-[v:INSPECTED]->(p:Location) WHERE o.name = $who AND p.name = $place "
        "RETURN v.date AS date, v.event_kind AS kind ORDER BY date",
        {"who": "乔耸", "place": "卢氏县朱阳关镇"},
    ).rows
    assert rows == [[dt.date(2020, 9, 10), "考察"], [dt.date(2020, 11, 6), "调研"]]


def test_edges_whose_end_is_missing_are_counted_as_skipped(store):
    g = build(corpus_one())
    g.add_edge(Edge("MENTIONED_IN", "Official", "乔耸", "Article", "never-loaded#1", "x", {}))
    report = store.load(g)
    assert (report.edges, report.skipped_edges) == (14, 1)


def test_a_prop_the_schema_does_not_declare_is_refused(store):
    g = GraphData()
    g.add_node("Official", "乔耸", name="乔耸", nickname="乔书记")
    with pytest.raises(KgError, match="nickname"):
        store.load(g)


def test_read_query_returns_columns_and_rows(store, corpus):
    store.load(corpus)
    result = store.query("MATCH (o:Official) RETURN o.name AS name ORDER BY name")
    assert result.columns == ["name"]
    assert result.rows == [["乔耸"], ["刘文峰"], ["王东亮"]]


@pytest.mark.parametrize(
    "cypher",
    [
        "MATCH (o:Official) SET o.name = 'x' RETURN o.name",
        "MATCH (o:Official) DETACH DELETE o",
        "CREATE (:Official {key: 'x', name: 'x'})",
        "match (o:Official) merge (o)-[:ACCOMPANIED {key: 'k'}]->(o)",
        "MATCH (o:Official) REMOVE o.name",
    ],
)
def test_write_clauses_are_refused_without_write(store, corpus, cypher):
    store.load(corpus)
    with pytest.raises(WriteNotAllowedError):
        store.query(cypher)
    assert store.counts() == EXPECTED_COUNTS


def test_a_literal_that_reads_like_a_clause_is_not_a_write(store, corpus):
    store.load(corpus)
    rows = store.query(
        "MATCH (o:Official) WHERE o.name <> 'create; set; delete' "
        "RETURN count(o) AS n // merge in a comment"
    ).rows
    assert rows == [[3]]


def test_write_true_allows_writes(store):
    store.query("CREATE (:Official {key: '乔耸', name: '乔耸'})", write=True)
    assert store.counts()["Official"] == 1


def test_reset_leaves_an_empty_usable_store(store, corpus):
    store.load(corpus)
    store.reset()
    assert not any(store.counts().values())
    store.load(corpus)
    assert store.counts() == EXPECTED_COUNTS
