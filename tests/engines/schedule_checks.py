"""What every valid schedule satisfies, whichever solver made it."""

from __future__ import annotations

from coopex.engines.scheduling.problem import ScheduleResult, SchedulingProblem


def assert_valid(problem: SchedulingProblem, result: ScheduleResult) -> None:
    meetings = {m.id: m for m in problem.meetings}
    placed = {p.meeting: p for p in result.placements}
    assert len(placed) == len(result.placements), "a meeting placed twice"
    unplaced = {u.meeting for u in result.unplaced}
    assert set(placed) | unplaced == set(meetings), "a meeting neither placed nor reported"
    assert not set(placed) & unplaced
    assert all(u.reason for u in result.unplaced)
    tables: set[tuple[int, int]] = set()
    people: set[tuple[int, str]] = set()
    for placement in result.placements:
        assert 0 <= placement.slot < problem.slots and 0 <= placement.table < problem.tables
        assert (placement.slot, placement.table) not in tables, "a table used twice in a slot"
        tables.add((placement.slot, placement.table))
        for person in meetings[placement.meeting].participants:
            assert (placement.slot, person) not in people, f"{person} double-booked"
            people.add((placement.slot, person))
            assert placement.slot not in problem.unavailable.get(person, frozenset())
    for lock in problem.locked:
        assert placed.get(lock.meeting) == lock, f"locked meeting {lock.meeting} moved"
