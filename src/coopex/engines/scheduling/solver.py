"""The optimal schedule: lexicographic objectives solved in phases, within a time limit.

1. Meetings held, weighted (mutual ones first, then by priority) — skipped when all are
   required (the benchmark), where "not all held" means infeasible.
2. Fewest breaks in total, under the fairness bound, keeping phase 1's value.
3. With a previous schedule: fewest meetings moved, keeping phases 1 and 2.

Each phase starts from the previous one's best schedule (a CP-SAT hint; the first from the
greedy baseline). For all-required events a short CP-SAT pass is followed by the SAT prover
(`prover.py`), which counts breaks up from zero: it proves the small optima the CP-SAT model
cannot, and its lower bound is kept when it runs out of time.

Before any search, `checks.find_conflicts` looks for cheap proofs of infeasibility (a
participant with more meetings than slots, clashing fixed slots, precedence cycles, a session
over capacity); when the solver proves infeasibility without one, each family of constraints
is relaxed in turn to say which one is to blame.

Events with optional meetings from `large.LARGE` meeting–slot pairs on go, right after those
checks, to `large.py` (relaxation, colouring, annealing): this model is too big for them.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from coopex.engines.scheduling.breaks import breaks_by_participant, violations
from coopex.engines.scheduling.checks import (
    base_domains,
    find_conflicts,
    required_ids,
    validate,
)
from coopex.engines.scheduling.greedy import fair_greedy_slots, greedy_slots
from coopex.engines.scheduling.large import is_large, solve_large
from coopex.engines.scheduling.model import ScheduleModel
from coopex.engines.scheduling.objective import weights as meeting_weights
from coopex.engines.scheduling.problem import (
    ScheduleResult,
    SchedulingProblem,
    Unplaced,
)
from coopex.engines.scheduling.prover import first_schedule, prove
from coopex.engines.scheduling.result import build_result
from coopex.engines.scheduling.tables import assign_tables
from coopex.engines.scheduling.uwrmaxsat import MaxSatRun

QUICK_SHARE = 0.1  # of the time limit: all-required events' CP-SAT pass before the prover
HELD_SHARE = 0.5  # of the time limit, for phase 1 when not every meeting is required
# meeting–slot pairs from which UWrMaxSat starts with the CP-SAT pass (the benchmark's events
# have 2,500–6,000; events of a few dozen are settled by CP-SAT before a process is up)
EARLY_MAXSAT = 1_000
FEASIBLE_SHARE = 0.3  # of what is left, at most, for a first schedule when CP-SAT found none


@dataclass
class _Search:
    """One CP-SAT model of the problem with the phases' objectives bolted on in turn."""

    problem: SchedulingProblem
    domains: dict[str, list[int]]
    required: set[str]
    workers: int
    fairness_cap: int | None  # per-participant cap when someone surely has no break
    exact_fairness: bool  # bound max − min instead (nobody is sure to have 0 breaks)

    def build(self) -> ScheduleModel:
        built = ScheduleModel(self.problem, self.domains, self.required)
        built.build(max_breaks=self.fairness_cap)
        if self.exact_fairness and self.problem.max_break_difference is not None:
            model, counts = built.model, list(built.breaks.values())
            if counts:
                most = model.new_int_var(0, self.problem.slots, "most_breaks")
                least = model.new_int_var(0, self.problem.slots, "least_breaks")
                model.add_max_equality(most, counts)
                model.add_min_equality(least, counts)
                model.add(most - least <= self.problem.max_break_difference)
        return built

    def run(
        self, built: ScheduleModel, seconds: float, hint: dict[str, int] | None
    ) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus]:
        built.model.clear_hints()  # type: ignore[no-untyped-call]
        if hint:
            for meeting_id, literals in built.x.items():
                for t, literal in literals.items():
                    built.model.add_hint(literal, hint.get(meeting_id) == t)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(seconds, 0.05)
        solver.parameters.num_workers = self.workers
        status = solver.solve(built.model)
        return solver, status


def _slots_of(built: ScheduleModel, solver: cp_model.CpSolver) -> dict[str, int]:
    return {
        meeting_id: t
        for meeting_id, literals in built.x.items()
        for t, literal in literals.items()
        if solver.boolean_value(literal)
    }


def fairness_cap(problem: SchedulingProblem) -> tuple[int | None, bool]:
    if problem.max_break_difference is None:
        return None, False
    meetings_of: dict[str, int] = defaultdict(int)
    for meeting in problem.meetings:
        for who in meeting.participants:
            meetings_of[who] += 1
    # someone with at most one meeting never has a break: everyone else then has ≤ d
    if any(meetings_of.get(who, 0) <= 1 for who in problem.everyone()):
        return problem.max_break_difference, False
    return None, True


def solve(
    problem: SchedulingProblem, *, time_limit: float = 60.0, workers: int = 2
) -> ScheduleResult:
    start = time.perf_counter()
    deadline = start + time_limit

    def left() -> float:
        return deadline - time.perf_counter()

    validate(problem)
    domains = base_domains(problem)
    required = required_ids(problem)
    conflicts = find_conflicts(problem, domains, required)
    if conflicts:
        return _infeasible(problem, conflicts, start)
    if is_large(problem, domains):  # decomposed (large.py): the model below is too big
        answer = solve_large(
            problem, domains, required, start=start, time_limit=time_limit, workers=workers
        )
        if answer is not None:
            return answer
    cap, exact = fairness_cap(problem)
    search = _Search(problem, domains, required, workers, cap, exact)
    all_required = len(required) == len(problem.meetings)
    fallback = fair_greedy_slots(problem, cap)
    if fallback is not None and violations(problem, assign_tables(problem, fallback)):
        fallback = None
    hint: dict[str, int] | None = fallback or greedy_slots(problem)
    optimal = True

    # phase 1: meetings held
    built = search.build()
    weights = meeting_weights(problem)
    held_floor = sum(weights[m] for m in required)
    if not all_required:
        built.model.maximize(sum(weights[m.id] * built.held[m.id] for m in problem.meetings))
        solver, status = search.run(built, left() * HELD_SHARE, hint)
        if status == cp_model.INFEASIBLE:
            return _explain(problem, domains, required, search, start)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            optimal = status == cp_model.OPTIMAL
            hint = _slots_of(built, solver)
            held_floor = round(solver.objective_value)
        elif fallback is not None:  # large events: the search found nothing in time
            optimal = False
            held_floor = sum(weights[m] for m in fallback)
        else:
            return _unknown(problem, start)

    # phase 2: breaks
    total = built.total_breaks
    assert total is not None
    if not all_required:
        built.model.add(
            sum(weights[m.id] * built.held[m.id] for m in problem.meetings) >= held_floor
        )
    built.model.minimize(total)
    if all_required and (cap is not None or problem.max_break_difference is None):
        best, bound, proven = _prove(search, built, hint, left)
        if best is _INFEASIBLE:
            return _explain(problem, domains, required, search, start)
    else:
        solver, status = search.run(built, left(), hint)
        if status == cp_model.INFEASIBLE:
            return _explain(problem, domains, required, search, start)
        found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        best = _slots_of(built, solver) if found else None
        bound = round(solver.best_objective_bound) if found else 0
        proven = status == cp_model.OPTIMAL
    if (
        best is None
        and fallback is not None
        and (all_required or sum(weights[m] for m in fallback) >= held_floor)
    ):
        best, proven = fallback, False
    if best is None:
        return _unknown(problem, start, bound)
    breaks_found = breaks_by_participant(problem, assign_tables(problem, best))
    proven = proven or sum(breaks_found.values()) <= bound
    optimal = optimal and proven

    # phase 3: moves from the previous schedule
    moved_optimal = True
    if problem.previous and left() > 0.2:
        assert built.total_breaks is not None  # phase 2's constraints still hold
        built.model.add(built.total_breaks <= sum(breaks_found.values()))
        kept = [
            built.x[p.meeting][p.slot] for p in problem.previous if p.slot in built.x[p.meeting]
        ]
        built.model.maximize(sum(kept))
        solver, status = search.run(built, left(), best)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            best = _slots_of(built, solver)
            moved_optimal = status == cp_model.OPTIMAL
    return build_result(
        problem, best, "optimal" if optimal and moved_optimal else "feasible", bound, start
    )


_INFEASIBLE: dict[str, int] = {}


def _prove(
    search: _Search,
    built: ScheduleModel,
    hint: dict[str, int] | None,
    left: Callable[[], float],
) -> tuple[dict[str, int] | None, int, bool]:
    """All-required events: a short CP-SAT pass for a schedule, then the SAT prover.

    CP-SAT proves the easy optima (no break at all) and gives a schedule to beat; the prover
    (`prover.py`) counts breaks up from 0 until it builds an optimal schedule or reaches
    CP-SAT's, which proves that one. With two workers UWrMaxSat starts first, in its own
    process, and works through both. Returns the best schedule (`_INFEASIBLE` when proven
    infeasible), the lower bound and whether it is proven optimal.
    """
    # on events CP-SAT rarely settles alone, UWrMaxSat starts at once, beside its pass
    pairs = sum(map(len, search.domains.values()))
    early = search.workers > 1 and pairs >= EARLY_MAXSAT
    run = MaxSatRun(search.problem, search.domains, search.fairness_cap) if early else None
    try:
        return _cp_sat_then_prover(search, built, hint, left, run)
    finally:
        if run is not None:
            run.close()


def _cp_sat_then_prover(
    search: _Search,
    built: ScheduleModel,
    hint: dict[str, int] | None,
    left: Callable[[], float],
    run: MaxSatRun | None,
) -> tuple[dict[str, int] | None, int, bool]:
    problem, domains, cap = search.problem, search.domains, search.fairness_cap
    solver, status = search.run(built, left() * QUICK_SHARE, hint)
    if status == cp_model.INFEASIBLE:
        return _INFEASIBLE, 0, True
    if status == cp_model.OPTIMAL:
        return _slots_of(built, solver), round(solver.objective_value), True
    best = _slots_of(built, solver) if status == cp_model.FEASIBLE else None
    bound = round(solver.best_objective_bound) if best is not None else 0
    if best is None:  # no schedule yet: a plain SAT call gives one to beat
        found = first_schedule(problem, domains, cap, left() * FEASIBLE_SHARE)
        if found is False:
            return _INFEASIBLE, 0, True
        best = found if isinstance(found, dict) else None
    upper = None
    if best is not None:
        upper = sum(breaks_by_participant(problem, assign_tables(problem, best)).values())
    parallel = search.workers > 1
    proof = prove(problem, domains, cap, left(), upper=upper, parallel=parallel, run=run)
    if proof.infeasible:
        return _INFEASIBLE, 0, True
    lower = max(bound, proof.lower_bound)
    if proof.slots is not None:
        best = proof.slots
        upper = sum(breaks_by_participant(problem, assign_tables(problem, best)).values())
    return best, lower, upper is not None and lower >= upper


def _infeasible(problem: SchedulingProblem, conflicts: list[str], start: float) -> ScheduleResult:
    return ScheduleResult(
        status="infeasible",
        placements=(),
        unplaced=tuple(Unplaced(m.id, "the problem is infeasible") for m in problem.meetings),
        breaks=0,
        bound=None,
        seconds=time.perf_counter() - start,
        conflicts=tuple(conflicts),
    )


def _unknown(problem: SchedulingProblem, start: float, bound: int | None = None) -> ScheduleResult:
    return ScheduleResult(
        status="unknown",
        placements=(),
        unplaced=tuple(Unplaced(m.id, "no schedule found in time") for m in problem.meetings),
        breaks=0,
        bound=bound,
        seconds=time.perf_counter() - start,
    )


def _explain(
    problem: SchedulingProblem,
    domains: dict[str, list[int]],
    required: set[str],
    search: _Search,
    start: float,
) -> ScheduleResult:
    """Proven infeasible without a cheap reason: relax one family of constraints at a time."""
    from dataclasses import replace

    relaxations = {
        f"fairness: no schedule keeps everyone's breaks within "
        f"{problem.max_break_difference} of each other": replace(
            problem, max_break_difference=None
        ),
        "precedences: the required order of meetings cannot be kept together with the "
        "other constraints": replace(problem, precedences=()),
        "unavailability: participants' unavailable slots leave no schedule": replace(
            problem, unavailable={}
        ),
        "fixed slots: the meetings pinned to slots leave no schedule for the rest": replace(
            problem,
            meetings=tuple(replace(m, fixed_slot=None) for m in problem.meetings),
        ),
    }
    reasons = []
    for reason, relaxed in relaxations.items():
        if relaxed == problem:
            continue
        relaxed_domains = base_domains(relaxed)
        if find_conflicts(relaxed, relaxed_domains, required_ids(relaxed)):
            continue
        cap, exact = fairness_cap(relaxed)
        trial = _Search(relaxed, relaxed_domains, required_ids(relaxed), search.workers, cap, exact)
        built = trial.build()
        _, status = trial.run(built, 2.0, None)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            reasons.append(reason)
    if not reasons:
        reasons.append(
            "no schedule satisfies the sessions, availability, tables, fixed slots, "
            "precedences and fairness together"
        )
    return _infeasible(problem, reasons, start)
