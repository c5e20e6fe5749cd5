"""hardening: row versions for optimistic concurrency, the committed listing change feed

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 06:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("organizations", "listings"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.create_table(
        "listing_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=80), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_listing_changes")),
    )
    op.create_index(
        op.f("ix_listing_changes_changed_at"), "listing_changes", ["changed_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_listing_changes_changed_at"), table_name="listing_changes")
    op.drop_table("listing_changes")
    for table in ("listings", "organizations"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
