"""Adapters for search indexes: approximate nearest neighbours, and the index on disk."""
