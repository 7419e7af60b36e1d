"""Speech: one engine interface, the online (edge) and offline engines, and a cache under both."""
