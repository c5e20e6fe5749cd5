"""Computation on domain objects. No I/O, no frameworks."""
