"""Reading page files in the encodings and line endings newsrooms actually send."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from audio_edition.errors import InputError
from audio_edition.text.decode import decode_page, read_page

PAGE = "■上接第3版\r\n本报巴彦淖尔 12 月 24 日电\r\n（记者 薛来）“小区内私搭乱建。”\r\n"
EXPECTED = PAGE.replace("\r\n", "\n")


@pytest.mark.parametrize(
    "data",
    [
        PAGE.encode("utf-8"),
        codecs.BOM_UTF8 + PAGE.encode("utf-8"),
        PAGE.encode("gb18030"),
        PAGE.encode("gbk"),
        PAGE.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"),
        PAGE.replace("\r\n", "\n").encode("utf-8"),
        PAGE.replace("\r\n", "\r").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-le-bom", "utf-16-be-bom", "lf", "cr"],
)
def test_detects_encoding_and_line_ends(data: bytes) -> None:
    assert decode_page(data, source="page.txt") == EXPECTED


def test_encoding_option_overrides_detection() -> None:
    # Big5 bytes happen to decode as GB18030 too; only the editor knows which it is.
    text = "台灣新聞報導。"
    assert decode_page(text.encode("big5"), source="p", encoding="big5") == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "p.txt: the file is empty"),
        (b"  \n\r\n ", "p.txt: the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "p.txt: looks like a binary file, not page text"),
        (b"Just English text.\n", "p.txt: no Chinese text found; is this a page of the paper?"),
        (b"\x80\x80\xff\xff\xa0", "p.txt: neither UTF-8 nor GB18030; try --encoding=NAME"),
    ],
    ids=["empty", "whitespace", "binary", "no-chinese", "undecodable"],
)
def test_bad_input_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as error:
        decode_page(data, source="p.txt")
    assert str(error.value) == message


def test_wrong_encoding_option_says_how_to_fix() -> None:
    with pytest.raises(InputError, match="not valid ascii at byte 0; leave out --encoding"):
        decode_page("新闻".encode(), source="p", encoding="ascii")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        decode_page("新闻".encode(), source="p", encoding="klingon")


def test_read_page_names_missing_files_and_folders(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_page(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_page(tmp_path)


def test_a_broken_bom_is_named() -> None:
    with pytest.raises(InputError, match="starts with a utf-16 BOM but is not valid utf-16"):
        decode_page(codecs.BOM_UTF16_LE + b"\x00\xd8", source="p")


PAGE_LINES = "本报巴彦淖尔12月24日电\n黄河岸边的幸福路越走越宽，\n沿线农牧民的日子越过越红火。\n"


@pytest.mark.parametrize(
    "markup",
    [
        f"<!DOCTYPE html>\n<html><head><title>日报</title></head><body>{PAGE_LINES}</body></html>",
        f"<html lang='zh'>\n<body>\n<p>{PAGE_LINES}</p>\n</body></html>",
        f'<div class="article">\n<h1>幸福路</h1>\n<p>{PAGE_LINES}</p>\n<p>第二段</p>\n</div>',
        f"  <?xml version='1.0'?><doc>{PAGE_LINES}</doc>",
        "{\\rtf1\\ansi " + PAGE_LINES + "}",
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_markup_is_refused_with_one_line(markup: str, encoding: str) -> None:
    with pytest.raises(InputError, match=r"^page.html: is HTML or other markup, not page text; ") as error:
        decode_page(markup.encode(encoding), source="page.html")
    assert "\n" not in str(error.value)


def test_a_page_that_mentions_a_tag_is_still_a_page() -> None:
    text = PAGE_LINES + "网页中用<br>换行的做法，\n在印刷版面上并不存在。\n"
    assert decode_page(text.encode(), source="p.txt") == text


def test_building_an_html_file_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from audio_edition.cli import main

    page = tmp_path / "2023-12-25.html"
    page.write_text(f"<html><body><p>{PAGE_LINES}</p></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(page)])
    assert result.exit_code != 0 and result.stderr.count("\n") == 1
    assert "is HTML or other markup" in result.stderr and "Traceback" not in result.output
