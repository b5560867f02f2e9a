"""Forms of ``signing``: none yet (seals and keys are made by the services on first use)."""
