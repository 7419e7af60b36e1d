"""Cover art: a configured image is checked against Apple's rules; otherwise one is drawn."""

from __future__ import annotations

import io
import random
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from audio_edition.errors import ConfigError
from audio_edition.publish.cover import (
    check_cover,
    find_cjk_font,
    generate_cover,
    publish_cover,
)


def save(path: Path, size: tuple[int, int], fmt: str) -> Path:
    Image.new("RGB", size, (10, 120, 200)).save(path, fmt)
    return path


def test_a_valid_configured_cover_is_copied(tmp_path: Path) -> None:
    art = save(tmp_path / "art.png", (1400, 1400), "PNG")
    out = tmp_path / "output"
    cover = publish_cover(art, "有声日报", out)
    assert (cover.name, cover.side, cover.generated) == ("cover.png", 1400, False)
    assert (out / "cover.png").read_bytes() == art.read_bytes()
    assert check_cover(save(tmp_path / "big.jpg", (3000, 3000), "JPEG")) == ("JPEG", 3000)


@pytest.mark.parametrize(
    ("size", "fmt", "message"),
    [
        ((1400, 1500), "PNG", "must be square"),
        ((1000, 1000), "JPEG", "1400–3000"),
        ((3001, 3001), "PNG", "1400–3000"),
        ((1400, 1400), "GIF", "JPEG or PNG"),
    ],
)
def test_a_bad_configured_cover_names_the_setting(
    tmp_path: Path, size: tuple[int, int], fmt: str, message: str
) -> None:
    art = save(tmp_path / f"art.{fmt.lower()}", size, fmt)
    with pytest.raises(ConfigError, match=f"show.cover: .*{message}"):
        publish_cover(art, "有声日报", tmp_path / "output")
    assert not (tmp_path / "output").exists()


def test_a_file_that_is_not_an_image_is_named(tmp_path: Path) -> None:
    art = tmp_path / "art.jpg"
    art.write_text("not an image", encoding="utf-8")
    with pytest.raises(ConfigError, match="show.cover: .*art.jpg is not a readable image"):
        check_cover(art)


def test_debian_noto_cjk_is_found_with_its_simplified_chinese_face() -> None:
    found = find_cjk_font()
    assert found is not None, "install fonts-noto-cjk (make system-deps)"
    path, index = found
    assert ImageFont.truetype(str(path), 20, index=index).getname()[0].endswith(" SC")


def test_a_generated_cover_meets_apples_rules_and_shows_the_title(tmp_path: Path) -> None:
    data = generate_cover("有声日报")
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("JPEG", (1400, 1400))
    # The title is drawn in the middle band: light ink on the dark background.
    band = image.convert("L").crop((140, 560, 1260, 840))
    light = sum(band.histogram()[201:])
    assert light > 0.05 * band.width * band.height
    assert generate_cover("有声日报") == data  # deterministic: no rewrite when nothing changed
    assert generate_cover("晚间新闻") != data
    path = tmp_path / "art.jpg"
    path.write_bytes(data)
    assert check_cover(path) == ("JPEG", 1400)


def test_publish_cover_generates_without_configuration_and_replaces_an_old_one(
    tmp_path: Path,
) -> None:
    out = tmp_path / "output"
    out.mkdir()
    (out / "cover.png").write_bytes(b"an old configured cover")
    cover = publish_cover(None, "有声日报", out)
    assert (cover.name, cover.generated) == ("cover.jpg", True)
    assert not (out / "cover.png").exists()
    before = (out / "cover.jpg").stat().st_mtime_ns
    publish_cover(None, "有声日报", out)
    assert (out / "cover.jpg").stat().st_mtime_ns == before


def claiming(path: Path, width: int, height: int) -> Path:
    """A tiny real PNG whose header (IHDR, CRC fixed up) claims ``width``×``height``."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    # Signature (8) + length (4) + b"IHDR" (4), then width and height, then the chunk's CRC.
    data[16:24] = width.to_bytes(4, "big") + height.to_bytes(4, "big")
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("side", [20000, 10000])  # past Pillow's bomb error, and past its warning
def test_a_png_claiming_a_huge_size_is_one_clear_error(
    tmp_path: Path, side: int, recwarn: pytest.WarningsRecorder
) -> None:
    art = claiming(tmp_path / "huge.png", side, side)
    with pytest.raises(
        ConfigError,
        match=r"show.cover: .*huge.png claims a size far over "
        r"3000×3000 pixels .*1400–3000 pixels a side",
    ):
        publish_cover(art, "有声日报", tmp_path / "output")
    assert not (tmp_path / "output").exists()
    assert not [w for w in recwarn if issubclass(w.category, Image.DecompressionBombWarning)]


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_a_truncated_cover_is_never_published(tmp_path: Path, fmt: str) -> None:
    # Noise, so the compressed data is long and the cut falls inside the pixels.
    whole = tmp_path / "whole"
    Image.frombytes("RGB", (1400, 1400), random.Random(1).randbytes(1400 * 1400 * 3)).save(whole, fmt)
    art = tmp_path / f"art.{fmt.lower()}"
    art.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(ConfigError, match=r"show.cover: .*art\.\w+ is not a readable image"):
        publish_cover(art, "有声日报", tmp_path / "output")
    assert not (tmp_path / "output").exists()
