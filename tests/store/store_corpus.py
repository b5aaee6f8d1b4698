"""A small real corpus for the store tests: three articles of 中原区 news, as kg.model Facts.

乔耸 (中原区委书记) leads a delegation to 卢氏县 on 2020-09-10, visits 卢氏县朱阳关镇 and a
project there, presides over a 座谈会 that 王东亮 speaks at; in later articles he is seen
in the same post again, visits 卢氏县朱阳关镇 a second time (a parallel INSPECTED edge), and
attends two meetings with 区长刘文峰, who also visits 卢氏县 and, on a date with no year, 须水街道.
"""

from __future__ import annotations

from kg.model import Fact

A1, A2, A3 = (
    "000_6b2d6b708e9b3ab5.txt#1",
    "001_3c0e1f4a9d2b7e65.txt#1",
    "002_9a41d7c2e8b05f13.txt#2",
)

TEXTS = {
    A1: "9月10日，中原区委书记乔耸带领党政代表团到卢氏县考察对接扶贫协作工作。"
    "卢氏县委书记王东亮陪同考察。"
    "乔耸一行先后来到卢氏县朱阳关镇、杜店村香菇产业园，实地查看产业发展情况。"
    "随后召开扶贫协作座谈会，乔耸主持会议，王东亮介绍卢氏县脱贫攻坚工作情况。",
    A2: "11月5日，中原区召开脱贫攻坚工作推进会。区委书记乔耸出席会议并讲话，"
    "区长刘文峰主持会议。"
    "11月6日，乔耸再次来到卢氏县朱阳关镇调研。刘文峰到卢氏县走访慰问。",
    A3: "12月1日，中原区乡村振兴观摩会召开，区委书记乔耸、区长刘文峰参加观摩。"
    "刘文峰到须水街道调研人居环境整治。",
}

A1_LEAD = "9月10日，中原区委书记乔耸带领党政代表团到卢氏县考察对接扶贫协作工作。"
A1_ESCORT = "卢氏县委书记王东亮陪同考察。"
A1_VISIT = "乔耸一行先后来到卢氏县朱阳关镇、杜店村香菇产业园，实地查看产业发展情况。"
A1_MEETING = "随后召开扶贫协作座谈会，乔耸主持会议，王东亮介绍卢氏县脱贫攻坚工作情况。"
A2_OPENING = "11月5日，中原区召开脱贫攻坚工作推进会。"
A2_MEETING = "区委书记乔耸出席会议并讲话，区长刘文峰主持会议。"
A2_VISIT = "11月6日，乔耸再次来到卢氏县朱阳关镇调研。"
A2_LIU_VISIT = "刘文峰到卢氏县走访慰问。"
A3_MEETING = "12月1日，中原区乡村振兴观摩会召开，区委书记乔耸、区长刘文峰参加观摩。"
A3_LIU_VISIT = "刘文峰到须水街道调研人居环境整治。"


def _sentence(article: str, evidence: str) -> dict:
    start = TEXTS[article].index(evidence)
    return {
        "article": article,
        "source": article.split("#")[0],
        "evidence": evidence,
        "start": start,
        "end": start + len(evidence),
    }


def _fact(kind: str, article: str, evidence: str, **kw) -> Fact:
    return Fact(kind, **_sentence(article, evidence), **kw)


def _article(article: str, headline: str, date: str) -> Fact:
    source, ordinal = article.split("#")
    return Fact(
        "ARTICLE",
        source,
        article,
        headline=headline,
        date=date,
        reporters=("张晓", "李明"),
        text=TEXTS[article],
        text_hash=f"h{ordinal}",
        ordinal=int(ordinal),
    )


def corpus_one() -> list[Fact]:
    """中原区 delegation visits 卢氏县 on 2020-09-10 (one article)."""
    return [
        _article(A1, "中原区党政代表团赴卢氏县考察对接扶贫协作工作", "2020-09-10"),
        _fact(
            "HOLDS_POSITION",
            A1,
            A1_LEAD,
            person="乔耸",
            org="中原区委",
            title="书记",
            date="2020-09-10",
        ),
        _fact(
            "HOLDS_POSITION",
            A1,
            A1_ESCORT,
            person="王东亮",
            org="卢氏县委",
            title="书记",
            date="2020-09-10",
        ),
        _fact("ACCOMPANIED", A1, A1_ESCORT, person="王东亮", leader="乔耸", date="2020-09-10"),
        _fact(
            "INSPECTED",
            A1,
            A1_VISIT,
            person="乔耸",
            place="卢氏县朱阳关镇",
            place_kind="location",
            date="2020-09-10",
            event_kind="考察",
        ),
        _fact(
            "INSPECTED",
            A1,
            A1_VISIT,
            person="乔耸",
            place="杜店村香菇产业园",
            place_kind="project",
            date="2020-09-10",
            event_kind="考察",
        ),
        _fact(
            "LOCATED_IN",
            A1,
            A1_VISIT,
            place="卢氏县朱阳关镇",
            parent="卢氏县",
            place_kind="location",
        ),
        _fact(
            "LOCATED_IN",
            A1,
            A1_VISIT,
            place="杜店村香菇产业园",
            parent="卢氏县朱阳关镇",
            place_kind="project",
        ),
        _fact(
            "ATTENDED",
            A1,
            A1_MEETING,
            person="乔耸",
            role="presided",
            event_kind="座谈会",
            event_name="扶贫协作座谈会",
            date="2020-09-10",
        ),
        _fact(
            "ATTENDED",
            A1,
            A1_MEETING,
            person="王东亮",
            role="spoke",
            event_kind="座谈会",
            event_name="扶贫协作座谈会",
            date="2020-09-10",
        ),
    ]


def corpus_two() -> list[Fact]:
    """Two later articles: 乔耸 again (same post, same town), 刘文峰, a month-day-only date."""
    return [
        _article(A2, "中原区召开脱贫攻坚工作推进会", "2020-11-05"),
        _article(A3, "中原区举办乡村振兴观摩会", "2020-12-01"),
        _fact(
            "HOLDS_POSITION",
            A2,
            A2_MEETING,
            person="乔耸",
            org="中原区委",
            title="书记",
            date="2020-11-05",
        ),
        _fact(
            "HOLDS_POSITION",
            A2,
            A2_MEETING,
            person="刘文峰",
            org="中原区人民政府",
            title="区长",
            date="2020-11-05",
        ),
        _fact(
            "ATTENDED",
            A2,
            A2_MEETING,
            person="乔耸",
            role="spoke",
            event_kind="推进会",
            event_name="脱贫攻坚工作推进会",
            date="2020-11-05",
        ),
        _fact(
            "ATTENDED",
            A2,
            A2_MEETING,
            person="刘文峰",
            role="presided",
            event_kind="推进会",
            event_name="脱贫攻坚工作推进会",
            date="2020-11-05",
        ),
        _fact(
            "INSPECTED",
            A2,
            A2_VISIT,
            person="乔耸",
            place="卢氏县朱阳关镇",
            place_kind="location",
            date="2020-11-06",
            event_kind="调研",
        ),
        _fact(
            "INSPECTED",
            A2,
            A2_LIU_VISIT,
            person="刘文峰",
            place="卢氏县",
            place_kind="location",
            date="2020-11-06",
            event_kind="走访慰问",
        ),
        _fact("MENTION", A2, A2_OPENING, name="中原区", entity="Location"),
        _fact(
            "ATTENDED",
            A3,
            A3_MEETING,
            person="乔耸",
            role="attended",
            event_kind="观摩会",
            event_name="乡村振兴观摩会",
            date="2020-12-01",
        ),
        _fact(
            "ATTENDED",
            A3,
            A3_MEETING,
            person="刘文峰",
            role="attended",
            event_kind="观摩会",
            event_name="乡村振兴观摩会",
            date="2020-12-01",
        ),
        _fact(
            "HOLDS_POSITION",
            A3,
            A3_MEETING,
            person="乔耸",
            org="中原区委",
            title="书记",
            date="2020-12-01",
        ),
        _fact(
            "INSPECTED",
            A3,
            A3_LIU_VISIT,
            person="刘文峰",
            place="须水街道",
            place_kind="location",
            date="--12-01",
            event_kind="调研",
        ),
    ]
