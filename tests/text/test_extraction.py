"""The text route: pages as pdftotext, pdfminer.six and PyMuPDF print them, read against gold from
the typeset corpus's specs (tests/fixtures/typeset), and the conventions one at a time on small
pages written the way the extractors print them."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from audio_edition.text import Article, FurnitureKind, HeadlinePosition, Page, parse_page
from audio_edition.text.extraction import is_extraction, tidy_extraction
from audio_edition.text.furniture import BRIEF_TITLES
from tests.typeset.extract import OTHER_EXTRACTORS, extract
from tests.typeset.score import ReadArticle, Score, doubts_every_story, score_page

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "typeset"
EXTRACTORS = ("pdftotext", "pdfminer", "pymupdf")
SEED_PAGES = [ROOT / "fixtures" / "2023-12-25.txt", *sorted((ROOT / "fixtures" / "editions").glob("*.txt"))]


def _corpus_pages() -> list[tuple[str, Path, dict[str, object]]]:
    pages = []
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "gold.json").exists()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        for page in gold["pages"]:
            for extractor in EXTRACTORS:
                pages.append((extractor, folder / extractor / f"2024-03-05-{page['number']:02d}.txt", page))
    return pages


def _score(extractor: str) -> Score:
    total = Score()
    for name, path, gold in _corpus_pages():
        if name != extractor:
            continue
        text = path.read_text(encoding="utf-8")
        page = parse_page(text, str(path), number=gold["number"])  # type: ignore[arg-type]
        read = [ReadArticle(a.headline, a.kicker, a.subtitle, a.paragraphs, a.line) for a in page.articles]
        lines, whole = [w.line for w in page.warnings], doubts_every_story(page.warnings)
        total.add(score_page(gold, read, lines, str(path), text, whole_page=whole))
    return total


@pytest.mark.parametrize("extractor,f1", [("pymupdf", 0.98), ("pdftotext", 0.9), ("pdfminer", 0.94)])
def test_the_stories_an_extractor_keeps_readable_read_right(extractor: str, f1: float) -> None:
    """The issue's measure: on the stories an extractor printed in order (told from the gold,
    tests/typeset/readable.py) the reading is right; the stories it spoiled are warned."""
    score = _score(extractor)
    assert score.readable_f1 >= f1, score.readable_line()
    assert score.readable_headlines_found >= score.readable_headlines - 1, score.readable_line()
    unreadable = score.stories - score.readable
    assert score.unreadable_warned >= 0.9 * unreadable, score.readable_line()


def test_every_extraction_in_the_corpus_is_told_and_no_page_of_this_paper() -> None:
    for _, path, _ in _corpus_pages():
        assert is_extraction(path.read_text(encoding="utf-8")), path
    for path in SEED_PAGES:
        assert not is_extraction(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize("extractor", OTHER_EXTRACTORS)
def test_other_extractors_running_heads_on_one_line_are_told(extractor: str) -> None:
    # PDFium and pdfplumber print the running head as one line, spaced their own way
    # ("2024 年 3 月 5 日　星期二 要闻 第 2 版"); the page is still an extraction.
    for text in extract(CORPUS / "edition-4p" / "edition.pdf", extractor):
        assert is_extraction(text)
    assert is_extraction("2024年3月5日 星期二 要闻 第2版\n本报讯 今天。\n")
    assert not is_extraction("2024年3月5日，全市召开大会，第2版刊登了全文。\n")


def test_pymupdf_pages_read_as_printed() -> None:
    """PyMuPDF keeps a paragraph's lines together: its pages read nearly whole."""
    score = _score("pymupdf")
    assert score.headlines_found == score.headlines, score.notes
    assert score.tiers_found >= 0.95 * score.tiers, score.notes
    assert score.f1 >= 0.98, score.notes
    assert score.furniture_spoken == 0, score.notes
    assert score.misread_warned == score.misread, score.notes


@pytest.mark.parametrize("extractor", ["pdftotext", "pdfminer"])
def test_block_extractors_read_better_than_seed_rules(extractor: str) -> None:
    """pdftotext and pdfminer.six interleave columns and boxes on some pages: most is read, and
    no furniture beyond a stray chart label is spoken."""
    score = _score(extractor)
    assert score.f1 >= 0.7, score.line()
    assert score.headlines_found >= 0.4 * score.headlines, score.line()
    assert score.furniture_spoken <= 2, score.notes


def test_misread_articles_are_mostly_warned() -> None:
    """Where the reading goes wrong the editor is told, with the line, for most articles."""
    misread = warned = 0
    for extractor in EXTRACTORS:
        score = _score(extractor)
        misread += score.misread
        warned += score.misread_warned
    assert warned >= 0.5 * misread, (warned, misread)


# A page as PyMuPDF prints one (no blank lines): running head and folio, an index box, a
# headline-first story with kicker and subtitle and a subhead, an ad, a 简讯 box, the editors.
PYMUPDF_PAGE = """2024 年3 月5 日　星期二
要闻
第1 版
今日导读
冰雪旅游带火北疆小城
第3 版
奋力书写新篇章
冬季供暖保障有力有序
——全区各地多措并举确保群众温暖过冬
本报包头3 月4 日电
（记者 王明）入冬以来，全市
供热企业提前完成管网检修和
设备调试，确保居民家中室温
达标。热力公司设立了二十四
小时服务热线。
准备——热企陆续启动设备
记者在现场看到，工人们
正在对换热站的阀门和仪表逐
一进行检查⋯⋯
“家里暖和了，老人孩子
过冬心里就踏实了，她说真好
！
”
家住新华街道的王大妈笑着说。
广告
草原鲜奶 每日直送 订奶热线：400‑812‑3456
简讯
本报赤峰3 月3 日电近日，市公安局交警支队开展冬季道路
交通安全宣传活动。（周涛）
近日，市人社局举办春风行动专场招聘会，一百二十
家企业提供就业岗位四千多个。（高原）
本版责任编辑：王敏　版式设计：李强
"""


def test_a_pymupdf_page_reads_as_an_editor_reads_it() -> None:
    page = parse_page(PYMUPDF_PAGE, "p1.txt")
    assert page.number == 1
    assert page.headlines is HeadlinePosition.BEFORE
    story, *briefs = page.articles
    assert (story.kicker, story.headline, story.subtitle) == (
        "奋力书写新篇章",
        "冬季供暖保障有力有序",
        "——全区各地多措并举确保群众温暖过冬",
    )
    assert story.dateline == "本报包头3月4日电" and story.byline == "记者 王明"
    assert story.paragraphs == (
        "入冬以来，全市供热企业提前完成管网检修和设备调试，确保居民家中室温达标。热力公司设立了二十四小时服务热线。",
        "准备——热企陆续启动设备",
        "记者在现场看到，工人们正在对换热站的阀门和仪表逐一进行检查……",
        "“家里暖和了，老人孩子过冬心里就踏实了，她说真好！”家住新华街道的王大妈笑着说。",
    )
    assert story.subheads == ("准备——热企陆续启动设备",)
    assert [(b.section, b.dateline, b.byline, b.paragraphs) for b in briefs] == [
        ("简讯", "本报赤峰3月3日电", "周涛", ("近日，市公安局交警支队开展冬季道路交通安全宣传活动。",)),
        (
            "简讯",
            None,
            "高原",
            ("近日，市人社局举办春风行动专场招聘会，一百二十家企业提供就业岗位四千多个。",),
        ),
    ]
    kinds = {f.kind for f in page.furniture}
    assert {FurnitureKind.FOLIO, FurnitureKind.INDEX, FurnitureKind.AD, FurnitureKind.EDITOR} <= kinds
    spoken = "".join(p for a in page.articles for p in a.paragraphs)
    for furniture in page.furniture:
        assert furniture.text.replace(" ", "")[:6] not in spoken


def test_a_paragraph_broken_off_is_warned_once_with_its_line() -> None:
    page = parse_page(PYMUPDF_PAGE.replace("一进行检查⋯⋯\n", ""), "p1.txt")
    story = page.articles[0]
    assert story.headline == "冬季供暖保障有力有序"
    (warning,) = [
        w for w in page.warnings if w.line is not None and story.line <= w.line < (page.articles[1].line or 0)
    ]
    assert (
        warning.line == 19 and "mid-sentence" in warning.message and "冬季供暖保障有力有序" in warning.message
    )
    assert str(warning).startswith("p1.txt:19: ")


def test_a_story_without_its_headline_is_warned() -> None:
    # The second story's heads lost: it cannot be told from the first story's end.
    text = PYMUPDF_PAGE.replace(
        "广告\n", "本报通辽3 月2 日电\n（记者 李红）当地推出了冰雪节、\n那达慕等特色活动。\n广告\n"
    )
    page = parse_page(text, "p1.txt")
    headless = [a for a in page.articles if a.headline is None and a.section is None]
    assert [a.line for a in headless] == [25]
    assert [w.line for w in page.warnings if "no headline" in w.message] == [25]


def test_a_story_without_dateline_under_its_heads_is_never_merged_silently() -> None:
    second = "新春走基层\n冰雪旅游带火北疆小城\n进入冬季，冰雪乐园、滑\n雪场相继开门迎客，吸引了大\n批外地游客前来体验。\n"
    page = parse_page(PYMUPDF_PAGE.replace("广告\n", second + "广告\n"), "p1.txt")
    merged = [
        a
        for a in page.articles
        if any("冰雪旅游带火北疆小城" in (t or "") for t in (a.headline, *a.subheads))
    ]
    assert merged
    if merged[0].headline != "冰雪旅游带火北疆小城":  # read as a subhead: the editor is told where
        assert any(w.line == 25 and "two stories" in w.message for w in page.warnings), page.warnings


@given(
    st.lists(
        st.sampled_from(["冬季供暖", "保障有力", "5G‑A", "⋯⋯", "！", "”", "", "  ", "2024 年"]), max_size=30
    ).filter(lambda pieces: all(a != b for a, b in zip(pieces, pieces[1:], strict=False) if a.strip()))
)
def test_tidying_keeps_every_line_and_every_character_but_the_artefacts(pieces: list[str]) -> None:
    # (No line twice running: that is a double-struck bold's copy, kept once; see below.)
    text = "\n".join(pieces)
    tidy = tidy_extraction(text)
    assert tidy.count("\n") == text.count("\n")
    assert "\u2011" not in tidy and "⋯" not in tidy
    strip = str.maketrans("", "", " \n\u2011-⋯…")
    assert sorted(tidy.translate(strip)) == sorted(text.translate(strip))


@settings(
    deadline=None,
    # Each example typesets a page and extracts it twice (about a second): a few in CI, the
    # exploring profiles (HYPOTHESIS_PROFILE=thorough|explore) as many as they ask for.
    max_examples=4 if settings().derandomize else settings().max_examples,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    seed=st.integers(0, 2**16),
    columns=st.sampled_from((4, 5, 6)),
    leading=st.sampled_from((1.25, 1.5, 1.75)),
    drawn_after=st.booleans(),
    boxes=st.tuples(st.booleans(), st.booleans(), st.booleans()),
    rows=st.integers(2, 4),
    stacks=st.booleans(),
)
def test_fresh_typeset_pages_read_through_pymupdf_and_pdfium(
    tmp_path_factory: pytest.TempPathFactory,
    seed: int,
    columns: int,
    leading: float,
    drawn_after: bool,
    boxes: tuple[bool, bool, bool],
    rows: int,
    stacks: bool,
) -> None:
    """Pages never seen, rows and stacked stories too, typeset and printed by PyMuPDF and by
    PDFium (both print every column in reading order, so every story is readable): the issue's
    target. No furniture spoken; every misread article warned and every head line read in its
    tier or its article warned, but for one story a page (below); the paragraphs read right
    where no warning stands. Gold comes from the page's spec."""
    pytest.importorskip("typst")
    pytest.importorskip("pymupdf")
    pytest.importorskip("pypdfium2")
    from tests.typeset.pages import EditionSpec, make_page
    from tests.typeset.typeset import typeset

    ad, chart, index = boxes
    spec = EditionSpec(
        "fresh",
        (
            make_page(
                random.Random(seed),
                2,
                columns=columns,
                leading=leading,
                headlines_drawn_after=drawn_after,
                ad=ad,
                chart=chart,
                index=index,
                rows=rows,
                stacks=stacks,
            ),
        ),
    )
    pdf = typeset(spec, tmp_path_factory.mktemp("typeset") / "page.pdf")
    gold = spec.gold()["pages"][0]
    for extractor in ("pymupdf", "pypdfium2"):
        (text,) = extract(pdf, extractor)
        page = parse_page(text, "page.txt", number=2)
        read = [ReadArticle(a.headline, a.kicker, a.subtitle, a.paragraphs, a.line) for a in page.articles]
        warnings = [w.line for w in page.warnings]
        # A doubt over the whole page warns every article on it: one that says so, or one that
        # the page's headline convention (before or after the bodies) could not be told.
        whole = doubts_every_story(page.warnings) or any(
            w.line is None and w.message.startswith("cannot tell whether headlines stand")
            for w in page.warnings
        )
        if whole:
            warnings += [a.line for a in page.articles]
        score = score_page(gold, read, warnings, extractor, whole_page=whole)
        assert score.furniture_spoken == 0, score.notes
        # One story a page may still be read wrong unwarned (about one page in thirty, by the
        # explore profile): where widths measured off the text mislead by half a character (a
        # column whose lines a typesetter stretched, an indented line held short), or a kicker
        # over a headline cannot be told from a headline over a subtitle without a dash.
        assert score.misread - score.misread_warned <= 1, (extractor, score.notes)
        lost = _head_lines_lost_unwarned(gold, read, warnings)
        assert len(lost) <= 1, (extractor, lost, score.notes)
        # The paragraphs: every one read as printed but in a warned article (or the one story
        # above). A page's F1 is no bound here: a warned doubt the text cannot settle (a quote
        # tucked under a full stop or opening a paragraph, a brief ending on a full line) runs
        # two paragraphs together, costing a page of twenty-odd paragraphs 8%, a small page more
        # (80% and below seen).
        missed = _paragraphs_lost_unwarned(gold, page.articles, warnings)
        assert len(missed) <= 1, (extractor, missed, score.line(), score.notes)


def _paragraphs_lost_unwarned(
    gold: dict[str, object], articles: Sequence[Article], warning_lines: Sequence[int | None]
) -> list[list[str]]:
    """Per story, its paragraphs read as no paragraph of the page whose text does not stand in the
    warned articles (run together with another there, split, or read in part as a head line:
    adjacent warned articles' text is taken as one)."""
    from tests.typeset.score import flat

    starts = sorted(a.line or 0 for a in articles)
    warned = []
    for article in sorted(articles, key=lambda a: a.line or 0):
        start = article.line or 0
        end = next((s for s in starts if s > start), 10**9)
        if any(w is not None and start <= w < end for w in warning_lines):
            parts = (article.kicker, article.headline, article.subtitle, *article.paragraphs)
            warned.append("".join(flat(p) for p in parts if p))
        else:
            warned.append("|")
    text = "".join(warned)
    read = {flat(p) for a in articles for p in a.paragraphs}
    lost = [
        [flat(p)[:20] for p in story["paragraphs"] if flat(p) not in read and flat(p) not in text]
        for story in gold["articles"]  # type: ignore[attr-defined]
    ]
    return [paragraphs for paragraphs in lost if paragraphs]


def _head_lines_lost_unwarned(
    gold: dict[str, object], read: list[ReadArticle], warning_lines: list[int | None]
) -> list[list[str]]:
    """Per story, its head lines (kicker, headline, subtitle) not read in their tier, where its
    article carries no warning: the read article holding one of its paragraphs, else the one
    whose paragraph opens with its first (two paragraphs read as one)."""
    from tests.typeset.score import flat

    starts = sorted(a.line or 0 for a in read)
    lost = []
    for story in gold["articles"]:  # type: ignore[attr-defined]
        own = [flat(p) for p in story["paragraphs"]]
        holder = next((a for mine in own for a in read if mine in map(flat, a.paragraphs)), None)
        if holder is None and own:
            holder = next((a for a in read if any(flat(p).startswith(own[0]) for p in a.paragraphs)), None)
        if holder is not None:
            start = holder.line or 0
            end = next((s for s in starts if s > start), 10**9)
            if any(w is not None and start <= w < end for w in warning_lines):
                continue
        tiers = [
            f"{tier} {story[tier]}"
            for tier in ("kicker", "headline", "subtitle")
            if flat(story[tier]) and (holder is None or flat(getattr(holder, tier)) != flat(story[tier]))
        ]
        if tiers:
            lost.append(tiers)
    return lost


def test_an_edition_of_extracted_pages_stitches_its_jump() -> None:
    """The four pages of one edition as PyMuPDF prints them: the story that jumps from page 1
    to page 2 is one article, its parts in order, as the edition's gold (from its specs) has it."""
    from audio_edition.text import read_edition

    folder = CORPUS / "edition-4p"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    edition = read_edition(sorted((folder / "pymupdf").glob("*.txt")))
    (jumped,) = [a for a in edition.articles if a.pages == (1, 2)]
    (want,) = [a for a in gold["articles"] if a["pages"] == [1, 2]]
    assert jumped.headline == want["headline"] and jumped.continued_from_page is None
    assert [p.replace(" ", "") for p in jumped.paragraphs] == [p.replace(" ", "") for p in want["paragraphs"]]
    assert not any("jump left open" in w.message for w in edition.warnings)


def test_one_file_of_a_whole_edition_reads_page_by_page(tmp_path: Path) -> None:
    """pdftotext writes a whole edition to one file, each page ended by a form feed: its pages
    are read one by one (numbers from their folios), the jump stitched, warnings on the file's lines."""
    from audio_edition.text import read_edition

    parts = [
        p.read_text(encoding="utf-8") for p in sorted((CORPUS / "edition-4p" / "pdftotext").glob("*.txt"))
    ]
    whole = tmp_path / "2024-03-05.txt"
    whole.write_text("\f".join(parts) + "\f", encoding="utf-8")
    edition = read_edition([whole])
    assert [p.number for p in edition.pages] == [1, 2, 3, 4]
    assert [a.pages for a in edition.articles if len(a.pages) > 1] == [(1, 2)]
    lines = whole.read_text(encoding="utf-8").split("\n")
    for warning in edition.warnings:
        if warning.line is not None:  # the line a warning names holds text of the article it names
            assert lines[warning.line - 1].strip(), warning
    last_page_start = sum(part.count("\n") for part in parts[:3]) + 1
    assert min(a.line or 0 for a in edition.articles if a.pages == (4,)) > last_page_start


# Two stories as PyMuPDF prints a headline-first page, the way the classes below meet them.
_STORY = """2024 年3 月5 日　星期二
要闻
第2 版
冬季供暖保障有力有序
本报包头3 月2 日电
（记者 周涛）据悉，该项目
总投资五十六亿元，建成
后可年产各类产品二十万
吨。
“饭菜合口味，价钱也不
贵，我们老两口几乎天天来
吃。”七十八岁的赵大爷说。
政务服务大厅推行“一
窗受理、集成服务”，群众
办事只需跑一次。
“家里暖和了，老人孩
子过冬心里就踏实了。”家
住新华街道的王大妈笑着
说。
"""


def test_a_line_an_extractor_broke_at_a_tucked_quote_stays_in_its_paragraph() -> None:
    """``吨。“饭`` is one printed line (the quote tucked under the full stop): the extractor
    breaks it in two, the two halves together a column wide. A paragraph's last line and the
    next one's first line, opening with a quote, are wider than that: two paragraphs."""
    (story,) = parse_page(_STORY, "p2.txt").articles
    assert story.headline == "冬季供暖保障有力有序"
    assert story.paragraphs == (
        "据悉，该项目总投资五十六亿元，建成后可年产各类产品二十万吨。“饭菜合口味，价钱也不贵，"
        "我们老两口几乎天天来吃。”七十八岁的赵大爷说。",
        "政务服务大厅推行“一窗受理、集成服务”，群众办事只需跑一次。",
        "“家里暖和了，老人孩子过冬心里就踏实了。”家住新华街道的王大妈笑着说。",
    )


def test_a_storys_end_printed_before_a_box_of_briefs_is_not_taken_for_one_of_its_briefs() -> None:
    """pdftotext prints a story's last paragraph, closing on its byline (（郑凯）), after the next
    story and right before the box of briefs: short, closed by a name, it looks like a brief,
    but the box's word (简讯) stands after it, so it is no brief of that box. With no headline,
    it is warned."""
    page = parse_page(
        HEAD
        + """数字政务让群众少跑腿
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

在七百亿斤以上。一辆辆满
载煤炭、木材和农产品的货
车有序通过查验通道，驶向
全国各地。
口岸管理部门推行“提
前申报、货到放行”模式，通
关时间比去年同期缩短了
四成。这条公路全长六十八
公里，串起了沿线十二个嘎
查村和三个旅游景区。去年
合作社实现销售收入一千
二百万元，社员人均分红一
万余元。（郑凯）

简讯
本报呼和浩特 3 月 4 日电连日来，区市场监管局对
辖区农贸市场开展专项检查，重点检查食品经营主体的
进货台账。（李红）
近期，县消防救援大队走进中小学校，为师生讲解火
灾逃生自救知识并开展疏散演练。（杨帆）
本报呼和浩特 3 月 1 日电为丰富群众文化生活，街道
近日组织开展了广场舞展演活动，十二支队伍同台竞技。
（李红）
""",
        "p2.txt",
    )
    ending = next(a for a in page.articles if a.byline == "郑凯")
    assert ending.headline is None and ending.section is None
    # Warned once, where it starts (that it has no headline, or that it is set to another measure
    # than the briefs after it); the box's own briefs stay unwarned.
    assert [w.line for w in page.warnings] == [ending.line]
    assert [a.section for a in page.articles if a.byline in ("李红", "杨帆")] == ["简讯"] * 3


# A box of briefs in a column of eleven characters over a story whose column holds twelve.
_TUCKED_BESIDE_NARROWER = """2024年3月5日　星期二
要闻
第2版

简讯
近期，县消防救援大
队走进中小学校，为师生
讲解火灾逃生自救知识并
开展疏散演练。（周涛）
近日，市人社局举办
春风行动专场招聘会，一
百二十家企业提供就业岗
位四千多个。（郑凯）
本报阿拉善 3 月 2 日
电近日，旗气象局发布寒
潮蓝色预警，提醒群众注
意防寒保暖，合理安排出
行。（赵磊）

科技特派员扎根田间地头

新华社包头 3 月 4 日
电在他们的指导下，村里建
起了温室大棚，种上了反季
节蔬菜。
“家里暖和了，老人
孩子过冬心里就踏实了。”
家住新华街道的王大妈笑
着说。今年以来，文化惠民
演出已走进一百多个嘎查
村，观众超过五万人次。改
造后的小区铺设了新路面，
加装了电梯，还建起了休闲
广场和充电车棚。
"""


def test_a_tucked_quote_is_measured_by_its_paragraphs_own_lines() -> None:
    """``节蔬菜。`` and ``“家里暖和了，老人`` are one printed line of the story's column of twelve
    (its full lines above), though the column's width as estimated there is the briefs' eleven:
    the paragraph goes on."""
    story = parse_page(_TUCKED_BESIDE_NARROWER, "p2.txt").articles[-1]
    assert story.headline == "科技特派员扎根田间地头"
    assert story.paragraphs == (
        "在他们的指导下，村里建起了温室大棚，种上了反季节蔬菜。“家里暖和了，老人孩子过冬心里就踏实了。”"
        "家住新华街道的王大妈笑着说。今年以来，文化惠民演出已走进一百多个嘎查村，观众超过五万人次。"
        "改造后的小区铺设了新路面，加装了电梯，还建起了休闲广场和充电车棚。",
    )


# A column set eleven and a half characters wide (ReportLab's measure, typeset by Typst): its
# lines hold eleven characters or twelve, and beside a column of eleven the estimate is eleven.
_HALF_CHARACTER_COLUMN = """2024年3月5日　星期二
要闻
第2版
奋力书写中国式现代化新篇章

牧民合作社闯出增收新路
——我区推进重点项目建设纪实
本报满洲里 3 月 3 日
电（记者 张晓明 杨帆）社
区食堂每天中午供应两荤
两素一汤，老年人就餐还能
享受优惠。“家里暖和了，
老人孩子过冬心里就踏实
了。”家住新华街道的王大
妈笑着说。政务服务大厅推
行“一窗受理、集成服务”，
群众办事只需跑一次。商家
纷纷推出适老化产品，智能
手环、助行器等商品销量明
显增长。
去年合作社实现销售
收入一千二百万元，社员人

均分红一万余元。新能源项
目建设带动了装备制造、运
维服务等上下游产业在当
地集聚发展。
今年全旗计划种植玉
米、大豆等作物八十万亩，
良种覆盖率达到百分之九
十八以上。有关部门表示，
将进一步加强监督检查，确
保各项惠民政策落到实处。
改造后的小区铺设了新路
面，加装了电梯，还建起了
休闲广场和充电车棚。
一辆辆满载煤炭、木材
和农产品的货车有序通过

查验通道，驶向全国各地。
学校负责人介绍，目前已有
一百四十多所农村牧区学
校接入了远程教学平台。

银发经济激发消费新活力
本报记者 杨帆

新华社锡林浩特 3 月 2
日电养老服务中心开设了
康复理疗、文化娱乐等项
目，满足老年人多样化需
求。当地推出了冰雪节、那
达慕等特色活动，带动了餐
饮、住宿等行业的发展。社
区工作人员逐户征求居民
意见，把群众最关心的问题
列入改造清单。生态环境部
门建立了跨区域联防联控
机制，实现了监测数据实时
共享。
"""


def test_a_sentence_ending_an_indent_short_of_its_paragraph_ends_the_paragraph() -> None:
    """``休闲广场和充电车棚。`` ends its sentence two characters short of the full lines above it,
    and the line under it (``一辆辆满载煤炭、木材``) is as short: the paragraph's last line and
    the next one's indented first line, though the column's width as estimated around them (a
    column of eleven beside) makes both look full."""
    story = parse_page(_HALF_CHARACTER_COLUMN, "p2.txt").articles[0]
    assert story.paragraphs[-2:] == (
        "今年全旗计划种植玉米、大豆等作物八十万亩，良种覆盖率达到百分之九十八以上。有关部门表示，"
        "将进一步加强监督检查，确保各项惠民政策落到实处。改造后的小区铺设了新路面，加装了电梯，"
        "还建起了休闲广场和充电车棚。",
        "一辆辆满载煤炭、木材和农产品的货车有序通过查验通道，驶向全国各地。学校负责人介绍，"
        "目前已有一百四十多所农村牧区学校接入了远程教学平台。",
    )


_TWO_TIERS = """2024 年3 月5 日　星期二
要闻
第2 版
{upper}
{lower}
本报包头3 月2 日电
（记者 周涛）据悉，该项目
总投资五十六亿元，建成
后可年产各类产品二十万
吨。
"""


@pytest.mark.parametrize(
    ("upper", "lower", "tiers"),
    [
        # A short label over a longer line: the kicker (引题) over its headline.
        ("新春走基层", "冰雪旅游带火北疆小城", ("新春走基层", "冰雪旅游带火北疆小城", None)),
        ("记者蹲点", "打好防沙治沙攻坚战", ("记者蹲点", "打好防沙治沙攻坚战", None)),
        (
            "高质量发展调研行",
            "文化惠民演出走进百个嘎查",
            ("高质量发展调研行", "文化惠民演出走进百个嘎查", None),
        ),
        # As long as a headline, though well short of the line under it: the headline over a
        # longer subtitle with no dash (a kicker is mostly a short label), doubted.
        (
            "数字政务让群众少跑腿",
            "全区八百多个事项实现网上办掌上办",
            (None, "数字政务让群众少跑腿", "全区八百多个事项实现网上办掌上办"),
        ),
        # About as long as the line under it: the headline over its subtitle (副题), dash or not.
        (
            "黄河流域生态保护治理扎实推进",
            "今年以来累计完成投资超过三百亿元",
            (None, "黄河流域生态保护治理扎实推进", "今年以来累计完成投资超过三百亿元"),
        ),
        (
            "冬季供暖保障有力有序",
            "——一位老支书的三十年坚守",
            (None, "冬季供暖保障有力有序", "——一位老支书的三十年坚守"),
        ),
    ],
)
def test_two_head_lines_are_kicker_and_headline_or_headline_and_subtitle(
    upper: str, lower: str, tiers: tuple[str | None, str, str | None]
) -> None:
    page = parse_page(_TWO_TIERS.format(upper=upper, lower=lower), "p2.txt")
    (story,) = page.articles
    assert (story.kicker, story.headline, story.subtitle) == tiers
    # Without a dash only the type size would tell: the editor is told which reading was taken,
    # unless a short label stands over the headline.
    doubted = [w for w in page.warnings if "head lines read as" in w.message]
    assert bool(doubted) == (tiers[0] is None and not lower.startswith("—"))


def test_a_kicker_as_long_as_a_short_headline_is_doubted() -> None:
    """Two head lines with no dash, the upper a character short of a headline's usual length
    (a nine-character headline over its subtitle, as pdftotext prints a page): read as kicker
    over headline, but the editor is told the other reading is as likely."""
    page = parse_page(
        _TWO_TIERS.format(upper="打好防沙治沙攻坚战", lower="城乡居民收入增速快于经济增长"), "p2.txt"
    )
    (story,) = page.articles
    assert (story.kicker, story.headline) == ("打好防沙治沙攻坚战", "城乡居民收入增速快于经济增长")
    assert [w for w in page.warnings if "read as kicker (引题) and headline" in w.message]
    # A label of eight characters over a headline is a kicker, as the series' labels are.
    label = parse_page(
        _TWO_TIERS.format(upper="学习贯彻全会精神", lower="城乡居民收入增速快于经济增长"), "p2.txt"
    )
    assert not [w for w in label.warnings if "head lines read as" in w.message]


@pytest.mark.parametrize(
    ("upper", "lower", "tiers"),
    [
        # A labelled kicker longer than its headline: two tiers, though the lower is short
        # enough to be a wrapped line's rest.
        (
            "基层观察：乡村振兴产业发展纪实",
            "老街迎来新生",
            ("基层观察：乡村振兴产业发展纪实", "老街迎来新生", None),
        ),
        ("民生实事·城市更新进行时", "旧厂房变身书店", ("民生实事·城市更新进行时", "旧厂房变身书店", None)),
        # A headline opening on a label, wrapped: its rest is a few characters, one headline.
        ("脱贫攻坚：山区果农的致富", "新路", (None, "脱贫攻坚：山区果农的致富新路", None)),
    ],
)
def test_a_labelled_kicker_longer_than_its_headline_is_read_apart(
    upper: str, lower: str, tiers: tuple[str | None, str, str | None]
) -> None:
    page = parse_page(_TWO_TIERS.format(upper=upper, lower=lower), "p2.txt")
    (story,) = page.articles
    assert (story.kicker, story.headline, story.subtitle) == tiers


@pytest.mark.parametrize(
    ("upper", "lower", "doubted"),
    [
        # Parallel phrases over a phrase: a kicker longer than its headline, read as one
        # headline wrapped over two lines; the editor is told.
        ("守正创新担使命 凝心聚力谱新篇", "小小药箱进农家", True),
        # The same shape over a few characters: a headline's wrapped rest, nothing in doubt.
        ("守正创新 乡村医生守护一方", "百姓", False),
    ],
)
def test_parallel_phrases_joined_to_the_line_under_them_are_doubted(
    upper: str, lower: str, doubted: bool
) -> None:
    page = parse_page(_TWO_TIERS.format(upper=upper, lower=lower), "p2.txt")
    (story,) = page.articles
    assert story.headline == upper + lower  # one headline either way: the text cannot tell
    joined = [w for w in page.warnings if "one headline wrapped over two lines" in w.message]
    assert bool(joined) == doubted


def test_heads_over_a_byline_line_are_heads_though_the_last_looks_indented() -> None:
    """A story with no dateline: its heads stand over a byline line (本报记者 周涛). A subtitle
    two characters short of the column looks like a paragraph's indented first line; what
    follows it (the byline, not running text) tells it is a head line."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
高质量发展调研行
新能源装机规模突破一亿千瓦
三年行动计划全面收官
本报记者 周涛
据悉，该项目总投资五
十六亿元，建成后可年产各
类产品二十万吨。一辆辆满
载煤炭、木材和农产品的货
车有序通过查验通道，驶
向全国各地。
"""
    (story,) = parse_page(text, "p2.txt").articles
    assert (story.kicker, story.headline, story.subtitle) == (
        "高质量发展调研行",
        "新能源装机规模突破一亿千瓦",
        "三年行动计划全面收官",
    )
    assert story.byline == "本报记者 周涛"
    assert story.paragraphs == (
        "据悉，该项目总投资五十六亿元，建成后可年产各类产品二十万吨。一辆辆满载煤炭、木材和农产品的货车有序通过查验通道，驶向全国各地。",
    )


def test_a_paragraph_closing_on_a_byline_broken_over_two_lines_is_running_text() -> None:
    """``增长。（陈`` / ``静）``: the paragraph ends its sentence on the byline's second line, so
    its lines are running text (not head lines), and the heads after it head the next story."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
冬季供暖保障有力有序
本报包头3 月2 日电
据悉，该项目总投资五十
六亿元，建成后可年产各
类产品二十万吨。
老师们利用课余时间
集体备课，把优质教学资
源转化为适合本校学生的
课程。商家纷纷推出适老
化产品，智能手环、助行器
等商品销量明显增长。（陈
静）
新春走基层
牧民合作社闯出增收新路
新华社兴安盟3 月2
日电（记者 赵磊）风电场
里，一排排白色风机迎风转
动，源源不断地将绿色电能
送入电网。
"""
    first, second = parse_page(text, "p2.txt").articles
    assert first.headline == "冬季供暖保障有力有序"
    assert first.paragraphs[-1] == (
        "老师们利用课余时间集体备课，把优质教学资源转化为适合本校学生的课程。"
        "商家纷纷推出适老化产品，智能手环、助行器等商品销量明显增长。"
    )
    assert first.byline == "陈静"
    assert (second.kicker, second.headline) == ("新春走基层", "牧民合作社闯出增收新路")
    assert second.dateline == "新华社兴安盟3月2日电" and second.byline == "记者 赵磊"


def test_heads_of_two_stories_side_by_side_are_shared_in_turn() -> None:
    """pdftotext prints two stories standing side by side row by row: kicker, kicker, headline,
    headline, subtitle (each its own block, a blank between), then the first story's body, then
    the second's, which opens on its dateline with no heads of its own. A blank parts two
    blocks, so no line is read as the wrapped rest of the one above it."""
    text = """2024 年3 月5 日　星期二

要闻

第4 版

开局之年看新气象

记者蹲点

黄河流域生态保护治理扎实推进

打好防沙治沙攻坚战

一季度主要经济指标稳中向好
本报乌海 3 月 1 日电
（记者 吴敏 刘洋）食堂由
社区提供场地、企业负责运
营，做到了价格实惠、干净
卫生。

本报北京 3 月 2 日电春
耕时节，田野里一派繁忙景
象，大型播种机来回穿梭，
农民们抢抓农时忙生产。
"""
    page = parse_page(text, "p4.txt")
    first, second = page.articles
    assert (first.kicker, first.headline, first.subtitle) == (
        "开局之年看新气象",
        "黄河流域生态保护治理扎实推进",
        "一季度主要经济指标稳中向好",
    )
    assert (second.kicker, second.headline, second.subtitle) == ("记者蹲点", "打好防沙治沙攻坚战", None)
    assert second.dateline == "本报北京3月2日电"
    assert second.paragraphs == ("春耕时节，田野里一派繁忙景象，大型播种机来回穿梭，农民们抢抓农时忙生产。",)
    # Only the layout tells for sure: the editor is told, on each story's lines.
    shared = [w.line for w in page.warnings if "taken in turn" in w.message]
    assert shared == [first.line, second.line]


def test_a_kicker_over_its_headline_is_not_shared_with_a_story_after_it() -> None:
    """A short label over a headline is one story's kicker and headline, though the next story
    has no heads of its own (they were lost, or printed elsewhere)."""
    text = """2024 年3 月5 日　星期二

要闻

第4 版

记者蹲点

打好防沙治沙攻坚战
本报乌海 3 月 1 日电
（记者 吴敏 刘洋）食堂由
社区提供场地、企业负责运
营，做到了价格实惠、干净
卫生。

本报北京 3 月 2 日电春
耕时节，田野里一派繁忙景
象，大型播种机来回穿梭，
农民们抢抓农时忙生产。
"""
    first, second = parse_page(text, "p4.txt").articles
    assert (first.kicker, first.headline) == ("记者蹲点", "打好防沙治沙攻坚战")
    assert second.headline is None and second.dateline == "本报北京3月2日电"


def test_briefs_in_a_box_wider_than_the_column_end_on_their_own_short_lines() -> None:
    """A 简讯 box across several columns: its briefs are not indented, and a brief's last line,
    though longer than a column, falls short of the box's lines above it."""
    story = "".join(f"{line}\n" for line in _STORY.split("\n")[3:12])
    text = f"""2024 年3 月5 日　星期二
要闻
第2 版
{story}简讯
日前，旗图书馆举办“书香润万家”读书分享会，六
十余名读者参加活动并交流读书心得。（吴敏）
连日来，区市场监管局对辖区农贸市场开展专项检
查，重点检查食品经营主体的进货台账。
近期，县消防救援大队走进中小学校，为师生讲解火
灾逃生自救知识并开展疏散演练。（郑凯）
"""
    page = parse_page(text, "p2.txt")
    briefs = [a for a in page.articles if a.section == "简讯"]
    assert [(b.paragraphs, b.byline) for b in briefs] == [
        (("日前，旗图书馆举办“书香润万家”读书分享会，六十余名读者参加活动并交流读书心得。",), "吴敏"),
        (("连日来，区市场监管局对辖区农贸市场开展专项检查，重点检查食品经营主体的进货台账。",), None),
        (("近期，县消防救援大队走进中小学校，为师生讲解火灾逃生自救知识并开展疏散演练。",), "郑凯"),
    ]


@pytest.mark.parametrize("title", BRIEF_TITLES)
def test_a_box_of_briefs_is_read_under_any_title_a_paper_gives_it(title: str) -> None:
    """Papers title their box of briefs 简讯, 短讯, 快讯, 简明新闻…: the text route knows the
    words the PDF route does, and reads each item under the box's own title."""
    story = "".join(f"{line}\n" for line in _STORY.split("\n")[3:12])
    text = f"""2024 年3 月5 日　星期二
要闻
第2 版
{story}{" ".join(title) if len(title) <= 2 else title}
日前，旗图书馆举办“书香润万家”读书分享会，六
十余名读者参加活动并交流读书心得。（吴敏）
近期，县消防救援大队走进中小学校，为师生讲解火
灾逃生自救知识并开展疏散演练。（郑凯）
"""
    page = parse_page(text, "p2.txt")
    briefs = [a for a in page.articles if a.section is not None]
    assert [(b.section, b.byline) for b in briefs] == [(title, "吴敏"), (title, "郑凯")]
    assert all(title not in p for a in page.articles for p in a.paragraphs)


def test_a_paragraph_opening_with_a_quote_is_told_by_its_indent() -> None:
    """A paragraph's last line a character short of the column, then the next paragraph's
    first line opening with a quote: set half wide at the line's start, the quote leaves that
    line as short as any indented first line (nine characters and the quote, in a column of
    eleven), while a line of running text opening with one fills the column."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
冬季供暖保障有力有序
本报包头3 月2 日电
湿地公园里，芦苇随
风摇曳，成群的候鸟在水
面上觅食嬉戏。政务服务
大厅推行“一窗受理、集成
服务”，群众办事只需跑一
次。当地农技人员深入田
间地头，手把手指导农户
科学施肥、合理灌溉。
“家里暖和了，老人孩
子过冬心里就踏实了。”家
住新华街道的王大妈笑着
说。有关部门表示，将进一
步加强监督检查，确保各
项惠民政策落到实处。当
地推出了冰雪节、那达慕
等特色活动，带动了餐饮、
住宿等行业的发展。
"""
    (story,) = parse_page(text, "p2.txt").articles
    assert [p[:8] for p in story.paragraphs] == ["湿地公园里，芦苇", "“家里暖和了，老"]


def test_heads_after_a_paragraph_broken_off_mid_sentence_head_the_next_story() -> None:
    """pdfminer.six prints a story's text boxes in its own order: a paragraph may break off
    mid-sentence (its rest printed elsewhere) right before the next story's heads. The heads
    are not run into it; the break is warned where it shows."""
    text = """2024 年3 月5 日　星期二

要闻

第2 版

冬季供暖保障有力有序

本报包头 3 月 2 日电
据悉，该项目总投资五十
六亿元，建成后可年产各
类产品二十万吨。

养 老 服 务 中 心 开 设 了
康复理疗、文化娱乐等项

数字政务让群众少跑腿
——我区推进重点项目建设纪实

本报锡林浩特 3 月 4 日
电据了解，今年全市新增供
热面积一百二十万平方米，
惠及居民一万八千余户。
"""
    page = parse_page(text, "p2.txt")
    first, second = page.articles
    assert first.headline == "冬季供暖保障有力有序"
    assert first.paragraphs[-1] == "养老服务中心开设了康复理疗、文化娱乐等项"
    assert (second.headline, second.subtitle) == ("数字政务让群众少跑腿", "——我区推进重点项目建设纪实")
    assert second.dateline == "本报锡林浩特3月4日电"
    assert any(w.line == 15 and "breaks off mid-sentence" in w.message for w in page.warnings), page.warnings


def test_an_index_box_goes_on_past_a_line_printed_into_it_from_beside() -> None:
    """pdftotext prints the 今日导读 box and the lead story beside it line by line: the story's
    subtitle falls between the box's title and its items. The items are still furniture; the
    subtitle still heads its story."""
    text = """2024 年 3 月 5 日

星期二

要闻

第2版

乡村学校用上“空中课堂”

今日导读

一季度主要经济指标稳中向好

社区食堂端出“幸福味道”
第4版
冰雪旅游带火北疆小城 第 3
版
稀土新材料产业链加速延伸
第2版

本报记者 刘洋

业内人士认为，产业
链向下游延伸，有利于把
资源优势转化为发展优
势。
"""
    page = parse_page(text, "p2.txt")
    (story,) = page.articles
    assert (story.headline, story.subtitle) == ("乡村学校用上“空中课堂”", "一季度主要经济指标稳中向好")
    assert story.paragraphs == ("业内人士认为，产业链向下游延伸，有利于把资源优势转化为发展优势。",)
    index = [f.text.replace(" ", "") for f in page.furniture if f.kind is FurnitureKind.INDEX]
    assert (
        index[0] == "今日导读" and "冰雪旅游带火北疆小城第3" in index and "稀土新材料产业链加速延伸" in index
    )


def test_heads_drawn_after_their_body_head_it_though_the_next_story_has_no_dateline() -> None:
    """PyMuPDF follows a typesetter that draws each story's heads after its body: a kicker and
    headline (two lines with no punctuation, the second as wide as the column) stand between
    one story's body and the next one's indented first line. Two tiers are a story's heads,
    never a subhead (which is one line), though no dateline follows them."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
本报包头3月2日电科
技特派员常年驻村，帮助农
户解决生产中遇到的技术
难题。
口岸管理部门推行“提前申
报、货到放行”模式，通关时
间比去年同期缩短了四成。
今年全旗计划种植玉米、大
豆等作物八十万亩，良种覆
盖率达到百分之九十八以
上。
学习贯彻全会精神
冰雪旅游带火北疆小城
演出队带来了歌舞、
小品、好来宝等节目，台下
的农牧民群众掌声不断。
光伏板整齐排列在沙地
上，板下种植的牧草既能
固沙，又能喂养牛羊。科技
特派员常年驻村，帮助农
户解决生产中遇到的技术
难题。
边境口岸货运量创同期新高
"""
    page = parse_page(text, "p2.txt")
    assert page.headlines is HeadlinePosition.AFTER
    first, second = page.articles
    # Which tiers the two are only type size tells (the editor is warned); both head this story.
    assert {first.kicker, first.headline, first.subtitle} - {None} == {
        "学习贯彻全会精神",
        "冰雪旅游带火北疆小城",
    }
    assert first.dateline == "本报包头3月2日电" and len(first.paragraphs) == 2
    assert second.headline == "边境口岸货运量创同期新高"
    assert [p[:6] for p in second.paragraphs] == ["演出队带来了", "光伏板整齐排"]


def test_a_page_opening_on_a_dateline_has_its_heads_drawn_after_the_bodies() -> None:
    """PyMuPDF follows the drawing order: a page opening on a story's dateline with no heads
    above it (a continuation would open on a marker) drew each story's heads after its body,
    though the page ends on a box of briefs as a headline-first page may. A byline line drawn
    under the heads is the story's whose heads they are."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
新华社乌海3 月3 日
电沿黄各旗县区持续开展
河道清理和岸线整治，水质
稳定保持在三类以上。
一线见闻
牧民合作社闯出增收新路
——全区各地多措并举确保群众温暖过冬
商家纷纷推出适老化
产品，智能手环、助行器等
商品销量明显增长。
开局之年看新气象
稀土新材料产业链加速延伸
一季度主要经济指标稳中向好
本报记者 吴敏
简讯
本报北京3 月2 日电日前，全盟首届农牧民技能
大赛落下帷幕。（陈静）
"""
    page = parse_page(text, "p2.txt")
    assert page.headlines is HeadlinePosition.AFTER
    assert not any("cannot tell" in w.message for w in page.warnings)
    first, second, brief = page.articles
    assert (first.kicker, first.headline, first.dateline) == (
        "一线见闻",
        "牧民合作社闯出增收新路",
        "新华社乌海3月3日电",
    )
    assert (second.headline, second.byline) == ("稀土新材料产业链加速延伸", "本报记者 吴敏")
    assert second.paragraphs == ("商家纷纷推出适老化产品，智能手环、助行器等商品销量明显增长。",)
    assert (brief.section, brief.byline) == ("简讯", "陈静")


def test_a_page_opening_on_a_paragraph_s_first_line_has_its_heads_drawn_after_the_bodies() -> None:
    """PyMuPDF and PDFium follow the drawing order: a page opening on a paragraph's indented
    first line with no heads above it and no dateline (the story's byline is drawn with its
    heads) drew each story's heads after its body; a page opening mid-sentence would open on a
    paragraph's rest. The box of briefs closing the page tells neither convention (its section
    word is printed over it either way): the heads before it do. A brief's byline set on a line
    of its own is that brief's."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
春耕时节，田野里一
派繁忙景象，大型播种机
来回穿梭，农民们抢抓农
时忙生产。
湿地公园里，芦苇随
风摇曳，成群的候鸟在水
面上觅食嬉戏。
学习贯彻全会精神
老旧小区改造让居民住得更舒心
本报记者 李红　郑凯
本报鄂尔多斯3 月4 日
电合作社采取“统一采购、
统一防疫、统一销售”的方
式，降低了养殖成本。
银发经济激发消费新活力
简讯
本报兴安盟3 月4 日电日前，旗图书馆举办“书香
润万家”读书分享会，六十余名读者参加活动。（刘洋）
本报满洲里3月1日电近期，县消防救援大队走进中
小学校，为师生讲解火灾逃生自救知识并开展疏散演练。
（陈静）
"""
    page = parse_page(text, "p2.txt")
    assert page.headlines is HeadlinePosition.AFTER
    assert not any("cannot tell" in w.message for w in page.warnings)
    first, second, *briefs = page.articles
    assert (first.kicker, first.headline, first.byline) == (
        "学习贯彻全会精神",
        "老旧小区改造让居民住得更舒心",
        "本报记者 李红 郑凯",
    )
    assert [p[:4] for p in first.paragraphs] == ["春耕时节", "湿地公园"]
    assert (second.headline, second.dateline) == ("银发经济激发消费新活力", "本报鄂尔多斯3月4日电")
    assert [(b.section, b.byline) for b in briefs] == [("简讯", "刘洋"), ("简讯", "陈静")]


def test_heads_after_a_paragraph_closing_on_its_byline_are_a_story_s_never_a_subhead() -> None:
    """A byline （王建国） closes its story: the heads after it are a story's heads (here drawn
    after its body, PyMuPDF following the drawing order), though the next story opens with no
    dateline (its byline is drawn with its own heads), not a subhead of one story read on."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
本报兴安盟3 月2 日电据
了解，今年全市新增供热面积
一百二十万平方米，惠及居民
一万八千余户。
口岸管理部门推行“提前
申报、货到放行”模式，通关时
间比去年同期缩短了四成。社
区食堂每天中午供应两荤两
素一汤，老年人就餐还能享受
优惠。（王建国）
牧民合作社闯出增
收新路
光伏板整齐排列在沙
地上，板下种植的牧草既能
固沙，又能喂养牛羊。
热力公司设立了二十
四小时服务热线，群众反映
的问题做到当天受理、限时
办结。
奋力书写中国式现代化新篇章
新能源装机规模突破一亿千瓦
——我区推进重点项目建设纪实
本报记者 周涛　高原
"""
    page = parse_page(text, "p2.txt")
    assert page.headlines is HeadlinePosition.AFTER
    first, second = page.articles
    assert (first.headline, first.dateline, first.byline) == (
        "牧民合作社闯出增收新路",
        "本报兴安盟3月2日电",
        "王建国",
    )
    assert first.subheads == () and len(first.paragraphs) == 2
    assert (second.headline, second.byline) == ("新能源装机规模突破一亿千瓦", "本报记者 周涛 高原")
    assert [p[:5] for p in second.paragraphs] == ["光伏板整齐", "热力公司设"]
    assert page.warnings == ()


def test_an_index_title_on_the_line_of_the_headline_beside_its_box_is_furniture() -> None:
    """PDFium joins what shares a baseline: the index box's title (今日导读) printed after the
    headline of the story beside the box, a space between. The title is furniture, the
    headline stays the story's, and the box's items under it are furniture too."""
    text = """2024 年3 月5 日　星期二 要闻 第 2 版
新春走基层
乡村学校用上“空中课堂” 今日导读
社区食堂端出“幸福味道”
第 4 版
稀土新材料产业链加速延伸
第 2 版
本报呼和浩特 3 月 2
日电（记者 赵磊 孙丽）据
了解，今年全市新增供热面
积一百二十万平方米，惠及
居民一万八千余户。
"""
    page = parse_page(text, "p2.txt")
    (story,) = page.articles
    assert (story.kicker, story.headline) == ("新春走基层", "乡村学校用上“空中课堂”")
    assert story.paragraphs == ("据了解，今年全市新增供热面积一百二十万平方米，惠及居民一万八千余户。",)
    index = [f.text.strip() for f in page.furniture if f.kind is FurnitureKind.INDEX]
    assert index == ["今日导读", "社区食堂端出“幸福味道”", "第 4 版", "稀土新材料产业链加速延伸", "第 2 版"]


def test_an_ad_s_title_on_the_line_of_the_headline_beside_it_is_furniture() -> None:
    """PDFium, the same for an ad's box: its title (广告) after the headline beside the box,
    the ad's lines under it (spaced phrases, a phone number)."""
    text = """2024 年3 月5 日　星期二 要闻 第 2 版
老旧小区改造让居民住得更舒心 广告
草原鲜奶 每日直送 家庭订奶热线：
400-812-3456
新华社通辽 3 月 3 日
电（记者 李红）路通了，牧
民的牛羊和奶制品可以直接
卖到城里，收入一年比一年
高。
"""
    page = parse_page(text, "p2.txt")
    (story,) = page.articles
    assert (story.headline, story.subtitle) == ("老旧小区改造让居民住得更舒心", None)
    assert story.paragraphs == ("路通了，牧民的牛羊和奶制品可以直接卖到城里，收入一年比一年高。",)
    ads = [f.text.strip() for f in page.furniture if f.kind is FurnitureKind.AD]
    assert ads == ["广告", "草原鲜奶 每日直送 家庭订奶热线：", "400-812-3456"]


def test_a_subhead_wrapped_to_a_few_characters_over_a_squeezed_indented_line() -> None:
    """A subhead as wide as the column wraps its last characters (有了新 / 平台) onto a line of
    their own: a few characters with no punctuation open no paragraph, they are the subhead's
    rest. The paragraph under it opens on an indented line whose commas are set half wide, so
    it looks as wide as a full line: narrower than the full line under it, it is the
    paragraph's start, not a paragraph's rest opening mid-sentence."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
社区食堂端出“幸福味道”
新华社二连浩特3 月
4 日电前十个月，口岸进出
口货运量达到一千八百万
吨，同比增长百分之二十
二点五。目前，全市已有八
百多个政务服务事项实现
了网上办、掌上办。
据悉，该项目总投资
五十六亿元，建成后可年
产各类产品二十万吨。春
耕时节，田野里一派繁忙
景象，大型播种机来回穿
梭，农民们抢抓农时忙生
产。
共建共享 居民议事有了新
平台
进入冬季，冰雪乐园、
滑雪场相继开门迎客，吸
引了大批外地游客前来体
验。文旅部门统计显示，元
旦假期全市共接待游客四
十六万人次，旅游收入三
点二亿元。
"""
    page = parse_page(text, "p2.txt")
    (story,) = page.articles
    assert story.subheads == ("共建共享 居民议事有了新平台",)
    assert story.paragraphs[2:] == (
        "共建共享 居民议事有了新平台",
        "进入冬季，冰雪乐园、滑雪场相继开门迎客，吸引了大批外地游客前来体验。"
        "文旅部门统计显示，元旦假期全市共接待游客四十六万人次，旅游收入三点二亿元。",
    )
    assert page.warnings == ()


def test_a_box_of_briefs_closing_a_page_drawn_headline_after_is_briefs_to_its_end() -> None:
    """On a page whose heads were drawn after their bodies, the box's section word still stands
    over its briefs. A box closing the page has no story after it whose heads would follow:
    every item is a brief, the last one too though it opens on no dateline after dated ones."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
本报锡林浩特3 月3
日电光伏板整齐排列在沙
地上，板下种植的牧草既能
固沙，又能喂养牛羊。记者
在现场看到，工人们正在对
换热站的阀门和仪表逐一
进行检查。
去年合作社实现销售
收入一千二百万元，社员人
均分红一万余元。今年全区
粮食总产量达到七百九十
一亿斤，连续多年稳定在七
百亿斤以上。（陈
静）
数字政务让群众少跑腿
简讯
本报鄂尔多斯3 月2
日电近日，市人社局举办
春风行动专场招聘会，一
百二十家企业提供就业岗
位四千多个。（张晓明）
本报满洲里3 月4 日
电连日来，区市场监管局
对辖区农贸市场开展专项
检查，重点检查食品经营
主体的进货台账。（刘洋）
日前，旗图书馆举办
“书香润万家”读书分享
会，六十余名读者参加活
动并交流读书心得。
（王建
国）
"""
    page = parse_page(text, "p2.txt")
    assert page.headlines is HeadlinePosition.AFTER
    story, *briefs = page.articles
    assert story.headline == "数字政务让群众少跑腿"
    assert [(b.section, b.byline) for b in briefs] == [
        ("简讯", "张晓明"),
        ("简讯", "刘洋"),
        ("简讯", "王建国"),
    ]
    assert page.warnings == ()


def test_a_head_line_drawn_twice_for_bold_is_read_once() -> None:
    """A typesetter that sets a headline bold by drawing it twice has it printed twice by an
    extractor following the drawing order (PyMuPDF, PDFium): one line, not two tiers."""
    text = """2024年3月5日　星期二
要闻
第2版
开局之年看新气象
银发经济激发消费新活力
银发经济激发消费新活力
一季度主要经济指标稳中向好
本报呼和浩特3月3日电（记
者 刘洋 陈静）通过“空中课堂”，
偏远牧区的孩子们也能和城里学
生同上一堂课。
"""
    (story,) = parse_page(text, "p2.txt").articles
    assert (story.kicker, story.headline, story.subtitle) == (
        "开局之年看新气象",
        "银发经济激发消费新活力",
        "一季度主要经济指标稳中向好",
    )


def test_a_head_line_struck_twice_character_by_character_is_read_once() -> None:
    """pypdf's layout mode (pdfplumber too) of a page that fakes a bold head by striking each
    character twice, each glyph drawn on its own: the two strikes of each character side by
    side (pypdf 7.1, a ReportLab page; its first column as ``columns_apart`` cuts it). The head
    is read once; running text and a word of doubled characters alone (明明白白) are as printed."""
    text = (
        "2024年3月5日　星期二" + " " * 45 + "要闻" + " " * 57 + "第2版\n"
        "打打好好防防沙沙治治沙沙攻攻坚坚战战\n"
        "——一位老支书的三十年坚守\n"
        "\n"
        "本报通辽3月4日电（记者 李红）\n"
        "这条公路全长六十八公里，串起了\n"
        "沿线十二个嘎查村和三个旅游景区。\n"
        "政务服务大厅推行“一窗受理、集\n"
        "成服务”，群众办事只需跑一次。\n"
    )
    (story,) = parse_page(text, "p2.txt").articles
    assert (story.headline, story.subtitle) == ("打好防沙治沙攻坚战", "——一位老支书的三十年坚守")
    assert story.paragraphs == (
        "这条公路全长六十八公里，串起了沿线十二个嘎查村和三个旅游景区。"
        "政务服务大厅推行“一窗受理、集成服务”，群众办事只需跑一次。",
    )
    assert tidy_extraction("明明白白") == "明明白白"


@pytest.mark.parametrize(
    "items",
    [
        # The page number broken after 第 (a box too narrow for the item and its page).
        "社区食堂端出“幸福味道”  第\n4版\n冰雪旅游带火北疆小城  第3版\n全区粮食产量再创历史新高  第\n2版",
        # The title wrapped, its last characters and the page number on the next line.
        "社区食堂端出“幸福味道”\n第4版\n全区粮食产量再创历史新\n高  第2版\n稀土新材料产业链加速延\n伸  第2版",
    ],
)
def test_index_items_wrapped_in_a_narrow_box_are_furniture(items: str) -> None:
    """An index box narrower than its items wraps them: every piece is the box's, none read as
    a headline over the story printed after the box."""
    text = f"""2024年3月5日　星期二
要闻
第2版
今日导读
{items}
数字政务让群众少跑腿
本报包头3月1日电（记者 高
原）光伏板整齐排列在沙地上，
板下种植的牧草既能固沙，又能
喂养牛羊。
"""
    page = parse_page(text, "p2.txt")
    (story,) = page.articles
    assert (story.kicker, story.headline, story.subtitle) == (None, "数字政务让群众少跑腿", None)
    index = "".join(f.text for f in page.furniture if f.kind is FurnitureKind.INDEX)
    assert index.replace(" ", "") == "今日导读" + items.replace("\n", "").replace(" ", "")


def test_a_subhead_as_short_as_an_indent_over_a_squeezed_indented_line() -> None:
    """A subhead two characters short of the column looks like a paragraph's indented first
    line; the paragraph's own indented first line under it (its quote and comma set half wide,
    so it looks full) tells it is not: a paragraph's first line goes on in full lines."""
    text = """2024年3月5日　星期二
要闻
第2版
一条公路带富一方百姓
本报包头3月1日电治沙工人
们顶着风沙扎设草方格，一棵棵
梭梭、沙柳在沙丘上扎下了根。
稀土企业加大研发投入，一
批高性能永磁材料实现了规模化
生产。光伏板整齐排列在沙地上，
板下种植的牧草既能固沙，又能
喂养牛羊。
保障——应急队伍随时待命
“以前一下雨院子里就积水，
现在出门再也不用踩泥了。”居
民李师傅说。前十个月，口岸进
出口货运量达到一千八百万吨，
同比增长百分之二十二点五。
"""
    (story,) = parse_page(text, "p2.txt").articles
    assert story.subheads == ("保障——应急队伍随时待命",)
    assert [p[:6] for p in story.paragraphs] == ["治沙工人们顶", "稀土企业加大", "保障——应急", "“以前一下雨"]


def test_a_paragraph_ending_on_a_full_line_before_a_squeezed_indented_line() -> None:
    """A paragraph whose last line is full ends there when the next line is an indented first
    line whose comma is set half wide (so it looks full): two paragraphs, not one."""
    text = """2024年3月5日　星期二
要闻
第2版
黄河流域生态保护治理扎实推进
本报锡林浩特3月4日电
（记者 郑凯）风电场里，一
排排白色风机迎风转动，源源
不断地将绿色电能送入电网。
春耕时节，田野里一派繁
忙景象，大型播种机来回穿梭，
农民们抢抓农时忙生产。社区
食堂每天中午供应两荤两素一
汤，老年人就餐还能享受优惠。
商家纷纷推出适老化产品，
智能手环、助行器等商品销量
明显增长。社区工作人员逐户
征求居民意见，把群众最关心
的问题列入改造清单。
"""
    (story,) = parse_page(text, "p2.txt").articles
    assert [p[:6] for p in story.paragraphs] == ["风电场里，一", "春耕时节，田", "商家纷纷推出"]


def test_an_ad_wrapped_in_a_narrow_box_keeps_its_phone_label() -> None:
    """An ad's box narrower than its line wraps it: the label of the phone number (热线：) on a
    line of its own, no space in it, is still the ad's, not a head line of the story above."""
    text = """2024年3月5日　星期二
要闻
第2版
社区食堂端出“幸福味道”
本报北京3月1日电通过“空
中课堂”，偏远牧区的孩子们
也能和城里学生同上一堂
课。
广告
草原鲜奶 每日
直送 家庭订奶
热线：
400-812-3456
"""
    page = parse_page(text, "p2.txt")
    (story,) = page.articles
    assert (story.headline, story.subtitle) == ("社区食堂端出“幸福味道”", None)
    ads = [f.text for f in page.furniture if f.kind is FurnitureKind.AD]
    assert ads == ["广告", "草原鲜奶 每日", "直送 家庭订奶", "热线：", "400-812-3456"]


def test_an_ad_s_phone_number_with_its_area_code_set_solid_is_the_ad_s() -> None:
    """A local number after its area code (0471-6612345) under its label, the ad's phrases
    wrapped in a narrow box (PyMuPDF): the label and the number are the ad's, never the kicker
    and headline of the story under the box."""
    text = """2024年3月5日　星期二
要闻
第2版
广告
北疆牌羊绒衫 冬季新
品上市 全场八折 订
购电话：
0471-6612345
全区粮食产量再创历史新高
本报兴安盟3月3日电生态环境
部门建立了跨区域联防联控机制，
实现了监测数据实时共享。
"""
    page = parse_page(text, "p2.txt")
    (story,) = page.articles
    assert (story.kicker, story.headline) == (None, "全区粮食产量再创历史新高")
    ads = [f.text for f in page.furniture if f.kind is FurnitureKind.AD]
    assert ads[-2:] == ["购电话：", "0471-6612345"]


def test_a_series_label_over_two_stories_is_their_kicker_not_a_headline() -> None:
    """Two head lines with no dash, the upper as long as a headline: headline and subtitle, or
    kicker and headline, which only type size tells. But the upper is the kicker of another story
    of the page (a series' label: 学习贯彻全会精神), or stands over two stories so: a kicker."""
    text = """2024年3月5日　星期二
要闻
第2版
学习贯彻全会精神
科技特派员扎根田间地头
本报记者 李红　陈静
本报包头3月2日电据了解，今
年全市新增供热面积一百二十万平
方米，惠及居民一万八千余户。
学习贯彻全会精神
一条公路带富一方百姓
——一位老支书的三十年坚守
本报阿拉善3月3日电热力公司
设立了二十四小时服务热线，群众
反映的问题做到当天受理。
"""
    page = parse_page(text, "p2.txt")
    heads = [(a.kicker, a.headline, a.subtitle) for a in page.articles]
    assert heads == [
        ("学习贯彻全会精神", "科技特派员扎根田间地头", None),
        ("学习贯彻全会精神", "一条公路带富一方百姓", "——一位老支书的三十年坚守"),
    ]
    assert not [w for w in page.warnings if "(引题)" in w.message]
    # Over one story only, the two lines stay in doubt.
    alone = parse_page(text.split("学习贯彻全会精神\n一条公路")[0], "p2.txt")
    assert [w for w in alone.warnings if "(引题)" in w.message]


HEAD = "2024年3月5日　星期二\n要闻\n第2版\n"  # the running head an extractor keeps


def test_of_two_head_lines_the_one_struck_twice_is_the_headline() -> None:
    """A bold faked by striking twice comes out of PyMuPDF printed twice: of two head lines, the
    one printed twice is set bold, the headline; the other is its kicker (over it) or subtitle."""
    body = "新华社阿拉善3月4日电当地推\n出了冰雪节、那达慕等特色活动，\n带动了餐饮、住宿等行业的发展。\n"
    kicker = HEAD + "开局之年看新气象\n牧民合作社闯出增收新路\n牧民合作社闯出增收新路\n" + body
    page = parse_page(kicker, "p2.txt")
    (story,) = page.articles
    assert (story.kicker, story.headline, story.subtitle) == (
        "开局之年看新气象",
        "牧民合作社闯出增收新路",
        None,
    )
    assert not [w for w in page.warnings if "(引题)" in w.message]
    subtitle = HEAD + "牧民合作社闯出增收新路\n牧民合作社闯出增收新路\n开局之年看新气象\n" + body
    (story,) = parse_page(subtitle, "p2.txt").articles
    assert (story.kicker, story.headline, story.subtitle) == (
        None,
        "牧民合作社闯出增收新路",
        "开局之年看新气象",
    )
    # Neither struck twice: only type size would tell, and the reading is doubted.
    once = parse_page(kicker.replace("牧民合作社闯出增收新路\n", "", 1), "p2.txt")
    assert [w for w in once.warnings if "(引题)" in w.message]


def test_a_subtitle_printed_on_its_headline_s_line_is_its_subtitle() -> None:
    """PDFium prints a subtitle set tight under a large headline on the headline's line, after a
    space: the dash after the space opens the subtitle, whatever the words; a dash inside a head
    line with no space before it stays part of it."""
    body = "本报赤峰3月2日电入冬以来，\n全市新建改建供热管网一百余\n公里，群众家中温暖如春。\n"
    page = parse_page(HEAD + "山村小学迎来新操场 ——一位乡村教师的十年坚守\n" + body, "p2.txt")
    (story,) = page.articles
    assert (story.kicker, story.headline, story.subtitle) == (
        None,
        "山村小学迎来新操场",
        "——一位乡村教师的十年坚守",
    )
    assert story.paragraphs[0].startswith("入冬以来")
    (solid,) = parse_page(HEAD + "从“看天吃饭”到“知天而作”——智慧农业见闻\n" + body, "p2.txt").articles
    assert solid.headline == "从“看天吃饭”到“知天而作”——智慧农业见闻"


def test_heads_of_stories_side_by_side_on_one_line_keep_their_dash() -> None:
    """A run of four head lines is two stories' heads printed side by side (pdfplumber prints
    them so, one story's headline and the other's subtitle on one line): the dash after a space
    is not taken for one story's subtitle there, and the run stays doubted as a whole."""
    body = "本报赤峰3月2日电入冬以来，\n全市新建改建供热管网一百余\n公里，群众家中温暖如春。\n"
    heads = "山村小学迎来新操场 湖畔湿地重现候鸟翩飞\n乡村振兴新气象 ——一位乡村教师的十年坚守\n"
    page = parse_page(HEAD + "绿色发展看基层\n" + heads + "牧区冬季见闻\n" + body, "p2.txt")
    assert not [a for a in page.articles if (a.subtitle or "").startswith("——")]
    assert [w for w in page.warnings if "lines stand together as headline tiers" in w.message]


def test_of_two_head_lines_the_letter_spaced_one_is_the_headline() -> None:
    """PDFium prints a headline set with tracking a character at a time (``守 护 绿 水 青 山``): a
    paper spreads a short headline so, and its kicker or subtitle set solid is read over or
    under it, however long either line is."""
    body = "本报通辽3月1日电今年以来，\n全旗新增造林面积十二万亩，\n林草覆盖率稳步提高。\n"
    page = parse_page(HEAD + "守 护 绿 水 青 山\n沙区群众走上生态致富路子\n" + body, "p2.txt")
    (story,) = page.articles
    assert (story.kicker, story.headline, story.subtitle) == (
        None,
        "守护绿水青山",
        "沙区群众走上生态致富路子",
    )
    assert not [w for w in page.warnings if "(引题)" in w.message]
    (under,) = parse_page(
        HEAD + "生态文明建设巡礼\n守 护 绿 水 青 山 建 设 美 丽 家 园\n" + body, "p2.txt"
    ).articles
    assert (under.kicker, under.headline, under.subtitle) == (
        "生态文明建设巡礼",
        "守护绿水青山建设美丽家园",
        None,
    )
    # Spaces around figures are the extractor's, not letter-spacing: a kicker stays a kicker.
    (figures,) = parse_page(HEAD + "第 3 届草原文化节\n沙区群众走上生态致富路子\n" + body, "p2.txt").articles
    assert (figures.kicker, figures.headline) == ("第3届草原文化节", "沙区群众走上生态致富路子")


def test_a_paragraph_s_last_line_as_long_as_an_indent_over_the_next_story_s_heads() -> None:
    """A paragraph ending its sentence on a line as long as an indent, the next story's headline
    (as wide as a full line) under it: the paragraph's end, not an interleaved column's
    indented first line (which would run on into running text)."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
冬季供暖保障有力有序
本报包头3月2日电据悉，该
项目总投资五十六亿元，建
成后可年产各类产品二十
万吨。
“饭菜合口味，价钱也
不贵，我们老两口几乎天天
来吃。”七十八岁的赵大爷
说。下一步，当地将继续完
善配套设施，推动各项工作
取得新的更大成效。
稀土新材料产业链加速延伸
——来自基层一线的调查
新华社通辽3 月1 日电
（记者 吴敏）路通了，牧民
的牛羊和奶制品可以直接
卖到城里，收入一年比一年
高。
"""
    page = parse_page(text, "p2.txt")
    assert [a.headline for a in page.articles] == ["冬季供暖保障有力有序", "稀土新材料产业链加速延伸"]
    assert not [w for w in page.warnings if "interleaved" in w.message]


def test_a_line_opening_with_a_quote_after_a_full_stop_it_could_be_tucked_under() -> None:
    """A paragraph's short last line (溉。) and the next one's indented first line opening with a
    quote fill one column, as one line broken at a quote tucked under its full stop does: read
    as one line, and doubted."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
草原牧区迎来新一轮春耕备耕
本报呼和浩特3 月4 日
电经过多年治理，项目区植被
覆盖度由不足百分之十提
高到百分之四十以上。当地农技
人员深入田间地头，手把手
指导农户科学施肥、合理灌
溉。
“以前一下雨院子里就
积水，现在出门再也不用踩
泥了。”居民李师傅说。
"""
    page = parse_page(text, "p2.txt")
    assert [w.line for w in page.warnings if "opening with a quote" in w.message] == [12]


def test_a_bold_headline_drawn_twice_and_wrapped_is_one_tier() -> None:
    """A bold headline drawn twice, wrapped over two lines in a narrow column (PyMuPDF prints
    each line twice): both lines were drawn twice, in the headline's type, so they are one
    tier wrapped, not a headline over a subtitle."""
    text = """2024年3月5日　星期二
要闻
第2版
冬季供暖保障
冬季供暖保障
有力有序
有力有序
新华社满洲里3月1日电
（记者 杨帆）治沙工人们
顶着风沙扎设草方格，一
棵棵梭梭、沙柳在沙丘上
扎下了根。
"""
    (story,) = parse_page(text, "p2.txt").articles
    assert (story.kicker, story.headline, story.subtitle) == (None, "冬季供暖保障有力有序", None)


def test_a_chart_s_row_of_years_on_one_line_is_furniture() -> None:
    """PDFium prints a chart's axis labels on one line (2021 年 2022 年 2023 年): furniture, like a
    single year on a line of its own, never spoken."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
冬季供暖保障有力有序
本报包头3 月2 日电
据悉，该项目总投资五十
六亿元，建成后可年产各
类产品二十万吨。
图表：全市粮食产量
单位：万吨
2021 年 2022 年 2023 年
数据来源：市统计局
"""
    page = parse_page(text, "p2.txt")
    charts = [f.text for f in page.furniture if f.kind is FurnitureKind.CHART]
    assert charts == ["图表：全市粮食产量", "单位：万吨", "2021 年 2022 年 2023 年", "数据来源：市统计局"]
    assert [a.paragraphs for a in page.articles] == [
        ("据悉，该项目总投资五十六亿元，建成后可年产各类产品二十万吨。",)
    ]


def test_a_chart_s_word_labels_between_its_title_and_source_are_furniture() -> None:
    """A chart's axis labels need not be years: districts, quarters, 1—4月. Between the chart's
    title and its source line every short line with no mark is the chart's, never spoken, and the
    headline printed under the chart stays a headline (PyMuPDF prints no blank lines)."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
图表：各区新增市场主体
单位：户
城东区
城西区
高新技术开发区
数据来源：市市场监管局
老街区完成雨污分流改造
本报讯（记者 韩冰）历时
八个月，老街区雨污分流改
造日前完工，沿街商户告别
了雨天积水的烦恼。
"""
    page = parse_page(text, "p2.txt")
    charts = [f.text for f in page.furniture if f.kind is FurnitureKind.CHART]
    assert charts[2:5] == ["城东区", "城西区", "高新技术开发区"]
    [story] = page.articles
    assert (story.kicker, story.headline) == (None, "老街区完成雨污分流改造")


def test_a_headline_printed_between_a_chart_s_title_and_unit_is_no_label() -> None:
    """A chart prints its unit right under its title: a short headline an extractor printed
    between the two (pdfminer.six) is no label of the chart's, though the source line closes
    the labels under the unit."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
图表：各区新增市场主体
夜市越办越红火
单位：户
城东区
城西区
数据来源：市市场监管局
本报讯（记者 周岚）入夜
后，滨江夜市灯火通明，摊
位前排起了长队。
"""
    page = parse_page(text, "p2.txt")
    charts = [f.text for f in page.furniture if f.kind is FurnitureKind.CHART]
    assert charts == ["图表：各区新增市场主体", "单位：户", "城东区", "城西区", "数据来源：市市场监管局"]
    [story] = page.articles
    assert story.headline == "夜市越办越红火"


def test_a_chart_s_figure_labels_after_its_title_are_furniture_a_kicker_after_them_is_not() -> None:
    """pdftotext prints each of a chart's labels as a block of its own and may print its source
    line far away. Labels holding a figure (1—4 月) that follow the chart's title are the chart's;
    a short kicker printed after them, over its headline, is no label and stays a kicker."""
    text = """2024 年3 月5 日 星期二

要闻

第2 版

图表：全市快递业务量
单位：万件

1—4 月

1—8 月

1—11 月

民生观察

老街区完成雨污分流改造

本报讯（记者 韩冰）历时
八个月，老街区雨污分流改
造日前完工，沿街商户告别
了雨天积水的烦恼。
"""
    page = parse_page(text, "p2.txt")
    charts = [f.text for f in page.furniture if f.kind is FurnitureKind.CHART]
    assert charts[2:] == ["1—4 月", "1—8 月", "1—11 月"]
    [story] = page.articles
    assert (story.kicker, story.headline) == ("民生观察", "老街区完成雨污分流改造")


def test_a_headline_ending_on_a_question_mark_over_a_dateline_heads_its_story() -> None:
    """A headline may end on ？ or ！ as a sentence does. Standing right over a dateline, with no
    other mark in it, it is the next story's headline, not the last paragraph of the story above
    (PyMuPDF prints no blank line between them); with a kicker over it and a ——subtitle under
    it, the three are one story's heads."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
老街区完成雨污分流改造
本报讯（记者 韩冰）历时
八个月，老街区雨污分流改
造日前完工，沿街商户告别
了雨天积水的烦恼！
夜市为何越办越红火？
本报讯（记者 周岚）入夜
后，滨江夜市灯火通明，摊
位前排起了长队。
记者观察：小店经济
旧货市场能否迎来新生？
——来自城北街道的调查
本报讯（记者 周岚）城北
旧货市场完成改造，商户陆
续回迁。
"""
    page = parse_page(text, "p2.txt")
    assert [(a.kicker, a.headline, a.subtitle) for a in page.articles] == [
        (None, "老街区完成雨污分流改造", None),
        (None, "夜市为何越办越红火？", None),
        ("记者观察：小店经济", "旧货市场能否迎来新生？", "——来自城北街道的调查"),
    ]
    assert page.articles[0].paragraphs == (
        "历时八个月，老街区雨污分流改造日前完工，沿街商户告别了雨天积水的烦恼！",
    )


def test_a_chart_s_figure_labels_right_over_its_source_line_are_furniture() -> None:
    """An extractor may print a chart's title in one place and its labels with the source line
    in another (pdfminer.six): labels holding a figure right over the source line are the
    chart's, and the paragraph broken off before them runs on into its rest after them."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
图表：全市快递业务量
老街区完成雨污分流改造
本报讯（记者 韩冰）历时八
个月，老街区雨污分流改造
日前完工，沿街商户告别了
1—4 月
1—8 月
数据来源：市邮政管理局
雨天积水的烦恼。
"""
    page = parse_page(text, "p2.txt")
    charts = [f.text for f in page.furniture if f.kind is FurnitureKind.CHART]
    assert charts == ["图表：全市快递业务量", "1—4 月", "1—8 月", "数据来源：市邮政管理局"]
    [story] = page.articles
    assert story.paragraphs == ("历时八个月，老街区雨污分流改造日前完工，沿街商户告别了雨天积水的烦恼。",)


def test_a_section_word_printed_beside_a_headline_heads_its_box() -> None:
    """PDFium joins what shares a baseline: a headline and the 简讯 over the box beside it come
    out on one line (边境口岸货运量创同期新高 简讯). The headline heads its story; the section
    word heads the briefs."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
学习贯彻全会精神
边境口岸货运量创同期新高 简讯
本报兴安盟 3 月 4 日电日前，旗图书馆举办“书香
润万家”读书分享会，六十余名读者参加活动并交流读书
心得。（刘洋）
本报满洲里 3 月 1 日电近期，县消防救援大队走进中
小学校，为师生讲解火灾逃生自救知识并开展疏散演练。
（陈静）
"""
    page = parse_page(text, "p2.txt")
    assert "边境口岸货运量创同期新高" in {a.headline for a in page.articles}
    briefs = [a for a in page.articles if a.section == "简讯"]
    assert [(b.dateline, b.byline) for b in briefs] == [
        ("本报兴安盟3月4日电", "刘洋"),
        ("本报满洲里3月1日电", "陈静"),
    ]


def test_the_first_piece_of_a_line_broken_at_a_tucked_quote_is_no_indented_line() -> None:
    """The piece before the break (七十八岁的赵大爷说。) is about as short as an indented first
    line: read with the rest broken off it (“饭菜), the printed line is full, and the paragraph
    goes on."""
    text = """2024 年3 月5 日　星期二
要闻
第2 版
冬季供暖保障有力有序
本报包头3 月2 日电
湿地公园里，芦苇随风摇
曳，成群的候鸟在水面上觅食
嬉戏。科技特派员常年驻村，
帮助农户解决生产中遇到的技
术难题。据悉，该项目总投资五
十六亿元，建成后可年产各类
产品二十万吨。
“饭菜合口味，价钱也不
贵，我们老两口几乎天天来吃。”
七十八岁的赵大爷说。
“饭菜
合口味，价钱也不贵，我们老
两口几乎天天来吃。”七十八
岁的赵大爷说。据悉，该项目
总投资五十六亿元，建成后可
年产各类产品二十万吨。
"""
    (story,) = parse_page(text, "p2.txt").articles
    assert [p[:6] for p in story.paragraphs] == ["湿地公园里，", "“饭菜合口味"]
    assert story.paragraphs[1].endswith(
        "七十八岁的赵大爷说。据悉，该项目总投资五十六亿元，建成后可年产各类产品二十万吨。"
    )


_HEAD_LINES = (
    "记者蹲点",
    "新春走基层",
    "开局之年看新气象",
    "打好防沙治沙攻坚战",
    "黄河流域生态保护治理扎实推进",
    "一季度主要经济指标稳中向好",
    "——一位老支书的三十年坚守",
)


@given(st.lists(st.sampled_from(_HEAD_LINES), min_size=1, max_size=5, unique=True))
def test_head_lines_shared_or_not_are_each_read_once(heads: list[str]) -> None:
    """A run of head lines over a story, then a story with no heads of its own: whether the
    lines are one story's tiers or two stories' taken in turn, none is lost or read twice, and
    the first story keeps a headline."""
    from audio_edition.text.articles import read_articles
    from audio_edition.text.layout import Segment, SegmentKind

    segments = [
        Segment(SegmentKind.BLOCK, "\n".join(heads), line=1),
        Segment(SegmentKind.PARAGRAPH, "本报包头3月2日电据悉，该项目总投资五十六亿元。", line=2),
        Segment(SegmentKind.PARAGRAPH, "本报北京3月2日电春耕时节，田野里一派繁忙景象。", line=3),
    ]
    first, second = read_articles(segments, HeadlinePosition.BEFORE, doubts=()).articles
    assert first.headline
    read = "".join(t for a in (first, second) for t in (a.kicker, a.headline, a.subtitle) if t)
    assert sorted(read) == sorted("".join(heads))


_RUNNING_HEAD = "2024 年 3 月 5 日\n\n星期二\n\n要闻\n\n第2版\n\n"


def test_running_text_broken_off_at_a_block_break_is_text_and_its_rest_joins_it() -> None:
    """pdftotext ends a block in mid-sentence (…前来) and prints the next story's kicker alone
    before the paragraph's rest (体验。…): the lines before the break have a sentence ended inside
    them, so they are running text, not heads; the kicker is not read into the paragraph."""
    text = _RUNNING_HEAD + (
        "数字政务让群众少跑腿\n本报鄂尔多斯 3 月 1 日\n电热力公司设立了二十四\n小时服务热线，群众反映的\n"
        "问题做到当天受理、限时办\n结。\n文旅部门统计显示，元\n旦假期全市共接待游客四\n"
        "十六万人次，旅游收入三点\n二亿元。进入冬季，冰雪乐\n园、滑雪场相继开门迎客，\n"
        "吸引了大批外地游客前来\n\n学习贯彻全会精神\n\n体验。园区内，新建的生产\n"
        "线正在紧张调试，预计明年\n上半年即可投产达效。\n"
    )
    story = parse_page(text, "p2.txt").articles[0]
    assert story.headline == "数字政务让群众少跑腿"
    assert story.paragraphs[1] == (
        "文旅部门统计显示，元旦假期全市共接待游客四十六万人次，旅游收入三点二亿元。进入冬季，"
        "冰雪乐园、滑雪场相继开门迎客，吸引了大批外地游客前来体验。园区内，新建的生产线正在"
        "紧张调试，预计明年上半年即可投产达效。"
    )


def test_a_headline_alone_between_a_paragraph_and_its_rest_is_not_read_into_it() -> None:
    """A paragraph broken off mid-sentence (…平方), another story's headline alone in its block,
    then the paragraph's rest (米，… / 户。): the headline as wide as the column stays a head,
    and the rest, running text closing on a short last line, is joined to the paragraph."""
    text = _RUNNING_HEAD + (
        "稀土新材料产业链加速延伸\n本报呼和浩特 3 月 2\n日电（记者 郑凯 周涛）科\n技特派员常年驻村，帮助\n"
        "农户解决生产中遇到的技\n术难题。进入冬季，冰雪乐\n园、滑雪场相继开门迎客，\n吸引了大批外地游客前来\n"
        "体验。据了解，今年全市新增\n供热面积一百二十万平方\n\n乡村学校用上“空中课堂”\n单位：万吨\n\n"
        "数据来源：市统计局\n\n米，惠及居民一万八千余\n户。\n"
    )
    first, *rest = parse_page(text, "p2.txt").articles
    assert first.paragraphs[-1].endswith("今年全市新增供热面积一百二十万平方米，惠及居民一万八千余户。")
    assert "乡村学校" not in "".join(first.paragraphs)
    assert [a.headline for a in rest] == ["乡村学校用上“空中课堂”"]


def test_a_headline_after_a_box_of_briefs_ends_the_box() -> None:
    """Briefs are one paragraph each and have no subheads: a head block after the last brief is
    the next story's headline, even with no dateline under it (pdfminer.six, a blank line
    between its boxes), not a subhead of the brief."""
    text = _RUNNING_HEAD + (
        "简讯\n\n连日来，区市场监管局对辖区农贸市场开展专项检\n\n查，重点检查食品经营主体的进货台账。（孙丽）\n\n"
        "连日来，苏木卫生院组织医护人员入户开展健康体\n\n检，为老人建立电子健康档案。（陈静）\n\n"
        "全区粮食产量再创历史新高\n\n今年全区粮食总产量达\n到七百九十一亿斤，连续多\n"
        "年稳定在七百亿斤以上。据\n悉，该项目总投资五十六亿\n元。\n"
    )
    first, second, story = parse_page(text, "p2.txt").articles
    assert (first.byline, second.byline) == ("孙丽", "陈静")
    assert second.paragraphs == ("连日来，苏木卫生院组织医护人员入户开展健康体检，为老人建立电子健康档案。",)
    assert story.headline == "全区粮食产量再创历史新高"
    assert story.paragraphs == (
        "今年全区粮食总产量达到七百九十一亿斤，连续多年稳定在七百亿斤以上。据悉，该项目总投资五十六亿元。",
    )


def test_a_byline_name_printed_apart_further_down_joins_the_byline_not_the_text() -> None:
    """pdftotext prints a byline's second name as a block of its own below the story's first
    column (本报记者 赵磊 … 刘洋): it joins the byline, and the paragraph it stands in (ended at a
    column's foot, going on full in the next) reads on across it."""
    text = _RUNNING_HEAD + (
        "三年行动计划全面收官\n本报记者 赵磊\n\n稀土企业加大研发投\n入，一批高性能永磁材料实\n"
        "现了规模化生产。在他们的\n指导下，村里建起了温室大\n棚，种上了反季节蔬菜。\n"
        "经过多年治理，项目区\n植被覆盖度由不足百分之\n十提高到百分之四十以上。\n\n刘洋\n\n"
        "通过“空中课堂”，偏远牧\n区的孩子们也能和城里学\n生同上一堂课。改造后的小\n区铺设了新路面，加装了电\n"
        "梯，还建起了休闲广场和充\n电车棚。\n"
    )
    (story,) = parse_page(text, "p2.txt").articles
    assert story.byline == "本报记者 赵磊 刘洋"
    assert story.paragraphs[1] == (
        "经过多年治理，项目区植被覆盖度由不足百分之十提高到百分之四十以上。通过“空中课堂”，"
        "偏远牧区的孩子们也能和城里学生同上一堂课。改造后的小区铺设了新路面，加装了电梯，还建起了"
        "休闲广场和充电车棚。"
    )


def test_a_paragraphs_rest_printed_past_another_story_joins_it_with_a_warning() -> None:
    """pdfminer.six prints its boxes out of order: a paragraph broken off (…据了) and its rest
    (解，…) printed after another story. The rest joins the paragraph it finishes, and both
    places are warned, since a join over other text may be wrong."""
    text = _RUNNING_HEAD + (
        "边境口岸货运量创同期新高\n\n本报满洲里 3 月 3 日\n\n电（记者 吴敏 杨帆）商家\n纷纷推出适老化产品，智能\n"
        "手环、助行器等商品销量明\n显增长。据了\n\n一条公路带富一方百姓\n\n本报通辽 3 月 1 日电\n"
        "（记者 郑凯）改造后的小区\n铺设了新路面，加装了电\n梯，还建起了休闲广场和\n充电车棚。\n\n"
        "解，今年全市新增供热面积\n一百二十万平方米，惠及居\n民一万八千余户。\n"
    )
    reading = parse_page(text, "p2.txt")
    first, second = reading.articles
    assert first.paragraphs == (
        "商家纷纷推出适老化产品，智能手环、助行器等商品销量明显增长。据了解，今年全市新增供热面积"
        "一百二十万平方米，惠及居民一万八千余户。",
    )
    assert second.paragraphs == ("改造后的小区铺设了新路面，加装了电梯，还建起了休闲广场和充电车棚。",)
    assert [w.line for w in reading.warnings] == [16, 26]


def test_a_paragraph_opening_on_a_short_line_is_not_taken_as_a_rest_past_other_text() -> None:
    """A first line a character and a half short of the next is an indented first line, though
    the column's width as estimated makes it look full: it is not joined to a paragraph broken
    off further back."""
    text = _RUNNING_HEAD + (
        "边境口岸货运量创同期新高\n\n本报满洲里 3 月 3 日\n\n电（记者 吴敏 杨帆）商家\n纷纷推出适老化产品，智能\n"
        "手环、助行器等商品销量明\n显增长。据了\n\n一条公路带富一方百姓\n\n本报通辽 3 月 1 日电\n"
        "（记者 郑凯）改造后的小区\n铺设了新路面，加装了电\n梯，还建起了休闲广场和\n充电车棚。\n\n"
        "“以前一下雨院子里就\n积水，现在出门再也不用\n踩泥了。”居民李师傅说。\n"
    )
    first, second = parse_page(text, "p2.txt").articles
    assert first.paragraphs[-1].endswith("据了")
    assert second.paragraphs[-1] == "“以前一下雨院子里就积水，现在出门再也不用踩泥了。”居民李师傅说。"


def test_a_page_opening_on_a_paragraphs_rest_is_read_by_what_follows_it() -> None:
    """A page opening on the rest of a paragraph continued from elsewhere (no dateline, no
    indent) and closing on a section word pdfminer.six printed last: the rest tells neither
    convention, so the heads over the next story still read as its headline."""
    text = (
        "2024 年 3 月 5 日　星期二\n\n经济\n\n第 2 版\n\n备制造、运维服务等上下游\n产业在当地集聚发展。\n\n"
        "边境口岸货运量创同期新高\n\n本报满洲里 3 月 2 日电\n路通了，牧民的牛羊和奶\n制品可以直接卖到城里，收\n"
        "入一年比一年高。\n\n简讯\n"
    )
    rest, story = parse_page(text, "p2.txt").articles
    assert (rest.headline, rest.paragraphs) == (None, ("备制造、运维服务等上下游产业在当地集聚发展。",))
    assert story.headline == "边境口岸货运量创同期新高"
    assert story.paragraphs == ("路通了，牧民的牛羊和奶制品可以直接卖到城里，收入一年比一年高。",)


def test_index_items_with_their_page_below_them_are_furniture_away_from_their_title() -> None:
    """pdftotext prints an index box's items into a story's column, far from the box's title
    (今日导读), each with its page number on the line below (第2版, or 第 3 / 版): they are index
    furniture, and the paragraph they interrupt reads on across them."""
    text = _RUNNING_HEAD + (
        "全区粮食产量再创历史新高\n本报兴安盟 3 月 2 日电\n新能源项目建设带动了装\n备制造、运维服务等上下游\n"
        "产业在当地集聚发展。\n治沙工人们顶着风沙\n扎设草方格，一棵棵梭梭、\n沙柳在沙丘上扎下了根。有\n\n"
        "稀土新材料产业链加速延伸\n第2版\n冰雪旅游带火北疆小城 第 3\n版\n\n关部门表示，将进一步加强\n"
        "监督检查，确保各项惠民政\n策落到实处。\n"
    )
    reading = parse_page(text, "p2.txt")
    (story,) = reading.articles
    assert story.paragraphs[-1] == (
        "治沙工人们顶着风沙扎设草方格，一棵棵梭梭、沙柳在沙丘上扎下了根。有关部门表示，将进一步"
        "加强监督检查，确保各项惠民政策落到实处。"
    )
    index = [f.text for f in reading.furniture if f.kind is FurnitureKind.INDEX]
    assert index[0] == "稀土新材料产业链加速延伸"
    assert "冰雪旅游带火北疆小城 第 3" in index


def test_a_column_going_on_under_a_box_of_wider_briefs_is_no_brief() -> None:
    """pdftotext prints a box of briefs set across columns between a paragraph broken off and its
    rest at the column's measure (转化为…): the rest is no brief of the box, and joins its
    paragraph."""
    text = _RUNNING_HEAD + (
        "黄河流域生态保护治理扎实推进\n本报北京 3 月 2 日电\n光伏板整齐排列在沙地上，\n板下种植的牧草既能固沙，\n"
        "又能喂养牛羊。学校负责人\n介绍，目前已有一百四十多\n所农村牧区学校接入了远\n程教学平台。\n老师们利用课余时间\n"
        "集体备课，把优质教学资源\n\n简讯\n本报阿拉善 3 月 1 日电连日来，区市场监管局对辖区\n"
        "农贸市场开展专项检查，重点检查食品经营主体的进货\n台账。\n本报锡林浩特 3 月 3 日电连日来，苏木卫生院组织医\n"
        "护人员入户开展健康体检，为老人建立电子健康档案。\n本报包头 3 月 3 日电近期，县消防救援大队走进中\n"
        "小学校，为师生讲解火灾逃生自救知识并开展疏散演练。\n（赵磊）\n\n转化为适合本校学生的课\n"
        "程。下一步，当地将继续完\n善配套设施，推动各项工作\n取得新的更大成效。\n"
    )
    story, *briefs = parse_page(text, "p2.txt").articles
    assert story.paragraphs[-1] == (
        "老师们利用课余时间集体备课，把优质教学资源转化为适合本校学生的课程。下一步，当地将继续完善"
        "配套设施，推动各项工作取得新的更大成效。"
    )
    assert [b.paragraphs[0][:4] for b in briefs] == ["连日来，", "连日来，", "近期，县"]


def test_a_paragraphs_rest_read_past_a_storys_heads_is_warned() -> None:
    """A paragraph broken off (…加) and, after another story's headline, text opening
    mid-sentence: read as the paragraph's rest, as the nearest, but the rest may as well be the
    headline's story's own: both places are warned."""
    text = _RUNNING_HEAD + (
        "数字政务让群众少跑腿\n本报包头 3 月 2 日电\n合作社负责人告诉记者，通\n过订单种植，社员每亩地可\n"
        "增收三百多元。改造后的小\n区铺设了新路面，加\n\n文化惠民演出走进百个嘎查\n\n社区工作人员逐户征求居\n"
        "民意见，把群众最关心的\n问题列入改造清单。\n\n本报二连浩特 3 月 1 日电\n当地推出了冰雪节、那\n"
        "达慕等特色活动，带动了餐\n饮、住宿等行业的发展。\n"
    )
    reading = parse_page(text, "p2.txt")
    first, second = reading.articles
    assert first.paragraphs[0].endswith("加社区工作人员逐户征求居民意见，把群众最关心的问题列入改造清单。")
    assert second.headline == "文化惠民演出走进百个嘎查"
    assert [w.line for w in reading.warnings] == [14, 18]


def test_a_sentence_opened_on_a_columns_last_line_runs_on_into_the_next_column() -> None:
    """pdftotext prints a column's last line (新能源项目建设带动了装), a full line opening a
    sentence, in one block with the paragraph's full line over it, and the next column on after a
    blank, opening mid-sentence: the line is no head line standing alone but the paragraph's, and
    the paragraph reads on across the column break."""
    text = _RUNNING_HEAD + (
        "边境口岸货运量创同期新高\n（上接第 1 版）\n路通了，牧民的牛羊和\n奶制品可以直接卖到城里，\n"
        "收入一年比一年高。\n进入冬季，冰雪乐园、\n滑雪场相继开门迎客，吸引\n了大批外地游客前来体验。\n"
        "新能源项目建设带动了装\n\n备制造、运维服务等上下游\n产业在当地集聚发展。\n"
    )
    (story,) = parse_page(text, "p2.txt").articles
    assert story.paragraphs[-1] == (
        "进入冬季，冰雪乐园、滑雪场相继开门迎客，吸引了大批外地游客前来体验。新能源项目建设带动了装"
        "备制造、运维服务等上下游产业在当地集聚发展。"
    )


def test_an_ads_slogan_printed_over_its_title_is_furniture() -> None:
    """pdfminer.six prints a public-service ad's slogan (phrases set apart by spaces), then its
    公益广告 under it, each a box of its own: both are the ad's, never spoken. A byline or a
    chart's year over the title is not an ad's line."""
    story = "本报包头 3 月 4 日电风\n电场里，一排排白色风机迎\n风转动，源源不断地将绿色\n电能送入电网。\n\n"
    after = (
        "冰雪旅游带火北疆小城\n\n进入冬季，冰雪乐\n园、滑雪场相继开门迎客，\n吸引了大批外地游客前来\n体验。\n"
    )
    text = _RUNNING_HEAD + story + "节约用水 从我做起 共建美丽家园\n\n公益广告\n\n" + after
    page = parse_page(text, "p2.txt")
    ads = [f.text for f in page.furniture if f.kind is FurnitureKind.AD]
    assert ads == ["节约用水 从我做起 共建美丽家园", "公益广告"]
    assert not any("节约用水" in (a.headline or "") + "".join(a.paragraphs) for a in page.articles)
    for line in ("本报记者 张晓明", "2022 年"):
        page = parse_page(_RUNNING_HEAD + story + f"{line}\n\n广告\n\n" + after, "p2.txt")
        assert line not in [f.text for f in page.furniture if f.kind is FurnitureKind.AD]


def test_an_ads_slogan_printed_away_from_its_title_is_furniture() -> None:
    """pdftotext prints a public-service ad's 公益广告 where its box starts, inside the column
    beside it, and its slogan further on, a block of its own: on a page with an ad, a line alone
    of three phrases set apart by spaces is the ad's, never spoken."""
    story = "本报包头 3 月 4 日电风\n电场里，一排排白色风机迎\n\n公益广告\n\n风转动，源源不断地将绿色\n电能送入电网。\n\n"
    after = "社区食堂端出“幸福味道”\n本报乌海 3 月 2 日电一\n辆辆满载煤炭、木材和农产\n品的货车有序通过查验通\n道，驶向全国各地。\n"
    page = parse_page(_RUNNING_HEAD + story + "节约用水 从我做起 共建美丽家园\n\n" + after, "p2.txt")
    ads = [f.text for f in page.furniture if f.kind is FurnitureKind.AD]
    assert ads == ["公益广告", "节约用水 从我做起 共建美丽家园"]
    assert not any("节约用水" in (a.headline or "") + "".join(a.paragraphs) for a in page.articles)
    # With no ad on the page, such a line is left to the reading.
    page = parse_page(
        _RUNNING_HEAD + story.replace("公益广告\n\n", "") + "节约用水 从我做起 共建美丽家园\n\n" + after,
        "p2.txt",
    )
    assert not [f for f in page.furniture if f.kind is FurnitureKind.AD]


def test_an_ads_slogan_struck_twice_away_from_its_title_is_furniture() -> None:
    """pdfminer.six prints a slogan set in bold by striking it twice as the line printed twice
    running, in a block of its own away from its 公益广告: the pair is the ad's, never spoken (as
    the line alone would be)."""
    story = "本报包头 3 月 4 日电风\n电场里，一排排白色风机迎\n风转动，源源不断地将绿色\n电能送入电网。\n\n"
    after = "社区食堂端出“幸福味道”\n本报乌海 3 月 2 日电一\n辆辆满载煤炭、木材和农产\n品的货车有序通过查验通\n道，驶向全国各地。\n"
    slogan = "爱护环境 人人有责 共建绿色家园"
    page = parse_page(_RUNNING_HEAD + story + "公益广告\n\n" + after + f"\n{slogan}\n{slogan}\n", "p2.txt")
    assert [f.text for f in page.furniture if f.kind is FurnitureKind.AD] == ["公益广告", slogan]
    assert not any("爱护环境" in (a.headline or "") + "".join(a.paragraphs) for a in page.articles)


def test_an_index_title_printed_at_the_end_of_a_headline_is_furniture() -> None:
    """PDFium prints the 今日导读 box's title on the line of the headline beside it: the title is
    the index's, the headline is read without it, the items under it are the index's too."""
    text = (
        "2024 年 3 月 5 日　星期二 要闻 第 2 版\n新春走基层\n乡村学校用上“空中课堂” 今日导读\n"
        "社区食堂端出“幸福味道” \n第 4 版\n新华社阿拉善 3 月 2\n日电（记者 王建国）通\n"
        "过“空中课堂”，偏远牧区\n的孩子们也能和城里学生\n同上一堂课。\n"
    )
    page = parse_page(text, "p2.txt")
    index = [f.text for f in page.furniture if f.kind is FurnitureKind.INDEX]
    assert index[0] == "今日导读"
    assert "乡村学校用上“空中课堂”" in [a.headline for a in page.articles]
    assert not any("导读" in (a.headline or "") + "".join(a.paragraphs) for a in page.articles)


def test_a_paragraphs_rest_printed_after_a_box_is_not_read_as_a_headline() -> None:
    """pdftotext prints a box of briefs between a paragraph's lines at a column's foot and its
    rest: ``门再也不用踩泥了。”居民`` / ``李师傅说。`` is short as a head line and its remainder,
    but a full stop inside the line with text after it is running text: the paragraph's rest."""
    text = """2024 年 3 月 5 日
星期二
要闻
第2版

稀土新材料产业链加速延伸
新华社包头 3 月 4 日
电（记者 陈静）沿黄各旗县
区持续开展河道清理和岸
线整治，水质稳定保持在三
类以上。“以前一
下雨院子里就积水，现在出

简讯
近日，旗气象局发布寒潮蓝色预警，提醒群众注意防
寒保暖，合理安排出行。（张晓明）
日前，全盟首届农牧民技能大赛落下帷幕，八十名选
手在农机操作等项目中一展身手。

门再也不用踩泥了。”居民
李师傅说。
今年全旗计划种植玉
米、大豆等作物八十万亩，
良种覆盖率达到百分之九
十八以上。
"""
    page = parse_page(text, "p2.txt")
    story = page.articles[0]
    assert story.headline == "稀土新材料产业链加速延伸"
    assert story.paragraphs[0] == (
        "沿黄各旗县区持续开展河道清理和岸线整治，水质稳定保持在三类以上。"
        "“以前一下雨院子里就积水，现在出门再也不用踩泥了。”居民李师傅说。"
    )
    assert not any(a.headline and "。" in a.headline for a in page.articles)


def test_briefs_closing_on_bylines_with_their_section_word_elsewhere_are_one_paragraph_each() -> None:
    """A box of briefs in a column under a story, its 简讯 printed elsewhere: a brief is
    one paragraph, so a headline-less item closing on its byline ends there, and the next brief
    (no dateline) is an item of its own, not the first one's second paragraph."""
    text = """2024 年 3 月 5 日
星期二
要闻
第2版

全区粮食产量再创历史新高
本报二连浩特 3 月 3
日电学校负责人介绍，目前
已有一百四十多所农村牧
区学校接入了远程教学平
台。

本报通辽 3 月 2 日电
近日，市公安局交警支队
开展冬季道路交通安全宣
传活动，向过往司机发放
宣传资料三千余份。（赵
磊）
连日来，区市场监管
局对辖区农贸市场开展专
项检查，重点检查食品经
营主体的进货台账。（刘洋）
"""
    page = parse_page(text, "p2.txt")
    briefs = [a for a in page.articles if not a.headline]
    assert [(b.dateline, b.byline, b.paragraphs) for b in briefs] == [
        (
            "本报通辽3月2日电",
            "赵磊",
            ("近日，市公安局交警支队开展冬季道路交通安全宣传活动，向过往司机发放宣传资料三千余份。",),
        ),
        (None, "刘洋", ("连日来，区市场监管局对辖区农贸市场开展专项检查，重点检查食品经营主体的进货台账。",)),
    ]


def test_a_brief_after_a_story_under_its_own_byline_is_not_the_storys() -> None:
    """A box of briefs set wider than the column, printed after a story under its own byline
    (记者 王建国) with no 简讯 over it: a story has one byline, so a paragraph closing on
    another （周涛） is a brief, its byline its own, and so is each brief after it."""
    text = """2024 年 3 月 5 日
星期二
要闻
第3版

社区食堂端出“幸福味道”

本报呼和浩特 3 月 4 日电
（记者 王建国）“饭菜合
口味，价钱也不贵，我们老
两口几乎天天来吃。”七十
八岁的赵大爷说。
政务服务大厅推行“一
窗受理、集成服务”，群众
办事只需跑一次。

近期，县消防救援大队走进中小学校，为师生讲解火
灾逃生自救知识并开展疏散演练。（周涛）
近日，市人社局举办春风行动专场招聘会，一百二十
家企业提供就业岗位四千多个。（高原）
"""
    story, *briefs = parse_page(text, "p3.txt").articles
    assert story.headline == "社区食堂端出“幸福味道”" and story.byline == "记者 王建国"
    assert story.paragraphs[-1] == "政务服务大厅推行“一窗受理、集成服务”，群众办事只需跑一次。"
    assert [(b.byline, b.paragraphs) for b in briefs] == [
        ("周涛", ("近期，县消防救援大队走进中小学校，为师生讲解火灾逃生自救知识并开展疏散演练。",)),
        ("高原", ("近日，市人社局举办春风行动专场招聘会，一百二十家企业提供就业岗位四千多个。",)),
    ]


def test_text_after_a_storys_closing_byline_is_another_article_and_the_story_is_warned() -> None:
    """A story's last paragraph closes on its byline （郑凯）: text printed after it (no heads
    between) is read as another article, the byline the story's. Where that text opens
    mid-sentence (a full first line), it may be the story's own printed out of order (as
    pdfminer.six prints a story's blocks), and the story is warned at its byline."""
    text = """2024 年 3 月 5 日
星期二
要闻
第2版

科技特派员扎根田间地头

本报阿拉善 3 月 1 日电
下一步，当地将继续完善配
套设施，推动各项工作取得
新的更大成效。
园区内，新建的生产线
正在紧张调试，预计明年上
半年即可投产达效。（郑凯）
员常年驻村，帮助农户解决
生产中遇到的技术难题。当
地推出了冰雪节、那达慕等
特色活动。
"""
    page = parse_page(text, "p2.txt")
    story, after = page.articles
    assert story.byline == "郑凯"
    assert story.paragraphs[-1] == "园区内，新建的生产线正在紧张调试，预计明年上半年即可投产达效。"
    assert after.paragraphs[0].startswith("员常年驻村")
    byline_line = text.split("\n").index("半年即可投产达效。（郑凯）") + 1
    assert any(w.line == byline_line and "closing byline" in w.message for w in page.warnings)


def test_a_brief_opening_indented_in_a_box_set_wider_than_the_column_is_read_apart() -> None:
    """A box of briefs set across two columns, its briefs indented: the first ends its sentence
    on a full line of the box, so only the next one's indent (a line short of the box's lines
    that goes on) says a brief starts there. The box is measured by its own lines, not the
    page's column."""
    text = """2024 年 3 月 5 日
星期二
要闻
第2版

目前，全市已有八百多
个政务服务事项实现了网
上办、掌上办。风电场里，
一排排白色风机迎风转动，
源源不断地将绿色电能送
入电网。

简讯
本报二连浩特 3 月 2 日电近日，市人社局举办春风行
动专场招聘会，一百二十家企业提供就业岗位四千多个。
为丰富群众文化生活，街道近日组织开展了广场舞展
演活动，十二支队伍同台竞技。
"""
    briefs = [a for a in parse_page(text, "p2.txt").articles if a.section == "简讯"]
    assert [(b.dateline, b.paragraphs) for b in briefs] == [
        (
            "本报二连浩特3月2日电",
            ("近日，市人社局举办春风行动专场招聘会，一百二十家企业提供就业岗位四千多个。",),
        ),
        (None, ("为丰富群众文化生活，街道近日组织开展了广场舞展演活动，十二支队伍同台竞技。",)),
    ]


def test_a_section_word_printed_into_a_column_from_its_box_beside_is_read_past() -> None:
    """pdftotext prints a box's word (简讯) where it stands beside a column, between a
    paragraph's lines (…扎下了根。入 / 简讯 / 冬以来，全市…): the paragraph runs on past it, and
    the box is the text set wider that comes after the column."""
    text = """2024 年 3 月 5 日
星期二
要闻
第2版

冰雪旅游带火北疆小城
新华社兴安盟 3 月 2 日电
政务服务大厅推行“一窗受
理、集成服务”，群众办事只
需跑一次。
治沙工人们顶着风沙
扎设草方格，一棵棵梭梭、
沙柳在沙丘上扎下了根。入

简讯

冬以来，全市供热企业提前
完成管网检修和设备调试，
确保居民家中室温达标。

本报兴安盟 3 月 2 日电连日来，区市场监管局对辖
区农贸市场开展专项检查，重点检查食品经营主体的进
货台账。（张晓明）
"""
    page = parse_page(text, "p2.txt")
    story, brief = page.articles
    assert story.paragraphs[-1] == (
        "治沙工人们顶着风沙扎设草方格，一棵棵梭梭、沙柳在沙丘上扎下了根。"
        "入冬以来，全市供热企业提前完成管网检修和设备调试，确保居民家中室温达标。"
    )
    assert (brief.section, brief.byline) == ("简讯", "张晓明")
    assert brief.paragraphs == (
        "连日来，区市场监管局对辖区农贸市场开展专项检查，重点检查食品经营主体的进货台账。",
    )


def test_a_paragraphs_last_characters_after_a_section_word_from_beside_are_its_own() -> None:
    """The box's word printed between a paragraph's last full line and its last characters
    (…游客纷纷前 / 简讯 / 来。): the paragraph ends there; the box, set to the column's measure
    with its briefs indented, is the next block."""
    text = """2024 年 3 月 5 日
星期二
要闻
第2版

一条公路带富一方百姓
新华社鄂尔多斯 3 月 2 日电
风电场里，一排排白色
风机迎风转动，源源不断地
将绿色电能送入电网。当地
推出了冰雪节、那达慕等特
色活动，带动了餐饮、住宿
等行业的发展，游客纷纷前

简讯

来。
食堂由社区提供场地、
企业负责运营，做到了价格
实惠、干净卫生。

近日，旗气象局发布
寒潮蓝色预警，提醒群众
注意防寒保暖，合理安排
出行。
近期，县消防救援大
队走进中小学校，为师生
讲解火灾逃生自救知识并
开展疏散演练。（赵磊）
"""
    story, *briefs = parse_page(text, "p2.txt").articles
    assert story.paragraphs == (
        "风电场里，一排排白色风机迎风转动，源源不断地将绿色电能送入电网。"
        "当地推出了冰雪节、那达慕等特色活动，带动了餐饮、住宿等行业的发展，游客纷纷前来。",
        "食堂由社区提供场地、企业负责运营，做到了价格实惠、干净卫生。",
    )
    assert [(b.section, b.byline, b.paragraphs[0][:6]) for b in briefs] == [
        ("简讯", None, "近日，旗气象"),
        ("简讯", "赵磊", "近期，县消防"),
    ]


def test_a_section_word_under_a_paragraph_s_first_line_is_read_past_to_its_rest() -> None:
    """pdftotext may print a box's word (简讯) right under a paragraph's indented first line,
    which then stands alone like a head line; holding running text's marks (、) and its rest
    running on for lines after the word, it opens that paragraph. The box is the next block."""
    text = """2024 年 3 月 5 日
星期二
要闻
第2版

老街区完成雨污分流改造
本报讯（记者 韩冰）历时八
个月，老街区雨污分流改造
日前完工。
据介绍，改造中管线、

简讯

路面和绿化一并更新，沿街
商户从此告别了雨天积水的
烦恼。街道明年还将推进二
期工程。

近日，区图书馆推出夜读
服务，每周五开放至晚上十
时。（周岚）
"""
    story, brief = parse_page(text, "p2.txt").articles
    assert story.paragraphs[-1] == (
        "据介绍，改造中管线、路面和绿化一并更新，沿街商户从此告别了雨天积水的烦恼。街道明年还将推进二期工程。"
    )
    assert (brief.section, brief.byline) == ("简讯", "周岚")


def test_a_section_word_between_a_story_s_head_lines_leaves_them_one_story_s_heads() -> None:
    """pdftotext may print a box's word (简讯) between a story's headline and its subtitle, the
    box standing beside them. A headline with no text under it, and under the word a line right
    over a dateline, where only heads stand: one story's heads. The box is the text set wider
    that comes after the story."""
    text = """2024 年 3 月 5 日
星期二
要闻
第2版

老街区完成雨污分流改造

简讯

八个月工期提前完工
本报讯（记者 韩冰）历时八
个月，老街区雨污分流改造
日前完工，沿街商户告别了
雨天积水的烦恼。

近日，区图书馆推出“夜读”服务，每周五开放至晚
上十时，市民可凭借阅卡入馆。（周岚）
"""
    story, brief = parse_page(text, "p2.txt").articles
    assert (story.headline, story.subtitle) == ("老街区完成雨污分流改造", "八个月工期提前完工")
    assert story.paragraphs == ("历时八个月，老街区雨污分流改造日前完工，沿街商户告别了雨天积水的烦恼。",)
    assert (brief.section, brief.byline) == ("简讯", "周岚")


def test_a_paragraph_broken_off_over_a_byline_printed_apart_is_no_head() -> None:
    """pdftotext may print a byline's second part (通讯员 …) as a block of its own further down,
    right under a paragraph broken off mid-sentence. The paragraph's indented first line and
    a line of running text (commas) under it are no headline over that byline: the paragraph
    runs on into its rest, printed after the byline."""
    text = """2024 年 3 月 5 日
星期二
要闻
第2版

老街区完成雨污分流改造

本报记者 韩冰

沿街商户告别了雨天积
水的烦恼，客流明显回升。
据街道负责人介绍，二
期工程将于明年开工，届时

通讯员 周岚

还将新建口袋公园三处，并
修通一条滨河绿道。
"""
    [story] = parse_page(text, "p2.txt").articles
    assert story.headline == "老街区完成雨污分流改造"
    assert story.paragraphs == (
        "沿街商户告别了雨天积水的烦恼，客流明显回升。",
        "据街道负责人介绍，二期工程将于明年开工，届时还将新建口袋公园三处，并修通一条滨河绿道。",
    )


def test_a_charts_labels_on_a_line_of_the_columns_beside_it_are_furniture() -> None:
    """pdfplumber prints a page row by row: a chart's unit, years and source come out at the
    start of lines of the columns beside the chart. They are the chart's, never spoken; the rest
    of each line is read as before. A year in running text (2023 年, spaced) is left alone."""
    text = (
        _RUNNING_HEAD + "图表：全市粮食产量\n"
        "单位：万吨 新华社通辽3月3日 热面积一百二十万平方\n"
        "电（记者 李红）路通了，牧 米，惠及居民一万八千余\n"
        "2021年 2022年 2023年 据了解，今年全市新增供\n"
        "数据来源：市统计局 溉。\n"
        "本报包头 3 月 4 日电 2023 年 全市新增供热面积\n"
    )
    page = parse_page(text, "p2.txt")
    charts = [f.text for f in page.furniture if f.kind is FurnitureKind.CHART]
    assert charts == ["图表：全市粮食产量", "单位：万吨", "2021年 2022年 2023年", "数据来源：市统计局"]
    spoken = "".join((a.headline or "") + "".join(a.paragraphs) for a in page.articles).replace(" ", "")
    assert not any(label in spoken for label in ("单位", "2021年", "数据来源"))
    assert all(rest in spoken for rest in ("据了解，今年全市新增供", "溉。", "2023年全市新增供热面积"))


def test_an_ads_lines_printed_beside_other_columns_are_furniture() -> None:
    """pdfplumber prints a page row by row: an ad box's letter-spaced words, phone number and a
    public-service ad's slogan come out at the end of lines of the columns beside it. On a page
    with an ad they are the ad's, never spoken, and the rest of each line is read; a line
    letter-spaced as a whole (pdfminer.six spaces some justified lines) is left alone."""
    text = (
        _RUNNING_HEAD + "公益广告\n"
        "新华社包头3月4日 全市共接待游客四十六万 节约用水 从我做\n"
        "电稀土企业加大研发投入， 人次，旅游收入三点二亿\n"
        "起 共建美丽家园\n"
        "广告\n"
        "草 原 鲜 奶 每\n"
        "——我区推进重点项目建设纪实 日 直 送 家 庭\n"
        "新华社二连浩特3月 次。一辆辆满载煤炭、木材 订 奶 热 线 ：\n"
        "2日电（记者 吴敏）社区食 和农产品的货车有序通过 400-812-3456\n"
        "本 报 赤 峰 3 月 4 日 电\n"
    )
    page = parse_page(text, "p2.txt")
    ads = [f.text for f in page.furniture if f.kind is FurnitureKind.AD]
    assert ads == [
        "公益广告",
        "节约用水 从我做",
        "起 共建美丽家园",
        "广告",
        "草 原 鲜 奶 每",
        "日 直 送 家 庭",
        "订 奶 热 线 ：",
        "400-812-3456",
    ]
    spoken = "".join((a.headline or "") + "".join(a.paragraphs) for a in page.articles).replace(" ", "")
    assert not any(word in spoken for word in ("节约", "美丽", "鲜奶", "直送", "热线", "3456"))
    # The columns' text beside is left to the reading (this snippet's rows read as no story).
    assert not any(rest in f.text for f in page.furniture for rest in ("货车有序通过", "木材", "本 报 赤 峰"))


# What pdfminer.six and PyMuPDF printed of a ReportLab page whose bold is struck twice a hair
# apart (trimmed): a short head doubled in place, a long one on two lines, each line twice.
_STRUCK_TWICE_PDFMINER = """2024年3月5日
星期二
要闻
第2版

老旧小区改造让居民住得更
老旧小区改造让居民住得更
舒心舒心

本报北京3月1日电改造后的小区铺设了新路面，加装了电梯，还建起了休闲广场和充电车棚。
"""
_STRUCK_TWICE_PYMUPDF = """2024年3月5日　星期二
要闻
第2版
产业兴旺：从“种得好”到“卖
产业兴旺：从“种得好”到“卖
得好”
得好”
本报北京3月1日电改造后的小区铺设了新路面，
加装了电梯，还建起了休闲广场和充电车棚。
"""


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (_STRUCK_TWICE_PDFMINER, "老旧小区改造让居民住得更舒心"),
        (_STRUCK_TWICE_PYMUPDF, "产业兴旺：从“种得好”到“卖得好”"),
    ],
)
def test_a_bold_struck_twice_is_read_once(text: str, headline: str) -> None:
    """A head printed twice (the PDF fakes bold by printing it twice) is one head, read once, and
    the tidied text keeps every line's number."""
    assert tidy_extraction(text).count("\n") == text.count("\n")
    (story,) = parse_page(text, "p2.txt").articles
    assert story.headline == headline
    assert story.paragraphs == ("改造后的小区铺设了新路面，加装了电梯，还建起了休闲广场和充电车棚。",)


def test_a_body_line_letter_spaced_by_justification_is_set_solid() -> None:
    """pdfminer.six spaces out the characters of a line justified by wide character spacing (a
    short first line of a brief, on a ReportLab page): running text, set solid and read on; a
    headline letter-spaced (no comma or stop inside) keeps its spaces, a display line."""
    text = """2024年3月5日
星期二
要闻
第2版

简讯

本 报 兴 安 盟 3 月 4 日 电
日前，全盟首届农牧民技
能大赛落下帷幕，八十名
选手在农机操作等项目中
一展身手。（李红）

近 期 ， 县 消 防 救 援 大
队走进中小学校，为师生
讲解火灾逃生自救知识并
开展疏散演练。（郑凯）
"""
    tidy = tidy_extraction(text).split("\n")
    assert "近期，县消防救援大" in tidy and "本报兴安盟3月4日电" in tidy
    assert tidy_extraction("基 础 实 战 演 练") == "基 础 实 战 演 练"
    paragraphs = [a.paragraphs for a in parse_page(text, "p2.txt").articles]
    assert paragraphs == [
        ("日前，全盟首届农牧民技能大赛落下帷幕，八十名选手在农机操作等项目中一展身手。",),
        ("近期，县消防救援大队走进中小学校，为师生讲解火灾逃生自救知识并开展疏散演练。",),
    ]


# A box of three briefs set side by side, each two lines, as pdfminer.six printed it from a
# ReportLab page whose lines stand far apart (each line a block of its own): row by row, the
# three first lines, then the three last (trimmed).
_BRIEFS_ROW_BY_ROW = """2024年3月5日
星期二
要闻
第2版

简讯

本报锡林浩特3月3日电日前，全盟首届农牧民技能大赛落下帷幕，八

本报阿拉善3月2日电近日，旗气象局发布寒潮蓝色预警，提醒群众注

本报二连浩特3月3日电近日，市公安局交警支队开展冬季道路交通安

十名选手在农机操作等项目中一展身手。（李红）

意防寒保暖，合理安排出行。

全宣传活动，向过往司机发放宣传资料三千余份。（孙丽）
"""
# The same kind of box as pdfminer.six printed it from a Typst page: a block a line, in order.
_BRIEFS_A_LINE_A_BLOCK = """2024 年 3 月 5 日　星期二

要闻

第 2 版

简讯

日前，旗图书馆举办“书香润万家”读书分享会，六

十余名读者参加活动并交流读书心得。

本报鄂尔多斯 3 月 4 日电近日，旗气象局发布寒潮蓝

色预警，提醒群众注意防寒保暖，合理安排出行。（孙丽）

日前，全盟首届农牧民技能大赛落下帷幕，八十名选

手在农机操作等项目中一展身手。
"""


def test_text_printed_a_line_a_block_row_by_row_is_warned() -> None:
    """A line breaking off mid-sentence right before another story's dateline, among lines
    printed a block each: the columns were printed row by row, so every article read there is
    warned; the same box printed a line a block in order reads right and is not."""
    page = parse_page(_BRIEFS_ROW_BY_ROW, "p2.txt")
    warned = {w.line for w in page.warnings}
    assert len(page.articles) >= 3
    for article in page.articles:
        assert any(article.line == line or line in _lines_of(page, article) for line in warned), article
    assert any("row by row" in w.message for w in page.warnings)
    in_order = parse_page(_BRIEFS_A_LINE_A_BLOCK, "p2.txt")
    assert [len(a.paragraphs) for a in in_order.articles] == [1, 1, 1]
    assert not [w for w in in_order.warnings if "row by row" in w.message]


def _lines_of(page: Page, article: Article) -> range:
    """The lines from ``article``'s first to the next article's first."""
    starts = sorted(a.line or 0 for a in page.articles)
    start = article.line or 0
    return range(start, next((s for s in starts if s > start), 10**6))


# A column of a ReportLab page as pdftotext printed it (trimmed): the typesetter keeps a comma
# off a line's start by squeezing it onto the line before, so the indented first line of
# 光伏板… is as wide as the column, and only an indent short without its comma.
_SQUEEZED_COMMA = """2024年3月5日

星期二

要闻

第2版

一条公路带富一方百姓

本报阿拉善3月1日电一辆
辆满载煤炭、木材和农产品的
货车有序通过查验通道，驶向
全国各地。演出队带来了歌舞、
小品、好来宝等节目，台下的
农牧民群众掌声不断。据悉，
该项目总投资五十六亿元，建
成后可年产各类产品二十万吨。
湿地公园里，芦苇随风摇
曳，成群的候鸟在水面上觅食
嬉戏。改造后的小区铺设了新
路面，加装了电梯，还建起了
休闲广场和充电车棚。去年合
作社实现销售收入一千二百万
元，社员人均分红一万余元。
光伏板整齐排列在沙地上，
板下种植的牧草既能固沙，又
能喂养牛羊。合作社采取“统
一采购、统一防疫、统一销售”
的方式，降低了养殖成本。目
前，全市已有八百多个政务服
务事项实现了网上办、掌上办。
"""


def test_an_indented_line_with_a_squeezed_comma_opens_a_paragraph() -> None:
    """光伏板整齐排列在沙地上， measures a full column with its comma but an indent short
    without it, and the line under it is wider: it opens a paragraph after 一万余元。"""
    (story,) = parse_page(_SQUEEZED_COMMA, "p2.txt").articles
    assert [p[:6] for p in story.paragraphs] == ["一辆辆满载煤", "湿地公园里，", "光伏板整齐排"]
    assert story.paragraphs[1].endswith("社员人均分红一万余元。")


# PyMuPDF's text of a ReportLab column (trimmed): a subhead over a paragraph whose indented first
# line carries a squeezed comma (光伏板整齐排列在沙地上，), so looks a full line.
_SUBHEAD_OVER_SQUEEZED_COMMA = """2024年3月5日　星期二
要闻
第2版
草原牧区迎来新一轮春耕备耕
新华社鄂尔多斯3月3日电
科技特派员常年驻村，帮
助农户解决生产中遇到的技术
难题。老师们利用课余时间集
体备课，把优质教学资源转化
为适合本校学生的课程。
人才支撑 让技术留在村里
光伏板整齐排列在沙地上，
板下种植的牧草既能固沙，又
能喂养牛羊。通过“空中课堂”，
偏远牧区的孩子们也能和城里
学生同上一堂课。
"""


def test_a_subhead_over_a_line_with_a_squeezed_comma_stands_apart() -> None:
    """The line under 人才支撑 让技术留在村里 is a paragraph's indented first line (an indent
    short without its squeezed comma): the line over it is a subhead, not that paragraph's first
    line, and the paragraph opens where it should (no doubt of a beginning lost)."""
    page = parse_page(_SUBHEAD_OVER_SQUEEZED_COMMA, "p2.txt")
    (story,) = page.articles
    assert story.subheads == ("人才支撑 让技术留在村里",)
    assert story.paragraphs[-1].startswith("光伏板整齐排列在沙地上，板下")
    assert not page.warnings


# PyMuPDF's text of a ReportLab column (trimmed): a quote's closing mark ends a line, and who
# said it fills the next one short, as an indented line would be.
_ATTRIBUTION_ON_ITS_OWN_LINE = """2024年3月5日　星期二
要闻
第2版
一条公路带富一方百姓
本报阿拉善3月2日电文旅
部门统计显示，元旦假期全市
共接待游客四十六万人次，旅
游收入三点二亿元。今年全旗
计划种植玉米、大豆等作物八
十万亩，良种覆盖率达到百分
之九十八以上。
入冬以来，全市供热企业
提前完成管网检修和设备调试，
确保居民家中室温达标。据了
解，今年全市新增供热面积一
百二十万平方米，惠及居民一
万八千余户。前十个月，口岸
进出口货运量达到一千八百万
吨，同比增长百分之二十二点
五。“饭菜合口味，价钱也不
贵，我们老两口几乎天天来吃。”
七十八岁的赵大爷说。
今年全区粮食总产量达到
七百九十一亿斤，连续多年稳
定在七百亿斤以上。当地农技
人员深入田间地头，手把手指
导农户科学施肥、合理灌溉。
"""


def test_who_said_it_after_a_closing_quote_stays_in_the_paragraph() -> None:
    """七十八岁的赵大爷说。 is as short as an indented first line, but names who spoke the quote
    the line above closed: the paragraph's last line, not a paragraph of its own."""
    (story,) = parse_page(_ATTRIBUTION_ON_ITS_OWN_LINE, "p2.txt").articles
    assert len(story.paragraphs) == 3
    assert story.paragraphs[1].endswith("天天来吃。”七十八岁的赵大爷说。")
    assert story.paragraphs[2].startswith("今年全区粮食总产量")


def test_an_indented_first_line_held_a_character_short_opens_a_paragraph() -> None:
    # PyMuPDF: 合作社采取“统一采 is an indented first line one character short, for 购 went down
    # with the 、 after it (a mark may not open a line); the paragraph above ended on a line
    # as long as a full one. Two paragraphs, as printed.
    story = (
        "黄河流域生态保护治理扎实推进\n本报北京3 月3 日电\n通过“空中课堂”，偏远牧区\n的孩子们也能和城里学生\n"
        "同上一堂课。高标准农田建\n设持续推进，节水灌溉面积\n进一步扩大，耕地质量稳步\n提升。\n"
        "热力公司设立了二十\n四小时服务热线，群众反映\n的问题做到当天受理、限时\n办结。业内人士认为，产业\n"
        "链向下游延伸，有利于把资\n源优势转化为发展优势。\n合作社采取“统一采\n购、统一防疫、统一销售”的\n"
        "方式，降低了养殖成本。春\n耕时节，田野里一派繁忙景\n象，大型播种机来回穿梭，\n农民们抢抓农时忙生产。\n"
    )
    (article,) = parse_page("2024年3月5日　星期二\n要闻\n第2版\n" + story, "p2.txt").articles
    assert [p[:6] for p in article.paragraphs] == ["通过“空中课", "热力公司设立", "合作社采取“"]
    # Where the line under it opens on running text, nothing held it short: the paragraph's rest.
    running = story.replace("购、统一防疫", "购买统一防疫")
    (article,) = parse_page("2024年3月5日　星期二\n要闻\n第2版\n" + running, "p2.txt").articles
    assert [p[:6] for p in article.paragraphs] == ["通过“空中课", "热力公司设立"]


_HEADED_STORY = """{heads}
本报{place} 3 月 {day} 日电
（记者 周涛）据悉，该项目
总投资五十六亿元，建成
后可年产各类产品二十万
吨。
"""
_PLACES = ("包头", "乌海", "通辽", "赤峰", "兴安盟", "阿拉善")


def _page_of_heads(*heads: Sequence[str]) -> str:
    """An extractor's page (pdftotext) of stories under ``heads``, each a story's head lines."""
    stories = [
        _HEADED_STORY.format(heads="\n".join(lines), place=_PLACES[n % len(_PLACES)], day=n % 4 + 1)
        for n, lines in enumerate(heads)
    ]
    return "2024 年3 月5 日　星期二\n要闻\n第2 版\n" + "\n".join(stories)


def _tier_doubts(page: Page) -> list[str]:
    return [w.message for w in page.warnings if "head lines read as" in w.message]


def _kickers_doubted(page: Page) -> list[int | None]:
    return [w.line for w in page.warnings if "read as kicker (引题) and headline" in w.message]


def test_two_head_lines_are_weighed_against_the_pages_own_headlines() -> None:
    """A paper of short headlines (seven characters) and another of long ones (nineteen and
    more), words from no pool: two head lines with no dash are weighed against the headlines
    the page's other heads tell for sure (one line over a dateline), not a fixed length."""
    # Short headlines: a headline of seven over a subtitle of fourteen with no dash reads as
    # kicker over headline by the lines' lengths, but the upper is as long as this paper's
    # headlines: doubted. A label of four over a headline is a kicker, not doubted.
    short = parse_page(
        _page_of_heads(
            ["春耕备耕正当时"],
            ["小城夜市人气旺"],
            ["乌梁素海冬捕忙", "今冬首网捕获鲜鱼超过二十万斤"],
            ["边关纪事", "哨所官兵守护国门"],
        ),
        "p2.txt",
    )
    third, fourth = short.articles[2:]
    assert (third.kicker, third.headline) == ("乌梁素海冬捕忙", "今冬首网捕获鲜鱼超过二十万斤")
    assert (fourth.kicker, fourth.headline) == ("边关纪事", "哨所官兵守护国门")
    assert _kickers_doubted(short) == [third.line]
    # Long headlines: a line of twelve over one of twenty is more than half of it, a headline
    # by the lines' lengths, but this paper sets its headlines longer: a kicker, still doubted.
    long = parse_page(
        _page_of_heads(
            ["全市新建改建农村公路一千二百公里实现村村通"],
            ["沿黄九个旗县区联手治理水土流失成效明显"],
            ["推动黄河流域生态保护治理", "上中下游协同发力筑牢我国北方重要生态安全屏障"],
        ),
        "p2.txt",
    )
    story = long.articles[2]
    assert (story.kicker, story.headline, story.subtitle) == (
        "推动黄河流域生态保护治理",
        "上中下游协同发力筑牢我国北方重要生态安全屏障",
        None,
    )
    assert _kickers_doubted(long) == [story.line]
    assert not [w for w in long.warnings if "read as headline and subtitle" in w.message]


def test_one_sure_headline_on_the_page_shows_no_papers_habit() -> None:
    """One head told for sure (a line over its dateline) is no paper's habit: two head lines
    with no dash under it, a line of nine over one of seventeen, are weighed against a usual
    headline's length, as long as the upper: read as kicker over headline, and doubted."""
    page = parse_page(
        _page_of_heads(
            ["老城区供热管网改造完工"],
            ["湿地候鸟数量创新高", "今年越冬候鸟已达十二万只同比多三成"],
        ),
        "p2.txt",
    )
    story = page.articles[1]
    assert (story.kicker, story.headline) == ("湿地候鸟数量创新高", "今年越冬候鸟已达十二万只同比多三成")
    assert _kickers_doubted(page) == [story.line]


_HEAD_CHARACTERS = (
    "春耕备草原牧区城乡居民收入增长边境口岸货运量创新高冰雪旅游带火小城社区食堂幸福味道乡村学校用上课堂"
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    headline_length=st.integers(min_value=5, max_value=22),
    spread=st.integers(min_value=0, max_value=4),
    upper_length=st.integers(min_value=3, max_value=24),
    lower_length=st.integers(min_value=5, max_value=26),
    seed=st.integers(min_value=0, max_value=10**6),
)
def test_two_head_lines_read_undoubted_only_under_a_label_shorter_than_the_papers_headlines(
    headline_length: int, spread: int, upper_length: int, lower_length: int, seed: int
) -> None:
    """Whatever the paper's headline length (two heads on the page tell it) and the two tiers'
    lengths: the two lines are read undoubted only as a kicker shorter than every headline on
    the page by more than a character over its headline; and a line so short over one as long
    as a headline is read as the kicker over it."""
    # Not a line of a few characters under a longer one: that is its wrapped rest (``head_tiers.tiers``).
    assume(lower_length > 3 and lower_length > 0.6 * upper_length)
    rng = random.Random(seed)

    def words(length: int) -> str:
        return "".join(rng.choice(_HEAD_CHARACTERS) for _ in range(length))

    upper, lower = words(upper_length), words(lower_length)
    page = parse_page(
        _page_of_heads([words(headline_length)], [words(headline_length + spread)], [upper, lower]),
        "p2.txt",
    )
    story = page.articles[2]
    assert story.kicker is None or (story.kicker, story.headline) == (upper, lower)
    assert story.kicker is not None or (story.headline, story.subtitle) == (upper, lower)
    if not _tier_doubts(page):
        assert story.kicker == upper and upper_length < headline_length - 1
    if upper_length < headline_length - 1 <= lower_length:
        assert story.kicker == upper


@pytest.mark.parametrize(
    "items",
    [
        # Page codes of a paper in lettered sections, on the item's line.
        "城南公园改造完工  B3\n夜市经济点亮老街 A03\n图书馆延长开放时间  A2版",
        # The code on the line below its item, an item with a colon among them.
        "冬泳队迎新年：破冰下水\nC1\n城南公园改造完工\nB3\n夜市经济点亮老街 12版",
    ],
)
def test_index_items_sent_to_a_coded_page_are_furniture(items: str) -> None:
    """Papers in lettered sections send an index's reader to page A2, A03 or B3版 rather than
    第3版: each such item is the box's, spoken by no story."""
    text = f"""2024年3月5日　星期二
要闻
第2版
今日导读
{items}
旧厂房变身文创园
本报讯（记者 周航）一排排老厂
房刷上新漆，咖啡馆和书店陆续开
门迎客。
"""
    page = parse_page(text, "p2.txt")
    (story,) = page.articles
    assert story.headline == "旧厂房变身文创园"
    index = "".join(f.text for f in page.furniture if f.kind is FurnitureKind.INDEX)
    assert index.replace(" ", "") == "今日导读" + items.replace("\n", "").replace(" ", "")


def test_index_items_with_page_codes_away_from_their_title_are_furniture() -> None:
    """pdftotext prints an index's items into a story's column, far from the box's title, each
    with its page code below it (A2): furniture, the paragraph they interrupt reads on."""
    text = _RUNNING_HEAD + (
        "旧厂房变身文创园\n本报讯（记者 周航）一排排\n老厂房刷上新漆，咖啡馆和\n书店陆续开门迎客。周末来\n\n"
        "冬泳队迎新年：破冰下水\nA6\n夜市经济点亮老街\nB2\n\n这里打卡的市民络绎不绝。\n"
    )
    reading = parse_page(text, "p2.txt")
    (story,) = reading.articles
    assert story.paragraphs == (
        "一排排老厂房刷上新漆，咖啡馆和书店陆续开门迎客。周末来这里打卡的市民络绎不绝。",
    )
    index = [f.text for f in reading.furniture if f.kind is FurnitureKind.INDEX]
    assert index == ["冬泳队迎新年：破冰下水", "A6", "夜市经济点亮老街", "B2"]


def test_a_line_of_text_ending_on_letters_and_figures_is_no_index_item() -> None:
    """A letter and figures at a line's end in running text (峰会 G20, 网络 5G) are words: with no
    index item around it, the line stays in its paragraph."""
    text = _RUNNING_HEAD + (
        "旧厂房变身文创园\n本报讯（记者 周航）去年举办的\n国际会议吸引了多位出席 G20\n的代表参观，园区也接入了 5G\n"
        "网络。\n"
    )
    (story,) = parse_page(text, "p2.txt").articles
    assert story.paragraphs == ("去年举办的国际会议吸引了多位出席G20的代表参观，园区也接入了5G网络。",)


_STORY_BY_AD = "老街换新颜\n本报讯（记者 周航）一排排老\n厂房刷上新漆，咖啡馆和书店\n陆续开门迎客。\n\n"
_STORY_AFTER_AD = "旧厂房变身文创园\n本报讯（记者 许宁）园区里新\n开了三家书店，周末人气很旺。\n"


@pytest.mark.parametrize("slogan", ["让文明成为城市最美名片", "珍惜粮食，从我做起！", "守护蓝天"])
@pytest.mark.parametrize("blank", ["", "\n"])
def test_a_public_ads_slogan_set_solid_under_its_title_is_furniture(slogan: str, blank: str) -> None:
    """A public-service ad's slogan of any words, set solid on one line, printed right under its
    公益广告 (PyMuPDF with no blank line, pdftotext between blank lines): the ad's, never spoken;
    the story after the box keeps its headline."""
    text = _RUNNING_HEAD + _STORY_BY_AD + f"公益广告\n{blank}{slogan}\n{blank}" + _STORY_AFTER_AD
    page = parse_page(text, "p2.txt")
    assert [f.text for f in page.furniture if f.kind is FurnitureKind.AD] == ["公益广告", slogan]
    assert [a.headline for a in page.articles] == ["老街换新颜", "旧厂房变身文创园"]
    assert not any(slogan in (a.headline or "") + "".join(a.paragraphs) for a in page.articles)


def test_a_public_ads_slogan_set_solid_over_its_title_is_furniture() -> None:
    """pdfminer.six prints the slogan in a block of its own over its 公益广告: the ad's too."""
    text = _RUNNING_HEAD + _STORY_BY_AD + "让文明成为城市最美名片\n\n公益广告\n\n" + _STORY_AFTER_AD
    page = parse_page(text, "p2.txt")
    assert [f.text for f in page.furniture if f.kind is FurnitureKind.AD] == [
        "让文明成为城市最美名片",
        "公益广告",
    ]


def test_a_line_over_a_public_ads_title_read_as_its_slogan_may_be_the_kicker_below() -> None:
    """pdfminer.six prints an ad's slogan in a block over its 公益广告; pdftotext may print a
    story's kicker there, then the ad's title, then the story's headline over its dateline
    (broken over two lines in a narrow column). The text cannot tell the two: the line is read
    as the slogan, and the story under it warned that it may be its kicker."""
    text = (
        _RUNNING_HEAD
        + _STORY_BY_AD
        + (
            "街巷里的新变化\n\n公益广告\n\n旧厂房变身文创园\n本报宜城 3 月 4\n日电（记者 许宁）园区\n"
            "里新开了三家书店。\n"
        )
    )
    page = parse_page(text, "p2.txt")
    assert [f.text for f in page.furniture if f.kind is FurnitureKind.AD] == ["街巷里的新变化", "公益广告"]
    story = page.articles[-1]
    assert story.headline == "旧厂房变身文创园"
    assert [(w.line, "kicker" in w.message) for w in page.warnings] == [(story.line, True)]


@pytest.mark.parametrize(
    "after", ["本报讯（记者 许宁）园区里新开了三家书店。\n", "——来自城南老工业区的报道\n"]
)
def test_a_public_ads_title_over_a_storys_text_takes_none_of_it(after: str) -> None:
    """What follows a 公益广告 is no slogan when it is a story's text or heads: a dateline, a
    sentence, a subtitle stay the story's."""
    text = _RUNNING_HEAD + _STORY_BY_AD + "公益广告\n\n" + after
    page = parse_page(text, "p2.txt")
    assert [f.text for f in page.furniture if f.kind is FurnitureKind.AD] == ["公益广告"]


@pytest.mark.parametrize("under", ["", "本报记者 许宁　通讯员 高原\n"])
def test_a_headline_asking_in_two_clauses_over_its_dateline_is_a_headline(under: str) -> None:
    """A headline asking a question in two clauses parted by a comma (夜班公交延长，乘客买不买账？)
    stands over its story's dateline or byline, apart from the text above, which ended its
    sentence: the story's headline, not a paragraph's question."""
    text = _RUNNING_HEAD + (
        "老街换新颜\n本报讯（记者 周航）一排排老\n厂房刷上新漆，咖啡馆和书店\n陆续开门迎客。\n"
        f"夜班公交延长，乘客买不买账？\n{under}本报讯（记者 许宁）从本月\n起，三条夜班公交线路运营\n"
        "时间延长到凌晨一点。\n"
    )
    headlines = [a.headline for a in parse_page(text, "p2.txt").articles]
    assert headlines == ["老街换新颜", "夜班公交延长，乘客买不买账？"]


def test_a_wide_headline_with_a_comma_over_a_wide_subtitle_is_a_headline() -> None:
    """A headline set across columns with a comma in it, under its kicker and over a subtitle as
    wide with no mark, then its dateline (broken before 电): the story's heads, not a wider box's
    running text going on (which has its commas too)."""
    text = "2024 年4 月11 日　星期四\n城事\n第2 版\n" + (
        "傍晚时分，老街上亮起了灯\n笼和彩灯。\n社区观察\n“加梯”之后，老人们下楼不再难了呢\n"
        "全市已有86 家小区完成加装电梯\n本报宜城3 月4 日\n电住在六楼的王阿姨说，以\n前下楼要歇好几次。现在一\n"
        "按按钮就到，方便多了。\n"
    )
    story = parse_page(text, "p2.txt").articles[-1]
    assert (story.kicker, story.headline, story.subtitle) == (
        "社区观察",
        "“加梯”之后，老人们下楼不再难了呢",
        "全市已有86家小区完成加装电梯",
    )
    assert story.paragraphs == ("住在六楼的王阿姨说，以前下楼要歇好几次。现在一按按钮就到，方便多了。",)


_MARKET = (
    "2024 年 3 月 5 日\n\n星期二\n\n要闻\n\n第2版\n\n"
    "城西菜场焕然一新\n本报讯（记者 林舟）经过半\n年施工，城西菜场昨天重新\n开门迎客。据介绍，菜场今\n"
    "后每天早上六点开门，晚上\n八点关门，节假日照常营业。\n"
)


def test_a_full_line_with_numbers_under_an_indented_line_goes_on_with_its_paragraph() -> None:
    """A typesetter sets a gap between Chinese and a number, which the extractor prints as a
    space (新摊位 96 个、车位 40 个，): counted, the line is a full line of the column going on
    with the paragraph the indented line above it opened, not the next one's indented first
    line with a comma squeezed in at its end (which leaves the line above a paragraph alone)."""
    text = _MARKET + (
        "改造后的菜场一共设\n新摊位 96 个、车位 40 个，\n地面铺上了防滑砖，通道也\n比原来宽了一倍。不少居民\n一早就来逛了逛。\n"
    )
    (story,) = parse_page(text, "p2.txt").articles
    assert story.paragraphs[1:] == (
        "改造后的菜场一共设新摊位96个、车位40个，地面铺上了防滑砖，通道也比原来宽了一倍。不少居民一早就来逛了逛。",
    )


def test_an_indented_line_with_a_number_still_opens_a_paragraph() -> None:
    """The gaps around a number are narrow and a typesetter squeezes them on a tight line: a
    paragraph's indented first line with a number in it (前 9 个月，菜价总体平) stays an indent."""
    text = _MARKET + "前 9 个月，菜价总体平\n稳，蔬菜供应充足，价格比\n去年同期略有下降。\n"
    (story,) = parse_page(text, "p2.txt").articles
    assert story.paragraphs[1:] == ("前9个月，菜价总体平稳，蔬菜供应充足，价格比去年同期略有下降。",)


def test_a_line_broken_at_a_tucked_quote_is_one_full_line_the_paragraph_goes_on_from() -> None:
    """A quote tucked under a full stop (八点关门。“真是方便！) is one printed line that the
    extractor breaks in two at the quote. The two pieces together fill the column, so the full
    line under them goes on with the same paragraph: the short piece is no paragraph's end."""
    text = _MARKET.replace("八点关门，节假日照常营业。\n", "八点关门。\n“真是方便！\n") + (
        "以后买菜不用再绕远路了。”\n家住附近的张阿姨说。\n"
    )
    (story,) = parse_page(text, "p2.txt").articles
    assert story.paragraphs == (
        "经过半年施工，城西菜场昨天重新开门迎客。据介绍，菜场今后每天早上六点开门，晚上八点关门。"
        "“真是方便！以后买菜不用再绕远路了。”家住附近的张阿姨说。",
    )


def test_a_body_line_letter_spaced_by_its_justification_is_a_full_line() -> None:
    """A line of few characters stretched to the column (年 的 生 意 比 往 年 好 做 得, the
    ellipsis that follows could not open the next line) is printed letter-spaced: the spaces are
    the stretch, so it is a full line going on with its paragraph, not the next one's indent
    under a head line."""
    text = (
        _MARKET
        + "不少摊主告诉记者，今\n年 的 生 意 比 往 年 好 做 得\n多……菜场还开通了线上\n下单，送菜到家。\n"
    )
    (story,) = parse_page(text, "p2.txt").articles
    assert story.paragraphs[1:] == (
        "不少摊主告诉记者，今年的生意比往年好做得多……菜场还开通了线上下单，送菜到家。",
    )


def test_a_line_over_a_character_and_an_ellipsis_is_a_full_line() -> None:
    """An ellipsis may not open a line, so the character before it goes down with it (价 /
    格……): the line above was stretched to the column, though plain text prints it two short.
    Inside a paragraph it is a full line going on, not the next paragraph's indented first line
    (which would leave the paragraph's first line alone as a head)."""
    text = _MARKET + "不少摊主告诉记者，今\n年的生意好做，蔬菜价\n格……菜场还开通了线上\n下单，送菜到家。\n"
    (story,) = parse_page(text, "p2.txt").articles
    assert story.paragraphs[1:] == (
        "不少摊主告诉记者，今年的生意好做，蔬菜价格……菜场还开通了线上下单，送菜到家。",
    )


@pytest.mark.parametrize(
    ("opening", "rest"),
    [
        ("“真是", "方便！以后买菜不用再绕远\n路了。”家住附近的张阿姨\n笑着说，菜价也比原来便宜\n了一些。\n"),
        ("“方便！", "以后买菜不用再绕远路了，\n菜价也比原来便宜了一些。”\n家住附近的张阿姨说。\n"),
    ],
)
def test_a_paragraph_opening_on_its_bylines_printed_line_is_running_text(opening: str, rest: str) -> None:
    """The paragraph opens on the byline's printed line (（记者 林舟、周航）“真是…); an extractor
    breaks that line at the quote. The piece under the byline, the two filling the column, is
    the paragraph's first line: neither a head line (a story's heads never stand under its
    byline) nor a paragraph of its own, though it may end on ！."""
    text = _MARKET + f"居民点赞新菜场\n\n本报宜城 3 月 4 日讯\n（记者 林舟、周航）\n{opening}\n{rest}"
    story = parse_page(text, "p2.txt").articles[-1]
    assert story.headline == "居民点赞新菜场"
    assert story.paragraphs == ((opening + rest).replace("\n", ""),)
