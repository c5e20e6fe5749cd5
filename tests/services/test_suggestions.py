from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from coopex.app import Coopex
from coopex.domain.errors import PermissionDenied
from coopex.domain.suggestions import SuggestionStatus
from coopex.services.demo import load_demo
from tests.conftest import OPERATOR, People


@pytest.fixture
def demo(coopex: Coopex) -> Coopex:
    load_demo(coopex.transfer, coopex.accounts)
    return coopex


def test_refresh_finds_mutual_pairs_keeps_status_and_is_idempotent(
    demo: Coopex, people: People
) -> None:
    report = demo.suggestions.refresh(OPERATOR)
    assert report.searched >= 200 and report.mutual == report.added > 10
    suggestions = demo.suggestions.visible(OPERATOR)
    assert all(s.score >= demo.suggestions.threshold for s in suggestions)
    pair = {(s.request_ref, s.offer_ref) for s in suggestions}
    assert ("rm-rail-03", "kazan-petrochem-machinery-01") in pair  # RM Rail's petrochemical need

    member, _ = people.member("rm-rail")
    mine = demo.suggestions.visible(member)
    assert mine and all("rm-rail" in (s.request_ref + s.offer_ref) for s in mine)
    chosen = mine[0]
    assert chosen.id is not None
    demo.suggestions.set_status(member, chosen.id, SuggestionStatus.CONTACTED)
    outsider, _ = people.member("gagarin-cannery")
    with pytest.raises(PermissionDenied):
        demo.suggestions.set_status(outsider, chosen.id, SuggestionStatus.DISMISSED)

    again = demo.suggestions.refresh(OPERATOR)
    assert (again.added, again.withdrawn) == (0, 0)
    kept = {s.id: s.status for s in demo.suggestions.visible(OPERATOR)}
    assert kept[chosen.id] is SuggestionStatus.CONTACTED


def test_closing_a_listing_withdraws_its_new_suggestions(demo: Coopex) -> None:
    demo.suggestions.refresh(OPERATOR)
    before = [
        s
        for s in demo.suggestions.visible(OPERATOR)
        if s.offer_ref == "kazan-petrochem-machinery-01"
    ]
    assert before
    demo.registry.close_listing(OPERATOR, "kazan-petrochem-machinery-01")
    report = demo.suggestions.refresh(OPERATOR, [s.request_ref for s in before])
    assert report.withdrawn == len(before)
    assert not [
        s
        for s in demo.suggestions.visible(OPERATOR)
        if s.offer_ref == "kazan-petrochem-machinery-01"
    ]


def test_suggestions_over_the_api(api: TestClient, demo: Coopex, people: People) -> None:
    _, admin = people.admin()
    _, member = people.member("rm-rail")
    headers = {"Authorization": f"Bearer {member}"}
    assert api.post("/api/v1/suggestions/refresh", headers=headers).status_code == 403
    refreshed = api.post(
        "/api/v1/suggestions/refresh", headers={"Authorization": f"Bearer {admin}"}
    )
    assert refreshed.status_code == 200 and refreshed.json()["mutual"] > 0
    mine = api.get("/api/v1/suggestions", headers=headers).json()
    assert mine and {"request", "offer", "score", "reason", "status"} <= set(mine[0])
    changed = api.patch(
        f"/api/v1/suggestions/{mine[0]['id']}", json={"status": "dismissed"}, headers=headers
    )
    assert changed.json()["status"] == "dismissed"
    bad = api.patch(
        f"/api/v1/suggestions/{mine[0]['id']}", json={"status": "married"}, headers=headers
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "status"
    assert (
        api.get("/api/v1/suggestions", params={"status": "new"}, headers=headers).status_code == 200
    )
