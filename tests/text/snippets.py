"""Pieces of extracted pages that several tests of the text route build on."""

from __future__ import annotations

LEAD_STORY = """2024 年3 月5 日　星期二
要闻
第2 版
江边步道今起开放
本报讯（记者 王明）沿江步道
全长八公里，今天正式向市民
开放。步道两侧种植了樱花和
海棠，入夜后还有灯光照明。
"""
"""A page's running head and its first story, headline first, as PyMuPDF prints a Typst page
(spaces around figures, no blank lines): what follows it is each test's own."""
