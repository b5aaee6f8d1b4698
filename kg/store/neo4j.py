"""The server store: Neo4j through the official driver.

The URI comes from --neo4j or NEO4J_URI (bolt:// for one server, neo4j:// for a routed
cluster, +s/+ssc for TLS), the user from NEO4J_USER (default neo4j), the password from
NEO4J_PASSWORD only, so it never sits on a command line. No message we raise contains the
password or the URI's user part. Writes go through `execute_write`, which retries
transient errors (leader switches, deadlocks) by itself.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError, ServiceUnavailable

from kg.config import KgError
from kg.store.base import GraphStore, QueryError, QueryResult, StoreUnavailableError
from kg.store.dialect import NEO4J
from kg.store.schema import NODES, RELS, neo4j_constraints

_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def safe_uri(uri: str) -> str:
    """The URI without any user:password@ part, for messages."""
    parts = urlsplit(uri)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


class Neo4jStore(GraphStore):
    """kg's graph in a Neo4j database (the server's default one unless `database` is given)."""

    dialect = NEO4J

    def __init__(self, uri: str, database: str | None = None, read_only: bool = False) -> None:
        parts = urlsplit(uri)
        if parts.scheme not in _SCHEMES:
            schemes = ", ".join(s + "://" for s in _SCHEMES)
            raise KgError(f"Neo4j URI must start with one of {schemes}")
        if parts.username or parts.password:
            raise KgError(
                "put the Neo4j user and password in NEO4J_USER / NEO4J_PASSWORD, not in the URI"
            )
        self.uri, self.database, self.read_only = safe_uri(uri), database, read_only
        user = os.environ.get("NEO4J_USER") or "neo4j"
        password = os.environ.get("NEO4J_PASSWORD")
        auth = (user, password) if password is not None else None
        try:
            self._driver = GraphDatabase.driver(uri, auth=auth)
            self._driver.verify_connectivity()
        except AuthError:
            self._close_quietly()
            raise StoreUnavailableError(
                f"Neo4j at {self.uri} refused the credentials of user {user!r}; "
                "check NEO4J_USER and NEO4J_PASSWORD"
            ) from None
        except (ServiceUnavailable, DriverError, OSError) as e:
            self._close_quietly()
            raise StoreUnavailableError(
                f"cannot reach Neo4j at {self.uri} ({type(e).__name__}); is the server running "
                "and the URI right?"
            ) from None

    def _close_quietly(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()

    def close(self) -> None:
        self._driver.close()

    def _session(self, write: bool) -> neo4j.Session:
        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        return self._driver.session(database=self.database, default_access_mode=mode)

    def _call(self, fn, write: bool) -> Any:
        """Run a transaction function, turning server errors into one-line KgErrors."""
        try:
            with self._session(write) as session:
                return (session.execute_write if write else session.execute_read)(fn)
        except ClientError as e:
            if e.code and e.code.endswith("DatabaseNotFound"):
                raise StoreUnavailableError(
                    f"Neo4j at {self.uri} has no database {self.database!r}"
                ) from None
            raise QueryError(f"Neo4j: {e.message or e.code}") from e
        except ServiceUnavailable as e:
            raise StoreUnavailableError(f"lost Neo4j at {self.uri} ({type(e).__name__})") from None
        except Neo4jError as e:
            raise QueryError(f"Neo4j: {e.message or e.code}") from e

    def _run(self, cypher: str, params: dict[str, Any], write: bool) -> QueryResult:
        def work(tx: neo4j.ManagedTransaction) -> QueryResult:
            result = tx.run(cypher, params)
            rows = [[self.dialect.to_python(v) for v in record.values()] for record in result]
            return QueryResult(list(result.keys()), rows)

        return self._call(work, write)

    def _write_rows(self, cypher: str, rows: list[dict[str, Any]]) -> int:
        def work(tx: neo4j.ManagedTransaction) -> int:
            record = tx.run(cypher, rows=rows).single(strict=True)
            return int(record["written"])

        return self._call(work, True)

    def ensure_schema(self) -> None:
        """Uniqueness constraints (schema commands run in auto-commit transactions)."""
        if self.read_only:
            return
        rel_indexes = [
            f"CREATE INDEX {r.type.lower()}_key IF NOT EXISTS FOR ()-[e:{r.type}]-() ON (e.key)"
            for r in RELS
        ]
        for statement in (*neo4j_constraints(), *rel_indexes):
            try:
                with self._session(True) as session:
                    session.run(statement).consume()
            except Neo4jError as e:
                raise QueryError(f"Neo4j: {e.message or e.code}") from e

    def reset(self) -> None:
        """Delete kg's nodes (and so their edges) in batches; other labels are left alone."""
        for t in NODES:
            cypher = (
                f"MATCH (n:{t.label}) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS written"
            )
            while self._write_rows(cypher, []):
                pass

    def info(self) -> dict:
        try:
            server = self._driver.get_server_info()
            agent, protocol = server.agent, ".".join(map(str, server.protocol_version))
        except DriverError:
            agent, protocol = "unknown", "unknown"
        return {
            "backend": "neo4j",
            "uri": self.uri,
            "database": self.database or "(default)",
            "server": agent,
            "protocol": protocol,
            "read_only": self.read_only,
            "counts": self.counts(),
        }
