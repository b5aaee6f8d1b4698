"""Pages -> articles: find each body, join its OCR line wraps, take off its byline, and give
it the headline that belongs to it.

A newspaper page holds several articles, each opening with 本报讯 and closing with a byline.
Headlines are printed above, below or far from their body (sometimes all at the bottom), so
they are matched by content: every line outside a body goes to the article whose text shares
the most distinctive character bigrams with it. A web page is one article whose headline is
the short line(s) above the first paragraph.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from kg.ingest import bylines
from kg.ingest.variants import to_simplified
from kg.model import Article

_START = re.compile(r"^[\s　]*(?:[（(【\[]?本报讯[）)】\]]?|本报[^\s，。]{0,6}电)[\s　:：]*")
_SENTENCE_END = "。！？!?…”」』）)；;"
_DATE_LINE = re.compile(
    r"^\s*((?:19|20)\d{2})\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})"
)
_SOURCE_LINE = re.compile(r"(来源|来源于|发布时间|发布日期|编辑|责任编辑|作者)\s*[:：]")
_NOT_TEXT = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]")


@dataclass(frozen=True)
class _Body:
    first: int  # first line index (the 本报讯 line)
    last: int  # last line index of the body, byline lines excluded
    end: int  # last line index consumed (byline included)
    lines: tuple[str, ...]
    byline: bylines.Byline


def split_page(text: str, source: str) -> list[Article]:
    """All articles of one page (or web article), in printed order."""
    lines = text.split("\n")
    simple = [to_simplified(line) for line in lines]
    year = _page_year(simple)
    starts = [i for i, line in enumerate(simple) if _START.match(line)]
    if not starts:
        return _web_article(lines, simple, source, year)
    bodies = [_body(lines, simple, s, (starts + [len(lines)])[k + 1]) for k, s in enumerate(starts)]
    used = {i for b in bodies for i in range(b.first, b.end + 1)}
    gap_lines = [(i, lines[i].strip()) for i in range(len(lines)) if i not in used]
    texts = [_join(b.lines) for b in bodies]
    heads = _assign_headlines(gap_lines, texts, [b.first for b in bodies])
    return [
        Article(source=source, ordinal=k + 1, text=texts[k], headline=heads.get(k),
                reporters=b.byline.reporters, correspondents=b.byline.correspondents,
                year_hint=year)
        for k, b in enumerate(bodies)
    ]


def _body(lines: list[str], simple: list[str], first: int, stop: int) -> _Body:
    """Lines from the 本报讯 line up to its byline (or the next article)."""
    body: list[str] = [lines[first][_START.match(simple[first]).end():]]
    byline = bylines.Byline()
    last = end = first
    for i in range(first, stop):
        line = body.pop() if i == first else lines[i]
        head, found = bylines.split_tail(line.strip())
        if found is None:
            if byline.reporters or byline.correspondents:
                break  # body over; the rest until the next article are headlines
            body.append(line)
            last = end = i
            continue
        if head:
            body.append(head)
            last = i
        byline, end = byline + found, i
    while body and not body[-1].strip():
        body.pop()
    return _Body(first, last, end, tuple(body), byline)


def _join(lines: tuple[str, ...]) -> str:
    """Join OCR wraps; a new paragraph only where a line ends a sentence and a blank line or
    an indented line follows (灌河水生 / (blank) / 态修复工程 is one word)."""
    paras: list[str] = []
    current = ""
    blank = False
    for raw in lines:
        line = raw.strip()
        if not line:
            blank = True
            continue
        indented = raw[:1] in (" ", "\u3000", "\t")
        if current and (blank or indented) and current[-1] in _SENTENCE_END:
            paras.append(current)
            current = line
        else:
            current += line
        blank = False
    if current:
        paras.append(current)
    return "\n".join(paras)


def _page_year(simple: list[str]) -> int | None:
    """The year of the page's date line (`2021-01-26 17:08:40 来源:…`, `2020年9月10日 星期四`)."""
    for line in simple[:40]:
        m = _DATE_LINE.match(line)
        if m and len(line.strip()) < 60:
            return int(m.group(1))
    return None


def _is_furniture(line: str) -> bool:
    """Date/source lines, page numbers and column labels (新闻1+1) are not headlines."""
    core = _NOT_TEXT.sub("", line)
    if not core or _DATE_LINE.match(line) or _SOURCE_LINE.search(line):
        return True
    return len(core) <= 6 and bool(re.search(r"[0-9+＋]|第.版|版$", line))


def _bigrams(text: str) -> list[str]:
    core = _NOT_TEXT.sub("", to_simplified(text))
    return [core[i : i + 2] for i in range(len(core) - 1)]


def _blocks(gap: list[tuple[int, str]]) -> list[tuple[int, int, list[str]]]:
    """Runs of consecutive non-blank lines outside bodies: (first line, last line, lines)."""
    blocks: list[tuple[int, int, list[str]]] = []
    for i, line in gap:
        if not line or _is_furniture(line):
            continue
        if blocks and blocks[-1][1] == i - 1:
            blocks[-1] = (blocks[-1][0], i, blocks[-1][2] + [line])
        else:
            blocks.append((i, i, [line]))
    return blocks


def _assign_headlines(gap: list[tuple[int, str]], bodies: list[str], firsts: list[int]) -> dict:
    """Headline text per article index. A block of lines goes to the body sharing the most
    distinctive bigrams with it (weighted like tf-idf over the page's bodies); a block that
    matches nothing clearly goes to the body printed right below it; a block that fits two
    bodies equally well (a page banner) goes nowhere."""
    sets = [set(_bigrams(b)) for b in bodies]
    df = Counter(g for s in sets for g in s)
    rare = math.log(1 + len(sets))
    blocks = _blocks(gap)
    owner: list[int | None] = []
    for _, _, lines in blocks:
        grams = _bigrams("".join(lines))
        weights = [math.log(1 + len(sets) / df[g]) if g in df else rare for g in grams]
        total = sum(weights) or 1.0
        scores = [sum(w for g, w in zip(grams, weights, strict=True) if g in s) / total
                  for s in sets]
        ranked = sorted(range(len(sets)), key=scores.__getitem__, reverse=True) + [None]
        best, runner = ranked[0], ranked[1]
        if best is None or scores[best] < 0.2:
            owner.append(None)
        elif runner is not None and scores[runner] > 0.8 * scores[best]:
            owner.append(-1)  # a banner over several articles
        else:
            owner.append(best)
    for n in range(len(blocks) - 1, -1, -1):  # kicker lines join what is printed below them
        if owner[n] is None:
            below = blocks[n + 1][0] if n + 1 < len(blocks) else None
            start = next((k for k, f in enumerate(firsts) if f > blocks[n][1]), None)
            if below is not None and below - blocks[n][1] <= 3 and owner[n + 1] not in (None, -1):
                owner[n] = owner[n + 1]
            elif start is not None and firsts[start] - blocks[n][1] <= 3:
                owner[n] = start
    parts: dict[int, list[str]] = {}
    for (_, _, lines), k in zip(blocks, owner, strict=True):
        if k is not None and k >= 0:
            parts.setdefault(k, []).append(" ".join(lines))
    return {k: " ".join(v) for k, v in parts.items()}


def _web_article(lines: list[str], simple: list[str], source: str,
                 year: int | None) -> list[Article]:
    """A file without 本报讯: one article; the short lines above its first paragraph are
    its headline."""
    byline = bylines.Byline()
    head: list[str] = []
    body: list[str] = []
    for raw in lines:
        line = raw.strip()
        text, found = bylines.split_tail(line) if line else (line, None)
        if found is not None:
            byline = byline + found
            if not text:
                continue
            line = text
        if not body and line and len(line) <= 40 and line[-1] not in _SENTENCE_END:
            if not _is_furniture(line):
                head.append(line)
            continue
        if not body and line and _is_furniture(line):
            continue
        body.append(raw if found is None else line)
    text = _join(tuple(body))
    if not text.strip():
        return []
    return [Article(source=source, ordinal=1, text=text, headline=" ".join(head) or None,
                    reporters=byline.reporters, correspondents=byline.correspondents,
                    year_hint=year)]
