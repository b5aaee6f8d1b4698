"""Where kg keeps its data and how it reaches a server, from flags, then env, then defaults."""

from __future__ import annotations

import os
from pathlib import Path


class KgError(Exception):
    """An error the user can act on; the CLI prints its message on one line and exits 1."""


def data_dir(flag: Path | None = None, create: bool = True) -> Path:
    """`--data-dir`, else `KG_DATA_DIR`, else `./.kg`; created user-only (0700) because the
    embedded database holds everything the corpus says."""
    path = flag or (Path(os.environ["KG_DATA_DIR"]) if os.environ.get("KG_DATA_DIR") else None)
    path = (path or Path(".kg")).expanduser()
    if create:
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as e:
            raise KgError(f"cannot create data dir {path}: {e.strerror or e}") from e
        if not os.access(path, os.W_OK):
            raise KgError(f"data dir {path} is not writable")
    return path


def neo4j_uri(flag: str | None = None) -> str | None:
    """`--neo4j URI`, else `NEO4J_URI`; None means the embedded database."""
    return flag or os.environ.get("NEO4J_URI") or None
