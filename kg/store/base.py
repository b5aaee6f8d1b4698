"""The one interface both graph stores implement, and what they share.

A backend supplies four primitives (`_write_rows`, `_run`, `ensure_schema`, `reset`, plus
`info`/`close`); loading in batches, reading the graph back and counting are written once
here against the schema registry, so the embedded and the server store cannot drift apart.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from kg.config import KgError
from kg.graph import Edge, GraphData, Node
from kg.store import load as L
from kg.store.dialect import Dialect
from kg.store.queries import check_read_only
from kg.store.schema import NODES, RELS, node_table, rel_table

T = TypeVar("T")


class StoreLockedError(KgError):
    """Another process holds the embedded database open for writing."""


class StoreUnavailableError(KgError):
    """The Neo4j server cannot be reached or refuses the credentials."""


class StoreNotFoundError(KgError):
    """A read-only open of a database that was never created."""


class QueryError(KgError):
    """The database rejected a query (syntax, unknown table, type mismatch)."""


@dataclass(frozen=True)
class LoadReport:
    nodes: int  # node rows written (created or matched)
    edges: int  # edge rows written
    skipped_edges: int  # edges whose endpoint is neither in the graph nor in the store
    seconds: float
    method: str  # "merge" or "copy"
    per_table: dict[str, int] = field(default_factory=dict)

    @property
    def rows_per_second(self) -> float:
        return (self.nodes + self.edges) / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[list]


def retry(fn: Callable[[], T], transient: Callable[[Exception], bool], attempts: int = 3) -> T:
    """Run `fn`, again after a short pause when it fails with a transient error."""
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except Exception as e:
            if attempt == attempts or not transient(e):
                raise
            time.sleep(0.1 * 2**attempt)
    raise AssertionError("unreachable")


class GraphStore(ABC):
    """A graph database holding kg's graph model; use as a context manager."""

    dialect: Dialect

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create the tables / constraints from kg/store/schema.py; safe to repeat."""

    @abstractmethod
    def reset(self) -> None:
        """Remove every node and edge of kg's labels (and the schema where there is one)."""

    @abstractmethod
    def info(self) -> dict:
        """Where the store lives and what it holds, for `kg db info`."""

    @abstractmethod
    def _write_rows(self, cypher: str, rows: list[dict[str, Any]]) -> int:
        """Run one UNWIND statement over `rows` in one transaction; return `written`."""

    @abstractmethod
    def _run(self, cypher: str, params: dict[str, Any], write: bool) -> QueryResult:
        """Run rendered, bound Cypher and return plain Python values."""

    def query(self, cypher: str, params: dict | None = None, write: bool = False) -> QueryResult:
        """Run Cypher; clauses that write are refused unless `write` is set."""
        if not write:
            check_read_only(cypher)
        text, bound = self.dialect.bind(self.dialect.render(cypher), params or {})
        return self._run(text, bound, write)

    def load(self, graph: GraphData, batch_size: int = 5000, bulk: bool = False) -> LoadReport:
        """MERGE the graph in batches, nodes first; `bulk` is a hint only some stores use."""
        started = time.perf_counter()
        self.ensure_schema()
        per_table: dict[str, int] = {}
        for label, rows in L.node_rows(graph).items():
            cypher = L.node_merge(node_table(label), self.dialect)
            per_table[label] = sum(self._write_rows(cypher, b) for b in L.batches(rows, batch_size))
        skipped = 0
        for (rel, src, dst), rows in L.edge_rows(graph).items():
            cypher = L.edge_merge(rel_table(rel), src, dst, self.dialect)
            written = sum(self._write_rows(cypher, b) for b in L.batches(rows, batch_size))
            per_table[rel] = per_table.get(rel, 0) + written
            skipped += len(rows) - written
        return _report(per_table, skipped, started, "merge")

    def counts(self) -> dict[str, int]:
        """Rows per node label and relationship type, registry order."""
        out = {}
        for t in NODES:
            cypher = f"MATCH (n:{t.label}) RETURN count(n) AS c"
            out[t.label] = self._run(cypher, {}, False).rows[0][0]
        for r in RELS:
            cypher = f"MATCH ()-[e:{r.type}]->() RETURN count(e) AS c"
            out[r.type] = self._run(cypher, {}, False).rows[0][0]
        return out

    def read_graph(self) -> GraphData:
        """Every node and edge back with its props, for views and exports."""
        g = GraphData()
        for t in NODES:
            for row in self._run(L.read_nodes(t), {}, False).rows:
                g.nodes[(t.label, row[0])] = Node(
                    t.label, row[0], dict(zip(t.prop_names, row[1:], strict=True))
                )
        for r in RELS:
            for a, b in r.pairs:
                for row in self._run(L.read_edges(r, a, b), {}, False).rows:
                    props = dict(zip(r.prop_names, row[3:], strict=True))
                    g.edges[(r.type, row[2])] = Edge(r.type, a, row[0], b, row[1], row[2], props)
        return g


def _report(per_table: dict[str, int], skipped: int, started: float, method: str) -> LoadReport:
    nodes = sum(per_table.get(t.label, 0) for t in NODES)
    edges = sum(per_table.get(r.type, 0) for r in RELS)
    return LoadReport(nodes, edges, skipped, time.perf_counter() - started, method, per_table)
