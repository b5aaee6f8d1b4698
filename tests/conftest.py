"""Shared by every test: nothing writes to a real data dir by accident."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def kg_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """KG_DATA_DIR points into the test's tmp_path, so a default `./.kg` is never touched."""
    path = tmp_path / "kg-data"
    monkeypatch.setenv("KG_DATA_DIR", str(path))
    return path


@pytest.fixture
def embedded_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ignore NEO4J_URI from the environment: the code under test uses the embedded store."""
    monkeypatch.delenv("NEO4J_URI", raising=False)
