"""SQLAlchemy tables and repositories. Dialect quirks (SQLite, PostgreSQL) stay in here."""
