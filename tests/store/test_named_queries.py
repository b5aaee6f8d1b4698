"""Every named query, with exact rows on the sample corpus, on every backend; and the same
rows from LadybugDB and Neo4j when both are available."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from store_backends import open_backend
from store_corpus import (
    A1,
    A1_ESCORT,
    A1_LEAD,
    A1_MEETING,
    A1_VISIT,
    A2,
    A2_LIU_VISIT,
    A2_MEETING,
    A2_VISIT,
    A3,
    A3_LIU_VISIT,
    A3_MEETING,
)

from kg.store.queries import bind_params, list_named, load_named

D0910, D1105, D1106, D1201 = (
    dt.date(2020, 9, 10),
    dt.date(2020, 11, 5),
    dt.date(2020, 11, 6),
    dt.date(2020, 12, 1),
)
EVENT1 = f"{A1}|座谈会|2020-09-10"

# The params each query runs with in the cross-backend comparison.
REQUIRED = {
    "official-timeline": {"official": "乔耸"},
    "place-visitors": {"place": "卢氏县"},
    "article-facts": {"article": A1},
}


def run(store, name: str, **params) -> list[list]:
    query = load_named(name)
    return store.query(query.cypher, bind_params(query, params)).rows


def test_every_named_query_is_covered():
    assert {q.name for q in list_named()} == {
        "who-visited-where",
        "official-timeline",
        "place-visitors",
        "co-attendance",
        "office-holders",
        "project-visits",
        "event-participants",
        "article-facts",
    }


def test_who_visited_where(store, corpus):
    store.load(corpus)
    assert run(store, "who-visited-where") == [
        ["刘文峰", "须水街道", "Location", None, "--12-01", "调研", A3_LIU_VISIT, A3],
        ["乔耸", "卢氏县朱阳关镇", "Location", D0910, "2020-09-10", "考察", A1_VISIT, A1],
        ["乔耸", "杜店村香菇产业园", "Project", D0910, "2020-09-10", "考察", A1_VISIT, A1],
        ["乔耸", "卢氏县朱阳关镇", "Location", D1106, "2020-11-06", "调研", A2_VISIT, A2],
        ["刘文峰", "卢氏县", "Location", D1106, "2020-11-06", "走访慰问", A2_LIU_VISIT, A2],
    ]


def test_who_visited_where_filters_by_official_and_dates(store, corpus):
    store.load(corpus)
    rows = run(store, "who-visited-where", official="乔耸", **{"from": "2020-10-01"})
    assert rows == [
        ["乔耸", "卢氏县朱阳关镇", "Location", D1106, "2020-11-06", "调研", A2_VISIT, A2]
    ]
    rows = run(store, "who-visited-where", place="卢氏县朱阳关镇", to="2020-09-30")
    assert [r[:4] for r in rows] == [["乔耸", "卢氏县朱阳关镇", "Location", D0910]]


def test_official_timeline(store, corpus):
    store.load(corpus)
    assert run(store, "official-timeline", official="乔耸") == [
        [D0910, "2020-09-10", "ATTENDED", "扶贫协作座谈会", "Event", A1_MEETING, A1],
        [D0910, "2020-09-10", "HOLDS_POSITION", "中原区委书记", "Office", A1_LEAD, A1],
        [D0910, "2020-09-10", "INSPECTED", "卢氏县朱阳关镇", "Location", A1_VISIT, A1],
        [D0910, "2020-09-10", "INSPECTED", "杜店村香菇产业园", "Project", A1_VISIT, A1],
        [D1105, "2020-11-05", "ATTENDED", "脱贫攻坚工作推进会", "Event", A2_MEETING, A2],
        [D1106, "2020-11-06", "INSPECTED", "卢氏县朱阳关镇", "Location", A2_VISIT, A2],
        [D1201, "2020-12-01", "ATTENDED", "乡村振兴观摩会", "Event", A3_MEETING, A3],
    ]
    assert run(store, "official-timeline", official="王东亮")[0][2:5] == [
        "ACCOMPANIED",
        "乔耸",
        "Official",
    ]


def test_place_visitors_include_places_located_in_it(store, corpus):
    store.load(corpus)
    assert run(store, "place-visitors", place="卢氏县") == [
        ["乔耸", "卢氏县朱阳关镇", "Location", D0910, "2020-09-10", A1_VISIT, A1],
        ["乔耸", "杜店村香菇产业园", "Project", D0910, "2020-09-10", A1_VISIT, A1],  # 2 levels
        ["乔耸", "卢氏县朱阳关镇", "Location", D1106, "2020-11-06", A2_VISIT, A2],
        ["刘文峰", "卢氏县", "Location", D1106, "2020-11-06", A2_LIU_VISIT, A2],
    ]
    assert run(store, "place-visitors", place="卢氏县", to="2020-10-01") == [
        ["乔耸", "卢氏县朱阳关镇", "Location", D0910, "2020-09-10", A1_VISIT, A1],
        ["乔耸", "杜店村香菇产业园", "Project", D0910, "2020-09-10", A1_VISIT, A1],
    ]


def test_co_attendance(store, corpus):
    store.load(corpus)
    assert run(store, "co-attendance") == [
        ["乔耸", "刘文峰", 2, "2020-11-05", "2020-12-01", "脱贫攻坚工作推进会", A2_MEETING, A2],
        ["乔耸", "王东亮", 1, "2020-09-10", "2020-09-10", "扶贫协作座谈会", A1_MEETING, A1],
    ]
    assert [r[:3] for r in run(store, "co-attendance", min_events="2")] == [["乔耸", "刘文峰", 2]]
    assert [r[:3] for r in run(store, "co-attendance", official="王东亮")] == [
        ["乔耸", "王东亮", 1]
    ]


def test_office_holders(store, corpus):
    store.load(corpus)
    assert run(store, "office-holders") == [
        ["中原区人民政府", "区长", "刘文峰", D1105, D1105, 1, A2_MEETING, A2],
        ["中原区委", "书记", "乔耸", D0910, D1201, 3, A1_LEAD, A1],
        ["卢氏县委", "书记", "王东亮", D0910, D0910, 1, A1_ESCORT, A1],
    ]
    assert [r[2] for r in run(store, "office-holders", title="书记")] == ["乔耸", "王东亮"]


def test_project_visits(store, corpus):
    store.load(corpus)
    assert run(store, "project-visits") == [
        ["杜店村香菇产业园", "卢氏县朱阳关镇", "乔耸", D0910, "2020-09-10", A1_VISIT, A1]
    ]
    assert run(store, "project-visits", official="刘文峰") == []


def test_event_participants(store, corpus):
    store.load(corpus)
    assert run(store, "event-participants") == [
        ["扶贫协作座谈会", "座谈会", D0910, "2020-09-10", "乔耸", "presided", A1_MEETING, A1],
        ["扶贫协作座谈会", "座谈会", D0910, "2020-09-10", "王东亮", "spoke", A1_MEETING, A1],
        ["脱贫攻坚工作推进会", "推进会", D1105, "2020-11-05", "刘文峰", "presided", A2_MEETING, A2],
        ["脱贫攻坚工作推进会", "推进会", D1105, "2020-11-05", "乔耸", "spoke", A2_MEETING, A2],
        ["乡村振兴观摩会", "观摩会", D1201, "2020-12-01", "乔耸", "attended", A3_MEETING, A3],
        ["乡村振兴观摩会", "观摩会", D1201, "2020-12-01", "刘文峰", "attended", A3_MEETING, A3],
    ]
    assert [r[4] for r in run(store, "event-participants", kind="座谈会")] == ["乔耸", "王东亮"]


def test_article_facts(store, corpus):
    store.load(corpus)
    lead, escort, visit, meeting = (0, 36), (36, 50), (50, 86), (86, 122)
    expected = [
        ["HOLDS_POSITION", "乔耸", "Official", "中原区委|书记", "Office", A1_LEAD, lead],
        ["MENTIONED_IN", "乔耸", "Official", A1, "Article", A1_LEAD, lead],
        ["ACCOMPANIED", "王东亮", "Official", "乔耸", "Official", A1_ESCORT, escort],
        ["HOLDS_POSITION", "王东亮", "Official", "卢氏县委|书记", "Office", A1_ESCORT, escort],
        ["MENTIONED_IN", "王东亮", "Official", A1, "Article", A1_ESCORT, escort],
        ["INSPECTED", "乔耸", "Official", "卢氏县朱阳关镇", "Location", A1_VISIT, visit],
        ["INSPECTED", "乔耸", "Official", "杜店村香菇产业园", "Project", A1_VISIT, visit],
        ["LOCATED_IN", "卢氏县朱阳关镇", "Location", "卢氏县", "Location", A1_VISIT, visit],
        [
            "LOCATED_IN",
            "杜店村香菇产业园",
            "Project",
            "卢氏县朱阳关镇",
            "Location",
            A1_VISIT,
            visit,
        ],
        ["MENTIONED_IN", "卢氏县朱阳关镇", "Location", A1, "Article", A1_VISIT, visit],
        ["MENTIONED_IN", "杜店村香菇产业园", "Project", A1, "Article", A1_VISIT, visit],
        ["ATTENDED", "乔耸", "Official", EVENT1, "Event", A1_MEETING, meeting],
        ["ATTENDED", "王东亮", "Official", EVENT1, "Event", A1_MEETING, meeting],
        ["REPORTED_BY", EVENT1, "Event", A1, "Article", A1_MEETING, meeting],
    ]
    rows = run(store, "article-facts", article=A1)
    assert [[*r[:5], r[6], (r[7], r[8])] for r in rows] == expected
    assert {r[9] for r in rows} == {A1}


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI not set")
def test_both_backends_return_the_same_rows(tmp_path, corpus):
    stores = [open_backend("ladybug", tmp_path), open_backend("neo4j", tmp_path)]
    try:
        for s in stores:
            s.load(corpus)
        for query in list_named():
            params = bind_params(query, REQUIRED.get(query.name, {}))
            lady, neo = (s.query(query.cypher, params) for s in stores)
            assert (lady.columns, lady.rows) == (neo.columns, neo.rows), query.name
    finally:
        for s in stores:
            s.close()
