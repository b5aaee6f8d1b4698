"""The records that flow through the pipeline: articles, sentences and facts.

Everything here is a frozen dataclass so a stage can never mutate what an earlier stage
produced. A `Fact` is also the unit of the facts JSONL (`kg extract -o`), which is the
contract between extraction and everything downstream (`kg load` reads it back), so its
field names follow `../shared/eval/README.md`.

Provenance: every fact names its `article`, the `evidence` sentence and the sentence's
character offsets `start`/`end` in the article's `text`, so `text[start:end] == evidence`.
Dates are ISO `YYYY-MM-DD`, or `--MM-DD` when no year is stated anywhere (never invented).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields

# Kinds of fact. The first four are scored by ../shared/eval/score.py.
ARTICLE = "ARTICLE"
HOLDS_POSITION = "HOLDS_POSITION"
INSPECTED = "INSPECTED"
ATTENDED = "ATTENDED"
LOCATED_IN = "LOCATED_IN"
ACCOMPANIED = "ACCOMPANIED"
MENTION = "MENTION"  # a Location / Project / Organization named in an article
FACT_KINDS = (ARTICLE, HOLDS_POSITION, INSPECTED, ATTENDED, LOCATED_IN, ACCOMPANIED, MENTION)

# ATTENDED roles, strongest first (one primary role per person and event).
ROLES = ("led", "presided", "spoke", "attended", "accompanied")
# What a visited place is: a place, a works project, or a unit (cooperative, service centre).
PLACE_KINDS = ("location", "project", "organization")


@dataclass(frozen=True)
class Article:
    """One news article: a body (OCR wraps joined) and what the page says about it."""

    source: str  # input file name, e.g. 000_6b2d6b708e9b3ab5.txt
    ordinal: int  # position of the article in its source, from 1
    text: str
    headline: str | None = None
    date: str | None = None
    date_end: str | None = None
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    year_hint: int | None = None  # year stated elsewhere on the page, used for month/day dates

    @property
    def id(self) -> str:
        return article_id(self.source, self.ordinal)

    @property
    def text_hash(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:16]


def article_id(source: str, ordinal: int) -> str:
    return f"{source}#{ordinal}"


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article; `start`/`end` are offsets into `Article.text`."""

    article: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fact:
    """One extracted statement with its provenance; also one line of the facts JSONL.

    Which optional fields a kind uses:
      ARTICLE        headline, date, date_end, reporters, correspondents, text, text_hash, ordinal
      HOLDS_POSITION person, org, title, date
      INSPECTED      person, place, place_kind, date, date_end, event_kind
      ATTENDED       person, role, event_kind, event_name, date, date_end
      LOCATED_IN     place, parent, place_kind
      ACCOMPANIED    person, leader, date
      MENTION        name, entity (Location | Project | Organization)
    """

    fact: str
    source: str
    article: str
    evidence: str = ""
    start: int = 0
    end: int = 0
    person: str | None = None
    org: str | None = None
    title: str | None = None
    place: str | None = None
    place_kind: str | None = None
    parent: str | None = None
    role: str | None = None
    leader: str | None = None
    event_kind: str | None = None
    event_name: str | None = None
    date: str | None = None
    date_end: str | None = None
    name: str | None = None
    entity: str | None = None
    headline: str | None = None
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    text: str | None = None
    text_hash: str | None = None
    ordinal: int | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())

    @property
    def id(self) -> str:
        """A stable key: the same statement from the same sentence always gets the same id,
        so loading a facts file twice MERGEs instead of duplicating."""
        key = [self.fact, self.article, str(self.start), self.person, self.org, self.title,
               self.place, self.parent, self.role, self.leader, self.event_kind, self.date,
               self.name, self.entity]
        return hashlib.sha1("\x1f".join(k or "" for k in key).encode("utf-8")).hexdigest()[:20]

    def to_dict(self) -> dict:
        """The JSONL form: empty fields dropped, tuples as lists, plus the stable `id`."""
        out: dict = {"id": self.id}
        for k, v in asdict(self).items():
            if v is None or v == () or v == "" and k != "evidence":
                continue
            out[k] = list(v) if isinstance(v, tuple) else v
        if "extra" in out:
            out["extra"] = dict(self.extra)
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


_FACT_FIELDS = {f.name: f for f in fields(Fact)}
_TUPLE_FIELDS = {"reporters", "correspondents"}


class FactFormatError(ValueError):
    """A facts-JSONL record that cannot be read back (missing keys, wrong types)."""


def fact_from_dict(raw: dict) -> Fact:
    """Read one JSONL record back into a Fact, checking kinds and types."""
    if not isinstance(raw, dict):
        raise FactFormatError("a fact must be a JSON object")
    for key in ("fact", "source", "article"):
        if not isinstance(raw.get(key), str) or not raw.get(key):
            raise FactFormatError(f"missing or non-string key {key!r}")
    if raw["fact"] not in FACT_KINDS:
        raise FactFormatError(f"unknown fact kind {raw['fact']!r}")
    values: dict = {}
    for key, value in raw.items():
        if key not in _FACT_FIELDS or key == "id" or value is None:
            continue
        if key in _TUPLE_FIELDS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise FactFormatError(f"{key!r} must be a list of strings")
            value = tuple(value)
        elif key in ("start", "end", "ordinal"):
            if not isinstance(value, int) or isinstance(value, bool):
                raise FactFormatError(f"{key!r} must be an integer")
        elif key == "extra":
            if not isinstance(value, dict):
                raise FactFormatError("'extra' must be an object")
            value = tuple(sorted((str(k), str(v)) for k, v in value.items()))
        elif not isinstance(value, str):
            raise FactFormatError(f"{key!r} must be a string")
        values[key] = value
    return Fact(**values)
