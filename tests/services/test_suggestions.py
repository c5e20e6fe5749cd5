from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from coopex.app import Coopex, build
from coopex.config import Settings
from coopex.domain.errors import PermissionDenied
from coopex.domain.listings import listing_record
from coopex.domain.suggestions import SuggestionStatus
from coopex.services.demo import load_demo
from coopex.services.suggestion_feed import SuggestionFeed
from tests.conftest import OPERATOR, People
from tests.web.jobs import followed


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
    as_admin = {"Authorization": f"Bearer {admin}"}
    job = followed(api, api.post("/api/v1/suggestions/refresh", headers=as_admin), as_admin)
    assert (job["kind"], job["status"]) == ("suggestions.refresh", "succeeded")
    assert job["result"]["mutual"] == job["result"]["added"] > 0
    assert 0 < job["result"]["searched"] == job["progress"]["done"] == job["progress"]["total"]
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


def _pairs(coopex: Coopex) -> set[tuple[str, str]]:
    return {(s.request_ref, s.offer_ref) for s in coopex.suggestions.visible(OPERATOR)}


def test_suggestions_follow_listings_as_they_change(demo: Coopex, tmp_path: Path) -> None:
    """No refresh after the first: a listing created here, one closed here, one created by
    another process (as the CLI or a second server would) each update the suggestions at the
    follower's next step, and a new follower resumes where the last one stopped."""
    demo.suggestions.refresh(OPERATOR)
    follower = demo.suggestion_feed
    assert follower.step() is None  # nothing changed since it began following
    need = listing_record(demo.registry.get_listing(OPERATOR, "rm-rail-03"))
    demo.registry.create_listing(OPERATOR, {**need, "ref": "rm-rail-again"})
    report = follower.step()
    assert report is not None and report.added > 0
    offers = {offer for request, offer in _pairs(demo) if request == "rm-rail-again"}
    assert "kazan-petrochem-machinery-01" in offers

    demo.registry.close_listing(OPERATOR, "kazan-petrochem-machinery-01")
    report = follower.step()
    assert report is not None and report.withdrawn >= 2  # rm-rail-03's and rm-rail-again's
    assert not [pair for pair in _pairs(demo) if pair[1] == "kazan-petrochem-machinery-01"]

    url = demo.database.engine.url.render_as_string(hide_password=False)
    other = build(Settings(database_url=url, home=tmp_path / "other"))
    try:  # another process: only the committed change feed tells this one
        other.registry.create_listing(OPERATOR, {**need, "ref": "rm-rail-elsewhere"})
    finally:
        other.close()
    follower.step()
    assert any(request == "rm-rail-elsewhere" for request, _ in _pairs(demo))

    demo.registry.close_listing(OPERATOR, "rm-rail-elsewhere")  # while no follower runs
    resumed = SuggestionFeed(demo.database, demo.suggestions)
    report = resumed.step()
    assert report is not None and report.withdrawn > 0
    assert not any(request == "rm-rail-elsewhere" for request, _ in _pairs(demo))
    assert resumed.step() is None
    audit = demo.audit.recent(OPERATOR, entity="suggestion")
    assert {entry.actor for entry in audit} == {"suggestions", OPERATOR.label}
