"""``audio-edition serve``: serve ``output/`` over HTTP the way podcast apps and browsers need.

Byte ranges (206 + Content-Range, 416), HEAD, conditional requests (ETag, If-Modified-Since),
HTTP/1.1 keep-alive, podcast MIME types, zero-copy ``sendfile``; a path check that never leaves
the folder nor serves a private file (``files.py``); a strict request reader that lets no
request hide inside another (``request.py``); and a bounded event loop with timeouts that idle
or slow clients cannot starve (``server.py``).
"""

from audio_edition.publish.public import is_private
from audio_edition.publish.serve.files import (
    ByteRange,
    NotFound,
    Unsatisfiable,
    content_type,
    parse_range,
    resolve_request_path,
)
from audio_edition.publish.serve.request import BadRequest, Request, parse_head
from audio_edition.publish.serve.server import EditionServer, ServeLimits, make_server, serve

__all__ = [
    "BadRequest",
    "ByteRange",
    "EditionServer",
    "NotFound",
    "Request",
    "ServeLimits",
    "Unsatisfiable",
    "content_type",
    "is_private",
    "make_server",
    "parse_head",
    "parse_range",
    "resolve_request_path",
    "serve",
]
