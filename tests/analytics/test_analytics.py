"""Exact figures for a small graph whose answers can be counted by hand (see conftest)."""

import json

from kg import analytics


def test_counts_by_label(graph):
    assert analytics.counts_by_label(graph) == {
        "Official": 3, "Location": 3, "Article": 2, "Event": 2, "Office": 1, "Project": 1}


def test_counts_by_type(graph):
    counts = analytics.counts_by_type(graph)
    assert counts["ATTENDED"] == 5
    assert counts["INSPECTED"] == 4
    assert counts["HOLDS_POSITION"] == 1
    assert counts["LOCATED_IN"] == 1
    assert counts["REPORTED_BY"] == 2


def test_most_active_officials_counts_visits_places_and_events(graph):
    assert analytics.most_active_officials(graph) == [
        {"name": "乔耸", "visits": 3, "places": 2, "events": 2, "total": 5},
        {"name": "张三", "visits": 1, "places": 1, "events": 2, "total": 3},
        {"name": "李四", "visits": 0, "places": 0, "events": 1, "total": 1},
    ]


def test_most_active_officials_respects_top(graph):
    assert [r["name"] for r in analytics.most_active_officials(graph, top=1)] == ["乔耸"]


def test_most_visited_places_counts_visits_and_distinct_visitors(graph):
    assert analytics.most_visited_places(graph) == [
        {"name": "朱阳关镇", "label": "Location", "visits": 3, "visitors": 2},
        {"name": "沿黄生态廊道", "label": "Project", "visits": 1, "visitors": 1},
    ]


def test_co_attendance_pairs_officials_at_the_same_event(graph):
    assert analytics.co_attendance(graph) == [
        {"a": "乔耸", "b": "张三", "events": 2},
        {"a": "乔耸", "b": "李四", "events": 1},
        {"a": "张三", "b": "李四", "events": 1},
    ]


def test_entity_graph_leaves_out_articles(graph):
    eg = analytics.entity_graph(graph)
    assert eg.number_of_nodes() == 10
    assert eg.number_of_edges() == 10
    assert not any(n.startswith("Article:") for n in eg)


def test_degree_top(graph):
    # 乔耸 touches 5 of the 9 other entities; the meeting of 9-10 and 张三 touch 3 each.
    assert analytics.degree_top(graph, top=3) == [
        {"name": "乔耸", "label": "Official", "score": round(5 / 9, 6)},
        {"name": "会议", "label": "Event", "score": round(3 / 9, 6)},
        {"name": "张三", "label": "Official", "score": round(3 / 9, 6)},
    ]


def test_betweenness_top(graph):
    # 乔耸 is the only way to his office and to the project (6 + 5 pairs) and one of two
    # shortest ways for five more pairs: 13.5, normalised by (n-1)(n-2)/2 = 36.
    top = analytics.betweenness_top(graph, top=1)
    assert top == [{"name": "乔耸", "label": "Official", "score": 0.375}]


def test_components_of_the_entity_graph(graph):
    assert analytics.components(graph) == {"count": 2, "largest": [8, 2], "isolated": 0}


def test_stats_is_json_serialisable_and_complete(graph):
    s = analytics.stats(graph, top=2)
    assert json.loads(json.dumps(s, ensure_ascii=False)) == s
    assert s["nodes"] == 12 and s["edges"] == graph.number_of_edges()
    assert len(s["officials"]) == 2 and len(s["co_attendance"]) == 2
    assert set(s) == {"nodes", "edges", "labels", "types", "officials", "places",
                      "co_attendance", "degree", "betweenness", "components"}
