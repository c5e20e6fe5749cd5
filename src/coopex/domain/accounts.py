"""Users, roles and the rules of who may change what."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from coopex.domain.errors import PermissionDenied


class Role(StrEnum):
    ADMIN = "admin"  # runs the exchange: every organisation, every user
    AGENCY_STAFF = "agency_staff"  # registers organisations on behalf of enterprises
    ENTERPRISE_MEMBER = "enterprise_member"  # keeps its own organisation's data


@dataclass(frozen=True, slots=True)
class User:
    email: str
    name: str
    role: Role
    active: bool = True
    id: int | None = field(default=None, compare=False)
    language: str | None = field(default=None, compare=False)  # chosen UI language


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """An API token as its owner sees it: never the secret, only when and how it is used."""

    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None = None
    expires_at: datetime | None = None
    revoked_at: datetime | None = None

    def is_live(self, now: datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: a signed-in user, or the operator at the CLI."""

    label: str
    role: Role
    user_id: int | None = None
    organizations: frozenset[int] = frozenset()
    # Agency staff: the ISO 3166-2 regions of the agencies they work for (they act for the
    # organisations there). Empty for everyone else.
    regions: frozenset[str] = frozenset()
    name: str = ""
    language: str | None = None

    @classmethod
    def operator(cls, label: str = "cli") -> Actor:
        """The person at the server's own command line, who holds the database anyway."""
        return cls(label=label, role=Role.ADMIN)

    @classmethod
    def for_user(
        cls, user: User, organizations: frozenset[int], regions: frozenset[str] = frozenset()
    ) -> Actor:
        assert user.id is not None
        return cls(
            label=user.email,
            role=user.role,
            user_id=user.id,
            organizations=organizations,
            regions=regions if user.role is Role.AGENCY_STAFF else frozenset(),
            name=user.name,
            language=user.language,
        )

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    def is_member_of(self, organization_id: int) -> bool:
        return organization_id in self.organizations

    def is_agency_of(self, region: str | None) -> bool:
        """Agency staff of this ISO 3166-2 region."""
        return self.role is Role.AGENCY_STAFF and region is not None and region in self.regions


def require_can_create_organization(actor: Actor) -> None:
    if actor.role is Role.ENTERPRISE_MEMBER:
        raise PermissionDenied(
            "create an organisation", "only admins and agency staff register organisations"
        )


def require_staff(actor: Actor, action: str) -> None:
    """News ingestion and leads are the agencies' work: admins and agency staff."""
    if actor.role is Role.ENTERPRISE_MEMBER:
        raise PermissionDenied(action, "only admins and agency staff work with news leads")


def require_can_edit_organization(
    actor: Actor, organization_id: int, organization_ref: str
) -> None:
    """Only members of an organisation (or admins) change its data or its listings."""
    if actor.is_admin or actor.is_member_of(organization_id):
        return
    raise PermissionDenied(
        f"change organisation {organization_ref!r}", "you are not a member of it"
    )


def acting_for(
    actor: Actor, organization_id: int, organization_ref: str, region: str | None
) -> str | None:
    """Who changes an organisation's data and listings: its members and admins, as themselves
    (None), and agency staff of its ISO 3166-2 region on its behalf (its ref, for the audit
    entry). The members keep full control: the agency's right is beside theirs, never instead."""
    if actor.is_admin or actor.is_member_of(organization_id):
        return None
    if actor.is_agency_of(region):
        return organization_ref
    reason = "you are not a member of it"
    if actor.role is Role.AGENCY_STAFF:
        where = region or "no region"
        reason += f", and it is not in your agency's region ({where})"
    raise PermissionDenied(f"change organisation {organization_ref!r}", reason)


def can_see_unpublished(actor: Actor, organization_id: int, region: str | None = None) -> bool:
    """Drafts and closed listings are visible to their owners, their region's agency staff
    and admins only."""
    return actor.is_admin or actor.is_member_of(organization_id) or actor.is_agency_of(region)


def require_admin(actor: Actor, action: str) -> None:
    if not actor.is_admin:
        raise PermissionDenied(action, "admins only")
