"""Registry use cases: organisations and their listings."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from sqlalchemy.engine import Connection

from coopex.domain.accounts import (
    Actor,
    Role,
    acting_for,
    can_see_unpublished,
    require_can_create_organization,
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
from coopex.domain.interests import as_seen_by
from coopex.domain.listings import Listing, ListingStatus, build_listing, listing_record
from coopex.domain.organizations import Organization, build_organization, organization_record
from coopex.domain.paging import Page, check_page_size, decode_cursor
from coopex.domain.queries import ListingFilter, OrganizationFilter
from coopex.engines.language import detect_language
from coopex.services.auditing import AuditedChange, Done, changed_fields, record_detail
from coopex.services.changes import ListingChanges, record
from coopex.storage.accounts import AccountRepository
from coopex.storage.database import Database
from coopex.storage.interests import InterestRepository
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

        def work(connection: Connection) -> Done[Organization]:
            require_can_create_organization(actor)
            _check_provenance(actor, raw, "user")
            repo = OrganizationRepository(connection)
            if repo.get(ref=org.ref) is not None:
                raise Conflict(f"an organisation with ref {org.ref!r} exists", field="ref")
            created = repo.add(org)
            assert created.id is not None
            detail = record_detail(organization_record(created))
            if actor.is_agency_of(created.region):
                # Registered for an enterprise of the agency's region: the agency acts for it
                # through its region; the enterprise's own people become its members.
                return Done(created, detail, created.ref)
            if actor.user_id is not None:  # whoever registers an organisation may keep it
                AccountRepository(connection).add_membership(actor.user_id, created.id)
            return Done(created, detail)

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

        def work(connection: Connection) -> Done[Organization]:
            repo = OrganizationRepository(connection)
            current = self._organization(repo, ref)
            assert current.id is not None
            on_behalf = acting_for(actor, current.id, current.ref, current.region)
            _check_provenance(actor, changes, current.provenance.value)
            _expect("organisation", ref, if_match, current.version)
            before = organization_record(current)
            updated = build_organization(_merge(before, changes, ("ref",)), self.catalog)
            saved = repo.replace(current.id, updated, current.version)
            if saved is None:
                raise _Raced
            affected[:] = ListingRepository(connection).refs_of_organization(current.id)
            record(connection, affected)
            return Done(saved, changed_fields(before, organization_record(saved)), on_behalf)

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

    def get_organization(self, ref: str, actor: Actor | None = None) -> Organization:
        """One organisation as `actor` may see it: hidden contacts are omitted for outsiders
        (no actor: an outsider to every organisation)."""
        with self.database.transaction() as connection:
            org = self._organization(OrganizationRepository(connection), ref)
            return self._as_seen(connection, actor, [org])[0]

    def list_organizations(
        self,
        filters: OrganizationFilter,
        cursor: str | None = None,
        limit: int = 50,
        actor: Actor | None = None,
    ) -> Page[Organization]:
        check_page_size(limit)
        with self.database.transaction() as connection:
            page = OrganizationRepository(connection).page(filters, decode_cursor(cursor), limit)
            return Page(self._as_seen(connection, actor, list(page.items)), page.next_cursor)

    @staticmethod
    def _as_seen(
        connection: Connection, actor: Actor | None, orgs: list[Organization]
    ) -> list[Organization]:
        linked: frozenset[int] = frozenset()
        if actor is not None and actor.organizations:
            linked = InterestRepository(connection).accepted_partners(
                actor.organizations, [o.id for o in orgs if o.id is not None]
            )
        return [as_seen_by(actor, org, org.id in linked) for org in orgs]

    def organization_names(self, refs: Sequence[str]) -> dict[str, str]:
        """Display names of organisations by ref (one query for a page of listings)."""
        with self.database.transaction() as connection:
            return OrganizationRepository(connection).names_by_ref(sorted(set(refs)))

    @staticmethod
    def _organization(repo: OrganizationRepository, ref: str) -> Organization:
        org = repo.get(ref=ref)
        if org is None:
            raise NotFound("organisation", ref)
        return org

    # -- listings ------------------------------------------------------------------

    def create_listing(self, actor: Actor, raw: Mapping[str, object]) -> Listing:
        listing = build_listing(with_language(raw), self.catalog)

        def work(connection: Connection) -> Done[Listing]:
            org = OrganizationRepository(connection).get(ref=listing.org_ref)
            if org is None:
                raise ValidationFailed(
                    [FieldError("org", "no organisation with this ref", listing.org_ref)]
                )
            assert org.id is not None
            on_behalf = acting_for(actor, org.id, org.ref, org.region)
            _check_provenance(actor, raw, "user")
            repo = ListingRepository(connection)
            if repo.get(ref=listing.ref) is not None:
                raise Conflict(f"a listing with ref {listing.ref!r} exists", field="ref")
            created = repo.add(listing, org.id)
            record(connection, [created.ref])
            return Done(created, record_detail(listing_record(created)), on_behalf)

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

        def work(connection: Connection) -> Done[Listing]:
            repo = ListingRepository(connection)
            current, organization_id, on_behalf = self._owned_listing(connection, actor, ref)
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
            return Done(saved, changed_fields(before, listing_record(saved)), on_behalf)

        updated = self._retrying(
            lambda: self.audited.run(actor, "listing.update", ref, work), "listing", ref, if_match
        )
        self.changes.publish([ref])
        return updated

    def close_listing(self, actor: Actor, ref: str, if_match: int | None = None) -> Listing:
        def work(connection: Connection) -> Done[Listing]:
            repo = ListingRepository(connection)
            current, organization_id, on_behalf = self._owned_listing(connection, actor, ref)
            _expect("listing", ref, if_match, current.version)
            if current.status is ListingStatus.CLOSED:
                raise Conflict(f"listing {ref!r} is already closed", field="status")
            closed = replace(current, status=ListingStatus.CLOSED)
            saved = repo.replace(current.id or 0, closed, organization_id, current.version)
            if saved is None:
                raise _Raced
            record(connection, [ref])
            detail = changed_fields(listing_record(current), listing_record(saved))
            return Done(saved, detail, on_behalf)

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
            if listing.status is not ListingStatus.PUBLISHED:
                owner = OrganizationRepository(connection).get(id=repo.organization_id(listing.id))
                assert owner is not None and owner.id is not None
                if not can_see_unpublished(actor, owner.id, owner.region):
                    raise NotFound("listing", ref)  # an unpublished listing's existence is private
            return listing

    def list_listings(
        self, actor: Actor, filters: ListingFilter, cursor: str | None = None, limit: int = 50
    ) -> Page[Listing]:
        check_page_size(limit)
        with self.database.transaction() as connection:
            visible = None
            if not actor.is_admin:  # agency staff also see their region's drafts
                regional = OrganizationRepository(connection).ids_in_regions(actor.regions)
                visible = actor.organizations | regional
            return ListingRepository(connection).page(
                filters, decode_cursor(cursor), limit, visible
            )

    @staticmethod
    def _owned_listing(
        connection: Connection, actor: Actor, ref: str
    ) -> tuple[Listing, int, str | None]:
        """The listing, its organisation's id, and the organisation acted for (agency)."""
        repo = ListingRepository(connection)
        listing = repo.get(ref=ref)
        if listing is None or listing.id is None:
            raise NotFound("listing", ref)
        organization_id = repo.organization_id(listing.id)
        owner = OrganizationRepository(connection).get(id=organization_id)
        assert owner is not None
        on_behalf = acting_for(actor, organization_id, listing.org_ref, owner.region)
        return listing, organization_id, on_behalf
