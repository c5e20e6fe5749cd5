"""Expressions of interest: express (for one's own listing, in another organisation's),
accept or decline (the other side), withdraw (while pending), list incoming and outgoing,
open a cooperation project from an accepted one, and count the funnel.

Each side acts through `acting_for`: its members and admins as themselves, agency staff of
its region on its behalf (the audit entry names the organisation)."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor, acting_for
from coopex.domain.audit import Outcome
from coopex.domain.catalog import ReferenceCatalog
from coopex.domain.errors import Conflict, FieldError, NotFound, PermissionDenied, ValidationFailed
from coopex.domain.fields import FieldReader
from coopex.domain.interests import (
    Direction,
    Funnel,
    Interest,
    InterestStatus,
    check_can_open_project,
    decide_interest,
)
from coopex.domain.listings import Listing, ListingStatus
from coopex.domain.paging import Page, check_page_size, decode_cursor
from coopex.domain.projects import (
    Project,
    ProjectStage,
    build_project,
    project_record,
)
from coopex.services.auditing import AuditedChange, Done, record_detail
from coopex.services.projects import store_project
from coopex.storage.database import Database
from coopex.storage.interests import InterestRepository, Sides
from coopex.storage.listings import ListingRepository
from coopex.storage.organizations import OrganizationRepository
from coopex.storage.projects import ProjectRepository

MAX_MESSAGE = 2000


class InterestService:
    def __init__(self, database: Database, catalog: ReferenceCatalog) -> None:
        self.database = database
        self.catalog = catalog
        self.audited = AuditedChange(database)

    # ---- expressing and deciding ---------------------------------------------------------

    def express(
        self, actor: Actor, from_listing: str, to_listing: str, message: str = ""
    ) -> Interest:
        """`from_listing` is the actor's organisation's own; `to_listing` another one's."""
        reader = FieldReader({"message": message})
        text = reader.optional_text("message", max_length=MAX_MESSAGE, multiline=True) or ""
        reader.raise_if_failed()

        def work(connection: Connection) -> Done[Interest]:
            listings = ListingRepository(connection)
            organizations = OrganizationRepository(connection)
            mine, mine_org_id = self._listing(listings, from_listing, "from_listing")
            owner = organizations.get(id=mine_org_id)
            assert owner is not None
            on_behalf = acting_for(actor, mine_org_id, owner.ref, owner.region)
            theirs, their_org_id = self._listing(listings, to_listing, "to_listing")
            if theirs.status is not ListingStatus.PUBLISHED:
                raise NotFound("listing", to_listing)  # an unpublished listing is private
            if mine.status is ListingStatus.CLOSED:
                raise Conflict(f"listing {from_listing!r} is closed", field="from_listing")
            if their_org_id == mine_org_id:
                raise ValidationFailed(
                    [FieldError("to_listing", "is your own organisation's listing", to_listing)]
                )
            repo = InterestRepository(connection)
            assert mine.id is not None and theirs.id is not None
            existing = repo.live_between(mine.id, theirs.id)
            if existing is not None:
                raise Conflict(
                    f"interest {existing.id} of {from_listing!r} in {to_listing!r} "
                    f"is already {existing.status.value}",
                    field="to_listing",
                )
            reverse = repo.live_between(theirs.id, mine.id)
            if reverse is not None and reverse.status is InterestStatus.PENDING:
                raise Conflict(
                    f"{reverse.from_org!r} already expressed interest {reverse.id} in "
                    f"{from_listing!r}: accept it instead",
                    field="to_listing",
                )
            interest_id = repo.add(mine.id, theirs.id, mine_org_id, their_org_id, text, actor.label)
            found = repo.get(interest_id)
            assert found is not None
            detail = f"{from_listing} -> {to_listing} (interest {interest_id})"
            return Done(found[0], detail, on_behalf)

        return self.audited.run(actor, "interest.express", f"{from_listing}->{to_listing}", work)

    @staticmethod
    def _listing(repo: ListingRepository, ref: str, field: str) -> tuple[Listing, int]:
        listing = repo.get(ref=ref)
        if listing is None or listing.id is None:
            raise ValidationFailed([FieldError(field, "no listing with this ref", ref)])
        return listing, repo.organization_id(listing.id)

    @staticmethod
    def _stored(connection: Connection, interest_id: int) -> tuple[Interest, Sides]:
        found = InterestRepository(connection).get(interest_id)
        if found is None:
            raise NotFound("interest", interest_id)
        return found

    def _decide(self, actor: Actor, interest_id: int, status: InterestStatus) -> Interest:
        verb = {InterestStatus.ACCEPTED: "accept", InterestStatus.DECLINED: "decline"}[status]

        def work(connection: Connection) -> Done[Interest]:
            interest, sides = self._stored(connection, interest_id)
            on_behalf = acting_for(actor, sides.to_org_id, interest.to_org, sides.to_region)
            decide_interest(interest, status)
            repo = InterestRepository(connection)
            repo.decide(interest_id, status, actor.label)
            decided = repo.get(interest_id)
            assert decided is not None
            detail = f"{interest.from_org} -> {interest.to_org}: {status.value}"
            return Done(decided[0], detail, on_behalf)

        return self.audited.run(actor, f"interest.{verb}", str(interest_id), work)

    def accept(self, actor: Actor, interest_id: int) -> Interest:
        """The side that was asked accepts: both sides now see each other's contacts."""
        return self._decide(actor, interest_id, InterestStatus.ACCEPTED)

    def decline(self, actor: Actor, interest_id: int) -> Interest:
        return self._decide(actor, interest_id, InterestStatus.DECLINED)

    def withdraw(self, actor: Actor, interest_id: int) -> Interest:
        """The side that expressed it takes back a pending interest."""

        def work(connection: Connection) -> Done[Interest]:
            interest, sides = self._stored(connection, interest_id)
            on_behalf = acting_for(actor, sides.from_org_id, interest.from_org, sides.from_region)
            if interest.status is not InterestStatus.PENDING:
                raise Conflict(
                    f"interest {interest_id} is {interest.status.value}: only a pending one "
                    "is withdrawn",
                    field="status",
                )
            repo = InterestRepository(connection)
            repo.decide(interest_id, InterestStatus.WITHDRAWN, actor.label)
            withdrawn = repo.get(interest_id)
            assert withdrawn is not None
            return Done(withdrawn[0], "withdrawn", on_behalf)

        return self.audited.run(actor, "interest.withdraw", str(interest_id), work)

    # ---- projects ------------------------------------------------------------------------

    def open_project(self, actor: Actor, interest_id: int, title: str | None = None) -> Project:
        """A cooperation project from an accepted interest, at stage `contact` (the sides are
        in touch), between the two organisations, linked to their match."""

        def work(connection: Connection) -> Done[Project]:
            interest, sides = self._stored(connection, interest_id)
            on_behalf = self._either_side(actor, interest, sides)
            check_can_open_project(interest)
            listings = ListingRepository(connection).by_refs(
                [interest.from_listing, interest.to_listing]
            )
            mine, theirs = listings[interest.from_listing][0], listings[interest.to_listing][0]
            sectors = list(dict.fromkeys(mine.sectors + theirs.sectors))
            raw = {
                "title": title or f"{mine.title} ↔ {theirs.title}"[:500],
                "stage": ProjectStage.CONTACT.value,
                "initiator_org": interest.from_org,
                "counterpart_org": interest.to_org,
                "sectors": [s for s in sectors if self.catalog.sector(s) is not None],
                "matches": [[interest.from_listing, interest.to_listing]],
                "ref": f"project-interest-{interest_id}",
            }
            project = build_project(raw, self.catalog, actor.label)
            stored = store_project(connection, actor, project, check_parties=False)
            assert stored.id is not None
            InterestRepository(connection).set_project(interest_id, stored.id)
            self.audited.log(
                connection,
                actor,
                "project.create",
                stored.ref,
                Outcome.DONE,
                f"from interest {interest_id}: " + record_detail(project_record(stored)),
                on_behalf,
            )
            opened = ProjectRepository(connection).get(stored.ref)
            assert opened is not None
            return Done(opened, f"project {stored.ref}", on_behalf)

        return self.audited.run(actor, "interest.open_project", str(interest_id), work)

    @staticmethod
    def _either_side(actor: Actor, interest: Interest, sides: Sides) -> str | None:
        """Either side may act; the first one the actor may act for decides the on-behalf."""
        try:
            return acting_for(actor, sides.from_org_id, interest.from_org, sides.from_region)
        except PermissionDenied:
            return acting_for(actor, sides.to_org_id, interest.to_org, sides.to_region)

    # ---- reading -------------------------------------------------------------------------

    @staticmethod
    def _scope(connection: Connection, actor: Actor) -> frozenset[int] | None:
        """The organisations the actor acts for (None: all, for admins)."""
        if actor.is_admin:
            return None
        regional = OrganizationRepository(connection).ids_in_regions(actor.regions)
        return actor.organizations | regional

    def get(self, actor: Actor, interest_id: int) -> Interest:
        with self.database.transaction() as connection:
            interest, sides = self._stored(connection, interest_id)
            scope = self._scope(connection, actor)
            if scope is not None and not scope & {sides.from_org_id, sides.to_org_id}:
                raise NotFound("interest", interest_id)  # other organisations' business
            return interest

    def page(
        self,
        actor: Actor,
        direction: Direction = Direction.ALL,
        status: InterestStatus | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> Page[Interest]:
        """Interests of the organisations the actor acts for: expressed to them (incoming),
        by them (outgoing) or both; admins see all."""
        check_page_size(limit)
        with self.database.transaction() as connection:
            scope = self._scope(connection, actor)
            return InterestRepository(connection).page(
                direction, status, scope, decode_cursor(cursor), limit
            )

    def funnel(self, actor: Actor) -> Funnel:
        """Counts of expressed → accepted → projects, over the interests the actor sees."""
        with self.database.transaction() as connection:
            return InterestRepository(connection).funnel(self._scope(connection, actor))
