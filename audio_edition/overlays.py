"""``clean --overlay DIR``: a picture of each PDF page with what was read drawn on it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from audio_edition.fsutil import atomic_path, prepare_folder, reporting_write_errors
from audio_edition.text import is_pdf
from audio_edition.text.pdf import read_pdf_layouts
from audio_edition.text.pdf.overlay import overlay_images


def write_overlays(paths: Sequence[Path], folder: Path) -> list[Path]:
    """One PNG per page of each PDF among ``paths`` in ``folder`` (``<stem>-p<N>.png``); text pages have none."""
    pdfs = [path for path in paths if is_pdf(path)]
    if not pdfs:
        return []
    prepare_folder(folder, "--overlay")
    written: list[Path] = []
    for path in pdfs:
        for number, image in overlay_images(path, list(read_pdf_layouts(path))):
            target = folder / f"{path.stem}-p{number}.png"
            with reporting_write_errors(target), atomic_path(target) as temporary:
                image.save(temporary, format="PNG")
            written.append(target)
    return written
