"""The editor's lexicon: entries pin a reading; a bad entry is refused with its line named."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition.errors import ConfigError
from audio_edition.text.articles import Article
from audio_edition.text.lexicon import (
    DEFAULT_LEXICON_PATH,
    Lexicon,
    find_lexicon_hits,
    load_default_lexicon,
    load_lexicon,
    parse_lexicon,
)

EDITOR_LEXICON = """\
# Place names
[[entry]]
text = "六安"
say = "陆安"
pinyin = "lu4 an1"
note = "Anhui city"

[[entry]]
text = "阿拉善"
pinyin = "a1 la1 shan4"

[[entry]]
text = "阿拉善盟"
say = "阿拉善盟"
pinyin = "a1 la1 shan4 meng2"
"""


def test_entries_keep_what_the_editor_wrote() -> None:
    lexicon = parse_lexicon(EDITOR_LEXICON)
    assert [e.text for e in lexicon.entries] == ["六安", "阿拉善", "阿拉善盟"]
    first = lexicon.entries[0]
    assert (first.say, first.pinyin, first.note, first.line) == ("陆安", ("lu4", "an1"), "Anhui city", 2)
    # No say: the word is said as printed, the pinyin only guides the offline engine.
    assert lexicon.entries[1].say == "阿拉善"
    assert [e.line for e in lexicon.entries] == [2, 8, 12]


def test_apply_swaps_words_longest_first() -> None:
    lexicon = parse_lexicon(EDITOR_LEXICON)
    assert lexicon.apply("六安和阿拉善盟") == "陆安和阿拉善盟"
    matches = lexicon.matches("阿拉善盟和阿拉善")
    assert [(m.entry.text, m.start, m.end) for m in matches] == [("阿拉善盟", 0, 4), ("阿拉善", 5, 8)]


def test_pinyin_for_word_as_printed_or_spoken() -> None:
    lexicon = parse_lexicon(EDITOR_LEXICON)
    assert lexicon.pinyin_for("六安") == "lu4 an1"
    assert lexicon.pinyin_for("陆安") == "lu4 an1"
    assert lexicon.pinyin_for("合肥") is None


def test_empty_lexicon_changes_nothing() -> None:
    assert Lexicon().apply("六安") == "六安"
    assert Lexicon().matches("六安") == ()


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('[[entry]]\ntext = "六安"\n', r"<lexicon>:1: '六安' needs say = \"…\" or pinyin"),
        ('[[entry]]\nsay = "陆安"\n', r"<lexicon>:1: the entry needs a non-empty text"),
        ('\n\n[[entry]]\ntext = "六安"\npinyin = "lu4 an"\n', r"<lexicon>:3: pinyin 'an' is not a syllable"),
        (
            '[[entry]]\ntext = "六安"\nsay = "陆安"\npinyin = "lu4"\n',
            r"<lexicon>:1: pinyin has 1 syllables but '陆安' has 2",
        ),
        ('[[entry]]\ntext = "六安"\nsay = "六2"\n', r"<lexicon>:1: say for '六安' has digits"),
        ('[[entry]]\ntext = "六安"\nsai = "陆安"\n', r"<lexicon>:1: unknown key 'sai'"),
        ('[[entry]]\ntext = "六安"\nsay = 6\n', r"<lexicon>:1: say must be a string"),
        ('[[entry]]\ntext = "六安"\nsay = ""\n', r"<lexicon>:1: say for '六安' is empty"),
        (
            '[[entry]]\ntext = "六安"\nsay = "陆安"\n\n[[entry]]\ntext = "六安"\nsay = "绿安"\n',
            r"<lexicon>:5: '六安' is already an entry at line 1",
        ),
        ('[[entry]]\ntext = "六安\n', r"not valid TOML: .*line 2"),
        ('[words]\n"六安" = "陆安"\n', r"unknown table 'words'; write entries as \[\[entry\]\]"),
    ],
)
def test_bad_entries_name_their_line(source: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_lexicon(source)


def test_load_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('[[entry]]\ntext = "六安"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"{path}:1: '六安' needs say"):
        load_lexicon(path)
    with pytest.raises(ConfigError, match="lexicon not found"):
        load_lexicon(tmp_path / "missing.toml")
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(ConfigError, match="cannot read the lexicon"):
        load_lexicon(path)


def test_the_project_lexicon_loads() -> None:
    lexicon = load_default_lexicon()
    assert DEFAULT_LEXICON_PATH.is_file()
    assert len(lexicon) >= 10
    assert lexicon.pinyin_for("和林格尔") == "he2 lin2 ge2 er3"


def test_hits_say_where_an_entry_fires() -> None:
    lexicon = parse_lexicon(EDITOR_LEXICON)
    articles = [
        Article(headline="六安新闻", paragraphs=("第一段。",)),
        Article(headline=None, paragraphs=("无关。", "前往阿拉善盟和六安。")),
    ]
    hits = find_lexicon_hits(lexicon, articles, context_chars=2)
    assert [(h.entry.text, h.article, h.paragraph, h.offset, h.context) for h in hits] == [
        ("六安", 1, 0, 0, "[六安]新闻"),
        ("阿拉善盟", 2, 2, 2, "前往[阿拉善盟]和六"),
        ("六安", 2, 2, 7, "盟和[六安]。"),
    ]
    assert hits[0].headline == "六安新闻"
