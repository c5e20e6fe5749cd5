"""Jobs in real processes: `coopex worker` takes a job queued by an application that runs
none itself (PostgreSQL); a server stopped with SIGTERM marks the job it was running as
interrupted on its way out."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from coopex.app import build
from coopex.config import Settings
from coopex.domain.accounts import Role
from coopex.domain.jobs import JobKind, JobStatus
from coopex.services.demo import demo_news_path
from coopex.storage.jobs import JobInput
from tests.cli.conftest import run
from tests.cli.test_serve import free_port
from tests.conftest import OPERATOR


def test_on_sqlite_the_server_runs_jobs_itself(database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("the SQLite refusal")
    code, _, err = run("worker")
    assert code == 1 and "on SQLite, jobs run inside `coopex serve`" in " ".join(err.split())


def test_a_worker_process_runs_a_job_queued_elsewhere(database_url: str, tmp_path: Path) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("workers beside the servers need PostgreSQL")
    queuing = build(Settings(database_url=database_url, home=tmp_path, job_workers=0))
    worker = None
    try:
        queuing.accounts.create_user(OPERATOR, "staff@example.org", "Staff", Role.AGENCY_STAFF)
        staff = queuing.accounts.actor_for(queuing.accounts.user("staff@example.org"))
        problem = JobInput("huge.txt", problem="too large for one article: 60.0 MB")
        job = queuing.jobs.enqueue(staff, JobKind.NEWS_INGEST, [problem])
        assert job.id is not None
        time.sleep(1)
        assert queuing.jobs.get(staff, job.id).status is JobStatus.QUEUED  # nobody here runs it
        coopex = Path(sys.executable).with_name("coopex")
        worker = subprocess.Popen(
            [str(coopex), "worker"],
            env={**os.environ, "COOPEX_DATABASE_URL": database_url, "COOPEX_HOME": str(tmp_path)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            done = queuing.jobs.get(staff, job.id)
            if done.status.finished:
                break
            assert worker.poll() is None, worker.communicate()[0]
            time.sleep(0.2)
        assert done.status is JobStatus.FAILED, done
        assert done.error == "none of the 1 documents could be read"
        assert done.result is not None and done.result["items"][0]["reason"] == problem.problem
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=30)
        assert worker.returncode == 0, output
        assert "coopex worker: up to 1 job(s) at once" in output
    finally:
        if worker is not None and worker.poll() is None:
            worker.kill()
        queuing.close()


def test_a_server_stopped_with_sigterm_marks_its_running_job_interrupted(
    database_url: str, tmp_path: Path
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("a real server on SQLite (the job runner differs, the stop is the same)")
    assert (
        run(
            "user",
            "add",
            "staff@example.org",
            "--name",
            "S",
            "--role",
            "agency_staff",
            "--no-password",
        )[0]
        == 0
    )
    token = next(
        w for w in run("token", "create", "staff@example.org")[1].split() if w.startswith("cpx_")
    )
    port = free_port()
    env = {**os.environ, "COOPEX_DATABASE_URL": database_url, "COOPEX_HOME": str(tmp_path)}
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("coopex")), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    api = f"http://127.0.0.1:{port}/api/v1"
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    pages = [
        {"url": f"https://example.org/{p.name}", "text": p.read_text(errors="replace")}
        for p in sorted(demo_news_path().iterdir())
    ]
    try:
        deadline = time.monotonic() + 240
        while True:
            assert server.poll() is None and time.monotonic() < deadline, "no server"
            try:
                request = urllib.request.Request(
                    f"{api}/news", json.dumps(pages).encode(), headers, method="POST"
                )
                with urllib.request.urlopen(request, timeout=30) as response:
                    location = response.headers["Location"]
                    break
            except OSError:
                time.sleep(0.5)
        while True:
            with urllib.request.urlopen(
                urllib.request.Request(f"http://127.0.0.1:{port}{location}", headers=headers)
            ) as response:
                status = json.load(response)["status"]
            if status != "queued" or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert status == "running"
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        if server.poll() is None:
            server.kill()
    after = build(Settings(database_url=database_url, home=tmp_path))
    try:
        job = after.jobs.get(OPERATOR, int(location.rsplit("/", 1)[1]))
    finally:
        after.close()
    assert job.status is JobStatus.FAILED, job
    assert job.error is not None and job.error.startswith(f"interrupted after {job.done} of ")
    assert job.done < len(pages) and job.finished_at is not None
