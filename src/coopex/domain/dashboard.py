"""What the dashboards show: counts and sums, each chart's numbers as plain values."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from coopex.domain.accounts import Actor, Role
from coopex.domain.news import EventType
from coopex.domain.projects import ProjectStage


@dataclass(frozen=True, slots=True)
class DashboardScope:
    """Which region the figures are about (None: everywhere the reader may see)."""

    region: str | None
    # Enterprise members see the projects and interests of their own organisations only.
    organizations: frozenset[int] | None = None


def default_region(actor: Actor) -> str | None:
    """Agency staff start with their own region; everyone else with every region."""
    if actor.role is Role.AGENCY_STAFF and actor.regions:
        return sorted(actor.regions)[0]
    return None


@dataclass(frozen=True, slots=True)
class StageCount:
    stage: ProjectStage
    count: int


@dataclass(frozen=True, slots=True)
class SectorRegionCell:
    """Published listings (offers, requests) and projects of one sector in one region."""

    sector: str
    region: str  # ISO 3166-2, or "" when neither the listing nor its organisation has one
    offers: int = 0
    requests: int = 0
    projects: int = 0

    @property
    def total(self) -> int:
        return self.offers + self.requests + self.projects


@dataclass(frozen=True, slots=True)
class MonthCount:
    month: str  # YYYY-MM
    type: EventType
    count: int


@dataclass(frozen=True, slots=True)
class MoneyFigure:
    """Amounts the news gives for trade or investment with one counterpart country."""

    type: EventType  # trade_figure or investment
    country: str  # ISO 3166-1 alpha-2 (or a union code) of the counterpart
    currency: str  # ISO 4217
    amount: Decimal
    leads: int  # how many leads the sum is made of


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` (YYYY-MM), both included."""
    year, month = (int(part) for part in first.split("-"))
    end = tuple(int(part) for part in last.split("-"))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
