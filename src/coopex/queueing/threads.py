"""Jobs run one at a time in a thread of the process that queued them: SQLite has no server
for processes to share a queue through, and the embedded database is for one server."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

STOP_SECONDS = 10.0  # how long `stop` waits for the running job to end


class ThreadRunner:
    def __init__(self, execute: Callable[[int], None]) -> None:
        self._execute = execute
        self._queue: queue.Queue[int | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._stopping.clear()
                self._thread = threading.Thread(target=self._work, name="jobs", daemon=True)
                self._thread.start()

    def submit(self, job_id: int) -> None:
        self.start()
        self._queue.put(job_id)

    def stop(self) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stopping.set()  # what is still queued stays queued for the next start
        self._queue.put(None)
        thread.join(timeout=STOP_SECONDS)

    def _work(self) -> None:
        while (job_id := self._queue.get()) is not None:
            if self._stopping.is_set():
                break
            try:
                self._execute(job_id)
            except Exception:  # execute stores failures; this is a failure to store one
                log.exception("job %s could not be run", job_id)
