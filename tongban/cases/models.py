"""Models of ``cases``."""
