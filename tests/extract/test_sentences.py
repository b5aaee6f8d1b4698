"""The extractor on real sentences of the genre: one behaviour per test, exact facts."""

from __future__ import annotations

import pytest

from kg.extract import extract_page
from kg.ingest.pages import split_page


def facts_of(text: str, source: str = "page.txt"):
    return extract_page(split_page(text, source))


def positions(text: str) -> set[tuple]:
    return {(f.person, f.org, f.title) for f in facts_of(text) if f.fact == "HOLDS_POSITION"}


def visits(text: str) -> set[tuple]:
    return {(f.person, f.place, f.date) for f in facts_of(text) if f.fact == "INSPECTED"}


def roles(text: str) -> dict[str, str]:
    return {f.person: f.role for f in facts_of(text) if f.fact == "ATTENDED"}


def test_title_glued_to_name():
    text = "本报讯 9月8日，中原区委书记乔耸到伊河路小学走访慰问教职工。记者 张改华\n"
    assert positions(text) == {("乔耸", "中原区委", "书记")}


def test_one_person_two_positions_with_office_abbreviation():
    text = "本报讯 8月3日上午，中原区委副书记、区委办主任杜建强主持召开主任办公会。记者 张改华\n"
    assert positions(text) == {("杜建强", "中原区委", "副书记"),
                               ("杜建强", "中原区委办公室", "主任")}


def test_one_title_three_people():
    text = ("本报讯 6月23日，中原区召开全区疫情防控工作会。区政府副区长于珊、邵春雨、刘斌，"
            "区政府党组成员王泰峰参加会议。记者 张改华\n")
    assert positions(text) == {("于珊", "中原区政府", "副区长"), ("邵春雨", "中原区政府", "副区长"),
                               ("刘斌", "中原区政府", "副区长"), ("王泰峰", "中原区政府党组", "成员")}


def test_discipline_and_supervision_bodies_hang_under_the_district():
    text = ("本报讯 6月24日，中原区委常委、纪委书记、监委主任薛晓军到航海西路街道段庄村"
            "调研。记者 张改华\n")
    assert positions(text) == {("薛晓军", "中原区委", "常委"), ("薛晓军", "中原区纪委", "书记"),
                               ("薛晓军", "中原区监委", "主任")}


def test_contracted_department_head_gets_the_party_committee():
    text = "本报讯 9月8日，中原区委书记乔耸，区委常委、宣传部长成小波，到伊河路小学慰问。记者 张改华\n"
    assert ("成小波", "中原区委宣传部", "部长") in positions(text)
    assert ("成小波", "中原区委", "常委") in positions(text)


def test_city_government_from_deputy_mayor():
    text = "本报讯 8月4日上午，郑州市副市长陈宏伟一行到中原区前进路25号院调研。记者 张改华\n"
    assert positions(text) == {("陈宏伟", "郑州市政府", "副市长")}
    assert visits(text) == {("陈宏伟", "中原区前进路25号院", "--08-04")}


def test_title_after_the_name_with_its_unit_before():
    text = "本报讯 5月6日，市人大常委会赵贡桥主任到中原区调研。记者 张改华\n"
    assert ("赵贡桥", "市人大常委会", "主任") in positions(text)


def test_name_ends_at_particle_and_verb():
    # lac slips: 成小波 -> 成/小波, 韩根有 -> 韩根+有
    text = ("本报讯 8月5日上午，中原区政协召开通报会。会议由区政协副主席韩根有主持，区政协主席"
            "刘守斌等出席会议。记者 张改华\n")
    assert positions(text) == {("韩根有", "中原区政协", "副主席"), ("刘守斌", "中原区政协", "主席")}
    assert roles(text) == {"韩根有": "presided", "刘守斌": "attended"}


def test_reporters_are_not_officials():
    text = "本报讯 8月5日，区委书记张改华到建设路小学调研。记者 张改华 通讯员 李萌 吴赛\n"
    assert positions(text) == set()
    article = next(f for f in facts_of(text) if f.fact == "ARTICLE")
    assert article.reporters == ("张改华",) and article.correspondents == ("李萌", "吴赛")


def test_group_visit_belongs_to_the_named_leader():
    text = ("本报讯 5月25日，中原区委副书记、区长李晓雷一行先后到北岗小区、元通市场、三官庙社区"
            "实地察看。区领导于珊陪同调研。记者 张改华\n")
    assert {p for _, p, _ in visits(text)} == {"北岗小区", "元通市场", "三官庙社区"}
    assert {w for w, _, _ in visits(text)} == {"李晓雷"}
    assert roles(text) == {"李晓雷": "led", "于珊": "accompanied"}


def test_co_subjects_all_visit_and_the_place_keeps_its_parent_prefix():
    text = ("本报讯 9月 10日、11日，中原区委书记乔耸，区委副书记、区委办主任杜建强，区政府相关"
            "负责人，带领相关部门负责人一行10人深入卢氏县朱阳关镇、狮子坪乡调研。记者 张改华\n")
    assert visits(text) == {(p, q, "--09-10") for p in ("乔耸", "杜建强")
                            for q in ("卢氏县朱阳关镇", "狮子坪乡")}
    assert roles(text) == {"乔耸": "led", "杜建强": "led"}
    located = {(f.place, f.parent) for f in facts_of(text) if f.fact == "LOCATED_IN"}
    assert located == {("卢氏县朱阳关镇", "卢氏县"), ("狮子坪乡", "卢氏县")}


def test_escorts_do_not_visit():
    text = ("本报讯 8月4日上午，郑州市副市长陈宏伟一行到桐柏路191号院调研，中原区委书记乔耸，"
            "副区长符维等陪同。记者 张改华\n")
    assert {w for w, _, _ in visits(text)} == {"陈宏伟"}
    assert roles(text) == {"陈宏伟": "led", "乔耸": "accompanied", "符维": "accompanied"}
    escorts = {(f.person, f.leader) for f in facts_of(text) if f.fact == "ACCOMPANIED"}
    assert escorts == {("乔耸", "陈宏伟"), ("符维", "陈宏伟")}


def test_visit_list_stops_at_generic_places_and_particles():
    text = ("本报讯 5月28日，中原区委书记乔耸到建设路小学慰问。乔耸一行先后来到教学楼、功能室、"
            "操场等处。记者 张改华\n")
    assert {p for _, p, _ in visits(text)} == {"建设路小学"}


def test_and_inside_a_community_name_is_not_a_conjunction():
    text = ("本报讯 8月9日，中原区委常委成小波先后察看了桐柏路街道平安街社区、绿东村街道和昌湾景"
            "社区的综合文化服务中心。记者 张改华\n")
    assert {p for _, p, _ in visits(text)} == {"桐柏路街道平安街社区", "绿东村街道和昌湾景社区"}


def test_and_between_two_schools_is_a_conjunction():
    text = "本报讯 9月8日，中原区委书记乔耸到伊河路小学和郑州外国语中学走访慰问。记者 张改华\n"
    assert {p for _, p, _ in visits(text)} == {"伊河路小学", "郑州外国语中学"}


def test_later_sentence_dates_the_visit():
    text = ("本报讯 8月9日、10日，中原区委常委成小波到平安街社区调研。8月10日，成小波先后来到"
            "常庄安置区项目工地。记者 张改华\n")
    found = visits(text)
    assert ("成小波", "常庄安置区项目工地", "--08-10") in found
    assert ("成小波", "平安街社区", "--08-09") in found


@pytest.mark.parametrize(("opening", "date", "date_end"), [
    ("9月 10日、11日，", "--09-10", "--09-11"),
    ("8月3日~7日，", "--08-03", "--08-07"),
    ("6月2日下午，", "--06-02", None),
    ("2021年12月23日，", "2021-12-23", None),
    ("近日，", None, None),
])
def test_article_dates(opening, date, date_end):
    article = next(f for f in facts_of(f"本报讯 {opening}中原区召开会议。记者 张改华\n")
                   if f.fact == "ARTICLE")
    assert (article.date, article.date_end) == (date, date_end)


def test_year_from_the_article_text():
    text = "本报讯 8月5日，中原区召开2020年度上半年政府工作通报会。记者 张改华\n"
    assert next(f for f in facts_of(text) if f.fact == "ARTICLE").date == "2020-08-05"


def test_year_from_an_ordinal_anniversary():
    text = "本报讯 9月8日下午，在第 36个教师节来临之际，中原区召开座谈会。记者 张改华\n"
    assert next(f for f in facts_of(text) if f.fact == "ARTICLE").date == "2020-09-08"


def test_web_article_half_width_punctuation_and_date_line():
    text = ("中原区领导调研国家卫生城市复审等工作\n2021-05-26 17:08:40 来源:中原网\n"
            "5月25日,中原区委副书记、区长李晓雷一行先后到北岗小区、元通市场实地察看。\n"
            "(记者 王泉林)\n")
    facts = facts_of(text)
    article = next(f for f in facts if f.fact == "ARTICLE")
    assert article.headline == "中原区领导调研国家卫生城市复审等工作"
    assert article.date == "2021-05-25" and article.reporters == ("王泉林",)
    assert {(f.person, f.place) for f in facts if f.fact == "INSPECTED"} == {
        ("李晓雷", "北岗小区"), ("李晓雷", "元通市场")}


def test_traditional_characters_same_facts_names_as_written():
    text = ("本報訊 9月10日，中原區委書記喬聳，區委副書記、區委辦主任杜建強深入盧氏縣朱陽關鎮調研。"
            "記者 張改華\n")
    assert positions(text) == {("喬聳", "中原區委", "書記"), ("杜建強", "中原區委", "副書記"),
                               ("杜建強", "中原區委辦公室", "主任")}
    assert {(w, p) for w, p, _ in visits(text)} == {("喬聳", "盧氏縣朱陽關鎮"),
                                                    ("杜建強", "盧氏縣朱陽關鎮")}


def test_every_fact_carries_its_evidence_with_exact_offsets():
    page = split_page("本报讯 9月 8日，中原区委书记乔耸到伊河路小学走访慰问。记者 张改华\n", "p.txt")
    for fact in extract_page(page):
        if fact.fact != "ARTICLE":
            assert page[0].text[fact.start : fact.end] == fact.evidence
            assert "乔耸" in fact.evidence


def test_a_verb_before_a_bare_county_is_not_a_county_name():
    text = ("本报讯 近日，县委书记王建国主持召开县委常委会会议。县委副书记、县长赵德明，县人大常委会"
            "主任孙立新等出席会议。记者 刘洋\n")
    assert positions(text) == {("王建国", "县委", "书记"), ("赵德明", "县委", "副书记"),
                               ("赵德明", None, "县长"), ("孙立新", "县人大常委会", "主任")}
    assert roles(text) == {"王建国": "presided", "赵德明": "attended", "孙立新": "attended"}


def test_another_district_escorts_and_projects():
    text = ("金水区委书记李建伟到丰产路街道调研\n2021-03-10 来源:金水网\n3月9日上午,金水区委书记"
            "李建伟带领区直有关部门负责人深入丰产路街道、经八路街道,先后到黄河路社区党群服务中心、"
            "省委家属院改造项目实地调研。区委常委、区委办主任王刚,副区长刘洋陪同。\n(记者 王泉林)\n")
    assert positions(text) == {("李建伟", "金水区委", "书记"), ("王刚", "金水区委", "常委"),
                               ("王刚", "金水区委办公室", "主任"), ("刘洋", "金水区政府", "副区长")}
    assert visits(text) == {("李建伟", p, "2021-03-09") for p in (
        "丰产路街道", "经八路街道", "黄河路社区党群服务中心", "省委家属院改造项目")}
