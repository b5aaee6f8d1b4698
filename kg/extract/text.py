"""The view of an article that rules match on, with a way back to the original offsets.

Rules see a *compact* text: OCR spaces dropped (9月 10日 -> 9月10日, 桐柏路 191号院 ->
桐柏路191号院), traditional characters simplified (區委書記 -> 区委书记) and half-width
punctuation made full-width (`,` -> `，`). `orig[i]` maps each compact character back to
the article text, so every fact keeps exact offsets and the evidence is shown as printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.ingest.variants import to_simplified

_HALF_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！",
                               "?": "？", "~": "～", "\u3000": " "})
_SENTENCE_END = "。！？；\n"


@dataclass(frozen=True)
class Compact:
    text: str
    orig: tuple[int, ...]  # compact index -> article text index
    source_len: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Compact [start, end) -> article text [start, end)."""
        if start >= end:
            at = self.orig[start] if start < len(self.orig) else self.source_len
            return at, at
        return self.orig[start], self.orig[end - 1] + 1


def compact(text: str) -> Compact:
    simple = to_simplified(text).translate(_HALF_TO_FULL)
    keep = [i for i, ch in enumerate(simple) if ch not in " \t\r"]
    return Compact("".join(simple[i] for i in keep), tuple(keep), len(text))


@dataclass(frozen=True)
class Clause:
    """A sentence of the compact text: [start, end) in compact offsets, its text."""

    index: int
    start: int
    end: int
    text: str


def sentences(view: Compact) -> list[Clause]:
    """Split on 。！？； and paragraph breaks; the end mark stays with its sentence, and a
    closing quote after it too (……。” belongs to the quote)."""
    out: list[Clause] = []
    start = 0
    text = view.text
    i = 0
    while i < len(text):
        if text[i] in _SENTENCE_END:
            end = i + 1
            while end < len(text) and text[end] in "”’」』）":
                end += 1
            if text[start:end].strip():
                out.append(Clause(len(out), start, end, text[start:end]))
            start = i = end
            continue
        i += 1
    if text[start:].strip():
        out.append(Clause(len(out), start, len(text), text[start:]))
    return out
