"""Opening a fresh store per backend, shared by conftest.py and the cross-backend test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.graph import GraphData
from kg.store.base import GraphStore
from kg.store.ladybug import LadybugStore

NEO4J = pytest.param(
    "neo4j", marks=pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI not set")
)
BACKENDS = ["ladybug", NEO4J]


def open_backend(name: str, tmp_path: Path) -> GraphStore:
    """A fresh, empty store: a new LadybugDB file, or the Neo4j database with kg's labels
    wiped (so point NEO4J_URI / NEO4J_DATABASE at a scratch database)."""
    if name == "ladybug":
        return LadybugStore(tmp_path / "graph.lbdb")
    from kg.store.neo4j import Neo4jStore

    store = Neo4jStore(os.environ["NEO4J_URI"], database=os.environ.get("NEO4J_DATABASE"))
    store.reset()
    store.ensure_schema()
    return store


def snapshot(g: GraphData) -> tuple[list, list]:
    """Everything a graph holds, as comparable sorted lists (props included)."""
    nodes = sorted((n.label, n.key, sorted(n.props.items())) for n in g.nodes.values())
    edges = sorted(
        (e.type, e.src_label, e.src, e.dst_label, e.dst, e.key, sorted(e.props.items()))
        for e in g.edges.values()
    )
    return nodes, edges
