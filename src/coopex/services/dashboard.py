"""The dashboards' figures, one method per chart, each one read-only transaction.

Who sees what follows the capabilities' own rules: published listings for everyone signed in;
projects for admins and agency staff, enterprise members their organisations' own; news leads
and their amounts for admins and agency staff only; interests as `InterestService` scopes them.
`region` (ISO 3166-2, None for all) narrows every figure to one region; the pages start agency
staff at their own (`domain.dashboard.default_region`).
"""

from __future__ import annotations

from datetime import date

from coopex.domain.accounts import Actor, Role, require_staff
from coopex.domain.dashboard import (
    DashboardScope,
    MoneyFigure,
    MonthCount,
    SectorRegionCell,
    StageCount,
)
from coopex.domain.interests import Funnel
from coopex.domain.projects import ProjectStage
from coopex.storage.dashboard import DashboardRepository
from coopex.storage.database import Database, utc_now
from coopex.storage.interests import InterestRepository
from coopex.storage.organizations import OrganizationRepository

FUNNEL_STAGES = tuple(ProjectStage)  # lead → … → launched, then dropped


def _scope(actor: Actor, region: str | None) -> DashboardScope:
    members_only = actor.role is Role.ENTERPRISE_MEMBER
    return DashboardScope(region, actor.organizations if members_only else None)


def _month_back(today: date, months: int) -> str:
    index = today.year * 12 + today.month - 1 - (months - 1)
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


class DashboardService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def regions(self, actor: Actor) -> list[str]:
        """The regions the filter offers: those some organisation or listing is in."""
        with self.database.transaction() as connection:
            return DashboardRepository(connection).regions_in_use()

    def projects_by_stage(self, actor: Actor, region: str | None = None) -> list[StageCount]:
        """Projects per stage, every stage listed (zero too), in the order of the funnel."""
        with self.database.transaction() as connection:
            counts = DashboardRepository(connection).projects_by_stage(_scope(actor, region))
        return [StageCount(stage, counts.get(stage, 0)) for stage in FUNNEL_STAGES]

    def sector_region(self, actor: Actor, region: str | None = None) -> list[SectorRegionCell]:
        """Published offers and requests, and projects, per sector and region (cells with
        something in them only), by sector then region."""
        with self.database.transaction() as connection:
            repo = DashboardRepository(connection)
            listed = repo.listings_by_sector_region(region)
            projected = repo.projects_by_sector_region(_scope(actor, region))
        keys = {(sector, place) for sector, place, _ in listed} | set(projected)
        return [
            SectorRegionCell(
                sector,
                place,
                offers=listed.get((sector, place, "offer"), 0),
                requests=listed.get((sector, place, "request"), 0),
                projects=projected.get((sector, place), 0),
            )
            for sector, place in sorted(keys)
        ]

    def leads_by_month(
        self, actor: Actor, region: str | None = None, months: int = 12
    ) -> list[MonthCount]:
        """Leads read from the news per month and type over the last `months` months, up to
        the current one; months without leads are left out (`months_between` fills them)."""
        require_staff(actor, "see the leads dashboard")
        since = _month_back(utc_now().date(), months)
        with self.database.transaction() as connection:
            return DashboardRepository(connection).leads_by_month(region, since)

    def money_figures(self, actor: Actor, region: str | None = None) -> list[MoneyFigure]:
        """Trade and investment amounts read from the news, by counterpart country and
        currency (amounts in different currencies are never added up)."""
        require_staff(actor, "see trade and investment figures")
        with self.database.transaction() as connection:
            return DashboardRepository(connection).money_figures(region)

    def interests_funnel(self, actor: Actor, region: str | None = None) -> Funnel:
        """Expressed → accepted → projects over the interests the actor sees; with a region,
        those where either side is an organisation of that region."""
        with self.database.transaction() as connection:
            orgs = OrganizationRepository(connection)
            scope: frozenset[int] | None = None
            if not actor.is_admin:
                scope = actor.organizations | orgs.ids_in_regions(actor.regions)
            if region is not None:
                inside = orgs.ids_in_regions(frozenset({region}))
                scope = inside if scope is None else scope & inside
            return InterestRepository(connection).funnel(scope)
