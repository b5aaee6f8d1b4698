"""Places named after a visit verb, and the hierarchy their prefixes give.

  深入卢氏县朱阳关镇、狮子坪乡调研   -> 卢氏县朱阳关镇, 狮子坪乡 (both LOCATED_IN 卢氏县)
  先后前往…修复工程、…合作社、…等进行考察   -> a project, a cooperative, …
  绿东村街道和昌湾景社区的…          -> one community inside a 街道 (和 is part of the name)
A place must end in a known suffix (镇, 社区, 号院, 工程, 合作社 …) and be followed by a list
mark or a stop (调研, 等, 的 …); generic phrases (建筑工地, 社区点位) are not places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicon import Lexicon

# What may end a place phrase: the purpose of the visit, particles, a new clause.
_STOPS = ("调研", "考察", "视察", "察看", "查看", "检查", "督导", "督查", "观摩", "慰问", "走访",
          "看望", "开展", "进行", "参观", "观看", "了解", "听取", "召开", "指导", "实地", "就",
          "对", "围绕", "针对", "现场", "详细", "宣讲", "座谈", "交流", "调度", "推进", "举行",
          "等", "的", "一户", "与", "同", "为", "向", "时", "期间", "并", "进", "检验", "暗访",
          "体验", "聆听", "出席", "参加", "看", "实地察看", "走进", "蹲点", "送", "问")
_LIST_MARKS = "、"
_HARD_STOPS = "的和及与等了"
_AND = ("和", "及", "与")
_RANK = {"省": 1, "自治区": 1, "市": 2, "区": 3, "县": 3, "街道": 4, "镇": 4, "乡": 4,
         "社区": 5, "村": 5}
_ADMIN = re.compile(
    r"[\u4e00-\u9fff0-9]{2,8}?(?:省|市|区|县|街道|镇|乡|社区|村)(?!场|民|域|级|委|间|口|庄|里|落|道)"
)
_MAX_PLACE = 30


@dataclass(frozen=True)
class PlaceMention:
    name: str
    kind: str  # location | project | organization
    start: int
    end: int


def _suffix_at(text: str, end: int, lex: Lexicon) -> str | None:
    for n in (4, 3, 2, 1):
        if end - n >= 0 and text[end - n : end] in lex.place_suffixes:
            return text[end - n : end]
    return None


def _stop_at(text: str, i: int) -> bool:
    return i >= len(text) or not _is_word(text[i]) or any(text.startswith(s, i) for s in _STOPS)


def _is_word(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch.isdigit() or ch in "#号·"


def _rank(name: str) -> int:
    for suffix, rank in sorted(_RANK.items(), key=lambda kv: -len(kv[0])):
        if name.endswith(suffix):
            return rank
    return 9


def place_at(text: str, i: int, lex: Lexicon) -> tuple[PlaceMention | None, int]:
    """The longest place phrase starting at `i` that a stop or list mark follows."""
    best: PlaceMention | None = None
    j = i
    while j < len(text) and j - i < _MAX_PLACE and _is_word(text[j]):
        if j > i and text[j] in _HARD_STOPS:
            break  # a place name does not run across 的/和/等 (和 inside a name: _merge_and)
        j += 1
        suffix = _suffix_at(text, j, lex)
        if suffix and (_stop_at(text, j) or text[j : j + 1] in _LIST_MARKS
                       or text.startswith(_AND, j)):
            best = PlaceMention(text[i:j], lex.place_suffixes[suffix], i, j)
    if best is None or _generic(best.name, lex):
        return None, best.end if best else i
    return best, best.end


def _generic(name: str, lex: Lexicon) -> bool:
    """建筑工地, 各街道, 社区: a suffix with nothing proper in front of it."""
    core = name
    for prefix in sorted(lex.generic_places, key=len, reverse=True):
        core = core.removeprefix(prefix)
    suffix = _suffix_at(core, len(core), lex) or ""
    head = core[: len(core) - len(suffix)]
    generic = lex.generic_places
    return len(name) < 3 or name in generic or len(head) < 1 or head in generic


def places_after(text: str, at: int, lex: Lexicon) -> list[PlaceMention]:
    """The places listed from `at` (right after a visit verb), in order."""
    found: list[PlaceMention] = []
    i = at
    while i < len(text):
        place, end = place_at(text, i, lex)
        if place is not None:
            place = _merge_and(text, place, lex)
            found.append(place)
            end = place.end
        if text[end : end + 1] in _LIST_MARKS or place is not None and text.startswith(_AND, end):
            i = end + 1
        else:
            break
    return found


def _merge_and(text: str, place: PlaceMention, lex: Lexicon) -> PlaceMention:
    """绿东村街道和昌湾景社区: a bigger unit, 和, then a smaller one is a single name."""
    if not text.startswith("和", place.end) or _rank(place.name) > 4:
        return place
    nxt, _ = place_at(text, place.end + 1, lex)
    if nxt is None or _rank(nxt.name) <= _rank(place.name):
        return place
    return PlaceMention(text[place.start : nxt.end], nxt.kind, place.start, nxt.end)


def hierarchy(name: str) -> list[str]:
    """Admin prefixes of a place name, outermost first: 卢氏县朱阳关镇 -> [卢氏县]."""
    out: list[str] = []
    i = 0
    while True:
        m = _ADMIN.match(name, i)
        if not m or m.end() >= len(name):
            return out
        out.append(name[: m.end()])
        i = m.end()


def coordinated_parent(first: str, other: str) -> str | None:
    """卢氏县朱阳关镇、狮子坪乡: a sibling of the same rank shares the first one's parent."""
    parents = hierarchy(first)
    if not parents or _rank(first) != _rank(other) or _rank(other) > 5 or hierarchy(other):
        return None
    return parents[-1]
