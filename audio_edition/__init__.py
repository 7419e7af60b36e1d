"""audio-edition: a Chinese daily as a podcast."""

__version__ = "0.1.0"
