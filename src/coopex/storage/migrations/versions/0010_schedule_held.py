"""schedule summary: meetings held per tier, their proven bounds and the held gap

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 14:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Nullable: summaries stored before this revision have none of them.
_COLUMNS = (
    ("held_mutual", sa.Integer),
    ("held_one_sided", sa.Integer),
    ("held_bound_mutual", sa.Integer),
    ("held_bound_one_sided", sa.Integer),
    ("held_gap", sa.Float),
)


def upgrade() -> None:
    with op.batch_alter_table("event_schedules") as batch:
        for name, kind in _COLUMNS:
            batch.add_column(sa.Column(name, kind(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("event_schedules") as batch:
        for name, _ in reversed(_COLUMNS):
            batch.drop_column(name)
