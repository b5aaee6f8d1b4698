"""The graph in other tools' formats: GraphML, node-link JSON, neo4j-admin CSV, facts JSONL.

All writers take the `kg.graph.to_networkx` MultiDiGraph (facts JSONL takes `Fact`s) and
keep Chinese text as UTF-8, never `\\uXXXX` escapes, so the files stay readable.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

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

ARRAY_DELIMITER = ";"  # neo4j-admin's default; no name or article id we store contains it


# --- GraphML -----------------------------------------------------------------------------


def _graphml_value(value: object) -> str | int | float | bool:
    """GraphML holds only scalars: dates as ISO text, lists as JSON arrays, None as ''."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value if isinstance(value, str | int | float | bool) else str(value)


def _uniform(rows: list[dict]) -> None:
    """GraphML declares one type per attribute name: where values disagree (an int on one
    node, '' on another), the whole attribute becomes text."""
    types: dict[str, set[type]] = {}
    for attrs in rows:
        for k, v in attrs.items():
            types.setdefault(k, set()).add(type(v))
    mixed = {k for k, t in types.items() if len(t) > 1}
    for attrs in rows:
        for k in mixed & attrs.keys():
            attrs[k] = str(attrs[k])


def write_graphml(g: nx.MultiDiGraph, path: Path) -> Path:
    """GraphML for Gephi, yEd, Cytoscape; read back with `nx.read_graphml(path,
    edge_key_type=str, force_multigraph=True)`."""
    out = nx.MultiDiGraph()
    nodes = [(n, {k: _graphml_value(v) for k, v in a.items()}) for n, a in g.nodes(data=True)]
    edges = [(u, v, k, {x: _graphml_value(y) for x, y in a.items()})
             for u, v, k, a in g.edges(keys=True, data=True)]
    _uniform([a for _, a in nodes])
    _uniform([a for *_, a in edges])
    out.add_nodes_from(nodes)
    out.add_edges_from(edges)
    nx.write_graphml(out, path, encoding="utf-8")
    return Path(path)


# --- JSON --------------------------------------------------------------------------------


def _json_default(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, set | tuple):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def write_json(g: nx.MultiDiGraph, path: Path) -> Path:
    """Node-link JSON (`nodes`, `edges`; dates as ISO text); read back with
    `nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")`."""
    data = nx.node_link_data(g, edges="edges")
    Path(path).write_text(json.dumps(data, ensure_ascii=False, default=_json_default, indent=1),
                          encoding="utf-8")
    return Path(path)


# --- neo4j-admin CSV ---------------------------------------------------------------------


@dataclass(frozen=True)
class Neo4jImport:
    """The CSV files written for `neo4j-admin database import full`, and the command."""

    nodes: list[Path]
    relationships: list[Path]
    command: str


def _neo4j_type(value: object) -> str:
    """The header type suffix of a property (no suffix means string)."""
    if isinstance(value, bool):
        return ":boolean"
    if isinstance(value, int):
        return ":long"
    if isinstance(value, float):
        return ":double"
    if isinstance(value, dt.date):
        return ":date"
    if isinstance(value, list | tuple):
        return ":string[]"
    return ""


def _neo4j_cell(value: object) -> str:
    if value is None:
        return ""  # an empty field is no property at all
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ARRAY_DELIMITER.join(str(v) for v in value)
    return str(value)


def _columns(rows: list[dict], skip: set[str]) -> list[tuple[str, str]]:
    """(property, header) pairs in first-seen order, `name` first; a property whose values
    disagree in type is written as a string."""
    suffix: dict[str, str] = {}
    for attrs in rows:
        for k, v in attrs.items():
            if k in skip or v is None:
                continue
            t = _neo4j_type(v)
            suffix[k] = t if suffix.get(k, t) == t else ""
    names = sorted(suffix, key=lambda k: k != "name")  # stable: keeps first-seen order
    return [(k, f"{k}{suffix[k]}") for k in names]


def _write_csv(path: Path, header: list[str], rows: Iterable[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def write_neo4j_csv(g: nx.MultiDiGraph, out_dir: Path, database: str = "neo4j") -> Neo4jImport:
    """One nodes file per label and one relationships file per (type, start label, end label).

    Each label is its own ID space (`key:ID(Official)`), so a place and a project may share
    a key; a relationship file names the spaces of its ends, which is why INSPECTED is
    split into Official->Location and Official->Project files."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    by_label: dict[str, list[dict]] = {}
    for _, a in g.nodes(data=True):
        by_label.setdefault(a["label"], []).append(a)
    node_files = []
    for label, rows in sorted(by_label.items()):
        cols = _columns(rows, {"label", "key"})
        path = out_dir / f"nodes_{label}.csv"
        _write_csv(path, [f"key:ID({label})", *(h for _, h in cols), ":LABEL"],
                   ([r["key"], *(_neo4j_cell(r.get(k)) for k, _ in cols), label] for r in rows))
        node_files.append(path)
    by_rel: dict[tuple[str, str, str], list[tuple[str, str, str, dict]]] = {}
    for u, v, key, a in g.edges(keys=True, data=True):
        su, sv = g.nodes[u], g.nodes[v]
        by_rel.setdefault((a["type"], su["label"], sv["label"]), []).append(
            (su["key"], sv["key"], key, a))
    rel_files = []
    for (rtype, src, dst), rows in sorted(by_rel.items()):
        cols = _columns([a for *_, a in rows], {"type", "key"})
        path = out_dir / f"rels_{rtype}_{src}_{dst}.csv"
        _write_csv(path, [f":START_ID({src})", f":END_ID({dst})", "key", *(h for _, h in cols),
                          ":TYPE"],
                   ([s, d, k, *(_neo4j_cell(a.get(c)) for c, _ in cols), rtype]
                    for s, d, k, a in rows))
        rel_files.append(path)
    return Neo4jImport(node_files, rel_files, import_command(node_files, rel_files, database))


def import_command(nodes: list[Path], relationships: list[Path], database: str = "neo4j") -> str:
    """The shell command that loads these files into a new, empty database. Article text
    and evidence can span lines, hence --multiline-fields."""
    args = ["neo4j-admin", "database", "import", "full",
            *(f"--nodes={p.resolve()}" for p in nodes),
            *(f"--relationships={p.resolve()}" for p in relationships),
            f"--array-delimiter={ARRAY_DELIMITER}", "--multiline-fields=true", database]
    return shlex.join(args)


# --- facts JSONL -------------------------------------------------------------------------


def write_facts(facts: Iterable[Fact], path: Path) -> int:
    """One `Fact.to_json()` per line (the format `kg load` reads); returns the count."""
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for fact in facts:
            f.write(fact.to_json() + "\n")
            n += 1
    return n


def facts_from_graph(g: nx.MultiDiGraph) -> list[Fact]:
    """Facts that rebuild this graph with `kg.graph.build` (for stores that keep the graph,
    not the facts file). HOLDS_POSITION seen in several articles comes back as one fact."""
    facts = [_article_fact(a) for _, a in g.nodes(data=True) if a["label"] == "Article"]
    for u, v, a in g.edges(data=True):
        fact = _edge_fact(g.nodes[u], g.nodes[v], a, _source(g, a.get("article", "")))
        if fact is not None:
            facts.append(fact)
    return facts


def _source(g: nx.MultiDiGraph, article: str) -> str:
    node = g.nodes.get(f"Article:{article}")
    return node["source"] if node and node.get("source") else article.rsplit("#", 1)[0]


def _article_fact(a: dict) -> Fact:
    return Fact(ARTICLE, a.get("source", ""), a["key"], headline=a.get("headline") or None,
                date=a.get("date_text") or None, reporters=tuple(a.get("reporters", ())),
                correspondents=tuple(a.get("correspondents", ())), text=a.get("text") or None,
                text_hash=a.get("text_hash") or None, ordinal=a.get("ordinal"))


def _place_kind(node: dict) -> str:
    return "project" if node["label"] == "Project" else node.get("kind") or "location"


def _edge_fact(src: dict, dst: dict, a: dict, source: str) -> Fact | None:
    base = {"source": source, "article": a.get("article", ""), "evidence": a.get("evidence", ""),
            "start": a.get("start", 0), "end": a.get("end", 0), "date": a.get("date_text") or None}
    t = a["type"]
    if t == "HOLDS_POSITION":
        return Fact(HOLDS_POSITION, person=src["key"], org=dst.get("org") or None,
                    title=a.get("title") or dst.get("title"), **base)
    if t == "INSPECTED":
        end = a.get("date_end")
        return Fact(INSPECTED, person=src["key"], place=dst["key"], place_kind=_place_kind(dst),
                    date_end=end.isoformat() if end else None,
                    event_kind=a.get("event_kind") or None, **base)
    if t == "ATTENDED":
        name = dst.get("name") or None
        return Fact(ATTENDED, person=src["key"], role=a.get("role"), event_kind=dst.get("kind"),
                    event_name=name if name != dst.get("kind") else None, **base)
    if t == "LOCATED_IN":
        return Fact(LOCATED_IN, place=src["key"], parent=dst["key"], place_kind=_place_kind(src),
                    **base)
    if t == "ACCOMPANIED":
        return Fact(ACCOMPANIED, person=src["key"], leader=dst["key"], **base)
    if t == "MENTIONED_IN" and src["label"] in ("Location", "Project"):
        return Fact(MENTION, name=src["key"], entity=src["label"], **base)
    return None  # REPORTED_BY and officials' mentions come back with the facts above
