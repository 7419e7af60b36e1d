"""Text stages: decode the page, repair its layout, find articles, split sentences, spoken form.

Everything here is pure: no subprocess, network, click or file writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from audio_edition.text.articles import (
    Article,
    DoubtCheck,
    Edition,
    Furniture,
    FurnitureKind,
    HeadlinePosition,
    Page,
    ReadingWarning,
    read_articles,
)
from audio_edition.text.decode import decode_page, read_page
from audio_edition.text.edition_pages import order_pages, page_number_from_name, split_pages, stitch_pages
from audio_edition.text.extraction import ExtractionLayout, is_extraction, read_extraction
from audio_edition.text.layout import folio_number, read_layout
from audio_edition.text.pdf import read_pdf
from audio_edition.text.review import read_review, review_sources

__all__ = [
    "Article",
    "Edition",
    "Furniture",
    "FurnitureKind",
    "HeadlinePosition",
    "Page",
    "ReadingWarning",
    "clean_page",
    "decode_page",
    "is_pdf",
    "parse_page",
    "read_edition",
    "read_page",
]


def parse_page(
    text: str, source: str = "<page>", *, number: int | None = None, headlines: HeadlinePosition | None = None
) -> Page:
    """One decoded page as a careful editor reads it: articles, furniture, warnings.

    ``headlines`` None means detect the page's convention; ``number`` is the page number when
    the caller knows it (from the file name), else the folio's.
    """
    # None: this paper's own convention. An extractor's page: the checks of its reading, run by
    # read_articles on the articles it reads (headlines forced or not).
    doubts: DoubtCheck | None = None
    whole_page: tuple[str, ...] = ()
    cut: ExtractionLayout | None = None  # a page printed in layout mode, read cut into its columns
    if is_extraction(text):
        extraction = read_extraction(text)
        layout, doubts, whole_page = extraction.layout, extraction.doubts, extraction.page_doubts
        cut = extraction if extraction.printed_lines else None
    else:
        layout = read_layout(text)
    reading = read_articles(layout.segments, headlines, doubts=doubts)
    articles, furniture, warnings = reading.articles, layout.furniture, reading.warnings
    if cut is not None:
        # Named by the lines of the file as printed, where an editor looks them up.
        articles = tuple(replace(a, line=cut.printed_line(a.line)) for a in articles)
        furniture = tuple(replace(f, line=cut.printed_line(f.line)) for f in furniture)
        warnings = tuple((cut.printed_line(line), message) for line, message in warnings)
    return Page(
        source=source,
        articles=articles,
        number=number if number is not None else folio_number(layout.furniture),
        headlines=reading.headlines,
        furniture=furniture,
        warnings=(
            *(ReadingWarning(source, None, message, whole_page=True) for message in whole_page),
            *(ReadingWarning(source, line, message) for line, message in warnings),
        ),
    )


def is_pdf(path: Path) -> bool:
    """A PDF by its name, or by its first bytes (``%PDF-``) whatever it is called."""
    if path.suffix.lower() == ".pdf":
        return True
    try:
        with path.open("rb") as file:
            return file.read(5) == b"%PDF-"
    except OSError:
        return False  # read_page names the problem


def clean_page(text: str) -> list[Article]:
    """The articles of one decoded page, as a careful editor reads them."""
    return list(parse_page(text).articles)


def read_edition(
    paths: Sequence[Path], encoding: str | None = None, *, headlines: HeadlinePosition | None = None
) -> Edition:
    """Read one edition: page files made one programme, or one reviewed markdown/JSON file.

    A page file is text (as an extractor printed it) or a PDF (one page or the whole edition),
    read from its geometry (``text.pdf``; ``headlines`` does not apply there). Pages go in page
    order (the number in each file name, else the folio, else the order given; a PDF page's folio
    first) and articles that jump between them are stitched (``edition_pages``).
    ``Edition.warnings`` holds everything the editor should look at: the pages' and the stitching's.
    """
    review = review_sources([str(p) for p in paths])
    if review is not None:
        return read_review(read_page(Path(review), encoding), review)
    pages: list[Page] = []
    for path in paths:
        if is_pdf(path):
            pages.extend(read_pdf(path))
            continue
        # One file may hold a whole edition as an extractor wrote it (pages end in form feeds):
        # then each page's number comes from its folio, else the pages stay in the file's order.
        parts = split_pages(read_page(path, encoding))
        number = page_number_from_name(path.name) if len(parts) == 1 else None
        pages += [parse_page(part, str(path), number=number, headlines=headlines) for part in parts]
    ordered, order_warnings = order_pages(pages)
    edition = stitch_pages(ordered)
    # A PDF's pages are named file.pdf#page=N; the edition's sources are the files themselves.
    edition = replace(
        edition, sources=tuple(dict.fromkeys(source.split("#page=")[0] for source in edition.sources))
    )
    page_warnings = [w for page in ordered for w in page.warnings]
    return replace(edition, warnings=(*order_warnings, *page_warnings, *edition.warnings))
