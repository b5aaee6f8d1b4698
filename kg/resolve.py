"""One entity per real thing across articles, and what one article can learn from the others.

Today this does one corpus-level job: a page that prints no year (`5月28日` only) gets one
when the officials it names hold the same offices in dated articles of the same corpus *and
all of those agree on a single year* (乔耸 / 中原区委 / 书记 seen only in 2020 -> 2020). The
inferred dates say so (`extra.year_basis`); with no evidence, or conflicting evidence, the
date stays `--MM-DD`. Within an article, places are already merged to their fullest form by
the extractor (伊河路小学 -> 中原区伊河路小学); officials are keyed by name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from kg.model import ARTICLE, HOLDS_POSITION, Fact


def resolve(facts: Iterable[Fact]) -> list[Fact]:
    facts = list(facts)
    years = _years_by_position(facts)
    inferred = _infer_years(facts, years)
    if not inferred:
        return facts
    return [_with_year(f, *inferred[f.article]) if f.article in inferred else f for f in facts]


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and not date.startswith("--") else None


def _years_by_position(facts: list[Fact]) -> dict[tuple, set[int]]:
    article_years = {f.article: _year(f.date) for f in facts if f.fact == ARTICLE}
    out: dict[tuple, set[int]] = defaultdict(set)
    for f in facts:
        if f.fact == HOLDS_POSITION and f.org and article_years.get(f.article):
            out[(f.person, f.org, f.title)].add(article_years[f.article])
    return out


def _infer_years(facts: list[Fact], years: dict[tuple, set[int]]) -> dict[str, tuple[int, str]]:
    undated = {f.article for f in facts if f.fact == ARTICLE and f.date and f.date.startswith("--")}
    evidence: dict[str, set[int]] = defaultdict(set)
    why: dict[str, list[str]] = defaultdict(list)
    for f in facts:
        if f.article in undated and f.fact == HOLDS_POSITION and f.org:
            seen = years.get((f.person, f.org, f.title), set())
            evidence[f.article] |= seen
            if seen:
                why[f.article].append(f"{f.person}/{f.org}/{f.title}")
    by_source: dict[str, set[int]] = defaultdict(set)
    source_of = {f.article: f.source for f in facts if f.fact == ARTICLE}
    for article, ys in evidence.items():
        by_source[source_of[article]] |= ys
    out = {}
    for article in undated:
        ys = by_source.get(source_of[article], set())
        if len(ys) == 1:  # the whole page points at one year
            (year,) = ys
            reasons = why.get(article) or [w for a, ws in why.items()
                                           if source_of[a] == source_of[article] for w in ws]
            out[article] = (year, "corpus: " + ", ".join(sorted(set(reasons))[:3]))
    return out


def _with_year(f: Fact, year: int, basis: str) -> Fact:
    def fill(d: str | None) -> str | None:
        return f"{year:04d}{d[1:]}" if d and d.startswith("--") else d

    if not (f.date and f.date.startswith("--")) and not (f.date_end or "").startswith("--"):
        return f
    extra = tuple(sorted(dict(f.extra, year_basis=basis).items()))
    return replace(f, date=fill(f.date), date_end=fill(f.date_end), extra=extra)
