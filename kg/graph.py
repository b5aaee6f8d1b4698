"""Facts -> graph: the nodes and edges the stores load and the views draw.

One function turns resolved facts into `Node`/`Edge` records with stable keys, so that the
same fact always lands on the same node and edge (MERGE on these keys makes loads
idempotent). `to_networkx` gives the in-memory graph for analytics, views and exports.

Graph model
  nodes  Official{key,name}  Office{key,org,title}  Event{key,kind,name,date,article}
         Location{key,name,kind}  Project{key,name}  Article{key,source,ordinal,headline,...}
  edges  HOLDS_POSITION Official->Office   (one per official+office; first/last_seen, sources)
         ATTENDED       Official->Event    {role}
         INSPECTED      Official->Location|Project   (one per fact: parallel edges per date)
         LOCATED_IN     Location->Location, Project->Location
         ACCOMPANIED    Official->Official {date}
         REPORTED_BY    Event->Article
         MENTIONED_IN   Official|Location|Project->Article
Every edge carries provenance: article, evidence (the sentence), start, end, date_text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from kg.ingest.variants import to_simplified
from kg.model import (
    ACCOMPANIED,
    ARTICLE,
    ATTENDED,
    HOLDS_POSITION,
    INSPECTED,
    LOCATED_IN,
    MENTION,
    Fact,
)


@dataclass(frozen=True)
class Node:
    label: str
    key: str
    props: dict = field(hash=False, compare=False)


@dataclass(frozen=True)
class Edge:
    type: str
    src_label: str
    src: str
    dst_label: str
    dst: str
    key: str
    props: dict = field(hash=False, compare=False)


@dataclass
class GraphData:
    """Nodes and edges keyed by (label, key) and (type, key); later facts merge into earlier."""

    nodes: dict[tuple[str, str], Node] = field(default_factory=dict)
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)

    def add_node(self, label: str, key: str, **props) -> None:
        old = self.nodes.get((label, key))
        merged = {**props, **(old.props if old else {})}  # first writer wins, as ON CREATE
        self.nodes[(label, key)] = Node(label, key, merged)

    def add_edge(self, edge: Edge) -> None:
        old = self.edges.get((edge.type, edge.key))
        if old is not None and edge.type == "HOLDS_POSITION":
            edge = Edge(*_edge_head(edge), _merge_seen(old.props, edge.props))
        elif old is not None:
            return
        self.edges[(edge.type, edge.key)] = edge


def _edge_head(e: Edge) -> tuple:
    return (e.type, e.src_label, e.src, e.dst_label, e.dst, e.key)


def _merge_seen(old: dict, new: dict) -> dict:
    """HOLDS_POSITION seen in several articles: widen first/last_seen, union the sources."""
    dates = [d for d in (old["first_seen"], old["last_seen"], new["first_seen"]) if d]
    sources = old["sources"] + [s for s in new["sources"] if s not in old["sources"]]
    return {**old, "first_seen": min(dates, default=None), "last_seen": max(dates, default=None),
            "sources": sources}


def parse_date(text: str | None) -> dt.date | None:
    """ISO date -> date; `--MM-DD` (year unknown) and None -> None (the text stays in date_text)."""
    if not text or text.startswith("--"):
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def office_key(org: str | None, title: str) -> str:
    return f"{org or ''}|{title}"


def event_key(article: str, kind: str | None, date: str | None) -> str:
    return f"{article}|{kind or '活动'}|{date or ''}"


def _provenance(f: Fact) -> dict:
    return {"article": f.article, "evidence": f.evidence, "start": f.start, "end": f.end,
            "date": parse_date(f.date), "date_text": f.date or ""}


def _place_label(kind: str | None) -> str:
    return "Project" if kind == "project" else "Location"


def build(facts: Iterable[Fact], graph: GraphData | None = None) -> GraphData:
    """Add resolved facts to `graph` (a new one by default) and return it."""
    g = graph if graph is not None else GraphData()
    for f in facts:
        handler = _HANDLERS.get(f.fact)
        if handler:
            handler(g, f)
    return g


def _article(g: GraphData, f: Fact) -> None:
    g.add_node("Article", f.article, source=f.source, ordinal=f.ordinal or 0,
               headline=f.headline or "", date=parse_date(f.date), date_text=f.date or "",
               reporters=list(f.reporters), correspondents=list(f.correspondents),
               text_hash=f.text_hash or "", text=f.text or "")


def _official(g: GraphData, f: Fact, name: str) -> str:
    """Officials are keyed by the simplified form of the name: 喬聳 and 乔耸 are one person,
    shown as first written."""
    key = to_simplified(name)
    g.add_node("Official", key, name=name)
    _mentioned(g, "Official", key, f)
    return key


def _mentioned(g: GraphData, label: str, key: str, f: Fact) -> None:
    g.add_edge(Edge("MENTIONED_IN", label, key, "Article", f.article, f"{label}|{key}|{f.article}",
                    {"article": f.article, "evidence": f.evidence, "start": f.start,
                     "end": f.end, "date": parse_date(f.date), "date_text": f.date or ""}))


def _holds(g: GraphData, f: Fact) -> None:
    who = _official(g, f, f.person)
    office = office_key(f.org, f.title)
    g.add_node("Office", office, org=f.org or "", title=f.title)
    d = parse_date(f.date)
    g.add_edge(Edge("HOLDS_POSITION", "Official", who, "Office", office, f"{who}|{office}",
                    {**_provenance(f), "title": f.title, "first_seen": d, "last_seen": d,
                     "sources": [f.article]}))


def _place(g: GraphData, f: Fact, name: str, kind: str | None) -> tuple[str, str]:
    label = _place_label(kind)
    if label == "Project":
        g.add_node("Project", name, name=name)
    else:
        g.add_node("Location", name, name=name, kind=kind or "location")
    return label, name


def _inspected(g: GraphData, f: Fact) -> None:
    who = _official(g, f, f.person)
    label, place = _place(g, f, f.place, f.place_kind)
    _mentioned(g, label, place, f)
    g.add_edge(Edge("INSPECTED", "Official", who, label, place, f.id,
                    {**_provenance(f), "date_end": parse_date(f.date_end),
                     "event_kind": f.event_kind or ""}))


def _attended(g: GraphData, f: Fact) -> None:
    who = _official(g, f, f.person)
    ev = event_key(f.article, f.event_kind, f.date)
    g.add_node("Event", ev, kind=f.event_kind or "活动", name=f.event_name or f.event_kind or "",
               date=parse_date(f.date), date_text=f.date or "", article=f.article)
    g.add_edge(Edge("REPORTED_BY", "Event", ev, "Article", f.article, ev, _provenance(f)))
    g.add_edge(Edge("ATTENDED", "Official", who, "Event", ev, f"{who}|{ev}",
                    {**_provenance(f), "role": f.role or "attended"}))


def _located(g: GraphData, f: Fact) -> None:
    child_label, child = _place(g, f, f.place, f.place_kind)
    _, parent = _place(g, f, f.parent, "location")
    g.add_edge(Edge("LOCATED_IN", child_label, child, "Location", parent,
                    f"{child_label}|{child}|{parent}", _provenance(f)))


def _accompanied(g: GraphData, f: Fact) -> None:
    who = _official(g, f, f.person)
    leader = _official(g, f, f.leader)
    g.add_edge(Edge("ACCOMPANIED", "Official", who, "Official", leader, f.id, _provenance(f)))


def _mention(g: GraphData, f: Fact) -> None:
    if f.entity in ("Location", "Project"):
        label, key = _place(g, f, f.name, "project" if f.entity == "Project" else "location")
        _mentioned(g, label, key, f)


_HANDLERS = {ARTICLE: _article, HOLDS_POSITION: _holds, INSPECTED: _inspected,
             ATTENDED: _attended, LOCATED_IN: _located, ACCOMPANIED: _accompanied,
             MENTION: _mention}


def node_id(label: str, key: str) -> str:
    """The networkx node id: labels share no key space, so the label prefixes the key."""
    return f"{label}:{key}"


def to_networkx(g: GraphData) -> nx.MultiDiGraph:
    """The in-memory graph: node attrs = props + label + key; edge attrs = props + type."""
    out = nx.MultiDiGraph()
    for n in g.nodes.values():
        out.add_node(node_id(n.label, n.key), label=n.label, key=n.key, **n.props)
    for e in g.edges.values():
        out.add_edge(node_id(e.src_label, e.src), node_id(e.dst_label, e.dst), key=e.key,
                     type=e.type, **e.props)
    return out
