"""Tokens, passwords and deactivation through the API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import People


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_list_and_revoke_own_tokens(api: TestClient, people: People) -> None:
    _, token = people.member()
    listed = api.get("/api/v1/tokens", headers=bearer(token)).json()
    assert len(listed) == 1 and listed[0]["live"] and listed[0]["expires_at"]
    assert api.delete(f"/api/v1/tokens/{listed[0]['id']}", headers=bearer(token)).status_code == 204
    assert api.get("/api/v1/tokens", headers=bearer(token)).status_code == 401


def test_cannot_revoke_someone_elses_token(api: TestClient, people: People) -> None:
    _, mine = people.member()
    _, theirs = people.member()
    their_id = api.get("/api/v1/tokens", headers=bearer(theirs)).json()[0]["id"]
    assert api.delete(f"/api/v1/tokens/{their_id}", headers=bearer(mine)).status_code == 403
    assert api.get("/api/v1/auth/me", headers=bearer(theirs)).status_code == 200


def test_change_password_and_deactivate(api: TestClient, people: People) -> None:
    member, token = people.member()
    wrong = api.put(
        "/api/v1/auth/password",
        json={"current_password": "nope", "new_password": "another-pass"},
        headers=bearer(token),
    )
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "current_password"
    changed = api.put(
        "/api/v1/auth/password",
        json={"current_password": "s3cret-pass", "new_password": "another-pass"},
        headers=bearer(token),
    )
    assert changed.status_code == 204
    login = {"email": member.label, "password": "another-pass"}
    assert api.post("/api/v1/auth/token", json=login).status_code == 200
    _, admin = people.admin()
    refused = api.patch(
        f"/api/v1/users/{member.label}", json={"active": False}, headers=bearer(token)
    )
    assert refused.status_code == 403
    done = api.patch(f"/api/v1/users/{member.label}", json={"active": False}, headers=bearer(admin))
    assert done.status_code == 200 and done.json()["active"] is False
    assert api.get("/api/v1/auth/me", headers=bearer(token)).status_code == 401
