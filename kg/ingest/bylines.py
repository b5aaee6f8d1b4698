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
    """The byline if `text` (a line, or the tail of one) is nothing but a byline."""
    m = BYLINE.fullmatch(text.strip())
    if not m:
        return None
    reporters: list[str] = []
    correspondents: list[str] = []
    for role, names in _GROUP.findall(m.group(1)):
        (correspondents if role == "通讯员" else reporters).extend(_names(names))
    return Byline(tuple(reporters), tuple(correspondents))


_TAIL = re.compile(rf"(?<=[。！？”」』）)])\s*((?:{_ROLE}).*)$")


def split_tail(line: str) -> tuple[str, Byline | None]:
    """`…力争成功。记者 张改华` -> (`…力争成功。`, Byline); lines without one are returned whole."""
    whole = parse(line)
    if whole is not None:
        return "", whole
    m = _TAIL.search(line)
    if m:
        tail = parse(m.group(1))
        if tail is not None:
            return line[: m.start(1)].rstrip(), tail
    return line, None
