"""The Microsoft zh-CN neural voices, which both online engines speak under the same names.

Edge's read-aloud service and the paid Azure Speech service are two doors to the same voices, so a
preset written for one can be spoken by the other (``auto`` may pick either) without changing voice.
"""

from __future__ import annotations

NEURAL_VOICES: tuple[str, ...] = (
    "zh-CN-XiaoxiaoNeural",
    "zh-CN-XiaoyiNeural",
    "zh-CN-YunjianNeural",
    "zh-CN-YunxiNeural",
    "zh-CN-YunxiaNeural",
    "zh-CN-YunyangNeural",
    "zh-CN-liaoning-XiaobeiNeural",
    "zh-CN-shaanxi-XiaoniNeural",
)
"""``audio-edition voices --online`` shows the service's live list."""

ONLINE_ENGINES: frozenset[str] = frozenset({"edge", "azure"})
"""Engines that speak ``NEURAL_VOICES``: a preset for one is a preset for the other."""
