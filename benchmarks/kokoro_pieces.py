"""Why Kokoro speaks whole sentences: what cutting the longest ones into shorter pieces costs.

When the generator ran whole, a piece's memory grew with its length, so cutting every sentence
at a lower token limit than the model's 510 looked like a way to a lower peak RSS (onnxruntime
now runs the generator in windows instead: ``windows``). This measures what cutting does
to the programme: the longest sentences of the sample edition (over 400 tokens), each spoken
whole and cut at clause ends into pieces of at most 250 and 160 tokens, on one onnxruntime worker.
Printed: seconds of audio, seconds of computing, RTF, and each cut's ratios to the whole sentence,
all in one run. Measured: cut at 250 tokens, the same text gives 1.21x the audio for 1.13x the
computing: the listener hears a slower reading, and the total work grows. (Each piece is spoken
as an utterance of its own, with the style row of its own length; where the extra audio goes,
pauses or slower syllables, is not measured here.)

Run: .venv/bin/python benchmarks/kokoro_pieces.py [--sentences N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from audio_edition.errors import AudioEditionError  # noqa: E402
from audio_edition.speech.kokoro.assets import locate_kokoro  # noqa: E402
from audio_edition.speech.kokoro.engine import MAX_TOKENS, KokoroEngine, pieces_for  # noqa: E402
from audio_edition.speech.kokoro.runtime import start_runner  # noqa: E402
from benchmarks.speech import sample_requests  # noqa: E402

LIMITS = (MAX_TOKENS, 250, 160)
"""Token limits compared: the model's own (whole sentences), then two shorter cuts."""
VOICE = "zf_xiaoxiao"


def measure(count: int) -> list[str]:
    """Each limit's audio and computing seconds over the ``count`` longest sentences, and the ratios."""
    engine = KokoroEngine(workers=1)
    sentences = [
        engine.phonemes(s) for a in sample_requests(None) for part in a.parts for s in part.sentences
    ]
    longest = sorted((p for p in sentences if len(p) > 400), key=len, reverse=True)[:count]
    if not longest:
        return ["no sentence of the sample is over 400 tokens"]
    style = np.fromfile(locate_kokoro(None).voices[VOICE], dtype=np.float32).reshape(-1, 1, 256)
    runner = start_runner(engine.runtime, 1)
    runner.speak(pieces_for(longest[-1])[0].tokens, style, 1.0).result()  # loading is not speaking
    totals = dict.fromkeys(LIMITS, (0.0, 0.0, 0))
    for phonemes in longest:
        for limit in LIMITS:  # interleaved, so a slow spell of the machine hits every limit alike
            audio = computing = 0.0
            cut = pieces_for(phonemes, limit)
            for piece in cut:
                began = time.perf_counter()
                samples = runner.speak(piece.tokens, style, 1.0).result()
                computing += time.perf_counter() - began
                audio += samples.size / 24_000
            a, c, n = totals[limit]
            totals[limit] = (a + audio, c + computing, n + len(cut))
    whole_audio, whole_time, _ = totals[MAX_TOKENS]
    lines = [
        f"Kokoro ({engine.runtime.name} {engine.runtime.precision}, 1 worker), {len(longest)} sentences of 401-510 tokens:"
    ]
    for limit, (audio, computing, pieces) in totals.items():
        line = f"  pieces <= {limit} tokens: {pieces} pieces, audio {audio:.1f} s, computing {computing:.1f} s, RTF {computing / audio:.3f}"
        if limit != MAX_TOKENS:
            line += f"; vs whole: audio {audio / whole_audio:.2f}x, computing {computing / whole_time:.2f}x"
        lines.append(line)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sentences", type=int, default=4, help="How many of the longest sentences (default 4)."
    )
    args = parser.parse_args()
    try:
        print("\n".join(measure(args.sentences)))
    except AudioEditionError as error:
        sys.exit(f"kokoro_pieces: {error}")


if __name__ == "__main__":
    main()
