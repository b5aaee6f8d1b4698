"""Named queries (cypher/NAME.cypher), their parameters, and the read-only guard.

A named query file starts with `//` comment lines: what it answers, then one line
`// params: official (optional), place (optional), from (optional date), to (optional date)`.
A parameter is a string unless typed `date` (ISO YYYY-MM-DD, passed as datetime.date) or
`int`; an optional one left out is passed as null, which the query tests with
`($p IS NULL OR …)`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from kg.config import KgError
from kg.store.cyphertext import code_only

_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_PARAM_SPEC = re.compile(r"([A-Za-z_]\w*)\s*(?:\(([^)]*)\))?")
_TYPES = ("string", "date", "int")

# Clauses that change data, schema or touch files. LOAD/COPY read or write files; BEGIN /
# COMMIT would let a query escape the read transaction it runs in.
_WRITE_WORDS = (
    "CREATE",
    "MERGE",
    "SET",
    "DELETE",
    "DETACH",
    "REMOVE",
    "DROP",
    "COPY",
    "LOAD",
    "ALTER",
    "INSTALL",
    "UNINSTALL",
    "ATTACH",
    "IMPORT",
    "EXPORT",
    "FOREACH",
    "CHECKPOINT",
    "BEGIN",
    "COMMIT",
    "ROLLBACK",
    "GRANT",
    "REVOKE",
    "DENY",
)
_WRITE = re.compile(r"(?<![\w.$:])(" + "|".join(_WRITE_WORDS) + r")\b", re.IGNORECASE)
# CALL of a procedure is allowed only for these read-only ones; CALL { … } / CALL (x) { … }
# subqueries are fine because their clauses are checked like the rest.
_READ_PROCEDURES = {
    "show_tables",
    "table_info",
    "show_connection",
    "db_version",
    "show_functions",
    "current_setting",
    "db.labels",
    "db.relationshiptypes",
    "db.propertykeys",
    "db.schema.visualization",
    "db.schema.nodetypeproperties",
    "db.schema.reltypeproperties",
    "dbms.components",
}
_CALL = re.compile(r"(?<![\w.$:])CALL\s+([A-Za-z_][\w.]*)", re.IGNORECASE)


class WriteNotAllowedError(KgError):
    """A query that would change the database, run without write=True / --write."""


@dataclass(frozen=True)
class ParamSpec:
    name: str
    type: str = "string"
    optional: bool = False


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[ParamSpec, ...]
    cypher: str


def check_read_only(cypher: str) -> None:
    """Refuse clauses that write; literals and comments are ignored ('… create …' is a name)."""
    code = code_only(cypher)
    m = _WRITE.search(code)
    if m:
        raise WriteNotAllowedError(
            f"refusing to run a query containing {m.group(1).upper()} without --write"
        )
    for proc in _CALL.findall(code):
        if proc.lower() not in _READ_PROCEDURES:
            raise WriteNotAllowedError(f"refusing to CALL {proc} without --write (it may write)")


def _query_dir():
    return files("kg.cypher")


def list_named() -> list[NamedQuery]:
    """Every cypher/*.cypher file, sorted by name."""
    names = sorted(
        p.name[: -len(".cypher")] for p in _query_dir().iterdir() if p.name.endswith(".cypher")
    )
    return [load_named(n) for n in names]


def is_named(name: str) -> bool:
    return bool(_NAME.fullmatch(name)) and _query_dir().joinpath(f"{name}.cypher").is_file()


def load_named(name: str) -> NamedQuery:
    """Read and parse cypher/NAME.cypher; an unknown name lists the known ones."""
    if not is_named(name):
        known = ", ".join(
            p.name[:-7]
            for p in sorted(_query_dir().iterdir(), key=lambda p: p.name)
            if p.name.endswith(".cypher")
        )
        raise KgError(f"no named query {name!r}; known: {known}")
    text = _query_dir().joinpath(f"{name}.cypher").read_text(encoding="utf-8")
    description, params = _parse_header(name, text)
    return NamedQuery(name, description, params, text)


def _parse_header(name: str, text: str) -> tuple[str, tuple[ParamSpec, ...]]:
    about, params = [], ()
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        body = line[2:].strip()
        if body.lower().startswith("params:"):
            params = _parse_params(name, body[len("params:") :])
        elif body:
            about.append(body)
    return " ".join(about), params


def _parse_params(name: str, spec: str) -> tuple[ParamSpec, ...]:
    out = []
    for item in filter(None, (s.strip() for s in spec.split(","))):
        m = _PARAM_SPEC.fullmatch(item)
        words = (m.group(2) or "").split() if m else []
        types = [w for w in words if w in _TYPES]
        if not m or len(types) > 1 or any(w not in (*_TYPES, "optional") for w in words):
            raise KgError(f"cypher/{name}.cypher: cannot read param spec {item!r}")
        out.append(ParamSpec(m.group(1), types[0] if types else "string", "optional" in words))
    return tuple(out)


def bind_params(query: NamedQuery, given: Mapping[str, Any]) -> dict[str, Any]:
    """Check `given` against the query's params: unknown or missing ones are errors, dates
    and ints are parsed, optional ones left out become None."""
    valid = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(valid))
    if unknown:
        listed = ", ".join(valid) or "none"
        raise KgError(f"{query.name}: unknown parameter {', '.join(unknown)}; valid: {listed}")
    out: dict[str, Any] = {}
    for p in query.params:
        value = given.get(p.name)
        if value is None or value == "":
            if not p.optional:
                raise KgError(f"{query.name}: parameter {p.name} is required")
            out[p.name] = None
        else:
            out[p.name] = _convert(query.name, p, value)
    return out


def _convert(query: str, p: ParamSpec, value: Any) -> Any:
    try:
        if p.type == "date":
            return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        if p.type == "int":
            return int(value)
    except ValueError:
        want = "a date YYYY-MM-DD" if p.type == "date" else "an integer"
        raise KgError(f"{query}: parameter {p.name} must be {want}, not {value!r}") from None
    return str(value)


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """`-p key=value` options -> dict; a pair without '=' is an error."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise KgError(f"parameter {pair!r} must look like key=value")
        out[key.strip()] = value
    return out


def prepare(name_or_cypher: str, assignments: list[str]) -> tuple[str, dict[str, Any]]:
    """`kg query` input -> (cypher, params): a named query with checked, typed params, or
    raw Cypher with its `key=value` params passed as strings."""
    given = parse_assignments(assignments)
    if is_named(name_or_cypher):
        named = load_named(name_or_cypher)
        return named.cypher, bind_params(named, given)
    if _NAME.fullmatch(name_or_cypher):  # looks like a name, is not one: say which exist
        load_named(name_or_cypher)
    return name_or_cypher, given
