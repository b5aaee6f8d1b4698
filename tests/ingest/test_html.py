"""html_to_text(): a government web page reads like a newspaper article, headline first."""

from __future__ import annotations

from kg.ingest.decode import decode
from kg.ingest.html import declared_charset, html_to_text, looks_like_html

from .samples import SEED_TEXT

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="gbk">
<title>区委召开常委会扩大会议_中原区人民政府</title>
<style>p { color: red }</style>
<script>var title = "不是正文";</script>
</head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/news">要闻动态</a></div>
<h1>区委召开常委会扩大会议</h1>
<noscript>请启用 JavaScript</noscript>
<p>&nbsp;&nbsp;本报讯&nbsp;9月10日，区委书记乔耸主持召开
区委常委会扩大会议。</p>
<p>　　会议强调，要坚持&ldquo;两个维护&rdquo;。<br>会议要求&hellip;&hellip;</p>
<template><p>模板内容</p></template>
<table><tr><td>记者</td><td>张改华</td></tr></table>
</body></html>
"""

EXPECTED = """区委召开常委会扩大会议

首页 > 要闻动态

本报讯 9月10日，区委书记乔耸主持召开 区委常委会扩大会议。

会议强调，要坚持“两个维护”。
会议要求……

记者 张改华"""


def test_page_becomes_headline_and_paragraphs():
    assert html_to_text(PAGE) == EXPECTED


def test_gbk_page_with_meta_charset_decodes_and_converts():
    decoded = decode(PAGE.encode("gbk"), "page.html")
    assert decoded.encoding == "gb18030"
    assert html_to_text(decoded.text) == EXPECTED


def test_title_is_the_headline_when_there_is_no_h1():
    html = "<title> 中原区召开 经济工作会议 </title><p>会议指出。</p>"
    assert html_to_text(html) == "中原区召开 经济工作会议\n\n会议指出。"


def test_title_is_kept_when_the_h1_is_only_the_site_name():
    html = "<title>区长调研防汛工作</title><h1>中原区人民政府</h1><p>近日。</p>"
    assert html_to_text(html) == "区长调研防汛工作\n\n中原区人民政府\n\n近日。"


def test_unclosed_head_does_not_hide_the_body():
    html = "<html><head><title>标题</title><div>正文第一段。</div>"
    assert html_to_text(html) == "标题\n\n正文第一段。"


def test_svg_titles_and_template_blocks_stay_hidden():
    html = "<title>标题</title><svg><title>图标</title></svg><template><p>模板</p></template>正文"
    assert html_to_text(html) == "标题\n\n正文"


def test_pre_keeps_its_line_breaks():
    assert html_to_text("<pre>第一行\n第二行</pre>") == "第一行\n第二行"


def test_self_closing_script_hides_nothing():
    assert html_to_text('<script src="a.js"/><p>正文。</p>') == "正文。"


def test_malformed_markup_does_not_raise():
    html = "<p>未闭合<div><b>粗体</p></span>&bogus; <"
    assert html_to_text(html) == "未闭合\n\n粗体\n\n&bogus; <"


def test_looks_like_html():
    assert looks_like_html(PAGE)
    assert looks_like_html("<div><p>区委</p><p>会议</p></div>")  # a fragment saved as .txt
    assert not looks_like_html(SEED_TEXT)
    assert not looks_like_html("区长<张三>出席会议，1<2")


def test_declared_charset_forms():
    assert declared_charset(b'<meta charset="GB2312">') == "gb2312"
    assert declared_charset(b"<META CHARSET=gbk>") == "gbk"
    http_equiv = b'<meta http-equiv="Content-Type" content="text/html; charset=big5" />'
    assert declared_charset(http_equiv) == "big5"
    assert declared_charset(b'<?xml version="1.0" encoding="GBK"?><html>') == "gbk"
    assert declared_charset(b"<p>no declaration</p>") is None
