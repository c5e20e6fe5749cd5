from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from coopex.app import Coopex
from coopex.services.demo import load_demo


@pytest.fixture
def headers(coopex: Coopex) -> dict[str, str]:
    token = load_demo(coopex.transfer, coopex.accounts).token.secret
    return {"Authorization": f"Bearer {token}"}


def test_listing_matches_are_explained(api: TestClient, headers: dict[str, str]) -> None:
    body = api.get(
        "/api/v1/listings/rm-rail-02/matches", params={"limit": 10}, headers=headers
    ).json()
    assert body["listing"]["ref"] == "rm-rail-02"
    matches = body["matches"]
    assert len(matches) == 10
    languages = {m["listing"]["language"] for m in matches}
    assert {"en", "zh"} <= languages
    first = matches[0]
    assert set(first["signals"]) == {"semantic", "lexical", "codes", "sectors", "geography"}
    explanation = first["explanation"]
    assert explanation["summary"] and explanation["shared_codes"] and explanation["matched_terms"]
    assert explanation["proximity"] in {"same_region", "same_country", "same_union", "elsewhere"}


def test_search_endpoint_with_filters(api: TestClient, headers: dict[str, str]) -> None:
    body = api.get(
        "/api/v1/search",
        params={"q": "heat exchangers", "union": "eaeu", "limit": 5},
        headers=headers,
    ).json()
    assert body["query_language"] == "en"
    assert body["matches"]
    assert body["matches"][0]["listing"]["ref"].startswith("kazan-petrochem-machinery")


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/v1/search", {"q": "a"}, "q"),
        ("/api/v1/search", {"q": "насосы", "lang": "xx"}, "lang"),
        ("/api/v1/search", {"q": "насосы", "union": "NATO"}, "union"),
        ("/api/v1/search", {"q": "насосы", "limit": 1000}, "limit"),
        ("/api/v1/listings/rm-rail-02/matches", {"code": "HS:8"}, "code"),
    ],
)
def test_bad_match_requests_name_the_field(
    api: TestClient, headers: dict[str, str], path: str, params: dict[str, str | int], field: str
) -> None:
    response = api.get(path, params=params, headers=headers)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_matches_of_unknown_listing_is_404_and_anonymous_is_401(
    api: TestClient, headers: dict[str, str]
) -> None:
    assert api.get("/api/v1/listings/nope/matches", headers=headers).status_code == 404
    assert api.get("/api/v1/search", params={"q": "pumps"}).status_code == 401


def test_search_refuses_long_queries_and_survives_markup(
    api: TestClient, headers: dict[str, str]
) -> None:
    long = api.get("/api/v1/search", params={"q": "насос " * 1000}, headers=headers)
    assert long.status_code == 422
    assert "longer than 2000" in long.json()["errors"][0]["reason"]
    markup = api.get("/api/v1/search", params={"q": "<b>насосы</b> 🚂"}, headers=headers)
    assert markup.status_code == 200


def test_validity_filter(api: TestClient, headers: dict[str, str]) -> None:
    # Demo requests are valid until 2027-12-31; offers have no end date.
    later: dict[str, str | int] = {
        "q": "комплектующие вагонов",
        "kind": "request",
        "valid_on": "2028-01-15",
        "limit": 5,
    }
    assert api.get("/api/v1/search", params=later, headers=headers).json()["matches"] == []
    now: dict[str, str | int] = {**later, "valid_on": "2027-06-01"}
    assert api.get("/api/v1/search", params=now, headers=headers).json()["matches"]
    bad = api.get("/api/v1/search", params={**later, "valid_on": "someday"}, headers=headers)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "valid_on"
