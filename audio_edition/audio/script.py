"""What each track says: an article's parts with their pauses, the opening and the closing.

Pure functions over plain data: printed sentences and their spoken forms go in, ``TrackScript``
comes out. No audio, no files. The spoken form is produced by a callable the pipeline passes in
(``SpokenReader().speak`` bound to the engine's Latin reading), so this module stays testable
without loading wetext.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from pypinyin import lazy_pinyin

from audio_edition.speech.batch import PartKind
from audio_edition.text.articles import Article
from audio_edition.text.sentences import split_sentences

Speak = Callable[[str], str]
"""Printed sentence → spoken form."""

DEFAULT_SHOW_NAME = "有声日报"
BRIEF_SECTION = "简讯"
_WEEKDAYS = "一二三四五六日"
_DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class Pauses:
    """Silences in seconds, chosen to sound like a newsreader, all configurable."""

    after_headline: float = 0.9
    after_dateline: float = 0.25
    between_paragraphs: float = 0.6
    around_subhead: float = 0.9
    between_tracks: float = 1.5
    """Between the opening, each article and the closing in the episode (around the chime)."""
    lead_in: float = 0.3
    """Before the first word of every track, so no chapter starts mid-breath."""
    tail: float = 0.5
    """After the last word of every track."""


@dataclass(frozen=True)
class Line:
    """One part of a track: printed sentences, their spoken forms, the pause after them."""

    kind: PartKind
    printed: tuple[str, ...]
    spoken: tuple[str, ...]
    pause_after: float


@dataclass(frozen=True)
class TrackScript:
    """The words of one track, in order."""

    key: str
    """ASCII, unique in the edition: ``00-opening``, ``01-<slug>``, ``99-closing``."""
    title: str
    lines: tuple[Line, ...]
    article: int | None = None
    """1-based article number, None for the opening and closing."""
    text: str = ""
    """The article as printed (headline, dateline, byline, paragraphs) for lyrics and manifest."""

    @property
    def characters(self) -> int:
        return sum(len(s) for line in self.lines for s in line.spoken)


def chinese_number(n: int) -> str:
    """0–99 as a newsreader says it: 十, 十二, 二十五."""
    if not 0 <= n < 100:
        raise ValueError(f"{n} is out of 0..99")
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def spoken_date(date: dt.date, *, weekday: bool = True) -> str:
    """``2023-12-25`` → 二零二三年十二月二十五日，星期一 (years digit by digit, as said aloud)."""
    year = "".join(_DIGITS[int(d)] for d in str(date.year))
    said = f"{year}年{chinese_number(date.month)}月{chinese_number(date.day)}日"
    return f"{said}，星期{_WEEKDAYS[date.weekday()]}" if weekday else said


def printed_date(date: dt.date) -> str:
    """``2023-12-25`` → 2023年12月25日."""
    return f"{date.year}年{date.month}月{date.day}日"


def episode_title(show_name: str, date: dt.date) -> str:
    """The episode's title, and every MP3's album: show name and printed date."""
    return f"{show_name} {printed_date(date)}"


def slugify(headline: str, max_words: int = 8) -> str:
    """An ASCII slug from a Chinese headline via pinyin: ``十四冬志愿者`` → ``shi-si-dong-zhi-yuan-zhe``."""
    words: list[str] = []
    for token in lazy_pinyin(headline):
        words += re.findall(r"[a-z0-9]+", token.lower())
    return "-".join(words[:max_words]) or "article"


def article_title(article: Article, brief_number: int) -> str:
    """The headline, or for a headline-less brief ``简讯：`` and its opening words."""
    if article.headline:
        return article.headline
    first = article.paragraphs[0] if article.paragraphs else ""
    return f"{BRIEF_SECTION}{brief_number}：{first[:18]}{'…' if len(first) > 18 else ''}"


def printed_text(article: Article) -> str:
    """The article as printed, one paragraph a line (headline, dateline and byline first)."""
    head = [p for p in (article.headline, article.dateline, article.byline and f"（{article.byline}）") if p]
    return "\n".join([*head, *article.paragraphs])


def _line(kind: PartKind, text: str, speak: Speak, pause_after: float) -> Line | None:
    printed: list[str] = []
    spoken: list[str] = []
    for sentence in split_sentences(text):
        said = speak(sentence).strip()
        if said and re.search(r"\w", said):  # a sentence of marks only has nothing to say
            printed.append(sentence)
            spoken.append(said)
    if not spoken:
        return None
    return Line(kind, tuple(printed), tuple(spoken), pause_after)


def script_article(
    article: Article, number: int, brief_number: int, speak: Speak, pauses: Pauses
) -> TrackScript:
    """The words of article ``number`` (1-based): headline, pause, dateline, body with subheads."""
    subheads = set(article.subheads)
    lines: list[Line | None] = []
    if article.headline:
        lines.append(_line(PartKind.HEADLINE, article.headline, speak, pauses.after_headline))
    if article.dateline:
        lines.append(_line(PartKind.DATELINE, article.dateline, speak, pauses.after_dateline))
    for paragraph in article.paragraphs:
        if paragraph in subheads:
            lines.append(_line(PartKind.SUBHEAD, paragraph, speak, pauses.around_subhead))
        else:
            lines.append(_line(PartKind.PARAGRAPH, paragraph, speak, pauses.between_paragraphs))
    kept = [line for line in lines if line is not None]
    # A subhead gets its pause before as well: stretch the pause of whatever precedes it.
    for i in range(len(kept) - 1):
        if kept[i + 1].kind is PartKind.SUBHEAD:
            kept[i] = replace(kept[i], pause_after=max(kept[i].pause_after, pauses.around_subhead))
    slug = slugify(article.headline) if article.headline else f"brief-{brief_number}"
    return TrackScript(
        key=f"{number:02d}-{slug}",
        title=article_title(article, brief_number),
        lines=tuple(kept),
        article=number,
        text=printed_text(article),
    )


def script_articles(articles: Sequence[Article], speak: Speak, pauses: Pauses) -> list[TrackScript]:
    """Scripts for every article in order; briefs are numbered ``brief-1``, ``brief-2``, …"""
    scripts: list[TrackScript] = []
    briefs = 0
    for number, article in enumerate(articles, start=1):
        if not article.headline:
            briefs += 1
        script = script_article(article, number, briefs, speak, pauses)
        if script.lines:
            scripts.append(script)
    return scripts


def _announcement(key: str, title: str, sentences: Sequence[tuple[str, str]]) -> TrackScript:
    """A track of the episode's own words: (printed, spoken) sentence pairs."""
    printed = tuple(p for p, _ in sentences)
    spoken = tuple(s for _, s in sentences)
    line = Line(PartKind.ANNOUNCEMENT, printed, spoken, 0.0)
    return TrackScript(key=key, title=title, lines=(line,), text="".join(printed))


DEFAULT_OPENING = "这里是{show}。今天是{date}，{weekday}。本期共有{count}篇报道。"
DEFAULT_CLOSING = "以上就是{date}的{show}。感谢收听，我们明天再会。"
PLACEHOLDERS = ("show", "date", "weekday", "count")
"""What an opening or closing may name: the show, the printed date, its weekday, the number of stories."""


@dataclass(frozen=True)
class Wording:
    """The programme's own words (``[script]`` in the settings)."""

    opening: str = DEFAULT_OPENING
    closing: str = DEFAULT_CLOSING
    rundown: bool = True
    """Read the headlines after the opening."""


def _fill(template: str, show: str, date: dt.date, count: int, speak: Speak) -> list[tuple[str, str]]:
    """(printed, spoken) sentences of a filled-in template. The date is printed with digits and
    said as a newsreader says it (years digit by digit), not left to the normalizer."""
    weekday = f"星期{_WEEKDAYS[date.weekday()]}"
    printed = template.format(show=show, date=printed_date(date), weekday=weekday, count=count)
    spoken = template.format(show=show, date=spoken_date(date, weekday=False), weekday=weekday, count=count)
    ends = re.compile(r"(?<=[。！？!?])")
    printed_parts = [p for p in ends.split(printed) if p.strip()]
    spoken_parts = [p for p in ends.split(spoken) if p.strip()]
    if len(printed_parts) != len(spoken_parts):  # a show name with its own 。: one sentence then
        printed_parts, spoken_parts = [printed], [spoken]
    return [(p, speak(s)) for p, s in zip(printed_parts, spoken_parts, strict=True)]


def script_opening(
    show: str, date: dt.date, articles: Sequence[TrackScript], speak: Speak, wording: Wording = Wording()
) -> TrackScript:
    """The opening words (show name, date, how many stories) and the headlines as a rundown."""
    count = len(articles)
    sentences = _fill(wording.opening, show, date, count, speak)
    headlines = (
        [a.title for a in articles if not a.title.startswith(BRIEF_SECTION)] if wording.rundown else []
    )
    # One sentence per headline: a cue each in the transcript, a full stop's pause between.
    said = [("主要内容有：" if i == 0 else "") + h + "。" for i, h in enumerate(headlines)]
    sentences += [(s, speak(s)) for s in said]
    return _announcement("00-opening", "开场", sentences)


def script_closing(show: str, date: dt.date, speak: Speak, wording: Wording = Wording()) -> TrackScript:
    """The sign-off."""
    return _announcement("99-closing", "结束", _fill(wording.closing, show, date, 0, speak))
