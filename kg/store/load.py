"""GraphData -> parameter rows and the UNWIND … MERGE statements that write them.

Both backends write the same statements (modulo `Dialect`), one batch of rows per
transaction. MERGE on the stable keys from kg/graph.py makes loading idempotent: node
props are set ON CREATE only (first writer wins, as in GraphData.add_node), edges likewise,
except HOLDS_POSITION, whose first_seen/last_seen widen and whose sources are unioned, as
GraphData does when the same post shows up in another article.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kg.config import KgError
from kg.graph import GraphData
from kg.store.dialect import Dialect
from kg.store.schema import DATE, NODES, RELS, STRING_LIST, NodeTable, RelTable, quote


def node_rows(graph: GraphData) -> dict[str, list[dict[str, Any]]]:
    """Rows per label, in registry order; a prop the schema does not know is an error."""
    out: dict[str, list[dict[str, Any]]] = {t.label: [] for t in NODES}
    tables = {t.label: t for t in NODES}
    for node in graph.nodes.values():
        table = tables.get(node.label)
        if table is None:
            raise KgError(f"node label {node.label!r} is not in kg/store/schema.py")
        _check_props(node.label, node.props, table.prop_names)
        props = {p: node.props.get(p) for p in table.prop_names}
        out[node.label].append({"key": node.key, **props})
    return out


def edge_rows(graph: GraphData) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Rows per (type, from label, to label), in registry order."""
    out: dict[tuple[str, str, str], list[dict[str, Any]]] = {
        (r.type, a, b): [] for r in RELS for a, b in r.pairs
    }
    tables = {r.type: r for r in RELS}
    for edge in graph.edges.values():
        group = (edge.type, edge.src_label, edge.dst_label)
        if group not in out:
            raise KgError(
                f"{edge.type} {edge.src_label}->{edge.dst_label} is not in kg/store/schema.py"
            )
        names = tables[edge.type].prop_names
        _check_props(edge.type, edge.props, names)
        out[group].append(
            {
                "src": edge.src,
                "dst": edge.dst,
                "key": edge.key,
                **{p: edge.props.get(p) for p in names},
            }
        )
    return out


def _check_props(what: str, props: dict, known: tuple[str, ...]) -> None:
    extra = sorted(set(props) - set(known))
    if extra:
        raise KgError(f"{what} has props {extra} that kg/store/schema.py does not declare")


def batches(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    if size < 1:
        raise KgError(f"batch size must be at least 1, not {size}")
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def node_merge(table: NodeTable, dialect: Dialect) -> str:
    """UNWIND $rows MERGE one label; returns the number of rows written as `written`."""
    sets = ", ".join(
        f"n.{quote(p)} = {dialect.typed('r.' + quote(p), ty)}" for p, ty in table.props
    )
    return (
        f"UNWIND $rows AS r MERGE (n:{table.label} {{`key`: r.`key`}}) "
        f"ON CREATE SET {sets} RETURN count(n) AS written"
    )


def edge_merge(table: RelTable, src_label: str, dst_label: str, dialect: Dialect) -> str:
    """UNWIND $rows MATCH both ends (separate MATCHes: one pattern is 150x slower on
    LadybugDB) and MERGE the edge; rows whose ends are missing are not written."""
    sets = ", ".join(
        f"e.{quote(p)} = {dialect.typed('r.' + quote(p), ty)}" for p, ty in table.props
    )
    text = (
        f"UNWIND $rows AS r MATCH (a:{src_label} {{`key`: r.src}}) "
        f"MATCH (b:{dst_label} {{`key`: r.dst}}) "
        f"MERGE (a)-[e:{table.type} {{`key`: r.`key`}}]->(b) ON CREATE SET {sets}"
    )
    if table.type == "HOLDS_POSITION":
        text += " ON MATCH SET " + _widen_seen(dialect)
    return text + " RETURN count(e) AS written"


def _widen_seen(dialect: Dialect) -> str:
    """first_seen = the earlier, last_seen = the later (nulls ignored), sources = union."""
    first, last = dialect.typed("r.first_seen", DATE), dialect.typed("r.last_seen", DATE)
    sources = dialect.typed("r.sources", STRING_LIST)
    return (
        f"e.first_seen = CASE WHEN {first} IS NULL THEN e.first_seen "
        f"WHEN e.first_seen IS NULL OR {first} < e.first_seen THEN {first} "
        f"ELSE e.first_seen END, "
        f"e.last_seen = CASE WHEN {last} IS NULL THEN e.last_seen "
        f"WHEN e.last_seen IS NULL OR {last} > e.last_seen THEN {last} "
        f"ELSE e.last_seen END, "
        f"e.sources = {dialect.list_union('e.sources', sources)}"
    )


def read_nodes(table: NodeTable) -> str:
    cols = ", ".join(f"n.{quote(p)} AS {quote(p)}" for p in ("key", *table.prop_names))
    return f"MATCH (n:{table.label}) RETURN {cols} ORDER BY `key`"


def read_edges(table: RelTable, src_label: str, dst_label: str) -> str:
    cols = ", ".join(f"e.{quote(p)} AS {quote(p)}" for p in ("key", *table.prop_names))
    return (
        f"MATCH (a:{src_label})-[e:{table.type}]->(b:{dst_label}) "
        f"RETURN a.`key` AS src, b.`key` AS dst, {cols} ORDER BY `key`, src, dst"
    )
