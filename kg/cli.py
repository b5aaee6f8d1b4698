"""The `kg` command line: parse arguments, call the pipeline, print with rich. No logic here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kg.config import KgError

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Who did what, where: a knowledge graph of Chinese government news.")
db_app = typer.Typer(no_args_is_help=True, help="Inspect or reset the graph database.")
app.add_typer(db_app, name="db")
console = Console()
err = Console(stderr=True)

DataDir = Annotated[Path | None, typer.Option("--data-dir", help="Data dir (else KG_DATA_DIR, else ./.kg).")]
Neo4jUri = Annotated[str | None, typer.Option("--neo4j", help="Neo4j URI (else NEO4J_URI); default: embedded LadybugDB.")]
Database = Annotated[str | None, typer.Option("--database", help="Neo4j database name.")]


def fail(message: str, code: int = 1) -> None:
    """One line on stderr and a non-zero exit: users get the message, never a traceback."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def main() -> None:
    """The console script: a KgError anywhere becomes one line on stderr and exit 1."""
    try:
        app()
    except KgError as e:
        err.print(f"[bold red]error:[/] {e}", highlight=False)
        sys.exit(1)


# --- extract / build (pipeline) -------------------------------------------------------

# --- load / query / db (store) --------------------------------------------------------

# --- view / export / stats ------------------------------------------------------------
