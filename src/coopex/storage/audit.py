"""The append-only audit log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from coopex.domain.audit import AuditEntry, AuditFilter, Outcome
from coopex.domain.paging import Page, encode_cursor
from coopex.storage.database import as_utc
from coopex.storage.tables import audit_log


class AuditRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def append(self, entry: AuditEntry) -> None:
        self.append_many([entry])

    def append_many(self, entries: Sequence[AuditEntry]) -> None:
        if not entries:
            return
        self.connection.execute(
            audit_log.insert(),
            [
                {
                    "at": entry.at,
                    "actor": entry.actor,
                    "user_id": entry.user_id,
                    "action": entry.action,
                    "entity": entry.entity,
                    "entity_ref": entry.entity_ref,
                    "outcome": entry.outcome.value,
                    "detail": entry.detail,
                    "on_behalf_of": entry.on_behalf_of,
                }
                for entry in entries
            ],
        )

    def recent(
        self, limit: int = 100, entity: str | None = None, entity_ref: str | None = None
    ) -> list[AuditEntry]:
        query = sa.select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
        if entity is not None:
            query = query.where(audit_log.c.entity == entity)
        if entity_ref is not None:
            query = query.where(audit_log.c.entity_ref == entity_ref)
        return [_entry(row) for row in self.connection.execute(query).mappings()]

    def page(self, filters: AuditFilter, before_id: int, limit: int) -> Page[AuditEntry]:
        """Newest first: up to `limit` entries older than `before_id` (0: from the newest)."""
        query = sa.select(audit_log).order_by(audit_log.c.id.desc()).limit(limit + 1)
        if before_id:
            query = query.where(audit_log.c.id < before_id)
        exact = {
            audit_log.c.entity: filters.entity,
            audit_log.c.entity_ref: filters.entity_ref,
            audit_log.c.actor: filters.actor,
            audit_log.c.action: filters.action,
            audit_log.c.outcome: filters.outcome.value if filters.outcome else None,
        }
        for column, value in exact.items():
            if value is not None:
                query = query.where(column == value)
        if filters.since is not None:
            query = query.where(audit_log.c.at >= datetime.combine(filters.since, time(), UTC))
        if filters.until is not None:
            end = datetime.combine(filters.until + timedelta(days=1), time(), UTC)
            query = query.where(audit_log.c.at < end)
        rows = list(self.connection.execute(query).mappings())
        entries = [_entry(row) for row in rows[:limit]]
        more = len(rows) > limit
        return Page(entries, encode_cursor(entries[-1].id or 0) if more and entries else None)


def _entry(row: RowMapping) -> AuditEntry:
    return AuditEntry(
        id=row["id"],
        at=as_utc(row["at"]),
        actor=row["actor"],
        user_id=row["user_id"],
        action=row["action"],
        entity=row["entity"],
        entity_ref=row["entity_ref"],
        outcome=Outcome(row["outcome"]),
        detail=row["detail"],
        on_behalf_of=row["on_behalf_of"],
    )
