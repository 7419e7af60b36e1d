"""An index box whose items point to their pages with 见 or an arrow (见D2, →C4, ▶07版, 详见第6版),
under a title the reader has no word for, is known by those pointers; a story that points to
another page once in a sentence, or jumps on to another page, stays a story. Pages from the real
typesetter, in words of no pool."""

from __future__ import annotations

from pathlib import Path

from audio_edition.text.pdf import read_pdf
from tests.typeset.page_score import flat, score_page
from tests.typeset.pages import EditionSpec, FurnitureBlock, PageSpec, Story, StoryBlock
from tests.typeset.typeset import typeset

_BODY = (
    "入春以来，河滩公园新栽的芦苇长出了嫩芽，成群的白鹭又回到了这片湿地。",
    "管理处在岸边搭起三座观鸟台，周末常有市民带着孩子前来，举着望远镜一看就是半天。",
    "公园还请来志愿者讲解鸟类知识，每月第一个周六开讲。",
)
_POINTING = (
    "老厂房改造后的创意街区本周开放，二十多家工作室入驻，街区的来历详见第3版。",
    "街区负责人说，夜间还将举办露天电影和手作市集，欢迎市民前来。",
)


def _read(spec: EditionSpec, tmp_path: Path) -> tuple[list[str], list[str], list[tuple[str, ...]]]:
    """The headlines read off the typeset page, the furniture the reading spoke, and each
    article's paragraphs."""
    (page,) = read_pdf(typeset(spec, tmp_path / "page.pdf"))
    score = score_page(page.articles, spec.gold()["pages"][0])
    return (
        [flat(a.headline or "") for a in page.articles],
        score.spoken_furniture,
        [tuple(a.paragraphs) for a in page.articles],
    )


def test_an_index_whose_items_point_with_jian_or_an_arrow_is_known_whatever_its_title(tmp_path: Path) -> None:
    # A narrow box: the items break over lines, each pointer on one of an item's lines only.
    index = FurnitureBlock(
        "index",
        (
            "→C4 河滩公园添了观鸟台",
            "旧厂房变身创意街区见D2",
            "▶07版 城西菜场夜里也开张",
            "自行车道连成环  详见第6版",
        ),
        span=1,
        title="本报提要",
    )
    rows = (
        (StoryBlock(Story("白鹭回到河滩湿地", _BODY), span=3), index),
        (StoryBlock(Story("创意街区本周开放", _POINTING), span=4),),
    )
    spec = EditionSpec("pointers", (PageSpec(number=1, columns=4, rows=rows),))
    headlines, spoken, paragraphs = _read(spec, tmp_path)
    assert headlines == ["白鹭回到河滩湿地", "创意街区本周开放"]
    assert not spoken
    # The story pointing to page 3 in its sentence keeps that sentence.
    assert paragraphs[1] == _POINTING


def test_a_story_pointing_once_to_another_page_and_jumping_on_stays_a_story(tmp_path: Path) -> None:
    # No index on the page: one pointer in a paragraph and a jump line (下转第2版) are a story's.
    rows = (
        (StoryBlock(Story("创意街区本周开放", _POINTING), span=2),),
        (StoryBlock(Story("白鹭回到河滩湿地", _BODY, continued_on_page=2), span=2),),
    )
    spec = EditionSpec("no-index", (PageSpec(number=1, columns=2, rows=rows),))
    headlines, spoken, paragraphs = _read(spec, tmp_path)
    assert headlines == ["创意街区本周开放", "白鹭回到河滩湿地"]
    assert not spoken
    assert paragraphs[0] == _POINTING
