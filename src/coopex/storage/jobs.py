"""Stored background jobs: their status, progress and result, and the documents a news upload
left for its job. Every status change is a conditional update, so two processes never both
start one job, and a finished job is never reopened."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from coopex.domain.jobs import Job, JobKind, JobStatus
from coopex.storage.database import as_utc_or_none
from coopex.storage.tables import job_documents, jobs


@dataclass(frozen=True, slots=True)
class JobInput:
    """One entry of a news upload: a document, or what could not be taken as one."""

    name: str
    data: bytes | None = None
    format: str | None = None
    url: str | None = None
    problem: str | None = None


def _job(row: RowMapping) -> Job:
    return Job(
        id=row["id"],
        kind=JobKind(row["kind"]),
        status=JobStatus(row["status"]),
        owner_id=row["owner_id"],
        owner=row["owner"],
        done=row["done"],
        total=row["total"],
        created_at=as_utc_or_none(row["created_at"]),
        started_at=as_utc_or_none(row["started_at"]),
        finished_at=as_utc_or_none(row["finished_at"]),
        result=row["result"],
        error=row["error"],
    )


class JobRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def add(self, job: Job) -> int:
        return int(
            self.connection.execute(
                jobs.insert()
                .values(
                    kind=job.kind.value,
                    status=job.status.value,
                    owner_id=job.owner_id,
                    owner=job.owner[:200],
                    done=job.done,
                    total=job.total,
                    created_at=job.created_at,
                )
                .returning(jobs.c.id)
            ).scalar_one()
        )

    def add_inputs(self, job_id: int, inputs: Sequence[JobInput]) -> None:
        if inputs:
            self.connection.execute(
                job_documents.insert(),
                [
                    {
                        "job_id": job_id,
                        "position": position,
                        "name": item.name[:500],
                        "url": item.url,
                        "format": item.format,
                        "data": item.data,
                        "problem": item.problem,
                    }
                    for position, item in enumerate(inputs)
                ],
            )

    def inputs(self, job_id: int, after: int, limit: int) -> list[tuple[int, JobInput]]:
        """(position, input) of the upload's entries after `after`, in upload order."""
        rows = self.connection.execute(
            sa.select(job_documents)
            .where(job_documents.c.job_id == job_id, job_documents.c.position > after)
            .order_by(job_documents.c.position)
            .limit(limit)
        ).mappings()
        return [
            (r["position"], JobInput(r["name"], r["data"], r["format"], r["url"], r["problem"]))
            for r in rows
        ]

    def get(self, job_id: int) -> Job | None:
        row = self.connection.execute(sa.select(jobs).where(jobs.c.id == job_id)).mappings()
        found = row.first()
        return None if found is None else _job(found)

    def queued(self) -> list[int]:
        rows = self.connection.execute(
            sa.select(jobs.c.id).where(jobs.c.status == JobStatus.QUEUED.value).order_by(jobs.c.id)
        )
        return [int(job_id) for job_id in rows.scalars()]

    def start(self, job_id: int, now: datetime) -> bool:
        """Queued -> running; False when the job is not queued (another process took it, or
        it is finished)."""
        result = self.connection.execute(
            jobs.update()
            .where(jobs.c.id == job_id, jobs.c.status == JobStatus.QUEUED.value)
            .values(status=JobStatus.RUNNING.value, started_at=now, heartbeat_at=now)
        )
        return bool(result.rowcount)

    def progress(self, job_id: int, done: int, total: int, now: datetime) -> None:
        self.connection.execute(
            jobs.update()
            .where(jobs.c.id == job_id, jobs.c.status == JobStatus.RUNNING.value)
            .values(done=done, total=total, heartbeat_at=now)
        )

    def beat(self, job_ids: Iterable[int], now: datetime) -> None:
        ids = list(job_ids)
        if ids:
            self.connection.execute(
                jobs.update()
                .where(jobs.c.id.in_(ids), jobs.c.status == JobStatus.RUNNING.value)
                .values(heartbeat_at=now)
            )

    def finish(
        self,
        job_id: int,
        status: JobStatus,
        now: datetime,
        result: dict[str, Any] | None = None,
        error: str | None = None,
        done: int | None = None,
    ) -> bool:
        """Running (or queued) -> succeeded or failed, once; the upload's documents go."""
        values: dict[str, Any] = {
            "status": status.value,
            "finished_at": now,
            "result": result,
            "error": error,
        }
        if done is not None:
            values["done"] = done
        changed = self.connection.execute(
            jobs.update()
            .where(
                jobs.c.id == job_id,
                jobs.c.status.in_([JobStatus.QUEUED.value, JobStatus.RUNNING.value]),
            )
            .values(**values)
        )
        self.connection.execute(job_documents.delete().where(job_documents.c.job_id == job_id))
        return bool(changed.rowcount)

    def forget_finished(self, before: datetime) -> int:
        """Delete jobs that finished before `before` (their documents went when they
        finished); the number deleted. Queued and running jobs are never touched."""
        finished = [JobStatus.SUCCEEDED.value, JobStatus.FAILED.value]
        result = self.connection.execute(
            jobs.delete().where(jobs.c.status.in_(finished), jobs.c.finished_at < before)
        )
        return int(result.rowcount or 0)

    def silent(self, beat_before: datetime) -> list[Job]:
        """Running jobs whose heartbeat stopped before `beat_before`: their process died."""
        rows = self.connection.execute(
            sa.select(jobs).where(
                jobs.c.status == JobStatus.RUNNING.value, jobs.c.heartbeat_at < beat_before
            )
        ).mappings()
        return [_job(row) for row in rows]
