"""ingest -> extract -> resolve: files in, resolved facts out, failures reported not fatal.

The CLI's `extract` and `build` both run this; `build` then hands the facts to the graph
and a store. A file that cannot be read or split is reported with its path and the run goes
on with the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract import extract_page
from kg.ingest.pages import split_page
from kg.ingest.sources import DEFAULT_MAX_BYTES, SourceError, SourceText, iter_sources
from kg.model import ARTICLE, Fact
from kg.resolve import resolve


@dataclass
class RunReport:
    """What a run read, skipped and produced."""

    files: int = 0
    articles: int = 0
    chars: int = 0
    skipped: list[SourceError] = field(default_factory=list)


def page_facts(source: SourceText) -> list[Fact]:
    """All facts of one decoded file."""
    return extract_page(split_page(source.text, source.name))


def extract_paths(paths: Iterable[Path], report: RunReport,
                  on_file: Callable[[Path], None] | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Fact]:
    """Facts of every readable file under `paths` (unresolved), in file order."""
    for item in iter_sources(paths, max_bytes=max_bytes):
        if on_file:
            on_file(item.path)
        if isinstance(item, SourceError):
            report.skipped.append(item)
            continue
        try:
            facts = page_facts(item)
        except Exception as e:  # noqa: BLE001 - one bad page must not stop a corpus
            report.skipped.append(SourceError(item.path, f"{item.path}: extraction failed: "
                                                         f"{type(e).__name__}: {e}"))
            continue
        report.files += 1
        report.chars += len(item.text)
        report.articles += sum(1 for f in facts if f.fact == ARTICLE)
        yield from facts


def run(paths: Iterable[Path], report: RunReport,
        on_file: Callable[[Path], None] | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES) -> list[Fact]:
    """Extract every file, then resolve across the whole corpus."""
    return resolve(extract_paths(paths, report, on_file, max_bytes))
