"""A neighbourhood of the graph as one self-contained HTML page (pyvis / vis-network).

`subgraph` picks what to show (an official's, a place's ... ego graph, by edge type and
date); `render` writes the page. The page must open offline and must not run anything an
article says, because node names and evidence sentences are scraped text:

- vis-network and tom-select are inlined (pyvis `in_line`); pyvis's template also links
  Bootstrap from a CDN, which we drop and replace with a few lines of CSS.
- The template is rendered with autoescaping on (pyvis leaves it off, so a node id would
  reach the select menu's `<option>` as raw HTML), and Jinja's `tojson` writes `<`, `>`,
  `&` and `'` as `\\u003c`... so a `</script>` inside a name cannot end the data script.
- Titles stay plain text: vis-network 9.1.2 shows a string title with `innerText`, so
  `<img onerror=...>` displays as written. Escaping it as well would show `&lt;img`. We
  never use pyvis's "tooltip link" mode, which switches to `innerHTML` whenever a title
  contains "href".
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

from kg.analytics import PROVENANCE_TYPES, display_name
from kg.config import KgError
from kg.graph import parse_date

MAX_NODES = 1000
# Up to this many nodes the layout stays live (drag a node, the rest follow). Above it the
# browser would spend many seconds settling (70 ms a step for 2,000 nodes on a small CPU),
# so positions are computed once here and physics is off.
PHYSICS_MAX_NODES = 200
# Relations with no date of their own: a date filter keeps them (an office held, a village
# in a county) so the people and places found by date stay explained.
TIMELESS_TYPES = frozenset({"HOLDS_POSITION", "LOCATED_IN"})

# label -> (colour, vis shape, legend symbol, legend text)
STYLE = {
    "Official": ("#d62728", "dot", "●", "Official 官员"),
    "Office": ("#1f77b4", "square", "■", "Office 职务"),
    "Event": ("#ff7f0e", "diamond", "◆", "Event 活动"),
    "Location": ("#2ca02c", "triangle", "▲", "Location 地点"),
    "Project": ("#9467bd", "star", "★", "Project 项目"),
    "Article": ("#7f7f7f", "hexagon", "⬢", "Article 文章"),
}
_OTHER = ("#bcbd22", "dot", "●", "other")
EDGE_TYPES = ("HOLDS_POSITION", "INSPECTED", "ATTENDED", "LOCATED_IN", "ACCOMPANIED",
              "REPORTED_BY", "MENTIONED_IN")
SEED_LABELS = {"official": ("Official",), "place": ("Location", "Project"),
               "project": ("Project",), "event": ("Event",), "office": ("Office",)}


class ViewError(KgError):
    """The view cannot be made as asked (nothing matches, or the page would not be safe)."""


@dataclass(frozen=True)
class ViewReport:
    """What `render` wrote: shown counts, how many nodes the cap left out, and whether the
    layout stays live (small graphs) or is settled once and frozen (large ones)."""

    path: Path
    nodes: int
    edges: int
    hidden: int
    live: bool


# --- choosing what to show ---------------------------------------------------------------


def find_nodes(g: nx.MultiDiGraph, labels: Iterable[str], text: str) -> list[str]:
    """Nodes of these labels whose key or name is `text`; failing that, contains it
    (`--office 书记` finds every 书记)."""
    pool = [n for n, label in g.nodes(data="label") if label in tuple(labels)]
    exact = [n for n in pool if text in (g.nodes[n].get("key"), display_name(g, n))]
    return exact or sorted(n for n in pool
                           if text in g.nodes[n].get("key", "") or text in display_name(g, n))


def _keep(a: dict, types: set[str], lo: dt.date | None, hi: dt.date | None) -> bool:
    if a.get("type") not in types:
        return False
    if (lo is None and hi is None) or a["type"] in TIMELESS_TYPES:
        return True
    d = a.get("date")
    d = parse_date(d) if isinstance(d, str) else d  # a store may hand dates back as text
    return d is not None and (lo is None or d >= lo) and (hi is None or d <= hi)


def subgraph(g: nx.MultiDiGraph, official: str | None = None, place: str | None = None,
             project: str | None = None, event: str | None = None, office: str | None = None,
             date_from: dt.date | None = None, date_to: dt.date | None = None, hops: int = 1,
             types: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """The part of `g` within `hops` of the named entities, over edges of `types` dated in
    [date_from, date_to] (direction ignored). With no entity named: every node on such an
    edge. By default provenance edges (MENTIONED_IN, REPORTED_BY) are left out: every edge
    names its article in its tooltip already, and as hubs articles would join everything.
    """
    unknown = set(types or ()) - set(EDGE_TYPES)
    if unknown:
        raise ViewError(f"unknown edge type {', '.join(sorted(unknown))}; the types are "
                        + ", ".join(EDGE_TYPES))
    wanted = set(types) if types else set(EDGE_TYPES) - PROVENANCE_TYPES
    kept = [(u, v, k) for u, v, k, a in g.edges(keys=True, data=True)
            if _keep(a, wanted, date_from, date_to)]
    seeds: list[str] = []
    for what, text in zip(SEED_LABELS, (official, place, project, event, office), strict=True):
        if text:
            found = find_nodes(g, SEED_LABELS[what], text)
            if not found:
                raise ViewError(f"no {what} matching {text!r} in the graph")
            seeds += [n for n in found if n not in seeds]
    edges = g.edge_subgraph(kept)
    if seeds:
        reach = nx.Graph()
        reach.add_nodes_from(seeds)
        reach.add_edges_from((u, v) for u, v, _ in kept)
        nodes = set(nx.multi_source_dijkstra_path_length(reach, seeds, cutoff=hops))
    else:
        nodes = set(edges.nodes)
    out = nx.MultiDiGraph(edges.subgraph(nodes))
    out.add_nodes_from((n, g.nodes[n]) for n in nodes)  # seeds with no edge left
    out.graph.update(seeds=seeds, articles=_articles(g, out))
    return out


def _articles(g: nx.MultiDiGraph, shown: nx.MultiDiGraph) -> dict[str, dict]:
    """Headline and source file of every article the shown edges cite, for tooltips."""
    cited = {a for *_, a in shown.edges(data="article") if a}
    return {a: {"headline": g.nodes[f"Article:{a}"].get("headline", ""),
                "source": g.nodes[f"Article:{a}"].get("source", "")}
            for a in cited if f"Article:{a}" in g}


# --- drawing -----------------------------------------------------------------------------


def _cap(g: nx.MultiDiGraph, max_nodes: int) -> list[str]:
    """The named entities first, then the most connected (ties by id, so stable)."""
    seeds = [n for n in g.graph.get("seeds", []) if n in g]
    rest = sorted((n for n in g if n not in set(seeds)), key=lambda n: (-g.degree(n), n))
    return (seeds + rest)[:max_nodes]


def _short(text: str, n: int = 24) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _node_label(g: nx.MultiDiGraph, n: str) -> str:
    a = g.nodes[n]
    if a.get("label") == "Event" and a.get("date_text"):
        return f"{_short(display_name(g, n), 16)} {a['date_text']}"
    return _short(display_name(g, n))


def _node_title(g: nx.MultiDiGraph, n: str) -> str:
    a = g.nodes[n]
    lines = [f"{a.get('label', '')}: {display_name(g, n)}"]
    for k in ("kind", "org", "title", "date_text", "source", "article"):
        if a.get(k) and str(a[k]) not in lines[0]:
            lines.append(f"{k}: {a[k]}")
    if a.get("label") == "Article":
        lines.append(f"id: {a.get('key', '')}")
    return "\n".join(lines)


def edge_label(a: dict) -> str:
    """The words on an edge: `视察 2020-09-10`, a role, an office title."""
    t, date = a.get("type"), a.get("date_text", "")
    if t == "INSPECTED":
        return f"{a.get('event_kind') or '视察'} {date}".strip()
    if t == "ATTENDED":
        return a.get("role", "")
    if t == "HOLDS_POSITION":
        return a.get("title", "")
    if t == "ACCOMPANIED":
        return f"陪同 {date}".strip()
    return {"LOCATED_IN": "位于", "REPORTED_BY": "报道", "MENTIONED_IN": "提及"}.get(t, t or "")


def _edge_title(g: nx.MultiDiGraph, u: str, v: str, a: dict, articles: dict) -> str:
    art = a.get("article", "")
    info = articles.get(art, {})
    source = info.get("source") or art.rsplit("#", 1)[0]
    return "\n".join([f"{a.get('type')}  {edge_label(a)}",
                      f"{display_name(g, u)} → {display_name(g, v)}",
                      f"evidence: {a.get('evidence', '')}",
                      f"article: {info.get('headline') or '(no headline)'} [{art}]",
                      f"source file: {source}"])


def _layout(g: nx.MultiDiGraph, iterations: int = 50, seed: int = 7) -> dict:
    """Positions computed once, seeded (the same graph looks the same every time).

    Fruchterman-Reingold, but each node is repelled by the centres of mass of grid cells
    (Barnes-Hut with one level) rather than by every other node: about a second for 2,000
    nodes with numpy, where networkx's exact layout takes 20 s and its fast one needs scipy.
    """
    import numpy as np  # only large views need it (it comes with onnxruntime)

    nodes = list(g)
    index = {v: i for i, v in enumerate(nodes)}
    n, k = len(nodes), 1 / math.sqrt(len(nodes))
    ends = np.array([(index[u], index[v]) for u, v in g.edges() if u != v],
                    dtype=np.intp).reshape(-1, 2)
    pos = np.random.default_rng(seed).random((n, 2), dtype=np.float32)
    for step in range(iterations):
        disp = _cell_push(np, pos, max(2, int(math.sqrt(n) / 4))) * (k * k)
        pull = pos[ends[:, 0]] - pos[ends[:, 1]]
        pull *= np.sqrt((pull**2).sum(1))[:, None] / k
        np.add.at(disp, ends[:, 0], -pull)
        np.add.at(disp, ends[:, 1], pull)
        disp -= (pos - pos.mean(0)) * 0.05 * n * k  # gravity: components stay in view
        length = np.maximum(np.sqrt((disp**2).sum(1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, 0.1 * (1 - step / iterations))[:, None]
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, pos * 100 / k, strict=True)}


def _cell_push(np, pos, side: int):
    """Repulsion (1/distance) from each occupied cell's centre of mass; a node's own cell
    counts without the node itself, so a crowded cell spreads out."""
    lo, tiny = pos.min(0), 1e-6 / len(pos)
    cell = np.minimum(((pos - lo) / np.maximum(pos.max(0) - lo, 1e-9) * side).astype(np.intp),
                      side - 1)
    cid = cell[:, 0] * side + cell[:, 1]
    own = np.searchsorted(np.flatnonzero(np.bincount(cid, minlength=side * side)), cid)
    mass = np.bincount(own).astype(np.float32)
    centre = np.stack([np.bincount(own, weights=pos[:, d]) for d in (0, 1)], 1) / mass[:, None]
    delta = pos[:, None, :] - centre[None, :, :].astype(np.float32)
    push = mass[None, :, None] * delta / np.maximum((delta**2).sum(-1), tiny)[..., None]
    rest = mass[own] - 1
    away = pos - (centre[own] * mass[own][:, None] - pos) / np.maximum(rest, 1)[:, None]
    mine = (rest > 0)[:, None] * rest[:, None] * away / np.maximum((away**2).sum(1), tiny)[:, None]
    return push.sum(1) - push[np.arange(len(pos)), own] + mine


def _options(live: bool) -> dict:
    """Small graphs keep live physics; large ones are drawn where `_layout` put them, with
    straight edges (a curve costs a physics node per edge), edges hidden while dragging."""
    return {
        "nodes": {"font": {"size": 14}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "color": {"color": "#9a9a9a", "inherit": False},
                  "font": {"size": 11, "align": "horizontal"},
                  "smooth": {"type": "dynamic"} if live else False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not live},
        "physics": {"enabled": live, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -8000, "springLength": 120},
                    "stabilization": {"enabled": live, "iterations": 300}},
        "layout": {"improvedLayout": live, "randomSeed": 7},
    }


def render(g: nx.MultiDiGraph, path: Path, title: str = "kg", max_nodes: int = MAX_NODES
           ) -> ViewReport:
    """Write `g` (at most `max_nodes` of it, most connected first) as one offline page."""
    shown = g.subgraph(_cap(g, max_nodes)).copy()
    live = shown.number_of_nodes() <= PHYSICS_MAX_NODES
    pos = {} if live else _layout(shown)
    seeds = set(g.graph.get("seeds", []))
    articles = g.graph.get("articles") or _articles(g, g)
    net = Network(height="80vh", width="100%", directed=True, select_menu=True,
                  filter_menu=True, cdn_resources="in_line")
    for n, a in shown.nodes(data=True):
        color, shape, _, _ = STYLE.get(a.get("label"), _OTHER)
        xy = {"x": pos[n][0], "y": pos[n][1]} if n in pos else {}
        net.add_node(n, label=_node_label(shown, n), title=_node_title(shown, n), color=color,
                     shape=shape, kind=a.get("label", ""),
                     size=28 if n in seeds else 10 + 3 * math.sqrt(shown.degree(n)), **xy)
    for u, v, k, a in shown.edges(keys=True, data=True):
        net.add_edge(u, v, id=f"{a.get('type')}:{k}", label=_short(edge_label(a), 20),
                     title=_edge_title(shown, u, v, a, articles), type=a.get("type", ""),
                     date=a.get("date_text", ""))
    hidden = g.number_of_nodes() - shown.number_of_nodes()
    page = _page(net, _options(live), live, title, _header(title, shown, hidden))
    Path(path).write_text(page, encoding="utf-8")
    return ViewReport(Path(path), shown.number_of_nodes(), shown.number_of_edges(), hidden, live)


def write_overview(g: nx.MultiDiGraph, path: Path, max_nodes: int = MAX_NODES) -> ViewReport:
    """The whole graph (without provenance edges), capped, most connected first."""
    return render(subgraph(g), path, title="kg overview", max_nodes=max_nodes)


# --- the page ----------------------------------------------------------------------------

# Stand-ins for the Bootstrap classes pyvis's menus use, and tooltips that wrap.
_CSS = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 8px; }
#kg-header h1 { font-size: 20px; margin: 4px 0; }
#kg-legend span.kg-key { margin-right: 14px; white-space: nowrap; }
#kg-legend span.kg-symbol { font-size: 18px; }
#kg-note { color: #8a4b00; margin: 4px 0; }
.card-header .row { display: flex; gap: 6px; }
.col-1 { flex: 1; } .col-2 { flex: 2; } .col-3 { flex: 3; } .col-10 { flex: 10; }
.card-header { padding: 4px 0; } .btn { width: 100%; }
div.vis-tooltip { white-space: pre-wrap !important; max-width: 520px; }
"""
_REMOTE_TAG = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?"
                         r"(?:https?:)?//[^>]*>\s*(?:</script>)?\s*", re.IGNORECASE)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>\s*")
_DEAD_COMMENT = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->\s*", re.DOTALL)


def _header(title: str, shown: nx.MultiDiGraph, hidden: int) -> str:
    labels = sorted({a for _, a in shown.nodes(data="label")}, key=lambda x: (x not in STYLE, x))
    keys = "".join(
        f'<span class="kg-key"><span class="kg-symbol" style="color:{c}">{sym}</span> '
        f"{html.escape(text if label in STYLE else str(label))}</span>"
        for label in labels for c, _, sym, text in [STYLE.get(label, _OTHER)])
    note = (f'<p id="kg-note">{hidden} more not shown (showing the {shown.number_of_nodes()} '
            "most connected)</p>" if hidden else "")
    return (f'<header id="kg-header"><h1>{html.escape(title)}</h1>'
            f'<div id="kg-legend">{keys}</div>{note}</header>\n')


def _page(net: Network, options: dict, live: bool, title: str, header: str) -> str:
    """pyvis's template, autoescaped, with Bootstrap and the empty headings taken out and
    our title, legend and note put in."""
    env = Environment(loader=FileSystemLoader(net.template_dir), autoescape=True)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    page = env.get_template(net.path).render(
        height=net.height, width=net.width, nodes=net.nodes, edges=net.edges, heading="",
        options=json.dumps(options), physics_enabled=live, use_DOT=False, dot_lang="",
        widget=False, bgcolor="#ffffff", conf=False, tooltip_link=False,
        neighborhood_highlight=False, select_menu=True, filter_menu=True, notebook=False,
        cdn_resources="in_line")
    for junk in (_REMOTE_TAG, _EMPTY_HEADING, _DEAD_COMMENT):
        page = junk.sub("", page)
    page = page.replace("<html>", '<!DOCTYPE html>\n<html lang="zh">', 1)
    page = page.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<title>'
                        f"{html.escape(title)}</title>\n<style>{_CSS}</style>", 1)
    page = page.replace("<body>", "<body>\n" + header, 1)
    if not live:  # vis zooms to fit only after a live stabilisation
        page = page.replace("</body>", "<script>network.fit();</script>\n</body>", 1)
    if _REMOTE_TAG.search(page):
        raise ViewError("the page would load a remote script or stylesheet")
    return page
