"""The one registry of node and relationship tables, and the DDL both backends derive from it.

kg/graph.py decides what a node or edge carries; this module pins those props to types so
LadybugDB (which needs typed tables) and Neo4j (which needs uniqueness constraints) are
generated from one place. Labels and relationship types that reach Cypher text come only
from here, never from input, so a hostile key can never become Cypher: values are always
parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.config import KgError

STRING, INT64, DATE, STRING_LIST = "STRING", "INT64", "DATE", "STRING[]"

# Every edge says where it came from (see kg.graph._provenance).
_PROVENANCE = (
    ("article", STRING),
    ("evidence", STRING),
    ("start", INT64),
    ("end", INT64),
    ("date", DATE),
    ("date_text", STRING),
)


@dataclass(frozen=True)
class NodeTable:
    label: str
    props: tuple[tuple[str, str], ...]  # (name, type) besides the primary key `key`

    @property
    def prop_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.props)


@dataclass(frozen=True)
class RelTable:
    type: str
    pairs: tuple[tuple[str, str], ...]  # (from label, to label)
    props: tuple[tuple[str, str], ...]  # besides `key`, which every relationship has

    @property
    def prop_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.props)


NODES: tuple[NodeTable, ...] = (
    NodeTable("Official", (("name", STRING),)),
    NodeTable("Office", (("org", STRING), ("title", STRING))),
    NodeTable(
        "Event",
        (
            ("kind", STRING),
            ("name", STRING),
            ("date", DATE),
            ("date_text", STRING),
            ("article", STRING),
        ),
    ),
    NodeTable("Location", (("name", STRING), ("kind", STRING))),
    NodeTable("Project", (("name", STRING),)),
    NodeTable(
        "Article",
        (
            ("source", STRING),
            ("ordinal", INT64),
            ("headline", STRING),
            ("date", DATE),
            ("date_text", STRING),
            ("reporters", STRING_LIST),
            ("correspondents", STRING_LIST),
            ("text_hash", STRING),
            ("text", STRING),
        ),
    ),
)

RELS: tuple[RelTable, ...] = (
    RelTable(
        "HOLDS_POSITION",
        (("Official", "Office"),),
        (
            *_PROVENANCE,
            ("title", STRING),
            ("first_seen", DATE),
            ("last_seen", DATE),
            ("sources", STRING_LIST),
        ),
    ),
    RelTable("ATTENDED", (("Official", "Event"),), (*_PROVENANCE, ("role", STRING))),
    RelTable(
        "INSPECTED",
        (("Official", "Location"), ("Official", "Project")),
        (*_PROVENANCE, ("date_end", DATE), ("event_kind", STRING)),
    ),
    RelTable("LOCATED_IN", (("Location", "Location"), ("Project", "Location")), _PROVENANCE),
    RelTable("ACCOMPANIED", (("Official", "Official"),), _PROVENANCE),
    RelTable("REPORTED_BY", (("Event", "Article"),), _PROVENANCE),
    RelTable(
        "MENTIONED_IN",
        (("Official", "Article"), ("Location", "Article"), ("Project", "Article")),
        _PROVENANCE,
    ),
)

_NODE_BY_LABEL = {t.label: t for t in NODES}
_REL_BY_TYPE = {t.type: t for t in RELS}


def node_table(label: str) -> NodeTable:
    """The registered table for `label`; anything else is refused, never spliced into Cypher."""
    try:
        return _NODE_BY_LABEL[label]
    except KeyError:
        raise KgError(f"unknown node label {label!r}; known: {', '.join(_NODE_BY_LABEL)}") from None


def rel_table(
    rel_type: str, src_label: str | None = None, dst_label: str | None = None
) -> RelTable:
    """The registered table for `rel_type`, checking the endpoint labels when given."""
    table = _REL_BY_TYPE.get(rel_type)
    if table is None:
        raise KgError(f"unknown relationship type {rel_type!r}; known: {', '.join(_REL_BY_TYPE)}")
    if src_label is not None and (src_label, dst_label) not in table.pairs:
        raise KgError(f"{rel_type} does not connect {src_label} to {dst_label}")
    return table


def quote(name: str) -> str:
    """Backtick a property name: `end` is a keyword in LadybugDB; backticks work on both."""
    return f"`{name}`"


def ladybug_ddl() -> list[str]:
    """CREATE ... IF NOT EXISTS statements: node tables first, rel tables reference them."""
    out = []
    for t in NODES:
        cols = ", ".join(f"{quote(n)} {ty}" for n, ty in (("key", STRING), *t.props))
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {t.label}({cols}, PRIMARY KEY(`key`))")
    for r in RELS:
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in r.pairs)
        cols = ", ".join(f"{quote(n)} {ty}" for n, ty in (("key", STRING), *r.props))
        out.append(f"CREATE REL TABLE IF NOT EXISTS {r.type}({ends}, {cols})")
    return out


def ladybug_drop() -> list[str]:
    """DROP statements in dependency order: rel tables before the node tables they join."""
    return [f"DROP TABLE IF EXISTS {t.type}" for t in RELS] + [
        f"DROP TABLE IF EXISTS {t.label}" for t in NODES
    ]


def neo4j_constraints() -> list[str]:
    """One uniqueness constraint per label: MERGE on `key` then uses the backing index."""
    return [
        f"CREATE CONSTRAINT {t.label.lower()}_key IF NOT EXISTS "
        f"FOR (n:{t.label}) REQUIRE n.key IS UNIQUE"
        for t in NODES
    ]
