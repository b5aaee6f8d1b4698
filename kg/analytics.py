"""Who is most active, where they go, who appears together: plain functions over the graph.

Every function takes the `kg.graph.to_networkx` MultiDiGraph and returns plain lists and
dicts (names, not node objects), so `stats` can be printed as a table or dumped as JSON.

Structural measures (centrality, components) run on the *entity graph*: the same nodes
without articles. Every official, place and event is linked to the article that mentions
it, so with articles included the most "central" nodes would simply be the longest
articles, and one article would glue everything it mentions into one component.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import networkx as nx

# Edges that point at the Article a thing came from: provenance, not a relation.
PROVENANCE_TYPES = frozenset({"MENTIONED_IN", "REPORTED_BY"})
PLACE_LABELS = ("Location", "Project")
# Exact betweenness is O(nodes * edges); above this many nodes it is estimated from a
# fixed random sample of sources (seeded, so the same graph gives the same figures).
EXACT_BETWEENNESS_MAX = 1000


def display_name(g: nx.MultiDiGraph, node: str) -> str:
    """What a person reads for a node: its name, an office as `org title`, an article's
    headline; the key when nothing better is known."""
    a = g.nodes[node]
    label = a.get("label")
    if label == "Office":
        return " ".join(p for p in (a.get("org"), a.get("title")) if p) or a.get("key", node)
    if label == "Article":
        return a.get("headline") or a.get("key", node)
    return a.get("name") or a.get("key", node)


def _nodes(g: nx.MultiDiGraph, *labels: str) -> list[str]:
    return [n for n, label in g.nodes(data="label") if label in labels]


def _edges(g: nx.MultiDiGraph, edge_type: str):
    return ((u, v, a) for u, v, a in g.edges(data=True) if a.get("type") == edge_type)


def counts_by_label(g: nx.MultiDiGraph) -> dict[str, int]:
    """Nodes per label, largest first."""
    return dict(Counter(label for _, label in g.nodes(data="label")).most_common())


def counts_by_type(g: nx.MultiDiGraph) -> dict[str, int]:
    """Edges per relationship type, largest first."""
    return dict(Counter(t for _, _, t in g.edges(data="type")).most_common())


def most_active_officials(g: nx.MultiDiGraph, top: int = 10) -> list[dict]:
    """Officials by inspection visits plus events attended (ties by name).

    `visits` counts INSPECTED edges (one per place and date), `places` the distinct places,
    `events` the distinct events attended."""
    rows = []
    for n in _nodes(g, "Official"):
        out = [(v, a["type"]) for _, v, a in g.out_edges(n, data=True)]
        visits = sum(1 for _, t in out if t == "INSPECTED")
        places = len({v for v, t in out if t == "INSPECTED"})
        events = len({v for v, t in out if t == "ATTENDED"})
        if visits or events:
            rows.append({"name": display_name(g, n), "visits": visits, "places": places,
                         "events": events, "total": visits + events})
    rows.sort(key=lambda r: (-r["total"], r["name"]))
    return rows[:top]


def most_visited_places(g: nx.MultiDiGraph, top: int = 10) -> list[dict]:
    """Locations and projects by inspection visits, with how many distinct officials came."""
    rows = []
    for n in _nodes(g, *PLACE_LABELS):
        visitors = [u for u, _, a in g.in_edges(n, data=True) if a["type"] == "INSPECTED"]
        if visitors:
            rows.append({"name": display_name(g, n), "label": g.nodes[n]["label"],
                         "visits": len(visitors), "visitors": len(set(visitors))})
    rows.sort(key=lambda r: (-r["visits"], r["name"]))
    return rows[:top]


def co_attendance(g: nx.MultiDiGraph, top: int | None = None) -> list[dict]:
    """Pairs of officials seen at the same Event, with the number of shared events.

    Pairs are unordered and listed once, names in sorted order; most shared first."""
    attendees: dict[str, set[str]] = {}
    for u, v, _ in _edges(g, "ATTENDED"):
        attendees.setdefault(v, set()).add(display_name(g, u))
    pairs: Counter[tuple[str, str]] = Counter()
    for names in attendees.values():
        pairs.update(combinations(sorted(names), 2))
    rows = [{"a": a, "b": b, "events": n} for (a, b), n in pairs.items()]
    rows.sort(key=lambda r: (-r["events"], r["a"], r["b"]))
    return rows if top is None else rows[:top]


def entity_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """A simple undirected graph of the entities (no articles, no provenance edges)."""
    out = nx.Graph()
    out.add_nodes_from((n, a) for n, a in g.nodes(data=True) if a.get("label") != "Article")
    out.add_edges_from(
        (u, v) for u, v, t in g.edges(data="type")
        if t not in PROVENANCE_TYPES and u in out and v in out and u != v
    )
    return out


def _ranked(g: nx.MultiDiGraph, scores: dict[str, float], top: int) -> list[dict]:
    best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return [{"name": display_name(g, n), "label": g.nodes[n]["label"], "score": round(s, 6)}
            for n, s in best]


def degree_top(g: nx.MultiDiGraph, top: int = 10) -> list[dict]:
    """Entities by degree centrality in the entity graph."""
    return _ranked(g, nx.degree_centrality(entity_graph(g)), top)


def betweenness_top(g: nx.MultiDiGraph, top: int = 10) -> list[dict]:
    """Entities by betweenness centrality in the entity graph: who bridges otherwise
    separate groups (sampled above EXACT_BETWEENNESS_MAX nodes)."""
    eg = entity_graph(g)
    k = None if eg.number_of_nodes() <= EXACT_BETWEENNESS_MAX else EXACT_BETWEENNESS_MAX
    return _ranked(g, nx.betweenness_centrality(eg, k=k, seed=0), top)


def components(g: nx.MultiDiGraph, top: int = 10) -> dict:
    """Connected components of the entity graph: how many, and the largest sizes."""
    sizes = sorted((len(c) for c in nx.connected_components(entity_graph(g))), reverse=True)
    return {"count": len(sizes), "largest": sizes[:top],
            "isolated": sum(1 for s in sizes if s == 1)}


def stats(g: nx.MultiDiGraph, top: int = 10) -> dict:
    """Everything above in one JSON-serialisable dict (what `kg stats` prints)."""
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "labels": counts_by_label(g),
        "types": counts_by_type(g),
        "officials": most_active_officials(g, top),
        "places": most_visited_places(g, top),
        "co_attendance": co_attendance(g, top),
        "degree": degree_top(g, top),
        "betweenness": betweenness_top(g, top),
        "components": components(g, top),
    }
