"""What the Neo4j store does before any server answers: refuse cleanly, never leak secrets."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.config import KgError
from kg.store import open_store
from kg.store.base import StoreUnavailableError
from kg.store.dialect import NEO4J
from kg.store.neo4j import Neo4jStore, safe_uri


def test_an_unreachable_server_is_one_clear_line_without_the_password(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pw")
    with pytest.raises(StoreUnavailableError) as info:
        Neo4jStore("bolt://127.0.0.1:1")
    message = str(info.value)
    assert message.startswith("cannot reach Neo4j at bolt://127.0.0.1:1 (ServiceUnavailable)")
    assert "s3cret-pw" not in message and "\n" not in message


def test_neo4j_uri_from_the_environment_selects_the_server_store(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "neo4j://127.0.0.1:1")
    with pytest.raises(StoreUnavailableError, match="neo4j://127.0.0.1:1"):
        open_store(None, None)


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("http://127.0.0.1:7474", "Neo4j URI must start with one of bolt://"),
        ("bolt://kg:s3cret-pw@127.0.0.1:7687", "NEO4J_USER / NEO4J_PASSWORD, not in the URI"),
    ],
)
def test_bad_uris_are_refused_without_echoing_them(uri, message):
    with pytest.raises(KgError, match=message) as info:
        Neo4jStore(uri)
    assert "s3cret-pw" not in str(info.value)


def test_safe_uri_drops_user_info():
    assert safe_uri("neo4j+s://u:p@db.example:7687") == "neo4j+s://db.example:7687"


def test_neo4j_values_come_back_as_plain_python():
    from neo4j.time import Date

    assert NEO4J.to_python([Date(2020, 9, 10), {"d": Date(2020, 1, 2)}]) == [
        dt.date(2020, 9, 10),
        {"d": dt.date(2020, 1, 2)},
    ]
