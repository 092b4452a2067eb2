"""Benchmarks for the targets in DESIGN.md; `make bench` (python -m bench) runs them all."""
