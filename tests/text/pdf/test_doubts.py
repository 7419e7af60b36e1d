"""The PDF route's doubts (audio_edition/text/pdf/doubts.py): a page of a paper whose datelines or
boxes the route does not know is read right or warned, article by article; a page read right is
not warned at all."""

from __future__ import annotations

from pathlib import Path

from audio_edition.text.articles import Article, Page
from audio_edition.text.pdf import read_pdf
from audio_edition.text.pdf.doubts import pdf_doubts
from audio_edition.text.pdf.regions import Story as Cut
from tests.text.pdf.hand_set_layouts import WIDTH, HandSetLayout, _columns, _rule
from tests.text.pdf.hand_set_layouts import Story as HandSetStory
from tests.typeset.pages import BriefsBox, EditionSpec, PageSpec, Story, StoryBlock
from tests.typeset.typeset import typeset

_LAKE = (
    "湖边的老码头换上了新栈桥，清晨六点就有渔船靠岸卸货，鱼贩们围在秤边讨价还价，热闹得像过节一样。",
    "镇上的小学今年添了一间阅览室，书架上摆满了孩子们捐来的绘本，午休时总有人趴在窗台上看书。",
    "一位守了三十年灯塔的老人说，现在夜里的航船比从前多了好几倍，灯一刻也不能灭，他睡得比谁都晚。",
)
_HILL = (
    "山坡上的梯田刚刚犁过一遍，泥土翻出来黑得发亮，几头水牛卧在田埂边慢慢嚼着草，一动也不动。",
    "合作社的仓库里堆着新收的板栗，工人们把果子按大小分拣装袋，第二天一早就要运到省城的超市去。",
    "傍晚时分，村口的广场上响起了芦笙，老人们坐在石凳上听，孩子们追着晚霞跑来跑去，一直玩到天黑。",
)
_BRIEFS = (
    "环湖步道北段本周六起封闭施工，预计月底完工，市民可绕行滨河路。",
    "市图书馆即日起延长开放时间，工作日晚间开放至九点。",
    "本月起，城区新增三条夜班公交线路，末班车发车时间为二十三点。",
)


def _read(tmp_path: Path, *rows: tuple[StoryBlock | BriefsBox, ...]) -> Page:
    spec = PageSpec(number=3, columns=4, rows=tuple(rows))
    return read_pdf(typeset(EditionSpec("doubts", (spec,)), tmp_path / "2024-03-05-03.pdf"))[0]


def _warned(page: Page, article: Article) -> list[str]:
    return [w.message for w in page.warnings if w.line == article.line]


def _story(headline: str, paragraphs: tuple[str, ...], dateline: str | None) -> Story:
    return Story(headline=headline, paragraphs=paragraphs, dateline=dateline)


def test_a_dateline_the_route_does_not_know_is_read_or_warned(tmp_path: Path) -> None:
    # 本报湖滨讯 and 【新华社湖城6日电】: a place's report with no day, an agency's in black brackets.
    page = _read(
        tmp_path,
        (StoryBlock(_story("老码头迎来新栈桥", _LAKE, "本报湖滨讯"), span=4),),
        (StoryBlock(_story("梯田里的春耕", _HILL, "【新华社湖城6日电】"), span=4),),
    )
    assert len(page.articles) == 2
    for article, dateline in zip(page.articles, ("本报湖滨讯", "【新华社湖城6日电】"), strict=True):
        # Either its dateline was taken off the text it opens, or the editor is told of this story.
        read_right = article.paragraphs[0].startswith(_LAKE[0][:6]) or article.paragraphs[0].startswith(
            _HILL[0][:6]
        )
        if not read_right:
            assert article.paragraphs[0].startswith(dateline[:2])
            assert any("dateline" in message for message in _warned(page, article)), page.warnings


def test_a_box_of_briefs_under_a_word_the_route_does_not_know_is_read_or_warned(tmp_path: Path) -> None:
    briefs = tuple(Story(headline=None, paragraphs=(text,), section="湖城小事") for text in _BRIEFS)
    page = _read(
        tmp_path,
        (StoryBlock(_story("老码头迎来新栈桥", _LAKE, "本报讯"), span=4),),
        (
            BriefsBox(briefs, span=2, title="湖城小事"),
            StoryBlock(_story("梯田里的春耕", _HILL, "本报讯"), span=2),
        ),
    )
    boxed = [a for a in page.articles if any(p in _BRIEFS for p in a.paragraphs)]
    assert boxed
    for article in boxed:
        if article.section != "湖城小事":  # read as a story under the box's word as its headline
            assert any("box of briefs" in message for message in _warned(page, article)), page.warnings


def test_a_page_read_right_raises_no_doubt(tmp_path: Path) -> None:
    page = _read(
        tmp_path,
        (StoryBlock(_story("老码头迎来新栈桥", _LAKE, "本报湖州3月4日电"), span=4),),
        (StoryBlock(_story("梯田里的春耕", _HILL, "新华社长沙3月4日电"), span=4),),
    )
    assert [a.headline for a in page.articles] == ["老码头迎来新栈桥", "梯田里的春耕"]
    assert not page.warnings


def test_a_source_opening_a_paragraph_inside_a_story_is_two_stories() -> None:
    merged = Article(
        headline="老码头迎来新栈桥",
        paragraphs=(_LAKE[0], "本报湖滨讯" + _HILL[0]),
        dateline="本报讯",
        line=1,
    )
    (doubt,) = pdf_doubts([(Cut(), [merged])])
    assert doubt[0] == 1 and "two stories may be read as one" in doubt[1]


def test_sentences_opening_on_a_source_word_are_no_doubt() -> None:
    # 据介绍， and 据新华社报道， attribute a sentence; 社区通讯员 is a word, not an outlet's report.
    openings = ("据介绍，", "据新华社报道，", "社区通讯员说，", "据统计，")
    article = Article(
        headline="老码头迎来新栈桥",
        paragraphs=(
            *(opening + text for opening, text in zip(openings, _LAKE + _HILL, strict=False)),
            "本报将继续关注码头改造的进展。",  # the paper's name closing a story, no dateline
        ),
        dateline="本报讯",
        line=1,
    )
    assert pdf_doubts([(Cut(), [article])]) == []


def test_a_story_opening_on_a_report_close_no_list_knows_is_warned() -> None:
    # Datelines of forms the reader has no rule for, left at the opening of the story's text.
    for opening in (
        "湖滨区融媒体中心讯",
        "湖城日报社客户端消息",
        "新华社湖州3月4日水运专电",
        "综合湖城日报、某某新闻报道",
    ):
        story = Article(headline="老码头迎来新栈桥", paragraphs=(opening + _LAKE[0], _LAKE[1]), line=1)
        (doubt,) = pdf_doubts([(Cut(), [story])])
        assert "not read as its dateline" in doubt[1], opening


def test_running_text_closing_a_word_on_讯_or_消息_is_no_report() -> None:
    for opening in ("村民闻讯赶来，", "全市通讯基站今年新增两百座，", "这条消息称，", "据湖城日报报道称，"):
        story = Article(headline="老码头迎来新栈桥", paragraphs=(opening + _LAKE[0],), line=1)
        assert pdf_doubts([(Cut(), [story])]) == [], opening


def test_an_index_read_as_a_story_is_warned() -> None:
    index = Article(headline="本期导读", paragraphs=("（A03）湖边老码头换新颜第3版 山村春耕忙→A05",), line=4)
    (doubt,) = pdf_doubts([(Cut(), [index])])
    assert doubt[0] == 4 and "index" in doubt[1]


def test_a_byline_set_apart_in_smaller_type_is_read_apart_or_warned(tmp_path: Path) -> None:
    # The reporter's credit on a line of its own in 9 pt at the top of a story's 10 pt columns.
    story = HandSetStory("老码头迎来新栈桥", [text * 2 for text in _LAKE])
    credit = "#text(size: 9pt)[本报首席记者　周小湖]"
    source = story.head() + _columns(3, [credit, *story.texts()], WIDTH) + _rule()
    page = read_pdf(HandSetLayout(source, [story]).typeset(tmp_path))[0]
    (article,) = page.articles
    if any("周小湖" in paragraph for paragraph in article.paragraphs):
        # Read as a paragraph: the editor is told of this story, once.
        (message,) = _warned(page, article)
        assert "another size" in message
    else:
        assert article.paragraphs[0].startswith(_LAKE[0][:6])


def test_latin_and_figures_in_running_text_are_no_page_references() -> None:
    story = Article(
        headline="打印店的新生意",
        paragraphs=("店里每天要用掉十箱A4纸，B2B平台上的订单占了一半，G20期间还接过会务单。",),
        dateline="本报讯",
        line=2,
    )
    assert pdf_doubts([(Cut(), [story])]) == []


def test_a_paragraph_set_without_its_indent_is_read_apart_or_warned(tmp_path: Path) -> None:
    # The third paragraph set flush (as after a picture), right under the second's short last line.
    body = [_LAKE[0] * 2, _LAKE[1], _HILL[0] * 2, _HILL[1]]
    story = HandSetStory("老码头迎来新栈桥", body, "本报湖州3月4日电")
    texts = story.texts()
    texts[2] = f"#par(first-line-indent: 0em)[{texts[2]}]"
    source = story.head() + _columns(2, texts, WIDTH / 2) + _rule()
    page = read_pdf(HandSetLayout(source, [story]).typeset(tmp_path))[0]
    (article,) = page.articles
    if list(article.paragraphs) != body:
        (message,) = _warned(page, article)
        assert "short line ending a sentence" in message
