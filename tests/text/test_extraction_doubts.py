"""The doubts an extractor's text raises about its own reading (``extraction_doubts``): one small
page per class, written as pdfminer.six or PyMuPDF print them (snippets of the typeset corpus),
and a page read right raises none."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from audio_edition.text import HeadlinePosition, parse_page
from audio_edition.text.articles import read_articles
from audio_edition.text.extraction import read_extraction

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "typeset"
HEAD = "2024年3月5日　星期二\n要闻\n第2版\n"  # the running head an extractor keeps: an extractor's page


def _doubts(text: str, headlines: HeadlinePosition | None = None) -> list[tuple[int, str]]:
    """The page's doubts, worked out on its articles as ``parse_page`` reads them."""
    extraction = read_extraction(text)
    articles = read_articles(extraction.layout.segments, headlines, doubts=extraction.doubts).articles
    return list(extraction.doubts(articles))


def _line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


# Two columns' worth of a story, twelve characters a line, indented paragraphs.
STORY = """老旧小区改造让居民住得更舒心
本报包头3月4日电
演出队带来了歌舞、小
品、好来宝等节目，台下的
农牧民群众掌声不断。春耕
时节，田野里一派繁忙景
象，大型播种机来回穿梭，
农民们抢抓农时忙生产。
口岸管理部门推行“提
前申报、货到放行”模式，通
关时间比去年同期缩短了
四成。老师们利用课余时间
集体备课，把优质教学资源
转化为适合本校学生的课
程。
"""


def test_a_well_read_page_raises_no_doubt() -> None:
    page = HEAD + STORY
    assert _doubts(page) == []
    assert parse_page(page, "p2.txt").warnings == ()


def test_a_story_read_on_as_briefs_of_the_box_before_it() -> None:
    # pdfminer: the box's briefs set across two columns (24 characters a line), then the next
    # story's paragraphs in one column (12) read on as more briefs, its headline lost.
    page = (
        HEAD
        + """简讯
本报锡林浩特 3 月 4 日电连日来，区市场监管局对
辖区农贸市场开展专项检查，重点检查食品经营主体的
进货台账。（张晓明）
日前，全盟首届农牧民技能大赛落下帷幕，八十名选
手在农机操作等项目中一展身手。（周涛）
演出队带来了歌舞、小
品、好来宝等节目，台下的
农牧民群众掌声不断。春耕
时节，田野里一派繁忙景
象，大型播种机来回穿梭，
农民们抢抓农时忙生产。
"""
    )
    doubts = _doubts(page)
    assert [line for line, _ in doubts] == [_line_of(page, "演出队")]
    assert "another measure than the box" in doubts[0][1]
    warned = {w.line for w in parse_page(page, "p2.txt").warnings}
    assert _line_of(page, "演出队") in warned


def test_a_story_under_its_own_byline_read_as_briefs() -> None:
    # pdftotext: the box's word printed above the story before the box; the story's byline on a
    # line of its own, which no brief has, then its paragraphs, each read as a brief.
    page = (
        HEAD
        + """简讯

本报记者 郑凯 刘洋

本报二连浩特 3 月 2
日电“饭菜合口味，价钱也
不贵，我们老两口几乎天天
来吃。”七十八岁的赵大爷
说。
改造后的小区铺设了
新路面，加装了电梯，还建
起了休闲广场和充电车棚。
"""
    )
    doubts = _doubts(page)
    # Both items are the story's: the first stands under its byline, the next opens on no dateline.
    assert [line for line, _ in doubts] == [_line_of(page, "本报记者"), _line_of(page, "改造后")]
    assert all("story's own byline" in message for _, message in doubts)


def test_a_kicker_over_the_box_word_and_a_brief_after_a_story() -> None:
    # pdftotext, the top of a page whose kicker (聚焦民生实事) stands over the box's word (简讯),
    # its headline under the word: read as the story's kicker and headline, the box beside them
    # (no headline with nothing under it); the box's first brief, set across two columns,
    # printed after the story above it.
    path = CORPUS / "after-5col" / "pdftotext" / "2024-03-05-03.txt"
    page = "\n".join(path.read_text(encoding="utf-8").split("\n")[:102])
    doubts = dict(_doubts(page))
    assert _line_of(page, "聚焦民生实事") not in doubts
    # The brief closes on its own byline under a story with its own: read apart, not into it.
    story, brief = [a for a in parse_page(page, "p3.txt").articles if a.line and a.line >= 54][:2]
    assert (story.kicker, story.headline) == ("聚焦民生实事", "社区食堂端出“幸福味道”")
    assert brief.section == "简讯"
    assert story.byline == "记者 王建国 张晓明" and not any("县消防" in p for p in story.paragraphs)
    assert (brief.byline, brief.paragraphs[0][:6]) == ("周涛", "近期，县消防")


def test_a_brief_ending_short_of_its_box_is_read_apart() -> None:
    # PyMuPDF prints no blank lines: a brief with no byline ends on a line short of the box's
    # lines above it (the end of a story's column, then the box). It is read apart from the next
    # (the reading measures a box set wider than the column by its own lines): nothing to warn.
    # A brief ending on a full line is the doubt (the test below).
    page = (
        HEAD
        + """社区工作人员逐户征
求居民意见，把群众最关心
的问题列入改造清单。治沙
工人们顶着风沙扎设草方
格，一棵棵梭梭、沙柳在沙
丘上扎下了根。通过“空中
课堂”，偏远牧区的孩子们
也能和城里学生同上一堂
课。商家纷纷推出适老化产
品，智能手环、助行器等商
品销量明显增长。
文旅部门统计显示，元
旦假期全市共接待游客四
十六万人次，旅游收入三点
二亿元。食堂由社区提供场
地、企业负责运营，做到了
价格实惠、干净卫生。
今年以来，文化惠民演
出已走进一百多个嘎查村，
观众超过五万人次。政务服
务大厅推行“一窗受理、集
成服务”，群众办事只需跑
一次。
简讯
日前，旗图书馆举办“书香润万家”读书分享会，六
十余名读者参加活动并交流读书心得。（吴敏）
连日来，区市场监管局对辖区农贸市场开展专项检
查，重点检查食品经营主体的进货台账。
近期，县消防救援大队走进中小学校，为师生讲解火
灾逃生自救知识并开展疏散演练。（郑凯）
"""
    )
    assert _doubts(page) == []
    segments = read_extraction(page).layout.segments
    assert [s.line for s in segments if s.text.startswith(("连日来", "近期"))] == [
        _line_of(page, "连日来"),
        _line_of(page, "近期"),
    ]


def test_a_byline_closing_a_story_before_text_with_no_headline() -> None:
    # The story before closes on its byline; the next story's paragraphs, its headline lost,
    # follow.
    page = (
        HEAD
        + STORY.replace("程。\n", "程。（王建国）\n")
        + """据悉，该项目总投资五
十六亿元，建成后可年产各
类产品二十万吨。热力公司
设立了二十四小时服务热
线，群众反映的问题做到当
天受理、限时办结。
"""
    )
    # The byline ends the story: what follows is read as another article, which has no
    # headline and is warned.
    story, rest = parse_page(page, "p2.txt").articles
    assert story.byline == "王建国" and story.paragraphs[-1].endswith("课程。")
    assert rest.headline is None and rest.paragraphs[0].startswith("据悉")
    warnings = parse_page(page, "p2.txt").warnings
    assert [w.line for w in warnings] == [_line_of(page, "据悉")]
    assert "no headline found" in str(warnings[0])


_PHRASES = (
    "近日，",
    "市人社局举办专场招聘会，",
    "一百二十家企业提供岗位",
    "四千多个",
    "旗图书馆举办读书分享会",
)


def _set(text: str, measure: int, *, indent: bool) -> list[str]:
    """``text`` set in lines of ``measure`` characters, the first indented by two if ``indent``."""
    lines, first = [], measure - 2 if indent else measure
    while text:
        width = first if not lines else measure
        lines.append(text[:width])
        text = text[width:]
    return lines


@settings(max_examples=40, deadline=None)
@given(
    briefs=st.lists(st.lists(st.sampled_from(_PHRASES), min_size=3, max_size=8), min_size=1, max_size=5),
    box=st.integers(min_value=12, max_value=26),
)
def test_briefs_all_set_to_the_box_measure_are_never_doubted_as_a_story(
    briefs: list[list[str]], box: int
) -> None:
    body = ["简讯"]
    for phrases in briefs:
        text = "".join(phrases)
        body += _set((text * (2 * box // len(text) + 1))[: 2 * box + 5] + "。（高原）", box, indent=False)
    messages = [message for _, message in _doubts(HEAD + "\n".join(body) + "\n")]
    assert not [m for m in messages if "measure" in m or "brief" in m or "stories" in m]


def test_a_headline_that_does_not_read_as_one() -> None:
    # A subtitle (opening on a dash) standing where the headline should, its headline lost.
    page = HEAD + STORY.replace("老旧小区改造让居民住得更舒心", "——来自基层一线的调查")
    doubts = _doubts(page)
    assert [line for line, _ in doubts] == [_line_of(page, "——来自")]
    assert "opens on a dash" in doubts[0][1]
    # A body line standing alone read as a headline: running text has commas.
    page = HEAD + STORY.replace("老旧小区改造让居民住得更舒心", "繁忙景象，大型播种机来回")
    assert [message for _, message in _doubts(page)] == [
        "the headline has a comma inside, as running text does: a body line may be read as the "
        "headline (read the PDF for this page)"
    ]


def test_a_story_opening_mid_sentence_under_its_headline() -> None:
    # pdfminer printed the headline over a block from the middle of another column.
    page = HEAD + STORY.replace("舒心\n本报包头3月4日电\n演出队带来了歌舞、小\n", "舒心\n\n")
    doubts = _doubts(page)
    assert [line for line, _ in doubts] == [_line_of(page, "品、好来宝")]
    assert "opens mid-sentence (no indent, no dateline)" in doubts[0][1]
    # Under its dateline, or on an indented line, a story opens as it should.
    assert _doubts(HEAD + STORY.replace("本报包头3月4日电\n", "")) == []


def test_a_paragraph_opening_on_a_line_shorter_than_an_indent() -> None:
    # pdftotext broke a line of the story in two: the rest of a paragraph's line read as the
    # first line of a paragraph of its own.
    tucked = (
        HEAD
        + """牧民合作社闯出增收新路

图为农民驾驶播种机在田间作业。

新华社发

本报通辽 3 月 4 日电
去年合作社实现销售收入
一千二百万元，社员人均
分红一万余元。
“以前一下
雨院子里就积水，现在出
门再也不用踩泥了。”居民
李师傅说。进入冬季，冰雪
乐园、滑雪场相继开门迎
客，吸引了大批外地游客
前来体验。当地农技人员
深入田间地头，手把手指
导农户科学施肥、合理灌
溉。
社区工作人员逐户征
求居民意见，把群众最关
心的问题列入改造清单。
“饭菜合口味，价钱也不
贵，我们老两口几乎天天
来吃。”七十八岁的赵大爷
说。

入冬以来，全市供热
企业提前完成管网检修和
设备调试，确保居民家中
室温达标。光伏板整齐排
列在沙地上，板下种植的
牧草既能固沙，又能喂养
牛羊。高标准农田建设持
续推进，节水灌溉面积进
一步扩大，耕地质量稳步
提升。
据悉，该项目总投资
五十六亿元，建成后可年
产各类产品二十万吨。学
校负责人介绍，目前已有
一百四十多所农村牧区学
校接入了远程教学平台。
当地推出了冰雪节、那达
慕等特色活动，带动了餐
饮、住宿等行业的发展。
"""
    )
    # Where it broke the line at an opening quote tucked under a full stop (分红一万余元。“以前一下),
    # the two pieces fill one line and are read as one paragraph: nothing to warn.
    assert _doubts(tucked) == []
    page = tucked.replace(
        "“以前一下\n雨院子里就积水，现在出\n门再也不用踩泥了。”居民",
        "以前一下\n雨院子里就积水，现在出\n门再也不用踩泥了。居民",
    )
    doubts = _doubts(page)
    assert [line for line, _ in doubts] == [_line_of(page, "以前一下")]
    assert "opens on a line shorter than an indent" in doubts[0][1]


def test_two_briefs_run_together_where_one_ends_on_a_full_line() -> None:
    # PyMuPDF, a story's last paragraphs, then the box: briefs are set without an indent, so one
    # ending on a full line (…合理安排出行。) runs on into the next unseen, but a closing byline
    # broken onto a line of its own never raises a doubt.
    page = (
        HEAD
        + """这条公路全长六十八
公里，串起了沿线十二个
嘎查村和三个旅游景区。
科技特派员常年驻村，帮
助农户解决生产中遇到的
技术难题。
一辆辆满载煤炭、木
材和农产品的货车有序通
过查验通道，驶向全国各
地。老师们利用课余时间
集体备课，把优质教学资
源转化为适合本校学生的
课程。
简讯
本报满洲里3 月3 日电近日，旗气象局发布寒潮蓝色
预警，提醒群众注意防寒保暖，合理安排出行。
本报赤峰3 月3 日电为丰富群众文化生活，街道近日
组织开展了广场舞展演活动，十二支队伍同台竞技。
连日来，苏木卫生院组织医护人员入户开展健康体
检，为老人建立电子健康档案。（高原）
"""
    )
    doubts = _doubts(page)
    assert [line for line, _ in doubts] == [_line_of(page, "连日来，苏木")]
    assert "two briefs may be read as one" in doubts[0][1]
    closed = page.replace("出行。\n", "出行。\n（周\n涛）\n").replace("竞技。\n", "竞技。（吴敏）\n")
    assert _doubts(closed) == []


def test_story_paragraphs_read_on_as_briefs_longer_than_the_box_holds() -> None:
    # pdfminer printed the box (three briefs, set to the columns' measure) and then the next
    # story's paragraphs, its headline elsewhere: each read as one more brief, each over twice
    # as long as the box's first.
    page = (
        HEAD
        + """简讯

本报北京 3 月 3 日电
日前，全盟首届农牧民技
能大赛落下帷幕，八十名
选手在农机操作等项目中
一展身手。

本报乌海 3 月 1 日电
为丰富群众文化生活，街
道近日组织开展了广场舞
展演活动，十二支队伍同
台竞技。

连日来，区市场监管
局对辖区农贸市场开展专
项检查，重点检查食品经
营主体的进货台账。

这条公路全长六十八
公里，串起了沿线十二个嘎
查村和三个旅游景区。合作
社采取“统一采购、统一防
疫、统一销售”的方式，降
低了养殖成本。养老服务中
心开设了康复理疗、文化娱
乐等项目，满足老年人多样
化需求。口岸管理部门推行
“提前申报、货到放行”模
式，通关时间比去年同期缩
短了四成。（张晓明）

新华社包头 3 月 3 日
电通过“空中课堂”，偏远牧
区的孩子们也能和城里学
生同上一堂课。新能源项目
建设带动了装备制造、运维
服务等上下游产业在当地
集聚发展。文旅部门统计显
示，元旦假期全市共接待游
客四十六万人次，旅游收入
三点二亿元。

风电场里，一排排白色
风机迎风转动，源源不断地
将绿色电能送入电网。学校
负责人介绍，目前已有一百
四十多所农村牧区学校接
入了远程教学平台。有关部
门表示，将进一步加强监督
检查，确保各项惠民政策落
到实处。“饭菜合口味，价钱
也不贵，我们老两口几乎天
天来吃。”七十八岁的赵大
爷说。
"""
    )
    doubts = _doubts(page)
    assert [line for line, _ in doubts] == [
        _line_of(page, start) for start in ("这条公路", "新华社包头", "风电场里")
    ]
    assert all("over twice as long as the box's first" in message for _, message in doubts)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from("简讯本报记者王明近日，。“”（）——3月日电 \u3000标题村里"), max_size=30
        ),
        max_size=40,
    )
)
def test_any_page_is_read_and_every_doubt_points_at_one_of_its_lines(lines: list[str]) -> None:
    page = HEAD + "\n".join(lines)
    count = len(page.split("\n"))
    assert all(1 <= line <= count for line, _ in _doubts(page))


def test_columns_printed_side_by_side_warn_every_article_of_the_page() -> None:
    """pdfplumber prints a line of each column on one line: no order of the lines reads a story,
    so every article read from such a page is warned; the same page as PyMuPDF prints it is not."""
    from tests.typeset.extract import extract

    pdf = CORPUS / "tight-4col" / "edition.pdf"
    (side_by_side,) = extract(pdf, "pdfplumber")
    page = parse_page(side_by_side, "p2.txt", number=2)
    assert page.articles
    assert any("side by side" in w.message for w in page.warnings)
    warned = {w.line for w in page.warnings if w.line is not None}
    starts = sorted(a.line or 0 for a in page.articles)
    for start, end in zip(starts, [*starts[1:], 10**9], strict=True):
        assert any(start <= line < end for line in warned), start
    (in_order,) = extract(pdf, "pymupdf")
    assert not [d for d in _doubts(in_order) if "side by side" in d[1]]


def test_a_page_printed_row_by_row_puts_every_story_on_it_in_doubt() -> None:
    """pdfplumber prints the page row by row across its columns, no blank line anywhere: the
    text does not say where any story runs, so one page-level warning says every story on the
    page is in doubt. pdftotext, printing its blocks apart, merges columns only where they
    touch: those lines are doubted, the page as a whole is not; PyMuPDF's reading has neither."""
    from tests.typeset.extract import extract

    (rows,) = extract(CORPUS / "tight-4col" / "edition.pdf", "pdfplumber")
    page = parse_page(rows, "p2.txt", number=2)
    (whole,) = [w for w in page.warnings if w.whole_page]
    assert whole.line is None and "every story on this page" in whole.message
    merged = (CORPUS / "drawn-5col" / "pdftotext" / "2024-03-05-05.txt").read_text(encoding="utf-8")
    page = parse_page(merged, "p5.txt", number=5)
    assert any("side by side" in w.message for w in page.warnings)
    assert not [w for w in page.warnings if w.whole_page]
    (in_order,) = extract(CORPUS / "tight-4col" / "edition.pdf", "pymupdf")
    assert not [w for w in parse_page(in_order, "p2.txt", number=2).warnings if w.whole_page]


def test_a_pair_of_heads_set_side_by_side_is_not_a_page_of_columns() -> None:
    heads = "社区食堂端出“幸福味道”　冰雪旅游带火北疆小城\n"
    assert not [d for d in _doubts(HEAD + heads + STORY) if "side by side" in d[1]]


def test_a_paragraph_ending_mid_sentence_where_no_jump_line_carries_it_on() -> None:
    # pdftotext: a story's last column ends on 据了, its rest (解，今年…) printed further down
    # the page with another story's text and read into that story.
    path = CORPUS / "jump-split" / "pdftotext" / "2024-03-05-01.txt"
    page = path.read_text(encoding="utf-8")
    doubts = _doubts(page)
    ends = [line for line, message in doubts if "ends mid-sentence" in message]
    assert _line_of(page, "商品销量明显增长。据了") in ends
    # Where a jump line (下转第N版) carries the story on, it may break off anywhere.
    path = CORPUS / "edition-4p" / "pdftotext" / "2024-03-05-01.txt"
    jumping = path.read_text(encoding="utf-8").replace("实时共享。\n（下转", "实时共\n（下转")
    assert not [line for line, message in _doubts(jumping) if "ends mid-sentence" in message]
    cut = jumping.replace("（下转第 2 版）", "")
    assert [line for line, message in _doubts(cut) if "ends mid-sentence" in message] == [
        _line_of(cut, "实时共")
    ]


def test_a_headline_over_less_than_a_line_of_text() -> None:
    # pdfminer: a body line (成群的候鸟在水面上觅食) over its rest (嬉戏。), read as a headline
    # and its story.
    path = CORPUS / "edition-4p" / "pdfminer" / "2024-03-05-02.txt"
    page = path.read_text(encoding="utf-8")
    doubts = _doubts(page)
    assert [line for line, m in doubts if "less than a line of text" in m] == [_line_of(page, "成群的候鸟")]
    # A rest holding figures is measured as set, each figure half a character: 涨到了280元。 is
    # as many characters as a line holds, and under half a line wide.
    figures = page.replace("成群的候鸟在水面上觅食\n嬉戏。", "成群的候鸟在水面上觅食\n涨到了280元。")
    assert "涨到了280元。" in figures
    doubts = _doubts(figures)
    assert [line for line, m in doubts if "less than a line of text" in m] == [
        _line_of(figures, "成群的候鸟")
    ]


# pdfminer: a paragraph broken off (…遇到) and its rest (老服务中心…, its first character lost)
# with a story's headline and subtitle between, each block set apart by blank lines.
READ_ACROSS_HEADS = """多年治理，项目区植被覆盖
度由不足百分之十提高到
百分之四十以上。新能源项
目建设带动了装备制造、运
维服务等上下游产业在当
地集聚发展。

科技特派员常年驻村，
帮助农户解决生产中遇到

打好防沙治沙攻坚战
一季度主要经济指标稳中向好

老服务中心开设了康复理
疗、文化娱乐等项目，满足
老年人多样化需求。
"""


def test_heads_standing_apart_inside_a_paragraph_read_across() -> None:
    page = HEAD + READ_ACROSS_HEADS
    doubts = _doubts(page)
    assert [line for line, _ in doubts] == [_line_of(page, "打好防沙")]
    assert "lines standing apart inside a paragraph" in doubts[0][1]
    # The paragraph's rest standing apart in the next column, set to its measure, is no head.
    page = HEAD + READ_ACROSS_HEADS.replace("打好防沙治沙攻坚战\n一季度主要经济指标稳中向好\n\n", "")
    assert _doubts(page) == []


# PyMuPDF: a story under its own byline, and a brief of the box beside it (set without an
# indent, closing on its own byline) printed right after its last paragraph.
UNDER_ITS_BYLINE = """草原牧区迎来新一轮春耕备耕
本报记者 李红　郑凯
本报鄂尔多斯3 月4 日
电合作社采取“统一采购、
统一防疫、统一销售”的方
式，降低了养殖成本。当地
推出了冰雪节、那达慕等特
色活动，带动了餐饮、住宿
等行业的发展。
入冬以来，全市供热企
业提前完成管网检修和设
备调试，确保居民家中室温
达标。演出队带来了歌舞、
小品、好来宝等节目，台下
的农牧民群众掌声不断。
"""
BRIEF = """在他们的指导下，村里建起
了温室大棚，种上了反季节
蔬菜。（王建国）
"""


def test_a_paragraph_closing_on_a_byline_under_a_storys_own_is_read_apart_and_doubted() -> None:
    # A story has one byline: a paragraph closing on another （王建国） is a box's brief printed
    # after the story, and is read apart from it. Here the brief, set without an indent, ran on
    # from the story's last paragraph (one measure, a sentence ending at a full line), and that
    # paragraph went with it: set to the story's measure, the story is doubted at its last
    # line, and the brief has no headline.
    page = HEAD + UNDER_ITS_BYLINE + BRIEF
    story, brief = parse_page(page, "p2.txt").articles
    assert story.byline == "本报记者 李红 郑凯"
    assert (brief.headline, brief.byline) == (None, "王建国")
    assert brief.paragraphs[0].endswith("种上了反季节蔬菜。")
    doubts = _doubts(page)
    assert [line for line, _ in doubts] == [_line_of(page, "等行业的发展。")]
    assert "set to the story's measure" in doubts[0][1]
    assert len(parse_page(page, "p2.txt").warnings) == 2
    assert _doubts(HEAD + UNDER_ITS_BYLINE) == []


# pdftotext: a story's headline, then the word of the box of briefs beside it (简讯), then the
# story's byline and text: read as the box's briefs.
STORY_UNDER_THE_BOX_WORD = """科技特派员扎根田间地头

简讯

本报记者 郑凯 刘洋

本报二连浩特 3 月 2
日电“饭菜合口味，价钱也
不贵，我们老两口几乎天天
来吃。”七十八岁的赵大爷
说。记者在现场看到，工人
们正在对换热站的阀门和
仪表逐一进行检查。
改造后的小区铺设了
新路面，加装了电梯，还建
起了休闲广场和充电车棚。
"""


def test_the_first_brief_of_a_box_under_a_storys_byline() -> None:
    page = HEAD + STORY_UNDER_THE_BOX_WORD
    first = [line for line, message in _doubts(page) if message.startswith("the first item of a box")]
    assert first == [_line_of(page, "本报记者 郑凯")]
    # A box's first brief, signed at its end, stands under no byline.
    page = HEAD + STORY_UNDER_THE_BOX_WORD.replace("本报记者 郑凯 刘洋\n", "")
    assert not [m for _, m in _doubts(page) if m.startswith("the first item of a box")]


def test_a_subhead_read_as_a_headline() -> None:
    # pdfminer: a story's subhead (服务——网格员上门排查隐患, the paper's own kind: 储粮——国家“粮仓”)
    # printed apart from its story, read as the headline of the text under it.
    path = CORPUS / "edition-4p" / "pdfminer" / "2024-03-05-01.txt"
    page = path.read_text(encoding="utf-8")
    dashes = [line for line, message in _doubts(page) if "has a dash inside" in message]
    assert dashes == [_line_of(page, "服务——网格员")]


def test_a_line_of_running_text_read_as_heads_over_a_line_s_rest() -> None:
    # pdfminer.six prints a box's last line apart from its column: a line of running text after
    # a paragraph closing on its byline stands alone, as heads would, over its rest (个旅游景
    # 区。). A story shorter than one of the column's lines is no story: the reading is doubted.
    page = (
        HEAD
        + """银发经济激发消费新活力

本报包头3月2日电经过多
年治理，项目区植被覆盖度
由不足百分之十提高到百分
之四十以上。老师们利用课
余时间集体备课，把优质教
学资源转化为适合本校学生
的课程。（高原）

了沿线十二个嘎查村和三

个旅游景区。

冬季供暖保障有力有序

本报锡林浩特 3 月 2
日电（记者 吴敏 李红）经
过多年治理，项目区植被
覆盖度由不足百分之十提
高到百分之四十以上。
"""
    )
    thin = [line for line, message in _doubts(page) if message.startswith("a headline over less than a line")]
    assert thin == [_line_of(page, "了沿线")]


# pdftotext: a headline-first page whose first story stands under no heads (they are printed
# beside it), so the page reads as headline-after unless the editor forces --headlines before;
# the second story's headline is set with a dash inside (a subhead's mark: a doubt).
NO_HEADS_OVER_THE_FIRST = """本报包头3月4日电演出队
带来了歌舞、小品、好来宝
等节目，台下的农牧民群众
掌声不断。
春耕时节，田野里一派
繁忙景象，大型播种机来回
穿梭，农民们抢抓农时忙生
产。

口岸通关——申报放行再提速

本报二连浩特3月2日电口
岸管理部门推行“提前申报、
货到放行”模式，通关时间比
去年同期缩短了四成。

数字政务让群众少跑腿

本报鄂尔多斯3月1日电热
力公司设立了二十四小时服
务热线，群众反映的问题做
到当天受理、限时办结。
"""


def test_forced_headlines_are_doubted_on_the_forced_reading() -> None:
    page = HEAD + NO_HEADS_OVER_THE_FIRST
    assert parse_page(page, "p2.txt").headlines is HeadlinePosition.AFTER
    forced = parse_page(page, "p2.txt", headlines=HeadlinePosition.BEFORE)
    first, dashed, _ = forced.articles
    assert dashed.headline == "口岸通关——申报放行再提速"
    # The dash is doubted where the forced reading has that headline, and names its story; the
    # first story, headless on this reading, is warned once, as headless (on the detected reading
    # the dashed headline is its own, and so is the doubt).
    doubted = [w for w in forced.warnings if "dash inside" in w.message]
    assert [w.line for w in doubted] == [dashed.line] == [_line_of(page, "口岸通关")]
    assert f"check “{dashed.headline}”" in doubted[0].message
    at_first = [w.message for w in forced.warnings if w.line == first.line]
    assert len(at_first) == 1
    assert "the article beginning “演出队" in at_first[0] and "no headline" in at_first[0]
    assert dashed.line in [line for line, _ in _doubts(page, HeadlinePosition.BEFORE)]


def test_forcing_the_other_convention_is_doubted_on_what_it_reads() -> None:
    # A headline-first story forced headline-after: its headline stands over no text, and is
    # warned, though the page as detected raises no doubt.
    page = HEAD + STORY
    forced = parse_page(page, "p2.txt", headlines=HeadlinePosition.AFTER)
    bare = [w for w in forced.warnings if w.message.startswith("a headline with no text under it")]
    assert [w.line for w in bare] == [_line_of(page, "老旧小区改造")]
    assert "check “老旧小区改造让居民住得更舒心”" in bare[0].message


# pdfminer: a story, then the next story's headline in a box of its own (a blank line before it)
# on one line as wide as the column, its text under it: read as a subhead of the first story.
HEADLINE_AS_SUBHEAD = """稀土新材料产业链加速延伸

本报乌海 3 月 1 日电进
入冬季，冰雪乐园、滑雪场
相继开门迎客，吸引了大批
外地游客前来体验。目前，
全市已有八百多个政务服
务事项实现了网上办、掌上
办。

合作社采取“统一采
购、统一防疫、统一销售”
的方式，降低了养殖成本。

边境口岸货运量创同期新高
这条公路全长六十八
公里，串起了沿线十二个嘎
查村和三个旅游景区。湿地
公园里，芦苇随风摇曳，成
群的候鸟在水面上觅食嬉
戏。
"""


def test_a_headline_read_as_a_subhead() -> None:
    page = HEAD + HEADLINE_AS_SUBHEAD
    (story,) = parse_page(page, "p2.txt").articles
    assert story.subheads == ("边境口岸货运量创同期新高",)
    subheads = [line for line, message in _doubts(page) if message.startswith("a subhead standing apart")]
    assert subheads == [_line_of(page, "边境口岸")]
    # A subhead set in the column's type wraps at the column's measure (共建共享  居民议事有了新 /
    # 平台), and one in the column's box has no blank line before it: neither is doubted.
    wrapped = page.replace("边境口岸货运量创同期新高\n", "共建共享  居民议事有了新\n平台\n\n")
    in_the_box = page.replace("成本。\n\n边境", "成本。\n边境")
    for other in (wrapped, in_the_box):
        assert not [m for _, m in _doubts(other) if m.startswith("a subhead standing apart")]


# pdfminer: a box of briefs, then the rest of a story's last sentence (优惠。…) in a box of its
# own, read as one more brief: briefs are set without an indent, so its first line tells nothing.
TAIL_AS_A_BRIEF = """简讯

近期，县消防救援大
队走进中小学校，为师生
讲解火灾逃生自救知识并
开展疏散演练。（赵磊）

本报北京 3 月 2 日电
近日，市公安局交警支队
开展冬季道路交通安全宣
传活动，向过往司机发放
宣传资料三千余份。（吴
敏）

优惠。“以前一下雨院子里
就积水，现在出门再也不用
踩泥了。”居民李师傅说。
"""


def test_a_paragraph_opening_on_a_sentences_last_words() -> None:
    page = HEAD + TAIL_AS_A_BRIEF
    tails = [line for line, message in _doubts(page) if "opens on a sentence's last words" in message]
    assert tails == [_line_of(page, "优惠。")]
    # A quotation opening a paragraph may be short (“好。”): not a tail.
    quoted = page.replace("优惠。“以前", "“好。”以前")
    assert not [m for _, m in _doubts(quoted) if "opens on a sentence's last words" in m]


def test_a_paragraph_closing_on_a_quoted_term_ends_mid_sentence() -> None:
    # A paragraph broken off after a term quoted mid-sentence (…社区食堂端出“幸福味道”, a box's
    # last line where pdfminer printed the rest elsewhere): no sentence end before the quotation
    # mark, so the sentence goes on.
    page = HEAD + STORY.replace("程。\n", "程。社区食堂端出“幸\n福味道”\n")
    unfinished = [
        line for line, message in _doubts(page) if message.startswith("a paragraph ends mid-sentence")
    ]
    assert unfinished == [_line_of(page, "福味道”")]
    # A quotation closing on its own sentence end (…了。”) ends the paragraph.
    page = HEAD + STORY.replace("程。\n", "程。“真好。”\n")
    assert not [m for _, m in _doubts(page) if m.startswith("a paragraph ends mid-sentence")]


# pdfminer: a story's subhead printed in its paragraph's box, right under the paragraph's last line
# (a headline, set larger, is a box of its own: a blank line before it); the story's first
# paragraph, after a box of briefs, read as one more brief and the subhead as a headline.
SUBHEAD_IN_THE_BOX = """简讯

本报呼和浩特 3 月 2 日电日前，全盟首届农牧民技
能大赛落下帷幕，八十名选手在农机操作等项目中一展
身手。

本报阿拉善 3 月 2 日电
（记者 吴敏 陈静）这条公路
全长六十八公里，串起了沿
线十二个嘎查村和三个旅
游景区。有关部门表示，将
进一步加强监督检查，确保
各项惠民政策落到实处。
绿色发展  守护一方碧水蓝
天

路通了，牧民的牛羊和
奶制品可以直接卖到城里，
收入一年比一年高。改造后
的小区铺设了新路面，加装
了电梯，还建起了休闲广场
和充电车棚。
"""


def test_heads_right_under_a_paragraphs_end_read_as_a_headline() -> None:
    page = HEAD + SUBHEAD_IN_THE_BOX
    assert [a.headline for a in parse_page(page, "p2.txt").articles][-1] == "绿色发展 守护一方碧水蓝天"
    boxed = [line for line, message in _doubts(page) if message.startswith("heads printed right under")]
    assert boxed == [_line_of(page, "绿色发展")]
    # The story before loses its subhead and the text under it: it is doubted too, at its end.
    before = [line for line, message in _doubts(page) if message.startswith("the heads under this")]
    assert before == [_line_of(page, "各项惠民政策")]
    # Heads opening on an indented line are a paragraph's first line: the one before ends there.
    indented = page.replace("绿色发展  守护一方碧水蓝\n天\n", "春耕时节，田野里一派\n繁忙景象\n")
    assert [m for _, m in _doubts(indented) if m.startswith("heads printed right under")]
    assert not [m for _, m in _doubts(indented) if m.startswith("the heads under this")]
    # Set apart by a blank line, the heads are a box of their own: a headline's.
    apart = page.replace("实处。\n绿色", "实处。\n\n绿色")
    assert not [m for _, m in _doubts(apart) if m.startswith("heads printed right under")]
    # PyMuPDF prints no blank lines: no head is told from its box so.
    unbroken = page.replace("\n\n", "\n")
    assert not [m for _, m in _doubts(unbroken) if m.startswith("heads printed right under")]


def test_a_story_opening_on_its_dateline_under_no_headline() -> None:
    # pdfminer: a story's headline and second paragraph printed before its dateline and first
    # paragraph, the headline read as a subhead of the story before: the story read from its
    # dateline has no headline, and the doubt is said there, where its own text begins.
    headless = """新华社满洲里 3 月 4
日电（记者 周涛）稀土企业
加大研发投入，一批高性
能永磁材料实现了规模化
生产。改造后的小区铺设了
新路面，加装了电梯，还建
起了休闲广场和充电车棚。
"""
    page = HEAD + STORY + "\n" + headless
    dated = [line for line, message in _doubts(page) if message.startswith("a story opens on its dateline")]
    assert dated == [_line_of(page, "新华社满洲里")]
    # Under the word of a box of briefs, a dateline opens a brief: no headline is wanted.
    briefs = HEAD + STORY + "\n简讯\n\n" + headless
    assert not [m for _, m in _doubts(briefs) if m.startswith("a story opens on its dateline")]


def test_three_stories_headlines_read_as_one_storys_tiers() -> None:
    # pdfminer: the headlines of three stories set side by side, each a box of its own, read as
    # one story's kicker, headline and subtitle. One story's headline and subtitle stand together.
    body = "本报阿拉善 3 月 2 日\n电入冬以来，全市供热企业\n提前完成管网检修和设备\n调试，确保居民家中室温达\n标。\n"
    heads = "科技特派员扎根田间地头\n\n冰雪旅游带火北疆小城\n\n银发经济激发消费新活力\n\n"
    page = HEAD + heads + body
    (story,) = parse_page(page, "p2.txt").articles
    assert (story.kicker, story.headline, story.subtitle) == (
        "科技特派员扎根田间地头",
        "冰雪旅游带火北疆小城",
        "银发经济激发消费新活力",
    )
    apart = [line for line, message in _doubts(page) if message.startswith("a subtitle printed apart")]
    assert apart == [_line_of(page, "银发经济")]
    together = HEAD + heads.replace("小城\n\n", "小城\n") + body
    assert not [m for _, m in _doubts(together) if m.startswith("a subtitle printed apart")]
    dashed = HEAD + heads.replace("银发经济激发消费新活力", "——来自基层一线的调查") + body
    assert not [m for _, m in _doubts(dashed) if m.startswith("a subtitle printed apart")]


def test_a_dateline_of_any_outlet_broken_off_and_not_carried_on_is_doubted() -> None:
    # The same interleaved columns under a dateline naming a news site or another paper: a
    # dateline's outlets are one vocabulary (``layout.OUTLETS``), whoever filed the story.
    for outlet in ("中国新闻网", "据光明日报"):
        interleaved = (
            f"海岛民宿迎来客流高峰\n{outlet}厦门 5 月 2 日\n间。这条步道全长二十公里\n"
            "电（记者 陈雨）假期头两天\n，串起了沿岸九个渔村和三\n岛上民宿几乎全部订满，不\n"
            "少游客提前一个月预订。\n"
        )
        page = HEAD + interleaved
        assert [line for line, m in _doubts(page) if "dateline broken off" in m] == [_line_of(page, "间。")]


def test_a_dateline_broken_off_and_not_carried_on_the_next_line() -> None:
    # pdftotext, two columns touching: a story's dateline breaks after 日, and the next line is
    # the column beside's (求。这条公路…), its 电 a line further on: interleaved columns.
    interleaved = (
        "一条公路带富一方百姓\n本报锡林浩特 3 月 1 日\n求。这条公路全长六十八公\n"
        "电（记者 李红）合作社采取\n里，串起了沿线十二个嘎查\n“统一采购、统一防疫、统一\n"
        "村和三个旅游景区。湿地公\n销售”的方式，降低了养殖\n成本。\n"
    )
    page = HEAD + interleaved
    assert [line for line, m in _doubts(page) if "dateline broken off" in m] == [_line_of(page, "求。")]
    # Carried on as printed (日 / 电…, or 月 / 1 日电…), it raises none.
    whole = (
        HEAD
        + "一条公路带富一方百姓\n本报锡林浩特 3 月 1 日\n电（记者 李红）合作社采取\n“统一采购、统一防疫、统一\n销售”的方式，降低了养殖\n成本。\n"
    )
    assert not [m for _, m in _doubts(whole) if "dateline broken off" in m]
    month = whole.replace("3 月 1 日\n电", "3 月\n1 日电")
    assert not [m for _, m in _doubts(month) if "dateline broken off" in m]


def test_a_byline_crediting_others_inside_a_story_is_another_storys() -> None:
    # PyMuPDF, headlines drawn after their bodies: a story stacked under another, no dateline, its
    # heads (headline, then its byline line) under its text. The headline over it, the first
    # story's, reads as a subhead, and the two as one story credited twice.
    first = (
        "本报鄂尔多斯3 月1 日\n电（记者 周涛）业内人士认\n为，产业链向下游延伸，有\n利于把资源优势转化为发\n"
        "展优势。有关部门表示，将\n进一步加强监督检查，确保\n各项惠民政策落到实处。\n黄河流域生态保护治理扎实推进\n"
    )
    stacked = (
        "口岸管理部门推行“提\n前申报、货到放行”模式，通\n关时间比去年同期缩短了\n四成。据悉，该项目总投资\n"
        "五十六亿元，建成后可年产\n各类产品二十万吨。\n新能源装机规模突破一亿千瓦\n本报记者 杨帆　孙丽\n"
    )
    opening = "演出队带来了歌舞、小\n品、好来宝等节目，台下的\n农牧民群众掌声不断。\n牧民合作社闯出增收新路\n"
    page = HEAD + opening + first + stacked
    others = [line for line, m in _doubts(page) if m.startswith("a byline crediting others")]
    assert others == [_line_of(page, "本报记者 杨帆")]
    # One story's heads drawn after it, its byline line crediting its own reporter: no doubt.
    own = (
        HEAD
        + opening
        + first.replace("黄河流域生态保护治理扎实推进\n", "")
        + "黄河流域生态保护治理扎实推进\n本报记者 周涛\n"
    )
    assert not [m for _, m in _doubts(own) if m.startswith("a byline crediting others")]


def test_a_one_line_paragraph_under_a_full_line_ending_a_sentence() -> None:
    # PyMuPDF: a paragraph whose sentence ends at the column's edge (来吃。” in a column of
    # twelve), its last sentence on one line as short as an indented one: read as a paragraph of
    # its own, which it may be. (Not who said the quote above: that stays in its paragraph.)
    story = (
        "社区食堂端出“幸福味道”\n本报二连浩特3 月4\n日电（记者 杨帆）当地农\n技人员深入田间地头，手把\n"
        "手指导农户科学施肥、合理\n灌溉。\n园区内，新建的生产线\n正在紧张调试，预计明年上\n"
        "半年即可投产达效。去年合\n作社实现销售收入一千二百\n万元，社员人均分红一万余\n元。“饭菜合口味，价钱也\n"
        "不贵，我们老两口几乎天天\n来吃。”七十八岁的赵大爷\n说。风电场里，一排排白色\n"
        "风机迎风转动。“饭菜合口\n味，价钱也不贵，我们老两\n口几乎天天来吃，真方便。”\n全市已建成八个站点。\n"
    )
    page = HEAD + story
    one_line = [line for line, m in _doubts(page) if m.startswith("a one-line paragraph")]
    assert one_line == [_line_of(page, "全市已建成八个站点。")]
    # A last line shorter than an indented one is no paragraph of its own: no doubt.
    short = HEAD + story.replace("全市已建成八个站点。", "已建成八个站点。")
    assert not [m for _, m in _doubts(short) if m.startswith("a one-line paragraph")]


def test_a_quoted_opening_under_a_full_line_ending_a_sentence() -> None:
    # PyMuPDF: a full line ending a sentence, then a line opening on a quote as short as an
    # indented one, the next opening on 水，(a comma may not open a line, so 水 was pulled down
    # and the line held short): the paragraph's rest or a new paragraph, the text cannot tell.
    story = (
        "黄河流域生态保护治理扎实推进\n新华社兴安盟3 月1 日\n电前十个月，口岸进出口货\n运量达到一千八百万吨，同\n"
        "比增长百分之二十二点五。\n“以前一下雨院子里就积\n水，现在出门再也不用踩泥\n了。”居民李师傅说。记者在\n"
        "现场看到，工人们正在对换\n热站的阀门和仪表逐一进\n行检查。\n"
    )
    page = HEAD + story
    quoted = [line for line, m in _doubts(page) if m.startswith("a paragraph opening on a quote")]
    assert quoted == [_line_of(page, "“以前一下雨")]
    # The line under it opening on running text: nothing held it short, an indented first line.
    indented = HEAD + story.replace("水，现在出门再也不用踩泥\n", "水现在出门再也不用踩泥，\n")
    assert not [m for _, m in _doubts(indented) if m.startswith("a paragraph opening on a quote")]


def test_a_paragraph_read_off_lines_standing_one_by_one() -> None:
    # pdftotext, columns whose lines do not line up (ReportLab): it prints a row at a time, each
    # line a block of its own, and the paragraph is read across the columns' lines.
    rows = (
        "打好防沙治沙攻坚战\n\n本报呼和浩特3月1日电改\n\n一百多个嘎查村，观众超过五\n\n"
        "了歌舞、小品、好来宝等节目，\n\n造后的小区铺设了新路面，加\n装了电梯，还建起了休闲广场\n\n"
        "万人次。\n风电场里，一排排白色风\n"
    )
    page = HEAD + "\n" + rows
    assert [line for line, m in _doubts(page) if "one by one" in m] == [_line_of(page, "本报呼和浩特")]
    # The column printed as a block, or a box of briefs whose every line stands alone (pdfminer.six
    # splits it into lines): none.
    block = (
        HEAD
        + "\n打好防沙治沙攻坚战\n\n本报呼和浩特3月1日电改\n造后的小区铺设了新路面，加\n装了电梯，还建起了休闲广场\n"
    )
    assert not [m for _, m in _doubts(block) if "one by one" in m]
    briefs = (
        HEAD + "\n简讯\n\n本报赤峰3月4日电日前，旗\n\n图书馆举办读书分享会，六十\n\n"
        "余名读者参加活动，并交流读\n\n书心得。（张晓明）\n"
    )
    assert not [m for _, m in _doubts(briefs) if "one by one" in m]


def test_a_paragraph_read_on_from_a_clause_to_another_columns_sentence_end() -> None:
    # pdftotext prints three columns two rows at a time: the story's paragraph, broken off on a
    # comma, is read on into the next block, which opens on the end of another column's sentence.
    rows = (
        "草原牧区迎来新一轮春耕备耕\n本报记者 张晓明\n\n本报鄂尔多斯3月4日电春\n耕时节，田野里一派繁忙景象，\n\n"
        "嬉戏。\n这条公路全长六十八公里，\n\n批外地游客前来体验。沿黄各\n旗县区持续开展河道清理和岸\n"
    )
    page = HEAD + "\n" + rows
    assert [line for line, m in _doubts(page) if "clause to" in m] == [_line_of(page, "嬉戏。")]
    # The paragraph's own rest past the break: a clause, or a sentence ending on a word's rest.
    for rest in ("大型播种机来回穿梭。\n", "耕地质量稳步提升。\n"):
        whole = page.split("嬉戏。")[0] + rest
        assert not [m for _, m in _doubts(whole) if "clause to" in m], rest
    cut = (
        HEAD
        + "\n草原牧区迎来新一轮春耕备耕\n\n本报鄂尔多斯3月4日电今年全市新\n增供热面积一百二十万平\n\n方米。惠及居民一万八千余户。\n"
    )
    assert not [m for _, m in _doubts(cut) if "clause to" in m]


def test_a_byline_read_on_across_another_columns_line() -> None:
    # pdftotext prints two columns a line of each at a time: the byline broken after 周 is read
    # on across the other column's line to 涛）, and the story's text interleaved after it.
    rows = (
        "数字政务让群众少跑腿\n新华社乌海3月4日电（记者 周\n\n现在出门再也不用踩泥了。”居民\n\n"
        "涛）今年以来，文化惠民演出已走\n\n李师傅说。政务服务大厅推行“一\n\n进一百多个嘎查村，观众超过五万\n"
    )
    page = HEAD + "\n" + rows
    assert [m for _, m in _doubts(page) if "byline with running text" in m]
    # The byline carried on by the next line: none.
    whole = (
        HEAD
        + "\n数字政务让群众少跑腿\n新华社乌海3月4日电（记者 周\n涛）今年以来，文化惠民演出已走\n进一百多个嘎查村，观众超过五万\n人次。\n"
    )
    assert not [m for _, m in _doubts(whole) if "byline with running text" in m]


def test_a_paragraph_read_on_from_a_sentence_end_to_another_columns_sentence_end() -> None:
    # pdfminer.six prints a column's boxes out of order: the story's paragraph, ending a sentence
    # at its box's foot, is read on into the next box, which opens on another sentence's last word.
    story = (
        "黄河流域生态保护治理扎实推进\n\n本报满洲里 3 月 4 日\n电（记者 王建国）高标准农\n田建设持续推进，节水灌\n"
        "溉面积进一步扩大，耕地\n质量稳步提升。热力公司\n设立了二十四小时服务热\n线，群众反映的问题做到\n"
        "当天受理、限时办结。\n\n"
    )
    page = HEAD + "\n" + story + "验。文旅部门统计显示，元\n旦假期全市共接待游客四\n十六万人次。\n"
    assert [line for line, m in _doubts(page) if "sentence's end to" in m] == [_line_of(page, "验。")]
    # The next box opening on a sentence of its own, or on a clause's rest, is no such tail.
    for rest in ("文旅部门统计显示，元\n旦假期全市共接待游客。\n", "旦假期全市共接待游客四\n十六万人次。\n"):
        assert not [m for _, m in _doubts(HEAD + "\n" + story + rest) if "sentence's end to" in m], rest


# A pdftotext page set close: blank lines stand before one line in fourteen (its blocks are
# long), against none at all from PyMuPDF. The story's last line, a full one broken off mid-
# sentence at the column's foot, stands right over the next story's heads.
HEADS_UNDER_A_CLOSE_SET_PARAGRAPH = """学习贯彻全会精神

全区粮食产量再创历史新高
三年行动计划全面收官
本报兴安盟 3 月 3 日
电这条公路全长六十八公
里，串起了沿线十二个嘎查
村和三个旅游景区。进入冬
季，冰雪乐园、滑雪场相继
开门迎客，吸引了大批外地
游客前来体验。
去年合作社实现销售
收入一千二百万元，社员人
均分红一万余元。稀土企业
加大研发投入，一批高性能
永磁材料实现了规模化生

产。商家纷纷推出适老化产
品，智能手环、助行器等商
品销量明显增长。
今年以来，文化惠民演
出已走进一百多个嘎查村，
观众超过五万人次。光伏板
整齐排列在沙地上，板下种
植的牧草既能固沙，又能喂
养牛羊。“以前一下雨院子
里就积水，现在出门再也不
用踩泥了。”居民李师傅说。
口岸管理部门推行“提前申

记者蹲点

一条公路带富一方百姓
三年行动计划全面收官
新华社通辽 3 月 1 日电
风电场里，一排排白色风机
迎风转动，源源不断地将绿
色电能送入电网。文旅部门
统计显示，元旦假期全市共
接待游客四十六万人次，旅
游收入三点二亿元。社区食
堂每天中午供应两荤两素
一汤，老年人就餐还能享受
优惠。据了解，今年全市新
增供热面积一百二十万平
方米，惠及居民一万八千余
户。
记者在现场看到，工人
们正在对换热站的阀门和
仪表逐一进行检查。入冬以
来，全市供热企业提前完成
管网检修和设备调试，确保
居民家中室温达标。改造后
的小区铺设了新路面，加装
了电梯，还建起了休闲广场
和充电车棚。
"""


def test_heads_right_under_a_paragraphs_end_are_doubted_on_a_page_set_close() -> None:
    page = HEAD + HEADS_UNDER_A_CLOSE_SET_PARAGRAPH
    doubts = _doubts(page)
    # The story before is warned too: its last line (口岸管理部门推行“提前申) was read as a head.
    assert [line for line, m in doubts if "stand in its box" in m] == [_line_of(page, "用踩泥了。")]
    # And the heads, read as kicker (the lost line) over a headline of two lines.
    assert [line for line, m in doubts if "right under a paragraph's end" in m] == [
        _line_of(page, "记者蹲点")
    ]


def test_a_paragraph_read_on_from_a_sentence_end_to_a_few_words_ending_another() -> None:
    # pdftotext prints a chart's labels between a column's foot and the next block, which opens
    # on the last four characters of another column's sentence: no sentence is so short either.
    story = (
        "黄河流域生态保护治理扎实推进\n\n本报满洲里 3 月 4 日\n电（记者 王建国）高标准农\n田建设持续推进，节水灌\n"
        "溉面积进一步扩大，耕地\n质量稳步提升。热力公司\n设立了二十四小时服务热\n线，群众反映的问题做到\n"
        "当天受理、限时办结。\n\n单位：万吨\n\n"
    )
    page = HEAD + "\n" + story + "发展优势。文旅部门统计\n显示，元旦假期全市共接\n待游客四十六万人次。\n"
    assert [line for line, m in _doubts(page) if "sentence's end to" in m] == [_line_of(page, "发展优势。")]
    # A sentence of five characters or more may open the block: no doubt.
    rest = "促进发展优势。文旅部门统\n计显示，元旦假期全市共\n接待游客四十六万人次。\n"
    assert not [m for _, m in _doubts(HEAD + "\n" + story + rest) if "sentence's end to" in m]


def test_a_head_standing_apart_read_as_a_paragraphs_first_line() -> None:
    # pdfminer.six prints another story's headline as a box of its own over a column's text that
    # carries on a sentence begun elsewhere: the headline is read as that paragraph's first line.
    story = (
        "稀土新材料产业链加速延伸\n\n本报包头3月4日电\n改造后的小区铺设了新\n路面，加装了电梯，还建起\n"
        "了休闲广场和充电车棚。食\n堂由社区提供场地、企业负\n责运营，做到了价格实惠、\n干净卫生。进入冬季，冰雪\n"
        "乐园、滑雪场相继开门迎\n客，吸引了大批外地游客前\n来体验。\n\n"
    )
    rest = "\n\n活动，带动了餐饮、住宿等\n行业的发展。科技特派员常\n年驻村，帮助农户解决生产\n中遇到的技术难题。\n"
    page = HEAD + "\n" + story + "冬季供暖保障有力有序" + rest
    assert [line for line, m in _doubts(page) if "line standing apart" in m] == [
        _line_of(page, "冬季供暖保障有力有序")
    ]
    # A paragraph's own first line printed apart is indented, or holds a mark.
    for first in ("今年全旗计划种植", "今年全旗，计划种植玉米"):
        assert not [
            m for _, m in _doubts(HEAD + "\n" + story + first + rest) if "line standing apart" in m
        ], first


def test_a_head_as_short_as_an_indent_read_over_a_sentences_last_words() -> None:
    # pdftotext prints a headline of nine characters as a block of its own over a column's text
    # that opens on the last word of a sentence begun elsewhere (说。): in a column of eleven and
    # a half the headline is as short as an indented first line, but no paragraph's first
    # sentence ends a word into the next block with no mark before it.
    page = (
        HEAD
        + """光伏板整齐排列在沙地上，
板下种植的牧草既能固沙，
又能喂养牛羊。据悉，该项
目总投资五十六亿元，建成
后可年产各类产品二十万
吨。经过多年治理，项目区
植被覆盖度由不足百分之
十提高到百分之四十以上。
进入冬季，冰雪乐园、
滑雪场相继开门迎客，吸引
了大批外地游客前来体验。
社区工作人员逐户征求居
民意见，把群众最关心的问
题列入改造清单。口岸管理
部门推行“提前申报、货到
放行”模式，通关时间比去
年同期缩短了四成。治沙工
人们顶着风沙扎设草方格，
一棵棵梭梭、沙柳在沙丘上
扎下了根。

打好防沙治沙攻坚战

说。今年全区粮食总产量达
到七百九十一亿斤，连续多
年稳定在七百亿斤以上。
生态环境部门建立了
跨区域联防联控机制，实现
了监测数据实时共享。今年
"""
    )
    assert [line for line, m in _doubts(page) if "next block on a sentence's last words" in m] == [
        _line_of(page, "打好防沙治沙攻坚战")
    ]
    # A paragraph's own first line printed apart, its sentence running on past the break: none.
    own = page.replace("说。今年全区粮食总产量达", "今年全区粮食总产量达到")
    assert not [m for _, m in _doubts(own) if "next block on a sentence's last words" in m]


def test_a_paragraph_read_on_past_a_blank_line_into_an_indented_line() -> None:
    # pdfminer.six prints a column's boxes out of order: a paragraph broken off mid-word at its
    # box's foot is read on into the next box, which opens a paragraph of its own (indented).
    story = (
        "冬季供暖保障有力有序\n\n本报满洲里3月2日电\n进入冬季，冰雪乐园、滑雪\n场相继开门迎客，吸引了大\n"
        "批外地游客前来体验。目前，\n全市已有八百多个政务服务\n事项实现了网上办、掌上办。\n"
        "去年合作社实现销售\n收入一千二百万元，社员人\n均分红一万余元。高标准农\n\n"
    )
    page = story + "当地农技人员深入田\n间地头，手把手指导农户\n科学施肥、合理灌溉。\n"
    assert [line for line, m in _doubts(HEAD + "\n" + page) if "into an indented line" in m] == [
        _line_of(HEAD + "\n" + page, "当地农技人员")
    ]
    # The paragraph's own rest in the next box is a full line.
    rest = "田建设持续推进，节水灌溉\n面积进一步扩大，耕地质量\n稳步提升。\n"
    assert not [m for _, m in _doubts(HEAD + "\n" + story + rest) if "into an indented line" in m]


def test_a_heads_last_line_read_as_the_first_line_of_the_text_under_it() -> None:
    # pdfminer.six prints a story's three head lines as one box over another column's text that
    # carries on a sentence begun elsewhere: the subtitle is read as that paragraph's first line.
    story = (
        "稀土新材料产业链加速延伸\n\n本报包头3月4日电\n改造后的小区铺设了新\n路面，加装了电梯，还建起\n"
        "了休闲广场和充电车棚。食\n堂由社区提供场地、企业负\n责运营，做到了价格实惠、\n干净卫生。进入冬季，冰雪\n"
        "乐园、滑雪场相继开门迎\n客，吸引了大批外地游客前\n来体验。\n\n"
    )
    heads = "聚焦民生实事\n科技特派员扎根田间地头\n三年行动计划全面收官\n\n"
    rest = "十六万人次，旅游收入三点\n二亿元。在他们的指导下，\n村里建起了温室大棚，种上\n了反季节蔬菜。\n"
    page = HEAD + "\n" + story + heads + rest
    assert [line for line, m in _doubts(page) if "line standing apart" in m] == [
        _line_of(page, "三年行动计划全面收官")
    ]


def test_a_headline_printed_in_a_box_of_briefs_opens_a_brief() -> None:
    # pdftotext: a story's headline printed in the column under the box's section word, apart
    # (blank lines round it), and the story's text read on under it as the box's brief.
    page = (
        HEAD
        + """社区食堂每天中午供应两
荤两素一汤，老年人就餐还
能享受优惠。

简讯

冬季供暖保障有力有序

万人次，旅游收入三点二亿
元。合作社负责人告诉记
者，通过订单种植，社员每
亩地可增收三百多元。
"""
    )
    doubts = [(line, message) for line, message in _doubts(page) if "opens a brief" in message]
    assert [line for line, _ in doubts] == [_line_of(page, "冬季供暖保障")]
    # A brief whose first line is running text, set apart the same way, is no head.
    running = page.replace("冬季供暖保障有力有序\n", "近日，市人社局举办\n")
    assert not [d for d in _doubts(running) if "opens a brief" in d[1]]


def test_another_column_s_tail_printed_between_a_paragraph_s_two_blocks() -> None:
    # pdftotext: two lines of the next column's story (…四成。) printed between the blocks of a
    # paragraph broken mid-sentence (还 / 建起了), read into it seamlessly.
    page = (
        HEAD
        + """社区食堂端出“幸福味道”
新华社北京 3 月 2 日
电（记者 吴敏）老师们利
用课余时间集体备课，把优
质教学资源转化为适合本
校学生的课程。沿黄各旗县
区持续开展河道清理和岸
线整治，水质稳定保持在三
类以上。改造后的小区铺设
了新路面，加装了电梯，还

货到放行”模式，通关时间
比去年同期缩短了四成。

建起了休闲广场和充电车
棚。“以前一下雨院子里就
积水，现在出门再也不用踩
泥了。”居民李师傅说。
"""
    )
    doubts = [line for line, message in _doubts(page) if "between two blocks" in message]
    assert doubts == [_line_of(page, "货到放行")]
    # The paragraph broken over one column only: nothing between.
    once = page.replace("货到放行”模式，通关时间\n比去年同期缩短了四成。\n\n", "")
    assert not [d for d in _doubts(once) if "between two blocks" in d[1]]


def test_a_paragraph_read_on_across_a_chart_into_an_indented_line() -> None:
    # pdftotext: a paragraph broken mid-sentence (…养老服务中心开) at a chart, whose labels are
    # dropped; the block past them opens on an indented line, another paragraph's first, read
    # on as its rest.
    page = (
        HEAD
        + """湿地公园里，芦苇随风
摇曳，成群的候鸟在水面上
觅食嬉戏。养老服务中心开

单位：万吨

2021 年

2022 年

热力公司设立了二十
四小时服务热线，群众反映
的问题做到当天受理、限时
办结。
"""
    )
    doubts = [line for line, message in _doubts(page) if "indented line past a blank" in message]
    assert doubts == [_line_of(page, "热力公司")]
    # The rest opening full, as a paragraph carried over a break does: no doubt.
    full = page.replace("热力公司设立了二十\n", "设了康复理疗和文化娱乐项\n")
    assert not [d for d in _doubts(full) if "indented line past a blank" in d[1]]


# pdftotext -layout: two stories' heads side by side, the right one broken over two lines
# (社区食堂端出“幸 / 福味道”), over the columns of both.
HEADS_SIDE_BY_SIDE = """商品销量明显增长。据了
解，今年全市新增供热面积
一百二十万平方米，惠及居




数字政务让群众少跑腿                                                           社区食堂端出“幸
——一位老支书的三十年坚守                                                        福味道”
本报记者 杨帆          郑凯
                                                             本报兴安盟 3 月 2 日电
  养老服务中心开设了                为适合本校学生的课程。       地、企业负责运营，做到 （记者 周涛）据了解，今年全
康复理疗、文化娱乐等项                前十个月，口岸进出口货       了价格实惠、干净卫生。 市新增供热面积一百二十万
目，满足老年人多样化需                运量达到一千八百万吨，       目前，全市已有八百多个  平方米，惠及居民一万八千余
求。商家纷纷推出适老化                同比增长百分之二十二点       政务服务事项实现了网上  户。经过多年治理，项目区植
产品，智能手环、助行器等               五。                办、掌上办。       被覆盖度由不足百分之十提
商品销量明显增长。演出                   治沙工人们顶着风沙                   高到百分之四十以上。社区工
队带来了歌舞、小品、好来               扎设草方格，一棵棵梭梭、                   作人员逐户征求居民意见，把
宝等节目，台下的农牧民                沙柳在沙丘上扎下了根。                    群众最关心的问题列入改造
群众掌声不断。                    今年全区粮食总产量达到                    清单。
  这条公路全长六十八                七百九十一亿斤，连续多                       新能源项目建设带动了
"""


def test_a_head_tier_opening_a_quotation_it_does_not_close() -> None:
    # The heads read as one story's tiers, each holding a piece of the broken headline: a head
    # never leaves a quotation open, so they are pieces of heads.
    page = HEAD + HEADS_SIDE_BY_SIDE
    assert [m for _, m in _doubts(page) if "quotation opened and not closed" in m]
    # The headline whole on its line: no doubt of the kind.
    whole = page.replace("福味道”", "", 1).replace("社区食堂端出“幸", "社区食堂端出“幸福味道”")
    assert not [m for _, m in _doubts(whole) if "quotation opened and not closed" in m]


# pdftotext: a column's text (…能固沙，) printed under a box's section word, over the box's
# briefs set wider than the column.
BOX_UNDER_A_COLUMN_S_TEXT = """简讯
能固沙，又能喂养牛羊。经
过多年治理，项目区植被
覆盖度由不足百分之十提
高到百分之四十以上。沿
黄各旗县区持续开展河道
清理和岸线整治，水质稳
定保持在三类以上。

本报鄂尔多斯 3 月 3 日电近期，县消防救援大队走进
中小学校，为师生讲解火灾逃生自救知识并开展疏散演
练。（张晓明）
本报兴安盟 3 月 1 日电日前，全盟首届农牧民技能大
赛落下帷幕，八十名选手在农机操作等项目中一展身手。
（孙丽）
近日，旗气象局发布寒潮蓝色预警，提醒群众注意防
寒保暖，合理安排出行。
"""


def test_a_column_s_text_read_as_the_first_brief_of_a_box() -> None:
    page = HEAD + BOX_UNDER_A_COLUMN_S_TEXT
    doubts = [line for line, message in _doubts(page) if "first item of a box" in message]
    assert doubts == [_line_of(page, "能固沙")]
    # The box's own briefs alone agree: no doubt of the kind.
    own = HEAD + "简讯\n" + BOX_UNDER_A_COLUMN_S_TEXT.split("\n\n", 1)[1]
    assert not [m for _, m in _doubts(own) if "first item of a box" in m]
    # A first item opening on its dateline is a brief, whatever its measure.
    dated = page.replace(
        "简讯\n能固沙，又能喂养牛羊。经\n", "简讯\n本报包头 3 月 2 日电\n能固沙，又能喂养牛羊。经\n"
    )
    assert not [m for _, m in _doubts(dated) if "first item of a box" in m]


def test_a_paragraph_closing_a_quotation_it_never_opened() -> None:
    # pdftotext -layout: a paragraph's lines cut where a column's lines were read apart
    # (…口岸管理部门推行 / 了。”家住…): the quotation's opening went with the lost lines.
    page = (
        HEAD
        + """数字政务让群众少跑腿
  前十个月，口岸进出口货运量达到
一千八百万吨，同比增长百分之二十二
点五。口岸管理部门推行了。”家住新
华街道的王大妈笑着说。
"""
    )
    doubts = [line for line, message in _doubts(page) if "never opened" in message]
    assert doubts == [_line_of(page, "  前十个月")]
    # The quotation whole: no doubt of the kind.
    whole = page.replace("推行了。”家住新", "推行“提前申报”。“家里暖和了。”家住新")
    assert not [m for _, m in _doubts(whole) if "never opened" in m]


# pdftotext -raw: lines broken where the PDF's text runs were drawn, short of the column at
# clause marks (今年以来， / 文化惠民演 / 出已走进…), not at the column's edge.
BROKEN_AT_CLAUSES = """2024 年 3 月 5 日 星期二 要闻 第 2 版
新能源装机规模突破一亿千瓦
今年以来累计完成投资超过三百亿元
本报记者 郑凯 张晓明
图为满载货物的车辆有序通过口岸查验通道。 新华社发
今年以来，
文化惠民演
出已走进一百多个嘎查村，
观众超过五万人次。
当地农
技人员深入田间地头，
手把
手指导农户科学施肥、
合理
灌溉。
科技赋能让老产业焕发新
生机
养老服务中心开设了
康复理疗、文化娱乐等项
目，满足老年人多样化需
求。前十个月，口岸进出口
货运量达到一千八百万吨，
同比增长百分之二十二点
五。政务服务大厅推行“一
窗受理、
集成服务”
，
群众办
事只需跑一次。
口岸管理部
门推行“提前申报、货到放
行”模式，通关时间比去年
同期缩短了四成。
春耕时节，
田野里一派
繁忙景象，
大型播种机来回
穿梭，
农民们抢抓农时忙生
产。
"""


def test_lines_broken_short_at_clause_marks_put_every_story_on_the_page_in_doubt() -> None:
    page = parse_page(BROKEN_AT_CLAUSES, "p2.txt", number=2)
    (whole,) = [w for w in page.warnings if w.whole_page]
    assert whole.line is None and "broke its lines short of the column" in whole.message
    # Pages printed to the column's edge, in any extractor's order, raise no such doubt.
    for path in sorted(CORPUS.glob("*/*/*.txt")):
        warnings = parse_page(path.read_text(encoding="utf-8"), path.name).warnings
        assert not [w for w in warnings if "broke its lines short" in w.message], path


def test_a_head_line_after_heads_with_no_text_may_be_their_subtitle() -> None:
    """pdftotext -layout, a story's headline and subtitle printed apart (a box beside them
    printed between): the headline stands with no text under it, its subtitle over the story's
    text, read as another story's headline. The story under it is doubted. Words and lengths of
    no generated page."""
    headline = "草场禁牧休牧见成效\n"
    box = "简讯\n近日，旗农牧局举办牧草种植技术培训班，百余名牧民参加。\n"
    subtitle = "全旗落实草原生态补奖资金一点二亿元\n"
    story = STORY.split("\n", 1)[1]  # its dateline and text, under no heads of its own
    page = HEAD + STORY + "\n" + headline + "\n" + box + "\n" + subtitle + story
    doubts = [line for line, message in _doubts(page) if "heads with no text of their own" in message]
    assert doubts == [_line_of(page, "全旗落实")]
    # Heads with their own subtitle need no other: the head line after them is a headline.
    tiered = HEAD + STORY + "\n" + headline + "——来自锡林郭勒草原的报道\n\n" + box + "\n" + subtitle + story
    assert not [m for _, m in _doubts(tiered) if "heads with no text of their own" in m]
    # A subtitle printed apart from them (a blank line between) is no sure subtitle of theirs.
    apart = HEAD + STORY + "\n" + headline + "\n锡林郭勒草原的报道\n\n" + box + "\n" + subtitle + story
    assert [line for line, m in _doubts(apart) if "heads with no text of their own" in m] == [
        _line_of(apart, "全旗落实")
    ]
    # Nor a label shorter than every headline the page tells for sure: a kicker (引题) printed
    # apart from its headline, the line after it.
    kicker = HEAD + STORY + STORY + "\n边关纪事\n\n" + box + "\n" + subtitle + story
    assert not [m for _, m in _doubts(kicker) if "heads with no text of their own" in m]


# pdfminer.six: the last paragraph of a story under its own byline (its column twelve characters
# wide), closing on a name as a brief does, printed right over a box of briefs set twice as
# wide, its word 简讯 between: read apart from its story, as a brief read into it would be.
COLUMN_OVER_A_BOX = """冬季供暖保障有力有序
本报记者 吴敏

学校负责人介绍，目前
已有一百四十多所农村牧
区学校接入了远程教学平
台。社区工作人员逐户征求
居民意见，把群众最关心的
问题列入改造清单。

合作社负责人告诉记
者，通过订单种植，社员每
亩地可增收三百多元。今年
全区粮食总产量达到七百
九十一亿斤，连续多年稳定
在七百亿斤以上。

口岸管理部门推行“提
前申报、货到放行”模式，通
关时间比去年同期缩短了
四成。这条公路全长六十八
公里，串起了沿线十二个嘎
查村和三个旅游景区。（郑凯）

简讯

本报呼和浩特 3 月 4 日电连日来，区市场监管局对
辖区农贸市场开展专项检查，重点检查食品经营主体的
进货台账。（李红）

近期，县消防救援大队走进中小学校，为师生讲解火
灾逃生自救知识并开展疏散演练。（杨帆）

本报呼和浩特 3 月 1 日电为丰富群众文化生活，街道
近日组织开展了广场舞展演活动，十二支队伍同台竞技。
（李红）
"""


def test_a_columns_paragraph_read_as_a_brief_before_a_box_set_wider() -> None:
    # The paragraph after the blank line, signed at its end as a brief is, reads as a brief
    # next to the box's: but it is set to the column's measure, the briefs after it to the box's.
    page = HEAD + COLUMN_OVER_A_BOX
    doubts = [line for line, message in _doubts(page) if "than the briefs after it" in message]
    assert doubts == [_line_of(page, "口岸管理部门")]
    # Set to the box's measure, the item is one of its briefs: no doubt of the kind.
    brief = page.replace(
        "口岸管理部门推行“提\n前申报、货到放行”模式，通\n关时间比去年同期缩短了\n四成。这条公路全长六十八\n"
        "公里，串起了沿线十二个嘎\n查村和三个旅游景区。（郑凯）\n",
        "口岸管理部门推行“提前申报、货到放行”模式，通关时\n间比去年同期缩短了四成。这条公路全长六十八公\n"
        "里，串起了沿线十二个嘎查村和三个旅游景区。（郑凯）\n",
    )
    assert not [m for _, m in _doubts(brief) if "than the briefs after it" in m]


def test_a_story_of_one_line_under_its_dateline() -> None:
    # pdfminer.six, printing a page a line at a time, puts a story's dateline line next to
    # another column's line that happens to end a sentence: the story reads as one line of
    # text, and no story under a headline is so short.
    story = """冬季供暖保障有力有序
新华社赤峰3月3日电社区食
预计明年上半年即可投产达效。

"""
    after = """数字政务让群众少跑腿
本报包头3月2日电经过多
年治理，项目区植被覆盖度
由不足百分之十提高到百分
之四十以上。
"""
    page = HEAD + story + after
    doubts = [line for line, message in _doubts(page) if message.startswith("a story of one line")]
    assert doubts == [_line_of(page, "新华社赤峰")]
    # The story's own lines under its dateline: no doubt of the kind.
    whole = story.replace(
        "社区食\n预计明年上半年即可投产达效。",
        "社区食\n堂每天中午供应两荤两素一\n汤，老年人就餐还能享受优\n惠。",
    )
    assert not [m for _, m in _doubts(HEAD + whole + after) if m.startswith("a story of one line")]


# A box of briefs, thirty-odd characters a line, its lines printed out of order (pdfminer.six
# prints a box's lines in an order of its own): a brief's last line before the brief.
BRIEFS_OUT_OF_ORDER = """简讯
本报鄂尔多斯3月3日电连日来，苏木卫生院组织医护人员入户开展健康体检，
为老人建立电子健康档案。（杨帆）

业提供就业岗位四千多个。（李红）

本报通辽3月4日电近日，市人社局举办春风行动专场招聘会，一百二十家企

连日来，区市场监管局对辖区农贸市场开展专项检查，重点检查食品经营主
体的进货台账。（张晓明）
"""


def test_a_briefs_last_line_printed_apart_read_as_a_brief() -> None:
    # The brief's last line reads as an item of its own: one line opening on no dateline, short
    # of the box's measure.
    page = HEAD + BRIEFS_OUT_OF_ORDER
    doubts = [line for line, message in _doubts(page) if message.startswith("an item of one line")]
    assert doubts == [_line_of(page, "业提供就业岗位")]
    # The box in order: no doubt of the kind.
    ordered = BRIEFS_OUT_OF_ORDER.replace("\n业提供就业岗位四千多个。（李红）\n", "").replace(
        "一百二十家企\n", "一百二十家企\n业提供就业岗位四千多个。（李红）\n"
    )
    assert "业提供" in ordered
    assert not [m for _, m in _doubts(HEAD + ordered) if m.startswith("an item of one line")]
    # A last line nearly as long as the box's lines, its byline counted, is short of them all
    # the same: a full line falls short by a character at most.
    long_tail = page.replace(
        "业提供就业岗位四千多个。（李红）", "业提供就业岗位四千多个，求职者在现场达成意向一千余人。（李红）"
    )
    doubts = [line for line, message in _doubts(long_tail) if message.startswith("an item of one line")]
    assert doubts == [_line_of(long_tail, "业提供就业岗位")]


# pypdf's ``extract_text`` of a ReportLab page that places each character on its own (the
# page's first 120 lines, as printed: a character a line, its spaces too).
A_CHARACTER_A_LINE = "\n".join(
    "2024年3月5日　星期二要闻第2版图为游客在冰雪乐园体验滑雪的乐趣。　本报记者 周涛 摄"
    "本报通辽3月4日电（记者 李红）这条公路全长六十八公里，串起了沿线十二个嘎查村和三个旅游景区。"
    "政务服务大厅推行“一窗受理、集成服务”，群众办事只需跑一"
)


def test_a_page_printed_a_character_a_line_puts_every_story_in_doubt() -> None:
    assert A_CHARACTER_A_LINE.count("\n") == 119
    page = parse_page(A_CHARACTER_A_LINE, "p2.txt", number=2)
    (whole,) = [w for w in page.warnings if w.whole_page]
    assert whole.line is None and "a character a line" in whole.message
    # Pages printed a line of the column at a time, in any extractor's order, raise no such doubt.
    for path in sorted(CORPUS.glob("*/*/*.txt")):
        warnings = parse_page(path.read_text(encoding="utf-8"), path.name).warnings
        assert not [w for w in warnings if "a character a line" in w.message], path


# A box of briefs under a title the reader does not know as a box's (where 简讯 is known), its
# briefs set twelve characters a line, each opening indented.
UNKNOWN_BOX = """邻里快报
本报青山5月2日讯
社区图书角新添了三百
册图书，居民可凭门禁卡免
费借阅。（林岚）
街道卫生站本周起延长
服务时间，周末也可预约体
检。（周川）
"""


def _title_doubts(page: str, headlines: HeadlinePosition | None = None) -> list[int]:
    return [line for line, message in _doubts(page, headlines) if "title of their box" in message]


def test_an_unknown_box_title_read_as_a_headline_over_its_first_brief() -> None:
    # The title reads as a story's headline over the first brief; the second is read under no
    # headline.
    # A title of four characters over a dateline and items closed on their writers' names is
    # known as the box's by its shape: read right, nothing in doubt of the kind.
    page = HEAD + STORY + UNKNOWN_BOX
    assert [a.section for a in parse_page(page, "2024-03-05-02.txt").articles][1:] == ["邻里快报"] * 2
    assert _title_doubts(page) == []
    # A longer title is past that shape: read as a headline, and warned.
    longer = HEAD + STORY + UNKNOWN_BOX.replace("邻里快报", "街坊邻里新鲜事")
    assert _title_doubts(longer) == [_line_of(longer, "街坊邻里新鲜事")]
    # Under the word the reader knows, the box reads as briefs and nothing is in doubt.
    known = HEAD + STORY + UNKNOWN_BOX.replace("邻里快报", "简讯")
    assert _title_doubts(known) == []
    assert _doubts(known) == []


# A story's text closing on its byline, its headline printed after it (heads set after their text):
# what comes under it is each test's own.
STORY_THEN_HEADS = """本报包头3月4日电
演出队带来了歌舞、小
品、好来宝等节目，台下的
农牧民群众掌声不断。春耕
时节，田野里一派繁忙景
象，大型播种机来回穿梭，
农民们抢抓农时忙生产。（记者 王明）
老旧小区改造让居民住得更舒心
"""


def test_an_unknown_box_title_printed_on_a_storys_last_head_line() -> None:
    # Heads set after their text: the story's headline, the box's title on the line after it (or
    # on the same line past a space, as PDFium prints what shares a baseline), then the briefs,
    # each opening on its dateline.
    text = (
        STORY_THEN_HEADS
        + """邻里快报
本报青山5月2日讯社区图书角新添了三百
册图书，居民可凭门禁卡免费借阅。（林岚）
本报5日讯街道卫生站本周起延长服务时间，
周末也可预约体检。（周川）
"""
    )
    # (A title of four characters is known by its shape and read right; a longer one is not.)
    text = text.replace("邻里快报", "街坊邻里新鲜事")
    page = HEAD + text
    assert _title_doubts(page, HeadlinePosition.AFTER) == [_line_of(page, "本报包头")]
    joined = HEAD + text.replace("舒心\n街坊邻里新鲜事", "舒心 街坊邻里新鲜事")
    assert _title_doubts(joined, HeadlinePosition.AFTER) == [_line_of(joined, "本报包头")]
    # The headline alone on its line, whole: the briefs' title is elsewhere, no doubt of the kind.
    alone = HEAD + text.replace("舒心\n街坊邻里新鲜事\n", "舒心\n")
    assert _title_doubts(alone, HeadlinePosition.AFTER) == []


def test_a_dateline_inside_a_paragraph_joins_two_briefs() -> None:
    # Two briefs run into one paragraph (pypdf's layout mode runs a box's lines on): the second's
    # dateline right after the first's closing byline.
    text = """简讯
本报青山5月2日讯　社区图书角新添了三百册图书，居民可凭门禁卡免费借阅。（林岚）本报5日讯
街道卫生站本周起延长服务时间，周末也可预约体检。（周川）
"""
    page = HEAD + text
    doubts = [line for line, message in _doubts(page) if message.startswith("a dateline inside")]
    assert doubts == [_line_of(page, "本报青山")]
    # After a sentence's end as well, with no byline between.
    unsigned = page.replace("（林岚）", "")
    doubts = [line for line, message in _doubts(unsigned) if message.startswith("a dateline inside")]
    assert doubts == [_line_of(unsigned, "本报青山")]
    # The briefs apart: none.
    apart = page.replace("（林岚）本报5日讯\n", "（林岚）\n本报5日讯")
    assert not [m for _, m in _doubts(apart) if m.startswith("a dateline inside")]


# Heads set after their text, then briefs; the second brief's indented first line, short of the
# box's measure and with no sentence's end, is read as a headline over the first brief.
BRIEF_LINE_AS_HEAD = (
    STORY_THEN_HEADS
    + """本报青山5月2日讯
社区图书角新添了三百
册图书，居民可凭门禁卡免
费借阅。（林岚）
连日大雨过后，城西
老桥的桥面出现多处裂
缝，交通部门已设置围挡。
（周川）
本报5日讯街道卫生站
本周起延长服务时间，周末
也可预约体检。（周川）
"""
)


def test_text_under_a_line_of_running_text_read_as_a_headline() -> None:
    page = HEAD + BRIEF_LINE_AS_HEAD
    doubts = [
        line for line, message in _doubts(page, HeadlinePosition.AFTER) if "right under a line" in message
    ]
    # Where the brief's rest is read, under no headline (the headline itself is doubted too).
    assert doubts == [_line_of(page, "老桥的桥面")]
    # The brief's first line read with its rest: none.
    whole = page.replace("连日大雨过后，城西\n老桥", "连日大雨过后，城西老桥")
    assert not [m for _, m in _doubts(whole, HeadlinePosition.AFTER) if "right under a line" in m]


def test_a_byline_inside_a_story_is_pointed_at_where_it_closes() -> None:
    # Heads set after their text; a box's briefs set wide under a title the reader does not know,
    # read as one item of three paragraphs, the first closing on its byline broken over two
    # lines. The doubt points at the line closing on the byline (the name's rest put back on it):
    # the brief it ends is in doubt as much as the text after it. (Its title is past the shape a
    # box title of four characters is known by.)
    text = (
        STORY_THEN_HEADS
        + """街坊邻里新鲜事
本报讯社区图书角新添了三百册图书，居民可凭门禁卡免费借阅。（林
岚）
5 月6 日起，街道卫生站延长服务时间，周末也可预约体检。（周川）
近日，城西老桥完成加固，桥面已恢复双向通行。（李青）
"""
    )
    page = HEAD + text
    doubts = _doubts(page, HeadlinePosition.AFTER)
    assert [line for line, m in doubts if m.startswith("a byline closes a paragraph")] == [
        _line_of(page, "本报讯社区图书角")
    ]


# pdfminer: a story's heads over the box's word (简讯), the story's text under it, read as the
# box's first briefs; the story credits its reporter after its dateline, the briefs are set wider.
STORY_UNDER_A_BOX_WORD = """老旧小区改造让居民住得更舒心

简讯

本报包头3月4日电（记者 王明）演出
队带来了歌舞、小品、好来宝等节目，台
下的农牧民群众掌声不断。春耕时节，田
野里一派繁忙景象，大型播种机来回穿梭，
农民们抢抓农时忙生产。
口岸管理部门推行“提前申报、货到放
行”模式，通关时间比去年同期缩短了四
成。老师们利用课余时间集体备课，把优
质教学资源转化为适合本校学生的课程。

本报青山5月2日电社区图书角新添了三百册图书，居民可凭门禁
卡免费借阅。（林岚）

本报昆都仑5月3日电街道卫生站本周起延长服务时间，周末也可
预约体检。（周川）
"""


def _reported(page: str) -> list[int]:
    return [line for line, message in _doubts(page) if "under a reporter's byline" in message]


def test_a_storys_paragraphs_under_a_reporters_byline_read_as_a_boxs_first_briefs() -> None:
    page = HEAD + STORY_UNDER_A_BOX_WORD
    # Both of the story's paragraphs, each read as a brief of its own.
    assert _reported(page) == [_line_of(page, "本报包头"), _line_of(page, "口岸管理")]
    # A box whose first brief credits a reporter but is set as the others are: none.
    briefs = STORY_UNDER_A_BOX_WORD.split("本报青山")[1]
    alike = (
        HEAD
        + "简讯\n\n本报包头3月4日电（记者 王明）社区图书角新添了三百册图书，居\n民可凭门禁卡免费借阅。\n\n本报青山"
        + briefs
    )
    assert _reported(alike) == []


def test_a_headline_closing_on_a_byline() -> None:
    # A byline printed on the headline's line (pdftotext's layout mode, the byline set beside the
    # head) read into the headline.
    page = HEAD + STORY.replace("住得更舒心\n", "住得更舒心本报记者 王明\n")
    doubts = [line for line, message in _doubts(page) if "closes on a byline" in message]
    assert doubts == [_line_of(page, "老旧小区")]
    # A headline about reporters, its credit words not closing it on a name: none.
    for head in ("记者手记：老旧小区改造这一年", "本报记者走进老旧小区"):
        other = HEAD + STORY.replace("老旧小区改造让居民住得更舒心", head)
        assert not [m for _, m in _doubts(other) if "closes on a byline" in m], head


# pdftotext: a box's brief, then a story's two paragraphs (its heads elsewhere) read on as more
# briefs: the first on its dateline and over twice as long as the brief, the second on none.
BRIEF_THEN_A_STORY = """简讯
本报包头3月2日电社区图书
角新添了三百册图书，居民可凭
门禁卡免费借阅。（林岚）

本报青山3月3日电演出队带
来了歌舞、小品、好来宝等节目，
台下的农牧民群众掌声不断。春
耕时节，田野里一派繁忙景象，大
型播种机来回穿梭，农民们抢抓
农时忙生产。

口岸管理部门推行“提前申
报、货到放行”模式，通关时间比
去年同期缩短了四成，群众办事
更方便了。
"""


def test_a_storys_next_paragraph_read_as_a_brief_after_its_first() -> None:
    page = HEAD + BRIEF_THEN_A_STORY
    doubts = [line for line, message in _doubts(page) if "opening on no dateline after one" in message]
    assert doubts == [_line_of(page, "口岸管理")]
    # The item after opening on a dateline of its own: a brief, no doubt of the kind.
    dated = page.replace("口岸管理部门推行“提前申\n", "本报5日电口岸管理部门推行“提前申\n")
    assert not [m for _, m in _doubts(dated) if "opening on no dateline after one" in m]


# A story's heads, then its byline on a line of its own closing on a credit for words and
# pictures, which the reader takes for the headline (the real headline becomes the kicker).
HEADS_OVER_A_CREDITED_BYLINE = """茶山夜校开课了
本报记者 周云 吴桐 文/图
村里的夜校每周开两
次课，讲的是修剪茶树和
网上开店。老茶农说，学
了这些，心里更有底了。
"""


def test_a_byline_read_as_a_head() -> None:
    page = HEAD + HEADS_OVER_A_CREDITED_BYLINE
    assert [m for _, m in _doubts(page) if "a byline (“本报记者 周云 吴桐 文/图”) is read as a head" in m]
    # A head of two tiers with no byline raises no such doubt.
    plain = page.replace("本报记者 周云 吴桐 文/图\n", "乡亲们学技术劲头足\n")
    assert not [m for _, m in _doubts(plain) if "is read as a head" in m]


# A headline of two phrases broken over three lines, the line break one character before the
# space between them: the reader cuts the tiers after the first line.
HEADLINE_BROKEN_BEFORE_ITS_SPACE = """山村小学建起科学角
了 孩子们课间动手做
小实验
本报黔东3月4日电学校
把闲置的教室改成了科学角，
老师说，这比只看书有意思
多了。
"""


def test_a_head_line_opening_on_a_character_set_apart() -> None:
    page = HEAD + HEADLINE_BROKEN_BEFORE_ITS_SPACE
    assert [m for _, m in _doubts(page) if "opens on a character set apart" in m]
    # The same heads broken after the space: no tier opens on a lone character.
    whole = page.replace("山村小学建起科学角\n了 孩子们", "山村小学建起科学角了\n孩子们")
    assert not [m for _, m in _doubts(whole) if "opens on a character set apart" in m]


# A paragraph's last line of two characters, then the next paragraph's indented first line
# opening on a quote (set half wide): together they fill a column, as a quote tucked under a
# full stop does, so the reader runs them on as one paragraph.
SHORT_END_OVER_A_QUOTED_OPENING = """山村小学建起科学角
本报黔东3月4日电学校把
闲置的教室改成了科学角，
孩子们课间就能动手做小实
验，动手能力比过去强了不
少。
“这比只看书有意思多
了。”一名学生说。如今，
每个班每周都有一节实验
课。
"""


def test_a_quoted_line_after_a_short_end_may_open_a_paragraph() -> None:
    page = HEAD + SHORT_END_OVER_A_QUOTED_OPENING
    doubts = [line for line, m in _doubts(page) if "opening on a quote after a sentence's end" in m]
    assert doubts == [_line_of(page, "“这比只看书")]
    # A last line long enough that the two could not be one printed line: read apart, no doubt.
    apart = page.replace("验，动手能力比过去强了不\n少。\n", "验，动手能力比过去强了\n不少呢。\n")
    assert not [m for _, m in _doubts(apart) if "opening on a quote after a sentence's end" in m]
