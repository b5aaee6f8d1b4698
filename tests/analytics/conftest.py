"""Fixture: the graph of analytics_data.py's two articles."""

import networkx as nx
import pytest
from analytics_data import analytics_facts

from kg.graph import build, to_networkx


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return to_networkx(build(analytics_facts()))
