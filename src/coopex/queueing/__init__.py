"""Adapters for the job runner port (`services/jobs.py`): procrastinate on PostgreSQL, a
thread of the server on SQLite."""
