"""The PDF route: a typeset page read from its characters' positions, sizes and fonts.

``read_pdf(path)`` gives one ``Page`` (the text route's dataclass) per PDF page; ``render_overlay``
draws what was read on a picture of each page. Modules: ``chars`` (PDFium through pypdfium2: the
only one opening PDFs), ``lines`` (characters into lines), ``regions`` (the page into stories,
boxes and furniture), ``reading`` (stories into articles), ``overlay`` (the pictures).
"""

from __future__ import annotations

from audio_edition.text.pdf.reading import PdfPageReading, read_pdf, read_pdf_layouts

__all__ = ["PdfPageReading", "read_pdf", "read_pdf_layouts"]
