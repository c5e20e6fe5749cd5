"""The stored schedule summary: every field round-trips, and a summary stored before
migration 0010 (no held weight) stays readable, its held fields None."""

from __future__ import annotations

from datetime import UTC, datetime

from coopex.app import Coopex
from coopex.services.events import event_id
from coopex.storage import migrate
from coopex.storage.meetings import MeetingRepository, ScheduleSummary
from tests.services.event_fixtures import make_event

BEFORE = "0009"

SUMMARY = ScheduleSummary(
    status="feasible",
    placed=7,
    unplaced=1,
    breaks=3,
    bound=2,
    gap=1 / 3,
    moved=0,
    seconds=1.5,
    time_limit=5.0,
    conflicts=(),
    solved_by="cli:test",
    solved_at=datetime(2026, 11, 29, 14, 0, tzinfo=UTC),
    held_mutual=12,
    held_one_sided=5,
    held_bound_mutual=12,
    held_bound_one_sided=8,
    held_gap=3 / 8,
)


def test_schedule_summary_round_trip_and_rows_from_before_0010(coopex: Coopex) -> None:
    event = make_event(coopex)
    with coopex.database.transaction() as connection:
        MeetingRepository(connection).save_schedule(event_id(event), SUMMARY)
    with coopex.database.transaction() as connection:
        assert MeetingRepository(connection).schedule(event_id(event)) == SUMMARY

    engine = coopex.database.engine
    migrate.downgrade(engine, BEFORE)  # drops the held columns, keeps the row
    migrate.upgrade(engine)
    with coopex.database.transaction() as connection:
        old = MeetingRepository(connection).schedule(event_id(event))
    assert old is not None and (old.breaks, old.bound, old.gap) == (3, 2, 1 / 3)
    held = (
        old.held_mutual,
        old.held_one_sided,
        old.held_bound_mutual,
        old.held_bound_one_sided,
        old.held_gap,
    )
    assert held == (None, None, None, None, None)
