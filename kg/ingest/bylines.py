"""Bylines: who wrote an article (记者) and who supplied it (通讯员).

Staff names in bylines are never officials, so the splitter takes them out of the body.
Forms seen in this genre:
  记者 张改华 通讯员 李萌 吴赛          (own line, names spaced)
  …力争成功。记者 张改华               (glued to the last sentence)
  记者 张改华 / 通讯员 张黎             (two lines)
  （记者 王泉林）  □记者张秋阳报道       (web articles, often at the top)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.variants import to_simplified

_NAME = r"(?!通讯员|记者|实习生|特约|见习|本报)[\u4e00-\u9fff·]{2,4}"
_NAMES = rf"{_NAME}(?:[ \t\u3000、，,]+{_NAME})*"
_ROLE = r"(?:本报)?(?:记者|通讯员|实习生|特约记者|见习记者)"
# A whole byline: one or more "role names" groups, optional brackets, □, 报道/摄 and spaces.
BYLINE = re.compile(
    rf"[（(□■]?\s*((?:{_ROLE}[ \t\u3000:：]*{_NAMES}[ \t\u3000]*)+)(?:报道|摄|/摄)?\s*[)）]?\s*$"
)
_GROUP = re.compile(rf"({_ROLE})[ \t\u3000:：]*({_NAMES})")
_SPLIT = re.compile(r"[ \t\u3000、，,]+")


@dataclass(frozen=True)
class Byline:
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()

    def __add__(self, other: Byline) -> Byline:
        return Byline(self.reporters + other.reporters, self.correspondents + other.correspondents)


def _names(raw: str) -> list[str]:
    names = [n for n in _SPLIT.split(raw.strip()) if n]
    # 记者张秋阳报道: the name runs into 报道 when unspaced
    return [n[:-2] if n.endswith("报道") and len(n) > 3 else n for n in names]


def parse(text: str) -> Byline | None:
    """The byline if `text` (a line, or the tail of one) is nothing but a byline.
    Matched on the simplified form (記者 = 记者); names are returned as written."""
    written = text.strip()
    simple = to_simplified(written)
    m = BYLINE.fullmatch(simple)
    if not m:
        return None
    reporters: list[str] = []
    correspondents: list[str] = []
    for g in _GROUP.finditer(simple, m.start(1), m.end(1)):
        names = _names(written[g.start(2) : g.end(2)])
        (correspondents if g.group(1) == "通讯员" else reporters).extend(names)
    return Byline(tuple(reporters), tuple(correspondents))


_TAIL = re.compile(rf"(?<=[。！？”」』）)])\s*((?:{_ROLE}).*)$")


def split_tail(line: str) -> tuple[str, Byline | None]:
    """`…力争成功。记者 张改华` -> (`…力争成功。`, Byline); lines without one are returned whole."""
    whole = parse(line)
    if whole is not None:
        return "", whole
    m = _TAIL.search(to_simplified(line))
    if m:
        tail = parse(line[m.start(1) :])
        if tail is not None:
            return line[: m.start(1)].rstrip(), tail
    return line, None
