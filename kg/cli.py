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

DataDir = Annotated[Path | None, typer.Option(
    "--data-dir", help="Data dir (else KG_DATA_DIR, else ./.kg).")]
Neo4jUri = Annotated[str | None, typer.Option(
    "--neo4j", help="Neo4j URI (else NEO4J_URI); default: embedded LadybugDB.")]
Database = Annotated[str | None, typer.Option("--database", help="Neo4j database name.")]


def fail(message: str, code: int = 1) -> None:
    """One line on stderr and a non-zero exit: users get the message, never a traceback."""
    from rich.markup import escape

    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def main() -> None:
    """The console script: a KgError anywhere becomes one line on stderr and exit 1."""
    try:
        app()
    except KgError as e:
        from rich.markup import escape

        err.print(f"[bold red]error:[/] {escape(str(e))}", highlight=False, soft_wrap=True)
        sys.exit(1)


# --- extract / build (pipeline) -------------------------------------------------------

Paths = Annotated[list[Path], typer.Argument(help="Files or folders of pages (.txt, .html).")]
Strict = Annotated[bool, typer.Option("--strict", help="Fail when any file is skipped.")]
MaxBytes = Annotated[int, typer.Option("--max-bytes", help="Skip files larger than this.")]


def _extract(paths: list[Path], max_bytes: int):
    """Run the pipeline with a progress bar; report skipped files on stderr."""
    from rich.progress import Progress

    from kg.ingest.sources import iter_files
    from kg.pipeline import RunReport, run

    report = RunReport()
    total = sum(1 for _ in iter_files(paths))  # walks without reading
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("extracting", total=total)
        facts = run(paths, report, lambda _p: progress.advance(task), max_bytes)
    for skipped in report.skipped:
        err.print(f"skipped: {skipped.message}", markup=False, highlight=False, soft_wrap=True)
    return facts, report


def _exit_for(report, strict: bool) -> None:
    """Exit 2 when files were skipped under --strict, 3 when nothing at all could be read."""
    if report.skipped and (strict or report.files == 0):
        raise typer.Exit(2 if strict else 3)


@app.command("extract")
def extract_command(paths: Paths, output: Annotated[Path, typer.Option("-o", "--output",
                    help="Facts JSONL to write.")], strict: Strict = False,
                    max_bytes: MaxBytes = 50 * 2**20) -> None:
    """Extract facts (JSON Lines, each with its evidence sentence) from pages."""
    from kg.export import write_facts

    facts, report = _extract(paths, max_bytes)
    write_facts(facts, output)
    console.print(f"{len(facts)} facts from {report.articles} articles in {report.files} files "
                  f"-> {output}" + (f" ({len(report.skipped)} skipped)" if report.skipped else ""),
                  highlight=False)
    _exit_for(report, strict)


@app.command("build")
def build_command(paths: Paths, data_dir: DataDir = None, neo4j: Neo4jUri = None,
                  database: Database = None, strict: Strict = False,
                  max_bytes: MaxBytes = 50 * 2**20,
                  batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = 5000) -> None:
    """Read pages, extract facts, load the graph, print a summary and write graph.html."""
    import time

    from kg.config import data_dir as resolve_data_dir
    from kg.graph import build, to_networkx
    from kg.store import open_store
    from kg.summary import summary_table
    from kg.view import write_overview

    started = time.perf_counter()
    facts, report = _extract(paths, max_bytes)
    graph = build(facts)
    try:
        with open_store(data_dir, neo4j, database) as store:
            load = store.load(graph, batch_size=batch_size)
            counts = store.counts()
            whole = to_networkx(store.read_graph())
    except KgError as e:
        fail(str(e))
    overview = resolve_data_dir(data_dir) / "graph.html"
    view = write_overview(whole, overview)
    console.print(summary_table(report, counts, load, time.perf_counter() - started))
    console.print(f"overview: {overview} ({view.nodes} nodes shown)", highlight=False)
    _exit_for(report, strict)


# --- load / query / db (store) --------------------------------------------------------

BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Rows per transaction.")]
Bulk = Annotated[bool, typer.Option("--bulk", help="First build of an empty db: COPY, not MERGE.")]
QueryText = Annotated[str | None, typer.Argument(help="A named query (see --list) or Cypher.")]


def _store_error(e: KgError) -> None:
    """Like fail(), but never wrapped: the message stays one line at any terminal width."""
    from rich.markup import escape

    err.print(f"[bold red]error:[/] {escape(str(e))}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@app.command("load")
def load_command(facts: Annotated[Path, typer.Argument(help="Facts JSONL (from kg extract).")],
                 data_dir: DataDir = None, neo4j: Neo4jUri = None, database: Database = None,
                 batch_size: BatchSize = 5000, bulk: Bulk = False) -> None:
    """Load a facts JSONL file into the graph database (MERGE: loading twice changes nothing)."""
    import importlib.util

    from kg.graph import build
    from kg.store import open_store
    from kg.store.io import read_facts

    try:
        records, bad = read_facts(facts)
        for line in bad:
            err.print(f"{facts}:{line.line}: skipped: {line.error}", markup=False,
                      highlight=False, soft_wrap=True)
        if importlib.util.find_spec("kg.resolve"):  # one entity per real thing, when present
            from kg.resolve import resolve

            records = resolve(records)
        with open_store(data_dir, neo4j, database) as store:
            report = store.load(build(records), batch_size=batch_size, bulk=bulk)
    except KgError as e:
        _store_error(e)
    console.print(f"loaded {report.nodes} nodes and {report.edges} edges from {len(records)} "
                  f"facts in {report.seconds:.1f}s ({report.rows_per_second:,.0f} rows/s, "
                  f"{report.method})", highlight=False)
    if report.skipped_edges:
        err.print(f"warning: {report.skipped_edges} edges skipped: an end node is missing "
                  "(an article without its ARTICLE record?)", highlight=False, soft_wrap=True)


@app.command("query")
def query_command(
        query: QueryText = None,
        param: Annotated[list[str] | None, typer.Option("-p", "--param", help="key=value")] = None,
        fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
        write: Annotated[bool, typer.Option("--write", help="Allow clauses that write.")] = False,
        list_queries: Annotated[bool, typer.Option("--list", help="List named queries.")] = False,
        data_dir: DataDir = None, neo4j: Neo4jUri = None, database: Database = None) -> None:
    """Run a named query or Cypher; read-only unless --write."""
    from rich.table import Table

    from kg.store import io as store_io
    from kg.store import open_store
    from kg.store.queries import list_named, prepare

    try:
        if list_queries:
            table = Table("name", "params", "answers")
            for q in list_named():
                params = ", ".join(p.name + ("?" if p.optional else "") for p in q.params)
                table.add_row(q.name, params, q.description)
            console.print(table)
            return
        if query is None or fmt not in store_io.FORMATS:
            fail("give a named query or Cypher (--list shows the names); --format is "
                 + " | ".join(store_io.FORMATS))
        cypher, params = prepare(query, param or [])
        with open_store(data_dir, neo4j, database, read_only=not write) as store:
            result = store.query(cypher, params, write=write)
    except KgError as e:
        _store_error(e)
    if fmt == "table":
        console.print(store_io.to_table(result))
    else:
        text = store_io.to_json(result) if fmt == "json" else store_io.to_csv(result)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


@db_app.command("info")
def db_info(data_dir: DataDir = None, neo4j: Neo4jUri = None, database: Database = None) -> None:
    """Where the graph lives, its size on disk, and how many nodes and edges of each kind."""
    from rich.table import Table

    from kg.store import open_store
    from kg.store.io import human_size

    try:
        with open_store(data_dir, neo4j, database, read_only=True) as store:
            info = store.info()
    except KgError as e:
        _store_error(e)
    counts = info.pop("counts")
    if "size_bytes" in info:
        info["size"] = human_size(info.pop("size_bytes"))
    for key, value in info.items():
        console.print(f"{key}: {value}", highlight=False)
    table = Table("label / type", "count")
    for name, count in counts.items():
        table.add_row(name, f"{count:,}")
    console.print(table)


@db_app.command("reset")
def db_reset(yes: Annotated[bool, typer.Option("--yes", help="Really delete everything.")] = False,
             data_dir: DataDir = None, neo4j: Neo4jUri = None, database: Database = None) -> None:
    """Delete every node and edge kg loaded (needs --yes)."""
    from kg.store import open_store

    if not yes:
        fail("this deletes the whole graph; run again with --yes")
    try:
        with open_store(data_dir, neo4j, database) as store:
            store.reset()
            where = store.info().get("path") or store.info().get("uri")
    except KgError as e:
        _store_error(e)
    console.print(f"reset {where}", highlight=False)


# --- view / export / stats ------------------------------------------------------------

EdgeTypes = Annotated[str | None, typer.Option("--types", help="Edge types, comma-separated "
                                               "(INSPECTED,ATTENDED,HOLDS_POSITION,...).")]
Entity = Annotated[str | None, typer.Option(help="Name or key; a part of it finds every match.")]


def _fail(message: str) -> None:
    """fail(), but never wrapped nor read as markup: names and paths print as they are."""
    from rich.markup import escape

    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _day(text: str | None, flag: str):
    """`--from 2020-09-01` -> a date; anything else is a one-line error."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        _fail(f"{flag} wants a date like 2020-09-10, not {text!r}")


def _stored_graph(data_dir: Path | None, neo4j: str | None, database: str | None):
    """The whole stored graph as networkx (opened read-only)."""
    from kg.graph import to_networkx
    from kg.store import open_store

    try:
        with open_store(data_dir, neo4j, database, read_only=True) as store:
            return to_networkx(store.read_graph())
    except KgError as e:
        _fail(str(e))


@app.command("view")
def view_command(
        output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")],
        official: Entity = None, place: Entity = None, project: Entity = None,
        event: Entity = None, office: Entity = None,
        hops: Annotated[int, typer.Option("--hops", min=1, help="How far from it.")] = 1,
        types: EdgeTypes = None,
        date_from: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
        date_to: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
        max_nodes: Annotated[int, typer.Option("--max-nodes", min=1)] = 1000,
        data_dir: DataDir = None, neo4j: Neo4jUri = None, database: Database = None) -> None:
    """Draw an official's, place's, project's, event's or office's neighbourhood as one
    offline HTML page; every edge's tooltip shows its evidence sentence."""
    from kg.view import render, subgraph

    named = {"official": official, "place": place, "project": project, "event": event,
             "office": office}
    if not any(named.values()):
        _fail("name what to draw: --official, --place, --project, --event or --office")
    g = _stored_graph(data_dir, neo4j, database)
    try:
        wanted = [t.strip() for t in types.split(",") if t.strip()] if types else None
        shown = subgraph(g, **named, hops=hops, types=wanted,
                         date_from=_day(date_from, "--from"), date_to=_day(date_to, "--to"))
        report = render(shown, output, title=" · ".join(v for v in named.values() if v),
                        max_nodes=max_nodes)
    except (KgError, OSError) as e:
        _fail(str(e))
    more = f", {report.hidden} more not shown" if report.hidden else ""
    console.print(f"{output}: {report.nodes} nodes, {report.edges} edges{more}",
                  highlight=False, soft_wrap=True)


@app.command("export")
def export_command(
        fmt: Annotated[str, typer.Option("--format", help="graphml, json (node-link), csv "
                                         "(neo4j-admin import files) or facts (JSONL).")],
        output: Annotated[Path, typer.Option("-o", "--output", help="File (a directory for csv).")],
        data_dir: DataDir = None, neo4j: Neo4jUri = None, database: Database = None) -> None:
    """Write the stored graph for other tools; csv also prints the neo4j-admin command."""
    from kg import export

    if fmt not in ("graphml", "json", "csv", "facts"):
        _fail(f"--format is graphml, json, csv or facts, not {fmt!r}")
    g = _stored_graph(data_dir, neo4j, database)
    try:
        if fmt == "csv":
            result = export.write_neo4j_csv(g, output, database=database or "neo4j")
            err.print(f"{len(result.nodes)} node and {len(result.relationships)} relationship "
                      f"files in {output}; load them into a new database with:",
                      highlight=False, soft_wrap=True)
            sys.stdout.write(result.command + "\n")
            return
        if fmt == "facts":
            count = export.write_facts(export.facts_from_graph(g), output)
        else:
            (export.write_graphml if fmt == "graphml" else export.write_json)(g, output)
            count = g.number_of_nodes()
    except OSError as e:
        _fail(f"cannot write {output}: {e.strerror or e}")
    unit = "facts" if fmt == "facts" else f"nodes, {g.number_of_edges()} edges"
    console.print(f"{output}: {count} {unit}", highlight=False, soft_wrap=True)


@app.command("stats")
def stats_command(
        fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
        top: Annotated[int, typer.Option("--top", min=1, help="Rows per ranking.")] = 10,
        data_dir: DataDir = None, neo4j: Neo4jUri = None, database: Database = None) -> None:
    """Counts, the most active officials and visited places, who meets whom, centrality."""
    import json

    from kg.analytics import stats

    if fmt not in ("table", "json"):
        _fail("--format is table or json")
    figures = stats(_stored_graph(data_dir, neo4j, database), top=top)
    if fmt == "json":
        sys.stdout.write(json.dumps(figures, ensure_ascii=False, indent=1) + "\n")
        return
    for table in _stats_tables(figures):
        console.print(table)


def _stats_tables(figures: dict) -> list:
    """One rich table per figure: the totals, name/count for counts, rankings as columns."""
    from rich.table import Table
    from rich.text import Text

    sections = {"graph": [{k: v for k, v in figures.items() if isinstance(v, int)}]}
    for name, value in figures.items():
        if isinstance(value, dict) and name != "components":
            value = [{"name": k, "count": v} for k, v in value.items()]
        elif isinstance(value, dict):
            value = [{k: ", ".join(map(str, v)) if isinstance(v, list) else v
                      for k, v in value.items()}]
        if isinstance(value, list):
            sections[name] = value
    tables = []
    for name, value in sections.items():
        table = Table(*(value[0] if value else ["(none)"]), title=name)
        for row in value:
            table.add_row(*(Text(str(v)) for v in row.values()))  # Text: names are not markup
        tables.append(table)
    return tables
