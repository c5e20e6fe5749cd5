"""Adapters around NLP libraries, behind the engines' Protocols. Models load lazily, once."""
