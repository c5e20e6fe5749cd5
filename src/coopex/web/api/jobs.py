"""/api/v1/jobs/{id}: the status of long work asked for over the API (a news upload, a full
suggestions refresh), which answers 202 Accepted with this resource as its Location."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from coopex.domain.jobs import Job, JobKind, JobStatus
from coopex.web.api.dependencies import ActorDep, CoopexDep
from coopex.web.api.paths import RowId

router = APIRouter(prefix="/jobs", tags=["jobs"])


class ProgressOut(BaseModel):
    done: int = Field(description="Units done: documents read (news), listings searched")
    total: int = Field(description="Units in all (0 while not known yet)")


class JobOut(BaseModel):
    id: int
    kind: JobKind
    status: JobStatus = Field(description="queued, running, then succeeded or failed")
    owner: str = Field(description="Who asked for it (only they and admins see the job)")
    progress: ProgressOut
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    result: dict[str, Any] | None = Field(
        description="news.ingest: per-document outcomes and totals, as the upload's summary; "
        "suggestions.refresh: searched, mutual, added, updated, withdrawn (docs/api.md)"
    )
    error: str | None = Field(description="Why it failed, in words")

    @classmethod
    def of(cls, job: Job) -> JobOut:
        assert job.id is not None and job.created_at is not None
        return cls(
            id=job.id,
            kind=job.kind,
            status=job.status,
            owner=job.owner,
            progress=ProgressOut(done=job.done, total=job.total),
            created_at=job.created_at,
            started_at=job.started_at,
            finished_at=job.finished_at,
            result=job.result,
            error=job.error,
        )


# What an operation that queues a job declares for its 202 answer.
ACCEPTED: dict[int | str, dict[str, Any]] = {
    202: {
        "description": "Queued as a background job: follow it at Location (GET /jobs/{id})",
        "headers": {
            "Location": {
                "description": "The job's status resource, /api/v1/jobs/{id}",
                "schema": {"type": "string"},
            }
        },
    }
}


def accepted(request: Request, response: Response, job: Job) -> JobOut:
    """The 202 answer: the job as queued, and where to follow it."""
    response.headers["Location"] = request.app.url_path_for("get_job", job_id=str(job.id))
    return JobOut.of(job)


@router.get("/{job_id}", summary="A background job: status, progress, result or error")
def get_job(coopex: CoopexDep, actor: ActorDep, job_id: RowId) -> JobOut:
    return JobOut.of(coopex.jobs.get(actor, job_id))
