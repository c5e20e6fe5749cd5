"""Alembic environment: runs on the connection that `coopex.storage.migrate` hands over."""

from __future__ import annotations

from alembic import context

from coopex.storage.migrate import declared_here
from coopex.storage.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    compare_type=True,
    include_name=declared_here,
)
with context.begin_transaction():
    context.run_migrations()
