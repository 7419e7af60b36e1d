"""Layout repair on small pieces of page, as the paper prints them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from audio_edition.text.layout import (
    Segment,
    SegmentKind,
    _column_width,
    is_letter_spaced,
    repair_layout,
    respace,
)


def kinds(segments: list[Segment]) -> list[tuple[str, str]]:
    return [(s.kind.value, s.text) for s in segments]


def test_column_break_mid_word_is_joined_and_paragraph_end_is_kept() -> None:
    page = "■上接第3版\n《开拓造福各国、惠及世界的“幸福\n\n路”》是重要讲话。\n\n内蒙古是全国五个省区之一，也是\n中国粮食主产区。\n"
    assert kinds(repair_layout(page)) == [
        ("marker", ""),
        ("paragraph", "《开拓造福各国、惠及世界的“幸福路”》是重要讲话。"),
        ("paragraph", "内蒙古是全国五个省区之一，也是中国粮食主产区。"),
    ]


def test_inline_marker_records_the_page_and_is_never_text() -> None:
    segments = repair_layout("■上接第 1版 覆盖 16个工作部1700\n名志愿者，全要素演练。\n")
    assert segments[0] == Segment(SegmentKind.MARKER, page=1, line=1)
    assert segments[1].text == "覆盖16个工作部1700名志愿者，全要素演练。"


def test_a_short_standalone_block_is_a_block_and_spacing_is_repaired() -> None:
    page = (
        "中国“充电宝”内蒙古，续航能力满格！\n\n储粮——国家“粮仓”\n“肉库”“奶罐”\n\n"
        "据 12 月国家统计局发布数据显\n示，内蒙古2023年粮食产量以791.6亿\n斤再创新高。\n"
    )
    assert kinds(repair_layout(page)) == [
        ("paragraph", "中国“充电宝”内蒙古，续航能力满格！"),
        ("block", "储粮——国家“粮仓”“肉库”“奶罐”"),
        ("paragraph", "据12月国家统计局发布数据显示，内蒙古2023年粮食产量以791.6亿斤再创新高。"),
    ]


def test_letter_spaced_headline_is_a_display_block() -> None:
    page = "完成各项工作任务，确保志愿者在冬季\n运动会期间能够高效有序地工作。\n\n“十四冬”志愿者第一次\n基 础 实 战 演 练 开 展\n"
    last = repair_layout(page)[-1]
    assert (last.kind, last.text, last.display) == (
        SegmentKind.BLOCK,
        "“十四冬”志愿者第一次基础实战演练开展",
        True,
    )


def test_letter_spacing_is_told_from_spaced_numbers() -> None:
    assert is_letter_spaced("为 天 下“ 储 ” 为 国 家 强")
    assert not is_letter_spaced("新华社包头 9 月9 日电 （记者 郝")
    assert not is_letter_spaced("19 时，“大地欢歌 魅力敖鲁古")


def test_respace_keeps_real_spaces_between_phrases_only() -> None:
    assert respace("19 时，“大地欢歌 魅力敖鲁古") == "19时，“大地欢歌 魅力敖鲁古"
    assert respace("（记者 薛来）拨通 12345 热") == "（记者 薛来）拨通12345热"
    assert respace("储绿—— 国家超级") == "储绿——国家超级"
    # A space at either end, or beside another space, has no Chinese character on that side.
    assert respace(" 大地欢歌 魅力敖鲁古 ") == "大地欢歌 魅力敖鲁古"
    assert respace("大地  魅力") == "大地魅力"


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 4)), max_size=31))
def test_column_width_is_the_width_most_spans_hold_the_wider_on_a_tie(spans: list[tuple[int, int]]) -> None:
    # Half-column steps, as visual widths are; each span runs from its low to low + extra.
    windows = [(low / 2, (low + extra) / 2) for low, extra in spans]
    lows, highs = sorted(low for low, _ in windows), sorted(high for _, high in windows)
    held = {w: sum(1 for low, high in windows if low <= w <= high) for w in lows}
    assert _column_width(lows, highs) == max(held, key=lambda w: (held[w], w), default=0.0)


def test_without_blank_lines_a_paragraph_ends_before_an_indented_line() -> None:
    # Column 16: full lines are 16 wide, a paragraph's first line 14.
    page = (
        "■上接第2版\n"
        "鄂尔多斯市通过企事业单位吸纳\n鼓励创业岗位推荐和加强就业指导等\n措施不断拓宽高校毕业生等青年群体\n就业渠道。\n"
        "前不久内蒙古救助通上线开通\n实现社会救助工作全流程网上办理它\n集合了签署核对授权书幸福清单等功\n能。\n"
    )
    assert [s.text[:6] for s in repair_layout(page)[1:]] == ["鄂尔多斯市通", "前不久内蒙古"]


def test_a_short_last_line_before_a_byline_as_wide_as_the_column_ends_its_paragraph() -> None:
    # Column 13, no blank lines: 保护消费，6070户冬季！ is as short as an indented first line and
    # ends a sentence, and the byline under it, naming two people, is nearly a full line. A byline
    # is no paragraph's line: the short line is the last paragraph's last, not a paragraph.
    page = (
        "■上接第4版\n"
        "培训民族，旅游群众；数\n据旅游交流、农村国家！发展\n集群10亿元小区自治区；《规\n"
        "划》2023年，消费新能源国家\n国家文化。牧区国家；口岸冬\n季12月24日1.38亿亩消费。\n"
        "21.0795公里集群消费安\n全铁路；全国新能源交通中心\n救助稳定……草原现代化、改\n"
        "造产业21.0795公里现代化能\n源机场；农村群众服务中心牧\n区落实；城市产业数据落实。\n"
        "保护消费，6070户冬季！\n（记者 薛来 通讯员 郝园园）\n"
    )
    paragraphs = repair_layout(page)[1:]
    assert [s.text[:5] for s in paragraphs] == ["培训民族，", "21.07"]
    assert paragraphs[-1].text.endswith("数据落实。保护消费，6070户冬季！（记者 薛来 通讯员 郝园园）")
