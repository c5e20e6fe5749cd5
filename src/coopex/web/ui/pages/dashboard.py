"""Dashboards: projects by stage, listings and projects by sector and region, leads per month,
trade and investment figures from the news, and the interests funnel, as SVG with tables."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.accounts import Role
from coopex.domain.dashboard import default_region, months_between
from coopex.domain.news import EventType
from coopex.storage.database import utc_now
from coopex.web.ui import charts, nav
from coopex.web.ui.i18n import N_
from coopex.web.ui.labels import LEAD_EVENT_TYPES, PROJECT_STAGES
from coopex.web.ui.pages.registry import Option
from coopex.web.ui.rendering import Page, PageDep

router = APIRouter(include_in_schema=False)
nav.register(nav.NavItem("/dashboard", N_("Dashboard"), order=15))

ALL = "all"


def _region(page: Page, regions: list[str]) -> str | None:
    """The region asked for; absent: the reader's default (agency staff: their own)."""
    asked = page.request.query_params.get("region")
    if asked is None:
        return default_region(page.require_actor())
    return asked if asked in regions else None


@router.get("/dashboard")
def dashboard(page: PageDep) -> Response:
    actor = page.require_actor()
    service = page.coopex.dashboard
    regions = service.regions(actor)
    region = _region(page, regions)
    i18n, _ = page.i18n, page._
    data: dict[str, Any] = {}

    stages = service.projects_by_stage(actor, region)
    data["stages"] = [(_(PROJECT_STAGES[s.stage]), s.count) for s in stages]
    data["stage_chart"] = charts.bars(
        [
            charts.Row(_(PROJECT_STAGES[s.stage]), s.count, i18n.number(s.count), f"s{i}")
            for i, s in enumerate(stages)
        ],
        centred=True,
    )

    cells = service.sector_region(actor, region)
    sectors = sorted({c.sector for c in cells})
    places = sorted({c.region for c in cells})
    data["cells"] = [
        (i18n.sector(c.sector), i18n.region(c.region) or _("No region"), c) for c in cells
    ]
    data["heat_chart"] = charts.heat(
        [(s, i18n.sector(s)) for s in sectors],
        [(p, p or "—") for p in places],
        {(c.sector, c.region): c.total for c in cells},
    )

    funnel = service.interests_funnel(actor, region)
    steps = [
        (_("Expressed"), funnel.expressed),
        (_("Accepted"), funnel.accepted),
        (_("Projects opened"), funnel.projects),
    ]
    data["funnel"] = funnel
    data["funnel_chart"] = charts.bars(
        [charts.Row(label, n, i18n.number(n), f"s{i}") for i, (label, n) in enumerate(steps)],
        centred=True,
    )

    staff = actor.role is not Role.ENTERPRISE_MEMBER
    if staff:
        monthly = service.leads_by_month(actor, region)
        now = utc_now().strftime("%Y-%m")
        first = min((m.month for m in monthly), default=now)
        months = months_between(first, now)[-12:]
        types = [t for t in EventType if any(m.type is t for m in monthly)]
        data["monthly"] = [(m.month, _(LEAD_EVENT_TYPES[m.type]), m.count) for m in monthly]
        data["leads_chart"] = charts.stacked(
            [(m, m) for m in months],
            [(t.value, _(LEAD_EVENT_TYPES[t]), f"s{list(EventType).index(t)}") for t in types],
            {(m.month, m.type.value): m.count for m in monthly},
        )
        figures = service.money_figures(actor, region)
        data["figures"] = [
            (_(LEAD_EVENT_TYPES[f.type]), i18n.country(f.country) or f.country, f) for f in figures
        ]
        top: dict[str, float] = {}
        for f in figures:
            top[f.currency] = max(top.get(f.currency, 0.0), float(f.amount))
        data["money_chart"] = charts.bars(
            [
                charts.Row(
                    f"{i18n.country(f.country) or f.country} · {f.currency}",
                    float(f.amount) / top[f.currency],
                    i18n.money(f.amount, f.currency),
                    "s9" if f.type is EventType.TRADE_FIGURE else "s10",
                )
                for f in figures
            ]
        )
    region_options = [Option(ALL, _("All regions"))] + [
        Option(code, f"{i18n.region(code)} ({code})") for code in regions
    ]
    return page.render(
        "dashboard/dashboard.html",
        staff=staff,
        region=region,
        region_value=region or ALL,
        region_options=region_options,
        **data,
    )
