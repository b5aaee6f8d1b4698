"""Dates as the genre writes them, and the year when the text leaves it out.

  9月10日、11日 / 8月3日~7日 / 8月 9日、10日 -> a start and an end date
  6月2日下午 -> 6月2日 (the part of day is dropped)      近日 / 今年以来 -> no date
Years come from the date itself, else the year the article (or its page) states, else an
ordinal anniversary (第36个教师节 -> 2020), else stay unknown: `--09-10`, never invented.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})年)?(?P<m>1[0-2]|0?[1-9])月(?P<d>3[01]|[12]\d|0?[1-9])[日号]"
    r"(?:(?:[、，至到~～—\-－]|和)(?:(?P<m2>1[0-2]|0?[1-9])月)?(?P<d2>3[01]|[12]\d|0?[1-9])[日号])?"
)
_YEAR = re.compile(r"(?<![0-9])((?:19|20)\d{2})年")
_TARGET = re.compile(r"(?:到|至|截至|截止|预计|力争|计划|目标)$")
# 第N个X节/日 and X N周年: the year follows from when the first one was held.
_ANNIVERSARY = (
    (re.compile(r"第(\d{1,3})个教师节"), 1984),
    (re.compile(r"第(\d{1,3})个(?:全民)?国家安全教育日"), 2015),
    (re.compile(r"第(\d{1,3})个中国农民丰收节"), 2017),
    (re.compile(r"第(\d{1,3})个中国人民警察节"), 2020),
    (re.compile(r"建党(\d{2,3})周年"), 1921),
    (re.compile(r"(?:新中国成立|建国)(\d{2})周年"), 1949),
    (re.compile(r"改革开放(\d{2})周年"), 1978),
)


@dataclass(frozen=True)
class DateSpan:
    """A date found in compact text: offsets, month/day, and the year if the text gives it."""

    start: int
    end: int
    month: int
    day: int
    year: int | None = None
    end_month: int | None = None
    end_day: int | None = None


def find_dates(text: str) -> list[DateSpan]:
    out = []
    for m in _DATE.finditer(text):
        month, day = int(m["m"]), int(m["d"])
        end_day = int(m["d2"]) if m["d2"] else None
        end_month = int(m["m2"]) if m["m2"] else (month if end_day else None)
        out.append(DateSpan(m.start(), m.end(), month, day, int(m["y"]) if m["y"] else None,
                            end_month, end_day))
    return out


def stated_year(text: str) -> int | None:
    """The year an article is about: the most often stated year, ignoring targets (到2025年);
    the later one on a tie."""
    years = Counter(int(m.group(1)) for m in _YEAR.finditer(text)
                    if not _TARGET.search(text[max(0, m.start() - 2) : m.start()]))
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))


def anniversary_year(text: str) -> int | None:
    """第36个教师节 -> 2020 (the first was in 1985)."""
    for pattern, base in _ANNIVERSARY:
        m = pattern.search(text)
        if m:
            return base + int(m.group(1))
    return None


def iso(year: int | None, month: int, day: int) -> str:
    """`2020-09-10`, or `--09-10` when the year is unknown."""
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def span_iso(span: DateSpan, year: int | None) -> tuple[str, str | None]:
    """(start, end-or-None) ISO strings for a found date, using `year` when it states none."""
    y = span.year or year
    start = iso(y, span.month, span.day)
    if span.end_day is None:
        return start, None
    end_year = y + 1 if y and span.end_month and span.end_month < span.month else y
    return start, iso(end_year, span.end_month or span.month, span.end_day)
