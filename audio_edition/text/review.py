"""The editor's review: an edition written out as markdown (or JSON) to correct, and read back in.

``clean --format markdown page.txt > 2023-12-25.md``, edit, ``build 2023-12-25.md``. The markdown::

    # 让群众切身感受到主题教育实际成效          one "# " line per article: its headline
    dateline: 本报巴彦淖尔12月24日电             then a few "key: value" lines
    byline: 记者 薛来
    pages: 1, 3
                                               a blank line ends the keys
    第一段……                                   paragraphs, separated by blank lines
    ## 储粮——国家“粮仓”“肉库”“奶罐”            a subhead, in place

What we decided:

- The keys are ``kicker`` (引题) and ``subtitle`` (副题) of a headline-first page, ``dateline``,
  ``byline``, ``section``, ``pages``, ``continued-from`` and ``continued-on`` (a jump left open),
  only right under the headline; anything else there is an
  error naming the line, as is text before the first headline.
- A brief with no headline (简讯) is written ``# （无标题）`` with ``section: 简讯``: an editor who
  gives it a headline just types over the placeholder, and a deleted headline is an error, not a
  brief made by accident.
- A paragraph may be wrapped over several lines (joined without a space, as Chinese is; with one
  between two Latin letters or digits). A paragraph that would start with ``#``, ``<!--`` or ``\\``
  is written with a ``\\`` in front, which reading removes.
- ``<!-- … -->`` comments are ignored, so the file can explain itself.

Reading is the inverse of writing: the markdown of a page plans exactly the tracks the page plans.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from audio_edition.errors import InputError
from audio_edition.text.articles import LONG_HEADLINE, LONG_PARAGRAPH, Article, Edition, Page, ReadingWarning

NO_HEADLINE = "（无标题）"
"""The headline written for an article printed without one (a 简讯 brief)."""

KEYS = ("kicker", "subtitle", "dateline", "byline", "section", "pages", "continued-from", "continued-on")

_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"
_KEY_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]*)\s*:\s*(.*)$")
_LATIN = re.compile(r"[0-9A-Za-z]")
# What no printed page holds and what would break a file written from it (a cue ends at a blank
# line, a tag at NUL): C0 and C1 controls, DEL, line and paragraph separators, lone surrogates.
_UNSPEAKABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_MAX_DIGITS = 18


# --- writing -------------------------------------------------------------------------------------


def edition_markdown(edition: Edition) -> str:
    """The edition as an editable markdown file (see the module's docstring)."""
    sources = ", ".join(edition.sources) or "the pages"
    out = [
        f"{_COMMENT_OPEN} audio-edition: the reading of {sources}. Correct it, then: audio-edition build THIS.md",
        f"     One '# headline' per article ('# {NO_HEADLINE}' for a brief without one), then key: value lines",
        f"     ({', '.join(KEYS)}), a blank line, paragraphs separated by blank lines, '## subhead' lines. {_COMMENT_CLOSE}",
    ]
    for article in edition.articles:
        out += ["", f"# {article.headline or NO_HEADLINE}"]
        out += [f"{key}: {value}" for key, value in _keys(article)]
        subheads = set(article.subheads)
        for paragraph in article.paragraphs:
            out += ["", f"## {paragraph}" if paragraph in subheads else _escape(paragraph)]
    return "\n".join(out) + "\n"


def _keys(article: Article) -> Iterator[tuple[str, str]]:
    if article.kicker:
        yield "kicker", article.kicker
    if article.subtitle:
        yield "subtitle", article.subtitle
    if article.dateline:
        yield "dateline", article.dateline
    if article.byline:
        yield "byline", article.byline
    if article.section:
        yield "section", article.section
    if article.pages:
        yield "pages", ", ".join(str(n) for n in article.pages)
    if article.continued_from_page is not None:
        yield "continued-from", str(article.continued_from_page)
    if article.continued_on_page is not None:
        yield "continued-on", str(article.continued_on_page)


def _escape(paragraph: str) -> str:
    return "\\" + paragraph if paragraph.startswith(("#", "\\", _COMMENT_OPEN)) else paragraph


def article_record(article: Article) -> dict[str, Any]:
    """An article as ``clean --json`` prints it: the design's fields, then where it came from."""
    return {
        "headline": article.headline,
        "section": article.section,
        "continued_from_page": article.continued_from_page,
        "dateline": article.dateline,
        "byline": article.byline,
        "subheads": list(article.subheads),
        "paragraphs": list(article.paragraphs),
        "continued_on_page": article.continued_on_page,
        "pages": list(article.pages),
        "line": article.line,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
    }


def warning_record(warning: ReadingWarning) -> dict[str, Any]:
    return {"source": warning.source, "line": warning.line, "message": warning.message}


def page_record(page: Page) -> dict[str, Any]:
    """A page as ``clean --json`` lists it: number, headline convention, furniture, warnings."""
    return {
        "source": page.source,
        "number": page.number,
        "headlines": page.headlines.value,
        "articles": len(page.articles),
        "furniture": [{"kind": f.kind.value, "text": f.text, "line": f.line} for f in page.furniture],
        "warnings": [warning_record(w) for w in page.warnings],
    }


# --- reading -------------------------------------------------------------------------------------


def read_markdown(text: str, source: str) -> Edition:
    """An edition from its markdown (see the module's docstring).

    Raises ``InputError`` naming the line for a broken structure: text before the first headline,
    an empty headline, an unknown or repeated key, a value that is not a page number.
    """
    articles: list[Article] = []
    current: _Draft | None = None
    for number, line in _lines_outside_comments(text, source):
        stripped = line.replace("\t", " ").strip()  # a typed tab is a space, not a control character
        if stripped.startswith("#") and not stripped.startswith("##"):
            if current is not None:
                articles.append(current.article())
            headline = stripped[1:].strip()
            if not headline:
                raise InputError(
                    f"{source}:{number}: an empty headline; write '# {NO_HEADLINE}' for a brief without one"
                )
            current = _Draft(None if headline == NO_HEADLINE else headline, number)
            continue
        if current is None:
            if stripped:
                raise InputError(
                    f"{source}:{number}: text before the first '# headline'; every article starts with one"
                )
            continue
        current.add(stripped, number, source)
    if current is not None:
        articles.append(current.article())
    if not articles:
        raise InputError(
            f"{source}: no '# headline' found; is this an edition written by clean --format markdown?"
        )
    for article in articles:
        for key, value in (
            ("headline", article.headline or ""),
            *((k, v) for k, v in _keys(article)),
            *(("paragraph", p) for p in article.paragraphs),
        ):
            _check_text(value, f"{source}:{article.line}", key)
    return Edition(sources=(source,), articles=tuple(articles), warnings=reading_warnings(articles, source))


def _lines_outside_comments(text: str, source: str) -> Iterator[tuple[int, str]]:
    opened: int | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if opened is None and line.lstrip().startswith(_COMMENT_OPEN):
            opened = number
        if opened is not None:
            if _COMMENT_CLOSE in line:
                opened = None
                if line.rstrip().endswith(_COMMENT_CLOSE):
                    continue
                line = line.split(_COMMENT_CLOSE, 1)[1]
            else:
                continue
        yield number, line
    if opened is not None:
        raise InputError(
            f"{source}:{opened}: a comment '{_COMMENT_OPEN}' that is never closed with '{_COMMENT_CLOSE}'"
        )


@dataclass
class _Draft:
    """One article of the markdown as its lines go by."""

    headline: str | None
    line: int
    keys: dict[str, str] = field(default_factory=dict)
    in_keys: bool = True
    paragraphs: list[str] = field(default_factory=list)
    subheads: list[str] = field(default_factory=list)
    open_paragraph: bool = False

    def add(self, line: str, number: int, source: str) -> None:
        if not line:
            self.in_keys = self.open_paragraph = False
            return
        if self.in_keys:
            self._key(line, number, source)
            return
        if line.startswith("##"):
            subhead = line[2:].strip()
            if subhead:
                self.subheads.append(subhead)
                self.paragraphs.append(subhead)
            self.open_paragraph = False
            return
        if line.startswith("\\"):
            line = line[1:]
        if self.open_paragraph:
            last = self.paragraphs[-1]
            glue = " " if _LATIN.match(last[-1:]) and _LATIN.match(line[:1]) else ""
            self.paragraphs[-1] = last + glue + line
        else:
            self.paragraphs.append(line)
            self.open_paragraph = True

    def _key(self, line: str, number: int, source: str) -> None:
        found = _KEY_LINE.match(line)
        if not found:
            raise InputError(
                f"{source}:{number}: expected 'key: value' under the headline; "
                "leave a blank line before the first paragraph"
            )
        key, value = found.group(1).lower(), found.group(2).strip()
        if key not in KEYS:
            raise InputError(f"{source}:{number}: unknown key '{key}'; the keys are {', '.join(KEYS)}")
        if key in self.keys:
            raise InputError(f"{source}:{number}: '{key}' given twice for one article")
        if key in ("pages", "continued-from", "continued-on"):
            numbers = [n.strip() for n in value.split(",")] if value else []
            if not all(n.isdigit() and int(n) > 0 for n in numbers) or (key != "pages" and len(numbers) > 1):
                raise InputError(
                    f"{source}:{number}: '{key}: {value}' is not a page number"
                    + (" list (write pages: 1, 3)" if key == "pages" else " (write it like 3)")
                )
        self.keys[key] = value

    def article(self) -> Article:
        pages = tuple(int(n) for n in self.keys.get("pages", "").split(",") if n.strip())
        return Article(
            headline=self.headline,
            paragraphs=tuple(self.paragraphs),
            section=self.keys.get("section") or None,
            continued_from_page=_page(self.keys.get("continued-from")),
            dateline=self.keys.get("dateline") or None,
            byline=self.keys.get("byline") or None,
            subheads=tuple(self.subheads),
            continued_on_page=_page(self.keys.get("continued-on")),
            pages=pages,
            line=self.line,
            kicker=self.keys.get("kicker") or None,
            subtitle=self.keys.get("subtitle") or None,
        )


def _page(value: str | None) -> int | None:
    return int(value) if value else None


def _number(digits: str) -> int:
    # Page and line numbers: a longer number is no page, and int() of thousands of digits is
    # slow, then refused (ValueError past 4,300).
    if len(digits.lstrip("-")) > _MAX_DIGITS:
        raise ValueError(f"a number of {len(digits):,} digits")
    return int(digits)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def read_json(text: str, source: str) -> Edition:
    """An edition from ``clean --json`` output (extra fields such as ``sentences`` are ignored).

    Raises ``InputError`` for anything else: not JSON, nested too deep, a number too long,
    NaN, a field of the wrong type, a text holding a control character or half a surrogate pair.
    """
    try:
        data = json.loads(text, parse_int=_number, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise InputError(f"{source}:{error.lineno}: not JSON ({error.msg})") from None
    except RecursionError:
        raise InputError(f"{source}: nested too deep to be the JSON of clean --json") from None
    except ValueError as error:
        raise InputError(f"{source}: not the JSON of clean --json ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise InputError(f'{source}: expected the JSON of clean --json, an object with an "articles" list')
    articles = [
        _article_from(entry, f"{source}: article {n}") for n, entry in enumerate(data["articles"], start=1)
    ]
    if not articles:
        raise InputError(f'{source}: the "articles" list is empty')
    return Edition(sources=(source,), articles=tuple(articles), warnings=reading_warnings(articles, source))


def reading_warnings(articles: Sequence[Article], source: str) -> tuple[ReadingWarning, ...]:
    """What ``clean`` warns of on a page, for a reviewed edition too (``--strict`` makes them
    errors): a headline or paragraph far longer than any printed one."""
    found = []
    for article in articles:
        if article.headline and len(article.headline) > LONG_HEADLINE:
            found.append(
                ReadingWarning(
                    source,
                    article.line,
                    f"headline of {len(article.headline):,} characters: is body text joined to it?",
                )
            )
        for paragraph in article.paragraphs:
            if len(paragraph) > LONG_PARAGRAPH:
                found.append(
                    ReadingWarning(
                        source,
                        article.line,
                        f"paragraph of {len(paragraph):,} characters: are two paragraphs or columns joined?",
                    )
                )
    return tuple(found)


def _check_text(value: str, where: str, key: str) -> str:
    found = _UNSPEAKABLE.search(value)
    if found is not None:
        raise InputError(
            f'{where}: "{key}" holds U+{ord(found.group()):04X}, a control character or half '
            f"a surrogate pair, which no page prints; remove it"
        )
    return value


def _article_from(entry: Any, where: str) -> Article:
    if not isinstance(entry, dict):
        raise InputError(f"{where}: expected an object")

    def text(key: str) -> str | None:
        value = entry.get(key)
        if value is None or isinstance(value, str):
            return _check_text(value, where, key) or None if value else None
        raise InputError(f'{where}: "{key}" must be text or null')

    def texts(key: str) -> tuple[str, ...]:
        value = entry.get(key, [])
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(_check_text(v, where, key) for v in value)
        raise InputError(f'{where}: "{key}" must be a list of text')

    def page(key: str) -> int | None:
        value = entry.get(key)
        if value is None or (isinstance(value, int) and not isinstance(value, bool) and value > 0):
            return value
        raise InputError(f'{where}: "{key}" must be a page number or null')

    if "paragraphs" not in entry:
        raise InputError(f'{where}: no "paragraphs"')
    pages = entry.get("pages", [])
    if not (
        isinstance(pages, list)
        and all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in pages)
    ):
        raise InputError(f'{where}: "pages" must be a list of page numbers')
    line = entry.get("line")
    return Article(
        headline=text("headline"),
        paragraphs=texts("paragraphs"),
        section=text("section"),
        continued_from_page=page("continued_from_page"),
        dateline=text("dateline"),
        byline=text("byline"),
        subheads=texts("subheads"),
        continued_on_page=page("continued_on_page"),
        pages=tuple(pages),
        line=line if isinstance(line, int) and not isinstance(line, bool) else None,
        kicker=text("kicker"),
        subtitle=text("subtitle"),
    )


def is_review(name: str) -> bool:
    """Whether a file is a reviewed edition (markdown or JSON) rather than a page."""
    return name.lower().endswith((".md", ".markdown", ".json"))


def read_review(text: str, source: str) -> Edition:
    """A reviewed edition from markdown or JSON, told apart by the file name."""
    return read_json(text, source) if source.lower().endswith(".json") else read_markdown(text, source)


def review_sources(names: Sequence[str]) -> str | None:
    """The one reviewed file among ``names``, or None for pages; mixing them is an error."""
    reviews = [n for n in names if is_review(n)]
    if not reviews:
        return None
    if len(names) > 1:
        raise InputError(
            f"{reviews[0]}: a reviewed edition (markdown or JSON) is read on its own, "
            "not with other files; give it alone"
        )
    return reviews[0]
