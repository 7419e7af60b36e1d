"""S3-compatible object storage (AWS S3, Aliyun OSS, Tencent COS, Cloudflare R2, MinIO) for
``publish --to s3://BUCKET/PREFIX``: the only module that talks to a store.

The endpoint comes from ``AWS_ENDPOINT_URL`` (botocore reads it) or ``[publish] endpoint_url``;
credentials the standard AWS ways (environment, ``~/.aws``, an instance role), never from our
settings. Checksums are sent only where the S3 API requires them (``when_required``): newer
botocore adds CRC32 trailers by default that several S3-compatible stores reject; each upload
carries its ``Content-MD5`` instead, which every store checks.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    NoCredentialsError,
    PartialCredentialsError,
    ProfileNotFound,
)

from audio_edition.errors import ConfigError, PublishError
from audio_edition.publish.sync import BucketTarget, LocalFile, RemoteFile, Upload, read_planned
from audio_edition.show import check_url

_MD5 = re.compile(r"^[0-9a-f]{32}$")
MD5_METADATA = "md5"


def _config_error(name: str) -> Callable[[str], ConfigError]:
    return lambda why: ConfigError(f"{name}: {why}")


def bucket_client(endpoint_url: str | None = None) -> Any:
    """An S3 client: ``AWS_ENDPOINT_URL`` wins over ``endpoint_url`` (the settings' value).

    Raises ``ConfigError`` for an endpoint that is not an http(s) URL, a profile that does not
    exist, or half a key pair: one line each, before anything is read or sent.
    """
    for variable in ("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"):
        named = os.environ.get(variable)
        if named is not None:
            check_url(named.strip(), _config_error(variable))
    if endpoint_url is not None:
        check_url(endpoint_url, _config_error("publish.endpoint_url"))
    endpoint = None if os.environ.get("AWS_ENDPOINT_URL") else endpoint_url
    config = Config(
        retries={"max_attempts": 5, "mode": "standard"},
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        connect_timeout=10,
        read_timeout=60,
    )
    try:
        session = boto3.session.Session()
        client = session.client("s3", endpoint_url=endpoint, config=config)
        # Credentials are resolved lazily; resolving them now turns a broken profile or half a
        # key pair into one line here rather than a traceback in the middle of a sync.
        session.get_credentials()
    except ProfileNotFound as error:
        raise ConfigError(f"{error}; set AWS_PROFILE to a profile in ~/.aws/config or unset it") from None
    except PartialCredentialsError as error:
        raise ConfigError(
            f"{error}; set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither"
        ) from None
    except (BotoCoreError, ValueError) as error:
        raise ConfigError(f"cannot make an S3 client: {error}") from None
    return client


@contextmanager
def _named(target: BucketTarget, doing: str) -> Iterator[None]:
    """The store's and botocore's errors as one ``PublishError`` line saying what to fix."""
    try:
        yield
    except NoCredentialsError:
        raise PublishError(
            f"{target}: no credentials; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE)"
        ) from None
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code", "")
        message = error.response.get("Error", {}).get("Message", "") or str(error)
        hint = {
            "NoSuchBucket": "; create the bucket first",
            "AccessDenied": "; check the key's permissions",
            "InvalidAccessKeyId": "; check AWS_ACCESS_KEY_ID",
            "SignatureDoesNotMatch": "; check AWS_SECRET_ACCESS_KEY",
        }.get(code, "")
        raise PublishError(f"{target}: {doing}: {code or 'error'}: {message}{hint}") from None
    except BotoCoreError as error:
        raise PublishError(f"{target}: {doing}: {error}") from None


class BucketDestination:
    """A bucket and a prefix, as a ``sync.Destination``."""

    def __init__(self, target: BucketTarget, client: Any) -> None:
        self.target = target
        self.client = client
        self.description = str(target)

    def _key(self, key: str) -> str:
        return f"{self.target.prefix}/{key}" if self.target.prefix else key

    def existing(self) -> dict[str, RemoteFile]:
        found: dict[str, RemoteFile] = {}
        start = f"{self.target.prefix}/" if self.target.prefix else ""
        with _named(self.target, "listing"):
            pages = self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.target.bucket, Prefix=start
            )
            for page in pages:
                for item in page.get("Contents", []):
                    key = item["Key"][len(start) :]
                    etag = item.get("ETag", "").strip('"').lower()
                    found[key] = RemoteFile(key, int(item["Size"]), etag if _MD5.match(etag) else None)
        return found

    def same(self, local: LocalFile, remote: RemoteFile) -> bool:
        if remote.md5 is not None:
            return remote.md5 == local.md5
        # An ETag that is not the MD5 (an encrypted bucket, a multipart upload by another tool):
        # the MD5 we stored beside the object decides.
        with _named(self.target, f"reading {remote.key}"):
            head = self.client.head_object(Bucket=self.target.bucket, Key=self._key(remote.key))
        return bool(head.get("Metadata", {}).get(MD5_METADATA) == local.md5)

    def put(self, upload: Upload) -> None:
        file = upload.file
        # The bytes sent are the bytes planned, or nothing is sent: a file changed since the
        # plan (by hand: builds wait for the lock) would pair the feed's length with other
        # audio, and its Content-MD5 would not match (real S3 answers BadDigest).
        body = read_planned(file)
        digest = base64.b64encode(bytes.fromhex(file.md5)).decode("ascii")
        with _named(self.target, f"uploading {file.key}"):
            self.client.put_object(
                Bucket=self.target.bucket,
                Key=self._key(file.key),
                Body=body,
                ContentLength=file.size,
                ContentType=upload.content_type,
                CacheControl=upload.cache_control,
                ContentMD5=digest,
                Metadata={MD5_METADATA: file.md5},
            )

    def clear_leftovers(self) -> None:
        """Nothing to clear: an object store's PUT is whole or nothing."""

    def delete(self, keys: Sequence[str]) -> None:
        for start in range(0, len(keys), 1000):  # the API's limit per request
            batch = [{"Key": self._key(k)} for k in keys[start : start + 1000]]
            with _named(self.target, "deleting"):
                answer = self.client.delete_objects(
                    Bucket=self.target.bucket, Delete={"Objects": batch, "Quiet": True}
                )
            errors = answer.get("Errors", [])
            if errors:
                first = errors[0]
                raise PublishError(
                    f"{self.target}: deleting {first.get('Key')}: {first.get('Code')}: {first.get('Message')}"
                )
