"""Aggregates for the dashboards: counts grouped in SQL, on SQLite and PostgreSQL alike.

Two figures need a step in Python after the query, because their inputs are JSON that the two
dialects do not aggregate the same way: project sectors (a JSON list per project, grouped by
its text here and split afterwards) and news amounts (inside each document's leads document).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopex.domain.codes import region_country
from coopex.domain.dashboard import DashboardScope, MoneyFigure, MonthCount
from coopex.domain.listings import ListingStatus
from coopex.domain.news import EventType
from coopex.domain.projects import ProjectStage
from coopex.storage.tables import (
    leads,
    listing_sectors,
    listings,
    news_documents,
    organizations,
    projects,
)

MONEY_TYPES = (EventType.TRADE_FIGURE.value, EventType.INVESTMENT.value)


def _in_region(region: str) -> sa.Select[Any]:
    return sa.select(organizations.c.id).where(organizations.c.region == region)


def _month(connection: Connection, column: sa.ColumnElement[Any]) -> sa.ColumnElement[str]:
    """YYYY-MM of a UTC timestamp column (the dialects spell it differently)."""
    if connection.dialect.name == "postgresql":
        return sa.func.to_char(sa.func.timezone("UTC", column), "YYYY-MM")
    return sa.func.strftime("%Y-%m", column)


def _country(place: str | None) -> str | None:
    """ISO 3166-1 of a place code (a region's country; a country or union as it is)."""
    if not place:
        return None
    return region_country(place) if "-" in place else place


class DashboardRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def regions_in_use(self) -> list[str]:
        """Regions some organisation or listing is in: the choices of the region filter."""
        query = sa.union(
            sa.select(organizations.c.region.label("r")).where(organizations.c.region.is_not(None)),
            sa.select(listings.c.region.label("r")).where(listings.c.region.is_not(None)),
        )
        return sorted(self.connection.execute(query).scalars())

    def _projects_where(self, query: sa.Select[Any], scope: DashboardScope) -> sa.Select[Any]:
        if scope.region is not None:
            inside = _in_region(scope.region)
            query = query.where(
                sa.or_(
                    projects.c.initiator_org_id.in_(inside),
                    projects.c.counterpart_org_id.in_(inside),
                )
            )
        if scope.organizations is not None:
            query = query.where(
                sa.or_(
                    projects.c.initiator_org_id.in_(scope.organizations),
                    projects.c.counterpart_org_id.in_(scope.organizations),
                )
            )
        return query

    def projects_by_stage(self, scope: DashboardScope) -> dict[ProjectStage, int]:
        query = sa.select(projects.c.stage, sa.func.count()).group_by(projects.c.stage)
        rows = self.connection.execute(self._projects_where(query, scope))
        return {ProjectStage(stage): count for stage, count in rows}

    def listings_by_sector_region(self, region: str | None) -> dict[tuple[str, str, str], int]:
        """(sector, region, kind) -> published listings; a listing without a region counts
        in its organisation's."""
        where = sa.func.coalesce(listings.c.region, organizations.c.region, "")
        query = (
            sa.select(listing_sectors.c.sector, where.label("region"), listings.c.kind)
            .add_columns(sa.func.count())
            .select_from(
                listings.join(listing_sectors, listing_sectors.c.listing_id == listings.c.id).join(
                    organizations, organizations.c.id == listings.c.organization_id
                )
            )
            .where(listings.c.status == ListingStatus.PUBLISHED.value)
            .group_by(listing_sectors.c.sector, where, listings.c.kind)
        )
        if region is not None:
            query = query.where(where == region)
        return {(s, r, k): n for s, r, k, n in self.connection.execute(query)}

    def projects_by_sector_region(self, scope: DashboardScope) -> Counter[tuple[str, str]]:
        """(sector, region) -> projects; a project counts in the region of each of its parties
        (once when both are in the same region)."""
        first = organizations.alias("first_party")
        second = organizations.alias("second_party")
        sectors = sa.cast(projects.c.sectors, sa.Text)
        query = self._projects_where(
            sa.select(sectors, first.c.region, second.c.region, sa.func.count())
            .select_from(
                projects.outerjoin(first, first.c.id == projects.c.initiator_org_id).outerjoin(
                    second, second.c.id == projects.c.counterpart_org_id
                )
            )
            .group_by(sectors, first.c.region, second.c.region),
            scope,
        )
        counts: Counter[tuple[str, str]] = Counter()
        for text, one, other, n in self.connection.execute(query):
            regions = {one or "", other or ""} - ({""} if one or other else set())
            for sector in json.loads(text):
                for place in regions:
                    if scope.region is None or place == scope.region:
                        counts[(sector, place)] += n
        return counts

    def _leads_where(self, query: sa.Select[Any], region: str | None) -> sa.Select[Any]:
        if region is None:
            return query
        inside = _in_region(region)
        return query.where(
            sa.or_(
                leads.c.initiator_place == region,
                leads.c.counterpart_place == region,
                leads.c.initiator_org_id.in_(inside),
                leads.c.counterpart_org_id.in_(inside),
            )
        )

    def leads_by_month(self, region: str | None, since: str) -> list[MonthCount]:
        """Leads per month (when read from the news) and type, from month `since` (YYYY-MM)."""
        month = _month(self.connection, leads.c.created_at)
        query = self._leads_where(
            sa.select(month.label("month"), leads.c.type, sa.func.count())
            .group_by(month, leads.c.type)
            .order_by(month, leads.c.type),
            region,
        )
        return [
            MonthCount(m, EventType(t), n)
            for m, t, n in self.connection.execute(query)
            if m >= since
        ]

    def money_figures(self, region: str | None) -> list[MoneyFigure]:
        """Trade and investment amounts of the news by counterpart country and currency.

        An amount belongs to a lead when it is stated in the lead's sentence; each amount is
        counted once per document even if two leads quote the same sentence."""
        counterpart = organizations.alias("counterpart_org")
        query = self._leads_where(
            sa.select(
                leads.c.document_id,
                leads.c.type,
                leads.c.evidence,
                leads.c.counterpart_place,
                counterpart.c.country,
                news_documents.c.result,
            )
            .select_from(
                leads.join(news_documents, news_documents.c.id == leads.c.document_id).outerjoin(
                    counterpart, counterpart.c.id == leads.c.counterpart_org_id
                )
            )
            .where(leads.c.type.in_(MONEY_TYPES))
            .order_by(leads.c.id),
            region,
        )
        sums: dict[tuple[str, str, str], tuple[Decimal, int]] = {}
        seen: set[tuple[int, int]] = set()
        for row in self.connection.execute(query):
            country = _country(row.counterpart_place) or row.country
            if not country:
                continue
            for index, value, currency in _amounts_in(row.result, row.evidence):
                if (row.document_id, index) in seen:
                    continue
                seen.add((row.document_id, index))
                key = (row.type, country, currency)
                total, count = sums.get(key, (Decimal(0), 0))
                sums[key] = (total + value, count + 1)
        return [
            MoneyFigure(EventType(kind), country, currency, total, count)
            for (kind, country, currency), (total, count) in sorted(sums.items())
        ]


def _amounts_in(result: Any, sentence: str) -> Iterator[tuple[int, Decimal, str]]:
    """(index, value, currency) of the document's amounts stated in `sentence`."""
    document = json.loads(result) if isinstance(result, str) else result
    for index, amount in enumerate(document.get("amounts") or ()):
        text = str(amount.get("text") or "")
        if not text or (text not in sentence and sentence not in text):
            continue
        try:
            value = Decimal(str(amount["value"]))
        except (KeyError, InvalidOperation):
            continue
        currency = str(amount.get("currency") or "")
        if currency:
            yield index, value, currency
