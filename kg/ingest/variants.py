"""Traditional -> simplified characters, one for one, for matching only.

Big5 pages write 區委書記; the gazetteers and rules are simplified (区委书记). Matching runs
on a simplified view of the text while names and quotes are kept as written. The view maps
single characters only, so it has exactly the length of the original and every offset found
in it is valid in the original. Phrase-level conversion (OpenCC's 乾燥 -> 干燥 vs 乾隆) is
not needed for that and would break the offsets.

Data: kg/resources/t2s.tsv, one `traditional<TAB>simplified` pair per line, derived from
OpenCC's TSCharacters.txt (https://github.com/BYVoid/OpenCC, Apache License 2.0) as bundled
in the PyPI package opencc-python-reimplemented 0.1.7. Derivation: the first choice of each
entry; entries listing their own character among the choices dropped (乾 -> 干 乾, 於 -> 于
於: 乾县 and the surname 於 are also simplified usage); chains collapsed (薴 -> 苧 -> 苎), so
converting twice changes nothing.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def _table() -> dict[int, int]:
    """{ord(traditional): ord(simplified)}, read once on first use (~4,100 pairs)."""
    text = files("kg.resources").joinpath("t2s.tsv").read_text(encoding="utf-8")
    table: dict[int, int] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        traditional, simplified = line.split("\t")
        table[ord(traditional)] = ord(simplified)
    return table


@cache
def _simplified_only() -> frozenset[str]:
    """Characters that are a simplified form of something and never traditional themselves.
    A few (后 干 只 里 台) are also traditional; they only blur, never flip, the vote below."""
    table = _table()
    return frozenset(chr(s) for s in table.values() if s not in table)


def to_simplified(text: str) -> str:
    """The simplified view of `text`: same length, same offsets (本報訊 -> 本报讯)."""
    return text.translate(_table())


def is_mostly_traditional(text: str) -> bool:
    """Whether `text` has more traditional-only than simplified-only characters.

    Characters shared by both scripts (的, 人, 工作) do not vote, so a short headline decides
    on the few characters that differ.
    """
    table, simplified = _table(), _simplified_only()
    traditional_votes = sum(1 for ch in text if ord(ch) in table)
    simplified_votes = sum(map(simplified.__contains__, text))
    return traditional_votes > simplified_votes
