"""The REST API through the real application and database."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from coopex.app import Coopex
from coopex.services.demo import DEMO_PASSWORD, load_demo
from tests.conftest import OPERATOR, People, listing_raw, org_raw

PROBLEM = "application/problem+json"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def demo_token(coopex: Coopex) -> str:
    return load_demo(coopex.transfer, coopex.accounts).token.secret


def test_reading_needs_a_token(api: TestClient) -> None:
    for headers in ({}, bearer("cpx_not-a-token")):
        response = api.get("/api/v1/listings", headers=headers)
        assert response.status_code == 401
        assert response.headers["content-type"] == PROBLEM
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.json()["status"] == 401


def test_sign_in_with_password_gives_a_working_token(api: TestClient, demo_token: str) -> None:
    del demo_token
    wrong = api.post("/api/v1/auth/token", json={"email": "admin@coopex.demo", "password": "nope"})
    assert wrong.status_code == 401
    response = api.post(
        "/api/v1/auth/token", json={"email": "member@rmrail.demo", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 200
    me = api.get("/api/v1/auth/me", headers=bearer(response.json()["token"])).json()
    assert me["email"] == "member@rmrail.demo"
    assert me["role"] == "enterprise_member"
    assert len(me["organizations"]) == 1


def test_list_demo_listings_with_filters_and_cursor(api: TestClient, demo_token: str) -> None:
    headers = bearer(demo_token)
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"code": "HS:8607", "limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = api.get("/api/v1/listings", params=params, headers=headers).json()
        seen += [item["ref"] for item in page["items"]]
        assert all(any(c.startswith("HS:8607") for c in item["codes"]) for item in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) >= 10
    languages = {
        item["language"]
        for item in api.get(
            "/api/v1/listings", params={"code": "HS:8607", "limit": 100}, headers=headers
        ).json()["items"]
    }
    assert languages == {"ru", "en", "zh"}
    zh = api.get(
        "/api/v1/listings", params={"q": "转向架", "kind": "offer"}, headers=headers
    ).json()["items"]
    assert zh and all(
        item["kind"] == "offer" and "转向架" in item["title"] + item["description"] for item in zh
    )
    cn = api.get(
        "/api/v1/organizations", params={"country": "cn", "limit": 500}, headers=headers
    ).json()["items"]
    assert cn and {org["country"] for org in cn} == {"CN"}


def test_create_validates_and_names_every_bad_field(
    api: TestClient, people: People, coopex: Coopex
) -> None:
    coopex.registry.create_organization(OPERATOR, org_raw("rm-rail"))
    _, token = people.member("rm-rail")
    bad = api.post(
        "/api/v1/listings",
        json={
            "kind": "swap",
            "org": "rm-rail",
            "title": "",
            "codes": ["HS:1"],
            "valid_until": "soon",
        },
        headers=bearer(token),
    )
    assert bad.status_code == 422
    assert bad.headers["content-type"] == PROBLEM
    assert {e["field"] for e in bad.json()["errors"]} == {"valid_until"}  # types first
    bad = api.post(
        "/api/v1/listings",
        json={"kind": "swap", "org": "rm-rail", "title": "", "codes": ["HS:1"]},
        headers=bearer(token),
    )
    assert {e["field"] for e in bad.json()["errors"]} == {"kind", "title", "codes"}
    unknown_field = api.post("/api/v1/listings", json={"colour": "red"}, headers=bearer(token))
    assert unknown_field.status_code == 422
    assert unknown_field.json()["errors"][0]["field"] == "colour"
    good = api.post("/api/v1/listings", json=listing_raw("rm-1", "rm-rail"), headers=bearer(token))
    assert good.status_code == 201
    assert good.json()["language"] == "ru"
    again = api.post("/api/v1/listings", json=listing_raw("rm-1", "rm-rail"), headers=bearer(token))
    assert again.status_code == 409


def test_member_of_another_organisation_gets_403_and_is_logged(
    api: TestClient, people: People, coopex: Coopex
) -> None:
    coopex.registry.create_organization(OPERATOR, org_raw("rm-rail"))
    coopex.registry.create_organization(OPERATOR, org_raw("orbita"))
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-1", "rm-rail"))
    intruder, token = people.member("orbita")
    response = api.patch("/api/v1/listings/rm-1", json={"title": "Mine now"}, headers=bearer(token))
    assert response.status_code == 403
    assert response.headers["content-type"] == PROBLEM
    assert "not a member" in response.json()["detail"]
    assert api.post("/api/v1/listings/rm-1/close", headers=bearer(token)).status_code == 403
    assert (
        api.patch(
            "/api/v1/organizations/rm-rail", json={"name": "X"}, headers=bearer(token)
        ).status_code
        == 403
    )
    assert (
        api.get("/api/v1/listings/rm-1", headers=bearer(token))
        .json()["title"]
        .startswith("Изготовление")
    )
    _, admin = people.admin()
    log = api.get("/api/v1/audit", params={"ref": "rm-1"}, headers=bearer(admin)).json()
    denied = [(e["action"], e["actor"]) for e in log if e["outcome"] == "denied"]
    assert denied == [("listing.close", intruder.label), ("listing.update", intruder.label)]
    assert api.get("/api/v1/audit", headers=bearer(token)).status_code == 403


def test_owner_updates_and_closes(api: TestClient, people: People, coopex: Coopex) -> None:
    coopex.registry.create_organization(OPERATOR, org_raw("rm-rail"))
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-1", "rm-rail"))
    _, token = people.member("rm-rail")
    patched = api.patch(
        "/api/v1/listings/rm-1", json={"quantity": "12.5", "unit": "t"}, headers=bearer(token)
    )
    assert patched.status_code == 200
    assert (patched.json()["quantity"], patched.json()["unit"]) == ("12.5", "t")
    closed = api.post("/api/v1/listings/rm-1/close", headers=bearer(token))
    assert closed.json()["status"] == "closed"
    assert api.post("/api/v1/listings/rm-1/close", headers=bearer(token)).status_code == 409
    listed = api.get("/api/v1/listings", headers=bearer(token)).json()["items"]
    assert "rm-1" not in [x["ref"] for x in listed]
    closed_list = api.get(
        "/api/v1/listings", params={"status": "closed"}, headers=bearer(token)
    ).json()["items"]
    assert [x["ref"] for x in closed_list] == ["rm-1"]


@pytest.mark.parametrize(
    ("path", "params", "status", "field"),
    [
        ("/api/v1/listings/nope", {}, 404, None),
        ("/api/v1/organizations/nope", {}, 404, None),
        ("/api/v1/listings", {"cursor": "garbage"}, 422, "cursor"),
        ("/api/v1/listings", {"limit": 0}, 422, "limit"),
        ("/api/v1/listings", {"code": "HS:8"}, 422, "code"),
        ("/api/v1/listings", {"kind": "barter"}, 422, "kind"),
        ("/api/v1/listings", {"language": "de"}, 422, "language"),
        ("/api/v1/listings", {"q": "x" * 201}, 422, "q"),
    ],
)
def test_bad_requests_are_problems_naming_the_field(
    api: TestClient,
    demo_token: str,
    path: str,
    params: dict[str, str | int],
    status: int,
    field: str | None,
) -> None:
    response = api.get(path, params=params, headers=bearer(demo_token))
    assert response.status_code == status
    body = response.json()
    assert response.headers["content-type"] == PROBLEM
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    if field:
        assert [e["field"] for e in body["errors"]] == [field]


@pytest.mark.parametrize(
    "text", ["'; DROP TABLE listings; --", "<script>alert(1)</script>", "🚂🚃", "%", "_"]
)
def test_hostile_search_text_is_just_text(api: TestClient, demo_token: str, text: str) -> None:
    response = api.get("/api/v1/listings", params={"q": text}, headers=bearer(demo_token))
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_openapi_describes_the_api(api: TestClient) -> None:
    spec = api.get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/listings",
        "/api/v1/listings/{ref}",
        "/api/v1/organizations",
        "/api/v1/auth/token",
    } <= set(spec["paths"])
    assert api.get("/api/v1/docs").status_code == 200
    assert api.get("/api/v1/health").json()["status"] == "ok"
