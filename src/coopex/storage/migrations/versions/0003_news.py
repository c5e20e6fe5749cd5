"""news documents, leads and projects

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 15:09:06.080884
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "news_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("encoding", sa.String(length=20), nullable=False),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("published", sa.String(length=100), nullable=True),
        sa.Column("original", sa.LargeBinary(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("ingested_by", sa.String(length=200), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["duplicate_of"],
            ["news_documents.id"],
            name=op.f("fk_news_documents_duplicate_of_news_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_news_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_news_documents_content_hash")),
    )
    with op.batch_alter_table("news_documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_news_documents_duplicate_of"), ["duplicate_of"], unique=False
        )

    op.create_table(
        "news_bands",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["news_documents.id"],
            name=op.f("fk_news_bands_document_id_news_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "band", name=op.f("pk_news_bands")),
    )
    with op.batch_alter_table("news_bands", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_news_bands_band_key"), ["band", "key"], unique=False)

    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("initiator_org_id", sa.Integer(), nullable=True),
        sa.Column("counterpart_org_id", sa.Integer(), nullable=True),
        sa.Column("sectors", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["counterpart_org_id"],
            ["organizations.id"],
            name=op.f("fk_projects_counterpart_org_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["initiator_org_id"],
            ["organizations.id"],
            name=op.f("fk_projects_initiator_org_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
        sa.UniqueConstraint("ref", name=op.f("uq_projects_ref")),
    )
    op.create_table(
        "leads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=30), nullable=False),
        sa.Column("initiator", sa.String(length=500), nullable=False),
        sa.Column("counterpart", sa.String(length=500), nullable=False),
        sa.Column("initiator_org_id", sa.Integer(), nullable=True),
        sa.Column("counterpart_org_id", sa.Integer(), nullable=True),
        sa.Column("initiator_place", sa.String(length=12), nullable=True),
        sa.Column("counterpart_place", sa.String(length=12), nullable=True),
        sa.Column("sectors", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["counterpart_org_id"],
            ["organizations.id"],
            name=op.f("fk_leads_counterpart_org_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["news_documents.id"],
            name=op.f("fk_leads_document_id_news_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["initiator_org_id"],
            ["organizations.id"],
            name=op.f("fk_leads_initiator_org_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_leads_project_id_projects")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leads")),
    )
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_leads_counterpart_org_id"), ["counterpart_org_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_leads_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_leads_status_type"), ["status", "type"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_leads_status_type"))
        batch_op.drop_index(batch_op.f("ix_leads_document_id"))
        batch_op.drop_index(batch_op.f("ix_leads_counterpart_org_id"))

    op.drop_table("leads")
    op.drop_table("projects")
    with op.batch_alter_table("news_bands", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_news_bands_band_key"))

    op.drop_table("news_bands")
    with op.batch_alter_table("news_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_news_documents_duplicate_of"))

    op.drop_table("news_documents")
