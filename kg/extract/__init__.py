"""Articles -> facts. Pure: text in, `Fact` records out, each with its evidence sentence.

`extract_page` handles the articles of one source together, because the page supplies what
one article may leave out (the district a bare 区委 refers to, the year).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.extract import dates, events
from kg.extract.lexicon import lexicon
from kg.extract.officials import OfficialMention, find_officials
from kg.extract.orgs import Regions, find_regions
from kg.extract.places import coordinated_parent, hierarchy
from kg.extract.text import Clause, Compact, compact, sentences
from kg.ingest.variants import to_simplified
from kg.model import (
    ACCOMPANIED,
    ARTICLE,
    ATTENDED,
    HOLDS_POSITION,
    INSPECTED,
    LOCATED_IN,
    MENTION,
    Article,
    Fact,
)

_NAMED = {"person", "org", "title", "place", "parent", "name", "leader"}
EVENT_KINDS = ("调研", "视察", "考察", "慰问", "走访", "督查", "督导", "检查", "观摩", "宣讲",
               "座谈会", "推进会", "部署会", "通报会", "工作会", "会议", "选举", "巡察", "活动")


@dataclass(frozen=True)
class PageContext:
    regions: Regions
    year: int | None  # the year the page states or implies


def page_context(articles: Sequence[Article]) -> PageContext:
    whole = compact("\n".join(a.text for a in articles)).text
    year = (articles[0].year_hint if articles else None) or dates.stated_year(whole)
    return PageContext(find_regions(whole), year or dates.anniversary_year(whole))


def extract_page(articles: Sequence[Article]) -> list[Fact]:
    ctx = page_context(articles)
    return [f for a in articles for f in extract_article(a, ctx)]


def extract_article(article: Article, page: PageContext | None = None) -> list[Fact]:
    """Every fact one article states."""
    page = page or page_context([article])
    view = compact(article.text)
    clauses = sentences(view)
    lex = lexicon()
    regions = find_regions(view.text, page.regions)
    year = article.year_hint or dates.stated_year(view.text) or page.year
    year = year or dates.anniversary_year(view.text)
    date, date_end = _article_date(view.text, year)
    staff = frozenset(article.reporters + article.correspondents)
    first = [find_officials(c.text, regions, lex) for c in clauses]
    known = frozenset(m.name for ms in first for m in ms if m.positions) - staff
    mentions = [_with_bare_names(c.text, find_officials(c.text, regions, lex, known), known)
                for c in clauses]
    mentions = [[m for m in ms if m.name not in staff] for ms in mentions]
    x = _Emitter(article, view)
    x.article(date, date_end)
    kind = _event_kind(article.headline or "", clauses[0].text if clauses else "")
    x.positions(clauses, mentions, date)
    roles: dict[str, tuple[int, str, Clause]] = {}
    current = (date, date_end)
    places_seen: list[tuple[str, Clause, events.PlaceMention, tuple]] = []
    for clause, ms in zip(clauses, mentions, strict=True):
        found = dates.find_dates(clause.text)
        if found:
            current = dates.span_iso(found[0], year)
        gs = events.groups(clause.text, ms)
        for g in gs:
            for m in g.members:
                role = g.role if not (g.leader and m is not g.leader) else "attended"
                if role and (m.name not in roles or events.ROLE_RANK[role] < roles[m.name][0]):
                    roles[m.name] = (events.ROLE_RANK[role], role, clause)
        x.accompanied(clause, gs, current[0])
        for who, place in events.visits(clause.text, gs, lex):
            places_seen.append((who.name, clause, place, current))
    for name, (_, role, clause) in sorted(roles.items(), key=lambda kv: kv[1][2].start):
        x.emit(ATTENDED, clause, person=name, role=role, event_kind=kind, date=date,
               date_end=date_end, event_name=kind)
    x.visits(places_seen, kind)
    return x.facts


def _with_bare_names(text: str, found: list[OfficialMention], known: frozenset[str]
                     ) -> list[OfficialMention]:
    """Known officials named without a title later on (乔耸一行, 乔耸表示)."""
    taken = [(m.start, m.end) for m in found]
    out = list(found)
    for name in sorted(known, key=len, reverse=True):
        i = text.find(name)
        while i >= 0:
            if not any(s < i + len(name) and i < e for s, e in taken):
                out.append(OfficialMention(name, i, i + len(name), (), i))
                taken.append((i, i + len(name)))
            i = text.find(name, i + 1)
    return sorted(out, key=lambda m: m.start)


def _article_date(text: str, year: int | None) -> tuple[str | None, str | None]:
    """The first date of the first paragraph; 近日 and friends give none."""
    first_para = text.split("\n", 1)[0]
    found = dates.find_dates(first_para[:200])
    return dates.span_iso(found[0], year) if found else (None, None)


def _event_kind(headline: str, first: str) -> str:
    for text in (first, headline):
        for kind in EVENT_KINDS:
            if kind in text:
                return kind
    return "活动"


class _Emitter:
    """Builds facts with provenance for one article."""

    def __init__(self, article: Article, view: Compact) -> None:
        self.a, self.view, self.facts = article, view, []
        simple = to_simplified(article.text)
        # 喬聳 stays 喬聳: rules match on simplified text, names go out as the article wrote them
        pairs = {s: o for s, o in zip(simple, article.text, strict=True) if s != o}
        self.written = str.maketrans(pairs) if pairs else None

    def emit(self, kind: str, clause: Clause, **fields) -> None:
        if self.written:
            fields = {k: v.translate(self.written) if isinstance(v, str) and k in _NAMED else v
                      for k, v in fields.items()}
        start, end = self.view.span(clause.start, clause.end)
        evidence = self.a.text[start:end]
        stripped = evidence.rstrip("\n")
        self.facts.append(Fact(kind, self.a.source, self.a.id, stripped.strip(),
                               start + len(evidence) - len(evidence.lstrip()),
                               end - (len(evidence) - len(stripped)), **fields))

    def article(self, date: str | None, date_end: str | None) -> None:
        a = self.a
        self.facts.append(Fact(ARTICLE, a.source, a.id, a.text[:80], 0, min(80, len(a.text)),
                               headline=a.headline, date=date, date_end=date_end,
                               reporters=a.reporters, correspondents=a.correspondents,
                               text=a.text, text_hash=a.text_hash, ordinal=a.ordinal))

    def positions(self, clauses: list[Clause], mentions: list, date: str | None) -> None:
        seen: set[tuple] = set()
        for clause, ms in zip(clauses, mentions, strict=True):
            for m in ms:
                for p in m.positions:
                    if (m.name, p.org, p.title) not in seen:
                        seen.add((m.name, p.org, p.title))
                        self.emit(HOLDS_POSITION, clause, person=m.name, org=p.org,
                                  title=p.title, date=date)

    def accompanied(self, clause: Clause, gs: list, date: str | None) -> None:
        leads = [g for g in gs if g.role in ("led", "attended")]
        for g in gs:
            if g.role == "accompanied" and g.cue == "陪同" and leads:
                lead = leads[0].leader or leads[0].members[0]
                for m in g.members:
                    self.emit(ACCOMPANIED, clause, person=m.name, leader=lead.name, date=date)

    def visits(self, seen: list, kind: str) -> None:
        names = [p.name for _, _, p, _ in seen]
        full = {n: max((m for m in names if m.endswith(n)), key=len) for n in names}
        done: set[tuple] = set()
        for who, clause, place, (date, date_end) in seen:
            name = full[place.name]
            if (who, name, date) in done:
                continue
            done.add((who, name, date))
            self.emit(INSPECTED, clause, person=who, place=name, place_kind=place.kind,
                      date=date, date_end=date_end, event_kind=kind)
        self._places(seen, full)

    def _places(self, seen: list, full: dict) -> None:
        done: set[tuple] = set()
        previous = None
        for _, clause, place, _ in seen:
            name = full[place.name]
            entity = "Project" if place.kind == "project" else "Location"
            links = list(zip(hierarchy(name)[1:] + [name], hierarchy(name), strict=False))
            if previous and not links and (parent := coordinated_parent(previous, name)):
                links = [(name, parent)]
            previous = name
            for key in [("M", name)] + links:
                if key in done:
                    continue
                done.add(key)
                if key[0] == "M":
                    self.emit(MENTION, clause, name=name, entity=entity)
                else:
                    child, parent = key
                    kind = place.kind if child == name else "location"
                    self.emit(LOCATED_IN, clause, place=child, parent=parent, place_kind=kind)
