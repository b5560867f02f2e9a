"""Benchmarks (ARCHITECTURE §7): one script per bench, each printing its figure last."""
