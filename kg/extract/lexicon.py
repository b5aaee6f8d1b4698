"""The dictionaries, loaded once from kg/resources into HanLP tries.

Titles and the words that shadow them share one trie so that longest match reads 人大常委会
as a unit, never as 人大 + 常委 + 会.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from hanlp_trie import Trie

TITLE = "title"
SHADOW = "shadow"


def _lines(name: str) -> list[str]:
    text = files("kg.resources").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class Lexicon:
    titles: Trie  # title or shadow word -> TITLE | SHADOW
    surnames: frozenset[str]
    followers: Trie  # words that may follow a name
    leaders: dict[str, str]  # national leaders named before their title
    place_suffixes: dict[str, str]  # suffix -> location | project | organization
    generic_places: frozenset[str]

    def title_spans(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping titles in `text`, longest first from the left, shadows skipped."""
        return [(s, e, text[s:e]) for s, e, kind in self.titles.parse_longest(text)
                if kind == TITLE]

    def follower_at(self, text: str, i: int) -> bool:
        """Does a name-follower word (or punctuation, or the end) begin at `i`?"""
        return i >= len(text) or not _is_cjk(text[i]) or self.follower_len(text, i) > 0

    def follower_len(self, text: str, i: int) -> int:
        """Length of the longest name-follower word at `i` (0 if none)."""
        node, longest = self.followers, 0
        for n, ch in enumerate(text[i : i + 4], 1):
            node = node.transit(ch)
            if node is None:
                break
            if node._value is not None:
                longest = n
        return longest


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@cache
def lexicon() -> Lexicon:
    titles = Trie({w: TITLE for w in _lines("titles.txt")})
    titles.update({w: SHADOW for w in _lines("shadows.txt")})
    surnames = frozenset(s for ln in _lines("surnames.txt") for s in ln.split())
    leaders = dict(ln.split("\t", 1) for ln in _lines("leaders.txt"))
    suffixes = dict(ln.split("\t", 1) for ln in _lines("places.tsv"))
    return Lexicon(titles, surnames, Trie(_lines("name_followers.txt")), leaders, suffixes,
                   frozenset(_lines("generic_places.txt")))
