"""What the home page adds for the follow-up work: new leads in the reader's region, projects
whose next step is due soon or overdue, interests waiting for the reader's decision."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from coopex.domain.accounts import Actor, Role
from coopex.domain.interests import Direction, InterestStatus
from coopex.domain.news import Lead, LeadStatus
from coopex.domain.projects import OPEN_STAGES
from coopex.domain.queries import LeadFilter, ProjectFilter
from coopex.web.ui.pages.news import news_labels
from coopex.web.ui.pages.projects import project_labels
from coopex.web.ui.rendering import Page

DUE_WITHIN = timedelta(days=14)
SHOWN = 5


def _places(page: Page, actor: Actor) -> list[str]:
    """Agency staff: their agencies' regions; others: their organisations' countries."""
    if actor.role is Role.AGENCY_STAFF and actor.regions:
        return sorted(actor.regions)
    countries = {
        page.coopex.registry.get_organization(ref).country
        for ref in page.coopex.accounts.memberships(actor)
    }
    return sorted(c for c in countries if c)


def _leads(page: Page, actor: Actor) -> tuple[list[str], list[Lead]]:
    if actor.role is Role.ENTERPRISE_MEMBER:
        return [], []  # news leads are the agencies' work
    places = _places(page, actor)
    found: dict[int | None, Lead] = {}
    for place in places:
        filters = LeadFilter(status=LeadStatus.NEW, place=place)
        for lead in page.coopex.news.leads(actor, filters, None, SHOWN).items:
            found.setdefault(lead.id, lead)
    return places, list(found.values())[:SHOWN]


def home_sections(page: Page, actor: Actor) -> dict[str, Any]:
    today = date.today()
    due = page.coopex.projects.page(
        actor, ProjectFilter(due_before=today + DUE_WITHIN + timedelta(days=1)), None, 100
    ).items
    due = sorted(
        (p for p in due if p.stage in OPEN_STAGES and p.next_step_due is not None),
        key=lambda p: (p.next_step_due, p.ref),
    )
    waiting = page.coopex.interests.page(
        actor, Direction.INCOMING, InterestStatus.PENDING, None, 20
    ).items
    places, leads = _leads(page, actor)
    return {
        "lead_places": places,
        "region_leads": leads,
        "due_projects": due[:10],
        "waiting_interests": waiting,
        "interest_orgs": page.coopex.registry.organization_names([i.from_org for i in waiting]),
        "news_labels": news_labels(page),
        "project_labels": project_labels(page),
        "today": today,
    }
