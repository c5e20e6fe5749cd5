"""The append-only audit log."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopex.domain.audit import AuditEntry, Outcome
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
        return [
            AuditEntry(
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
            for row in self.connection.execute(query).mappings()
        ]
