"""to_simplified(): a length-preserving view of traditional text, for matching only."""

from __future__ import annotations

from importlib.resources import files

from kg.ingest.variants import (
    COMMON_SIMPLIFIED,
    COMMON_TRADITIONAL,
    common_hits,
    is_mostly_traditional,
    to_simplified,
)

from .samples import SEEDS, TRADITIONAL_TEXT


def test_government_vocabulary_is_simplified():
    assert to_simplified("本報訊 區委書記 縣長 會議 調研") == "本报讯 区委书记 县长 会议 调研"


def test_length_and_offsets_are_preserved():
    simplified = to_simplified(TRADITIONAL_TEXT)
    assert len(simplified) == len(TRADITIONAL_TEXT)
    at = simplified.index("市长")
    assert TRADITIONAL_TEXT[at : at + 2] == "市長"


def test_simplified_text_is_unchanged():
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        assert to_simplified(text) == text


def test_characters_also_used_in_simplified_are_kept():
    assert to_simplified("乾县 於先生") == "乾县 於先生"


def test_converting_twice_changes_nothing():
    once = to_simplified(TRADITIONAL_TEXT + "薴麻")
    assert to_simplified(once) == once
    assert once.endswith("苎麻")


def test_is_mostly_traditional():
    assert is_mostly_traditional(TRADITIONAL_TEXT)
    assert is_mostly_traditional("區委書記")
    assert not is_mostly_traditional(SEEDS[0].read_text(encoding="utf-8"))
    assert not is_mostly_traditional("的人工作")  # shared characters do not vote
    assert not is_mostly_traditional("")


def test_data_file_names_its_origin_and_maps_single_characters():
    lines = files("kg.resources").joinpath("t2s.tsv").read_text(encoding="utf-8").splitlines()
    assert "OpenCC" in lines[0] and "Apache-2.0" in lines[1]
    pairs = [line.split("\t") for line in lines if not line.startswith("#")]
    assert len(pairs) > 4000
    assert all(len(traditional) == len(simplified) == 1 for traditional, simplified in pairs)


def test_common_traditional_characters_are_forms_of_common_simplified_ones():
    assert set(to_simplified(COMMON_TRADITIONAL)) <= set(COMMON_SIMPLIFIED)


def test_common_hits_count_news_characters_in_either_script():
    assert common_hits("区委书记") == common_hits("區委書記") == 4
    assert common_hits("涓浗鍖") == 0  # UTF-8 bytes misread as GBK
