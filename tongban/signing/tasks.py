"""Background tasks of ``signing``: none yet (an RFC 3161 timestamping task would go here)."""
