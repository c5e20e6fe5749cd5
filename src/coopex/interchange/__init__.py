"""File formats for import and export: CSV (one entity a file) and JSON (everything)."""
