"""The user's Kokoro installation, which ``make test`` puts in place before the tests run."""

from __future__ import annotations

import functools

import pytest

from audio_edition.errors import SpeechError
from audio_edition.speech.kokoro.assets import KokoroAssets, locate_kokoro


@functools.cache
def _located() -> KokoroAssets | str:
    try:
        return locate_kokoro()
    except SpeechError as error:
        return str(error)


def installed_kokoro() -> KokoroAssets:
    """The verified installation; a test that needs it fails (not skips) when it is missing."""
    found = _located()
    if isinstance(found, str):
        pytest.fail(f"{found} (make test does this first)")
    return found
