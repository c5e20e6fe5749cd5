"""Running a change inside a transaction and writing the audit trail, refusals included."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor, require_admin
from coopex.domain.audit import AuditEntry, AuditFilter, Outcome
from coopex.domain.errors import PermissionDenied
from coopex.domain.paging import Page, check_page_size, decode_cursor
from coopex.storage.audit import AuditRepository
from coopex.storage.database import Database, utc_now

T = TypeVar("T")


def changed_fields(before: dict[str, object], after: dict[str, object]) -> str:
    """The audit detail of an update: each changed field with its old and new value."""
    diff = {
        key: [before.get(key), value] for key, value in after.items() if before.get(key) != value
    }
    return json.dumps({"changed": diff}, ensure_ascii=False, default=str)


def record_detail(record: dict[str, object]) -> str:
    return json.dumps(record, ensure_ascii=False, default=str)


@dataclass(frozen=True, slots=True)
class Done(Generic[T]):
    """What a change's `work` may return instead of (result, detail): with the organisation
    agency staff acted for, so the entry reads "by X on behalf of Y"."""

    result: T
    detail: str
    on_behalf_of: str | None = None


def audit_entry(
    actor: Actor,
    action: str,
    entity_ref: str,
    outcome: Outcome,
    detail: str,
    on_behalf_of: str | None = None,
) -> AuditEntry:
    """An entry for `action` (`entity.verb`, e.g. `listing.close`) by `actor`, now."""
    return AuditEntry(
        at=utc_now(),
        actor=actor.label,
        user_id=actor.user_id,
        action=action,
        entity=action.split(".", 1)[0],
        entity_ref=entity_ref,
        outcome=outcome,
        detail=detail,
        on_behalf_of=on_behalf_of,
    )


class AuditedChange:
    """`run(...)` executes `work` in one transaction and appends its audit entry to it.

    A refused change rolls back, and the refusal is then logged in a transaction of its own,
    so attempts are on record even though they changed nothing.
    """

    def __init__(self, database: Database) -> None:
        self.database = database

    def log(
        self,
        connection: Connection,
        actor: Actor,
        action: str,
        entity_ref: str,
        outcome: Outcome,
        detail: str,
        on_behalf_of: str | None = None,
    ) -> None:
        AuditRepository(connection).append(
            audit_entry(actor, action, entity_ref, outcome, detail, on_behalf_of)
        )

    def run(
        self,
        actor: Actor,
        action: str,
        entity_ref: str,
        work: Callable[[Connection], tuple[T, str] | Done[T]],
    ) -> T:
        """`work` returns (result, detail) or a `Done`; `action` is `entity.verb`, e.g.
        `listing.close`."""
        try:
            with self.database.transaction() as connection:
                outcome = work(connection)
                done = outcome if isinstance(outcome, Done) else Done(*outcome)
                self.log(
                    connection,
                    actor,
                    action,
                    entity_ref,
                    Outcome.DONE,
                    done.detail,
                    done.on_behalf_of,
                )
                return done.result
        except PermissionDenied as denied:
            self._refused(actor, action, entity_ref, denied)
            raise

    def check(self, actor: Actor, action: str, entity_ref: str, rule: Callable[[], None]) -> None:
        """Apply a permission `rule` before work that runs in many transactions of its own
        (a batch); a refusal is logged like any other."""
        try:
            rule()
        except PermissionDenied as denied:
            self._refused(actor, action, entity_ref, denied)
            raise

    def _refused(
        self, actor: Actor, action: str, entity_ref: str, denied: PermissionDenied
    ) -> None:
        with self.database.transaction() as connection:
            self.log(connection, actor, action, entity_ref, Outcome.DENIED, denied.reason)
        denied.audited = True


class AuditTrail:
    """Reading the audit log (admins)."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def recent(
        self,
        actor: Actor,
        limit: int = 50,
        entity: str | None = None,
        entity_ref: str | None = None,
    ) -> list[AuditEntry]:
        require_admin(actor, "read the audit log")
        with self.database.transaction() as connection:
            return AuditRepository(connection).recent(limit, entity, entity_ref)

    def page(
        self,
        actor: Actor,
        filters: AuditFilter | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> Page[AuditEntry]:
        """The trail newest first, filtered, a page at a time (the cursor of the last page
        continues with older entries)."""
        require_admin(actor, "read the audit log")
        check_page_size(limit)
        before = decode_cursor(cursor)
        with self.database.transaction() as connection:
            return AuditRepository(connection).page(filters or AuditFilter(), before, limit)

    def refused(self, actor: Actor, action: str, entity_ref: str, denied: PermissionDenied) -> None:
        """Put a refusal that no change wrote on the trail (a refused read, say); once."""
        if denied.audited:
            return
        entry = audit_entry(actor, action, entity_ref[:200], Outcome.DENIED, denied.reason)
        with self.database.transaction() as connection:
            AuditRepository(connection).append(entry)
        denied.audited = True
