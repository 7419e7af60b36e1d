"""Datelines in the forms papers print besides the month-and-day one: the day alone within the
month (新华社广州7日电, 本报惠州6日讯) and a wire story's agency alone (据新华社电). Each is read
off the paragraph it opens, and the story it opens is told from the one before it."""

from __future__ import annotations

import pytest

from audio_edition.text import parse_page
from audio_edition.text.layout import dateline_at_start, dateline_in_any_form

# A page as PyMuPDF prints one (no blank lines, spaces around figures): two stories, each opening
# on a dateline of another form, and a box of briefs whose first brief opens on one.
PAGE = """2025 年4 月9 日　星期三
城乡
第3 版
江畔步道全线贯通
新华社广州7 日电
（记者 林思远）经过两年施工，
沿江十二公里的步道今天全线开
放，市民可以从老码头一路走到
湿地公园。
步道沿线设了六处驿站，提
供饮水和雨具借用。
山区学校食堂换新颜
据新华社电
（记者 韦晴）今年春季学期开学，
山区的二十所学校食堂完成改
造，学生们吃上了热乎的午饭。
简讯
本报惠州6 日讯近日，市图
书馆推出夜间借阅服务，开放时
间延长到晚上九点。（梁月）
本版责任编辑：周全
"""


def test_a_dateline_with_the_day_alone_or_the_agency_alone_opens_its_story() -> None:
    page = parse_page(PAGE, "p3.txt")
    walk, canteen, brief = page.articles
    assert (walk.headline, walk.dateline, walk.byline) == (
        "江畔步道全线贯通",
        "新华社广州7日电",
        "记者 林思远",
    )
    assert walk.paragraphs == (
        "经过两年施工，沿江十二公里的步道今天全线开放，市民可以从老码头一路走到湿地公园。",
        "步道沿线设了六处驿站，提供饮水和雨具借用。",
    )
    assert (canteen.headline, canteen.dateline, canteen.byline) == (
        "山区学校食堂换新颜",
        "据新华社电",
        "记者 韦晴",
    )
    assert canteen.paragraphs == ("今年春季学期开学，山区的二十所学校食堂完成改造，学生们吃上了热乎的午饭。",)
    assert (brief.section, brief.dateline, brief.byline) == ("简讯", "本报惠州6日讯", "梁月")
    assert brief.paragraphs == ("近日，市图书馆推出夜间借阅服务，开放时间延长到晚上九点。",)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("新华社北京6日电 记者从有关部门获悉", "新华社北京6日电"),
        ("本报沈阳12日讯（记者 韩露）", "本报沈阳12日讯"),
        ("据中新社电 昨天上午", "据中新社电"),
        ("中国新闻网上海5月3日电 当地", "中国新闻网上海5月3日电"),
        ("本报巴彦淖尔12月24日电", "本报巴彦淖尔12月24日电"),
        # A news site's report, whatever the site is called: its name ends in 网.
        ("央视网消息（记者 庄一凡）傍晚6点", "央视网消息"),
        ("东方网消息 昨天上午", "东方网消息"),
    ],
)
def test_a_dateline_in_any_of_its_forms_is_taken_at_a_paragraphs_start(text: str, dateline: str) -> None:
    match = dateline_at_start(text)
    assert match is not None and match.group(0) == dateline


@pytest.mark.parametrize(
    "text",
    [
        "本报记者3日电话采访了几位店主，他们说生意好了不少。",  # 电话: a word, not a dateline's close
        "新华社电视台记者在现场看到，救援仍在进行。",
        "据介绍，该站6日电力供应已经恢复。",
        "据澎湃网消息，该路段已恢复通行。",  # an attribution running on after a comma
        "消息传来，村里的老人都高兴坏了。",
        "互联网消息传得快，谣言也传得快。",  # a word ending in 网 before 消息, running on
        "本报通讯员何舟说，入冬以来客流翻了一番。",  # 讯 inside a role, not closing a dateline
        "本报记者何舟讯问了几位摊主。",
        "据湘江新闻报道，入冬以来客流翻了一番。",  # an attribution running on
        "据湘江新闻频道介绍，夜市延长到十点。",
        "据湘江新闻，夜市延长到十点。",
        "人民网北京电子商务展今天开幕。",  # 电子: a word, not a dateline's close
    ],
)
def test_running_text_that_only_looks_like_a_dateline_is_not_one(text: str) -> None:
    assert dateline_at_start(text) is None
    assert dateline_in_any_form(text) is None


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        # A regional paper's own report names the town alone, no date; a wire story may too.
        ("本报张掖讯（记者 何舟）", "本报张掖讯"),
        ("本报嘉峪关讯入冬以来", "本报嘉峪关讯"),
        ("新华社喀什电 当地", "新华社喀什电"),
        # Set off in lenticular brackets, dated or not.
        ("【中新社敦煌8日电】沙洲夜市", "【中新社敦煌8日电】"),
        ("【本报张掖讯】入冬以来", "【本报张掖讯】"),
        # A broadcaster's report reprinted, the text running on with no comma.
        ("据海峡新闻（记者 何舟）入冬以来", "据海峡新闻"),
        ("据湘江新闻入冬以来", "据湘江新闻"),
    ],
)
def test_a_dateline_of_a_form_some_papers_print_is_taken_where_paragraphs_are_known(
    text: str, dateline: str
) -> None:
    # Read off a PDF's paragraphs (their starts known): the town without a date, a broadcaster's
    # report after 据, either in 【】. In an extraction's run-on lines they are not taken.
    match = dateline_in_any_form(text)
    assert match is not None and match.group(0) == dateline
    assert dateline_at_start(text) is None


@pytest.mark.parametrize("text", ["新华社北京6日电 记者从有关部门获悉", "央视网消息（记者 庄一凡）傍晚6点"])
def test_the_usual_forms_are_taken_in_any_form_too(text: str) -> None:
    assert dateline_in_any_form(text) is not None


# An extraction (PyMuPDF's lines) of a regional paper that prints its town and no date: each
# paragraph's start is known once lines are joined, so a story is told by such a dateline too.
TOWN_ONLY = """2025 年5 月12 日　星期一
山城
第2 版
老街夜市重新开张
本报遵义讯
（记者 罗安平）入夏以来，老街
夜市重新开张，八十多个摊位沿
河排开，游客络绎不绝。
夜市每天开到凌晨一点，周末
还有民乐表演。
高原果园迎来丰收
新华社拉萨电
（记者 次仁卓玛）眼下正是苹
果采摘的季节，林芝的果园里
一派繁忙。
本版责任编辑：周全
"""


def test_an_extracted_paragraph_opening_on_a_town_without_a_date_opens_its_story() -> None:
    market, orchard = parse_page(TOWN_ONLY, "p2.txt").articles
    assert (market.headline, market.dateline, market.byline) == (
        "老街夜市重新开张",
        "本报遵义讯",
        "记者 罗安平",
    )
    assert market.paragraphs == (
        "入夏以来，老街夜市重新开张，八十多个摊位沿河排开，游客络绎不绝。",
        "夜市每天开到凌晨一点，周末还有民乐表演。",
    )
    assert (orchard.headline, orchard.dateline, orchard.byline) == (
        "高原果园迎来丰收",
        "新华社拉萨电",
        "记者 次仁卓玛",
    )
    assert orchard.paragraphs == ("眼下正是苹果采摘的季节，林芝的果园里一派繁忙。",)


# A box of briefs as an extractor runs it on: each brief's town-only dateline opens a line under
# the brief before it, whose sentence (and byline) has ended there.
BRIEFS = """2025 年5 月12 日　星期一
山城
第2 版
老街夜市重新开张
本报记者 罗安平
入夏以来，老街夜市重新开张，
八十多个摊位沿河排开，游客络
绎不绝。
简讯
本报毕节讯全市首批十
座乡村书屋日前建成，每座
藏书三千册。（吴桐）
本报安顺讯近日，市气象
台发布寒潮预警，提醒市民
注意保暖。（田禾）
本版责任编辑：周全
"""


def test_a_town_only_dateline_under_a_sentences_end_opens_the_next_brief() -> None:
    _, books, cold = parse_page(BRIEFS, "p2.txt").articles
    assert (books.section, books.dateline, books.byline) == ("简讯", "本报毕节讯", "吴桐")
    assert books.paragraphs == ("全市首批十座乡村书屋日前建成，每座藏书三千册。",)
    assert (cold.section, cold.dateline, cold.byline) == ("简讯", "本报安顺讯", "田禾")
    assert cold.paragraphs == ("近日，市气象台发布寒潮预警，提醒市民注意保暖。",)


# Running text under a sentence's end that opens as a broadcaster's report does (据…新闻) but names
# an office: with no byline's bracket after the name, lines of an extraction keep it as text.
OFFICE = """2025 年5 月12 日　星期一
山城
第2 版
老街夜市重新开张
本报记者 罗安平
入夏以来，老街夜市重新开张，
八十多个摊位沿河排开，游客络
绎不绝。
据区新闻中心统计，夜市每天
开到凌晨一点。
本版责任编辑：周全
"""


def test_an_office_named_after_据_in_running_text_is_not_a_dateline() -> None:
    (market,) = parse_page(OFFICE, "p2.txt").articles
    assert market.paragraphs[-1].startswith("据区新闻中心统计")


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        # An outlet no list names, known by its name's shape (…网, …社, …日报, …台, …新闻) where the
        # rest of the dateline is sure: a place and a date closed by 讯/电, or a byline's bracket.
        ("云岭财讯网讯（记者 白露）今年一季度", "云岭财讯网讯"),
        ("海岳经济网昆明3月18日讯 今年一季度", "海岳经济网昆明3月18日讯"),
        ("据鹭江社5月2日电 今年一季度", "据鹭江社5月2日电"),
        ("据鹭江社电（记者 白露）今年一季度", "据鹭江社电"),
        ("滇池晨报讯（记者 白露/何川）今年一季度", "滇池晨报讯"),
        ("南湖广播电视台讯 今年一季度", "南湖广播电视台讯"),
        ("海岳新闻12日电（记者 白露）", "海岳新闻12日电"),
        ("【海岳经济网昆明18日讯】今年一季度", "【海岳经济网昆明18日讯】"),
    ],
)
def test_an_outlet_no_list_names_is_known_by_its_shape(text: str, dateline: str) -> None:
    match = dateline_in_any_form(text)
    assert match is not None and match.group(0) == dateline


@pytest.mark.parametrize(
    "text",
    [
        "合作社社员今年分红翻了一番。",  # a name's shape followed by running text, no 讯/电
        "报社电话二十四小时有人接听。",  # 电话: a word, not a dateline's close
        "电视台播出了这场比赛。",
        "电视台的记者赶到了现场。",
        "该报社讯问了几位读者。",  # 该: running text's word, not an outlet's name
        "合作社3日电商直播卖出两千单。",  # 电商: a word after the date
        "通过购物网4月2日电脑销量大增。",
        "印刷社讯息闭塞，迟迟没有开工。",  # 讯息: a word, not a dateline's close
        "报社记者走访了十几户人家。",
        "印刷社电告全体职工。",  # 电 with no date and no byline's bracket after it
        # A head run on into a listed outlet's dateline: the name would swallow 本报.
        "秋粮颗粒归仓本报讯（记者 白露）",
        "千余种农产品同台展补平本报衡水4日电（记者 白露）",
    ],
)
def test_running_text_shaped_like_an_outlet_is_not_a_dateline(text: str) -> None:
    assert dateline_in_any_form(text) is None


# An extraction whose stories open on outlets no list names: once lines are joined, the
# paragraph's start is known and the dateline is read off it, the text left to the paragraph.
UNLISTED = """2025 年4 月24 日　星期四
财经
第5 版
一季度营收稳步增长
云岭财讯网讯
（记者 白露）今年一季度，全市
规模以上工业企业营收同比增
长百分之六。
新能源车出口再创新高
据鹭江社4 月23 日电
今年前三个月，港口新能源车
出口量同比翻了一番。
本版责任编辑：周全
"""


def test_an_extracted_story_opening_on_an_unlisted_outlet_keeps_its_dateline_out_of_the_text() -> None:
    revenue, cars = parse_page(UNLISTED, "p5.txt").articles
    assert (revenue.headline, revenue.dateline, revenue.byline) == (
        "一季度营收稳步增长",
        "云岭财讯网讯",
        "记者 白露",
    )
    assert revenue.paragraphs == ("今年一季度，全市规模以上工业企业营收同比增长百分之六。",)
    assert (cars.headline, cars.dateline) == ("新能源车出口再创新高", "据鹭江社4月23日电")
    assert cars.paragraphs == ("今年前三个月，港口新能源车出口量同比翻了一番。",)


@pytest.mark.parametrize(
    ("text", "sure"),
    [
        ("海岳经济网昆明3月18日讯 今年一季度", True),
        ("云岭财讯网讯（记者 白露）今年一季度", True),
        # 讯 before running text is sure only where a paragraph is known to start.
        ("南湖广播电视台讯 今年一季度", False),
    ],
)
def test_in_run_on_lines_an_unlisted_outlet_is_taken_only_in_a_sure_form(text: str, sure: bool) -> None:
    assert (dateline_at_start(text) is not None) is sure
    assert dateline_in_any_form(text) is not None


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        # After a month and a day 电 closes the dateline though the body runs on with a word 电
        # would open (电商, 电子): the full date makes it a dateline.
        ("据鹭江社7月16日电商户们一早就排起了队。", "据鹭江社7月16日电"),
        ("云岭财讯网昆明11月3日电子元件出口回暖。", "云岭财讯网昆明11月3日电"),
    ],
)
def test_a_full_date_closed_by_电_is_a_dateline_whatever_word_follows(text: str, dateline: str) -> None:
    for read in (dateline_at_start, dateline_in_any_form):
        match = read(text)
        assert match is not None and match.group(0) == dateline


@pytest.mark.parametrize(
    "text",
    [
        "新华社北京6日电视台记者在现场看到，救援仍在进行。",  # a day alone before 电视台
        "新华社上海9日电话会议上，各方交换了意见。",
        "鹭江社厦门21日电商直播卖出两千单。",  # an unlisted outlet's shape, a day alone
    ],
)
def test_a_day_alone_before_a_word_电_opens_is_not_a_dateline(text: str) -> None:
    assert dateline_at_start(text) is None
    assert dateline_in_any_form(text) is None


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "晨光报临川讯宿州一男子在网上倒卖旧手机。",
            "晨光报临川讯",
        ),  # an outlet of a name's shape, a town, no date
        ("本报驻佳木斯记者站讯（记者 白露）球队昨晚回到主场。", "本报驻佳木斯记者站讯"),  # a bureau
        ("湖滨区讯本周六上午，区图书馆举办读书会。", "湖滨区讯"),  # a town's own report, no outlet
        ("山海新闻客户端消息度假区新增雪道三条。", "山海新闻客户端消息"),
        ("云岭网芜湖10月6日消息法院当庭宣判。", "云岭网芜湖10月6日消息"),
        ("新华社西宁10月3日体育专电本周的联赛延期。", "新华社西宁10月3日体育专电"),
        ("本报沈阳10月2日（周日）电“球员们拼到了最后。”", "本报沈阳10月2日（周日）电"),
        ("据界面新闻报道市民李先生上月办了一张卡。", "据界面新闻报道"),
        ("综合新华社、山海新闻报道（记者 白露）台风今晨登陆。", "综合新华社、山海新闻报道"),
    ],
)
def test_more_forms_of_a_dateline_are_taken_where_paragraphs_are_known(text: str, dateline: str) -> None:
    found = dateline_in_any_form(text)
    assert found is not None and found.group(0) == dateline


@pytest.mark.parametrize(
    "text",
    [
        "村民闻讯赶来，帮着把人救了上来。",  # 闻讯: a word
        "这一喜讯传开后，全村都沸腾了。",
        "他们的死讯传来时正是清晨。",
        "互联网消息传得快，谣言也传得快。",  # 消息 after no date and no app
        "据新华社报道，今年的汛期来得早。",  # an attribution with its comma
        "据介绍，新馆明年开放。",
        "市教育局消息，今年新增学位三千个。",
        "该报讯问了几位读者。",
    ],
)
def test_running_text_shaped_like_those_forms_is_not_a_dateline(text: str) -> None:
    assert dateline_in_any_form(text) is None
