"""Named-query files, parameter checking, the read-only guard and the dialect substitutions."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.config import KgError
from kg.store.cyphertext import code_only, parameters, segments
from kg.store.dialect import LADYBUG, NEO4J
from kg.store.queries import (
    ParamSpec,
    WriteNotAllowedError,
    bind_params,
    check_read_only,
    list_named,
    load_named,
    prepare,
)
from kg.store.schema import ladybug_ddl, neo4j_constraints


def test_every_named_query_documents_itself_and_its_params():
    for q in list_named():
        assert q.description.startswith(q.name + ":"), q.name
        assert {p.name for p in q.params} == parameters(q.cypher), q.name
        assert "ORDER BY" in q.cypher, q.name
        check_read_only(q.cypher)


def test_param_header_is_parsed_with_types_and_optionality():
    assert load_named("who-visited-where").params == (
        ParamSpec("official", "string", True),
        ParamSpec("place", "string", True),
        ParamSpec("from", "date", True),
        ParamSpec("to", "date", True),
    )


def test_missing_optional_params_become_null_and_dates_are_parsed():
    q = load_named("who-visited-where")
    assert bind_params(q, {"official": "乔耸", "from": "2020-09-10"}) == {
        "official": "乔耸",
        "place": None,
        "from": dt.date(2020, 9, 10),
        "to": None,
    }


def test_an_unknown_param_lists_the_valid_ones():
    with pytest.raises(KgError, match="unknown parameter person; valid: official, place, from, to"):
        bind_params(load_named("who-visited-where"), {"person": "乔耸"})


@pytest.mark.parametrize(
    ("name", "given", "message"),
    [
        ("place-visitors", {}, "parameter place is required"),
        ("who-visited-where", {"from": "2020-9-10"}, "must be a date YYYY-MM-DD"),
        ("co-attendance", {"min_events": "two"}, "must be an integer"),
    ],
)
def test_bad_params_are_refused(name, given, message):
    with pytest.raises(KgError, match=message):
        bind_params(load_named(name), given)


def test_an_unknown_query_name_lists_the_known_ones():
    with pytest.raises(KgError, match="no named query 'visits'; known: article-facts, "):
        load_named("visits")


def test_prepare_takes_a_name_or_raw_cypher():
    cypher, params = prepare("place-visitors", ["place=卢氏县"])
    assert cypher == load_named("place-visitors").cypher
    assert params == {"place": "卢氏县", "from": None, "to": None}
    assert prepare("MATCH (n) RETURN n", ["x=1"]) == ("MATCH (n) RETURN n", {"x": "1"})
    with pytest.raises(KgError, match="must look like key=value"):
        prepare("MATCH (n) RETURN n", ["x"])


@pytest.mark.parametrize(
    "cypher",
    [
        "CREATE (n:Official)",
        "MATCH (n) SET n.x = 1",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n) REMOVE n.x",
        "DROP TABLE Official",
        "COPY Official FROM 'x.csv'",
        "LOAD FROM 'x.csv' RETURN *",
        "MATCH (n) FOREACH (x IN [1] | SET n.y = x)",
        "CALL apoc.periodic.iterate('a', 'b', {})",
        "match (n) merge (n)-[:R]->(n)",
        "MATCH (n) CALL { WITH n CREATE (m) } RETURN n",
    ],
)
def test_write_clauses_are_refused(cypher):
    with pytest.raises(WriteNotAllowedError):
        check_read_only(cypher)


@pytest.mark.parametrize(
    "cypher",
    [
        "MATCH (n:Official) WHERE n.name = 'create table; delete all' RETURN n",
        'MATCH (n) WHERE n.name = "SET \\" MERGE" RETURN n',
        "MATCH (n) RETURN n.`set` AS `delete` // then DROP everything",
        "MATCH (n) /* CREATE */ RETURN n.offset, n.created, $create",
        "CALL show_tables() RETURN *",
        "CALL db.labels()",
    ],
)
def test_reads_are_allowed_even_when_they_mention_write_words(cypher):
    check_read_only(cypher)


def test_lexer_splits_code_literals_and_comments_losslessly():
    text = "MATCH (n) WHERE n.a = 'say \\'create\\'' // merge\nRETURN `we``ird` /* set */"
    assert "".join(piece for _, piece in segments(text)) == text
    assert code_only(text) == "MATCH (n) WHERE n.a =    \nRETURN    "


def test_dialect_placeholders():
    text = "RETURN {{label:n}} AS l, {{type:e}} AS t, '{{label:n}}' AS literal"
    assert LADYBUG.render(text) == "RETURN label(n) AS l, label(e) AS t, '{{label:n}}' AS literal"
    assert NEO4J.render(text) == "RETURN labels(n)[0] AS l, type(e) AS t, '{{label:n}}' AS literal"
    assert LADYBUG.render("MATCH p = {{shortest:a:b:4}}") == "MATCH p = (a)-[* SHORTEST 1..4]-(b)"
    assert NEO4J.render("MATCH p = {{shortest:a:b:4}}") == "MATCH p = shortestPath((a)-[*..4]-(b))"
    with pytest.raises(KgError, match="unknown placeholder"):
        LADYBUG.render("RETURN {{nope:x}}")


def test_ladybug_inlines_null_params_but_not_inside_literals():
    text, params = LADYBUG.bind(
        "WHERE ($p IS NULL OR n.name = $p) AND n.x <> '$p' AND $q", {"p": None, "q": 1}
    )
    assert text == "WHERE (NULL IS NULL OR n.name = NULL) AND n.x <> '$p' AND $q"
    assert params == {"q": 1}
    assert NEO4J.bind("RETURN $p", {"p": None}) == ("RETURN $p", {"p": None})


def test_shortest_path_placeholder_runs_on_ladybug(store, corpus):
    store.load(corpus)
    rows = store.query(
        "MATCH (a:Official) WHERE a.name = $a MATCH (b:Location) WHERE b.name = $b "
        "MATCH p = {{shortest:a:b:6}} RETURN length(p) AS hops",
        {"a": "乔耸", "b": "卢氏县"},
    ).rows
    assert rows == [[2]]


def test_ddl_comes_from_the_registry():
    ddl = ladybug_ddl()
    assert (
        "CREATE REL TABLE IF NOT EXISTS INSPECTED(FROM Official TO Location, "
        "FROM Official TO Project, `key` STRING"
    ) in ddl[8]
    assert all(s.startswith("CREATE NODE TABLE IF NOT EXISTS") for s in ddl[:6])
    assert neo4j_constraints()[0] == (
        "CREATE CONSTRAINT official_key IF NOT EXISTS FOR (n:Official) REQUIRE n.key IS UNIQUE"
    )
