"""Cooperation projects: from a lead, through negotiation, to a signed agreement."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from coopex.domain.fields import stable_ref
from coopex.domain.news import Lead


class ProjectStage(StrEnum):
    LEAD = "lead"
    NEGOTIATION = "negotiation"
    AGREEMENT = "agreement"  # signed
    CLOSED = "closed"  # abandoned or finished


@dataclass(frozen=True, slots=True)
class Project:
    ref: str
    title: str
    stage: ProjectStage
    initiator_org: str | None = None  # organisation refs
    counterpart_org: str | None = None
    sectors: tuple[str, ...] = ()
    created_by: str = ""
    created_at: datetime | None = None
    leads: tuple[int, ...] = ()  # the leads that opened it
    id: int | None = field(default=None, compare=False)


def project_from_lead(lead: Lead, created_by: str) -> Project:
    """The project an accepted lead starts: at stage `lead`, between the lead's parties."""
    event = lead.event
    title = f"{event.initiator} — {event.counterpart}: {event.type.value.replace('_', ' ')}"
    return Project(
        ref=stable_ref("project", str(lead.id), title.casefold()),
        title=title[:500],
        stage=ProjectStage.LEAD,
        initiator_org=lead.initiator_org,
        counterpart_org=lead.counterpart_org,
        sectors=event.sectors,
        created_by=created_by,
    )
