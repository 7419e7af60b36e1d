"""Publishing: the podcast feed, the catalog of editions, the listening page, the server.

The build calls ``publish_edition(output_dir, manifest, show)`` after each edition, with
``show = load_show(config_path_or_None)``; ``audio-edition publish`` calls ``publish_catalog``.
"""

from audio_edition.publish.config import load_show, write_starter_config
from audio_edition.publish.publisher import (
    PublishResult,
    publish_catalog,
    publish_edition,
)
from audio_edition.show import Show

__all__ = [
    "PublishResult",
    "Show",
    "load_show",
    "publish_catalog",
    "publish_edition",
    "write_starter_config",
]
