"""First build of an empty LadybugDB: stage CSV files, then one COPY per table.

COPY skips MERGE's lookups, so it is far faster, but it only appends: the caller uses it
for an empty database and MERGE otherwise, and both give the same graph.

The CSV dialect is chosen so LadybugDB reads back exactly what we wrote: every string is
quoted ("" doubled), so a quoted empty field is '' while an unquoted empty field is NULL;
dates are ISO; a list of strings is one field joined by \\x1f (\\x1e alone for an empty list)
and split again in the COPY's LOAD subquery. Columns are named c0…cN because `end` and
`key` are keywords.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import TYPE_CHECKING, Any

from kg.graph import GraphData
from kg.store.base import LoadReport, _report
from kg.store.load import edge_rows, node_rows
from kg.store.schema import DATE, INT64, STRING, STRING_LIST, node_table, rel_table

if TYPE_CHECKING:
    from kg.store.ladybug import LadybugStore

_SEP, _EMPTY = "\x1f", "\x1e"
_CSV_OPTIONS = "(header=true, parallel=false, quote='\"', escape='\"', delim=',')"


class Unrepresentable(ValueError):
    """A value the staged CSV cannot carry (a list item holding the separator)."""


def copy_load(store: LadybugStore, graph: GraphData) -> LoadReport:
    """COPY every table of `graph` into `store`, which must be empty."""
    started = time.perf_counter()
    nodes = node_rows(graph)
    edges = edge_rows(graph)
    present = {(label, key) for label, key in graph.nodes}
    kept = {
        group: [
            r for r in rows if (group[1], r["src"]) in present and (group[2], r["dst"]) in present
        ]
        for group, rows in edges.items()
    }
    skipped = sum(len(rows) - len(kept[group]) for group, rows in edges.items())
    per_table: dict[str, int] = {}
    with TemporaryDirectory(prefix="kg-copy-") as tmp:
        staged = []  # write every file first: an unrepresentable value aborts before any COPY
        for label, rows in nodes.items():
            if rows:
                types = [STRING, *(ty for _, ty in node_table(label).props)]
                path = _stage(Path(tmp) / f"{label}.csv", rows, types)
                staged.append((label, _copy(label, path, types, None)))
                per_table[label] = len(rows)
        for (rel, src, dst), rows in kept.items():
            if rows:
                types = [STRING, STRING, STRING, *(ty for _, ty in rel_table(rel).props)]
                path = _stage(Path(tmp) / f"{rel}_{src}_{dst}.csv", rows, types)
                staged.append((rel, _copy(rel, path, types, (src, dst))))
                per_table[rel] = per_table.get(rel, 0) + len(rows)
        for _, statement in staged:
            store._execute(statement)
    return _report(per_table, skipped, started, "copy")


def _stage(path: Path, rows: list[dict[str, Any]], types: list[str]) -> Path:
    """Write rows (their dict order = the table's column order) as CSV."""
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(",".join(f"c{i}" for i in range(len(types))) + "\n")
        for row in rows:
            f.write(",".join(_cell(v, ty) for v, ty in zip(row.values(), types, strict=True)))
            f.write("\n")
    return path


def _cell(value: Any, cypher_type: str) -> str:
    if value is None:
        return ""
    if cypher_type == STRING_LIST:
        if any(_SEP in v or _EMPTY in v for v in value):
            raise Unrepresentable("a list value contains the CSV list separator")
        return _quoted(_SEP.join(value) if value else _EMPTY)
    if cypher_type == DATE:
        return value.isoformat() if isinstance(value, dt.date) else _quoted(str(value))
    if cypher_type == INT64:
        return str(int(value))
    return _quoted(str(value))


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _copy(table: str, path: Path, types: list[str], ends: tuple[str, str] | None) -> str:
    """COPY table FROM (LOAD WITH HEADERS (c0 T, …) FROM 'path' RETURN …) [(from=, to=)]."""
    if "'" in str(path):
        raise Unrepresentable(f"temporary path {path} holds a quote")
    columns = ", ".join(f"c{i} {STRING if ty == STRING_LIST else ty}" for i, ty in enumerate(types))
    values = ", ".join(
        _split(f"c{i}") if ty == STRING_LIST else f"c{i}" for i, ty in enumerate(types)
    )
    load = f"LOAD WITH HEADERS ({columns}) FROM '{path}' {_CSV_OPTIONS} RETURN {values}"
    pair = f" (from='{ends[0]}', to='{ends[1]}')" if ends else ""
    return f"COPY {table} FROM ({load}){pair}"


def _split(column: str) -> str:
    return (
        f"CASE WHEN {column} = '{_EMPTY}' THEN CAST([] AS STRING[]) "
        f"ELSE string_split({column}, '{_SEP}') END"
    )
