"""Quality evaluations with data kept in the repository (see docs/matching.md)."""
