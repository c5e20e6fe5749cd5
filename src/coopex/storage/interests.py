"""Expressions of interest, read back with the refs of their listings, organisations and
project."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from coopex.domain.interests import Direction, Funnel, Interest, InterestStatus
from coopex.domain.paging import Page, encode_cursor
from coopex.storage.database import as_utc, utc_now
from coopex.storage.keyset import fetch_after
from coopex.storage.tables import interests, listings, organizations, projects

_from_listing = listings.alias("from_listing")
_to_listing = listings.alias("to_listing")
_from_org = organizations.alias("from_org")
_to_org = organizations.alias("to_org")

_INTERESTS = (
    sa.select(
        interests,
        _from_listing.c.ref.label("from_listing_ref"),
        _to_listing.c.ref.label("to_listing_ref"),
        _from_org.c.ref.label("from_org_ref"),
        _to_org.c.ref.label("to_org_ref"),
        _from_org.c.region.label("from_region"),
        _to_org.c.region.label("to_region"),
        projects.c.ref.label("project_ref"),
    )
    .join(_from_listing, _from_listing.c.id == interests.c.from_listing_id)
    .join(_to_listing, _to_listing.c.id == interests.c.to_listing_id)
    .join(_from_org, _from_org.c.id == interests.c.from_org_id)
    .join(_to_org, _to_org.c.id == interests.c.to_org_id)
    .outerjoin(projects, projects.c.id == interests.c.project_id)
)


@dataclass(frozen=True, slots=True)
class Sides:
    """The two organisations of an interest, for the permission rules."""

    from_org_id: int
    from_region: str | None
    to_org_id: int
    to_region: str | None


def _interest(row: RowMapping) -> Interest:
    return Interest(
        id=row["id"],
        from_listing=row["from_listing_ref"],
        to_listing=row["to_listing_ref"],
        from_org=row["from_org_ref"],
        to_org=row["to_org_ref"],
        message=row["message"],
        status=InterestStatus(row["status"]),
        expressed_by=row["expressed_by"],
        expressed_at=as_utc(row["expressed_at"]),
        decided_by=row["decided_by"],
        decided_at=as_utc(row["decided_at"]) if row["decided_at"] else None,
        project=row["project_ref"],
    )


def _sides(row: RowMapping) -> Sides:
    return Sides(row["from_org_id"], row["from_region"], row["to_org_id"], row["to_region"])


LIVE = (InterestStatus.PENDING.value, InterestStatus.ACCEPTED.value, InterestStatus.DECLINED.value)


class InterestRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def add(
        self,
        from_listing_id: int,
        to_listing_id: int,
        from_org_id: int,
        to_org_id: int,
        message: str,
        expressed_by: str,
    ) -> int:
        return int(
            self.connection.execute(
                sa.insert(interests)
                .values(
                    from_listing_id=from_listing_id,
                    to_listing_id=to_listing_id,
                    from_org_id=from_org_id,
                    to_org_id=to_org_id,
                    message=message,
                    status=InterestStatus.PENDING.value,
                    expressed_by=expressed_by,
                    expressed_at=utc_now(),
                )
                .returning(interests.c.id)
            ).scalar_one()
        )

    def get(self, interest_id: int) -> tuple[Interest, Sides] | None:
        row = (
            self.connection.execute(_INTERESTS.where(interests.c.id == interest_id))
            .mappings()
            .first()
        )
        return (_interest(row), _sides(row)) if row else None

    def live_between(self, from_listing_id: int, to_listing_id: int) -> Interest | None:
        """The pending, accepted or declined interest of one listing in another (a withdrawn
        one does not count: it may be expressed again)."""
        row = (
            self.connection.execute(
                _INTERESTS.where(
                    interests.c.from_listing_id == from_listing_id,
                    interests.c.to_listing_id == to_listing_id,
                    interests.c.status.in_(LIVE),
                ).order_by(interests.c.id.desc())
            )
            .mappings()
            .first()
        )
        return _interest(row) if row else None

    def decide(self, interest_id: int, status: InterestStatus, decided_by: str) -> None:
        self.connection.execute(
            interests.update()
            .where(interests.c.id == interest_id)
            .values(status=status.value, decided_by=decided_by, decided_at=utc_now())
        )

    def set_project(self, interest_id: int, project_id: int) -> None:
        self.connection.execute(
            interests.update().where(interests.c.id == interest_id).values(project_id=project_id)
        )

    @staticmethod
    def _scoped(
        query: sa.Select[Any], direction: Direction, organization_ids: frozenset[int] | None
    ) -> sa.Select[Any]:
        if organization_ids is None:
            return query
        incoming = interests.c.to_org_id.in_(organization_ids)
        outgoing = interests.c.from_org_id.in_(organization_ids)
        if direction is Direction.INCOMING:
            return query.where(incoming)
        if direction is Direction.OUTGOING:
            return query.where(outgoing)
        return query.where(sa.or_(incoming, outgoing))

    def page(
        self,
        direction: Direction,
        status: InterestStatus | None,
        organization_ids: frozenset[int] | None,
        after_id: int,
        limit: int,
    ) -> Page[Interest]:
        """`organization_ids`: the side(s) `direction` names is one of them (None: all)."""
        query = self._scoped(_INTERESTS, direction, organization_ids)
        if status is not None:
            query = query.where(interests.c.status == status.value)
        rows, more = fetch_after(self.connection, query, interests.c.id, after_id, limit)
        items = [_interest(row) for row in rows]
        return Page(items, encode_cursor(rows[-1]["id"]) if more and rows else None)

    def accepted_partners(
        self, organization_ids: frozenset[int], candidates: Sequence[int]
    ) -> frozenset[int]:
        """Those of `candidates` an accepted interest links to one of `organization_ids`."""
        if not organization_ids or not candidates:
            return frozenset()
        accepted = interests.c.status == InterestStatus.ACCEPTED.value
        forward = sa.select(interests.c.to_org_id).where(
            accepted,
            interests.c.from_org_id.in_(organization_ids),
            interests.c.to_org_id.in_(candidates),
        )
        backward = sa.select(interests.c.from_org_id).where(
            accepted,
            interests.c.to_org_id.in_(organization_ids),
            interests.c.from_org_id.in_(candidates),
        )
        return frozenset(self.connection.execute(sa.union(forward, backward)).scalars())

    def funnel(self, organization_ids: frozenset[int] | None) -> Funnel:
        query = self._scoped(
            sa.select(
                interests.c.status,
                sa.func.count().label("n"),
                sa.func.count(interests.c.project_id).label("projects"),
            ).group_by(interests.c.status),
            Direction.ALL,
            organization_ids,
        )
        counts = dict.fromkeys(InterestStatus, 0)
        opened = 0
        for row in self.connection.execute(query):
            counts[InterestStatus(row.status)] = row.n
            opened += row.projects
        return Funnel(
            expressed=sum(counts.values()),
            pending=counts[InterestStatus.PENDING],
            accepted=counts[InterestStatus.ACCEPTED],
            declined=counts[InterestStatus.DECLINED],
            withdrawn=counts[InterestStatus.WITHDRAWN],
            projects=opened,
        )
