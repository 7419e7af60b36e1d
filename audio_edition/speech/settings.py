"""How engines reach their service and how hard the batch layer tries: plain settings, no I/O."""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from audio_edition.text.lexicon import Lexicon

DEFAULT_JOBS = 4
"""Speech requests and tracks worked on at once when neither ``--jobs`` nor ``[build] jobs`` says:
the one default every layer (batch, session, production, the CLI's help) reads."""

EDGE_URL_ENV = "AUDIO_EDITION_EDGE_URL"
"""A full ws/wss URL that replaces edge-tts's ``WSS_URL`` (a relay, or the tests' local server)."""

EDGE_VOICES_URL_ENV = "AUDIO_EDITION_EDGE_VOICES_URL"
"""An http(s) URL that replaces edge-tts's voice list URL; derived from ``EDGE_URL_ENV`` if unset."""

AZURE_KEY_ENV = "AZURE_SPEECH_KEY"
"""The Azure Speech resource key. Read from the environment only: a key never sits in a settings file."""

AZURE_REGION_ENV = "AZURE_SPEECH_REGION"
"""The Azure region of that resource (``eastus``, ``chinaeast2``…); ``[speech] azure_region`` also sets it."""

AZURE_URL_ENV = "AUDIO_EDITION_AZURE_URL"
"""A full http(s) URL replacing ``https://<region>.tts.speech.microsoft.com/cognitiveservices/v1``
(a sovereign cloud, a private endpoint, or the tests' local stand-in)."""


KOKORO_RUNTIME_ENV = "AUDIO_EDITION_KOKORO_RUNTIME"
"""``auto``, ``onnxruntime`` or ``openvino``: where Kokoro's model runs; ``[speech] kokoro_runtime`` also sets it."""


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


@dataclass(frozen=True)
class EngineSettings:
    """What an engine factory may use: network settings (the offline engines ignore them) and the
    lexicon whose pinned pinyin the offline engines read.

    ``proxy`` is passed to every connection; without it the usual ``HTTPS_PROXY``/``NO_PROXY``
    environment variables apply (edge-tts opens its sessions with ``trust_env``).
    """

    proxy: str | None = None
    connect_timeout: float = 10.0
    """Seconds to open the WebSocket."""
    receive_timeout: float = 20.0
    """Seconds of silence from the service after which a request counts as stalled."""
    probe_timeout: float = 5.0
    """Seconds ``auto`` waits for the service to answer one short request at build start."""
    edge_url: str | None = field(default_factory=lambda: _env(EDGE_URL_ENV))
    edge_voices_url: str | None = field(default_factory=lambda: _env(EDGE_VOICES_URL_ENV))
    azure_key: str | None = field(default_factory=lambda: _env(AZURE_KEY_ENV), repr=False)
    azure_region: str | None = field(default_factory=lambda: _env(AZURE_REGION_ENV))
    azure_url: str | None = field(default_factory=lambda: _env(AZURE_URL_ENV))
    lexicon: Lexicon | None = field(default=None, repr=False)
    """None: the lexicon shipped with the package."""
    kokoro_runtime: str = field(default_factory=lambda: _env(KOKORO_RUNTIME_ENV) or "auto")
    """Where Kokoro's model runs (``speech.kokoro_runtime``): ``auto`` (OpenVINO where it is installed
    and its model made, else onnxruntime), ``onnxruntime`` or ``openvino``."""


def engine_settings(*, azure_region: str | None = None, kokoro_runtime: str | None = None) -> EngineSettings:
    """The environment's engine settings, the settings file's (``[speech]``) where it says nothing.

    The Azure key is read from the environment only: a key never sits in a settings file.
    """
    from_env = EngineSettings()
    return replace(
        from_env,
        azure_region=from_env.azure_region or azure_region,
        kokoro_runtime=_env(KOKORO_RUNTIME_ENV) or kokoro_runtime or "auto",
    )


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter for transient failures (403, 429, 5xx, drops, stalls).

    Attempt ``n`` (0-based) waits ``min(max_delay, base_delay * 2**n)`` scaled by a random factor
    in ``[1 - jitter, 1]`` before retrying, so parallel requests that failed together do not come
    back together.
    """

    attempts: int = 5
    """Total tries per request, the first included."""
    base_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.5
    longest_retry_after: float = 60.0
    """A service asking (``Retry-After``) to wait longer than this is not retried: the request fails."""

    def delay(self, attempt: int, rand: float) -> float:
        """Seconds to wait after failed attempt ``attempt`` (0-based); ``rand`` is in [0, 1)."""
        ceiling = min(self.max_delay, self.base_delay * 2.0**attempt)
        return ceiling * (1.0 - self.jitter * rand)


class Fallback(enum.Enum):
    """``[speech] fallback``: what ``auto`` may do when the online voices fail."""

    OFFLINE = "offline"
    """Let the preset's offline counterpart read what the online engines could not."""
    FAIL = "fail"
    """Never another voice: fail the build instead."""


@dataclass(frozen=True)
class SpeechPolicy:
    """``[speech]``: the order ``--engine auto`` tries, and the fallback policy (``session.py``)."""

    engines: tuple[str, ...] = ("azure", "edge", "offline")
    """``offline`` stands for the preset's offline counterpart; azure is skipped without a key."""
    fallback: Fallback = Fallback.OFFLINE
    engines_chosen: bool = False
    """``[speech] engines`` was set: an engine in it that cannot be made is worth saying; in the
    default order, azure without a key is passed over in silence (it was never asked for)."""
