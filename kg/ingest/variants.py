"""Traditional and simplified characters: a one-for-one simplified view for matching, and
the characters news is made of in both scripts, which tell a right decoding from a wrong one.

Big5 pages write 區委書記; the gazetteers and rules are simplified (区委书记). Matching runs
on a simplified view of the text while names and quotes are kept as written. The view maps
single characters only, so it has exactly the length of the original and every offset found
in it is valid in the original. Phrase-level conversion (OpenCC's 乾燥 -> 干燥 vs 乾隆) is
not needed for that and would break the offsets.

Data: kg/resources/t2s.tsv, one `traditional<TAB>simplified` pair per line, derived from
OpenCC's TSCharacters.txt (https://github.com/BYVoid/OpenCC, Apache License 2.0) as bundled
in the PyPI package opencc-python-reimplemented 0.1.7. Derivation: the first choice of each
entry; entries listing their own character among the choices dropped (乾 -> 干 乾, 於 -> 于
於: 乾县 and the surname 於 are also simplified usage); chains collapsed (薴 -> 苧 -> 苎), so
converting twice changes nothing.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

# Characters that make up most of any government news report (the general top 400 plus
# 党委 巡察 脱贫 帮扶 …), in both scripts. A wrong codec turns them into rare characters, so
# their count tells the right one apart (kg.ingest.decode).
COMMON_SIMPLIFIED = (
    "的一是在不了有和人这中大为上个国以要时来们生到作地于出就分对成会可主发年动同工也能下过子"
    "说产面而方后多定行学法所民得经十三之进等部度家力里如水化高自二理起小物现实加量都两体制机"
    "当使点从业本去把性好应开合还因由其些然前外天政四日社义事平形相全表间样与关各重新线内数正"
    "心明看原又利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党"
    "程展五果员革位入常文总次品式活设及管特件长求老头基资边流路级少图统接知较将组见计别期根论"
    "运农指区强放决被干做必战先回则任取据处队保治造百规热领海口导器志世金增争济思术极交受联认"
    "共权收证改清美再采转更单风切打教速带安场身车例真务具万每目至达走积示议声报完类名确科张信"
    "整空元况今集传许步群广记需段研界究观越织影算低持音众书布复容须际商非验连断深难近千周委素"
    "技备半办青省列习响约支般史感劳便团往历市何除构府称准精值号率族维划选标写存候亲快效院查江"
    "型按格养易置层片始专状育厂京识适属包火住调满县局照参细引听该价严镇乡村街督巡察纪监廉疫控"
    "帮扶脱贫攻坚振兴贯彻落推讲召席服项企检卫环境创协职责稳护届副讯座谈宣负抓署"
)
COMMON_TRADITIONAL = (
    "這為爲個國時來們對會發動過說説產産後學經進裏裡現實兩體製機當點從業應開還義間樣與關線內數"
    "質氣變條隻沒結問無係軍並題黨員總設長頭資邊級圖統較將組見計別論運農區強決幹戰則據處隊規熱"
    "領導誌爭濟術極聯認權證採轉單風帶場車務萬達積議聲報類確張況傳許羣廣記觀織眾衆書佈復複須際"
    "驗連斷難週備辦習響約勞團歷構稱準號維劃選標寫親養層專狀廠識適屬調滿縣參細聽該價嚴鎮鄉紀監"
    "幫脫貧堅興貫徹講項檢衛環創協職責穩護屆訊談負"
)
_COMMON = frozenset(COMMON_SIMPLIFIED + COMMON_TRADITIONAL)


def common_hits(text: str) -> int:
    """How many characters of `text` are among the most common in news (either script)."""
    return sum(map(_COMMON.__contains__, text))


@cache
def _table() -> dict[int, int]:
    """{ord(traditional): ord(simplified)}, read once on first use (~4,100 pairs)."""
    text = files("kg.resources").joinpath("t2s.tsv").read_text(encoding="utf-8")
    table: dict[int, int] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        traditional, simplified = line.split("\t")
        table[ord(traditional)] = ord(simplified)
    return table


@cache
def _simplified_only() -> frozenset[str]:
    """Characters that are a simplified form of something and never traditional themselves.
    A few (后 干 只 里 台) are also traditional; they only blur, never flip, the vote below."""
    table = _table()
    return frozenset(chr(s) for s in table.values() if s not in table)


def to_simplified(text: str) -> str:
    """The simplified view of `text`: same length, same offsets (本報訊 -> 本报讯)."""
    return text.translate(_table())


def is_mostly_traditional(text: str) -> bool:
    """Whether `text` has more traditional-only than simplified-only characters.

    Characters shared by both scripts (的, 人, 工作) do not vote, so a short headline decides
    on the few characters that differ.
    """
    table, simplified = _table(), _simplified_only()
    traditional_votes = sum(1 for ch in text if ord(ch) in table)
    simplified_votes = sum(map(simplified.__contains__, text))
    return traditional_votes > simplified_votes
