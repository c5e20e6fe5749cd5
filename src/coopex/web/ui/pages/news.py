"""News intelligence: upload pages (files or pasted text) and see what was read; the stored
documents; the leads (filter, read with the evidence highlighted, accept into a project,
dismiss, partners for it). The news service lets only admins and agency staff in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from coopex.domain.accounts import Actor, Role
from coopex.domain.errors import Conflict, ValidationFailed
from coopex.domain.jobs import JobKind
from coopex.domain.news import EventType, Lead, LeadStatus
from coopex.domain.queries import LeadFilter
from coopex.engines.news.pipeline import RawDocument
from coopex.interchange.news_sources import SourceProblem, uploaded
from coopex.services.news import job_inputs
from coopex.web.api.filters import upper
from coopex.web.ui import nav
from coopex.web.ui.explain import STRONG_TEXT
from coopex.web.ui.forms import field_errors
from coopex.web.ui.i18n import N_
from coopex.web.ui.labels import LEAD_EVENT_TYPES
from coopex.web.ui.pages.matching import shown
from coopex.web.ui.pages.registry import Option, choices
from coopex.web.ui.rendering import NOTICES, BadForm, FormDep, Page, PageDep
from coopex.web.ui.session import CSRF_FIELD, csrf_valid

router = APIRouter(include_in_schema=False)


def staff(actor: Actor | None) -> bool:
    return actor is not None and actor.role is not Role.ENTERPRISE_MEMBER


nav.register(nav.NavItem("/news", N_("News"), order=50, visible=staff))
nav.register(nav.NavItem("/leads", N_("Leads"), order=51, visible=staff))

NOTICES.update(
    {
        "lead-accepted": N_("The lead is accepted: this project was opened from it."),
        "lead-dismissed": N_("The lead is dismissed."),
    }
)
PAGE_SIZE = 25
MAX_UPLOAD_FILES = 20
LEAD_STATUSES = {
    LeadStatus.NEW: N_("New"),
    LeadStatus.ACCEPTED: N_("Accepted"),
    LeadStatus.DISMISSED: N_("Dismissed"),
}
OUTCOMES = {
    "stored": N_("stored"),
    "duplicate": N_("already stored"),
    "near_duplicate": N_("a copy of a stored story"),
    "error": N_("not read"),
}


def news_labels(page: Page) -> dict[str, dict[str, str]]:
    t = page.i18n
    return {
        "type": {k.value: t.gettext(v) for k, v in LEAD_EVENT_TYPES.items()},
        "status": {k.value: t.gettext(v) for k, v in LEAD_STATUSES.items()},
        "outcome": {k: t.gettext(v) for k, v in OUTCOMES.items()},
    }


def lead_choices(page: Page) -> dict[str, list[Option]]:
    t = page.i18n
    return {
        **choices(page),
        "types": sorted(
            (Option(k.value, t.gettext(v)) for k, v in LEAD_EVENT_TYPES.items()),
            key=lambda o: o.label,
        ),
        "lead_statuses": [Option(k.value, t.gettext(v)) for k, v in LEAD_STATUSES.items()],
    }


def _params(page: Page) -> dict[str, str]:
    return {k: v.strip() for k, v in page.request.query_params.items() if v.strip()}


# -- upload -------------------------------------------------------------------------------


@router.get("/news/upload")
def upload_form(page: PageDep) -> Response:
    actor = page.require_actor()
    page.coopex.news.documents(actor, limit=1)  # the service refuses those it would refuse
    return page.render("news/upload.html", values={}, errors={})


@dataclass(frozen=True, slots=True)
class _Upload:
    sources: list[RawDocument | SourceProblem]
    values: dict[str, str]


async def _read_upload(page: Page) -> _Upload:
    form = await page.request.form()
    token = form.get(CSRF_FIELD)
    if not csrf_valid(page.request, token if isinstance(token, str) else None):
        raise BadForm()
    sources: list[RawDocument | SourceProblem] = []
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    for number, item in enumerate(files):
        assert item.filename is not None
        if number >= MAX_UPLOAD_FILES:  # reported, not silently dropped
            reason = f"not read: at most {MAX_UPLOAD_FILES} files in one upload"
            sources.append(SourceProblem(item.filename, reason))
            continue
        sources.extend(uploaded(item.filename, await item.read()))
    text = form.get("text")
    title = form.get("title")
    name = title.strip() if isinstance(title, str) and title.strip() else "pasted.txt"
    if isinstance(text, str) and text.strip():
        sources.append(RawDocument(name[:200], text.encode("utf-8"), "text"))
    values = {k: v for k in ("text", "title") if isinstance(v := form.get(k), str)}
    return _Upload(sources, values)


@router.post("/news/upload")
async def upload(page: PageDep) -> Response:
    actor = page.require_actor()
    received = await _read_upload(page)
    if not received.sources:
        errors = {"files": [page._("Choose a file or paste the text of a page.")]}
        return page.render("news/upload.html", 422, values=received.values, errors=errors)
    # Read in the background, as over the API: a large upload must not hold the request.
    inputs = job_inputs(received.sources)
    job = await run_in_threadpool(page.coopex.jobs.enqueue, actor, JobKind.NEWS_INGEST, inputs)
    return page.redirect(f"/jobs/{job.id}")


# -- documents ----------------------------------------------------------------------------


@router.get("/news")
def documents(page: PageDep) -> Response:
    actor = page.require_actor()
    params = _params(page)
    found = page.coopex.news.documents(actor, params.get("q"), None, params.get("after"), PAGE_SIZE)
    return page.render(
        "news/documents.html", documents=found.items, next_cursor=found.next_cursor, params=params
    )


@router.get("/news/{document_id}")
def document(page: PageDep, document_id: int) -> Response:
    actor = page.require_actor()
    found = page.coopex.news.document(actor, document_id)
    leads = page.coopex.news.leads(actor, LeadFilter(document_id=document_id), limit=200).items
    return page.render(
        "news/document.html",
        document=found,
        paragraphs=[p for p in found.text.split("\n") if p.strip()],
        leads=leads,
        labels=news_labels(page),
    )


# -- leads --------------------------------------------------------------------------------


def _choice(value: str | None, kind: Any) -> Any:
    return kind(value) if value in {k.value for k in kind} else None


@router.get("/leads")
def leads(page: PageDep) -> Response:
    actor = page.require_actor()
    params = _params(page)
    filters = LeadFilter(
        status=_choice(params.get("status"), LeadStatus),
        type=_choice(params.get("type"), EventType),
        place=upper(params.get("place")),
        sector=params.get("sector"),
        text=params.get("q"),
        document_id=int(params["document"]) if params.get("document", "").isdigit() else None,
    )
    if params.get("meaning") and params.get("q"):
        return _leads_by_meaning(page, actor, params, filters)
    found = page.coopex.news.leads(actor, filters, params.get("after"), PAGE_SIZE)
    return page.render(
        "news/leads.html",
        leads=found.items,
        next_cursor=found.next_cursor,
        params=params,
        choices=lead_choices(page),
        labels=news_labels(page),
    )


def _leads_by_meaning(
    page: Page, actor: Actor, params: dict[str, str], filters: LeadFilter
) -> Response:
    """The API's GET /leads/search: leads whose sentence means what q says, with scores."""
    errors: dict[str, list[str]] = {}
    scored = []
    try:
        scored = page.coopex.news.search_leads(
            actor, params["q"], LeadFilter(filters.status, filters.type, filters.place), PAGE_SIZE
        )
    except ValidationFailed as failed:
        errors = field_errors(page.i18n, failed.errors)
    return page.render(
        "news/leads.html",
        leads=[],
        scored=scored,
        next_cursor=None,
        params=params,
        errors=errors,
        choices=lead_choices(page),
        labels=news_labels(page),
    )


@dataclass(frozen=True, slots=True)
class Highlighted:
    """The document's text split around the evidence sentence (escaped by the template)."""

    before: str
    evidence: str
    after: str


def highlight(text: str, evidence: str) -> Highlighted:
    at = text.find(evidence) if evidence else -1
    if at < 0:
        return Highlighted(text, "", "")
    return Highlighted(text[:at], evidence, text[at + len(evidence) :])


def _lead_page(page: Page, actor: Actor, lead: Lead, error: str | None = None) -> Response:
    assert lead.id is not None
    found = page.coopex.news.document(actor, lead.document_id)
    result: dict[str, Any] = found.result
    return page.render(
        "news/lead.html",
        409 if error else 200,
        lead=lead,
        document=found,
        text=highlight(found.text, lead.event.evidence),
        entities=result.get("entities", {}),
        amounts=[a for a in result.get("amounts", []) if isinstance(a, dict)],
        labels=news_labels(page),
        error=error,
    )


@router.get("/leads/{lead_id}")
def lead(page: PageDep, lead_id: int) -> Response:
    actor = page.require_actor()
    return _lead_page(page, actor, page.coopex.news.lead(actor, lead_id))


@router.post("/leads/{lead_id}/accept")
def accept(page: PageDep, form: FormDep, lead_id: int) -> Response:
    actor = page.require_actor()
    try:
        decided = page.coopex.news.decide(actor, lead_id, LeadStatus.ACCEPTED)
    except Conflict as error:  # decided already (another tab, another colleague)
        return _lead_page(page, actor, page.coopex.news.lead(actor, lead_id), str(error))
    return page.redirect(f"/projects/{decided.project}", notice="lead-accepted")


@router.post("/leads/{lead_id}/dismiss")
def dismiss(page: PageDep, form: FormDep, lead_id: int) -> Response:
    actor = page.require_actor()
    try:
        page.coopex.news.decide(actor, lead_id, LeadStatus.DISMISSED)
    except Conflict as error:
        return _lead_page(page, actor, page.coopex.news.lead(actor, lead_id), str(error))
    return page.redirect(f"/leads/{lead_id}", notice="lead-dismissed")


@router.get("/leads/{lead_id}/partners")
def partners(page: PageDep, lead_id: int) -> Response:
    actor = page.require_actor()
    found = page.coopex.news.lead(actor, lead_id)
    errors: dict[str, list[str]] = {}
    try:
        matches = page.coopex.news.partners(actor, lead_id, limit=20)
    except ValidationFailed as failed:
        matches, errors = [], field_errors(page.i18n, failed.errors)
    query = f"{found.event.counterpart}. {found.event.evidence}"
    items = shown(page, matches, query, STRONG_TEXT)
    return page.render(
        "news/partners.html",
        lead=found,
        matches=items,
        strong=[m for m in items if m.strong],
        weak=[m for m in items if not m.strong],
        errors=errors,
        labels=news_labels(page),
    )
