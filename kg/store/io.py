"""What `kg load` reads and `kg query` prints: facts JSONL in, result rows out.

Kept out of kg/cli.py so the CLI only wires: a broken JSONL line is reported with its line
number and the rest still loads; rows print as a rich table, JSON (Chinese kept as is, dates
as ISO strings) or CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from kg.config import KgError
from kg.model import Fact, FactFormatError, fact_from_dict
from kg.store.base import QueryResult

FORMATS = ("table", "json", "csv")


@dataclass(frozen=True)
class BadLine:
    line: int
    error: str


def read_facts(path: Path) -> tuple[list[Fact], list[BadLine]]:
    """Every readable fact of a facts JSONL file, and the line numbers of the broken ones."""
    facts, bad = [], []
    try:
        handle = path.open(encoding="utf-8")
    except OSError as e:
        raise KgError(f"cannot read {path}: {e.strerror or e}") from e
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                facts.append(fact_from_dict(json.loads(line)))
            except json.JSONDecodeError as e:
                bad.append(BadLine(number, f"not JSON ({e.msg})"))
            except (FactFormatError, TypeError) as e:
                bad.append(BadLine(number, str(e)))
    return facts, bad


def plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO strings, containers recursively."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def _cell(value: Any) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def to_json(result: QueryResult) -> str:
    rows = [dict(zip(result.columns, map(plain, row), strict=True)) for row in result.rows]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def to_csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([_cell(v) for v in row] for row in result.rows)
    return out.getvalue()


def to_table(result: QueryResult, title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False)
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*(Text(_cell(v)) for v in row))  # Text: '[…]' is not markup
    return table


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"
