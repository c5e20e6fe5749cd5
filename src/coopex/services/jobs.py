"""Background jobs: long work asked for over the API runs outside the request, and its
status, progress and result are read back from `GET /jobs/{id}`.

`enqueue` checks that the actor may ask for this kind of work, stores the job (and a news
upload's documents) with its audit entry in one transaction, and hands the job's id to the
runner. The runner (`JobRunner`: procrastinate's workers on PostgreSQL, a thread of the server
on SQLite; `coopex.queueing`) calls `execute(id)` in some process: it takes the job with a
conditional update (so a job runs once, whichever process gets it), runs the kind's handler
as the user who asked, as they are now, and stores the result or the failure.

A process running jobs renews their heartbeat every `BEAT_SECONDS`; a running job whose
heartbeat stopped for `SILENT_AFTER` (its process was killed) is failed by whichever process
looks next: every beat, and at start. A process that stops on purpose fails its own running
jobs at once (their handlers stop at their next progress report); queued jobs wait for the
next runner, and a starting runner takes those left queued.

Finished jobs are kept `JOBS_KEPT` for their owners to read back, then forgotten: at start and
every `FORGET_EVERY_SECONDS` while the process runs jobs.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor
from coopex.domain.errors import DomainError, NotFound, PermissionDenied
from coopex.domain.jobs import (
    Job,
    JobFailed,
    JobInterrupted,
    JobKind,
    JobStatus,
    can_see_job,
)
from coopex.domain.paging import is_storable_id
from coopex.services.accounts import AccountService
from coopex.services.auditing import AuditedChange
from coopex.storage.database import Database, utc_now
from coopex.storage.jobs import JobInput, JobRepository

log = logging.getLogger(__name__)

BEAT_SECONDS = 10.0
SILENT_AFTER = timedelta(seconds=60)
PROGRESS_EVERY_SECONDS = 1.0  # progress is written at most this often (and at the end)
INPUT_BATCH = 16  # documents read from the job's input at a time
JOBS_KEPT = timedelta(days=90)
FORGET_EVERY_SECONDS = 3600.0


class JobRunner(Protocol):
    """Where jobs wait and which process runs them (adapters in `coopex.queueing`)."""

    def submit(self, job_id: int) -> None:
        """Queue a stored job; some process's runner will call `execute(job_id)`. Submitting
        one job twice is harmless (`execute` takes a job once)."""

    def start(self) -> None:
        """Begin running queued jobs in this process."""

    def stop(self) -> None:
        """Stop taking jobs; wait a little for the running ones to end."""


Execute = Callable[[int], None]
RunnerFactory = Callable[[Execute], JobRunner]


class JobContext:
    """What a handler gets: who asked, the job's input, and a way to report progress (which
    ends the job, by raising `JobInterrupted`, when its process is stopping)."""

    def __init__(self, service: JobService, job_id: int, actor: Actor, total: int) -> None:
        self._service = service
        self.job_id = job_id
        self.actor = actor
        self.total = total
        self.done = 0
        self._written = 0.0

    def progress(self, done: int, total: int | None = None) -> None:
        if self._service.stopping:
            raise JobInterrupted()
        self.done, self.total = done, self.total if total is None else total
        now = time.monotonic()
        if now - self._written >= PROGRESS_EVERY_SECONDS or self.done >= self.total:
            self._written = now
            with self._service.database.transaction() as connection:
                JobRepository(connection).progress(self.job_id, self.done, self.total, utc_now())

    def advance(self) -> None:
        self.progress(self.done + 1)

    def inputs(self) -> Iterator[JobInput]:
        """The upload's entries in order, read a few at a time (an upload may be 50 MB)."""
        after = -1
        while True:
            with self._service.database.transaction() as connection:
                batch = JobRepository(connection).inputs(self.job_id, after, INPUT_BATCH)
            if not batch:
                return
            yield from (item for _, item in batch)
            after = batch[-1][0]


Handler = Callable[[JobContext], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class _Kind:
    permit: Callable[[Actor], None]  # raises PermissionDenied for those who may not ask
    run: Handler


class JobService:
    def __init__(self, database: Database, accounts: AccountService, runner: RunnerFactory) -> None:
        self.database = database
        self.accounts = accounts
        self.audited = AuditedChange(database)
        self.runner = runner(self.execute)
        self._kinds: dict[JobKind, _Kind] = {}
        self._running: set[int] = set()
        self._lock = threading.Lock()
        self._started = False
        self._stopping = threading.Event()
        self._beat: threading.Thread | None = None
        self._beat_stop = threading.Event()

    def register(self, kind: JobKind, permit: Callable[[Actor], None], run: Handler) -> None:
        self._kinds[kind] = _Kind(permit, run)

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    # ---- asking and reading ------------------------------------------------------------

    def enqueue(self, actor: Actor, kind: JobKind, inputs: Sequence[JobInput] = ()) -> Job:
        """Store a job for `kind` (with the upload's `inputs`) and queue it."""
        spec = self._kinds[kind]

        def work(connection: Connection) -> tuple[Job, str]:
            spec.permit(actor)
            if actor.user_id is None:  # a job runs as its owner, looked up again later
                raise PermissionDenied(f"queue {kind.value}", "only signed-in users ask for jobs")
            repo = JobRepository(connection)
            job = Job(
                kind,
                JobStatus.QUEUED,
                actor.user_id,
                actor.label,
                total=len(inputs),
                created_at=utc_now(),
            )
            job_id = repo.add(job)
            repo.add_inputs(job_id, inputs)
            stored = repo.get(job_id)
            assert stored is not None
            return stored, f"job {job_id}: {kind.value}, {len(inputs)} inputs"

        job = self.audited.run(actor, "job.create", kind.value, work)
        assert job.id is not None
        self.start()
        self.runner.submit(job.id)
        return job

    def get(self, actor: Actor, job_id: int) -> Job:
        job = None
        if is_storable_id(job_id):
            with self.database.transaction() as connection:
                job = JobRepository(connection).get(job_id)
        if job is None or not can_see_job(actor, job):
            raise NotFound("job", job_id)
        return job

    # ---- running -----------------------------------------------------------------------

    def start(self) -> None:
        """Run jobs in this process from now on (servers, `coopex worker`; the first job
        queued here starts it too): fail the silent ones, take those left queued."""
        with self._lock:
            if self._started:
                return
            self._started = True
            self._stopping.clear()
        self.fail_silent()
        self.forget_old()
        self.runner.start()
        with self.database.transaction() as connection:
            queued = JobRepository(connection).queued()
        for job_id in queued:
            self.runner.submit(job_id)
        self._beat_stop = threading.Event()
        self._beat = threading.Thread(target=self._keep_beating, name="job-heartbeat", daemon=True)
        self._beat.start()

    def stop(self) -> None:
        """Stop running jobs here: the running ones end at their next progress report and
        are marked failed (interrupted); queued ones wait for the next runner."""
        with self._lock:
            if not self._started:
                return
            self._started = False
            self._stopping.set()
        self.runner.stop()
        self._beat_stop.set()
        if self._beat is not None:
            self._beat.join(timeout=5)
        for job_id in list(self._running):  # still inside a handler that did not report
            self._finish_interrupted(job_id)

    def execute(self, job_id: int) -> None:
        """Run one job, if it is still queued: called by the runner, in whatever process
        took it. Never raises: whatever happens is stored as the job's outcome."""
        with self.database.transaction() as connection:
            repo = JobRepository(connection)
            job = repo.get(job_id) if repo.start(job_id, utc_now()) else None
        if job is None:
            return  # finished already, or another process took it
        self._running.add(job_id)
        context = None
        try:
            if self.stopping:
                raise JobInterrupted()
            if job.owner_id is None:
                raise PermissionDenied(f"run {job.kind.value}", "its owner's account was deleted")
            context = JobContext(self, job_id, self.accounts.actor_now(job.owner_id), job.total)
            result = self._kinds[job.kind].run(context)
            self._finish(job_id, JobStatus.SUCCEEDED, result=result, done=context.total)
        except JobFailed as failed:
            self._finish(job_id, JobStatus.FAILED, result=failed.result, error=failed.reason)
        except JobInterrupted:
            self._finish_interrupted(job_id)
        except DomainError as refused:  # the owner may not do this (any more)
            self._finish(job_id, JobStatus.FAILED, error=str(refused))
        except Exception:
            log.exception("job %s (%s) failed", job_id, job.kind.value)
            error = "failed unexpectedly (the details are in the server's log)"
            self._finish(job_id, JobStatus.FAILED, error=error)
        finally:
            self._running.discard(job_id)

    def fail_silent(self) -> list[int]:
        """Fail running jobs whose heartbeat stopped (their process died); their ids."""
        now = utc_now()
        with self.database.transaction() as connection:
            repo = JobRepository(connection)
            silent = [j for j in repo.silent(now - SILENT_AFTER) if j.id not in self._running]
            for job in silent:
                assert job.id is not None
                repo.finish(job.id, JobStatus.FAILED, now, error=_interrupted(job))
        return [job.id for job in silent if job.id is not None]

    def forget_old(self) -> int:
        """Delete the jobs that finished more than `JOBS_KEPT` ago; how many."""
        with self.database.transaction() as connection:
            return JobRepository(connection).forget_finished(utc_now() - JOBS_KEPT)

    def _keep_beating(self) -> None:
        forgot_at = time.monotonic()
        while not self._beat_stop.wait(BEAT_SECONDS):
            try:
                with self.database.transaction() as connection:
                    JobRepository(connection).beat(self._running, utc_now())
                self.fail_silent()
                if time.monotonic() - forgot_at >= FORGET_EVERY_SECONDS:
                    forgot_at = time.monotonic()
                    self.forget_old()
            except Exception:  # the database away for a moment: beat again next time
                log.warning("job heartbeat failed", exc_info=True)

    def _finish(
        self,
        job_id: int,
        status: JobStatus,
        *,
        result: dict[str, Any] | None = None,
        error: str | None = None,
        done: int | None = None,
    ) -> None:
        with self.database.transaction() as connection:
            JobRepository(connection).finish(job_id, status, utc_now(), result, error, done)

    def _finish_interrupted(self, job_id: int) -> None:
        with self.database.transaction() as connection:
            repo = JobRepository(connection)
            job = repo.get(job_id)
            if job is not None:
                repo.finish(job_id, JobStatus.FAILED, utc_now(), error=_interrupted(job))


def _interrupted(job: Job) -> str:
    done = f" after {job.done} of {job.total}" if job.total else ""
    return (
        f"interrupted{done}: the process running it stopped; ask again "
        "(news already stored is recognised and not stored twice)"
    )
