"""Bytes of a news file -> text, whatever the encoding it was saved in.

Chinese local news arrives as UTF-8, as GB18030/GBK (mainland sites and Windows tools), as
Big5 (Taiwan and Hong Kong pages) and now and then as UTF-16 (Windows "Unicode" text). GBK
and Big5 bytes overlap so much that both codecs often decode the same file without error;
the tie is broken by which reading yields more of the characters news is made of.
"""

from __future__ import annotations

import codecs
import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass

from kg.config import KgError
from kg.ingest.html import declared_charset

MAX_REPLACED_SHARE = 0.05  # above this the "text" is mostly garbage: report, don't guess


class EmptyFileError(KgError):
    """The file holds no text at all (empty, or only whitespace)."""


class BinaryFileError(KgError):
    """The file is an image, a PDF, an archive or other binary data, not text."""


class UndecodableError(KgError):
    """Too many bytes fit none of the supported encodings to trust any reading."""


@dataclass(frozen=True)
class Decoded:
    """Text ready for the pipeline; `replaced` counts undecodable bytes now shown as U+FFFD."""

    text: str
    encoding: str
    replaced: int = 0
    warnings: tuple[str, ...] = ()


# Characters that make up most of any government news report, in both scripts; a wrong
# codec turns them into rare characters, so their count tells the right codec apart.
_COMMON_SIMPLIFIED = (
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
_COMMON_TRADITIONAL = (
    "這為爲個國時來們對會發動過說説產産後學經進裏裡現實兩體製機當點從業應開還義間樣與關線內數"
    "質氣變條隻沒結問無係軍並題黨員總設長頭資邊級圖統較將組見計別論運農區強決幹戰則據處隊規熱"
    "領導誌爭濟術極聯認權證採轉單風帶場車務萬達積議聲報類確張況傳許羣廣記觀織眾衆書佈復複須際"
    "驗連斷難週備辦習響約勞團歷構稱準號維劃選標寫親養層專狀廠識適屬調滿縣參細聽該價嚴鎮鄉紀監"
    "幫脫貧堅興貫徹講項檢衛環創協職責穩護屆訊談負"
)
_COMMON = frozenset(_COMMON_SIMPLIFIED + _COMMON_TRADITIONAL)
_SCORE_SAMPLE = 100_000  # characters: enough to decide, cheap on a 50 MiB file

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.pptx document)"),
    (b"PK\x05\x06", "a ZIP archive (or a .docx/.xlsx/.pptx document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office document (.doc/.xls/.ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF executable)"),
)
# Longest first: a UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What pages declare -> the codec that reads them; GB2312 and GBK pages routinely use
# characters only their superset GB18030 has, as browsers also assume.
_DECLARED = {
    **dict.fromkeys(("gb2312", "gbk", "x-gbk", "gb18030", "cp936", "chinese", "csgb2312",
                     "gb_2312-80", "iso-ir-58", "windows-936"), "gb18030"),
    **dict.fromkeys(("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950"), "big5"),
    **dict.fromkeys(("utf-8", "utf8", "unicode-1-1-utf-8"), "utf-8"),
}  # fmt: skip
_BIG5_FAMILY = ("big5", "cp950", "big5hkscs")  # web "Big5" is often one of its supersets
_ZERO_WIDTH = dict.fromkeys((0x200B, 0x200C, 0x200D, 0xFEFF))
# Length-preserving: &nbsp; and the ideographic space (used to indent paragraphs and to pad
# two-character names, "王　伟") read as an ordinary space, so later stages match one kind.
_SPACES = {0x00A0: " ", 0x3000: " "}


def sniff_binary(head: bytes) -> str | None:
    """What kind of binary file `head` (the first bytes, or all) looks like, e.g. "a PNG
    image"; None when it may be text. NUL bytes mean binary unless they follow UTF-16's
    pattern, where every ASCII character carries one."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"\x00" in head and not _bom_codec(head) and not _utf16_by_nuls(head):
        return "binary data (it contains NUL bytes)"
    return None


def decode(data: bytes, name: str) -> Decoded:
    """Decode a news file's bytes; `name` only labels error messages.

    Raises EmptyFileError, BinaryFileError or UndecodableError (all KgError) for files that
    hold no usable text; a few bad bytes are replaced by U+FFFD and counted instead.
    """
    if not data:
        raise EmptyFileError(f"{name} is empty")
    kind = sniff_binary(data)
    if kind:
        raise BinaryFileError(f"{name} looks like {kind}, not text")
    encoding, text, replaced, warnings = _read(data)
    if replaced > MAX_REPLACED_SHARE * len(data):
        raise UndecodableError(
            f"{name}: {replaced / len(data):.0%} of its bytes fit no supported encoding "
            "(UTF-8, UTF-16, GB18030, Big5); if it is text, re-save it as UTF-8"
        )
    if replaced:
        warnings += (f"{replaced} undecodable byte(s) replaced by U+FFFD (read as {encoding})",)
    text = normalise(text)
    if not text.strip():
        raise EmptyFileError(f"{name} holds only whitespace")
    return Decoded(text, encoding, replaced, warnings)


def normalise(text: str) -> str:
    """One kind of line break and space; zero-width characters (invisible, but they split
    words for matching) removed. Nothing else changes, so later offsets stay meaningful."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_ZERO_WIDTH).translate(_SPACES)


def _read(data: bytes) -> tuple[str, str, int, tuple[str, ...]]:
    """(encoding, raw text, replaced bytes, warnings) for non-binary data."""
    codec = _bom_codec(data) or (_utf16_by_nuls(data) if b"\x00" in data else None)
    if codec:
        text, replaced = _decode_counting(data, codec)
        return _LABELS.get(codec, codec), text, replaced, ()
    warnings: tuple[str, ...] = ()
    label = declared_charset(data)
    declared = _DECLARED.get(label) if label else None
    if label and not declared:
        warnings += (f"ignored declared charset {label!r}: kg reads UTF-8, GB18030 and Big5",)
    if _fits(data, "utf-8"):
        if declared not in (None, "utf-8") and not data.isascii():
            warnings += (f"declared charset {label!r} ignored: the bytes are valid UTF-8",)
        return "utf-8", data.decode("utf-8"), 0, warnings
    if declared == "big5":
        declared = next((c for c in _BIG5_FAMILY if _fits(data, c)), None)
    if declared and _fits(data, declared):
        return declared, data.decode(declared), 0, warnings
    if label:
        warnings += (f"declared charset {label!r} does not fit the bytes; detected instead",)
    big5 = next((c for c in _BIG5_FAMILY if _fits(data, c)), "cp950")
    encoding, text, replaced = _best_reading(data, ("utf-8", "gb18030", big5))
    if replaced:
        encoding, text, replaced = _read_by_line(data, (encoding, "utf-8", "gb18030", big5))
        if "+" in encoding:
            warnings += (f"lines in more than one encoding ({encoding}): glued files?",)
    return encoding, text, replaced, warnings


_LABELS = {"utf-8-sig": "utf-8"}  # the BOM is gone from the text; the encoding is UTF-8


def _best_reading(
    data: bytes, candidates: tuple[str, ...], sticky: bool = False
) -> tuple[str, str, int]:
    """(codec, text, replaced bytes) of the reading with most common news characters, then
    (if `sticky`) the first codec, then fewest replacements, then the earliest codec
    (mainland news is the usual case)."""
    readings = []
    for codec in candidates:
        text, replaced = _decode_counting(data, codec)
        hits = common_hits(text[:_SCORE_SAMPLE])
        readings.append((hits, sticky and codec == candidates[0], -replaced, codec, text))
    *_, minus_replaced, codec, text = max(readings, key=lambda r: r[:3])
    return codec, text, -minus_replaced


def _read_by_line(data: bytes, candidates: tuple[str, ...]) -> tuple[str, str, int]:
    """Each line read on its own: files glued together from several sources mix encodings
    line by line. Safe because a newline byte never occurs inside a multi-byte character
    of UTF-8, GB18030 or Big5. A line without telling characters keeps the file's codec
    (a cut-off "中" stays one U+FFFD, not the GBK mojibake 涓). The codec is reported as
    "utf-8+gb18030" for mixed files."""
    candidates = tuple(dict.fromkeys(candidates))  # the file's best reading first, no repeats
    used: dict[str, None] = {}
    parts: list[str] = []
    replaced = 0
    for line in data.splitlines(keepends=True):
        codec, text, line_replaced = _best_reading(line, candidates, sticky=True)
        if line_replaced or not line.isascii():
            used[codec] = None
        parts.append(text)
        replaced += line_replaced
    return "+".join(used) or candidates[0], "".join(parts), replaced


def common_hits(text: str) -> int:
    """How many characters of `text` are among the most common in news (either script)."""
    return sum(map(_COMMON.__contains__, text))


def _fits(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _bom_codec(data: bytes) -> str | None:
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def _utf16_by_nuls(data: bytes) -> str | None:
    """The codec of BOM-less UTF-16 data ("utf-16-le" or "utf-16-be"), else None.

    Every ASCII character (newlines, digits) carries a NUL byte in UTF-16, so such data has
    NULs; binary data has them too, but read as UTF-16 it turns into control characters and
    unassigned code points, while real text reads cleanly. Of two clean readings, the one
    with more common news characters wins.
    """
    sample = data[: 1 << 16]
    sample = sample[: len(sample) & ~1]
    readings = []
    for codec in ("utf-16-le", "utf-16-be"):
        text = sample.decode(codec, errors="replace")
        if _looks_like_text(text):
            readings.append((common_hits(text), codec == "utf-16-le", codec))
    return max(readings)[2] if readings else None


_NOT_TEXT = frozenset(("Cc", "Cn", "Co", "Cs"))  # controls, unassigned, private, surrogates


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    odd = sum(1 for ch in text if ch not in "\t\n\r\f" and unicodedata.category(ch) in _NOT_TEXT)
    return odd <= 0.02 * len(text) and text.count("\ufffd") <= 0.02 * len(text)


# A decode error handler that counts what it replaces: errors="replace" alone cannot tell
# one bad byte from a bad three-byte sequence, nor a replacement from a U+FFFD in the file.
_replaced_bytes: ContextVar[list[int]] = ContextVar("_replaced_bytes")


def _count_and_replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _replaced_bytes.get().append(error.end - error.start)
    return "\ufffd", error.end


codecs.register_error("kg-count-replace", _count_and_replace)


def _decode_counting(data: bytes, codec: str) -> tuple[str, int]:
    """(text, number of bytes replaced by U+FFFD)."""
    counts: list[int] = []
    token = _replaced_bytes.set(counts)
    try:
        text = data.decode(codec, errors="kg-count-replace")
    finally:
        _replaced_bytes.reset(token)
    return text, sum(counts)
