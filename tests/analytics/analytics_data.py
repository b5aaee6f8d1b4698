"""Two articles from 中原区: three officials, two meetings, three inspection visits."""

from kg.model import Fact

A1, A2 = "001_zy.txt#1", "001_zy.txt#2"
S1 = "9月10日，区委书记乔耸主持召开会议，张三、李四参加。"
S2 = "9月12日，乔耸、张三出席座谈会。"
S3 = "乔耸到朱阳关镇调研。"


def analytics_facts() -> list[Fact]:
    def f(kind: str, article: str, evidence: str, **kw) -> Fact:
        return Fact(kind, "001_zy.txt", article, evidence=evidence, start=0, end=len(evidence),
                    **kw)

    return [
        Fact("ARTICLE", "001_zy.txt", A1, headline="区委召开会议", date="2020-09-10", ordinal=1),
        Fact("ARTICLE", "001_zy.txt", A2, headline="座谈会召开", date="2020-09-12", ordinal=2),
        f("HOLDS_POSITION", A1, S1, person="乔耸", org="中原区委", title="书记", date="2020-09-10"),
        f("ATTENDED", A1, S1, person="乔耸", role="presided", event_kind="会议", date="2020-09-10"),
        f("ATTENDED", A1, S1, person="张三", role="attended", event_kind="会议", date="2020-09-10"),
        f("ATTENDED", A1, S1, person="李四", role="attended", event_kind="会议", date="2020-09-10"),
        f("ATTENDED", A2, S2, person="乔耸", role="attended", event_kind="座谈会",
          date="2020-09-12"),
        f("ATTENDED", A2, S2, person="张三", role="attended", event_kind="座谈会",
          date="2020-09-12"),
        f("INSPECTED", A1, S3, person="乔耸", place="朱阳关镇", date="2020-09-10"),
        f("INSPECTED", A2, S3, person="乔耸", place="朱阳关镇", date="2020-09-11"),
        f("INSPECTED", A2, S2, person="乔耸", place="沿黄生态廊道", place_kind="project",
          date="2020-09-12"),
        f("INSPECTED", A2, S2, person="张三", place="朱阳关镇", date="2020-09-12"),
        f("LOCATED_IN", A2, "小河村位于大河镇。", place="小河村", parent="大河镇"),
    ]


