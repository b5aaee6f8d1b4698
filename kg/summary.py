"""The table `kg build` prints: what was read, what the graph now holds, how long it took."""

from __future__ import annotations

from rich.table import Table

_ROWS = (("Article", "articles"), ("Official", "officials"), ("Office", "offices"),
         ("Event", "events"), ("Location", "places"), ("Project", "projects"),
         ("HOLDS_POSITION", "positions held"), ("INSPECTED", "visits"),
         ("ATTENDED", "attendances"), ("ACCOMPANIED", "accompanied"),
         ("LOCATED_IN", "place hierarchy links"))


def summary_table(report, counts: dict[str, int], load, seconds: float) -> Table:
    """Counts in the database after this build (so a re-run shows the same numbers)."""
    table = Table(title="kg build", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("files read", str(report.files))
    table.add_row("files skipped", str(len(report.skipped)))
    table.add_row("articles in this run", str(report.articles))
    for key, label in _ROWS:
        table.add_row(label, f"{counts.get(key, 0):,}")
    table.add_row("rows written", f"{load.nodes + load.edges:,}")
    table.add_row("seconds", f"{seconds:.1f}")
    return table
