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
    sa.Column("contacts_visibility", sa.String(24), nullable=False, server_default="public"),
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
    sa.Column("language", sa.String(5)),  # the web UI language the user chose (ru, en, zh)
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
    sa.Column("expires_at", Timestamp),  # None: issued before tokens expired (0008)
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
    # The organisation agency staff acted for ("by X on behalf of Y"); null otherwise.
    sa.Column("on_behalf_of", sa.String(80)),
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
    sa.Column("description", sa.Text, nullable=False, server_default=""),
    sa.Column("value", sa.String(40)),  # exact decimal text, as listings.quantity
    sa.Column("currency", sa.String(3)),  # ISO 4217
    sa.Column("next_step", sa.String(500)),
    sa.Column("next_step_due", sa.Date),
    sa.Index(None, "stage"),
    sa.Index(None, "next_step_due"),
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

# -- events and B2B meetings -----------------------------------------------------------------

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ref", sa.String(80), nullable=False, unique=True),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("starts_on", sa.Date, nullable=False),
    sa.Column("ends_on", sa.Date, nullable=False),
    sa.Column("timezone", sa.String(60), nullable=False),
    sa.Column("place", sa.String(200)),
    sa.Column("registration", sa.String(12), nullable=False),
    sa.Column("acceptance", sa.String(12), nullable=False),
    sa.Column("tables", sa.Integer, nullable=False),
    sa.Column("request_deadline", Timestamp),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
)

event_sessions = sa.Table(
    "event_sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("key", sa.String(80), nullable=False),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("starts", sa.Time, nullable=False),
    sa.Column("ends", sa.Time, nullable=False),
    sa.Column("place", sa.String(200)),
    sa.Column("slot_minutes", sa.Integer),
    sa.Column("host_org_id", sa.Integer, sa.ForeignKey("organizations.id")),
    sa.UniqueConstraint("event_id", "key"),
)

event_participants = sa.Table(
    "event_participants",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("organization_id", sa.Integer, sa.ForeignKey("organizations.id"), nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("representatives", sa.JSON, nullable=False),
    sa.Column("unavailable", sa.JSON, nullable=False),  # `SESSION` or `SESSION#N` entries
    sa.Column("listings", sa.JSON, nullable=False),  # listing refs; empty: all published
    sa.Column("registered_by", sa.String(200), nullable=False),
    sa.Column("registered_at", Timestamp, nullable=False),
    sa.UniqueConstraint("event_id", "organization_id"),
)

meeting_requests = sa.Table(
    "meeting_requests",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column(
        "requester_id",
        sa.Integer,
        sa.ForeignKey("event_participants.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column(
        "target_id",
        sa.Integer,
        sa.ForeignKey("event_participants.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("priority", sa.SmallInteger, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),  # the matching explanation, if suggested
    sa.Column("created_by", sa.String(200), nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("decided_by", sa.String(200)),
    sa.Column("decided_at", Timestamp),
    sa.UniqueConstraint("event_id", "requester_id", "target_id"),
    sa.Index(None, "target_id"),
)

# One row per pair of participants with an accepted request (first_id < second_id); kept
# (as cancelled) when the requests go, so counts and history stay whole.
event_meetings = sa.Table(
    "event_meetings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column(
        "first_id",
        sa.Integer,
        sa.ForeignKey("event_participants.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column(
        "second_id",
        sa.Integer,
        sa.ForeignKey("event_participants.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("priority", sa.SmallInteger, nullable=False),
    sa.Column("mutual", sa.Boolean, nullable=False),
    sa.Column("slot", sa.String(90)),  # `SESSION#N`
    sa.Column("table_no", sa.Integer),  # 1-based
    sa.Column("locked", sa.Boolean, nullable=False),
    sa.Column("outcome", sa.String(12), nullable=False),
    sa.Column("follow_up", sa.String(12), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("project_id", sa.Integer, sa.ForeignKey("projects.id")),
    sa.Column("unplaced_reason", sa.Text),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.UniqueConstraint("event_id", "first_id", "second_id"),
)

# The latest schedule's summary per event; its placements are on `event_meetings`.
event_schedules = sa.Table(
    "event_schedules",
    metadata,
    sa.Column(
        "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("placed", sa.Integer, nullable=False),
    sa.Column("unplaced", sa.Integer, nullable=False),
    sa.Column("breaks", sa.Integer, nullable=False),
    sa.Column("bound", sa.Integer),
    sa.Column("gap", sa.Float),
    sa.Column("moved", sa.Integer, nullable=False),
    sa.Column("seconds", sa.Float, nullable=False),
    sa.Column("time_limit", sa.Float, nullable=False),
    sa.Column("conflicts", sa.JSON, nullable=False),
    sa.Column("solved_by", sa.String(200), nullable=False),
    sa.Column("solved_at", Timestamp, nullable=False),
    # meetings held per tier (Σ priority), their proven upper bounds, the worse tier's gap;
    # null in rows stored before 0010 and when the solver proved no bound
    sa.Column("held_mutual", sa.Integer),
    sa.Column("held_one_sided", sa.Integer),
    sa.Column("held_bound_mutual", sa.Integer),
    sa.Column("held_bound_one_sided", sa.Integer),
    sa.Column("held_gap", sa.Float),
)

# Every move, edit and note of a project, in order: its timeline. Replaying the moves arrives
# at projects.stage (a test checks).
project_history = sa.Table(
    "project_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "project_id",
        sa.Integer,
        sa.ForeignKey("projects.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("at", Timestamp, nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("user_id", sa.Integer),  # no FK: the history outlives deleted users
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("from_stage", sa.String(20)),
    sa.Column("to_stage", sa.String(20)),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("on_behalf_of", sa.String(80)),
    sa.Index(None, "project_id", "id"),
)

# The matches (listing pairs) that produced a project.
project_matches = sa.Table(
    "project_matches",
    metadata,
    sa.Column(
        "project_id", sa.Integer, sa.ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("first_listing_id", sa.Integer, sa.ForeignKey("listings.id"), primary_key=True),
    sa.Column("second_listing_id", sa.Integer, sa.ForeignKey("listings.id"), primary_key=True),
)

# Links by kind and key to things other modules keep (B2B meetings, events), without a FK so
# that this table does not depend on theirs.
project_links = sa.Table(
    "project_links",
    metadata,
    sa.Column(
        "project_id", sa.Integer, sa.ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("key", sa.String(80), primary_key=True),
    sa.Index(None, "kind", "key"),
)

interests = sa.Table(
    "interests",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("from_listing_id", sa.Integer, sa.ForeignKey("listings.id"), nullable=False),
    sa.Column("to_listing_id", sa.Integer, sa.ForeignKey("listings.id"), nullable=False),
    sa.Column("from_org_id", sa.Integer, sa.ForeignKey("organizations.id"), nullable=False),
    sa.Column("to_org_id", sa.Integer, sa.ForeignKey("organizations.id"), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("expressed_by", sa.String(200), nullable=False),
    sa.Column("expressed_at", Timestamp, nullable=False),
    sa.Column("decided_by", sa.String(200)),
    sa.Column("decided_at", Timestamp),
    sa.Column("project_id", sa.Integer, sa.ForeignKey("projects.id")),
    sa.Index(None, "from_listing_id", "to_listing_id"),
    sa.Index(None, "to_org_id", "status"),
    sa.Index(None, "from_org_id", "status"),
)

# -- localization: products and their assessments (migration 0004) ---------------------------

products = sa.Table(
    "products",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ref", sa.String(80), nullable=False, unique=True),
    sa.Column(
        "organization_id",
        sa.Integer,
        sa.ForeignKey("organizations.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("okpd2", sa.String(20), nullable=False),
    # The regime and category it resolved to when stored (the product file may name neither).
    sa.Column("regime", sa.String(80), nullable=False),
    sa.Column("category", sa.String(80), nullable=False),
    sa.Column("record", sa.JSON, nullable=False),  # the product file's data (product_record)
    sa.Column("plan", sa.JSON),  # its plan section, when given
    sa.Column("created_by", sa.String(200), nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.Index(None, "organization_id"),
)

product_assessments = sa.Table(
    "product_assessments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "product_id", sa.Integer, sa.ForeignKey("products.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("on_date", sa.Date, nullable=False),
    sa.Column("territory", sa.String(40), nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("maximum", sa.Float, nullable=False),
    sa.Column("threshold", sa.Float, nullable=False),
    sa.Column("eligible", sa.Boolean, nullable=False),
    sa.Column("result", sa.JSON, nullable=False),  # assessment_record
    sa.Column("assessed_by", sa.String(200), nullable=False),
    sa.Column("assessed_at", Timestamp, nullable=False),
    sa.Index(None, "product_id", "id"),
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

# How far a follower of the change feed got (the suggestions follow it), so that it resumes
# there after a restart instead of missing what changed meanwhile.
feed_positions = sa.Table(
    "feed_positions",
    metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
)

# Background jobs asked for over the API, with their status, progress and result; the same
# on both backends (on PostgreSQL, procrastinate's own tables hold the queue beside them).
jobs = sa.Table(
    "jobs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("owner_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
    sa.Column("owner", sa.String(200), nullable=False),
    sa.Column("done", sa.Integer, nullable=False),
    sa.Column("total", sa.Integer, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("started_at", Timestamp),
    sa.Column("finished_at", Timestamp),
    # Renewed while the job runs: a "running" job whose beat stopped was interrupted.
    sa.Column("heartbeat_at", Timestamp),
    sa.Column("result", sa.JSON),
    sa.Column("error", sa.Text),
    sa.Index(None, "status"),
    sa.Index(None, "owner_id"),
)

# A news upload's documents, kept until its job has read them.
job_documents = sa.Table(
    "job_documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("job_id", sa.Integer, sa.ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("name", sa.String(500), nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("format", sa.String(10)),
    sa.Column("data", sa.LargeBinary),
    sa.Column("problem", sa.Text),  # an entry that could not be taken as a document
    sa.UniqueConstraint("job_id", "position"),
)
