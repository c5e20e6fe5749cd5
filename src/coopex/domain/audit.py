"""The audit trail: every change and every refused attempt, who, when, what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class Outcome(StrEnum):
    DONE = "done"
    DENIED = "denied"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: datetime
    actor: str
    user_id: int | None
    action: str  # e.g. "listing.update"
    entity: str  # e.g. "listing"
    entity_ref: str
    outcome: Outcome
    detail: str = ""
    id: int | None = None
    on_behalf_of: str | None = None  # the organisation agency staff acted for


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Which entries to read; every field narrows (None: any). Dates are UTC days, inclusive."""

    entity: str | None = None
    entity_ref: str | None = None
    actor: str | None = None
    action: str | None = None
    outcome: Outcome | None = None
    since: date | None = None
    until: date | None = None
