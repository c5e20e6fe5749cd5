"""/api/v1/projects and /api/v1/interests, and agencies acting for their region, through the
real application and database."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from coopex.app import Coopex
from tests.conftest import OPERATOR, People, listing_raw, org_raw

PROBLEM = "application/problem+json"
CONTACTS = [{"name": "Ivan Petrov", "email": "ivan@rmrail.example"}]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def market(coopex: Coopex) -> None:
    coopex.registry.create_organization(
        OPERATOR, org_raw("uly-idc", kind="agency", region="RU-ULY")
    )
    coopex.registry.create_organization(
        OPERATOR,
        org_raw(
            "rm-rail",
            region="RU-ULY",
            contacts=CONTACTS,
            contacts_visibility="on_accepted_interest",
        ),
    )
    coopex.registry.create_organization(OPERATOR, org_raw("orbita"))
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-1", "rm-rail"))
    coopex.registry.create_listing(OPERATOR, listing_raw("orb-1", "orbita", kind="offer"))


@pytest.mark.usefixtures("market")
def test_project_lifecycle_over_http(api: TestClient, people: People) -> None:
    _, token = people.member("rm-rail")
    body = {
        "title": "Bogie castings",
        "initiator_org": "rm-rail",
        "counterpart_org": "orbita",
        "sectors": ["rail"],
        "value": "1200000",
        "currency": "cny",
        "next_step": "Visit the foundry",
        "next_step_due": "2026-12-20",
        "matches": [["rm-1", "orb-1"]],
        "links": [{"kind": "meeting", "key": "5"}],
    }
    created = api.post("/api/v1/projects", json=body, headers=bearer(token))
    assert created.status_code == 201, created.text
    project = created.json()
    ref = project["ref"]
    assert project["stage"] == "lead" and project["currency"] == "CNY"
    assert project["matches"] == [["rm-1", "orb-1"]]
    assert project["links"] == [{"kind": "meeting", "key": "5"}]

    moved = api.post(
        f"/api/v1/projects/{ref}/moves",
        json={"stage": "contact", "comment": "First call"},
        headers=bearer(token),
    )
    assert moved.status_code == 200 and moved.json()["stage"] == "contact"
    illegal = api.post(
        f"/api/v1/projects/{ref}/moves", json={"stage": "launched"}, headers=bearer(token)
    )
    assert illegal.status_code == 409 and illegal.headers["content-type"] == PROBLEM
    problem = illegal.json()
    assert problem["from_stage"] == "contact" and problem["to_stage"] == "launched"
    assert "cannot move from contact to launched" in problem["detail"]
    unknown = api.post(
        f"/api/v1/projects/{ref}/moves", json={"stage": "won"}, headers=bearer(token)
    )
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "stage"

    patched = api.patch(
        f"/api/v1/projects/{ref}", json={"next_step_due": "2027-01-15"}, headers=bearer(token)
    )
    assert patched.status_code == 200 and patched.json()["next_step_due"] == "2027-01-15"
    refused = api.patch(
        f"/api/v1/projects/{ref}", json={"stage": "launched"}, headers=bearer(token)
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "stage"

    note = api.post(
        f"/api/v1/projects/{ref}/notes", json={"text": "Samples sent"}, headers=bearer(token)
    )
    assert note.status_code == 201 and note.json()["kind"] == "note"
    notes = api.get(f"/api/v1/projects/{ref}/notes", headers=bearer(token)).json()
    assert [n["detail"] for n in notes] == ["Samples sent"]
    history = api.get(f"/api/v1/projects/{ref}/history", headers=bearer(token)).json()
    assert [h["kind"] for h in history] == ["created", "moved", "edited", "note"]
    assert history[1]["from_stage"] == "lead" and history[1]["detail"] == "First call"

    listed = api.get(
        "/api/v1/projects",
        params={"stage": "contact", "org": "orbita", "sector": "rail", "due_before": "2027-02-01"},
        headers=bearer(token),
    ).json()
    assert [p["ref"] for p in listed["items"]] == [ref]
    none = api.get("/api/v1/projects", params={"due_before": "2027-01-01"}, headers=bearer(token))
    assert none.json()["items"] == []

    _, outsider = people.member()
    forbidden = api.post(
        f"/api/v1/projects/{ref}/moves", json={"stage": "dropped"}, headers=bearer(outsider)
    )
    assert forbidden.status_code == 403
    bad = api.post(
        "/api/v1/projects", json={"title": "x", "currency": "ZZZ"}, headers=bearer(token)
    )
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"currency"}


@pytest.mark.usefixtures("market")
def test_interest_flow_over_http(api: TestClient, people: People) -> None:
    _, orbita = people.member("orbita")
    _, rm = people.member("rm-rail")
    hidden = api.get("/api/v1/organizations/rm-rail", headers=bearer(orbita)).json()
    assert hidden["contacts"] == [] and hidden["contacts_visibility"] == "on_accepted_interest"

    expressed = api.post(
        "/api/v1/interests",
        json={"from_listing": "orb-1", "to_listing": "rm-1", "message": "We cast these."},
        headers=bearer(orbita),
    )
    assert expressed.status_code == 201, expressed.text
    interest = expressed.json()
    again = api.post(
        "/api/v1/interests",
        json={"from_listing": "orb-1", "to_listing": "rm-1"},
        headers=bearer(orbita),
    )
    assert again.status_code == 409
    incoming = api.get(
        "/api/v1/interests", params={"direction": "incoming"}, headers=bearer(rm)
    ).json()
    assert [i["id"] for i in incoming["items"]] == [interest["id"]]
    assert (
        api.post(f"/api/v1/interests/{interest['id']}/accept", headers=bearer(orbita)).status_code
        == 403
    )
    accepted = api.post(f"/api/v1/interests/{interest['id']}/accept", headers=bearer(rm))
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"

    shown = api.get("/api/v1/organizations/rm-rail", headers=bearer(orbita)).json()
    assert [c["email"] for c in shown["contacts"]] == ["ivan@rmrail.example"]
    listed = api.get("/api/v1/organizations", headers=bearer(orbita)).json()["items"]
    assert {o["ref"]: len(o["contacts"]) for o in listed}["rm-rail"] == 1

    opened = api.post(f"/api/v1/interests/{interest['id']}/project", headers=bearer(rm))
    assert opened.status_code == 201 and opened.json()["stage"] == "contact"
    assert opened.json()["interests"] == [interest["id"]]
    funnel = api.get("/api/v1/interests/funnel", headers=bearer(orbita)).json()
    assert funnel["expressed"] == 1 and funnel["accepted"] == 1 and funnel["projects"] == 1
    assert funnel["acceptance_rate"] == 1.0
    _, outsider = people.member()
    assert (
        api.get(f"/api/v1/interests/{interest['id']}", headers=bearer(outsider)).status_code == 404
    )


@pytest.mark.usefixtures("market")
def test_agency_staff_publish_for_their_region_over_http(
    api: TestClient, coopex: Coopex, people: People
) -> None:
    _, staff = people.staff("uly-idc")
    body = {**listing_raw("rm-2", "rm-rail"), "title": "Поковки для вагонов"}
    created = api.post("/api/v1/listings", json=body, headers=bearer(staff))
    assert created.status_code == 201, created.text  # was 403 before agencies could act
    shown = api.get("/api/v1/organizations/rm-rail", headers=bearer(staff)).json()
    assert shown["contacts"] != []  # the region's agency sees hidden contacts
    _, admin = people.admin()
    audit = api.get(
        "/api/v1/audit", params={"entity": "listing", "ref": "rm-2"}, headers=bearer(admin)
    ).json()
    assert audit[0]["on_behalf_of"] == "rm-rail" and audit[0]["actor"].startswith("agency_staff")
    body = {**listing_raw("orb-2", "orbita", kind="offer")}
    refused = api.post("/api/v1/listings", json=body, headers=bearer(staff))
    assert refused.status_code == 403 and "region" in refused.json()["detail"]
    assert coopex.registry.get_organization("rm-rail").contacts == ()
