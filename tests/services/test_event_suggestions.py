"""Suggested meetings come from the matching engine (real models, demo registry)."""

from __future__ import annotations

from coopex.app import Coopex
from coopex.services.demo import load_demo
from tests.conftest import OPERATOR


def test_participants_whose_offers_meet_a_request_are_suggested_with_reasons(
    coopex: Coopex,
) -> None:
    load_demo(coopex.transfer, coopex.accounts)
    coopex.events.create(
        OPERATOR,
        {"ref": "forum", "title": "Forum", "kind": "forum", "starts_on": "2025-05-14"},
    )
    for org in ("rm-rail", "qiqihar-castings", "jiangsu-bogie", "tver-brake"):
        coopex.events.register(OPERATOR, "forum", {"org": org})
    # RM Rail brings only its wagon-components request to this event
    coopex.events.update_participant(OPERATOR, "forum", "rm-rail", {"listings": ["rm-rail-02"]})
    market = {x.ref for x in coopex.events.marketplace("forum")}
    assert "rm-rail-02" in market and not any(
        ref.startswith("rm-rail-") and ref != "rm-rail-02" for ref in market
    )
    found = coopex.meetings.suggestions(OPERATOR, "forum", "rm-rail", limit=10)
    targets = [s.target for s in found]
    assert {"qiqihar-castings", "jiangsu-bogie"} <= set(targets)
    assert "rm-rail" not in targets and len(targets) == len(set(targets))
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    assert all(s.listing == "rm-rail-02" and s.reason for s in found)
    assert any("8607" in s.reason for s in found)
    # once asked, a participant is no longer suggested
    coopex.meetings.request(
        OPERATOR,
        "forum",
        {"requester": "rm-rail", "target": found[0].target, "reason": found[0].reason},
    )
    again = coopex.meetings.suggestions(OPERATOR, "forum", "rm-rail", limit=10)
    assert found[0].target not in {s.target for s in again}
