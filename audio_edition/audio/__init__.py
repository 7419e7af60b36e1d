"""Audio: per-article files, the edition episode with chapters, transcripts, loudness."""
