"""Orgs: the full unit a title belongs to, from what is written and the article's region.

  区委书记 (article about 中原区)      -> 中原区委 / 书记
  区委办主任                          -> 中原区委办公室 / 主任
  副区长 / 区长                       -> 中原区政府 / 副区长
  区委常委、宣传部长                  -> 中原区委 / 常委 ; 中原区委宣传部 / 部长
  中原区委常委、纪委书记、监委主任    -> 中原区委 ; 中原区纪委 ; 中原区监委
  郑州市委常委、市纪委书记            -> 郑州市委 ; 郑州市纪委
  区领导于珊                          -> 中原区 / 区领导
Party departments hang under the party committee (区委宣传部); the other bodies of a place
(纪委, 监委, 政协, 人大, 政府) under the place itself.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

LEVELS = "省市区县镇乡"
_REGION = re.compile(r"^([\u4e00-\u9fff]{2,6}?(?:省|市|区|县|镇|乡|街道))")
# A place's own name ends before these when it heads a unit or a title.
_REGION_IN_TEXT = re.compile(
    r"([\u4e00-\u9fff]{2})(区|县|市)(?=委|政府|人大|政协|纪委|监委|副?[区县市]长|领导|召开|举办|开展)"
)
_NOT_REGION_END = set("社小城园片辖范发置新校景全本各该城")
HEAD_TITLES = {"区长": "区", "副区长": "区", "常务副区长": "区", "代区长": "区",
               "市长": "市", "副市长": "市", "常务副市长": "市", "代市长": "市",
               "县长": "县", "副县长": "县", "常务副县长": "县", "代县长": "县",
               "省长": "省", "副省长": "省", "常务副省长": "省", "镇长": "镇", "副镇长": "镇",
               "乡长": "乡", "副乡长": "乡"}
REGION_LEADERS = {"区领导": "区", "市领导": "市", "县领导": "县"}
PARTY_DEPTS = ("宣传部", "组织部", "统战部", "政法委", "办公室", "编办", "网信办", "党校",
               "政研室", "巡察办", "改革办", "老干部局", "直属机关工委", "社会工作部")
PLACE_BODIES = ("纪委", "监委", "政协", "人大常委会", "人大", "政府", "人大党组", "政府党组",
                "法院", "人民法院", "检察院", "人民检察院", "总工会", "团委", "妇联", "武装部")
_CONTRACTIONS = (("委办", "委办公室"), ("政府办", "政府办公室"), ("人大办", "人大办公室"),
                 ("政协办", "政协办公室"))
_SHARED_HEAD = set("部局院校所处科厅社站行庭馆")
_ORG_END = re.compile(
    r"(?:委|政府|人大|常委会|政协|部|局|办|办公室|厅|院|所|处|科|室|中心|站|队|组|党组|党委|"
    r"党工委|支部|总支|学校|小学|中学|大学|学院|医院|公司|集团|社|会|街道|社区|村|镇|乡|区|县|"
    r"市|省|馆|台|行|庭|园|基地|指挥部|联合会|协会|工委|监委|纪委|妇联|团委|武装部)$"
)


@dataclass(frozen=True)
class Regions:
    """The places an article is about, by level: {'区': '中原区', '市': '郑州市'}."""

    by_level: tuple[tuple[str, str], ...] = ()

    def get(self, level: str) -> str | None:
        return dict(self.by_level).get(level)


def find_regions(text: str, fallback: Regions | None = None) -> Regions:
    """The most named district/county/city of a text (中原区委, 中原区召开 …)."""
    counts: dict[str, Counter] = {}
    for m in _REGION_IN_TEXT.finditer(text):
        if m.group(1)[-1] in _NOT_REGION_END or not _opens_name(text, m.start()):
            continue
        counts.setdefault(m.group(2), Counter())[m.group(1) + m.group(2)] += 1
    found = {level: c.most_common(1)[0][0] for level, c in counts.items()}
    if fallback:
        found = {**dict(fallback.by_level), **found}
    return Regions(tuple(sorted(found.items())))


def _opens_name(text: str, i: int) -> bool:
    """A place name starts after punctuation, a bigger place or a preposition, never inside a
    verb phrase (王建国主持召开县委常委会: 召开县 is no county)."""
    return i == 0 or text[i - 1] in _BEFORE_REGION or not "\u4e00" <= text[i - 1] <= "\u9fff"


_BEFORE_REGION = set("省市区县州在到赴对由向为与和及是了将从据给")


@dataclass(frozen=True)
class ChainContext:
    """What earlier items of one title chain established (中原区委常委、纪委书记 -> 中原区)."""

    region: str | None = None


def _level(region: str) -> str:
    return "街道" if region.endswith("街道") else region[-1]


def _expand(raw: str) -> str:
    for short, full in _CONTRACTIONS:
        if raw.endswith(short):
            return raw[: -len(short)] + full
    return raw


_PARTY_CELLS = ("党组", "党委", "党工委", "党总支", "党支部", "支部")


def split_title(raw: str, title: str) -> tuple[str, str]:
    """区人大党组副书记 -> (区人大党组, 副书记): the party cell belongs to the unit."""
    for cell in _PARTY_CELLS:
        if title.startswith(cell) and len(title) > len(cell):
            return raw + cell, title[len(cell) :]
    return raw, title


def normalise(raw: str, title: str, ctx: ChainContext, regions: Regions
              ) -> tuple[str | None, ChainContext]:
    """(full org or None, context for the next chain item)."""
    raw = raw.strip()
    if raw and not _ORG_END.search(raw) and title[0] in _SHARED_HEAD and title.endswith("长"):
        raw += title[0]  # 宣传部长 -> 宣传部 / 部长
    raw = _expand(raw)
    if not raw:
        return _implicit(title, ctx, regions), ctx
    if raw[0] in LEVELS and not _REGION.match(raw):
        region = _region_for(raw[0], ctx, regions)
        unit = raw[1:]
        if not region:
            return raw if _ORG_END.search(raw) else None, ctx
        return _unit_in(region, unit, title), replace(ctx, region=region)
    m = _REGION.match(raw)
    if m:
        region, unit = m.group(1), raw[len(m.group(1)) :]
        return _unit_in(region, unit, title), replace(ctx, region=region)
    if raw.startswith(PARTY_DEPTS) or raw.startswith(PLACE_BODIES):
        region = ctx.region or regions.get("区") or regions.get("县")
        if region:
            party = raw.startswith(PARTY_DEPTS)
            return region + ("委" if party else "") + raw, ctx
    return (raw if _ORG_END.search(raw) else None), ctx


def _region_for(level: str, ctx: ChainContext, regions: Regions) -> str | None:
    if ctx.region and _level(ctx.region) == level:
        return ctx.region
    return regions.get(level)


def _unit_in(region: str, unit: str, title: str) -> str:
    """The org of `unit` in `region`; a bare region with 区长/副市长 means its government."""
    if not unit:
        return region + "政府" if title in HEAD_TITLES else region
    return region + unit


def _implicit(title: str, ctx: ChainContext, regions: Regions) -> str | None:
    """No unit written: 副区长 -> the district's 政府; 区领导 -> the district itself."""
    level = HEAD_TITLES.get(title) or REGION_LEADERS.get(title)
    if not level:
        return None
    region = _region_for(level, ctx, regions)
    if not region:
        return None
    return region + "政府" if title in HEAD_TITLES else region
