"""`clean`, `build` and `lexicon check` on PDF pages: what an editor and a script see, the overlay
pictures, the review round trip, and one line (exit 2) for a scan, an encrypted or a broken PDF."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from audio_edition.cli import main
from audio_edition.text.pdf.overlay import COLOURS
from audio_edition.text.pdf.regions import Role
from tests.typeset.page_score import flat

CORPUS = Path(__file__).parent / "fixtures" / "typeset"
EDITION = CORPUS / "edition-4p" / "edition.pdf"
GOLD = json.loads((CORPUS / "edition-4p" / "gold.json").read_text(encoding="utf-8"))


def test_clean_json_reads_a_whole_edition_pdf() -> None:
    result = CliRunner().invoke(main, ["clean", "--json", str(EDITION)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["sources"] == [str(EDITION)]
    assert [a["headline"] for a in data["articles"]] == [a["headline"] for a in GOLD["articles"]]
    assert [p["number"] for p in data["pages"]] == [1, 2, 3, 4]
    kinds = {f["kind"] for p in data["pages"] for f in p["furniture"]}
    assert {"masthead", "folio", "editor", "caption", "index", "ad", "chart"} <= kinds
    spoken = flat("".join(p for a in data["articles"] for p in a["paragraphs"]))
    for page in GOLD["pages"]:
        for item in page["furniture"]:
            if len(flat(item["text"])) >= 4:
                assert flat(item["text"]) not in spoken, item


def test_clean_text_view_of_a_pdf_page() -> None:
    result = CliRunner().invoke(main, ["clean", str(CORPUS / "loose-6col" / "edition.pdf")])
    assert result.exit_code == 0, result.output
    gold = json.loads((CORPUS / "loose-6col" / "gold.json").read_text(encoding="utf-8"))
    first = gold["pages"][0]["articles"][0]
    assert f" 1  {first['headline']}" in result.output
    if first["kicker"]:
        assert f"kicker: {first['kicker']}" in result.output


def test_overlay_draws_each_page_with_its_roles(tmp_path: Path) -> None:
    folder = tmp_path / "overlay"
    result = CliRunner().invoke(main, ["clean", "--overlay", str(folder), str(EDITION)])
    assert result.exit_code == 0, result.output
    pictures = sorted(folder.glob("*.png"))
    assert [p.name for p in pictures] == [f"edition-p{n}.png" for n in (1, 2, 3, 4)]
    assert "overlay: 4 page pictures" in result.output
    with Image.open(pictures[0]) as image:
        assert image.width > 1000
        colours = {c for _, c in image.convert("RGB").getcolors(maxcolors=1 << 20) or []}
    # The outline colours are drawn opaque: each role on the front page shows.
    for role in (Role.HEADLINE, Role.KICKER, Role.BODY, Role.FURNITURE):
        assert COLOURS[role] in colours, role
    assert not list(folder.glob("*.part"))


def test_overlay_of_text_pages_says_there_is_nothing_to_draw(tmp_path: Path) -> None:
    page = CORPUS / "tight-4col" / "pdfminer" / "2024-03-05-02.txt"
    result = CliRunner().invoke(main, ["clean", "--overlay", str(tmp_path / "o"), str(page)])
    assert result.exit_code == 0, result.output
    assert "no PDF among the pages" in result.output


def test_the_markdown_review_plans_what_the_pdf_plans(tmp_path: Path) -> None:
    pdf = tmp_path / "2024-03-05.pdf"
    shutil.copy(EDITION, pdf)
    markdown = CliRunner().invoke(main, ["clean", "--format", "markdown", str(pdf)])
    assert markdown.exit_code == 0, markdown.output
    review = tmp_path / "2024-03-05.md"
    review.write_text(markdown.stdout, encoding="utf-8")
    plans = []
    for source in (pdf, review):
        result = CliRunner().invoke(
            main,
            [
                "build",
                str(source),
                "--out",
                str(tmp_path / "out"),
                "--engine",
                "offline",
                "--voice",
                "offline-fast",
                "--dry-run",
                "--json",
            ],
        )
        assert result.exit_code == 0, result.output
        plans.append(json.loads(result.stdout))
    assert plans[0]["tracks"] == plans[1]["tracks"]
    assert plans[0]["date"] == "2024-03-05"
    assert len(plans[0]["tracks"]) >= len(GOLD["articles"])


def test_lexicon_check_reads_a_pdf() -> None:
    result = CliRunner().invoke(main, ["lexicon", "check", str(EDITION)])
    assert result.exit_code == 0, result.output


def _scan(path: Path) -> Path:
    Image.new("RGB", (600, 800), "white").save(path, format="PDF")  # an image and no text: a scan
    return path


def _broken(path: Path) -> Path:
    path.write_bytes(EDITION.read_bytes()[:1500])  # a download cut short
    return path


def _not_a_pdf(path: Path) -> Path:
    path.write_text("本报北京3月4日电 这不是PDF。\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "make,message",
    [
        (_scan, "no text layer (a scanned page?); OCR is not supported"),
        (_broken, "not a readable PDF"),
        (_not_a_pdf, "not a readable PDF"),
        (lambda p: Path(__file__).parent / "fixtures" / "pdf" / "encrypted.pdf", "the PDF is encrypted"),
    ],
    ids=["scan", "broken", "not-a-pdf", "encrypted"],
)
@pytest.mark.parametrize("command", ["clean", "build"])
def test_an_unreadable_pdf_is_one_line_and_exit_2(tmp_path: Path, make, message: str, command: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path / "2024-03-05.pdf")
    args = [command, str(path)] + (
        ["--out", str(tmp_path / "out"), "--dry-run"] if command == "build" else []
    )
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and str(path) in lines[0], result.stderr
    assert "Traceback" not in result.output
