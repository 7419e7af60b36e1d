"""Page furniture: what a newspaper page prints that is no article's text, by its words.

Both routes read furniture with this one vocabulary: the text route by the words of a line
(``layout``: this paper's own pages; ``extraction``: an extractor's text of a typeset page), the
PDF route (``pdf.regions``) by the same words and by where a line stands (the margins, against a
picture, in a ruled box), which lets it take a few words the text route cannot trust alone.
Nothing here is ever spoken; it is listed with the page (``clean --json``) so an editor can check
it.

Patterns match text with its spaces as printed unless said otherwise; the PDF route matches
lines with their spaces taken out (``regions.flat``).
"""

from __future__ import annotations

import re


def _any(words: tuple[str, ...]) -> str:
    """A regular-expression alternation of ``words``, longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# --- the running head and folio -------------------------------------------------------------
# Every page's head repeats the date and weekday, the section's name and the page number
# (2024年3月5日 星期二  要闻  第3版): the same on every page, never news.

DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
"""The issue's date as a running head prints it: 2024年3月5日."""
WEEKDAY = r"(?:星期|周)[一二三四五六日天]"
"""The weekday the running head prints after the date: 星期二, 周二."""

FOLIO_DATE = re.compile(rf"{DATE}\s*{WEEKDAY}")
"""Date and weekday together, somewhere in a running head (内蒙古日报 2023年12月25日 星期一 要闻 3)."""
FOLIO_NUMBER = re.compile(r"^(\d{1,2})\s|\s(\d{1,2})$|第\s*(\d{1,2})\s*版")
"""The page number in a running head: at its start or end, or 第3版 (the first group that matched)."""
FOLIO_ALONE = re.compile(r"^第\s*\d{1,2}\s*版(?:\s*[：:]?\s*[^，。；！？\d]{1,8})?$")
"""第3版 alone, maybe with the section's name (第3版：要闻)."""
FOLIO_LINE = re.compile(r"^第\s*\d{1,2}\s*版$")
"""第3版 alone on a line, as an extractor prints the folio."""
FOLIO_IN_LINE = re.compile(r"第\s*[A-Z]?\d{1,2}\s*版")
"""The running head's folio (第2版, 第A2版) anywhere on a line."""
RUNNING_DATE = re.compile(rf"^{DATE}(?:[\s　]*{WEEKDAY})?(?:[\s　]+\S{{1,8}}){{0,2}}$")
"""The running head's date line as an extractor prints it: the date, maybe the weekday and a
word or two (the section, the paper), nothing else."""
RUNNING_HEAD = re.compile(
    r"^\d{4}年\d{1,2}月\d{1,2}日(?:星期|周)?[一二三四五六日天]?[^，。；！？、]{0,10}第\d{1,2}版[^，。；！？、]{0,10}$"
)
"""A whole running head on one line, spaces taken out (date, weekday, section, 第N版, the paper), as
pdfplumber or PDFium print it."""
WEEKDAY_LINE = re.compile(rf"^{WEEKDAY}$")
"""The weekday alone on a line (an extractor may print it apart from the date)."""
PAGE_NUMBER = re.compile(r"第\s*(\d{1,3})\s*版|^\s*(\d{1,3})\s*版?\s*$|(\d{1,3})\s*版\s*$")
"""The page number a folio line in the PDF's margin prints (第3版, 3版, a bare 3): the first group
that matched."""

PAPER_NAMES = ("日报", "晚报", "时报", "早报", "商报", "报")
"""What a paper's name ends with (内蒙古日报): a masthead or a running head naming the paper."""
MASTHEAD = re.compile(rf"^[\u4e00-\u9fff]{{2,8}}(?:{_any(PAPER_NAMES)})$")
"""The paper's name alone on a line: its masthead, or the running head naming it."""

# --- the 责任编辑 line ----------------------------------------------------------------------
# Each page names the staff who made it up at its foot: 本版责任编辑：王敏　美术编辑：李强.

EDITOR_TITLES = (
    "责任编辑",
    "责编",
    "编辑",
    "美术编辑",
    "美编",
    "图片编辑",
    "版式设计",
    "版式",
    "设计",
    "校对",
    "排版",
    "组版",
    "制图",
    "统筹",
    "主编",  # issue 23: 本版主编：… 责任编辑：…
    "责任校对",
    "版面设计",
    "视觉设计",
)
"""The page staff's titles, each maybe after 本版 (本版责任编辑, 本版编辑, 本版统筹)."""
EDITOR_LINE = re.compile(rf"^(?:本版)?(?:{_any(EDITOR_TITLES)})\s*[：:\s]")
"""A line opening with a staff title and its colon (or a space, as an extractor may print it)."""


def is_editor_line(text: str) -> bool:
    """Whether ``text`` is the page's 责任编辑 line (or opens it): a staff title and a colon."""
    return EDITOR_LINE.match(text) is not None


# --- photo captions and credits -------------------------------------------------------------
# A photo's caption opens 图为… and its credit closes it (本报记者 刘洋 摄, 新华社发, 某某供图):
# they describe a picture the listener cannot see.

CAPTION_OPENING = "图为"
"""What a caption opens with (图为游客在冰雪乐园体验滑雪的乐趣): in any text, a caption."""
CREDIT_MARKS = "[□■◎◇◆○●★☆▲△▪◼◻]"
"""A character class of the marks a paper sets before a story's credit line (◎记者 王明,
□本报记者 李华): the house style's, any of them."""
CREDIT_WORDS = ("摄", "新华社发", "供图")
"""What a photo credit ends with (刘洋 摄, 新华社发, 市文旅局供图)."""
CREDIT_LINE = re.compile(
    r"^[（(]?(?:(?:新华社|本报|中新社)?(?:记者|通讯员)?\s*[^，。（）]{0,12}\s*摄|新华社发|[^，。（）]{0,12}供图)[）)]?$"
)
"""A credit alone on a line, maybe bracketed: （本报记者 王明 摄）, 新华社发."""
CREDIT_BRACKETED = re.compile(rf"[（(][^（）()]{{0,24}}(?:{_any(CREDIT_WORDS)})[）)]$")
"""A bracketed credit closing a caption: …（本报记者 王明 摄）."""
CAPTION = re.compile(rf"^{CAPTION_OPENING}|{CREDIT_BRACKETED.pattern}")
"""A caption by its words (spaces taken out): opening 图为, or closing with a bracketed credit."""
CREDIT_AT_END = re.compile(
    r"[ 　](?:[^，。（）\s]{0,12}[ 　]?摄|新华社发|[^，。（）\s]{0,12}供图|(?:[A-Za-z]{1,12}[ /]?)?[Pp]hoto)$"
)
"""A credit closing a caption's line without brackets, set off by a space: …。　本报记者 刘洋 摄,
…。　IC photo (a picture agency's credit in Latin letters)."""
CREDIT_CLOSE = re.compile(rf"(?:{_any(CREDIT_WORDS)})[）)]?$")
"""A text ending with a credit's word, maybe bracketed."""

PICTURE_CREDIT = re.compile(rf"(?:{_any(CREDIT_WORDS)}|资料图片|图片来源[：:].*|制图[：:].*)\s*[）)]?\s*$")
"""A line ending with a credit or a picture's source (资料图片, 图片来源：…, 制图：…; spaces taken
out). The PDF route takes it against a picture or in small type; in running text those words may
close a sentence's clause, so the text route keeps to ``CREDIT_WORDS``."""
PICTURE_REFERENCE = re.compile(r"^(?:图为|上图|下图|左图|右图|图[：:]|图\s*\d|（图）)")
"""How a caption set against its picture opens: 图为, 上图, 图：, 图1, （图）. In running text
上图 may open a sentence: the PDF route takes these only against a picture or in small type."""

# --- boxes under a title: the index, ads, charts ----------------------------------------------
# A ruled box (or its lines, as an extractor prints them) titled with one of these words holds
# no article: an index of other pages' stories, an advertisement, a chart's labels.

BRIEF_TITLES = (
    "简讯",
    "短讯",
    "快讯",
    "简明新闻",
    "新闻速览",
    "新闻速递",
    "速览",
    "综合新闻",
    "本地简讯",
    "一句话新闻",
)
"""A box of briefs' titles (简讯): not furniture but the name the box's items are read under.
Both routes know the same words; a running head's section name at a page's top (综合新闻 over
the folio) is told by where it stands, before a line is taken for a box's title."""
BRIEF_TITLE = re.compile(rf"^(?:{_any(BRIEF_TITLES)})$")
"""A box of briefs' title alone, its spaces taken out."""

INDEX_TITLES = ("今日导读", "本期导读", "导读", "要目", "今日要目", "本期要目", "本期看点", "今日看点")
"""An index box's titles (今日导读): its items name stories told on other pages."""
INDEX_TITLE = re.compile(_any(INDEX_TITLES))
"""An index title anywhere in a line (a box's title may carry ornaments)."""
INDEX_TITLE_LINE = re.compile(rf"^(?:{_any(INDEX_TITLES)})$")
"""An index title alone on a line (spaces taken out)."""
ARROWS = "→▶►➤▷⇒➔➜➡☞☛"
"""The marks an index item points to its page with: arrows and pointing hands (→B3, ▶07版, ☞A05)."""
POINTER_LEAD = rf"(?:(?:详|参)?见\s*|[{ARROWS}]\s*)"
"""What may lead a page pointer: 见, 详见, 参见 (见A5, 详见第6版) or an arrow (→B3, ▶07版, ►P5). A
jump line's 转 (下转第2版, 上接第1版) is no pointer of an index: a jump is stitched, not furniture."""
_PAGE = (
    r"第\s*[A-Z]?\s*\d{1,2}\s*版|[A-Z]?\s*\d{1,2}\s*版|[A-Z]\s*\d{1,2}"
    r"|\d{2}\s*/\s*\d{2}(?:\s*版)?|\d{1,2}\s*/\s*\d{1,2}\s*版"
    r"|第[一二三四五六七八九十]{1,3}版|[A-Z]\d{1,2}\s*[—–-]\s*[A-Z]\d{1,2}(?:\s*版)?"  # 第十二版; a spread A10—A11
)
PAGE_REF = rf"(?:{POINTER_LEAD}?(?:{_PAGE}))"
"""The page an index item sends to, in every form papers print it: 第3版, 3版, 第A3版, the page
codes of papers in lettered sections (A2, A02, A2版, P5), a spread (06/07, 6/7版), each maybe led
by 见 or an arrow (见A5, 详见第6版, →B3). Whole only at an item's end or alone on a line: inside
running text a letter and figures (5G, G20, A股) are words, not pages."""
POINTED = re.compile(rf"{POINTER_LEAD}(?:{_PAGE})")
"""A pointer led by 见 or an arrow (见A5, →B3, 详见第6版): it needs no space to stand apart from
the item's words (突破33万亿元见A5), so an extractor's line of items glued together is cut there."""
POINTED_END = re.compile(rf"\S[\s　]*{POINTER_LEAD}(?:{_PAGE})$")
"""An item closing on a pointer led by 见 or an arrow, no space needed (地铁通到新城见A5). A story's
line may end so (…详见第3版): only with another item by it is it an index's."""
PAGE_CODE = re.compile(rf"(?:[A-Z]\s*\d{{1,2}}|{POINTER_LEAD}(?:{_PAGE}))$")
"""A page without 版 at a line's end (A2, A02), or one led by 见 or an arrow (见第3版): the forms of
PAGE_REF a line of running text could also end on (峰会 G20, …详见第3版), so taken for a page only
where an index shows around it."""
POINTER_FIRST = re.compile(rf"^[{ARROWS}]\s*(?:{_PAGE})")
"""A line opening on an arrow and a page (→B3 海上风电…, ▶07版 …): an index item's, as no line of a
story opens so."""
PAGE_REF_LINE = re.compile(rf"^{PAGE_REF}$")
"""An index item's page alone on a line (第3版, 3版, A2, A02版), as an extractor breaks it off."""
INDEX_ITEM = re.compile(rf"\S[\s　]+{PAGE_REF}$|{POINTED_END.pattern}")
"""An index item: a story's title and the page it is on (冰雪旅游带火北疆小城  第3版, 地铁通到
新城  A2)."""
INDEX_ITEM_CODE_FIRST = re.compile(
    rf"^{PAGE_REF}(?:[\s　]+\S|[\s　]*[【〔\[「“《])|^[{ARROWS}]\s*(?:{_PAGE})\s*\S"
)
"""An index item whose page comes first (A05  夜市回来了, 第6版  老城墙修缮, →B3海上风电,
A07【财经】…): a paper's other order; behind an arrow, or before a bracket, the page needs no space."""
BOX_TITLE = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
"""A box's title or label by its shape, whatever its words (今日关注, 本期提要, 商讯, 推广): a few
characters with no mark, spaces taken out. Only where the box's lines stand by it is it one."""
BOX_TITLE_AT_END = re.compile(r"^(?:(.*\S)[ 　]+)?([\u4e00-\u9fff]{2,4})$")
"""A box's title (今日关注, 城事速递) alone on its line (group 2), or at the end of the line of the
headline beside the box after a space (group 1 the headline: PDFium joins what shares a
baseline)."""

BRACKETED_PAGE_REF = re.compile(
    rf"^[【〔\[（(]\s*{PAGE_REF}\s*[】〕\]）)]\s*\S|\S\s*[【〔\[（(]\s*{PAGE_REF}\s*[】〕\]）)]$"
)
"""An index item whose page is set in brackets before or after its title (【A3】江上新桥合龙,
（B06）古镇夜游, 江上新桥合龙（3版）): bracketed, the code needs no space to stand apart."""

AD_TITLES = ("公益广告", "广告", "分类广告", "启事", "公告栏")
"""What an advertisement or notice is labelled (广告 in small type, 公益广告, 启事)."""
AD_TITLE_LINE = re.compile(rf"^(?:{_any(AD_TITLES)})$")
"""An ad's label alone on a line (spaces taken out)."""
AD_LABEL = re.compile(_any(AD_TITLES))
"""An ad's label anywhere in it (a box's label may stand at any corner)."""
PHONE = re.compile(
    r"(?:电话|热线|咨询|订购|地址|网址|微信)[：:]?\s*[\d\-‑]{5,}|\d{3,4}[\-‑]\d{7,8}|400[\-‑]\d{3}[\-‑]\d{4}"
)
"""A phone number (or address) an ad gives: 订购电话：0471-6612345, 400-812-3456."""
ADDRESS = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+|(?:https?://|www\.)[A-Za-z0-9]")
"""An e-mail or web address an ad or a notice gives to write to (简历请投：hr@…, www.…)."""
PHONE_ALONE = re.compile(r"^[\s　]*(?:(?:\d{3,4}[-‑]?)?\d{3,4}[-‑]\d{4}|\d{3,4}[-‑]\d{7,8})[\s　]*$")
"""A phone number alone on a line: 400-812-3456, 6612-3456, or an area code and the local
number set solid (0471-6612345)."""

SLOGAN_PHRASES = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:[ 　]+[\u4e00-\u9fff]{2,6}){1,3}$")
"""A public-service ad's slogan as printed: two to four short phrases set apart by spaces, no mark
(垃圾分类 举手之劳, 节约用水 从我做起). A story's kicker may be so set: only by an ad's label is it one."""

CHART_TITLES_PLAIN = ("图表", "图示", "表", "图", "制图", "数据图")
"""The plain words a chart's title opens with (``CHART_TITLE_PLAIN``'s)."""
CHART_TITLES = (*CHART_TITLES_PLAIN, "图解", "制表")
"""What a chart's title opens with, before its colon (图表：全市粮食产量): the plain words and more."""
CHART_TITLE = re.compile(rf"^(?:{_any(CHART_TITLES)})(?:\d{{1,2}}(?:[-—.．]\d{{1,2}})?)?[：:]")
"""A chart's or a table's title, maybe numbered (图表：…, 图表1：…, 表2-1：…, 图解：…), or its
credit (制图：…); spaces taken out."""
CHART_TITLE_PLAIN = re.compile(rf"^(?:{_any(CHART_TITLES_PLAIN)})[：:]")
"""A chart's title in its plain forms only (图表：, 图：, not 图表1： nor 图解：): the reach of the
guard that keeps a chart's axis labels from an ad's label (``extraction_boxes._in_a_chart``),
kept as it was measured (wider, it took an ad's label printed near a 图解 title on pool F)."""
CHART_TITLE_SHAPE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,4}[：:][^，。；！？、：:]{2,16}|[^，。；！？、：:]{2,16}[：:])$"
)
"""A chart's title by its shape, whatever its words (数说：二手房挂牌均价, 房价走势：): a short label
and a colon before its subject, or a short line ending on a colon; spaces taken out. A headline may
be so made (记者手记：…): only over the chart's figures is it a chart's."""
CHART_SOURCES = ("数据来源", "资料来源", "单位")
"""A chart's unit and source lines (单位：万吨, 数据来源：市统计局)."""
CHART_SOURCE = re.compile(r"数据来源|资料来源|单位[：:]")
"""A chart's source or unit anywhere in a line (spaces taken out): 单位 only with its colon."""
CHART_LABEL = re.compile(
    r"^(?:(?:单位|数据来源|资料来源|来源|注)[：:].{0,30}|[\d.,%\s年月日万亿元吨]{1,14})$"
)
"""A line of a chart's box: its unit, source or note, or a bare figure or year."""
LABEL_ANYWHERE = re.compile(
    rf"^(?:(?:{_any(CHART_SOURCES)})[：:][^，。；！？]{{0,20}}|(?:\d{{4}}年)+|[\d.]+(?:%|万吨|亿元|万元|吨|亿斤))$"
)
"""A chart's label wherever an extractor puts it (spaces taken out): 单位：…, 数据来源：…, a bare
year (or a row of them on one line, as PDFium prints an axis) or figure with its unit: no
sentence is only that."""
