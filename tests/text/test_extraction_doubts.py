"""The doubts an extractor's text raises about its own reading (``extraction_doubts``): one small
page per class, written as pdfminer.six or PyMuPDF print them (snippets of the typeset corpus),
and a page read right raises none."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from audio_edition.text import parse_page
from audio_edition.text.extraction import read_extraction

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "typeset"
HEAD = "2024年3月5日　星期二\n要闻\n第2版\n"  # the running head an extractor keeps: an extractor's page


def _doubts(text: str) -> list[tuple[int, str]]:
    return list(read_extraction(text).doubts)


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


def test_a_headline_with_nothing_under_it_and_a_brief_read_into_a_story() -> None:
    # pdftotext, the top of a page whose kicker (聚焦民生实事) stands over the box's word (简讯):
    # read as a headline with no text; the box's first brief, set across two columns, read on
    # as the last paragraph of the story above it.
    path = CORPUS / "after-5col" / "pdftotext" / "2024-03-05-03.txt"
    page = "\n".join(path.read_text(encoding="utf-8").split("\n")[:102])
    doubts = dict(_doubts(page))
    assert doubts[_line_of(page, "聚焦民生实事")].startswith("a headline with no text under it")
    assert doubts[_line_of(page, "近期，县消防")].startswith("a paragraph set to another measure")


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


def test_a_byline_closing_a_paragraph_inside_a_story() -> None:
    # The story before closes on its byline; the next story's paragraphs, its headline lost,
    # read on under the same headline.
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
    doubts = _doubts(page)
    assert [line for line, _ in doubts] == [_line_of(page, "据悉")]
    assert "byline closes a paragraph" in doubts[0][1]


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


def test_a_story_under_its_own_byline_closing_on_a_briefs_byline() -> None:
    page = HEAD + UNDER_ITS_BYLINE + BRIEF
    doubts = _doubts(page)
    assert len(doubts) == 1
    assert "closes on a brief's （王明）" in doubts[0][1]
    assert doubts[0][0] == _line_of(page, "蔬菜。（王建国）")
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
