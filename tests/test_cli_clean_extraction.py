"""`audio-edition clean` on an extractor's text: the warnings an editor sees, and --strict."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from audio_edition.cli import main

CORPUS = Path(__file__).parent / "fixtures" / "typeset"
# pdftotext interleaved two columns of this page's first story line by line.
INTERLEAVED = CORPUS / "after-5col" / "pdftotext" / "2024-03-05-03.txt"
CLEAN = CORPUS / "loose-6col" / "pymupdf" / "2024-03-05-04.txt"


def test_doubts_are_one_line_each_with_file_and_line_and_strict_refuses() -> None:
    result = CliRunner().invoke(main, ["clean", str(INTERLEAVED)])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert warnings and all(line.startswith(f"{INTERLEAVED}:") for line in warnings)
    assert any("read the PDF for this page" in line for line in warnings)
    strict = CliRunner().invoke(main, ["clean", "--strict", str(INTERLEAVED)])
    assert strict.exit_code == 2
    assert "--strict" in strict.stderr and "Traceback" not in strict.output + strict.stderr


def test_json_lists_the_doubts_and_the_page_furniture() -> None:
    result = CliRunner().invoke(main, ["clean", "--json", str(INTERLEAVED)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    lines = [w["line"] for w in data["warnings"] if "read the PDF" in w["message"]]
    assert lines and all(isinstance(n, int) for n in lines)
    kinds = {f["kind"] for page in data["pages"] for f in page["furniture"]}
    assert {"folio", "editor", "caption"} <= kinds
    spoken = "".join(p for a in data["articles"] for p in a["paragraphs"])
    assert "责任编辑" not in spoken and "星期二" not in spoken


def test_a_clean_extraction_reads_without_a_warning_under_strict() -> None:
    result = CliRunner().invoke(main, ["clean", "--strict", "--json", str(CLEAN)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["warnings"] == []
    heads = [(a["kicker"], a["headline"], a["subtitle"]) for a in data["articles"] if a["headline"]]
    gold = json.loads((CORPUS / "loose-6col" / "gold.json").read_text(encoding="utf-8"))
    want = [
        (a["kicker"], a["headline"], a["subtitle"]) for a in gold["pages"][0]["articles"] if a["headline"]
    ]
    assert heads == want
