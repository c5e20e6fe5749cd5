"""Jobs on PostgreSQL: procrastinate's queue (its tables beside ours, migration 0009). Any
process may queue a job (a server answering the API); the workers of every server
(`COOPEX_JOB_WORKERS` each) and of `coopex worker` take them, each job once, with
LISTEN/NOTIFY so that a queued job starts at once.

procrastinate's worker is asynchronous: it runs in an event loop of its own thread, and runs
our (synchronous) job function in a thread of that loop; queueing uses a synchronous
connection pool. Each has its own app object, as each has its own pool.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections.abc import Callable
from contextlib import suppress

import sqlalchemy as sa
from procrastinate import App, PsycopgConnector, SyncPsycopgConnector
from procrastinate.exceptions import AlreadyEnqueued
from procrastinate.jobs import Status
from procrastinate.worker import Worker

log = logging.getLogger(__name__)

QUEUE = "coopex"
TASK = "coopex.run_job"
STOP_SECONDS = 10.0  # how long `stop` waits for running jobs to end


def conninfo(url: str) -> str:
    """The libpq connection string of a SQLAlchemy URL (postgresql+psycopg://...)."""
    return sa.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class ProcrastinateRunner:
    def __init__(self, url: str, execute: Callable[[int], None], workers: int = 1) -> None:
        self._conninfo = conninfo(url)
        self._execute = execute
        self.workers = workers  # jobs this process runs at once; 0: none (`coopex worker`)
        self._deferrer: App | None = None
        self._thread: threading.Thread | None = None
        self._worker: Worker | None = None
        self._lock = threading.Lock()

    def submit(self, job_id: int) -> None:
        with self._lock:
            if self._deferrer is None:
                connector = SyncPsycopgConnector(conninfo=self._conninfo, min_size=1, max_size=2)
                self._deferrer = App(connector=connector).open()
            deferrer = self._deferrer
        # One queued entry per job: submitting again (a restart taking queued jobs) is a no-op.
        with suppress(AlreadyEnqueued):
            deferrer.configure_task(TASK, queue=QUEUE, queueing_lock=f"job-{job_id}").defer(
                job_id=job_id
            )

    def start(self) -> None:
        with self._lock:
            if self.workers < 1 or self._thread is not None:
                return
            self._thread = threading.Thread(
                target=lambda: asyncio.run(self._work()), name="job-worker", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
            deferrer, self._deferrer = self._deferrer, None
        if thread is not None:
            deadline = time.monotonic() + STOP_SECONDS
            while thread.is_alive() and time.monotonic() < deadline:
                if self._worker is not None:  # (a stop asked for before it ran is forgotten)
                    self._worker.stop()
                thread.join(timeout=0.2)
        if deferrer is not None:
            deferrer.close()

    async def _work(self) -> None:
        connector = PsycopgConnector(conninfo=self._conninfo, min_size=1, max_size=self.workers + 3)
        app = App(connector=connector)
        app.task(name=TASK, queue=QUEUE)(self._execute)
        try:
            async with app.open_async():
                await _fail_stalled(app)
                self._worker = Worker(
                    app,
                    queues=[QUEUE],
                    name=f"coopex-{os.getpid()}",
                    concurrency=self.workers,
                    install_signal_handlers=False,  # the server (uvicorn) owns the signals
                    delete_jobs="always",  # our jobs table keeps the outcome
                    shutdown_graceful_timeout=STOP_SECONDS,
                )
                await self._worker.run()
        except Exception:
            log.exception("the job worker stopped")
        finally:
            self._worker = None


async def _fail_stalled(app: App) -> None:
    """Queue entries taken by a worker that died: done with (their jobs are failed in our
    table by the heartbeat check), so procrastinate does not keep them as running."""
    for job in await app.job_manager.get_stalled_jobs(queue=QUEUE):
        await app.job_manager.finish_job(job, Status.FAILED, delete_job=True)
