#!/usr/bin/env bash
# Installs the Debian packages audio-edition needs when they are missing and we may (root);
# otherwise says what to install and fails.
set -euo pipefail
need=()
command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || need+=(ffmpeg)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
command -v npm >/dev/null 2>&1 || need+=(npm)  # fetches the Kokoro voices (kokoro-js) once
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)  # the typeset tests' plain-text extractor; benchmarks/pdf.py's yardstick
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # With recommends: the page test was verified against chromium as apt installs it by default.
    apt-get install -y -qq "${need[@]}" >/dev/null
else
    echo "audio-edition needs these Debian packages: ${need[*]}; install them with: sudo apt-get install ${need[*]}" >&2
    exit 1
fi
