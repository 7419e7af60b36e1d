"""The voices shipped with audio-edition: preset files (``*.toml``) and the default pronunciation
lexicon (``lexicon.toml``), installed as package data with every wheel.

An editor's own presets and lexicon live in ``voices/`` beside the settings file (or in the
current folder when there is none): a preset there overrides the shipped one of the same name, and
that folder's ``lexicon.toml`` adds entries over the shipped lexicon, winning word by word.
"""

from __future__ import annotations

from pathlib import Path

SHIPPED = Path(__file__).resolve().parent
"""The presets and lexicon that come with the package."""
FOLDER_NAME = "voices"
"""The editor's own folder, beside the settings file."""
LEXICON_NAME = "lexicon.toml"


def voice_folders(settings_folder: Path | None) -> tuple[Path, ...]:
    """Where presets are read, later folders overriding earlier ones: the shipped folder, then
    ``<settings_folder>/voices`` when it exists and is not the shipped one (a source checkout)."""
    folders = [SHIPPED]
    if settings_folder is not None:
        mine = settings_folder / FOLDER_NAME
        if mine.is_dir() and mine.resolve() != SHIPPED:
            folders.append(mine)
    return tuple(folders)
