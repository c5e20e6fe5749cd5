"""Registry use cases: organisations and their listings."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TypeVar

from sqlalchemy.engine import Connection

from coopex.domain.accounts import (
    Actor,
    Role,
    can_see_unpublished,
    require_can_create_organization,
    require_can_edit_organization,
)
from coopex.domain.catalog import ReferenceCatalog
from coopex.domain.errors import (
    Conflict,
    FieldError,
    NotFound,
    PermissionDenied,
    PreconditionFailed,
    ValidationFailed,
)
from coopex.domain.listings import Listing, ListingStatus, build_listing, listing_record
from coopex.domain.organizations import Organization, build_organization, organization_record
from coopex.domain.paging import Page, check_page_size, decode_cursor
from coopex.domain.queries import ListingFilter, OrganizationFilter
from coopex.engines.language import detect_language
from coopex.services.auditing import AuditedChange, changed_fields, record_detail
from coopex.services.changes import ListingChanges, record
from coopex.storage.accounts import AccountRepository
from coopex.storage.database import Database
from coopex.storage.listings import ListingRepository
from coopex.storage.organizations import OrganizationRepository

T = TypeVar("T")


def with_language(raw: Mapping[str, object]) -> dict[str, object]:
    """The raw listing with its language detected from the text when none was given."""
    record = dict(raw)
    if not record.get("language"):
        text = f"{record.get('title') or ''} {record.get('description') or ''}"
        record["language"] = detect_language(text)
    return record


# A PATCH without If-Match that loses the race to a concurrent change is re-applied to the
# fresh row this many times (its fields over the other change's), then reported as a Conflict.
MAX_ATTEMPTS = 20


class _Raced(Exception):
    """The row changed between reading and writing it; the change is re-applied."""


def _expect(entity: str, ref: str, if_match: int | None, current: int | None) -> None:
    if if_match is not None and current != if_match:
        raise PreconditionFailed(entity, ref, current or 0)


def _check_provenance(actor: Actor, changes: Mapping[str, object], current: object) -> None:
    """Enterprise members keep their own data: they cannot label it as drawn from the news
    seeds, the demo or a news lead; only admins and agency staff set provenance."""
    wanted = changes.get("provenance")
    if actor.role is not Role.ENTERPRISE_MEMBER or wanted in (None, "", current):
        return
    raise PermissionDenied("set provenance", "only admins and agency staff set provenance")


def _merge(
    current: dict[str, object], changes: Mapping[str, object], fixed: tuple[str, ...]
) -> dict[str, object]:
    errors = [
        FieldError(name, "cannot be changed", str(changes[name]))
        for name in fixed
        if name in changes and changes[name] != current[name]
    ]
    if errors:
        raise ValidationFailed(errors)
    return {**current, **changes}


class RegistryService:
    def __init__(
        self, database: Database, catalog: ReferenceCatalog, changes: ListingChanges | None = None
    ) -> None:
        self.database = database
        self.catalog = catalog
        self.audited = AuditedChange(database)
        self.changes = changes or ListingChanges()

    # -- organisations -------------------------------------------------------------

    def create_organization(self, actor: Actor, raw: Mapping[str, object]) -> Organization:
        org = build_organization(raw, self.catalog)

        def work(connection: Connection) -> tuple[Organization, str]:
            require_can_create_organization(actor)
            _check_provenance(actor, raw, "user")
            repo = OrganizationRepository(connection)
            if repo.get(ref=org.ref) is not None:
                raise Conflict(f"an organisation with ref {org.ref!r} exists", field="ref")
            created = repo.add(org)
            if actor.user_id is not None:  # whoever registers an organisation may keep it
                assert created.id is not None
                AccountRepository(connection).add_membership(actor.user_id, created.id)
            return created, record_detail(organization_record(created))

        return self.audited.run(actor, "organization.create", org.ref, work)

    def update_organization(
        self,
        actor: Actor,
        ref: str,
        changes: Mapping[str, object],
        if_match: int | None = None,
    ) -> Organization:
        """Apply `changes` (only the fields given). With `if_match`, only to that version
        (PreconditionFailed otherwise); without, a concurrent change is never overwritten:
        these fields are re-applied over it."""

        def work(connection: Connection) -> tuple[Organization, str]:
            repo = OrganizationRepository(connection)
            current = self._organization(repo, ref)
            assert current.id is not None
            require_can_edit_organization(actor, current.id, current.ref)
            _check_provenance(actor, changes, current.provenance.value)
            _expect("organisation", ref, if_match, current.version)
            before = organization_record(current)
            updated = build_organization(_merge(before, changes, ("ref",)), self.catalog)
            saved = repo.replace(current.id, updated, current.version)
            if saved is None:
                raise _Raced
            affected[:] = ListingRepository(connection).refs_of_organization(current.id)
            record(connection, affected)
            return saved, changed_fields(before, organization_record(saved))

        affected: list[str] = []
        saved = self._retrying(
            lambda: self.audited.run(actor, "organization.update", ref, work),
            "organisation",
            ref,
            if_match,
        )
        self.changes.publish(affected)
        return saved

    def _retrying(self, attempt: Callable[[], T], entity: str, ref: str, if_match: int | None) -> T:
        for _ in range(MAX_ATTEMPTS):
            try:
                return attempt()
            except _Raced:
                if if_match is not None:
                    with self.database.transaction() as connection:
                        current = (
                            OrganizationRepository(connection).get(ref=ref)
                            if entity == "organisation"
                            else ListingRepository(connection).get(ref=ref)
                        )
                    raise PreconditionFailed(
                        entity, ref, 0 if current is None else current.version or 0
                    ) from None
        raise Conflict(f"{entity} {ref!r} is being changed by many others at once; try again")

    def get_organization(self, ref: str) -> Organization:
        with self.database.transaction() as connection:
            return self._organization(OrganizationRepository(connection), ref)

    def list_organizations(
        self, filters: OrganizationFilter, cursor: str | None = None, limit: int = 50
    ) -> Page[Organization]:
        check_page_size(limit)
        with self.database.transaction() as connection:
            return OrganizationRepository(connection).page(filters, decode_cursor(cursor), limit)

    @staticmethod
    def _organization(repo: OrganizationRepository, ref: str) -> Organization:
        org = repo.get(ref=ref)
        if org is None:
            raise NotFound("organisation", ref)
        return org

    # -- listings ------------------------------------------------------------------

    def create_listing(self, actor: Actor, raw: Mapping[str, object]) -> Listing:
        listing = build_listing(with_language(raw), self.catalog)

        def work(connection: Connection) -> tuple[Listing, str]:
            org = OrganizationRepository(connection).get(ref=listing.org_ref)
            if org is None:
                raise ValidationFailed(
                    [FieldError("org", "no organisation with this ref", listing.org_ref)]
                )
            assert org.id is not None
            require_can_edit_organization(actor, org.id, org.ref)
            _check_provenance(actor, raw, "user")
            repo = ListingRepository(connection)
            if repo.get(ref=listing.ref) is not None:
                raise Conflict(f"a listing with ref {listing.ref!r} exists", field="ref")
            created = repo.add(listing, org.id)
            record(connection, [created.ref])
            return created, record_detail(listing_record(created))

        created = self.audited.run(actor, "listing.create", listing.ref, work)
        self.changes.publish([created.ref])
        return created

    def update_listing(
        self,
        actor: Actor,
        ref: str,
        changes: Mapping[str, object],
        if_match: int | None = None,
    ) -> Listing:
        """Apply `changes` (only the fields given); `if_match` as for organisations."""

        def work(connection: Connection) -> tuple[Listing, str]:
            repo = ListingRepository(connection)
            current, organization_id = self._owned_listing(repo, actor, ref)
            _check_provenance(actor, changes, current.provenance.value)
            _expect("listing", ref, if_match, current.version)
            before = listing_record(current)
            merged = _merge(before, changes, ("ref", "org"))
            if "title" in changes or "description" in changes:
                merged["language"] = changes.get("language")  # re-detect unless given
            updated = build_listing(with_language(merged), self.catalog)
            saved = repo.replace(current.id or 0, updated, organization_id, current.version)
            if saved is None:
                raise _Raced
            record(connection, [ref])
            return saved, changed_fields(before, listing_record(saved))

        updated = self._retrying(
            lambda: self.audited.run(actor, "listing.update", ref, work), "listing", ref, if_match
        )
        self.changes.publish([ref])
        return updated

    def close_listing(self, actor: Actor, ref: str, if_match: int | None = None) -> Listing:
        def work(connection: Connection) -> tuple[Listing, str]:
            repo = ListingRepository(connection)
            current, organization_id = self._owned_listing(repo, actor, ref)
            _expect("listing", ref, if_match, current.version)
            if current.status is ListingStatus.CLOSED:
                raise Conflict(f"listing {ref!r} is already closed", field="status")
            closed = replace(current, status=ListingStatus.CLOSED)
            saved = repo.replace(current.id or 0, closed, organization_id, current.version)
            if saved is None:
                raise _Raced
            record(connection, [ref])
            return saved, changed_fields(listing_record(current), listing_record(saved))

        closed = self._retrying(
            lambda: self.audited.run(actor, "listing.close", ref, work), "listing", ref, if_match
        )
        self.changes.publish([ref])
        return closed

    def get_listing(self, actor: Actor, ref: str) -> Listing:
        with self.database.transaction() as connection:
            repo = ListingRepository(connection)
            listing = repo.get(ref=ref)
            if listing is None or listing.id is None:
                raise NotFound("listing", ref)
            if listing.status is not ListingStatus.PUBLISHED and not can_see_unpublished(
                actor, repo.organization_id(listing.id)
            ):
                raise NotFound("listing", ref)  # an unpublished listing's existence is private
            return listing

    def list_listings(
        self, actor: Actor, filters: ListingFilter, cursor: str | None = None, limit: int = 50
    ) -> Page[Listing]:
        check_page_size(limit)
        visible = None if actor.is_admin else actor.organizations
        with self.database.transaction() as connection:
            return ListingRepository(connection).page(
                filters, decode_cursor(cursor), limit, visible
            )

    @staticmethod
    def _owned_listing(repo: ListingRepository, actor: Actor, ref: str) -> tuple[Listing, int]:
        listing = repo.get(ref=ref)
        if listing is None or listing.id is None:
            raise NotFound("listing", ref)
        organization_id = repo.organization_id(listing.id)
        require_can_edit_organization(actor, organization_id, listing.org_ref)
        return listing, organization_id
