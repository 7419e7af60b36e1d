"""``python -m audio_edition`` runs the command line."""

from audio_edition.cli import main

main()
