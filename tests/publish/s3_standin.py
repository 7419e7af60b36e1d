"""An S3 stand-in that checks Content-MD5 as real S3 does: moto's S3 app behind a WSGI layer
that answers ``400 BadDigest`` when a PUT's body does not match its Content-MD5 (moto itself
accepts any), on a real HTTP server on 127.0.0.1 in a thread."""

from __future__ import annotations

import base64
import hashlib
import io
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server

_BAD_DIGEST = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>BadDigest</Code>'
    b"<Message>The Content-MD5 you specified did not match what we received.</Message></Error>"
)


class DigestChecker:
    """WSGI middleware: every PUT with a Content-MD5 is checked against its body."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app
        self.checked = 0
        self.rejected = 0

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        claimed = environ.get("HTTP_CONTENT_MD5")
        if environ["REQUEST_METHOD"] == "PUT" and claimed is not None:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length)
            environ["wsgi.input"] = io.BytesIO(body)
            self.checked += 1
            if base64.b64encode(hashlib.md5(body).digest()).decode("ascii") != claimed:
                self.rejected += 1
                start_response(
                    "400 Bad Request",
                    [("Content-Type", "application/xml"), ("Content-Length", str(len(_BAD_DIGEST)))],
                )
                return [_BAD_DIGEST]
        return self.app(environ, start_response)


@contextmanager
def checking_s3() -> Iterator[tuple[str, DigestChecker]]:
    """Yield the endpoint URL and the checker (its counts) of a running stand-in."""
    checker = DigestChecker(DomainDispatcherApplication(create_backend_app))
    server = make_server("127.0.0.1", 0, checker, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", checker
    finally:
        server.shutdown()
        thread.join(timeout=10)


@contextmanager
def standin_bucket(monkeypatch: Any, bucket: str) -> Iterator[tuple[Any, DigestChecker]]:
    """A client of a running stand-in with ``bucket`` made, the AWS settings pointing at it (test
    credentials, no profile); the bucket is emptied and removed afterwards, as moto keeps its
    buckets for the whole process."""
    from audio_edition.publish.bucket import bucket_client

    with checking_s3() as (endpoint, checker):
        for name, value in (
            ("AWS_ACCESS_KEY_ID", "testing"),
            ("AWS_SECRET_ACCESS_KEY", "testing"),
            ("AWS_DEFAULT_REGION", "us-east-1"),
            ("AWS_ENDPOINT_URL", endpoint),
        ):
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("AWS_PROFILE", raising=False)
        client = bucket_client()
        client.create_bucket(Bucket=bucket)
        yield client, checker
        for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
            client.delete_object(Bucket=bucket, Key=item["Key"])
        client.delete_bucket(Bucket=bucket)


def stored_under(client: Any, bucket: str, prefix: str) -> dict[str, bytes]:
    """Every object under ``prefix`` in ``bucket``: key (less the prefix) → bytes."""
    items = client.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
    return {
        i["Key"].removeprefix(prefix): client.get_object(Bucket=bucket, Key=i["Key"])["Body"].read()
        for i in items
    }
