"""Cooperation projects: list (filter by stage, party, sector, next step due), create, read
(parties, value, next step, what produced it, the timeline), move through the stages the state
machine allows, edit, add a note. The project service decides who sees and changes what."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.accounts import Actor
from coopex.domain.errors import Conflict, FieldError, NotFound, PermissionDenied, ValidationFailed
from coopex.domain.projects import (
    MOVES,
    OPENING_STAGES,
    HistoryKind,
    IllegalMove,
    Project,
    ProjectStage,
    project_record,
)
from coopex.domain.queries import OrganizationFilter, ProjectFilter
from coopex.web.ui import nav
from coopex.web.ui.forms import field_errors
from coopex.web.ui.i18n import N_
from coopex.web.ui.labels import PROJECT_STAGES
from coopex.web.ui.pages.registry import Option, choices
from coopex.web.ui.rendering import NOTICES, FormDep, Page, PageDep

router = APIRouter(include_in_schema=False)
nav.register(nav.NavItem("/projects", N_("Projects"), order=55))
NOTICES.update(
    {
        "project-saved": N_("The project is saved."),
        "project-moved": N_("The project moved to its new stage."),
        "note-added": N_("The note is added."),
    }
)

PAGE_SIZE = 25
HISTORY = {
    HistoryKind.CREATED: N_("Opened"),
    HistoryKind.MOVED: N_("Moved"),
    HistoryKind.EDITED: N_("Edited"),
    HistoryKind.NOTE: N_("Note"),
}
FORM_FIELDS = (
    "title",
    "stage",
    "initiator_org",
    "counterpart_org",
    "sectors",
    "description",
    "value",
    "currency",
    "next_step",
    "next_step_due",
)
CLEARABLE = ("counterpart_org", "description", "value", "currency", "next_step", "next_step_due")


def project_labels(page: Page) -> dict[str, dict[str, str]]:
    t = page.i18n
    return {
        "stage": {k.value: t.gettext(v) for k, v in PROJECT_STAGES.items()},
        "history": {k.value: t.gettext(v) for k, v in HISTORY.items()},
    }


def _params(page: Page) -> dict[str, str]:
    return {k: v.strip() for k, v in page.request.query_params.items() if v.strip()}


def _organizations(page: Page) -> list[Option]:
    found = page.coopex.registry.list_organizations(OrganizationFilter(), None, 500).items
    return sorted((Option(o.ref, o.name) for o in found), key=lambda o: o.label.casefold())


def _choices(page: Page) -> dict[str, Any]:
    t = page.i18n
    return {
        **choices(page),
        "stages": [Option(s.value, t.gettext(label)) for s, label in PROJECT_STAGES.items()],
        "opening": [Option(s.value, t.gettext(PROJECT_STAGES[s])) for s in OPENING_STAGES],
        "organizations": _organizations(page),
    }


@router.get("/projects")
def projects(page: PageDep) -> Response:
    actor = page.require_actor()
    params = _params(page)
    errors: dict[str, list[str]] = {}
    due = None
    if params.get("due_before"):
        try:
            due = date.fromisoformat(params["due_before"])
        except ValueError:
            bad = FieldError("due_before", "must be a date (YYYY-MM-DD)", params["due_before"])
            errors = field_errors(page.i18n, [bad])
    stage = params.get("stage")
    filters = ProjectFilter(
        stage=ProjectStage(stage) if stage in {s.value for s in ProjectStage} else None,
        org_ref=params.get("org"),
        sector=params.get("sector"),
        due_before=due,
    )
    found = page.coopex.projects.page(actor, filters, params.get("after"), PAGE_SIZE)
    refs = {r for p in found.items for r in p.parties}
    return page.render(
        "projects/list.html",
        projects=found.items,
        next_cursor=found.next_cursor,
        params=params,
        errors=errors,
        choices=_choices(page),
        labels=project_labels(page),
        orgs=refs,
        today=date.today(),
    )


def _raw(form: dict[str, str]) -> dict[str, object]:
    raw: dict[str, object] = {}
    for name in FORM_FIELDS:
        value = form.get(name, "").strip()
        if value:
            raw[name] = [s for s in value.split(";") if s] if name == "sectors" else value
    return raw


def _form_page(
    page: Page,
    values: dict[str, Any],
    errors: dict[str, list[str]],
    project: Project | None,
    status: int = 200,
) -> Response:
    return page.render(
        "projects/form.html",
        status,
        values=values,
        errors=errors,
        project=project,
        choices=_choices(page),
    )


def _errors(page: Page, error: ValidationFailed | Conflict) -> dict[str, list[str]]:
    if isinstance(error, ValidationFailed):
        return field_errors(page.i18n, error.errors)
    return {error.field or "title": [str(error)]}


@router.get("/projects/new")
def new_project(page: PageDep) -> Response:
    actor = page.require_actor()
    orgs = page.coopex.accounts.memberships(actor)
    values = {"stage": "lead", "initiator_org": orgs[0] if orgs else ""}
    return _form_page(page, values, {}, None)


@router.post("/projects/new")
def create_project(page: PageDep, form: FormDep) -> Response:
    actor = page.require_actor()
    try:
        created = page.coopex.projects.create(actor, _raw(form))
    except (ValidationFailed, Conflict) as error:
        return _form_page(page, dict(form), _errors(page, error), None, 422)
    return page.redirect(f"/projects/{created.ref}", notice="project-saved")


def _detail(page: Page, actor: Actor, ref: str, error: str | None = None) -> Response:
    project = page.coopex.projects.get(actor, ref)
    history = page.coopex.projects.history(actor, ref)
    listings = {r for pair in project.matches for r in (pair.first, pair.second)}
    titles = {}
    for listing_ref in sorted(listings):
        try:
            titles[listing_ref] = page.coopex.registry.get_listing(actor, listing_ref).title
        except (NotFound, PermissionDenied):  # a listing hidden from the reader: its ref
            titles[listing_ref] = listing_ref
    moves = [s for s in ProjectStage if s in MOVES[project.stage]]
    return page.render(
        "projects/detail.html",
        409 if error else 200,
        project=project,
        history=history,
        moves=moves,
        titles=titles,
        labels=project_labels(page),
        orgs=set(project.parties),
        error=error,
        today=date.today(),
    )


@router.get("/projects/{ref}")
def project(page: PageDep, ref: str) -> Response:
    actor = page.require_actor()
    return _detail(page, actor, ref)


@router.post("/projects/{ref}/move")
def move(page: PageDep, form: FormDep, ref: str) -> Response:
    actor = page.require_actor()
    target = form.get("stage", "")
    if target not in {s.value for s in ProjectStage}:
        return _detail(page, actor, ref, page._("Choose a stage to move to."))
    try:
        page.coopex.projects.move(actor, ref, ProjectStage(target), form.get("comment", ""))
    except IllegalMove as illegal:
        return _detail(page, actor, ref, str(illegal))
    except ValidationFailed as failed:
        messages = field_errors(page.i18n, failed.errors)
        return _detail(page, actor, ref, " ".join(m for ms in messages.values() for m in ms))
    return page.redirect(f"/projects/{ref}", notice="project-moved")


@router.post("/projects/{ref}/notes")
def add_note(page: PageDep, form: FormDep, ref: str) -> Response:
    actor = page.require_actor()
    try:
        page.coopex.projects.add_note(actor, ref, form.get("text", ""))
    except ValidationFailed as failed:
        messages = field_errors(page.i18n, failed.errors)
        return _detail(page, actor, ref, " ".join(m for ms in messages.values() for m in ms))
    return page.redirect(f"/projects/{ref}", notice="note-added")


def _values(project: Project) -> dict[str, Any]:
    record = project_record(project)
    record["sectors"] = list(project.sectors)
    return {k: "" if v is None else v for k, v in record.items()}


@router.get("/projects/{ref}/edit")
def edit_project(page: PageDep, ref: str) -> Response:
    found = page.coopex.projects.get(page.require_actor(), ref)
    return _form_page(page, _values(found), {}, found)


@router.post("/projects/{ref}/edit")
def update_project(page: PageDep, form: FormDep, ref: str) -> Response:
    actor = page.require_actor()
    found = page.coopex.projects.get(actor, ref)
    changes = _raw(form)
    changes.pop("stage", None)  # the stage changes only by a move
    changes.setdefault("sectors", [])
    for name in CLEARABLE:
        changes.setdefault(name, None)  # a field emptied on the form is cleared
    try:
        page.coopex.projects.update(actor, ref, changes)
    except (ValidationFailed, Conflict) as error:
        values = {**_values(found), **form}
        values["sectors"] = [s for s in form.get("sectors", "").split(";") if s]
        return _form_page(page, values, _errors(page, error), found, 422)
    return page.redirect(f"/projects/{ref}", notice="project-saved")
