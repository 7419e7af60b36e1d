"""Paid notices (声明, 公告, 启事, 讣告…) known by what they hold, whatever their words.

A daily prints notices among its stories: a lost document's (遗失声明 … 声明作废), a company's
(…公告 … 特此公告, its board and a date closing it), a court's (开庭公告, 送达公告), a 启事, a 讣告, a
move or a change of name (迁址, 更名, 注销), a call for tenders (招标公告). They are furniture, as an
ad is: listed, never spoken. Both routes tell one by its shape:

- its title: a few characters ending in a notice's word (声明, 公告, 启事, 通告, 讣告, 公示), no mark,
  maybe a word or two before it (遗失声明, 董事会公告, 开庭公告);
- its body: short, with no dateline or byline (a story's), carrying a notice's marks: a formula
  (作废, 特此声明/公告/通知, 声明如下), or closing on its issuer (…有限公司, …董事会, …人民法院,
  …委员会) or a date (2024年3月5日), or giving a phone number or an address.

A story whose headline merely names a 公告 (…发布公告称…) has a dateline, a byline or paragraphs
longer than a notice's: it stays a story.
"""

from __future__ import annotations

import re

from audio_edition.text.furniture import ADDRESS, PHONE
from audio_edition.text.layout import dateline_in_any_form

NOTICE_WORDS = ("声明", "公告", "启事", "启示", "通告", "讣告", "公示", "告示")
"""What a notice's title ends with (遗失声明, 董事会公告, 寻人启事, 讣告)."""
NOTICE_TITLE = re.compile(rf"^[\u4e00-\u9fff]{{0,8}}(?:{'|'.join(NOTICE_WORDS)})$")
"""A notice's title alone, spaces taken out: a few characters ending in a notice's word."""
NOTICE_TITLE_AT_START = re.compile(rf"^[\u4e00-\u9fff]{{0,6}}(?:{'|'.join(NOTICE_WORDS)})")
"""A notice's title glued to the start of its body on one line (遗失声明某某公司遗失…)."""
NOTICE_FORMULA = re.compile(
    r"作废|特此(?:声明|公告|通知|公示|告知|通告|函告)|声明如下|公告如下|现予公告|予以公告|现公告如下|逾期(?:未|不)"
)
"""A notice's formula (…声明作废, 特此公告, 声明如下): no story's sentence is made of it."""
NOTICE_ISSUER = re.compile(
    r"(?:有限公司|有限责任公司|股份公司|集团|董事会|监事会|人民法院|委员会|管理局|事务所|办事处|"
    r"治丧小组|居民委员会|理事会|[\u4e00-\u9fff]{2,}(?:局|厅|处|所|中心|协会|学校|医院))$"
)
"""A notice's issuer closing it, alone on its line (某某股份有限公司董事会, 某某区人民法院)."""
NOTICE_DATE = re.compile(
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月"
    r"[一二三四五六七八九十]{1,3}日)$"
)
"""A date closing a notice, alone or after its issuer (2024年3月5日, 二〇二四年三月五日)."""

NOTICE_MOST = 300
"""Characters at most in a notice's body (the short ones a daily prints among its stories)."""
_BYLINE = re.compile(r"(?:^|[\s□■（(])(?:本报)?(?:记者|通讯员|特约撰稿)")


def unspaced(text: str) -> str:
    """``text`` with every space (ASCII or full-width) and line break taken out."""
    return re.sub(r"[\s　]+", "", text)


def notice_title(text: str) -> bool:
    """Whether ``text`` is shaped as a notice's title (遗失声明, 董事会公告): a few characters ending
    in a notice's word, no mark."""
    return NOTICE_TITLE.match(unspaced(text)) is not None


def notice_mark(text: str) -> bool:
    """Whether a notice's body ``text`` carries a notice's mark: a formula (作废, 特此公告), a phone
    number or an address, or a close on its issuer or a date."""
    flat = unspaced(text)
    return bool(
        NOTICE_FORMULA.search(flat)
        or PHONE.search(text)
        or ADDRESS.search(text)
        or NOTICE_ISSUER.search(flat)
        or NOTICE_DATE.search(flat)
    )


def story_marks(text: str) -> bool:
    """Whether ``text`` carries what a story has and a notice has not: a dateline or a byline, or
    more words than a notice's."""
    if len(unspaced(text)) > NOTICE_MOST or _BYLINE.search(text):
        return True
    # A dateline opens a line, or a piece of one where an extractor ran two columns together.
    return any(dateline_in_any_form(piece) for piece in text.split())


def notice_body(text: str) -> bool:
    """Whether ``text`` (the lines under a notice's title, joined) is a notice's body: short, no
    dateline or byline, and a notice's mark in it."""
    return bool(unspaced(text)) and not story_marks(text) and notice_mark(text)


def closes_a_notice(line: str) -> bool:
    """Whether a line ends a notice: on its formula and a full stop (…声明作废。, 特此公告。), or on its
    issuer or a date alone."""
    flat = unspaced(line)
    if NOTICE_ISSUER.search(flat) or NOTICE_DATE.search(flat):
        return True
    return flat.endswith("。") and NOTICE_FORMULA.search(flat[-12:]) is not None


_SIGNATURE_MOST = 30  # characters at most on a notice's issuer's or date's line


def signs_a_notice(line: str) -> bool:
    """Whether a line is a notice's issuer or date alone (某某股份有限公司董事会, 2025年9月30日), as
    it signs the notice under its formula."""
    flat = unspaced(line)
    return (
        0 < len(flat) <= _SIGNATURE_MOST
        and not re.search("[，。；！？]", flat)
        and bool(NOTICE_ISSUER.search(flat) or NOTICE_DATE.search(flat))
    )
