"""/api/v1/localization and /api/v1/organizations/{org}/products through the real app."""

from __future__ import annotations

from fastapi.testclient import TestClient

from coopex.app import Coopex
from tests.conftest import OPERATOR, People, org_raw

PROBLEM = "application/problem+json"
GENERATOR = {
    "name": "Diesel generator set",
    "okpd2": "27.11.31",
    "operations": [
        {"operation": "assembly", "points": 250, "country": "RU"},
        {"operation": "alternator", "points": 90, "country": "CN"},
    ],
    "plan": {
        "start": "2026-02-01",
        "operations": [{"operation": "alternator", "cost": 1000000, "lead_time_days": 90}],
        "partners": [{"partner": "elektrosila", "operation": "alternator", "country": "RU"}],
    },
}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_assess_compare_plan(api: TestClient, people: People) -> None:
    _, token = people.admin()
    headers = bearer(token)
    assessed = api.post(
        "/api/v1/localization/assess",
        json={"product": GENERATOR, "on": "2026-06-01"},
        headers=headers,
    )
    assert assessed.status_code == 200, assessed.text
    body = assessed.json()
    assert (body["score"], body["maximum"], body["threshold"], body["eligible"]) == (
        250,
        340,
        180,
        True,
    )
    assert [c["standing"] for c in body["contributions"]] == ["counted", "outside"]
    assert [p["threshold"] for p in body["outlook"]] == [180, 270, 320]
    assert "not legal advice" in body["disclaimer"]
    compared = api.post(
        "/api/v1/localization/compare",
        json={"product": GENERATOR, "on": "2027-06-01"},
        headers=headers,
    ).json()
    assert compared["russia"]["eligible"] is False and compared["gained"] == 0
    planned = api.post(
        "/api/v1/localization/plan",
        json={"product": GENERATOR, "by": "2027-06-01", "search_registry": False},
        headers=headers,
    )
    assert planned.status_code == 200, planned.text
    plan = planned.json()
    assert plan["status"] == "optimal" and plan["proven_optimal"]
    assert plan["moves"][0]["partner"] == "elektrosila" and plan["cost"] == 1000000
    assert plan["after"]["eligible"] is True
    blocked = api.post(
        "/api/v1/localization/plan",
        json={"product": GENERATOR, "by": "2027-06-01", "budget": 10, "search_registry": False},
        headers=headers,
    ).json()
    assert blocked["status"] == "infeasible"
    assert blocked["blockers"][0]["constraint"] == "budget"
    regimes = api.get("/api/v1/localization/regimes", headers=headers).json()
    assert "ru-pp719-vehicles" in {r["id"] for r in regimes}


def test_bad_input_is_a_problem_naming_the_field(api: TestClient, people: People) -> None:
    _, token = people.admin()
    bad = {**GENERATOR, "operations": [{"operation": "assembly", "points": -1, "country": "XX"}]}
    response = api.post("/api/v1/localization/assess", json={"product": bad}, headers=bearer(token))
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert {e["field"] for e in response.json()["errors"]} == {
        "operations[0].points",
        "operations[0].country",
    }
    early = api.post(
        "/api/v1/localization/assess",
        json={"product": GENERATOR, "on": "2001-01-01"},
        headers=bearer(token),
    )
    assert early.status_code == 422 and early.json()["errors"][0]["field"] == "on"
    negative = api.post(
        "/api/v1/localization/plan",
        json={"product": GENERATOR, "by": "2027-01-01", "budget": -5},
        headers=bearer(token),
    )
    assert negative.status_code == 422 and negative.json()["errors"][0]["field"] == "budget"


def test_products_of_an_organisation(api: TestClient, coopex: Coopex, people: People) -> None:
    coopex.registry.create_organization(OPERATOR, org_raw("gen-plant"))
    coopex.registry.create_organization(OPERATOR, org_raw("rival"))
    _, member = people.member("gen-plant")
    _, rival = people.member("rival")
    _, staff = people.staff()
    base = "/api/v1/organizations/gen-plant/products"
    created = api.post(base, json=GENERATOR, headers=bearer(member))
    assert created.status_code == 201, created.text
    ref = created.json()["ref"]
    assert created.json()["category"] == "okpd2-27.11.31"
    assert api.post(base, json={**GENERATOR, "name": "x"}, headers=bearer(rival)).status_code == 403
    assert api.get(base, headers=bearer(rival)).status_code == 403
    assert [p["ref"] for p in api.get(base, headers=bearer(staff)).json()["items"]] == [ref]
    for day in ("2026-06-01", "2027-06-01"):
        assessed = api.post(f"{base}/{ref}/assessments", json={"on": day}, headers=bearer(member))
        assert assessed.status_code == 201, assessed.text
    history = api.get(f"{base}/{ref}/assessments", headers=bearer(staff)).json()
    assert [(e["on"], e["eligible"]) for e in history["items"]] == [
        ("2026-06-01", True),
        ("2027-06-01", False),
    ]
    assert history["items"][1]["assessment"]["shortfall"] == 20
    assert api.get(f"{base}/{ref}", headers=bearer(member)).json()["product"]["okpd2"] == "27.11.31"
    assert api.get(f"{base}/nope", headers=bearer(member)).status_code == 404
    bad = api.post(
        base,
        json={
            "name": "x",
            "okpd2": "27.11.31",
            "operations": [{"operation": "a", "country": "RU"}],
        },
        headers=bearer(member),
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "operations[0].points"
    assert len(api.get(base, headers=bearer(member)).json()["items"]) == 1


def test_the_openapi_spec_lists_localization(api: TestClient) -> None:
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/localization/assess",
        "/api/v1/localization/compare",
        "/api/v1/localization/plan",
        "/api/v1/localization/regimes",
        "/api/v1/organizations/{org}/products",
        "/api/v1/organizations/{org}/products/{ref}",
        "/api/v1/organizations/{org}/products/{ref}/assessments",
    ):
        assert path in paths, path
