"""The large-event scheduler (relaxation, colouring, annealing) on small random events.

Its answers must be as valid as the exact solver's, never worse than greedy on the weight
held, and its bounds must hold against the true optimum (brute force on tiny events).
"""

from __future__ import annotations

import random
import time
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from coopex.engines.scheduling import large
from coopex.engines.scheduling.breaks import breaks_of, day_segments, violations
from coopex.engines.scheduling.checks import base_domains, find_conflicts, required_ids
from coopex.engines.scheduling.greedy import fair_greedy_slots, greedy
from coopex.engines.scheduling.objective import MUTUAL, ONE_SIDED, held_by_tier
from coopex.engines.scheduling.polish import Annealer, enforce_cap
from coopex.engines.scheduling.problem import Meeting, ScheduleResult, SchedulingProblem
from coopex.engines.scheduling.relaxation import HeldRelaxation
from coopex.engines.scheduling.solver import solve
from coopex.engines.scheduling.tables import assign_tables
from coopex.engines.scheduling.timetable import Timetable
from tests.engines.schedule_checks import assert_valid
from tests.engines.test_scheduling import _best_by_brute_force, events

LIMIT = 2.0


def _solve_large(problem: SchedulingProblem) -> ScheduleResult | None:
    """The large path as `solve` would take it (after the cheap infeasibility checks)."""
    domains = base_domains(problem)
    required = required_ids(problem)
    if find_conflicts(problem, domains, required):
        return None
    return large.solve_large(
        problem, domains, required, start=time.perf_counter(), time_limit=LIMIT, workers=1
    )


def _optional(problem: SchedulingProblem) -> SchedulingProblem:
    return replace(problem, all_required=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events(max_meetings=10, max_slots=6))
def test_valid_and_never_worse_than_greedy(drawn: SchedulingProblem) -> None:
    problem = _optional(drawn)
    result = _solve_large(problem)
    if result is None:
        return
    assert result.status in ("optimal", "feasible")
    assert violations(problem, result.placements) == []
    assert_valid(problem, result)
    assert result.held == held_by_tier(problem, (p.meeting for p in result.placements))
    assert result.held_bound is not None
    assert all(h <= b for h, b in zip(result.held, result.held_bound, strict=True))
    baseline = greedy(problem)
    if baseline.status == "feasible":
        theirs = held_by_tier(problem, (p.meeting for p in baseline.placements))
        assert result.held >= theirs
        if result.held == theirs:
            assert result.breaks <= baseline.breaks


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events(max_meetings=4, max_slots=4))
def test_bounds_hold_against_the_optimum(drawn: SchedulingProblem) -> None:
    problem = _optional(drawn)
    result = _solve_large(problem)
    best = _best_by_brute_force(problem)
    if result is None or best is None:
        return
    (mutual, one_sided), _ = best
    assert result.held_bound is not None
    assert result.held <= (mutual, one_sided)  # lexicographically: never above the optimum
    assert mutual <= result.held_bound[0]
    # the optimum holds at least our mutual weight, so the one-sided bound covers it too
    assert one_sided <= result.held_bound[1]
    if result.status == "optimal":
        assert result.held == (mutual, one_sided) and result.breaks == 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events(max_meetings=10, max_slots=6), st.randoms(use_true_random=False))
def test_annealing_keeps_the_weight_held_and_the_rules(
    drawn: SchedulingProblem, rng: random.Random
) -> None:
    problem = _optional(drawn)
    domains = base_domains(problem)
    table = Timetable(problem, domains, cap=None)  # any start, the cap not yet kept
    pinned = required_ids(problem)
    for meeting in sorted(problem.meetings, key=lambda m: m.id not in pinned):
        options = [t for t in domains[meeting.id] if table.fits(meeting, t)]
        if options:
            table.place(meeting, rng.choice(options))
    assume(pinned <= set(table.slot_of))
    held = dict(table.slot_of)
    table.cap = problem.max_break_difference
    ends = time.perf_counter() + 0.1
    Annealer(table, pinned, {}, rng).run(lambda: ends - time.perf_counter())
    # meetings may change for others of the same tier and priority, never the weight
    assert held_by_tier(problem, table.slot_of) == held_by_tier(problem, held)
    assert all(table.slot_of[m] == held[m] for m in pinned)
    enforce_cap(table, pinned)
    cap = table.cap
    if cap is not None:
        over = [who for who in table.mask if table.breaks(who) > cap]
        assert all(all(m in pinned for m in table.at[who].values()) for who in over)
    unfair = replace(problem, max_break_difference=None)
    assert violations(unfair, assign_tables(problem, table.slot_of)) == []


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(0, 11), max_size=12),
    st.frozensets(st.integers(1, 11), max_size=3),
)
def test_breaks_from_bit_masks_match_the_counting_rule(
    slots: list[int], day_starts: frozenset[int]
) -> None:
    problem = SchedulingProblem(
        slot_sessions=(0,) * 12, tables=1, meetings=(), day_starts=day_starts | {0}
    )
    table = Timetable(problem, {}, cap=None)
    mask = sum(1 << t for t in set(slots))
    assert table.breaks_in(mask) == breaks_of(slots, day_segments(problem))


def _event(people: int, requests: int, slots: int, tables: int, seed: int) -> SchedulingProblem:
    rng = random.Random(seed)
    names = [f"p{i}" for i in range(people)]
    popularity = [1.0 / (1 + i) ** 0.6 for i in range(people)]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < requests:
        a, b = rng.choices(names, weights=popularity, k=2)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    half = slots // 2
    return SchedulingProblem(
        slot_sessions=(0,) * half + (1,) * (slots - half),
        tables=tables,
        meetings=tuple(
            Meeting(
                f"m{i}",
                pair,
                priority=rng.choice((1, 1, 2, 3)),
                mutual=rng.random() < 0.3,
                sessions=frozenset({rng.choice((0, 1))}) if rng.random() < 0.1 else None,
            )
            for i, pair in enumerate(sorted(pairs))
        ),
        unavailable={
            who: frozenset(range(half) if rng.random() < 0.5 else range(half, slots))
            for who in rng.sample(names, people // 20)
        },
        participants=tuple(names),
    )


def test_an_over_subscribed_event_goes_the_large_way() -> None:
    problem = _event(people=60, requests=200, slots=8, tables=8, seed=3)
    assert large.is_large(problem, base_domains(problem))
    result = solve(problem, time_limit=5, workers=1)
    assert result.held_bound is not None
    assert violations(problem, result.placements) == []
    assert_valid(problem, result)
    assert result.held_gap is not None and 0.0 <= result.held_gap < 1.0
    # the valid baseline: greedy with meetings dropped until the fairness cap holds
    fair = fair_greedy_slots(problem, problem.max_break_difference)
    assert fair is not None
    assert result.held >= held_by_tier(problem, fair)
    assert result.breaks < greedy(problem).breaks


def test_small_events_keep_the_exact_model() -> None:
    problem = _event(people=12, requests=20, slots=6, tables=4, seed=3)
    assert not large.is_large(problem, base_domains(problem))
    result = solve(problem, time_limit=10, workers=1)
    assert result.status == "optimal"
    assert result.held_bound == result.held  # proven by the model, not by the relaxation


def test_rescheduling_a_large_event_keeps_what_it_can() -> None:
    problem = _event(people=60, requests=200, slots=8, tables=8, seed=4)
    first = solve(problem, time_limit=3, workers=1)
    again = solve(replace(problem, previous=first.placements), time_limit=3, workers=1)
    # the previous schedule is a candidate: the answer is at least as good, level by level
    assert (again.held, -again.breaks, -again.moved) >= (first.held, -first.breaks, 0)
    # a participant becomes unavailable where one of its meetings was; two others are locked
    changed, *locked = first.placements[:3]
    who = next(m for m in problem.meetings if m.id == changed.meeting).participants[0]
    later = replace(
        problem,
        previous=first.placements,
        locked=tuple(locked),
        unavailable={**problem.unavailable, who: frozenset({changed.slot})},
    )
    result = solve(later, time_limit=3, workers=1)
    assert violations(later, result.placements) == []
    assert set(locked) <= set(result.placements)
    assert all(p.slot != changed.slot for p in result.placements if p.meeting == changed.meeting)


@pytest.mark.parametrize("seed", [4, 6])
def test_rescheduling_without_time_to_improve_keeps_the_previous_schedule(seed: int) -> None:
    problem = _event(people=60, requests=200, slots=8, tables=8, seed=seed)
    first = solve(problem, time_limit=3, workers=1)
    # far less time than the search needs: the previous schedule itself is still a candidate
    again = solve(replace(problem, previous=first.placements), time_limit=0.3, workers=1)
    assert violations(problem, again.placements) == []
    assert (again.held, -again.breaks, -again.moved) >= (first.held, -first.breaks, 0)


def test_the_relaxation_bounds_each_tier_given_the_one_before() -> None:
    # x has one slot and three requests: one mutual, two one-sided (priorities 3 and 2)
    problem = SchedulingProblem(
        slot_sessions=(0,),
        tables=5,
        meetings=(
            Meeting("mutual", ("x", "a"), priority=1, mutual=True),
            Meeting("high", ("x", "b"), priority=3),
            Meeting("low", ("x", "c"), priority=2),
        ),
    )
    relaxation = HeldRelaxation(problem, base_domains(problem))
    assert relaxation.solve(MUTUAL).bound == 1
    assert relaxation.solve(ONE_SIDED, {MUTUAL: 1}).bound == 0  # x's slot is taken
    assert relaxation.solve(ONE_SIDED).bound == 3
    chosen = relaxation.solve(ONE_SIDED, {MUTUAL: 1})
    assert chosen.fractions["mutual"] > 0.99 and chosen.sessions["mutual"] == 0
