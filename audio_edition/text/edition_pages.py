"""A whole edition from its pages: pages in page order, articles that jump between pages stitched.

A long article starts on one page, stops at a jump line （下转第N版） and goes on at the top of page N
under ■上接第M版. A listener should hear it once, whole, where it starts. What we decided:

- Page order: every page's number (from its file name, else its folio) when all pages have one;
  otherwise the order the files were given, with a warning naming the page that has none.
- A continuation (``continued_from_page`` M) belongs to an article on page M: the one with the same
  headline (continuations usually repeat it), else the only article on page M that jumps to this
  page (``continued_on_page``). Chains (page 1 → 2 → 3) follow link by link.
- The stitched article keeps the front part's place, headline, dateline, line and section; its byline
  is the front part's, else the last part's (this paper prints bylines at the end of the article).
  When the front part stops mid-sentence, its last paragraph and the continuation's first one are
  one paragraph (jumps fall mid-sentence, even mid-word), even if the cut text, standing alone
  above the jump line, was read as a subhead: the paper cuts at a column's end, inside the text.
- A half whose other half is not among the pages (or cannot be told apart) is spoken as it stands,
  with a warning naming it; except when the edition is a single page, whose every jump leads
  elsewhere by nature (the sample page has seven): the reading records them, nobody is warned.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath

from audio_edition.text.articles import Article, Edition, Page, ReadingWarning
from audio_edition.text.layout import ends_sentence

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PAGE_IN_NAME = re.compile(r"(?:^|[-_ .])(?:p|page|第)?[-_ ]?0*(\d{1,3})版?$", re.IGNORECASE)
_NOT_WORD = re.compile(r"[\W_]+")


def page_number_from_name(name: str) -> int | None:
    """The page number a file name carries after its date: ``2023-12-25-03.txt``, ``…_p3.txt``,
    ``page-3.txt``, ``第3版.txt`` → 3; ``2023-12-25.txt`` → None."""
    stem = _DATE.sub("", PurePath(name).stem).strip()
    found = _PAGE_IN_NAME.search(stem)
    if not found:
        return None
    number = int(found.group(1))
    return number if number > 0 else None


def split_pages(text: str) -> list[str]:
    """The pages of one file an extractor wrote for a whole edition: pdftotext and pdfminer.six
    end each page with a form feed. Each page keeps its place in the file (blank lines stand for
    the pages before it), so a warning's line number is the file's; empty pages are left out."""
    parts = text.split("\f")
    if len(parts) == 1:
        return parts
    pages: list[str] = []
    before = 0
    for part in parts:
        if part.strip():
            pages.append("\n" * before + part)
        before += part.count("\n")
    return pages or [text]


def order_pages(pages: Sequence[Page]) -> tuple[list[Page], list[ReadingWarning]]:
    """The pages in page order when every page knows its number, else in the order given."""
    warnings: list[ReadingWarning] = []
    if len(pages) < 2:
        return list(pages), warnings
    unnumbered = [p for p in pages if p.number is None]
    if unnumbered:
        for page in unnumbered:
            warnings.append(
                ReadingWarning(
                    page.source,
                    None,
                    "no page number in the file name or a folio: "
                    "pages kept in the order given (name files like 2023-12-25-01.txt)",
                )
            )
        return list(pages), warnings
    seen: dict[int, str] = {}
    for page in pages:
        assert page.number is not None
        if page.number in seen:
            warnings.append(
                ReadingWarning(page.source, None, f"page {page.number} again (also {seen[page.number]})")
            )
        seen.setdefault(page.number, page.source)
    return sorted(pages, key=lambda p: p.number or 0), warnings


@dataclass(frozen=True)
class _Part:
    page: int  # index into the ordered pages
    article: Article


def stitch_pages(pages: Sequence[Page]) -> Edition:
    """One programme from pages already in page order: jumps joined, ``Article.pages`` set."""
    parts = [
        _Part(index, replace(article, pages=(page.number,) if page.number is not None else ()))
        for index, page in enumerate(pages)
        for article in page.articles
    ]
    warnings: list[ReadingWarning] = []
    on_page: dict[int, list[int]] = {}  # page number → its parts, so a big edition is not searched whole
    for at, part in enumerate(parts):
        number = pages[part.page].number
        if number is not None:
            on_page.setdefault(number, []).append(at)
    numbers = {p.number for p in pages}
    follows: dict[int, int] = {}  # part index → the part it continues
    taken: set[int] = set()  # parts already continued by another
    for at, part in enumerate(parts):
        wanted = part.article.continued_from_page
        if wanted is None:
            continue
        front = _front_part(parts, pages, at, on_page.get(wanted, []), taken)
        if front is not None and _continues(follows, front, at):
            front = None  # two parts that say they continue each other: leave both as they are
        if front is None:
            if len(pages) > 1:
                warnings.append(_open_from(pages[part.page].source, part.article, wanted, wanted in numbers))
            continue
        follows[at] = front
        taken.add(front)
    followed = {front: at for at, front in follows.items()}
    articles: list[Article] = []
    for at, part in enumerate(parts):
        if at in follows:
            continue  # spoken with its front part
        article = part.article
        link = at
        while link in followed:
            link = followed[link]
            article = _join(article, parts[link].article)
        articles.append(article)
        if article.continued_on_page is not None and len(pages) > 1:
            target = article.continued_on_page
            present = target in numbers
            why = "no part there continues it" if present else f"page {target} is not among the pages"
            warnings.append(
                ReadingWarning(
                    pages[parts[link].page].source,
                    parts[link].article.line,
                    f"jump left open: {_name(article)} continues on page {target}, "
                    f"but {why}; read as it stands",
                )
            )
    return Edition(
        sources=tuple(p.source for p in pages),
        articles=tuple(articles),
        pages=tuple(pages),
        warnings=tuple(warnings),
    )


def _open_from(source: str, article: Article, wanted: int, given: bool) -> ReadingWarning:
    if given:
        why = f"no article on page {wanted} jumps here (none with the same headline, not one open jump)"
    else:
        why = f"page {wanted} is not among the pages"
    return ReadingWarning(
        source,
        article.line,
        f"jump left open: {_name(article)} continues from page {wanted}, but {why}; read as it stands",
    )


def _front_part(
    parts: Sequence[_Part], pages: Sequence[Page], at: int, on_wanted_page: Sequence[int], taken: set[int]
) -> int | None:
    """The part that continuation ``parts[at]`` goes on from, among the parts of the page it names:
    the one with the same headline, else the only open jump to this page."""
    here = pages[parts[at].page].number
    candidates = [i for i in on_wanted_page if i not in taken and parts[i].page != parts[at].page]
    headline = _key(parts[at].article.headline)
    if headline:
        same = [
            i
            for i in candidates
            if _key(parts[i].article.headline) == headline
            and parts[i].article.continued_on_page in (None, here)
        ]  # not one that jumps elsewhere
        if same:
            return same[0]
    jumps = [
        i
        for i in candidates
        if parts[i].article.continued_on_page is not None
        and (here is None or parts[i].article.continued_on_page == here)
    ]
    return jumps[0] if len(jumps) == 1 else None


def _continues(follows: dict[int, int], part: int, of: int) -> bool:
    """Whether ``part`` already continues ``of``, directly or down a chain."""
    while part in follows:
        part = follows[part]
        if part == of:
            return True
    return False


def _key(headline: str | None) -> str:
    return _NOT_WORD.sub("", headline or "")


def _name(article: Article) -> str:
    if article.headline:
        return f"“{article.headline}”"
    first = article.paragraphs[0][:12] if article.paragraphs else ""
    return f"the article beginning “{first}…”"


def _join(front: Article, rest: Article) -> Article:
    """``front`` followed by its continuation ``rest``."""
    paragraphs = list(front.paragraphs)
    subheads = list(front.subheads)
    more = list(rest.paragraphs)
    if paragraphs and more and not ends_sentence(paragraphs[-1]) and more[0] not in rest.subheads:
        # The jump fell mid-sentence. What stands last before a jump line is the running text the
        # column cut, even when, standing alone above the jump line, it was read as a subhead.
        if paragraphs[-1] in subheads:
            subheads.reverse()
            subheads.remove(paragraphs[-1])
            subheads.reverse()
        paragraphs[-1] += more.pop(0)
    return replace(
        front,
        headline=front.headline or rest.headline,
        paragraphs=tuple(paragraphs + more),
        subheads=(*subheads, *rest.subheads),
        dateline=front.dateline or rest.dateline,
        byline=front.byline or rest.byline,
        continued_on_page=rest.continued_on_page,
        pages=front.pages + tuple(n for n in rest.pages if n not in front.pages),
    )
