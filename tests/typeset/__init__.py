"""Test pages typeset by a real typesetter (Typst), their gold, and what extractors make of them."""
