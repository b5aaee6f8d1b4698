"""Graph stores: the embedded LadybugDB file by default, a Neo4j server when a URI is given.

`open_store` is the one way in; everything else talks to the `GraphStore` interface.
"""

from __future__ import annotations

from pathlib import Path

from kg.config import data_dir as resolve_data_dir
from kg.config import neo4j_uri
from kg.store.base import (
    GraphStore,
    LoadReport,
    QueryError,
    QueryResult,
    StoreLockedError,
    StoreNotFoundError,
    StoreUnavailableError,
)

__all__ = [
    "GraphStore",
    "LoadReport",
    "QueryError",
    "QueryResult",
    "StoreLockedError",
    "StoreNotFoundError",
    "StoreUnavailableError",
    "open_store",
]


def open_store(
    data_dir: Path | None = None,
    neo4j: str | None = None,
    database: str | None = None,
    read_only: bool = False,
) -> GraphStore:
    """Neo4j if a URI comes from `neo4j` or NEO4J_URI, else LadybugDB in the data dir."""
    uri = neo4j_uri(neo4j)
    if uri:
        from kg.store.neo4j import Neo4jStore

        return Neo4jStore(uri, database=database, read_only=read_only)
    from kg.store.ladybug import LadybugStore, db_path

    # A read-only open must not create an empty data dir as a side effect.
    directory = resolve_data_dir(data_dir, create=not read_only)
    return LadybugStore(db_path(directory), read_only=read_only)
