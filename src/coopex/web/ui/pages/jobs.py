"""Long work asked for from a page (a news upload, a full suggestion refresh) runs as a
background job, as over the API; its page shows the progress, reloading itself until the job
ends, then what came of it."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.jobs import JobKind
from coopex.web.ui.i18n import N_
from coopex.web.ui.pages.news import news_labels
from coopex.web.ui.rendering import PageDep

router = APIRouter(include_in_schema=False)

RELOAD_SECONDS = 1  # how often an unfinished job's page reloads itself (no script needed)

TITLES = {
    JobKind.NEWS_INGEST: (N_("Reading the pages"), N_("What was read")),
    JobKind.SUGGESTIONS_REFRESH: (N_("Computing the suggestions"), N_("Suggestions computed")),
}
STATUSES = {
    "queued": N_("Waiting to start"),
    "running": N_("Running"),
    "succeeded": N_("Done"),
    "failed": N_("Failed"),
}


@router.get("/jobs/{job_id}")
def job_page(page: PageDep, job_id: int) -> Response:
    job = page.coopex.jobs.get(page.require_actor(), job_id)  # others' jobs: 404
    running, finished = TITLES[job.kind]
    return page.render(
        "jobs/job.html",
        job=job,
        title=page._(finished if job.status.finished else running),
        status_label=page._(STATUSES[job.status.value]),
        reload=None if job.status.finished else RELOAD_SECONDS,
        result=job.result or {},
        labels=news_labels(page),
    )
