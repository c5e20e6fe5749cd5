"""Import and export of the registry.

An import is validated whole before anything is written: by default one bad record
rejects the file and leaves the database as it was; with `partial` the good records go in
and the bad ones come back with their reasons. Records are keyed by `ref`, so importing
the same file twice changes nothing the second time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy.engine import Connection

from coopex.domain.accounts import (
    Actor,
    require_can_create_organization,
    require_can_edit_organization,
)
from coopex.domain.audit import Outcome
from coopex.domain.catalog import ReferenceCatalog
from coopex.domain.errors import DomainError, FieldError, ValidationFailed
from coopex.domain.listings import Listing, build_listing, listing_record
from coopex.domain.organizations import Organization, build_organization, organization_record
from coopex.interchange.records import Entity, SourceRecord
from coopex.services.auditing import AuditedChange, audit_entry, changed_fields, record_detail
from coopex.services.changes import ListingChanges
from coopex.services.changes import record as record_changes
from coopex.services.registry import with_language
from coopex.storage.accounts import AccountRepository
from coopex.storage.audit import AuditRepository
from coopex.storage.database import Database
from coopex.storage.listings import ListingRepository
from coopex.storage.organizations import OrganizationRepository


@dataclass(frozen=True, slots=True)
class RejectedRecord:
    record: SourceRecord
    errors: tuple[FieldError, ...]

    def describe(self) -> str:
        return f"{self.record.entity} {self.record.location}: " + "; ".join(
            e.describe() for e in self.errors
        )


@dataclass(slots=True)
class ImportReport:
    created: Counter[Entity] = field(default_factory=Counter)
    updated: Counter[Entity] = field(default_factory=Counter)
    unchanged: Counter[Entity] = field(default_factory=Counter)
    rejected: list[RejectedRecord] = field(default_factory=list)

    @property
    def written(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())

    def summary(self) -> dict[str, object]:
        return {
            "created": {e.value: self.created[e] for e in Entity},
            "updated": {e.value: self.updated[e] for e in Entity},
            "unchanged": {e.value: self.unchanged[e] for e in Entity},
            "rejected": len(self.rejected),
        }


def describe(report: ImportReport) -> str:
    """One line for people, e.g. `listings 5 created, 2 unchanged; 1 rejected`."""
    parts = []
    for entity in Entity:
        counts = [
            f"{count} {word}"
            for word, count in (
                ("created", report.created[entity]),
                ("updated", report.updated[entity]),
                ("unchanged", report.unchanged[entity]),
            )
            if count
        ]
        if counts:
            parts.append(f"{entity} {', '.join(counts)}")
    if report.rejected:
        parts.append(f"{len(report.rejected)} rejected")
    return "; ".join(parts) or "nothing to import"


class ImportRejected(DomainError):
    """The file had bad records and the import was all-or-nothing: nothing was written."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__(f"{len(report.rejected)} bad record(s); nothing was imported")


@dataclass(slots=True)
class _Plan:
    organizations: list[Organization] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)


class TransferService:
    def __init__(
        self, database: Database, catalog: ReferenceCatalog, changes: ListingChanges | None = None
    ) -> None:
        self.database = database
        self.catalog = catalog
        self.audited = AuditedChange(database)
        self.changes = changes or ListingChanges()

    # -- import --------------------------------------------------------------------

    def import_records(
        self,
        actor: Actor,
        records: Sequence[SourceRecord],
        *,
        partial: bool = False,
        label: str = "import",
    ) -> ImportReport:
        report = ImportReport()
        with self.database.transaction() as connection:
            plan = self._validate(connection, records, report)
        if report.rejected and not partial:
            raise ImportRejected(report)
        with self.database.transaction() as connection:
            changed = self._write(connection, actor, plan, report, label)
            record_changes(connection, changed)
        self.changes.publish(changed)
        return report

    def _validate(
        self, connection: Connection, records: Sequence[SourceRecord], report: ImportReport
    ) -> _Plan:
        plan = _Plan()
        seen: dict[tuple[Entity, str], str] = {}
        org_refs_in_file: set[str] = set()
        rejected_org_refs: set[str] = set()

        def check_unique(record: SourceRecord, ref: str, errors: list[FieldError]) -> None:
            first = seen.setdefault((record.entity, ref), record.location)
            if first != record.location:
                errors.append(
                    FieldError("ref", f"appears twice in the file (first at {first})", ref)
                )

        for record in (r for r in records if r.entity is Entity.ORGANIZATIONS):
            errors = list(record.read_errors)
            org = self._organization(record, errors)
            if org is not None:
                check_unique(record, org.ref, errors)
            if errors or org is None:
                report.rejected.append(RejectedRecord(record, tuple(errors)))
                ref = record.raw.get("ref")
                if isinstance(ref, str):
                    rejected_org_refs.add(ref.strip())
                continue
            plan.organizations.append(org)
            org_refs_in_file.add(org.ref)

        listing_records = [r for r in records if r.entity is Entity.LISTINGS]
        wanted = {str(r.raw.get("org") or "").strip() for r in listing_records}
        known = set(
            OrganizationRepository(connection).ids_by_ref(sorted(wanted - org_refs_in_file))
        )
        for record in listing_records:
            errors = list(record.read_errors)
            listing = self._listing(record, errors)
            if listing is not None:
                check_unique(record, listing.ref, errors)
                if listing.org_ref not in org_refs_in_file and listing.org_ref not in known:
                    why = (
                        "its organisation's record was rejected"
                        if listing.org_ref in rejected_org_refs
                        else "no organisation with this ref, in the file or the database"
                    )
                    errors.append(FieldError("org", why, listing.org_ref))
            if errors or listing is None:
                report.rejected.append(RejectedRecord(record, tuple(errors)))
                continue
            plan.listings.append(listing)
        return plan

    def _organization(self, record: SourceRecord, errors: list[FieldError]) -> Organization | None:
        try:
            return build_organization(record.raw, self.catalog)
        except ValidationFailed as failure:
            errors.extend(failure.errors)
            return None

    def _listing(self, record: SourceRecord, errors: list[FieldError]) -> Listing | None:
        try:
            return build_listing(with_language(record.raw), self.catalog)
        except ValidationFailed as failure:
            errors.extend(failure.errors)
            return None

    def _write(
        self, connection: Connection, actor: Actor, plan: _Plan, report: ImportReport, label: str
    ) -> list[str]:
        """Writes the plan; returns the refs of listings whose stored state changed."""
        changed_orgs = [
            org.ref
            for org in plan.organizations
            if self._write_organization(connection, actor, org, report, label)
        ]
        changed = self._write_listings(connection, actor, plan.listings, report, label)
        if changed_orgs:  # an organisation's country reaches its listings' index entries
            listings = ListingRepository(connection)
            ids = OrganizationRepository(connection).ids_by_ref(changed_orgs)
            for organization_id in ids.values():
                changed.extend(listings.refs_of_organization(organization_id))
        return list(dict.fromkeys(changed))

    def _write_organization(
        self,
        connection: Connection,
        actor: Actor,
        org: Organization,
        report: ImportReport,
        label: str,
    ) -> bool:
        """Writes one organisation; True when its stored state changed."""
        repo = OrganizationRepository(connection)
        current = repo.get(ref=org.ref)
        if current == org:
            report.unchanged[Entity.ORGANIZATIONS] += 1
            return False
        if current is None:
            require_can_create_organization(actor)
            created = repo.add(org)
            if actor.user_id is not None and created.id is not None:
                AccountRepository(connection).add_membership(actor.user_id, created.id)
            report.created[Entity.ORGANIZATIONS] += 1
            action, detail = "organization.create", record_detail(organization_record(created))
        else:
            assert current.id is not None
            require_can_edit_organization(actor, current.id, current.ref)
            repo.replace(current.id, org)
            report.updated[Entity.ORGANIZATIONS] += 1
            action = "organization.update"
            detail = changed_fields(organization_record(current), organization_record(org))
        self.audited.log(connection, actor, action, org.ref, Outcome.DONE, f"{label}: {detail}")
        return True

    def _write_listings(
        self,
        connection: Connection,
        actor: Actor,
        listings: list[Listing],
        report: ImportReport,
        label: str,
    ) -> list[str]:
        """New listings go in batched; changed ones are replaced one by one (they are rare)."""
        repo = ListingRepository(connection)
        org_ids = OrganizationRepository(connection).ids_by_ref(
            sorted({listing.org_ref for listing in listings})
        )
        stored = repo.by_refs([listing.ref for listing in listings])
        new: list[tuple[Listing, int]] = []
        entries = []
        for listing in listings:
            organization_id = org_ids[listing.org_ref]
            require_can_edit_organization(actor, organization_id, listing.org_ref)
            current, current_org_id = stored.get(listing.ref, (None, organization_id))
            if current == listing:
                report.unchanged[Entity.LISTINGS] += 1
                continue
            if current is None:
                new.append((listing, organization_id))
                report.created[Entity.LISTINGS] += 1
                action, detail = "listing.create", record_detail(listing_record(listing))
            else:
                assert current.id is not None
                # Moving a listing to another organisation needs rights over the old one too.
                require_can_edit_organization(actor, current_org_id, current.org_ref)
                repo.replace(current.id, listing, organization_id)
                report.updated[Entity.LISTINGS] += 1
                action = "listing.update"
                detail = changed_fields(listing_record(current), listing_record(listing))
            entries.append(
                audit_entry(actor, action, listing.ref, Outcome.DONE, f"{label}: {detail}")
            )
        repo.add_many(new)
        AuditRepository(connection).append_many(entries)
        return [entry.entity_ref for entry in entries]

    # -- export --------------------------------------------------------------------

    def export_records(self, entity: Entity) -> Iterator[dict[str, object]]:
        """Every record of `entity` as plain data, in id order, from one snapshot."""
        with self.database.transaction() as connection:
            if entity is Entity.ORGANIZATIONS:
                for org in OrganizationRepository(connection).iterate():
                    yield organization_record(org)
            else:
                for listing in ListingRepository(connection).iterate():
                    yield listing_record(listing)
