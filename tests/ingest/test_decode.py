"""decode(): every encoding news arrives in reads back exactly; junk is reported, not kept."""

from __future__ import annotations

import codecs
import gzip
import io
import random
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.config import KgError
from kg.ingest.decode import (
    MAX_REPLACED_SHARE,
    BinaryFileError,
    Decoded,
    EmptyFileError,
    UndecodableError,
    decode,
    normalise,
)

from .samples import AMBIGUOUS_HEADLINE, SEED_TEXT, SEEDS, TRADITIONAL_TEXT

ENCODINGS = [
    # (how the file was written, bytes, encoding decode() should report)
    ("utf-8", lambda t: t.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", lambda t: t.encode("utf-8-sig"), "utf-8"),
    ("utf-16-le with BOM", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
    ("utf-16-be with BOM", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
    ("utf-16-le without BOM", lambda t: t.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be without BOM", lambda t: t.encode("utf-16-be"), "utf-16-be"),
    ("utf-32 with BOM", lambda t: t.encode("utf-32"), "utf-32"),
]


@pytest.mark.parametrize(("label", "encode", "expected"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
@pytest.mark.parametrize("text", [SEED_TEXT, TRADITIONAL_TEXT], ids=["simplified", "traditional"])
def test_unicode_encodings_read_back_exactly(label, encode, expected, text):
    decoded = decode(encode(text), "page.txt")
    assert decoded == Decoded(text, expected)


@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
@pytest.mark.parametrize("seed", SEEDS, ids=[p.name for p in SEEDS])
def test_mainland_encodings_read_back_exactly(codec, seed):
    text = seed.read_text(encoding="utf-8")
    assert decode(text.encode(codec), seed.name) == Decoded(text, "gb18030")


def test_gb2312_reads_as_its_superset_gb18030():
    assert decode(AMBIGUOUS_HEADLINE.encode("gb2312"), "x.txt").text == AMBIGUOUS_HEADLINE


@pytest.mark.parametrize("codec", ["big5", "cp950", "big5hkscs"])
def test_big5_reads_back_exactly(codec):
    decoded = decode(TRADITIONAL_TEXT.encode(codec), "tw.txt")
    assert decoded.text == TRADITIONAL_TEXT
    assert decoded.encoding == "big5"  # the plain codec fits, so it is named


def test_big5_bytes_also_fit_gb18030_but_read_as_big5():
    data = TRADITIONAL_TEXT.encode("big5")
    data.decode("gb18030")  # no error: only the character count tells them apart
    assert decode(data, "tw.txt").text == TRADITIONAL_TEXT


def test_gbk_bytes_that_also_fit_big5_read_as_gbk():
    data = AMBIGUOUS_HEADLINE.encode("gbk")
    data.decode("big5")  # no error either way
    assert decode(data, "x.txt") == Decoded(AMBIGUOUS_HEADLINE, "gb18030")


def test_line_breaks_become_newlines():
    assert decode("第一行\r\n第二行\r第三行\n".encode(), "x").text == "第一行\n第二行\n第三行\n"


def test_zero_width_characters_are_removed():
    assert decode("区\u200b委\u200c书\u200d记\ufeff".encode(), "x").text == "区委书记"


def test_nbsp_and_ideographic_space_become_spaces_keeping_length():
    text = "\u3000\u3000本报讯 区长王\u3000伟、李\u00a0强出席"
    decoded = decode(text.encode("utf-8"), "x").text
    assert decoded == "  本报讯 区长王 伟、李 强出席"
    assert len(decoded) == len(text)


def test_full_width_punctuation_is_kept():
    text = "“两个维护”（试行）：１２３，。；！？"
    assert decode(text.encode("gb18030"), "x").text == text


@pytest.mark.parametrize(
    "data",
    [b"", b" \n\t\r\n", "\u3000\u3000\n".encode(), codecs.BOM_UTF8, " \n".encode("utf-16")],
    ids=["empty", "ascii whitespace", "ideographic spaces", "bom only", "utf-16 whitespace"],
)
def test_empty_or_whitespace_only_is_reported(data):
    with pytest.raises(EmptyFileError, match="x.txt"):
        decode(data, "x.txt")


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


BINARIES = [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "a JPEG image"),
    (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
    (_zip(), ".docx"),
    (gzip.compress("本报讯".encode()), "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), ".doc"),
    (bytes(range(256)) * 8, "NUL bytes"),
]


@pytest.mark.parametrize(("data", "kind"), BINARIES, ids=[k for _, k in BINARIES])
def test_binary_files_are_named_for_what_they_are(data, kind):
    with pytest.raises(BinaryFileError, match=f"photo.txt looks like .*{kind}.*, not text"):
        decode(data, "photo.txt")


def test_random_bytes_are_undecodable():
    noise = bytes(b or 1 for b in random.Random(7).randbytes(4096))  # no NULs: not "binary"
    with pytest.raises(UndecodableError, match="noise.txt: .*% of its bytes fit no"):
        decode(noise, "noise.txt")


def test_truncated_utf8_counts_the_broken_character():
    data = SEED_TEXT.encode("utf-8") + "中".encode()[:2]
    decoded = decode(data, "cut.txt")
    assert (decoded.text, decoded.encoding, decoded.replaced) == (SEED_TEXT + "\ufffd", "utf-8", 2)
    assert decoded.warnings == ("2 undecodable byte(s) replaced by U+FFFD (read as utf-8)",)


def test_stray_byte_in_gbk_is_replaced_not_fatal():
    half = len(SEED_TEXT) // 2
    data = SEED_TEXT[:half].encode("gbk") + b"\xff" + SEED_TEXT[half:].encode("gbk")
    decoded = decode(data, "x.txt")
    assert decoded.encoding == "gb18030"
    assert decoded.replaced == 1
    assert decoded.text == SEED_TEXT[:half] + "\ufffd" + SEED_TEXT[half:]


def test_gbk_bytes_inside_a_utf8_line_are_replaced():
    line = "区委书记调研".encode() + "区委".encode("gbk") + "工作。\n".encode()
    decoded = decode(SEED_TEXT.encode("utf-8") + line, "mixed.txt")
    assert decoded.encoding == "utf-8"
    # C7 F8 CE AF: the first pair is invalid UTF-8, the second happens to be "ί".
    assert decoded.text == SEED_TEXT + "区委书记调研\ufffd\ufffdί工作。\n"
    assert decoded.replaced == 2


def test_glued_utf8_and_gbk_files_are_read_line_by_line():
    utf8, gbk = SEEDS[0].read_text(encoding="utf-8"), SEEDS[1].read_text(encoding="utf-8")
    data = utf8.encode("utf-8") + b"\n" + gbk.encode("gbk")
    decoded = decode(data, "glued.txt")
    assert (decoded.text, decoded.encoding, decoded.replaced) == (
        f"{utf8}\n{gbk}",
        "utf-8+gb18030",
        0,
    )
    assert decoded.warnings == ("lines in more than one encoding (utf-8+gb18030): glued files?",)


def test_garbage_lines_inside_text_are_undecodable():
    junk = bytes(b or 1 for b in random.Random(3).randbytes(len(SEED_TEXT.encode())))
    with pytest.raises(UndecodableError):
        decode(SEED_TEXT.encode() + junk, "mostly-junk.txt")


def test_html_meta_charset_is_honoured_when_it_fits():
    # Both codecs read these bytes; without the declaration the characters would decide.
    page = f'<meta charset="big5"><h1>{AMBIGUOUS_HEADLINE}</h1>'.encode("gbk")
    assert decode(page, "x.html").encoding == "big5"
    page = page.replace(b"big5", b"gbk")
    assert decode(page, "x.html") == Decoded(page.decode("gbk"), "gb18030")


def test_http_equiv_content_type_charset():
    page = (
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f"<p>{TRADITIONAL_TEXT}</p>"
    ).encode("gbk")  # GBK also has the traditional characters
    assert decode(page, "x.html").text == page.decode("gbk")


def test_utf8_bytes_win_over_a_stale_gbk_declaration():
    page = f'<meta charset="gbk"><p>{SEED_TEXT}</p>'.encode()
    decoded = decode(page, "x.html")
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == ("declared charset 'gbk' ignored: the bytes are valid UTF-8",)


def test_a_declaration_that_does_not_fit_is_overruled():
    page = f'<meta charset="utf-8"><p>{SEED_TEXT}</p>'.encode("gbk")
    decoded = decode(page, "x.html")
    assert (decoded.encoding, decoded.replaced) == ("gb18030", 0)
    assert "does not fit" in decoded.warnings[0]


def test_single_byte_declarations_are_ignored():
    page = f'<meta charset="iso-8859-1"><p>{SEED_TEXT}</p>'.encode("gbk")
    decoded = decode(page, "x.html")
    assert decoded.text == normalise(page.decode("gbk"))
    assert "ignored declared charset 'iso-8859-1'" in decoded.warnings[0]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_documented_errors(data):
    try:
        decoded = decode(data, "any.txt")
    except (EmptyFileError, BinaryFileError, UndecodableError) as e:
        assert isinstance(e, KgError)
        return
    assert decoded.text.strip()
    assert decoded.replaced <= MAX_REPLACED_SHARE * len(data)


NEWS_CHARS = st.sampled_from(list(SEED_TEXT + TRADITIONAL_TEXT + "abc XYZ 019\t\r\n\u3000"))


@settings(max_examples=200, deadline=None)
@given(st.text(NEWS_CHARS, min_size=1, max_size=300), st.sampled_from(["utf-8", "utf-16"]))
def test_any_news_text_round_trips_up_to_normalisation(text, codec):
    try:
        decoded = decode(text.encode(codec), "x.txt")
    except EmptyFileError:
        assert not normalise(text).strip()
        return
    assert decoded.text == normalise(text)
