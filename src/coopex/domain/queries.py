"""What a listing or organisation search may filter on."""

from __future__ import annotations

from dataclasses import dataclass

from coopex.domain.codes import Code
from coopex.domain.listings import ListingKind, ListingStatus
from coopex.domain.organizations import OrgKind


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


@dataclass(frozen=True, slots=True)
class OrganizationFilter:
    kind: OrgKind | None = None
    country: str | None = None
    region: str | None = None
    text: str | None = None  # name or alias
