"""News reader processes end with the server that started them, however it ends: here the
"server" is a real process holding a real reader pool, and it is killed with SIGKILL (no
shutdown code runs), as the kernel's OOM killer or `kill -9` would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coopex.engines.news.pipeline import NewsModels

SERVER = """
import sys, threading, time
from coopex.services.news import NewsService
from coopex.storage.database import Database
from tests.services.test_news_readers import models_that_never_load

service = NewsService(Database.from_url(sys.argv[1]), models_that_never_load, workers=2)
threading.Thread(target=service.warm, daemon=True).start()
while service._pool is None or len(service._pool._processes) < 2:
    time.sleep(0.05)
print(*service._pool._processes, flush=True)
time.sleep(600)
"""


def models_that_never_load() -> NewsModels:
    """Readers stay busy loading (as real ones do for many seconds), cheaply; each says it
    got here with a file named for its pid."""
    (Path(os.environ["READERS_LOADING"]) / str(os.getpid())).touch()
    time.sleep(600)
    raise AssertionError("unreachable")


def ended(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    try:
        return "State:\tZ" in status.read_text()  # a zombie has ended; its reaper is elsewhere
    except FileNotFoundError:
        return True


@pytest.mark.parametrize("when", ["while they start", "while they load the models"])
def test_readers_end_when_their_server_is_killed(tmp_path: Path, when: str) -> None:
    root = Path(__file__).resolve().parents[2]
    loading = tmp_path / "loading"
    loading.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root)]),
        "READERS_LOADING": str(loading),
    }
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, f"sqlite:///{tmp_path / 'coopex.db'}"],
        env=env,
        cwd=root,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    readers = [int(pid) for pid in server.stdout.readline().split()]
    try:
        assert len(readers) == 2 and not any(ended(pid) for pid in readers)
        if when == "while they load the models":
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and len(list(loading.iterdir())) < 2:
                time.sleep(0.1)
            assert sorted(int(p.name) for p in loading.iterdir()) == sorted(readers)
        server.send_signal(signal.SIGKILL)  # no atexit, no pool shutdown: only the readers
        server.wait(timeout=10)  # themselves can notice
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not all(ended(pid) for pid in readers):
            time.sleep(0.1)
        assert [pid for pid in readers if not ended(pid)] == []
    finally:
        server.kill()
        for pid in readers:
            if not ended(pid):
                os.kill(pid, signal.SIGKILL)
