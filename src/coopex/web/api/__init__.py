"""The REST API under /api/v1 (FastAPI). Schemas here are not database tables."""
