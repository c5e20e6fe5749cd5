"""The schema. Migrations in `storage/migrations` must produce exactly this (a test checks)."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

Timestamp = sa.DateTime(timezone=True)

organizations = sa.Table(
    "organizations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ref", sa.String(80), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("country", sa.String(2), nullable=False),
    sa.Column("region", sa.String(6)),
    sa.Column("aliases", sa.JSON, nullable=False),
    sa.Column("website", sa.String(200)),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("contacts", sa.JSON, nullable=False),
    sa.Column("provenance", sa.String(20), nullable=False),
    sa.Column("source", sa.String(200)),
    # Casefolded name and aliases: portable case-insensitive search (SQLite's lower() is ASCII).
    sa.Column("search_text", sa.Text, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    # Bumped by every change: a PATCH carrying an older version (If-Match) is refused.
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    sa.Index(None, "country", "region"),
)

organization_codes = sa.Table(
    "organization_codes",
    metadata,
    sa.Column(
        "organization_id",
        sa.Integer,
        sa.ForeignKey("organizations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("scheme", sa.String(10), primary_key=True),
    sa.Column("code", sa.String(20), primary_key=True),
    sa.Index(None, "scheme", "code"),
)

listings = sa.Table(
    "listings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ref", sa.String(80), nullable=False, unique=True),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("organization_id", sa.Integer, sa.ForeignKey("organizations.id"), nullable=False),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("language", sa.String(5), nullable=False),
    sa.Column("region", sa.String(6)),
    # Decimal kept as its exact text: SQLite has no exact decimal type.
    sa.Column("quantity", sa.String(40)),
    sa.Column("unit", sa.String(40)),
    sa.Column("valid_until", sa.Date),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("provenance", sa.String(20), nullable=False),
    sa.Column("source", sa.String(200)),
    sa.Column("search_text", sa.Text, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    sa.Index(None, "status", "kind", "id"),
    sa.Index(None, "organization_id"),
)

listing_codes = sa.Table(
    "listing_codes",
    metadata,
    sa.Column(
        "listing_id", sa.Integer, sa.ForeignKey("listings.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("scheme", sa.String(10), primary_key=True),
    sa.Column("code", sa.String(20), primary_key=True),
    sa.Index(None, "scheme", "code"),
)

listing_sectors = sa.Table(
    "listing_sectors",
    metadata,
    sa.Column(
        "listing_id", sa.Integer, sa.ForeignKey("listings.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("sector", sa.String(40), primary_key=True),
    sa.Index(None, "sector"),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(200), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("password_hash", sa.String(200)),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
)

memberships = sa.Table(
    "memberships",
    metadata,
    sa.Column(
        "user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "organization_id",
        sa.Integer,
        sa.ForeignKey("organizations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("name", sa.String(100), nullable=False),
    # SHA-256 of the secret: a leaked database does not leak usable tokens.
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("last_used_at", Timestamp),
    sa.Column("revoked_at", Timestamp),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", Timestamp, nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("user_id", sa.Integer),  # no FK: the trail outlives deleted users
    sa.Column("action", sa.String(60), nullable=False),
    sa.Column("entity", sa.String(40), nullable=False),
    sa.Column("entity_ref", sa.String(200), nullable=False),
    sa.Column("outcome", sa.String(10), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Index(None, "entity", "entity_ref"),
)

suggestions = sa.Table(
    "suggestions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "request_id", sa.Integer, sa.ForeignKey("listings.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column(
        "offer_id", sa.Integer, sa.ForeignKey("listings.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.UniqueConstraint("request_id", "offer_id"),
    sa.Index(None, "offer_id"),
)

news_documents = sa.Table(
    "news_documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # SHA-256 of the original bytes: ingesting the same page again finds it.
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(500), nullable=False),
    sa.Column("url", sa.String(2000)),
    sa.Column("format", sa.String(10), nullable=False),
    sa.Column("encoding", sa.String(20), nullable=False),
    sa.Column("lang", sa.String(5), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("published", sa.String(100)),
    sa.Column("original", sa.LargeBinary, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("result", sa.JSON, nullable=False),  # the news-leads contract document
    sa.Column("minhash", sa.LargeBinary, nullable=False),
    sa.Column("search_text", sa.Text, nullable=False),  # casefolded title and text
    # The first stored story this one nearly repeats (another site's copy); null: it is first.
    sa.Column("duplicate_of", sa.Integer, sa.ForeignKey("news_documents.id")),
    sa.Column("ingested_by", sa.String(200), nullable=False),
    sa.Column("ingested_at", Timestamp, nullable=False),
    sa.Index(None, "duplicate_of"),
)

# Locality-sensitive hashing bands of each document's MinHash: near-duplicates share a band.
news_bands = sa.Table(
    "news_bands",
    metadata,
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("news_documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("band", sa.SmallInteger, primary_key=True),
    sa.Column("key", sa.BigInteger, nullable=False),
    sa.Index(None, "band", "key"),
)

projects = sa.Table(
    "projects",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ref", sa.String(80), nullable=False, unique=True),
    sa.Column("title", sa.String(500), nullable=False),
    sa.Column("stage", sa.String(20), nullable=False),
    sa.Column("initiator_org_id", sa.Integer, sa.ForeignKey("organizations.id")),
    sa.Column("counterpart_org_id", sa.Integer, sa.ForeignKey("organizations.id")),
    sa.Column("sectors", sa.JSON, nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
)

leads = sa.Table(
    "leads",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("news_documents.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("type", sa.String(30), nullable=False),
    sa.Column("initiator", sa.String(500), nullable=False),
    sa.Column("counterpart", sa.String(500), nullable=False),
    sa.Column("initiator_org_id", sa.Integer, sa.ForeignKey("organizations.id")),
    sa.Column("counterpart_org_id", sa.Integer, sa.ForeignKey("organizations.id")),
    # ISO 3166 country or region, or a union (EAEU, UNION_STATE), when the party is a place.
    sa.Column("initiator_place", sa.String(12)),
    sa.Column("counterpart_place", sa.String(12)),
    sa.Column("sectors", sa.JSON, nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("project_id", sa.Integer, sa.ForeignKey("projects.id")),
    sa.Column("decided_by", sa.String(200)),
    sa.Column("decided_at", Timestamp),
    sa.Column("search_text", sa.Text, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Index(None, "status", "type"),
    sa.Index(None, "document_id"),
    sa.Index(None, "counterpart_org_id"),
)

# Refs of listings whose stored state changed, written in the changing transaction: every
# process (servers, the CLI) reads it to keep its match index current (services/changes.py).
listing_changes = sa.Table(
    "listing_changes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ref", sa.String(80), nullable=False),
    sa.Column("changed_at", Timestamp, nullable=False),
    sa.Index(None, "changed_at"),
)
