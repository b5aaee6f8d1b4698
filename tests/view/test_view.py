"""Choosing a neighbourhood and writing the page, checked on the HTML source."""

import datetime as dt
import re

import pytest
from view_data import EVIDENCE, HOSTILE, HOSTILE_IMG, star_graph

from kg.view import ViewError, edge_label, render, subgraph, write_overview

QIAO = "Official:乔耸"
TOWN = "Location:卢氏县朱阳关镇"
MEETING_EVENT = "Event:000_6b2d6b708e9b3ab5.txt#2|会议|2020-09-15"
REMOTE = re.compile(r"<(script|link|img|iframe)\b[^>]*(src|href)\s*=\s*[\"']?(https?:)?//", re.I)


def test_official_neighbourhood_one_hop(graph):
    s = subgraph(graph, official="乔耸")
    assert set(s) == {QIAO, "Office:中原区委|书记", TOWN, MEETING_EVENT}
    assert s.graph["seeds"] == [QIAO]


def test_two_hops_reach_colleagues_and_the_county(graph):
    s = subgraph(graph, official="乔耸", hops=2)
    assert {
        "Official:王伟",
        "Location:卢氏县",
        f"Official:{HOSTILE}",
        f"Official:{HOSTILE_IMG}",
    } <= set(s)


def test_types_filter_keeps_only_those_edges(graph):
    s = subgraph(graph, official="乔耸", types=["INSPECTED"])
    assert set(s) == {QIAO, TOWN}
    assert {t for *_, t in s.edges(data="type")} == {"INSPECTED"}


def test_date_range_drops_dated_edges_outside_but_keeps_offices(graph):
    s = subgraph(
        graph, official="乔耸", date_from=dt.date(2020, 9, 14), date_to=dt.date(2020, 9, 30)
    )
    assert set(s) == {QIAO, "Office:中原区委|书记", MEETING_EVENT}


def test_place_and_office_lookup(graph):
    assert subgraph(graph, place="卢氏县朱阳关镇").graph["seeds"] == [TOWN]
    offices = subgraph(graph, office="书记").graph["seeds"]  # no exact match: substring
    assert offices == ["Office:中原区委|书记", "Office:中原区委|副书记"]
    assert subgraph(graph, office="中原区委 副书记").graph["seeds"] == ["Office:中原区委|副书记"]


def test_unknown_name_is_a_clear_error(graph):
    with pytest.raises(ViewError, match="no official matching '张三'"):
        subgraph(graph, official="张三")


def test_provenance_edges_are_left_out_by_default(graph):
    assert not any(n.startswith("Article:") for n in subgraph(graph))
    with_articles = subgraph(graph, official="乔耸", types=["MENTIONED_IN"])
    assert set(with_articles) == {
        QIAO,
        "Article:000_6b2d6b708e9b3ab5.txt#1",
        "Article:000_6b2d6b708e9b3ab5.txt#2",
    }


def test_edge_labels():
    assert edge_label({"type": "INSPECTED", "date_text": "2020-09-10"}) == "视察 2020-09-10"
    assert edge_label({"type": "ATTENDED", "role": "presided"}) == "presided"
    assert edge_label({"type": "HOLDS_POSITION", "title": "书记"}) == "书记"


def test_page_is_self_contained_and_escaped(graph, tmp_path):
    report = render(
        subgraph(graph, official="乔耸", hops=2), tmp_path / "v.html", title=f"乔耸 {HOSTILE}"
    )
    page = report.path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert not REMOTE.search(page)
    assert "vis.Network(" in page and "new TomSelect(" in page  # inlined, menus on
    assert 'id="kg-legend"' in page and "Official 官员" in page
    assert HOSTILE not in page and HOSTILE_IMG not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page  # heading and menu
    assert EVIDENCE in page
    assert report.live is True and report.hidden == 0


def test_cap_keeps_the_named_entity_then_the_most_connected(graph, tmp_path):
    s = subgraph(graph, official="乔耸", hops=2)
    report = render(s, tmp_path / "v.html", max_nodes=3)
    assert (report.nodes, report.hidden) == (3, s.number_of_nodes() - 3)
    page = report.path.read_text(encoding="utf-8")
    assert f"{report.hidden} more not shown" in page
    assert '"id": "Official:乔耸"' in page and '"id": "Location:卢氏县朱阳关镇"' in page


def test_large_view_is_laid_out_once_with_physics_off(tmp_path):
    report = render(star_graph(300, 40), tmp_path / "big.html")
    page = report.path.read_text(encoding="utf-8")
    assert report.live is False and report.nodes == 340
    assert '"x": ' in page and '"physics": {"enabled": false' in page
    assert "network.fit();" in page


def test_layout_is_the_same_every_time(tmp_path):
    first = render(star_graph(300, 40), tmp_path / "a.html").path.read_text(encoding="utf-8")
    again = render(star_graph(300, 40), tmp_path / "b.html").path.read_text(encoding="utf-8")
    assert first == again


def test_overview_is_the_whole_graph_without_articles(graph, tmp_path):
    report = write_overview(graph, tmp_path / "overview.html")
    assert report.nodes == 9 and report.hidden == 0


def test_unknown_edge_type_is_a_clear_error(graph):
    with pytest.raises(ViewError, match="unknown edge type VISITED"):
        subgraph(graph, official="乔耸", types=["VISITED"])


def test_dates_given_back_as_text_still_filter(graph):
    for *_, a in graph.edges(data=True):
        a["date"] = a["date"].isoformat() if a.get("date") else None
    s = subgraph(graph, official="乔耸", date_from=dt.date(2020, 9, 14))
    assert set(s) == {QIAO, "Office:中原区委|书记", MEETING_EVENT}
