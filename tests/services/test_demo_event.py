"""The demo event loads once on the demo registry, scheduled, and again changes nothing."""

from __future__ import annotations

from coopex.app import Coopex
from coopex.services.demo import load_demo
from coopex.services.demo_events import load_demo_event
from tests.conftest import OPERATOR


def test_demo_event_is_scheduled_and_idempotent(coopex: Coopex) -> None:
    load_demo(coopex.transfer, coopex.accounts)
    first = load_demo_event(coopex.events, coopex.meetings, coopex.schedules, time_limit=5)
    assert first.created and first.placed + first.unplaced == 6  # 7 requests, one mutual pair
    assert first.placed >= 5
    again = load_demo_event(coopex.events, coopex.meetings, coopex.schedules, time_limit=5)
    assert not again.created and (again.placed, again.unplaced) == (first.placed, first.unplaced)
    counts = coopex.outcomes.counts(first.ref)
    assert (counts.requested, counts.accepted, counts.meetings) == (7, 7, 6)
    agenda = coopex.schedules.agenda(OPERATOR, first.ref, "rm-rail")
    assert [i.kind for i in agenda.items].count("meeting") == 2
    assert any(i.kind == "visit" for i in agenda.items)
