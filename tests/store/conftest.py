"""The store conformance fixtures: the sample corpus, and a store per backend.

Every test that takes `store` runs on LadybugDB (a fresh file in tmp_path) and, when
NEO4J_URI is set, on that Neo4j server too, after wiping kg's labels there: point it at a
scratch database (NEO4J_DATABASE=kgtest; NEO4J_USER / NEO4J_PASSWORD as usual).
"""

from __future__ import annotations

import pytest
from store_backends import BACKENDS, open_backend
from store_corpus import corpus_one, corpus_two

from kg.graph import GraphData, build
from kg.store.base import GraphStore


@pytest.fixture
def corpus() -> GraphData:
    return build(corpus_one() + corpus_two())


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path) -> GraphStore:
    s = open_backend(request.param, tmp_path)
    yield s
    s.close()
