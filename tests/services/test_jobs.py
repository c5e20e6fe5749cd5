"""Background jobs on each backend: queued, run once by the runner (procrastinate's worker on
PostgreSQL, a thread on SQLite), followed through status and progress, seen only by their
owner and admins; interrupted ones end failed, never running forever."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from coopex.app import Coopex
from coopex.domain.accounts import Actor, require_staff
from coopex.domain.errors import NotFound, PermissionDenied
from coopex.domain.jobs import Job, JobKind, JobStatus
from coopex.interchange.news_sources import read_sources
from coopex.services.demo import demo_news_path
from coopex.services.jobs import JOBS_KEPT, SILENT_AFTER, JobContext
from coopex.services.news import job_inputs
from coopex.storage.database import utc_now
from coopex.storage.jobs import JobInput, JobRepository
from coopex.storage.tables import job_documents, jobs, news_documents
from tests.conftest import OPERATOR, People, org_raw

DATA = demo_news_path()


def finished(coopex: Coopex, actor: Actor, job_id: int, seconds: float = 180) -> Job:
    deadline = time.monotonic() + seconds
    while True:
        job = coopex.jobs.get(actor, job_id)
        if job.status.finished or time.monotonic() > deadline:
            return job
        time.sleep(0.1)


def rows(coopex: Coopex, table: sa.Table) -> int:
    with coopex.database.transaction() as connection:
        return int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def test_a_news_upload_runs_as_a_job_and_reports_each_document(
    coopex: Coopex, people: People
) -> None:
    staff, _ = people.staff()
    pages = job_inputs(read_sources([DATA]))
    queued = coopex.jobs.enqueue(staff, JobKind.NEWS_INGEST, pages)
    assert queued.id is not None
    assert (queued.status, queued.done, queued.total, queued.owner) == (
        JobStatus.QUEUED,
        0,
        len(pages),
        staff.label,
    )
    job = finished(coopex, staff, queued.id)
    assert job.status is JobStatus.SUCCEEDED, job.error
    assert (job.done, job.total) == (len(pages), len(pages))
    assert job.started_at is not None and job.finished_at is not None
    assert job.created_at is not None and job.created_at <= job.started_at <= job.finished_at
    assert job.result is not None
    assert job.result["stored"] == len(pages) == rows(coopex, news_documents)
    assert [item["outcome"] for item in job.result["items"]] == ["stored"] * len(pages)
    assert rows(coopex, job_documents) == 0  # the upload's copy goes once it is read
    [entry] = coopex.audit.recent(OPERATOR, entity="job")
    assert (entry.action, entry.actor, entry.entity_ref) == (
        "job.create",
        staff.label,
        "news.ingest",
    )


def test_nothing_readable_fails_the_job_and_names_each_document(
    coopex: Coopex, people: People
) -> None:
    staff, _ = people.staff()
    inputs = [JobInput("empty.txt", b""), JobInput("huge.txt", problem="too large: 60.0 MB")]
    job = finished(coopex, staff, coopex.jobs.enqueue(staff, JobKind.NEWS_INGEST, inputs).id or 0)
    assert job.status is JobStatus.FAILED
    assert job.error == "none of the 2 documents could be read"
    assert job.result is not None
    reasons = {item["source"]: item["reason"] for item in job.result["items"]}
    assert reasons == {"empty.txt": "empty document", "huge.txt": "too large: 60.0 MB"}


def test_a_job_is_seen_by_its_owner_and_admins_only(coopex: Coopex, people: People) -> None:
    coopex.registry.create_organization(OPERATOR, org_raw("ru-plant"))
    owner, _ = people.staff()
    colleague, _ = people.staff()
    admin, _ = people.admin()
    member, _ = people.member("ru-plant")
    job = coopex.jobs.enqueue(owner, JobKind.NEWS_INGEST, [JobInput("empty.txt", b"")])
    assert job.id is not None
    assert coopex.jobs.get(owner, job.id).id == coopex.jobs.get(admin, job.id).id == job.id
    for outsider in (colleague, member):
        with pytest.raises(NotFound):
            coopex.jobs.get(outsider, job.id)
    with pytest.raises(NotFound):
        coopex.jobs.get(owner, 2**40)
    with pytest.raises(PermissionDenied):  # members may not upload news, nor refresh
        coopex.jobs.enqueue(member, JobKind.NEWS_INGEST, [JobInput("a.txt", b"text")])
    with pytest.raises(PermissionDenied):
        coopex.jobs.enqueue(owner, JobKind.SUGGESTIONS_REFRESH)
    refusals = [
        e for e in coopex.audit.recent(OPERATOR, entity="job") if e.outcome.value == "denied"
    ]
    assert {e.actor for e in refusals} == {member.label, owner.label}
    finished(coopex, owner, job.id)


def test_a_deactivated_owner_s_queued_job_does_not_run(coopex: Coopex, people: People) -> None:
    staff, _ = people.staff()
    with coopex.database.transaction() as connection:  # queued by a process that stopped
        repo = JobRepository(connection)
        job_id = repo.add(
            Job(JobKind.NEWS_INGEST, JobStatus.QUEUED, staff.user_id, staff.label, 0, 1, utc_now())
        )
        repo.add_inputs(job_id, job_inputs(read_sources([DATA / "chuvashia_kazakhstan.txt"])))
    coopex.accounts.set_active(OPERATOR, staff.label, False)
    coopex.jobs.start()  # takes what was left queued
    job = finished(coopex, OPERATOR, job_id)
    assert job.status is JobStatus.FAILED
    assert job.error == "the account that asked for it is no longer active"
    assert rows(coopex, news_documents) == 0


def _slow(job: JobContext) -> dict[str, Any]:
    for done in range(1, 10_001):
        time.sleep(0.01)
        job.progress(done, 10_000)
    return {}


def test_stopping_the_process_ends_a_running_job_as_interrupted(
    coopex: Coopex, people: People
) -> None:
    staff, _ = people.staff()
    coopex.jobs.register(JobKind.NEWS_INGEST, lambda a: require_staff(a, "ingest news"), _slow)
    job = coopex.jobs.enqueue(staff, JobKind.NEWS_INGEST)
    assert job.id is not None
    deadline = time.monotonic() + 60
    while coopex.jobs.get(staff, job.id).done < 50 and time.monotonic() < deadline:
        time.sleep(0.05)
    coopex.jobs.stop()
    stopped = coopex.jobs.get(staff, job.id)
    assert stopped.status is JobStatus.FAILED and stopped.finished_at is not None
    assert stopped.error is not None and stopped.error.startswith("interrupted after ")
    assert f"of {10_000}: the process running it stopped" in stopped.error
    assert 50 <= stopped.done < 10_000


def test_a_job_whose_process_died_is_failed_not_left_running(
    coopex: Coopex, people: People
) -> None:
    staff, _ = people.staff()
    now = utc_now()
    with coopex.database.transaction() as connection:  # as a SIGKILLed server leaves them
        repo = JobRepository(connection)
        ids = [
            repo.add(
                Job(JobKind.NEWS_INGEST, JobStatus.QUEUED, staff.user_id, staff.label, 3, 8, now)
            )
            for _ in range(2)
        ]
        for job_id, beat in zip(ids, (now - SILENT_AFTER - timedelta(seconds=1), now), strict=True):
            assert repo.start(job_id, beat)
    assert coopex.jobs.fail_silent() == [ids[0]]
    dead, alive = (coopex.jobs.get(staff, job_id) for job_id in ids)
    assert dead.status is JobStatus.FAILED and alive.status is JobStatus.RUNNING
    assert dead.error is not None and dead.error.startswith("interrupted after 3 of 8:")
    with coopex.database.transaction() as connection:  # finished once: never reopened
        assert not JobRepository(connection).start(ids[0], utc_now())
        statuses = connection.execute(sa.select(jobs.c.status).order_by(jobs.c.id)).scalars()
        assert list(statuses) == ["failed", "running"]


def test_finished_jobs_are_forgotten_after_they_were_kept_long_enough(
    coopex: Coopex, people: People
) -> None:
    staff, _ = people.staff()
    now = utc_now()
    long_ago = now - JOBS_KEPT - timedelta(hours=1)
    with coopex.database.transaction() as connection:
        repo = JobRepository(connection)

        def job(status: JobStatus, created: datetime) -> int:
            return repo.add(
                Job(JobKind.NEWS_INGEST, status, staff.user_id, staff.label, 0, 1, created)
            )

        old_done, old_failed, recent_done, old_running, old_queued = (
            job(JobStatus.QUEUED, long_ago) for _ in range(5)
        )
        for job_id in (old_done, old_failed, old_running):
            assert repo.start(job_id, long_ago)
        repo.finish(old_done, JobStatus.SUCCEEDED, long_ago)
        repo.finish(old_failed, JobStatus.FAILED, long_ago, error="refused")
        assert repo.start(recent_done, now)
        repo.finish(recent_done, JobStatus.SUCCEEDED, now)
    assert coopex.jobs.forget_old() == 2
    with coopex.database.transaction() as connection:
        kept = connection.execute(sa.select(jobs.c.id).order_by(jobs.c.id)).scalars().all()
    assert kept == [recent_done, old_running, old_queued]  # never a job still to run
    with pytest.raises(NotFound):
        coopex.jobs.get(staff, old_done)
