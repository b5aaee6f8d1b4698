"""One article from 中原区 with every kind of fact, dates, lists and Chinese text."""

from kg.model import Fact

SRC = "000_6b2d6b708e9b3ab5.txt"
A1 = f"{SRC}#1"
TEXT = (
    "9月10日，区委书记乔耸到卢氏县朱阳关镇调研，区委副书记王伟陪同。"
    '乔耸察看了"沿黄生态廊道"项目。朱阳关镇位于卢氏县。'
)
S1, S2, S3 = (s + "。" for s in TEXT.split("。")[:3])


def sample_facts() -> list[Fact]:
    def f(kind: str, evidence: str, **kw) -> Fact:
        start = TEXT.index(evidence)
        return Fact(kind, SRC, A1, evidence=evidence, start=start, end=start + len(evidence), **kw)

    return [
        Fact(
            "ARTICLE",
            SRC,
            A1,
            headline="乔耸到卢氏县调研",
            date="2020-09-10",
            ordinal=1,
            reporters=("李明", "赵敏"),
            text=TEXT,
            text_hash="abc",
        ),
        f("HOLDS_POSITION", S1, person="乔耸", org="中原区委", title="书记", date="2020-09-10"),
        f("HOLDS_POSITION", S1, person="王伟", org="中原区委", title="副书记", date="2020-09-10"),
        f(
            "INSPECTED",
            S1,
            person="乔耸",
            place="卢氏县朱阳关镇",
            place_kind="location",
            date="2020-09-10",
        ),
        f(
            "INSPECTED",
            S2,
            person="乔耸",
            place="沿黄生态廊道",
            place_kind="project",
            date="2020-09-10",
        ),
        f("ACCOMPANIED", S1, person="王伟", leader="乔耸", date="2020-09-10"),
        f("ATTENDED", S1, person="乔耸", role="led", event_kind="调研", date="2020-09-10"),
        f("LOCATED_IN", S3, place="卢氏县朱阳关镇", parent="卢氏县"),
        f("MENTION", S3, name="卢氏县", entity="Location"),
    ]


