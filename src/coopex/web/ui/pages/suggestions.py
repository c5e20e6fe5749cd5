"""Home's mutual suggestions: accept (marked contacted) or dismiss one, and for admins
recompute them all — the API's PATCH /suggestions/{id} and its refresh, as forms."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.jobs import JobKind
from coopex.domain.suggestions import SuggestionStatus
from coopex.web.ui.rendering import FormDep, PageDep

router = APIRouter(include_in_schema=False)

DECISIONS = {"accept": SuggestionStatus.CONTACTED, "dismiss": SuggestionStatus.DISMISSED}


@router.post("/suggestions/{suggestion_id}/{decision}")
def decide(page: PageDep, form: FormDep, suggestion_id: int, decision: str) -> Response:
    status = DECISIONS.get(decision)
    if status is None:
        return page.redirect("/")
    page.coopex.suggestions.set_status(page.require_actor(), suggestion_id, status)
    return page.redirect("/", notice=f"suggestion-{decision}")


@router.post("/suggestions/refresh")
def refresh(page: PageDep, form: FormDep) -> Response:
    # Every published listing is searched again: a background job, followed on its page.
    job = page.coopex.jobs.enqueue(page.require_actor(), JobKind.SUGGESTIONS_REFRESH)
    return page.redirect(f"/jobs/{job.id}")
