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
from kg.ingest.variants import common_hits

MAX_REPLACED_SHARE = 0.05  # above this the "text" is mostly garbage: report, don't guess


class EmptyFileError(KgError):
    """The file holds no text at all (empty, or only whitespace)."""


class BinaryFileError(KgError):
    """The file is an image, a PDF, an archive or other binary data, not text."""


class UndecodableError(KgError):
    """Too many bytes fit none of the supported encodings to trust any reading."""


class _TooManyReplaced(Exception):
    """Raised inside the line-by-line reader to stop reading garbage early."""


@dataclass(frozen=True)
class Decoded:
    """Text ready for the pipeline; `replaced` counts undecodable bytes now shown as U+FFFD."""

    text: str
    encoding: str
    replaced: int = 0
    warnings: tuple[str, ...] = ()


_SAMPLE_BYTES = 1 << 16  # enough characters to choose a codec, cheap on a 50 MiB file

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
_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")
# Length-preserving: &nbsp; and the ideographic space (used to indent paragraphs and to pad
# two-character names, "王　伟") read as an ordinary space, so later stages match one kind.
_SPACES = ("\u00a0", "\u3000")


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
    try:
        encoding, text, replaced, warnings = _read(data)
        if replaced > MAX_REPLACED_SHARE * len(data):
            raise _TooManyReplaced
    except _TooManyReplaced:
        raise UndecodableError(
            f"{name}: over {MAX_REPLACED_SHARE:.0%} of its bytes fit no supported encoding "
            "(UTF-8, UTF-16, GB18030, Big5); if it is text, re-save it as UTF-8"
        ) from None
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
    for zero_width in _ZERO_WIDTH:
        text = text.replace(zero_width, "")
    for space in _SPACES:  # str.replace is many times faster than str.translate here
        text = text.replace(space, " ")
    return text


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
    text = _strict(data, "utf-8")
    if text is not None:
        if declared not in (None, "utf-8") and not data.isascii():
            warnings += (f"declared charset {label!r} ignored: the bytes are valid UTF-8",)
        return "utf-8", text, 0, warnings
    for codec in _BIG5_FAMILY if declared == "big5" else (declared,) if declared else ():
        text = _strict(data, codec)
        if text is not None:
            return codec, text, 0, warnings
    if label:
        warnings += (f"declared charset {label!r} does not fit the bytes; detected instead",)
    encoding, text, replaced = _detect(data)
    if "+" in encoding:
        warnings += (f"lines in more than one encoding ({encoding}): glued files?",)
    return encoding, text, replaced, warnings


_LABELS = {"utf-8-sig": "utf-8"}  # the BOM is gone from the text; the encoding is UTF-8


def _detect(data: bytes) -> tuple[str, str, int]:
    """Choose the codec on a sample, then read the file with it, line by line if it does
    not fit everywhere. A codec that fits is not enough: GB18030 reads Big5 bytes and most
    UTF-8 without error, only as nonsense, so the sample's characters decide."""
    sample = data[:_SAMPLE_BYTES]
    if len(data) > _SAMPLE_BYTES and sample.rfind(b"\n") > 0:
        sample = sample[: sample.rfind(b"\n") + 1]  # do not cut a character in two
    big5 = next((c for c in _BIG5_FAMILY if _strict(sample, c) is not None), "cp950")
    codec = _best_reading(sample, ("utf-8", "gb18030", big5))[0]
    supersets = _BIG5_FAMILY[_BIG5_FAMILY.index(codec) :] if codec in _BIG5_FAMILY else ()
    for whole in supersets or (codec,):
        text = _strict(data, whole)
        if text is not None:
            return whole, text, 0
    candidates = (codec, "gb18030", "cp950", "utf-8")
    if len(sample) < len(data):
        _read_by_line(sample, candidates)  # a file that starts as garbage is garbage: stop
    return _read_by_line(data, candidates)


def _best_reading(
    data: bytes, candidates: tuple[str, ...], sticky: bool = False
) -> tuple[str, str, int]:
    """(codec, text, replaced bytes) of the reading with most common news characters, then
    (if `sticky`) the first codec, then fewest replacements, then the earliest codec
    (mainland news is the usual case)."""
    readings = []
    for codec in candidates:
        text, replaced = _decode_counting(data, codec)
        hits = common_hits(text)
        readings.append((hits, sticky and codec == candidates[0], -replaced, codec, text))
    *_, minus_replaced, codec, text = max(readings, key=lambda r: r[:3])
    return codec, text, -minus_replaced


def _read_by_line(data: bytes, candidates: tuple[str, ...]) -> tuple[str, str, int]:
    """Each line read on its own, since files glued together from several sources mix
    encodings line by line (safe: a newline byte never occurs inside a multi-byte character
    of UTF-8, GB18030 or Big5). A line is read as UTF-8 or the file's codec when they can;
    else by another codec whose reading makes sense; else with replacements, keeping the
    file's codec when no reading makes sense (a cut-off "中" stays U+FFFD, not the GBK
    nonsense 涓). Mixed files report their codecs in order of use ("utf-8+gb18030").
    Raises _TooManyReplaced as soon as the file is garbage."""
    candidates = tuple(dict.fromkeys(candidates))  # the file's codec first, no repeats
    limit = MAX_REPLACED_SHARE * len(data)
    used: dict[str, None] = {}  # codecs in order of first use, for the label
    parts: list[str] = []
    replaced = 0
    lines = data.splitlines(keepends=True)
    for start in range(0, len(lines), _BLOCK_LINES):
        block = lines[start : start + _BLOCK_LINES]
        # Speed: glued files have long runs in one encoding, so a block usually fits whole.
        fit = _fit(b"".join(block), candidates)
        readings = [(*fit, 0)] if fit else [_read_line(line, candidates) for line in block]
        for codec, text, line_replaced in readings:
            replaced += line_replaced
            if replaced > limit:
                raise _TooManyReplaced
            if not line_replaced and not text.isascii():
                used[codec] = None
            parts.append(text)
    return "+".join(used) or candidates[0], "".join(parts), replaced


_BLOCK_LINES = 64


def _read_line(line: bytes, candidates: tuple[str, ...]) -> tuple[str, str, int]:
    fit = _fit(line, candidates)
    return (*fit, 0) if fit else _best_reading(line, candidates, sticky=True)


def _fit(chunk: bytes, candidates: tuple[str, ...]) -> tuple[str, str] | None:
    """(codec, text) of a codec that reads all of `chunk` and is believable, else None."""
    # Non-ASCII valid UTF-8 is never an accident, while GB18030 reads most UTF-8 lines.
    for codec in ("utf-8", candidates[0]):
        text = _strict(chunk, codec)
        if text is not None:
            return codec, text
    fitting = [(codec, text) for codec in candidates[1:] if (text := _strict(chunk, codec))]
    if fitting:
        codec, text = max(fitting, key=lambda reading: common_hits(reading[1]))
        if common_hits(text):  # else nothing says this is in another encoding
            return codec, text
    return None


def _strict(data: bytes, codec: str) -> str | None:
    """The text if `codec` reads every byte, else None."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


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
