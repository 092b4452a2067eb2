"""Benchmarks for the targets in docs/architecture.md; `make bench` runs them all."""
