"""Models of ``notifications``."""
