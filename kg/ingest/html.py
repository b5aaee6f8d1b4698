"""Web pages -> plain text that reads like an OCR'd newspaper page: headline first, one
paragraph per block, paragraphs separated by a blank line.

Blank lines between blocks matter: downstream, single line breaks are treated as OCR line
wraps and joined, so two web paragraphs must never look like one wrapped paragraph.
Only the standard library's html.parser is used; it never raises on malformed markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose text is never article text.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})
# Elements that end a paragraph. <br> is a plain line break (see _Collector.handle_starttag).
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_PARAGRAPH = "\n\n"
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_ANY_WHITESPACE = re.compile(r"\s+")  # also U+00A0 (&nbsp;) and U+3000, used to indent


class _Collector(HTMLParser):
    """Collects visible text, the <title> and the first <h1>; state lives here only."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities arrive already unescaped
        self.pieces: list[str] = []
        self.title: list[str] = []
        self.h1: list[str] = []
        self._hidden = 0  # depth inside _HIDDEN elements
        self._in_head = False
        self._in_title = False
        self._h1_state = "before"  # before -> inside -> done: only the first <h1> counts
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif self._hidden:  # <svg><title>icon</title></svg> is no headline
            return
        elif tag == "head":
            self._in_head = True
        elif tag == "title":
            self._in_title = True
        elif tag == "br":
            self.pieces.append("\n")
        elif tag in _BLOCKS or tag in _CELLS:
            # A page that never closes <head> still shows its body: the first block ends it.
            self._in_head = False
            self.pieces.append(_PARAGRAPH if tag in _BLOCKS else " ")
        if tag == "pre":
            self._pre += 1
        elif tag == "h1" and self._h1_state == "before":
            self._h1_state = "inside"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HIDDEN:  # <script src=x /> must not open a hidden region
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif self._hidden:
            return
        elif tag == "head":
            self._in_head = False
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCKS:
            self.pieces.append(_PARAGRAPH)
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        elif tag == "h1" and self._h1_state == "inside":
            self._h1_state = "done"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
            return
        if self._hidden or self._in_head:
            return
        if self._h1_state == "inside":
            self.h1.append(data)
        # Source line breaks are only layout, except inside <pre>.
        self.pieces.append(data if self._pre else _HTML_WHITESPACE.sub(" ", data))


def _tidy_lines(text: str) -> list[str]:
    """Collapse whitespace inside each line and keep at most one blank line in a row."""
    lines: list[str] = []
    for raw in text.split("\n"):
        line = _ANY_WHITESPACE.sub(" ", raw).strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _one_line(parts: list[str]) -> str:
    return _ANY_WHITESPACE.sub(" ", "".join(parts)).strip()


def html_to_text(html: str) -> str:
    """The visible text of a page, headline first.

    The headline is the first <h1> when the <title> contains it (titles often append the
    site: "区委召开常委会_XX区人民政府"), else the <title>, else the first <h1>. Its first
    occurrence in the body is not repeated.
    """
    collector = _Collector()
    collector.feed(html)
    collector.close()
    title, h1 = _one_line(collector.title), _one_line(collector.h1)
    headline = h1 if h1 and (not title or h1 in title) else title or h1
    body = _tidy_lines("".join(collector.pieces))
    if headline and headline in body:
        at = body.index(headline)
        # Drop the line and the blank line after it, so no double blank line is left.
        del body[at : at + 2 if at + 1 < len(body) and not body[at + 1] else at + 1]
    lines = ([headline, ""] if headline else []) + body
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


_DOCUMENT_MARKERS = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_COMMON_TAGS = re.compile(
    r"</?(?:p|div|br|span|a|img|table|tr|td|li|ul|h[1-6]|meta|title|script)\b[^<>]*>",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """Whether `text` is markup rather than prose: scraped pages are often saved as .txt.

    News prose never contains tags, so a document marker near the start or a few common
    tags early on are enough.
    """
    if _DOCUMENT_MARKERS.search(text, 0, 4096):
        return True
    return len(_COMMON_TAGS.findall(text, 0, 65536)) >= 3


# <meta charset="gbk">, <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
# and <?xml version="1.0" encoding="gbk"?>; HTML5 prescan also looks only near the start.
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml\b[^>]*?encoding\s*=\s*[\"']([\w.:-]+)", re.IGNORECASE)
SNIFF_BYTES = 8192


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first few KiB, lower-cased as written ("gb2312"),
    or None. Only ASCII-compatible encodings can be declared this way, which is all we need:
    UTF-16 is recognised by its BOM or NUL bytes before this is asked."""
    head = data[:SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii").lower() if match else None
