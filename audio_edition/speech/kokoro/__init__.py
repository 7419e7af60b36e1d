"""The Kokoro engine: Kokoro-82M v1.0's Mandarin voices, offline, publishable (Apache-2.0).

What the rest of the project uses is exported here: the engine and the installer. How the model
is run (the pipeline, why each part exists, the measured figures) is in this folder's README.md.
"""

from __future__ import annotations

from audio_edition.speech.kokoro.assets import install_kokoro
from audio_edition.speech.kokoro.engine import KokoroEngine

__all__ = ["KokoroEngine", "install_kokoro"]
