"""Admin registrations of ``organizations``."""
