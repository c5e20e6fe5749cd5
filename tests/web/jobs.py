"""Following a background job over the API, as a client would: 202 Accepted, then its
Location polled until the job finishes."""

from __future__ import annotations

import re
import time
from typing import Any

from fastapi.testclient import TestClient
from httpx2 import Response


def followed(
    api: TestClient, accepted: Response, headers: dict[str, str], seconds: float = 180
) -> dict[str, Any]:
    """The finished job of a 202 answer."""
    assert accepted.status_code == 202, accepted.text
    location = accepted.headers["location"]
    assert re.fullmatch(r"/api/v1/jobs/\d+", location), location
    assert accepted.json()["status"] in ("queued", "running", "succeeded")
    deadline = time.monotonic() + seconds
    while True:
        response = api.get(location, headers=headers)
        assert response.status_code == 200, response.text
        job: dict[str, Any] = response.json()
        if job["status"] in ("succeeded", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.1)
