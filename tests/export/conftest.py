"""Fixtures: the sample facts (see export_data.py) and their graph."""

import networkx as nx
import pytest
from export_data import sample_facts

from kg.graph import build, to_networkx
from kg.model import Fact


@pytest.fixture
def facts() -> list[Fact]:
    return sample_facts()


@pytest.fixture
def graph(facts) -> nx.MultiDiGraph:
    return to_networkx(build(facts))
