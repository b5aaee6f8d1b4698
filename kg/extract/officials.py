"""Officials: names glued to title chains, and the positions those chains give them.

  中原区委书记乔耸                       one title, one person
  区委副书记、区委办主任杜建强           one person, two positions (items joined by 、)
  区政府副区长于珊、邵春雨、刘斌         one title, three people
  市人大常委会赵贡桥主任 / 习近平总书记   the title after the name
A name is a known surname plus one or two characters, and its length is the one after which
a name-follower begins (乔耸一行, 韩根有主持, 成小波随同): that repairs the statistical
tagger's slips (成/小波, 韩根+有). Orgs are normalised in `orgs.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicon import Lexicon
from kg.extract.orgs import ChainContext, Regions, normalise, split_title

# Characters that end a back-scan for the org in front of a title (会议由|区政协副主席).
_ORG_STOP = set("，。；：、！？“”‘’（）《》「」…—,.;:()0123456789")
# Words that end that back-scan. A one-character word counts only after the first character,
# so 和平区委 and 任丘市 keep their names while 乔耸和区委 is cut at 和.
_ORG_STOP_WORDS = ("由", "在", "邀请", "请", "和", "与", "及", "向", "对", "为", "是", "任",
                   "带领", "陪同", "随同", "会同", "以及", "的", "了", "等", "给", "被", "把",
                   "将", "让", "据", "从", "至", "同", "暨", "兼")
# A name never ends with these (符维等陪同 is 符维, not 符维等).
_NOT_NAME_END = set("等一和与及在到同说的了对就为向从将也还又都并是率和")
_MAX_ORG = 20
_UNIT_END = set("委会局办部院厅处科组队站所府")


@dataclass(frozen=True)
class Position:
    org: str | None
    title: str
    raw_org: str  # the unit as written before the title


@dataclass(frozen=True)
class OfficialMention:
    """A named official in a sentence; offsets are compact-text offsets of the sentence."""

    name: str
    start: int
    end: int
    positions: tuple[Position, ...]
    chain_start: int  # where the title chain before the name begins


def name_at(text: str, i: int, lex: Lexicon, known: frozenset[str] = frozenset()) -> str | None:
    """The person name starting at `i`, or None."""
    for name in sorted((k for k in known if text.startswith(k, i)), key=len, reverse=True):
        return name
    surname = 2 if text[i : i + 2] in lex.surnames else 1
    if text[i : i + surname] not in lex.surnames:
        return None
    for length in (surname + 2, surname + 1):
        cand = text[i : i + length]
        if len(cand) < length or not all("\u4e00" <= c <= "\u9fff" for c in cand):
            continue
        if cand[-1] in _NOT_NAME_END or lex.titles.parse_longest(cand[surname:]):
            continue
        if length > surname + 1 and lex.follower_len(text, i + length - 1) >= 2:
            continue  # 乔耸一行, 于珊陪同: the last character starts the follower word
        if lex.follower_at(text, i + length):
            return cand
    return None


def _org_before(text: str, start: int, floor: int) -> tuple[str, int]:
    """The unit written right before a title: back to punctuation or a stop word."""
    i = start
    while i > floor and start - i < _MAX_ORG and text[i - 1] not in _ORG_STOP:
        i -= 1
    raw = text[i:start]
    cut = max((raw.rfind(w) + len(w) for w in _ORG_STOP_WORDS
               if raw.rfind(w) > 0 or (len(w) > 1 and w in raw)), default=0)
    return raw[cut:], i + cut


def find_officials(text: str, regions: Regions, lex: Lexicon,
                   known: frozenset[str] = frozenset()) -> list[OfficialMention]:
    """All title-chain officials in one sentence (compact text), in order."""
    out: list[OfficialMention] = []
    spans = lex.title_spans(text)
    pending: list[tuple[str, str, int]] = []  # (raw org, title, start) items waiting for a name
    floor = 0
    for n, (start, end, title) in enumerate(spans):
        raw, org_start = _org_before(text, start, floor)
        if not pending or text[org_start - 1 : org_start] != "、":
            pending = []
        pending.append((raw, title, org_start))
        next_start = spans[n + 1][0] if n + 1 < len(spans) else len(text)
        if text[end : end + 1] == "、" and _org_between(text, end + 1, next_start):
            floor = end + 1
            continue  # the chain goes on: 区委副书记、区委办主任…
        name = name_at(text, end, lex, known)
        floor = end
        if name is None:
            pending = []
            continue
        positions = _positions(pending, regions)
        chain_start = pending[0][2]
        out.append(OfficialMention(name, end, end + len(name), positions, chain_start))
        at = end + len(name)
        while text[at : at + 1] == "、":  # 副区长于珊、邵春雨、刘斌
            more = name_at(text, at + 1, lex, known)
            if more is None or _title_follows(text, at + 1 + len(more), lex):
                break
            out.append(OfficialMention(more, at + 1, at + 1 + len(more), positions, chain_start))
            at += 1 + len(more)
        floor = at
        pending = []
    return out + _titles_after_names(text, spans, regions, lex, known, out)


def _org_between(text: str, start: int, next_title: int) -> bool:
    """After 、 comes another chain item (an org, then a title) rather than a name."""
    gap = text[start:next_title]
    return len(gap) <= _MAX_ORG and not any(c in _ORG_STOP for c in gap)


def _title_follows(text: str, at: int, lex: Lexicon) -> bool:
    return any(s == at for s, _, _ in lex.title_spans(text[at : at + 6]) if s == 0) or any(
        text.startswith(t, at) for t in ("同志",))


def _positions(items: list[tuple[str, str, int]], regions: Regions) -> tuple[Position, ...]:
    ctx = ChainContext()
    out = []
    for raw, title, _ in items:
        raw, title = split_title(raw, title)
        org, ctx = normalise(raw, title, ctx, regions)
        out.append(Position(org, title, raw))
    return tuple(out)


_BEFORE_NAME = re.compile(r"(?:委员会|常委会|政府|政协|人大|委|局|办|部|院|校|厅|会|公司)$")


def _titles_after_names(text: str, spans: list, regions: Regions, lex: Lexicon,
                        known: frozenset[str], found: list[OfficialMention]):
    """`市人大常委会赵贡桥主任`, `习近平总书记`: the title after the name. Taken only for a listed
    national leader or when a unit is written right before the name."""
    taken = {m.start for m in found}
    out = []
    for start, _end, title in spans:
        for length in (2, 3, 4):
            s = start - length
            name = text[max(s, 0) : start]
            if s < 0 or s in taken or not all("\u4e00" <= c <= "\u9fff" for c in name):
                continue
            if lex.leaders.get(name) == title:
                out.append(OfficialMention(name, s, start, (Position(None, title, ""),), s))
                break
            surname = name[:2] if name[:2] in lex.surnames else name[:1]
            if (surname not in lex.surnames or name[-1] in _NOT_NAME_END
                    or len(name) == len(surname) or lex.titles.parse_longest(name)
                    or name[-1] in _UNIT_END):
                continue
            raw, org_start = _org_before(text, s, 0)
            if raw and _BEFORE_NAME.search(raw) and (name in known or len(raw) >= 3):
                org, _ = normalise(raw, title, ChainContext(), regions)
                out.append(OfficialMention(name, s, start, (Position(org, title, raw),), org_start))
                break
    return out
