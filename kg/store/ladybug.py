"""The embedded store: LadybugDB in one file, `<data dir>/graph.lbdb`.

LadybugDB lets one process open a database for writing; a second writer gets a lock error,
which we turn into StoreLockedError naming the holder so the user knows whom to wait for.
Read-only opens take no lock, so `kg query` works while nobody writes and never blocks.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

import ladybug

from kg.config import KgError
from kg.graph import GraphData
from kg.store.base import (
    GraphStore,
    LoadReport,
    QueryError,
    QueryResult,
    StoreLockedError,
    StoreNotFoundError,
    retry,
)
from kg.store.dialect import LADYBUG
from kg.store.schema import ladybug_ddl, ladybug_drop

DB_FILE = "graph.lbdb"
_LOCK_PID = re.compile(r"Lock is held by PID (\d+)")
# Only one write transaction may run at a time; another connection's may still be ending.
_TRANSIENT = re.compile(r"one write transaction|write-write conflict|conflict", re.IGNORECASE)


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILE


def _is_transient(e: Exception) -> bool:
    cause = e.__cause__ if isinstance(e, QueryError) else e
    return isinstance(cause, RuntimeError) and bool(_TRANSIENT.search(str(cause)))


def _first_line(e: Exception) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


class LadybugStore(GraphStore):
    """kg's graph in an embedded LadybugDB file."""

    dialect = LADYBUG

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreNotFoundError(f"no graph database at {self.path}; run `kg load` first")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = ladybug.Database(str(self.path), read_only=read_only)
        except RuntimeError as e:
            raise _open_error(self.path, e) from None
        self._conn = ladybug.Connection(self._db)
        self.ensure_schema()

    def close(self) -> None:
        self._conn.close()
        self._db.close()

    def _execute(self, cypher: str, params: dict[str, Any] | None = None) -> Any:
        try:
            result = self._conn.execute(cypher, params or {})
        except RuntimeError as e:
            raise QueryError(f"LadybugDB: {_first_line(e)}") from e
        return result[-1] if isinstance(result, list) else result

    def _run(self, cypher: str, params: dict[str, Any], write: bool) -> QueryResult:
        result = self._execute(cypher, params)
        rows = []
        while result.has_next():
            rows.append(list(result.get_next()))
        return QueryResult(list(result.get_column_names()), rows)

    def _transaction(self, cypher: str, params: dict[str, Any]) -> QueryResult:
        self._execute("BEGIN TRANSACTION")
        try:
            out = self._run(cypher, params, True)
        except BaseException:
            with contextlib.suppress(QueryError):  # the failure may have ended it already
                self._execute("ROLLBACK")
            raise
        self._execute("COMMIT")
        return out

    def _write_rows(self, cypher: str, rows: list[dict[str, Any]]) -> int:
        return retry(lambda: self._transaction(cypher, {"rows": rows}).rows[0][0], _is_transient)

    def ensure_schema(self) -> None:
        if self.read_only:
            return
        for statement in ladybug_ddl():
            self._execute(statement)

    def reset(self) -> None:
        """Drop kg's tables and create them again, empty."""
        for statement in ladybug_drop():
            self._execute(statement)
        self.ensure_schema()

    def is_empty(self) -> bool:
        return not any(self.counts().values())

    def load(self, graph: GraphData, batch_size: int = 5000, bulk: bool = False) -> LoadReport:
        """MERGE in batches; with `bulk`, COPY from staged CSV files when the database is
        empty (a first build), which is much faster and gives the same graph."""
        if bulk:
            from kg.store.bulk import Unrepresentable, copy_load

            self.ensure_schema()
            if self.is_empty():
                try:
                    return copy_load(self, graph)
                except Unrepresentable:
                    pass  # a list value holds our separator; MERGE takes any value
                except QueryError:
                    self.reset()  # it was empty: undo a partial COPY, and MERGE says what's wrong
        return super().load(graph, batch_size)

    def info(self) -> dict:
        files = [p for p in self.path.parent.glob(self.path.name + "*") if p.is_file()]
        return {
            "backend": "ladybug",
            "version": ladybug.__version__,
            "path": str(self.path),
            "size_bytes": sum(p.stat().st_size for p in files),
            "read_only": self.read_only,
            "counts": self.counts(),
        }


def _open_error(path: Path, e: RuntimeError) -> KgError:
    message = str(e)
    if "Could not set lock" in message:
        pid = _LOCK_PID.search(message)
        holder = f" (PID {pid.group(1)})" if pid else ""
        return StoreLockedError(
            f"database {path} is in use by another kg process{holder}; "
            "wait for it to finish or use --data-dir"
        )
    return KgError(f"cannot open database {path}: {_first_line(e)}")
