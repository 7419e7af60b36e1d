"""Where the PDF route may have read a story wrong: one plain warning per article in doubt.

The PDF route cuts a page into stories by its geometry and reads each story's paragraphs off its
columns; on a paper whose furniture, datelines or boxes it does not know, it reads some stories
wrong and cannot tell by the geometry alone. What the articles it made show against the way any
paper prints a story is a doubt, and the editor is told which article to check on the overlay
(``clean --overlay DIR``); ``--strict`` refuses the page. Each check is made so that a page read
right raises none (``tests/text/pdf/test_doubts.py``), the classes:

- A paragraph opening on a news source's mark not read as a dateline: the paper's own name (本报…),
  a lead in black brackets (【…电】), an outlet's name, a place and a day ending its report (…社贵阳6日电) or a run
  with no punctuation closed by a reporter's credit in brackets (…讯（记者 王明）), a source with
  no 电 (据某某新闻…) that runs on with no comma. A dateline opens a story: opening its first
  paragraph it was not taken off (it would be spoken, and the reader did not know the paper's
  datelines, so it may have cut the story wrong too); opening a later one, two stories are read
  as one.
- A paragraph holding two page references or more (第5版, （A06）, →A07): a page index or a box
  pointing to other pages, read as a story.
- The doubts an article's text raises by itself whatever read it, shared with the text route
  (``extraction_doubts.content_doubts``): a headline with no text under it (a box's title or an
  ad's line read as a head); a story thinner than a line; a paragraph ending mid-sentence with
  no jump line (a byline's or a label's line standing alone read as a paragraph, or a story's
  rest read elsewhere); a byline closing a paragraph inside a story (a box of briefs read as one
  story, or two stories as one) or holding running text; a quotation closed unopened; a
  paragraph opening on a sentence's last words. The text route's doubts of a headline's
  punctuation (a comma inside) and of a paragraph opening on a word's last character (雾，从…)
  are not run: the PDF route tells heads by their type, and a sentence may open so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from audio_edition.text.articles import Article
from audio_edition.text.extraction_doubts import content_doubts
from audio_edition.text.layout import dateline_at_start

_CHECK = "check it on the overlay (clean --overlay DIR)"
_NO_MARK = "[^，。、；：！？“”‘’（）()\\s]"  # a run of a source's words: no punctuation, no space
# A news source's mark opening a paragraph (see the module doc). 本报 is the paper's own name,
# which running text seldom opens on; an outlet's name ends in 社, 网, 台 or 报 (新华社, 人民网).
_SOURCE_OPENING = re.compile(
    "^(?:"
    f"本报(?:{_NO_MARK}{{0,10}}?[讯电]|{_NO_MARK}{{0,6}})"
    "|[【〖][^】〗]{2,24}[】〗]"
    f"|据{_NO_MARK}{{1,8}}?(?:新闻|日报|晚报|网|社|台|客户端)(?!报道|消息|获悉|介绍|了解|统计|[，、])"
    f"|{_NO_MARK}{{1,10}}?(?:社|网|台|报)[\u4e00-\u9fff]{{0,6}}?(?:\\d{{1,2}}\\s*月\\s*)?\\d{{1,2}}\\s*日\\s*[讯电]"
    f"|{_NO_MARK}{{2,16}}[（(][^（）()]{{0,6}}记者[^（）()]{{1,20}}[）)]"
    ")"
)
_PAGE_REFERENCE = re.compile(r"第\s*\d{1,2}\s*版|[（(]?\b[A-Z]\d{1,2}\b[）)]?|→")
_PAGE_REFERENCES = 2  # at least: a story may name another page once (详见第5版)


def pdf_doubts(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """(article's line, message) for each article of one page the PDF route may have read wrong,
    one per article: its first doubt (the articles' lines number them in reading order)."""
    found: list[tuple[int, str]] = []
    found += _sources_not_read_as_datelines(articles)
    found += _page_indexes(articles)
    found += _briefs_under_a_head(articles)
    found += content_doubts(articles, _CHECK)
    first: dict[int, str] = {}
    for line, message in found:
        first.setdefault(line, message)
    return sorted(first.items())


def _name(article: Article) -> str:
    return article.headline or (article.paragraphs[0][:16] if article.paragraphs else "")


def _sources_not_read_as_datelines(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """Paragraphs opening on a source's mark that was not read as a dateline."""
    found: list[tuple[int, str]] = []
    for article in articles:
        for n, paragraph in enumerate(article.paragraphs):
            if paragraph in article.subheads or dateline_at_start(paragraph):
                continue  # a dateline inside a story is warned of where the route reads it
            source = _SOURCE_OPENING.match(paragraph)
            if source is None:
                continue
            mark = source.group(0)
            if n == 0 and article.dateline is None and article.continued_from_page is None:
                why = (
                    f"opens on 「{mark}」, a source's mark not read as its dateline: it would be "
                    "spoken, and the story may be cut wrong"
                )
            elif n > 0:
                why = (
                    f"has a paragraph opening on 「{mark}」, a source's mark: two stories may be read as one"
                )
            else:
                continue
            found.append((article.line or 0, f"「{_name(article)}」 {why}; {_CHECK}"))
            break
    return found


def _page_indexes(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """Articles with a paragraph pointing to other pages more than once: an index read as a story."""
    return [
        (
            article.line or 0,
            f"「{_name(article)}」 points to other pages (第N版, A07): a page index or a box may be "
            f"read as a story; {_CHECK}",
        )
        for article in articles
        if any(len(_PAGE_REFERENCE.findall(p)) >= _PAGE_REFERENCES for p in article.paragraphs)
    ]


_BOX_WORD = 6  # characters at most: a box's word (简讯, 民生快递) is shorter than any headline it heads
_BRIEF_AT_MOST = 80  # characters: a brief is a sentence or two; a story's paragraphs run longer
_SENTENCE_ENDS = re.compile(r"[。！？…][”’」』）)]*$")


def _briefs_under_a_head(articles: Sequence[Article]) -> list[tuple[int, str]]:
    """A story under a head as short as a box's word whose paragraphs are all a brief's length,
    each a whole sentence or two, under no dateline, kicker, subtitle or reporter's byline: a box of briefs whose word the route did
    not know, read as one story (its briefs lose their own datelines and bylines)."""
    return [
        (
            article.line or 0,
            f"「{article.headline}」 may be a box of briefs read as one story (a short head over "
            f"short items); {_CHECK}",
        )
        for article in articles
        if article.headline
        and len(article.headline) <= _BOX_WORD
        and len(article.paragraphs) >= 2
        and article.dateline is None
        and not (article.kicker or article.subtitle or article.subheads)
        and not (article.byline and "记者" in article.byline)  # a story's own byline, not a brief's
        and all(len(p) <= _BRIEF_AT_MOST and _SENTENCE_ENDS.search(p) for p in article.paragraphs)
    ]
