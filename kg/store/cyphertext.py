"""A tiny Cypher lexer: tell code apart from string literals, quoted names and comments.

Two callers need this and neither may be fooled by text inside quotes: the read-only check
(a place named '… create …' in a literal is not a CREATE clause) and the LadybugDB binding
of null parameters (a '$x' inside a literal is not a parameter).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

CODE, LITERAL, COMMENT = "code", "literal", "comment"

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def segments(cypher: str) -> Iterator[tuple[str, str]]:
    """Yield (kind, text) pieces that concatenate back to `cypher`.

    Literals are '…', "…" (backslash escapes) and `…` (quoted names, `` doubles a backtick);
    comments are // to end of line and /* … */. An unterminated one runs to the end.
    """
    i, start, n = 0, 0, len(cypher)
    while i < n:
        ch, nxt = cypher[i], cypher[i + 1 : i + 2]
        if ch in "'\"`" or (ch == "/" and nxt in "/*"):
            if i > start:
                yield CODE, cypher[start:i]
            end = _token_end(cypher, i)
            yield (COMMENT if ch == "/" else LITERAL), cypher[i:end]
            i = start = end
        else:
            i += 1
    if start < n:
        yield CODE, cypher[start:]


def _token_end(text: str, i: int) -> int:
    """Index just past the literal or comment that starts at `i`."""
    ch = text[i]
    if ch == "/":
        if text[i + 1] == "/":
            nl = text.find("\n", i)
            return len(text) if nl < 0 else nl
        close = text.find("*/", i + 2)
        return len(text) if close < 0 else close + 2
    j = i + 1
    while j < len(text):
        if ch != "`" and text[j] == "\\":
            j += 2
            continue
        if text[j] == ch:
            if ch == "`" and text[j + 1 : j + 2] == "`":
                j += 2
                continue
            return j + 1
        j += 1
    return len(text)


def code_only(cypher: str) -> str:
    """The code with every literal, quoted name and comment blanked to one space."""
    return "".join(text if kind == CODE else " " for kind, text in segments(cypher))


def map_code(cypher: str, fn: Callable[[str], str]) -> str:
    """Apply `fn` to the code pieces only, leaving literals and comments as they are."""
    return "".join(fn(text) if kind == CODE else text for kind, text in segments(cypher))


def parameters(cypher: str) -> set[str]:
    """Names of the $parameters the code uses."""
    return set(_PARAM.findall(code_only(cypher)))


def replace_parameters(cypher: str, replace: Callable[[str], str | None]) -> str:
    """Rewrite each $name for which `replace(name)` returns text; None leaves it as is."""

    def sub(m: re.Match) -> str:
        new = replace(m.group(1))
        return m.group(0) if new is None else new

    return map_code(cypher, lambda code: _PARAM.sub(sub, code))
