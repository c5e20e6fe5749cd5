"""The planner: plans meet the threshold, cost no more than greedy, equal brute force on small
instances, and an impossible target names the constraint that blocks it and by how much."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings

from coopex.engines.localization.plan import (
    Candidate,
    PlanRequest,
    PlanStatus,
    brute_force,
    greedy,
    plan_meets_threshold,
    solve,
    undominated,
)
from tests.engines.localization_cases import fixed_subject, plan_requests

SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(plan_requests())
def test_a_plan_meets_the_threshold_and_costs_what_it_says(request: PlanRequest) -> None:
    plan = solve(request)
    if plan.status is PlanStatus.ALREADY_ELIGIBLE:
        assert plan.before.eligible and not plan.moves
        return
    if plan.status is PlanStatus.INFEASIBLE:
        assert plan.blockers and plan.after is None
        return
    assert plan.status is PlanStatus.OPTIMAL
    assert plan_meets_threshold(plan)
    assert plan.after is not None and plan.after.eligible
    onboarding = request.onboarding_cost * len({m.partner for m in plan.moves})
    assert plan.cost == pytest.approx(sum(m.cost for m in plan.moves) + onboarding)
    assert plan.bound == pytest.approx(plan.cost, abs=0.01)
    if request.budget is not None:
        assert plan.cost <= request.budget + 0.01
    allowed = (request.by - request.start).days
    assert all(m.lead_time_days <= allowed for m in plan.moves)
    if request.capacity is not None:
        for partner in plan.partners:
            assert sum(m.partner == partner for m in plan.moves) <= request.capacity
    assert sum(m.points for m in plan.moves) == pytest.approx(plan.after.score - plan.before.score)


@SLOW
@given(plan_requests())
def test_the_planner_costs_no_more_than_greedy_and_equals_brute_force(
    request: PlanRequest,
) -> None:
    plan = solve(request)
    exact = brute_force(request)
    cheap = greedy(request)
    assert plan.found == exact.found
    if plan.found:
        assert plan.cost == pytest.approx(exact.cost, abs=0.01)
    if cheap.found:
        assert plan.found and plan.cost <= cheap.cost + 0.01


def _request(**changes: object) -> PlanRequest:
    """The fixed product: a (100, mandatory) in RU, b (100, any EAEU state) in KZ, c (100)
    in CN; the threshold 200 is met. Raise it to 300 to need c."""
    subject = fixed_subject()
    rows = replace(subject.category.thresholds[0], value=300.0)
    subject = replace(subject, category=replace(subject.category, thresholds=(rows,)))
    request = PlanRequest(
        subject,
        date(2026, 1, 1),
        date(2027, 1, 1),
        (
            Candidate("c", "near", "RU", 500.0, 100),
            Candidate("c", "cheap-but-slow", "RU", 100.0, 500),
            Candidate("c", "abroad", "CN", 10.0, 10),
        ),
    )
    return replace(request, **changes)  # type: ignore[arg-type]


def test_the_plan_moves_the_operation_to_a_partner_ready_in_time() -> None:
    plan = solve(_request())
    assert plan.status is PlanStatus.OPTIMAL
    assert [(m.operation, m.partner, m.points, m.cost) for m in plan.moves] == [
        ("c", "near", 100.0, 500.0)
    ]
    assert plan.after is not None and plan.after.score == 300 and plan.after.eligible


def test_a_budget_too_small_is_named_with_the_shortfall() -> None:
    plan = solve(_request(budget=300.0))
    assert plan.status is PlanStatus.INFEASIBLE
    (blocker,) = plan.blockers
    assert blocker.constraint == "budget"
    assert blocker.shortfall == pytest.approx(200.0)
    assert "short by 200.00" in blocker.message


def test_a_target_date_too_near_is_named_with_the_days() -> None:
    plan = solve(_request(by=date(2026, 3, 1)))
    (blocker,) = plan.blockers
    assert blocker.constraint == "lead_time"
    assert "would reach it" in blocker.message


def test_an_unreachable_threshold_says_by_how_many_points() -> None:
    plan = solve(_request(candidates=(Candidate("c", "abroad", "CN", 10.0, 10),)))
    (blocker,) = plan.blockers
    assert blocker.constraint == "threshold"
    assert blocker.shortfall == pytest.approx(100.0)


def test_a_mandatory_operation_without_a_partner_blocks() -> None:
    subject = fixed_subject()
    lines = (replace(subject.lines[0], country="CN"), *subject.lines[1:])
    request = _request(subject=replace(subject, lines=lines))
    plan = solve(request)
    assert any(b.constraint == "mandatory" and "'a'" in b.message for b in plan.blockers)


def test_already_eligible_needs_no_plan() -> None:
    plan = solve(_request(subject=fixed_subject()))
    assert plan.status is PlanStatus.ALREADY_ELIGIBLE and plan.cost == 0 and not plan.moves


def test_dominated_candidates_are_dropped_only_without_capacities() -> None:
    request = _request(
        onboarding_cost=50.0,
        candidates=(
            Candidate("c", "a", "RU", 100.0, 10),
            Candidate("c", "b", "RU", 149.0, 10),
            Candidate("c", "c", "RU", 150.0, 10),
        ),
    )
    assert [c.partner for c in undominated(request.candidates, request)] == ["a", "b"]
    limited = replace(request, capacity=1)
    assert len(undominated(limited.candidates, limited)) == 3
