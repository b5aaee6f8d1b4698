"""The view tests' graph: two 中原区 articles, and officials with hostile names."""

import datetime as dt

import networkx as nx

from kg.model import Fact

SRC = "000_6b2d6b708e9b3ab5.txt"
A1, A2 = f"{SRC}#1", f"{SRC}#2"
EVIDENCE = "9月10日，区委书记乔耸到卢氏县朱阳关镇调研指导脱贫攻坚工作。"
MEETING = "9月15日，乔耸主持召开区委常委会会议，区委副书记王伟参加。"
HOSTILE = "<script>window.__pwned=1</script>"
HOSTILE_IMG = "<img src=x onerror=window.__pwned=1>"
HOSTILE_SENTENCE = f"9月16日，{HOSTILE_IMG}到朱阳关镇\"检查\"'工作'。"
HEADLINE = "乔耸到卢氏县朱阳关镇调研"


def _f(kind: str, article: str, evidence: str, **kw) -> Fact:
    return Fact(kind, SRC, article, evidence=evidence, start=0, end=len(evidence), **kw)


def view_facts() -> list[Fact]:
    return [
        Fact("ARTICLE", SRC, A1, headline=HEADLINE, date="2020-09-10", ordinal=1),
        Fact("ARTICLE", SRC, A2, headline=f"区委常委会召开{HOSTILE}", date="2020-09-15", ordinal=2),
        _f(
            "HOLDS_POSITION",
            A1,
            EVIDENCE,
            person="乔耸",
            org="中原区委",
            title="书记",
            date="2020-09-10",
        ),
        _f("INSPECTED", A1, EVIDENCE, person="乔耸", place="卢氏县朱阳关镇", date="2020-09-10"),
        _f("LOCATED_IN", A1, EVIDENCE, place="卢氏县朱阳关镇", parent="卢氏县"),
        _f(
            "ATTENDED",
            A2,
            MEETING,
            person="乔耸",
            role="presided",
            event_kind="会议",
            event_name="区委常委会会议",
            date="2020-09-15",
        ),
        _f(
            "ATTENDED",
            A2,
            MEETING,
            person="王伟",
            role="attended",
            event_kind="会议",
            event_name="区委常委会会议",
            date="2020-09-15",
        ),
        _f(
            "HOLDS_POSITION",
            A2,
            MEETING,
            person="王伟",
            org="中原区委",
            title="副书记",
            date="2020-09-15",
        ),
        _f(
            "ATTENDED",
            A2,
            MEETING,
            person=HOSTILE,
            role="attended",
            event_kind="会议",
            event_name="区委常委会会议",
            date="2020-09-15",
        ),
        _f(
            "INSPECTED",
            A2,
            HOSTILE_SENTENCE,
            person=HOSTILE_IMG,
            place="卢氏县朱阳关镇",
            date="2020-09-16",
        ),
    ]


def star_graph(officials: int, places: int) -> nx.MultiDiGraph:
    """Officials each visiting one of a few places: a graph of any size, quickly."""
    g = nx.MultiDiGraph()
    for i in range(officials):
        p = f"Location:p{i % places}"
        g.add_node(f"Official:o{i}", label="Official", key=f"o{i}", name=f"官员{i}")
        g.add_node(p, label="Location", key=f"p{i % places}", name=f"地点{i % places}")
        g.add_edge(
            f"Official:o{i}",
            p,
            key=str(i),
            type="INSPECTED",
            date_text="2020-09-10",
            date=dt.date(2020, 9, 10),
            evidence="调研。",
            article="a.txt#1",
        )
    return g
