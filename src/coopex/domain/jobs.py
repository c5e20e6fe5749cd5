"""Background jobs: long work asked for over the API (a news upload of many pages, a full
suggestions refresh), run outside the request and followed through its status."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from coopex.domain.accounts import Actor


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"

    @property
    def finished(self) -> bool:
        return self in (JobStatus.SUCCEEDED, JobStatus.FAILED)


class JobKind(StrEnum):
    NEWS_INGEST = "news.ingest"
    SUGGESTIONS_REFRESH = "suggestions.refresh"


@dataclass(frozen=True, slots=True)
class Job:
    kind: JobKind
    status: JobStatus
    owner_id: int | None  # the user who asked for it
    owner: str  # their label (e-mail), as on the audit trail
    done: int = 0  # progress: units of work done (documents, listings) of `total`
    total: int = 0
    created_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    result: dict[str, Any] | None = None  # what the work produced (per kind: docs/api.md)
    error: str | None = None  # why it failed, in words
    id: int | None = field(default=None, compare=False)


def can_see_job(actor: Actor, job: Job) -> bool:
    """A job is its owner's affair (and the admins'): others are told it does not exist."""
    return actor.is_admin or (actor.user_id is not None and actor.user_id == job.owner_id)


class JobFailed(Exception):
    """Work that ran but whose outcome is a failure (nothing in a news upload could be read),
    with what it produced all the same."""

    def __init__(self, reason: str, result: dict[str, Any] | None = None) -> None:
        self.reason = reason
        self.result = result
        super().__init__(reason)


class JobInterrupted(Exception):
    """The process running the job is stopping: the job ends here, marked failed."""
