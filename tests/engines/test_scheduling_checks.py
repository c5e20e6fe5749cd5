"""Infeasible events: the scheduler says so, and names who or what makes them so."""

from __future__ import annotations

import pytest

from coopex.engines.scheduling.greedy import greedy
from coopex.engines.scheduling.problem import Meeting, Placement, SchedulingProblem
from coopex.engines.scheduling.solver import solve


def _event(
    *meetings: Meeting, slots: int = 3, tables: int = 2, **extra: object
) -> SchedulingProblem:
    return SchedulingProblem(
        slot_sessions=(0,) * slots,
        tables=tables,
        meetings=meetings,
        all_required=True,
        **extra,  # type: ignore[arg-type]
    )


def _conflicts(problem: SchedulingProblem) -> str:
    result = solve(problem, time_limit=10, workers=1)
    assert result.status == "infeasible"
    assert result.placements == ()
    return " | ".join(result.conflicts)


def test_a_participant_with_more_meetings_than_slots() -> None:
    problem = _event(*(Meeting(f"m{i}", ("busy", f"o{i}")) for i in range(4)))
    assert "participant busy has 4 meetings but only 3 slots" in _conflicts(problem)


def test_a_participant_whose_meetings_cannot_get_distinct_slots() -> None:
    # four meetings in four slots, but three of them are for the morning, which has two
    problem = SchedulingProblem(
        slot_sessions=(0, 0, 1, 1),
        tables=3,
        meetings=(
            Meeting("a", ("x", "y"), sessions=frozenset({0})),
            Meeting("b", ("x", "z"), sessions=frozenset({0})),
            Meeting("c", ("x", "w"), sessions=frozenset({0})),
            Meeting("d", ("x", "v")),
        ),
        all_required=True,
    )
    assert "participant x: their 4 meetings cannot all get different slots" in _conflicts(problem)


def test_two_meetings_of_one_participant_fixed_to_the_same_slot() -> None:
    problem = _event(Meeting("a", ("x", "y"), fixed_slot=1), Meeting("b", ("x", "z"), fixed_slot=1))
    assert "fixed-slot clash: x has meetings a and b both fixed to slot 1" in _conflicts(problem)


def test_a_fixed_slot_the_participant_cannot_attend() -> None:
    problem = _event(Meeting("a", ("x", "y"), fixed_slot=2), unavailable={"y": frozenset({2})})
    assert "meeting a (x–y) is fixed to slot 2" in _conflicts(problem)


def test_a_precedence_cycle() -> None:
    problem = _event(
        Meeting("a", ("x", "y")),
        Meeting("b", ("x", "z")),
        Meeting("c", ("y", "z")),
        precedences=(("a", "b"), ("b", "c"), ("c", "a")),
    )
    assert "precedence cycle: a before b before c before a" in _conflicts(problem)


def test_a_precedence_chain_longer_than_the_day() -> None:
    meetings = [Meeting(f"m{i}", (f"a{i}", f"b{i}")) for i in range(4)]
    chain = tuple((f"m{i}", f"m{i + 1}") for i in range(3))
    assert "precedences: meeting" in _conflicts(_event(*meetings, precedences=chain))


def test_a_session_over_capacity() -> None:
    problem = SchedulingProblem(
        slot_sessions=(0, 0, 1, 1),
        tables=1,
        meetings=(
            Meeting("a", ("p", "q"), sessions=frozenset({0})),
            Meeting("b", ("r", "s"), sessions=frozenset({0})),
            Meeting("c", ("t", "u"), sessions=frozenset({0})),
        ),
        all_required=True,
    )
    assert "session 0 over capacity: 3 meetings" in _conflicts(problem)


def test_a_fairness_bound_no_schedule_can_keep_is_named() -> None:
    # x meets y and z; y and z can only meet x in slots 0 and 2: x has one break, w (no
    # meeting) none, so d = 0 cannot hold — but every cheap check passes
    problem = _event(
        Meeting("a", ("x", "y")),
        Meeting("b", ("x", "z")),
        unavailable={"y": frozenset({1, 2}), "z": frozenset({0, 1})},
        max_break_difference=0,
        participants=("w",),
    )
    assert "fairness" in _conflicts(problem)


def test_two_locked_meetings_at_one_table() -> None:
    problem = _event(
        Meeting("a", ("x", "y")),
        Meeting("b", ("p", "q")),
        locked=(Placement("a", 0, 1), Placement("b", 0, 1)),
    )
    assert "fixed-table clash: meetings a and b both need table 1 in slot 0" in _conflicts(problem)


def test_optional_meetings_that_do_not_fit_are_left_out_with_a_reason() -> None:
    problem = SchedulingProblem(
        slot_sessions=(0, 0),
        tables=1,
        meetings=(
            Meeting("a", ("x", "y")),
            Meeting("b", ("x", "z")),
            Meeting("c", ("y", "z")),
            Meeting("never", ("p", "q"), sessions=frozenset({7})),
        ),
    )
    result = solve(problem, time_limit=10, workers=1)
    assert result.status == "optimal"
    assert len(result.placements) == 2
    reasons = {u.meeting: u.reason for u in result.unplaced}
    assert "no slot where both participants are available" in reasons["never"]
    assert len(reasons) == 2


@pytest.mark.parametrize("required", [True, False])
def test_greedy_leaves_out_what_does_not_fit(required: bool) -> None:
    problem = SchedulingProblem(
        slot_sessions=(0, 0, 0),
        tables=2,
        meetings=tuple(Meeting(f"m{i}", ("busy", f"o{i}")) for i in range(4)),
        all_required=required,
    )
    result = greedy(problem)
    assert [(p.meeting, p.slot) for p in result.placements] == [("m0", 0), ("m1", 1), ("m2", 2)]
    assert [u.meeting for u in result.unplaced] == ["m3"]
    assert result.status == ("unknown" if required else "feasible")
