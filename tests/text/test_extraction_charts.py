"""A chart's tick labels and numbered title, as each extractor prints them, are never spoken; a
story's figures, a headline holding a year, a brief opening on a date are. The words here are
no paper's: a grain chart of years, a steel chart of months, a freight chart of half-years."""

from __future__ import annotations

from dataclasses import replace

from audio_edition.text import FurnitureKind, Page, parse_page
from audio_edition.text.articles import HeadlinePosition, _ArticleBuilder
from audio_edition.text.extraction import read_extraction
from audio_edition.text.extraction_charts import figure_ends_line_above, tick_labels
from audio_edition.text.extraction_doubts import _subheads_ending_on_a_pause

HEAD = """2025 年 10 月 14 日

星期二

产经

第6版

"""

STORY = """港口吞吐量稳中有升
本报讯 记者从市港航局获悉，前三季度全市港口货物吞吐量
达到1.8亿吨，同比增长6.2%，集装箱航线新增9条。
"""


def _spoken(page: Page, words: str) -> bool:
    """Whether ``words`` are read out anywhere: a headline, a tier or a paragraph."""
    pieces = [t for a in page.articles for t in (a.headline, a.kicker, a.subtitle, *a.paragraphs) if t]
    return any(words in piece.replace(" ", "") for piece in pieces)


def _charts(page: Page) -> list[str]:
    return [f.text.replace(" ", "") for f in page.furniture if f.kind is FurnitureKind.CHART]


def test_a_numbered_title_and_its_ticks_one_a_line_are_the_charts() -> None:
    chart = "图表3：全市粮食产量\n2024H1\n2024H2\n2025H1\n资料来源：市统计局\n"
    page = parse_page(HEAD + chart + STORY, "p6.txt")
    assert not _spoken(page, "全市粮食产量")
    assert not _spoken(page, "2025H1")
    assert "图表3：全市粮食产量" in _charts(page)
    (story,) = page.articles
    assert story.headline == "港口吞吐量稳中有升"
    assert story.paragraphs[0].startswith("本报讯") or story.dateline == "本报讯"


def test_ticks_glued_with_no_separator_are_the_charts() -> None:
    chart = "表2：钢材月度产量\n1月2月3月4月5月6月\n"
    page = parse_page(HEAD + chart + "\n" + STORY, "p6.txt")
    assert not _spoken(page, "1月2月")
    assert not _spoken(page, "钢材月度产量")


def test_a_row_of_figures_alone_is_the_charts_axis() -> None:
    page = parse_page(HEAD + "0 40 80 120\n\n" + STORY, "p6.txt")
    assert not _spoken(page, "04080")


def test_ticks_glued_to_a_columns_line_are_cut_off_and_the_text_kept() -> None:
    # pdfplumber prints a chart's axis on the baseline of a column's line: glued at its start.
    story = STORY.replace("达到1.8亿吨", "2024H12024H22025H12025H2\n达到1.8亿吨").replace(
        "集装箱航线", "集装箱航线2023H12023H2\n"
    )
    page = parse_page(HEAD + story, "p6.txt")
    assert not _spoken(page, "H1")
    (story_read,) = page.articles
    assert "达到1.8亿吨" in "".join(story_read.paragraphs)
    assert "新增9条" in "".join(story_read.paragraphs)


def test_a_title_glued_at_a_lines_end_is_cut_inside_a_line_doubted() -> None:
    at_end = STORY.replace("货物吞吐量\n", "货物吞吐量图2：货运周转量\n")
    page = parse_page(HEAD + at_end, "p6.txt")
    assert not _spoken(page, "货运周转量")
    assert "同比增长6.2%" in "".join(page.articles[0].paragraphs)
    inside = STORY.replace("港口货物吞吐量", "港口图2：货运周转量，货物吞吐量")
    doubts = read_extraction(HEAD + inside).line_doubts
    assert any("图2：" in text for _, text in doubts)


def test_a_single_quarter_opening_a_paragraph_is_doubted() -> None:
    story = STORY.replace("本报讯 记者", "2026Q3 本报讯 记者")
    doubts = read_extraction(HEAD + story).line_doubts
    assert any("2026Q3" in text for _, text in doubts)


def test_figures_in_a_sentence_a_year_in_a_headline_a_brief_on_a_date_stay() -> None:
    story = """2025年港口货运再创新高
本报讯 三季度营收12.5亿元，同比增长8%，
净利润2.1亿元。
10月9日，市港航局发布前三季度数据。
"""
    page = parse_page(HEAD + story, "p6.txt")
    (read,) = page.articles
    assert read.headline == "2025年港口货运再创新高"
    text = "".join(read.paragraphs)
    assert "三季度营收12.5亿元" in text
    assert "10月9日" in text
    assert _charts(page) == []


def test_tick_labels_know_periods_and_figures_not_words() -> None:
    assert tick_labels("2025Q1 2025Q2") == ["2025Q1", "2025Q2"]
    assert tick_labels("一季度二季度三季度") == ["一季度", "二季度", "三季度"]
    assert tick_labels("30万吨 45万吨") == ["30万吨", "45万吨"]
    assert tick_labels("12月 增长") is None
    assert tick_labels("3月5日") is None  # a date, not an axis


def test_a_headline_broken_before_its_figure_keeps_the_figure() -> None:
    story = """冷链物流园一季度货量同比增长
38%
本报讯 记者从市商务局获悉，冷链物流园一季度货量达到
42万吨，同比增长38%，新增入驻企业11家。
"""
    page = parse_page(HEAD + story, "p6.txt")
    (read,) = page.articles
    assert read.headline == "冷链物流园一季度货量同比增长38%"
    assert _charts(page) == []


def test_a_subhead_ending_on_a_comma_is_doubted() -> None:
    page = parse_page(HEAD + STORY, "p6.txt")
    (read,) = page.articles
    heads_apart = replace(read, subheads=("截至9月底，", "港口服务再升级"))
    found = _subheads_ending_on_a_pause([heads_apart], read_extraction(HEAD + STORY).layout.segments)
    assert [text for _, text in found if "截至9月底" in text]
    assert not _subheads_ending_on_a_pause([replace(read, subheads=("港口服务再升级",))], [])


def test_a_head_over_a_chart_after_a_broken_line_stays_the_headline() -> None:
    # pdftotext prints a column's last line apart, then the next story's head over a chart.
    page_text = (
        HEAD
        + """港口吞吐量稳中有升
本报讯 记者从市港航局获悉，前三季度全市港口货物吞吐量
达到1.8亿吨，同比增长6.2%，集装箱航线新增9条。冷链

物流园区二期工程已竣工。过境集装箱货运量稳步

冷链物流迎来“快车道”

图2：冷链货量
单位：万吨
2023年
2024年
2025年
资料来源：市商务局

本报讯 记者从市商务局获悉，全市冷链物流企业已达
126家，年冷链货量超过300万吨。
"""
    )
    page = parse_page(page_text, "p6.txt")
    assert "冷链物流迎来“快车道”" in [a.headline for a in page.articles]


def test_a_column_line_with_a_full_stop_inside_is_never_the_headline_over_a_head() -> None:
    # Where a chart's lines are taken off, a column's last line printed apart (pdftotext) may
    # stand right over the next story's headline as if both were its heads.
    builder = _ArticleBuilder(HeadlinePosition.BEFORE, [])
    builder.extraction = True
    builder.add_headline("物流园区二期工程已竣工。过境集装箱货运量稳步\n冷链物流迎来“快车道”")
    kicker, headline, _ = builder._tiers(builder.headline_parts)
    assert headline == "冷链物流迎来“快车道”"
    assert kicker is not None


def test_a_charts_last_label_printed_apart_among_a_columns_text_is_the_charts() -> None:
    # pdftotext prints a chart's pieces as blocks among the lines of the column beside it.
    story = """港口吞吐量稳中有升
本报讯 记者从市港航局获悉，前三季度全市港口货物吞吐量
达到1.8亿吨，同比增长6.2%，集装箱航线新增9条，
冷链
7月
8月
资料来源：市港航局

9月

物流园区二期工程已竣工。

10月

渔港码头完成改造
本报讯 渔港码头改造工程日前完工，新增泊位40个。
"""
    page = parse_page(HEAD + story, "p6.txt")
    assert not _spoken(page, "10月")
    assert "渔港码头完成改造" in [a.headline for a in page.articles]


def test_a_figure_under_a_byline_or_a_whole_line_is_not_its_end() -> None:
    assert figure_ends_line_above(["冷链物流园一季度货量同比增长", "38%"], 1)
    assert not figure_ends_line_above(["（记者 方远 实习生 林可", "38%"], 1)
    assert not figure_ends_line_above(["全市已建成冷库仓储点86个", "38%"], 1)
    assert not figure_ends_line_above(["小麦", "38%"], 1)  # a chart's short label over its value
