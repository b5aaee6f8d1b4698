"""Every difference between LadybugDB's and Neo4j's Cypher, in one place.

Named queries (cypher/*.cypher) and the loader's statements are written once in the
portable subset both engines accept: separate MATCH clauses, relationships bound to
variables, `x IN list`, `($p IS NULL OR …)` for optional parameters, dates passed as
`datetime.date` parameters. Where the engines truly differ a query uses a placeholder that
`render` substitutes:

  {{label:x}}         the label of node x      ladybug label(x)    neo4j labels(x)[0]
  {{type:e}}          the type of relationship ladybug label(e)    neo4j type(e)
  {{shortest:a:b:N}}  a shortest path pattern  (a)-[* SHORTEST 1..N]-(b)
                      between bound a and b    neo4j shortestPath((a)-[*..N]-(b))

Other differences are handled here without placeholders:
  - null parameters: LadybugDB types an untyped null as BOOL and then fails on
    `$p IS NULL OR n.name = $p`, so `bind` inlines NULL for null parameters there.
  - typed loader values: LadybugDB infers a parameter column's type from its values, so an
    all-null column would bind as STRING; `typed` adds a CAST there, Neo4j needs none.
  - list union (HOLDS_POSITION.sources): list_concat/list_filter/list_contains vs `+` and
    a list comprehension, which LadybugDB does not parse.
  - values coming back: Neo4j returns neo4j.time.Date, converted to datetime.date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kg.config import KgError
from kg.store.cyphertext import map_code, replace_parameters

_PLACEHOLDER = re.compile(r"\{\{(\w+):([^{}]*)\}\}")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Dialect:
    """The LadybugDB flavour; `Neo4jDialect` overrides what differs."""

    name = "ladybug"

    def render(self, cypher: str) -> str:
        """Substitute the {{…}} placeholders (outside literals and comments)."""
        return map_code(cypher, lambda code: _PLACEHOLDER.sub(self._expand, code))

    def _expand(self, m: re.Match) -> str:
        kind, args = m.group(1), m.group(2).split(":")
        if not all(_NAME.fullmatch(a) or a.isdigit() for a in args):
            raise KgError(f"bad placeholder {m.group(0)!r}")
        if kind in ("label", "type") and len(args) == 1:
            return self.label(args[0]) if kind == "label" else self.rel_type(args[0])
        if kind == "shortest" and len(args) == 3 and args[2].isdigit():
            return self.shortest(args[0], args[1], int(args[2]))
        raise KgError(f"unknown placeholder {m.group(0)!r}")

    def label(self, var: str) -> str:
        return f"label({var})"

    def rel_type(self, var: str) -> str:
        return f"label({var})"

    def shortest(self, a: str, b: str, max_hops: int) -> str:
        return f"({a})-[* SHORTEST 1..{max_hops}]-({b})"

    def typed(self, expr: str, cypher_type: str) -> str:
        return f"CAST({expr} AS {cypher_type})"

    def list_union(self, a: str, b: str) -> str:
        return f"list_concat({a}, list_filter({b}, x -> NOT list_contains({a}, x)))"

    def bind(self, cypher: str, params: Mapping[str, Any]) -> tuple[str, dict]:
        """Inline null parameters as NULL literals; pass the rest as parameters."""
        nulls = {k for k, v in params.items() if v is None}
        if not nulls:
            return cypher, dict(params)
        text = replace_parameters(cypher, lambda name: "NULL" if name in nulls else None)
        return text, {k: v for k, v in params.items() if k not in nulls}

    def to_python(self, value: Any) -> Any:
        return value


class Neo4jDialect(Dialect):
    name = "neo4j"

    def label(self, var: str) -> str:
        return f"labels({var})[0]"

    def rel_type(self, var: str) -> str:
        return f"type({var})"

    def shortest(self, a: str, b: str, max_hops: int) -> str:
        return f"shortestPath(({a})-[*..{max_hops}]-({b}))"

    def typed(self, expr: str, cypher_type: str) -> str:
        return expr

    def list_union(self, a: str, b: str) -> str:
        return f"{a} + [x IN {b} WHERE NOT x IN {a}]"

    def bind(self, cypher: str, params: Mapping[str, Any]) -> tuple[str, dict]:
        return cypher, dict(params)

    def to_python(self, value: Any) -> Any:
        """neo4j.time values -> datetime; nodes and relationships -> dicts; lists recursively."""
        if hasattr(value, "to_native"):
            return value.to_native()
        if isinstance(value, list):
            return [self.to_python(v) for v in value]
        if isinstance(value, dict):
            return {k: self.to_python(v) for k, v in value.items()}
        if hasattr(value, "element_id") and hasattr(value, "items"):
            label = min(value.labels, default="") if hasattr(value, "labels") else value.type
            return {"_label": label, **{k: self.to_python(v) for k, v in value.items()}}
        return value


LADYBUG = Dialect()
NEO4J = Neo4jDialect()
