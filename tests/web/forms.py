"""Driving the web forms through a TestClient: the CSRF token a page carries, signing in, and
following a background job's page to its outcome."""

from __future__ import annotations

import re
import time

from fastapi.testclient import TestClient
from httpx2 import Response  # what starlette's TestClient answers with


def csrf(client: TestClient, path: str = "/signin") -> str:
    """The CSRF token of the form on `path`."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert found
    return found.group(1)


def sign_in(client: TestClient, email: str, password: str, then: str = "/") -> str:
    """Sign in afresh (a previous session's cookies dropped); the CSRF token of `then`."""
    client.cookies.clear()
    token = csrf(client)
    response = client.post(
        "/signin", data={"email": email, "password": password, "csrf_token": token}
    )
    assert response.status_code == 200 and 'class="signout"' in response.text
    return csrf(client, then)


def job_outcome(client: TestClient, response: Response, seconds: float = 120) -> Response:
    """A form that queued a background job lands on the job's page, which reloads itself
    (a meta refresh) until the job ends: follow it like a browser would, then its last page."""
    assert response.status_code == 200 and response.url.path.startswith("/jobs/"), response.text
    deadline = time.monotonic() + seconds
    while 'http-equiv="refresh"' in response.text and time.monotonic() < deadline:
        time.sleep(0.2)
        response = client.get(response.url.path)
    assert 'http-equiv="refresh"' not in response.text, "the job did not end in time"
    return response
