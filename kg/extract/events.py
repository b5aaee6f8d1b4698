"""Who took part in what, in which role, and who went where.

Officials written next to each other (乔耸，区委常委、宣传部长成小波，…) form a *group*; what
follows the group says its role:
  …一行 / 带领 / 带队 / 率      led          (乔耸一行先后前往… -> the visits are 乔耸's only)
  主持 / 由…主持                presided
  陪同 / 随同 / 在…的陪同下      accompanied
  介绍 / 通报 / 宣讲 / 讲话      spoke
  出席 / 参加, or the subject of a visit or meeting verb     attended
A group right before a visit verb (到, 深入, 前往, 走进 …) visited the places listed after it,
unless it only accompanies (…等陪同). Precision first: no group, no visit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicon import Lexicon
from kg.extract.officials import OfficialMention
from kg.extract.places import PlaceMention, places_after

ROLE_RANK = {"presided": 0, "accompanied": 1, "led": 2, "spoke": 3, "attended": 4}
_CUES = (  # what may follow a group, longest first within each role
    ("led", ("一行", "带领", "带队", "率领", "率队", "率")),
    ("presided", ("主持",)),
    ("accompanied", ("陪同", "随同", "一同陪同")),
    ("spoke", ("介绍", "通报", "宣讲", "讲话", "发言", "作报告", "做报告", "讲授", "解读",
               "代表区政府通报", "代表区委", "代表区政府", "主讲", "汇报")),
    ("attended", ("出席", "参加", "参与", "到会", "听取", "观摩", "调研", "考察", "视察", "慰问",
                  "看望", "走访", "检查", "督导", "督查", "深入", "来到", "前往", "走进", "赴",
                  "到", "先后", "首先", "随后", "专程", "实地", "察看", "参观", "对")),
)
VISIT_VERBS = ("先后来到", "先后前往", "先后到", "首先来到", "首先到", "来到", "前往", "深入",
               "走进", "赴", "到", "察看了", "察看", "考察了", "视察了", "走访了", "走访")
_NOT_VISIT_BEFORE = set("受达得做感提看找遇想收报迟周听办落送直等")
_GROUP_GAP = re.compile(r"^[，、和及与]*$")
_SKIP_AFTER = re.compile(r"^(?:等(?:人)?|同志|一行\d*余?人|\d+余?人)")
_ESCORTED = re.compile(r"^在(.{1,40}?)的?陪同下")
_BY = re.compile(r"由$")
_UNNAMED = re.compile(r"^，[^，。；]{0,40}?(?:负责人|负责同志|领导|同志)(?=，|带领|陪同|随同|等)")
_PURPOSE = re.compile(r"(?:为|为了)(?:落实|贯彻|学习)|学习贯彻|传达")


@dataclass(frozen=True)
class Group:
    members: tuple[OfficialMention, ...]
    start: int  # where the first member's title chain begins
    end: int  # end of the last name
    role: str | None
    after: int  # where the cue (or the text after the group) ends
    leader: OfficialMention | None  # the one named before 一行, if any
    cue: str = ""


def groups(text: str, officials: list[OfficialMention]) -> list[Group]:
    """Contiguous officials of one sentence and the role the text gives them."""
    out: list[list[OfficialMention]] = []
    for m in sorted(officials, key=lambda m: m.start):
        if out and _GROUP_GAP.match(text[out[-1][-1].end : m.chain_start]) is not None:
            out[-1].append(m)
        else:
            out.append([m])
    return [_with_role(text, ms) for ms in out]


def _with_role(text: str, members: list[OfficialMention]) -> Group:
    start, end = members[0].chain_start, members[-1].end
    at = end
    leader = None
    rest = text[at:]
    skip = _SKIP_AFTER.match(rest)
    if skip and skip.group(0).startswith("一行"):
        leader = members[-1] if len(members) == 1 else members[0]
        return Group(tuple(members), start, end, "led", at + skip.end(), leader)
    if skip:
        at += skip.end()
    unnamed = _UNNAMED.match(text[at:])
    if unnamed:  # 乔耸，杜建强，区政府相关负责人，带领… : the unnamed do not break the group
        at += unnamed.end()
    at += len(text[at:]) - len(text[at:].lstrip("，"))
    escorted = _ESCORTED.match(text[at:])
    if escorted:
        at += escorted.end()
        text_after = text[at:].lstrip("，")
        at = len(text) - len(text_after)
    if _BY.search(text[max(0, start - 1) : start]) and "主持" in text[at : at + 4]:
        return Group(tuple(members), start, end, "presided", at, None)
    for role, cues in _CUES:
        for cue in cues:
            if text.startswith(cue, at) or (cue == "陪同" and text.startswith("等陪同", at)):
                if role == "attended" and _PURPOSE.search(text[:start]):
                    return Group(tuple(members), start, end, None, at, None)
                return Group(tuple(members), start, end, role, at + len(cue), None, cue)
    return Group(tuple(members), start, end, None, at, None)


def escorts(text: str, officials: list[OfficialMention]) -> list[OfficialMention]:
    """Officials inside `在…的陪同下`: they accompany, the group around them leads."""
    out = []
    for m in re.finditer(r"在(.{1,40}?)的?陪同下", text):
        out += [o for o in officials if m.start(1) <= o.start and o.end <= m.end(1)]
    return out


def visits(text: str, sentence_groups: list[Group], lex: Lexicon
           ) -> list[tuple[OfficialMention, PlaceMention]]:
    """(official, place) pairs: the group before a visit verb visited what the verb lists."""
    out = []
    for verb_at, verb in _visit_verbs(text):
        subject = _subject(sentence_groups, verb_at)
        if subject is None:
            continue
        places = places_after(text, verb_at + len(verb), lex)
        visitors = [subject.leader] if subject.leader else list(subject.members)
        out += [(v, p) for p in places for v in visitors]
    return out


def _visit_verbs(text: str) -> list[tuple[int, str]]:
    found = []
    i = 0
    while i < len(text):
        verb = next((v for v in VISIT_VERBS if text.startswith(v, i)), None)
        if verb and not (verb == "到" and i and text[i - 1] in _NOT_VISIT_BEFORE):
            found.append((i, verb))
            i += len(verb)
        else:
            i += 1
    return found


def _subject(sentence_groups: list[Group], verb_at: int) -> Group | None:
    """The nearest group before the verb that is not an escort or an object."""
    before = [g for g in sentence_groups if g.end <= verb_at]
    if not before:
        return None
    g = before[-1]
    # 随同…督导组 (going along with a group) still visits; 陪同 (escorting a leader) does not.
    if g.role == "accompanied" and g.cue != "随同":
        return None
    if g.role is None and verb_at - g.after > 2:
        return None
    return g
