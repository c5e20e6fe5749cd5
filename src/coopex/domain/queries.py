"""What a listing or organisation search may filter on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coopex.domain.codes import Code
from coopex.domain.listings import ListingKind, ListingStatus
from coopex.domain.news import EventType, LeadStatus
from coopex.domain.organizations import OrgKind
from coopex.domain.projects import ProjectStage


@dataclass(frozen=True, slots=True)
class ListingFilter:
    kind: ListingKind | None = None
    status: ListingStatus = ListingStatus.PUBLISHED
    country: str | None = None
    region: str | None = None
    code_prefix: Code | None = None  # HS:87 matches HS:870899
    sector: str | None = None
    text: str | None = None  # case-insensitive substring of title or description
    language: str | None = None
    org_ref: str | None = None
    union: str | None = None  # owner's country is a member: EAEU, UNION_STATE


@dataclass(frozen=True, slots=True)
class OrganizationFilter:
    kind: OrgKind | None = None
    country: str | None = None
    region: str | None = None
    text: str | None = None  # name or alias


@dataclass(frozen=True, slots=True)
class MatchFilter:
    """Which listings a match or search may return (on top of: published, open, not your own)."""

    kind: ListingKind | None = None
    country: str | None = None  # owner's country
    region: str | None = None
    union: str | None = None  # owner's country is a member: EAEU, UNION_STATE
    sector: str | None = None
    code_prefix: Code | None = None
    open_on: date | None = None  # valid on this day (no valid_until, or later)


@dataclass(frozen=True, slots=True)
class LeadFilter:
    status: LeadStatus | None = None
    type: EventType | None = None
    place: str | None = None  # either party is this place or in it: "CN" matches "CN-ZJ"
    org_ref: str | None = None  # either party is this organisation
    sector: str | None = None
    text: str | None = None  # case-insensitive substring of the parties or the evidence
    document_id: int | None = None


@dataclass(frozen=True, slots=True)
class ProjectFilter:
    stage: ProjectStage | None = None
    org_ref: str | None = None  # either party is this organisation
    sector: str | None = None
    due_before: date | None = None  # the next step is due before this day
