"""Admin registrations of ``accounts``."""
