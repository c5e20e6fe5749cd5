"""Driving the web forms through a TestClient: the CSRF token a page carries, and signing in."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


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
