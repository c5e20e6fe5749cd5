"""The cheapest set of operations and partners that brings a product to its threshold.

Given a product (resolved against its regime), a target date and candidates — (operation,
partner inside the territory, cost, lead time) — choose at most one candidate per operation so
that the score reaches the threshold in force on the target date, every mandatory operation is
done inside, each candidate is ready by the date (and within the lead-time limit), the total
(candidates plus a fixed onboarding cost per partner used) stays within the budget, and no
partner takes more than its capacity. Minimise the total. CP-SAT solves it and says whether
the answer is proven optimal, with its bound; `greedy` and `brute_force` are the baselines.
Alternatives of one group count once: only the best of them adds points.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from ortools.sat.python import cp_model

from coopex.domain.localization import EAEU
from coopex.domain.localization_assessments import (
    Assessment,
    Standing,
    assessment_record,
    meets,
    rounded,
)
from coopex.domain.localization_products import Line, Subject
from coopex.engines.localization.assess import assess

SCALE = 100  # points and money are scaled to integers: hundredths
BIG_LEAD = 10**6


class PlanStatus(StrEnum):
    ALREADY_ELIGIBLE = "already_eligible"
    OPTIMAL = "optimal"  # proven: no cheaper plan exists
    FEASIBLE = "feasible"  # a plan, not proven optimal within the time limit (see bound)
    INFEASIBLE = "infeasible"  # no plan meets every constraint (see blockers)
    UNKNOWN = "unknown"  # the time limit ran out before any plan was found


@dataclass(frozen=True, slots=True)
class Candidate:
    """A partner (an organisation ref; or the manufacturer itself) able to perform an
    operation in `country`, at `cost`, ready `lead_time_days` after the start."""

    operation: str
    partner: str
    country: str
    cost: float
    lead_time_days: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class PlanRequest:
    subject: Subject
    start: date
    by: date
    candidates: tuple[Candidate, ...]
    territory: frozenset[str] | None = None  # default: the regime's
    budget: float | None = None
    max_lead_time_days: int | None = None
    onboarding_cost: float = 0.0  # fixed, per partner used
    capacity: int | None = None  # operations one partner may take
    time_limit_s: float = 10.0
    workers: int = 2


@dataclass(frozen=True, slots=True)
class Move:
    operation: str
    name: str
    partner: str
    country: str
    points: float  # what it adds to the score
    cost: float
    lead_time_days: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class Blocker:
    constraint: str  # threshold | mandatory | budget | lead_time | capacity
    message: str
    shortfall: float  # by how much (points, money or days)


@dataclass(frozen=True, slots=True)
class Plan:
    status: PlanStatus
    cost: float
    bound: float  # the solver's proven lower bound on the cost
    moves: tuple[Move, ...]
    partners: tuple[str, ...]
    onboarding: float
    before: Assessment
    after: Assessment | None
    threshold: float
    needed: float  # points missing before the plan
    lead_time_days: int
    blockers: tuple[Blocker, ...] = ()
    seconds: float = 0.0
    options: int = 0  # candidates the model considered

    @property
    def found(self) -> bool:
        return self.status in (PlanStatus.OPTIMAL, PlanStatus.FEASIBLE, PlanStatus.ALREADY_ELIGIBLE)


# -- the problem in plain numbers -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Target:
    line: Line
    value: int  # scaled points it is worth on the target date
    mandatory: bool


@dataclass(frozen=True, slots=True)
class _Prepared:
    request: PlanRequest
    before: Assessment
    territory: frozenset[str]
    targets: dict[str, _Target]
    group_now: dict[str, int]  # scaled points a group already scores
    options: tuple[Candidate, ...]
    needed: int  # scaled points missing
    missing_mandatory: tuple[str, ...]
    refused: dict[str, list[str]]  # operation -> why candidates were left out
    fastest: dict[str, int]  # operation -> fastest lead time among in-territory candidates

    def gain(self, operation: str) -> int:
        target = self.targets[operation]
        group = target.line.group
        return max(0, target.value - self.group_now.get(group, 0)) if group else target.value


def _scaled(value: float) -> int:
    return round(value * SCALE)


def _money(value: float) -> int:
    return round(value * SCALE)


def prepare(request: PlanRequest) -> _Prepared:
    subject = request.subject
    territory = request.territory or subject.regime.territory
    before = assess(subject, request.by, territory, outlook=False)
    standing = {c.operation: c for c in before.contributions}
    targets: dict[str, _Target] = {}
    group_now: dict[str, int] = {}
    for line in subject.lines:
        row = standing[line.operation]
        if row.standing.counts and line.group:
            group_now[line.group] = max(group_now.get(line.group, 0), _scaled(row.counted))
        if row.standing in (Standing.NOT_PERFORMED, Standing.OUTSIDE):
            targets[line.operation] = _Target(line, _scaled(row.points), line.mandatory)
    allowed_days = (request.by - request.start).days
    limit = (
        allowed_days
        if request.max_lead_time_days is None
        else min(allowed_days, request.max_lead_time_days)
    )
    options: list[Candidate] = []
    refused: dict[str, list[str]] = {}
    fastest: dict[str, int] = {}
    seen: set[tuple[str, str]] = set()
    for candidate in request.candidates:
        target = targets.get(candidate.operation)
        if target is None or (candidate.operation, candidate.partner) in seen:
            continue
        counts = candidate.country in territory or (
            target.line.any_eaeu and candidate.country in EAEU
        )
        if not counts:
            refused.setdefault(candidate.operation, []).append(
                f"{candidate.partner}: {candidate.country} is outside the territory"
            )
            continue
        fastest[candidate.operation] = min(
            fastest.get(candidate.operation, BIG_LEAD), candidate.lead_time_days
        )
        if candidate.lead_time_days > limit:
            refused.setdefault(candidate.operation, []).append(
                f"{candidate.partner}: {candidate.lead_time_days} days, {limit} available"
            )
            continue
        seen.add((candidate.operation, candidate.partner))
        options.append(candidate)
    needed = max(0, math.ceil(before.threshold * SCALE - 1e-6) - _scaled(before.score))
    return _Prepared(
        request,
        before,
        territory,
        targets,
        group_now,
        tuple(options),
        needed,
        before.missing_mandatory,
        refused,
        fastest,
    )


# -- applying a plan ------------------------------------------------------------------------


def apply_moves(subject: Subject, moves: Sequence[Move]) -> Subject:
    """The product with each moved operation performed by its partner, in its country."""
    by_op = {m.operation: m for m in moves}
    lines = tuple(
        replace(
            line,
            country=by_op[line.operation].country,
            performer=by_op[line.operation].partner,
            listed=True,
        )
        if line.operation in by_op
        else line
        for line in subject.lines
    )
    return replace(subject, lines=lines)


def _result(
    prep: _Prepared,
    status: PlanStatus,
    chosen: Sequence[Candidate],
    bound: float,
    started: float,
    blockers: Sequence[Blocker] = (),
) -> Plan:
    request = prep.request
    moves = tuple(
        Move(
            c.operation,
            prep.targets[c.operation].line.name,
            c.partner,
            c.country,
            0.0,
            c.cost,
            c.lead_time_days,
            c.note,
        )
        for c in sorted(chosen, key=lambda c: c.operation)
    )
    partners = tuple(sorted({c.partner for c in chosen}))
    onboarding = request.onboarding_cost * len(partners)
    after = None
    if chosen or status is PlanStatus.ALREADY_ELIGIBLE:
        after = assess(
            apply_moves(request.subject, moves), request.by, prep.territory, outlook=False
        )
        gained = {c.operation: c.counted for c in after.contributions}
        was = {c.operation: c.counted for c in prep.before.contributions}
        # what each move buys: its own points, less an alternative of its group it replaces
        moves = tuple(replace(m, points=gained[m.operation] - was[m.operation]) for m in moves)
        moves = _charge_groups(moves, prep, after)
    return Plan(
        status=status,
        cost=sum(c.cost for c in chosen) + onboarding,
        bound=bound,
        moves=moves,
        partners=partners,
        onboarding=onboarding,
        before=prep.before,
        after=after,
        threshold=prep.before.threshold,
        needed=prep.needed / SCALE,
        lead_time_days=max((c.lead_time_days for c in chosen), default=0),
        blockers=tuple(blockers),
        seconds=time.perf_counter() - started,
        options=len(prep.options),
    )


def _charge_groups(moves: tuple[Move, ...], prep: _Prepared, after: Assessment) -> tuple[Move, ...]:
    """A move that replaces the counted alternative of its group buys only the difference."""
    moved = {m.operation for m in moves}
    was = {c.operation: c for c in prep.before.contributions}
    lost: dict[str, float] = {}
    for row in after.contributions:
        if row.group and row.operation not in moved:
            lost[row.group] = lost.get(row.group, 0.0) + was[row.operation].counted - row.counted
    result = []
    for move in moves:
        group = prep.targets[move.operation].line.group
        if group and move.points > 0 and lost.get(group):
            result.append(replace(move, points=move.points - lost.pop(group)))
        else:
            result.append(move)
    return tuple(result)


# -- the exact model ------------------------------------------------------------------------


def solve(request: PlanRequest) -> Plan:
    """The cheapest plan, proven optimal when the solver finishes within its time limit."""
    started = time.perf_counter()
    prep = prepare(request)
    if prep.before.eligible:
        return _result(prep, PlanStatus.ALREADY_ELIGIBLE, (), 0.0, started)
    blockers = structural_blockers(prep)
    if blockers:
        return _result(prep, PlanStatus.INFEASIBLE, (), math.inf, started, blockers)
    options = undominated(prep.options, request)
    hint = _improve(prep, options, _greedy_pick(prep, options) or [])
    status, chosen, bound = _cp_sat(prep, options, request.budget, hint)
    if status is PlanStatus.INFEASIBLE:
        return _result(prep, status, (), math.inf, started, _diagnose(prep))
    return _result(prep, status, chosen, bound, started)


def undominated(options: Sequence[Candidate], request: PlanRequest) -> tuple[Candidate, ...]:
    """Without capacities, a candidate costing at least the operation's cheapest plus one
    onboarding is never needed: switching to the cheapest costs no more. Exact pruning."""
    if request.capacity is not None:
        return tuple(options)
    cheapest: dict[str, float] = {}
    for option in options:
        cheapest[option.operation] = min(cheapest.get(option.operation, math.inf), option.cost)
    return tuple(
        o
        for o in options
        if o.cost == cheapest[o.operation]
        or o.cost < cheapest[o.operation] + request.onboarding_cost
    )


def _cp_sat(
    prep: _Prepared,
    options: Sequence[Candidate],
    budget: float | None,
    hint: Sequence[Candidate] = (),
) -> tuple[PlanStatus, list[Candidate], float]:
    request = prep.request
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{i}") for i in range(len(options))]
    by_op: dict[str, list[int]] = {}
    by_partner: dict[str, list[int]] = {}
    for i, option in enumerate(options):
        by_op.setdefault(option.operation, []).append(i)
        by_partner.setdefault(option.partner, []).append(i)
    chosen_op = {}
    for op_id, members in by_op.items():
        if prep.targets[op_id].mandatory:
            model.add_exactly_one(x[i] for i in members)
        else:
            model.add_at_most_one(x[i] for i in members)
        chosen_op[op_id] = cp_model.LinearExpr.sum([x[i] for i in members])
    fixed = _money(request.onboarding_cost)
    y = {}
    if fixed > 0 or request.capacity is not None:
        for partner, members in by_partner.items():
            y[partner] = model.new_bool_var(f"y_{partner}")
            for i in members:
                model.add(x[i] <= y[partner])
            if request.capacity is not None:
                model.add(cp_model.LinearExpr.sum([x[i] for i in members]) <= request.capacity)
    terms: list[cp_model.LinearExprT] = []
    weights: list[int] = []
    groups: dict[str, list[str]] = {}
    for op in by_op:
        group = prep.targets[op].line.group
        if group is None:
            terms.append(chosen_op[op])
            weights.append(prep.gain(op))
        else:
            groups.setdefault(group, []).append(op)
    for alternatives in groups.values():
        best = []
        for op in alternatives:  # z: this member is the group's best newly localized one
            z = model.new_bool_var(f"z_{op}")
            model.add(z <= chosen_op[op])
            best.append(z)
            terms.append(z)
            weights.append(prep.gain(op))
        model.add_at_most_one(best)
    model.add(cp_model.LinearExpr.weighted_sum(terms, weights) >= prep.needed)
    costs = [_money(o.cost) for o in options]
    partner_vars = list(y.values())
    total = cp_model.LinearExpr.weighted_sum(
        [*x, *partner_vars], [*costs, *([fixed] * len(partner_vars))]
    )
    if budget is not None:
        model.add(total <= _money(budget))
    model.minimize(total)
    hinted = {(c.operation, c.partner) for c in hint}
    for i, option in enumerate(options):
        model.add_hint(x[i], (option.operation, option.partner) in hinted)
    solver = cp_model.CpSolver()
    # The LP relaxation (with x <= y per option) is within a fraction of a percent of the
    # optimum: the bound that proves it comes from the full-LP worker. With two workers the
    # default portfolio runs none, so name them: full LP for the proof, restarts for plans.
    solver.parameters.linearization_level = 2
    solver.parameters.max_time_in_seconds = request.time_limit_s
    solver.parameters.num_workers = request.workers
    if request.workers >= 2:
        for name in ("max_lp", "quick_restart", "default_lp", "core")[: request.workers]:
            solver.parameters.subsolvers.append(name)
    code = solver.solve(model)
    if code == cp_model.INFEASIBLE:
        return PlanStatus.INFEASIBLE, [], math.inf
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return PlanStatus.UNKNOWN, [], solver.best_objective_bound / SCALE
    chosen = [o for i, o in enumerate(options) if solver.value(x[i])]
    status = PlanStatus.OPTIMAL if code == cp_model.OPTIMAL else PlanStatus.FEASIBLE
    return status, chosen, solver.best_objective_bound / SCALE


# -- why there is no plan -------------------------------------------------------------------


def _reachable(prep: _Prepared, options: Sequence[Candidate]) -> int:
    """Scaled points gained by localizing every operation some option covers."""
    covered = {o.operation for o in options}
    total = 0
    best: dict[str, int] = {}
    for op in covered:
        group = prep.targets[op].line.group
        if group is None:
            total += prep.gain(op)
        else:
            best[group] = max(best.get(group, 0), prep.gain(op))
    return total + sum(best.values())


def structural_blockers(prep: _Prepared) -> list[Blocker]:
    """What no amount of money fixes: a mandatory operation nobody can take in time, or a
    threshold beyond every candidate together."""
    request = prep.request
    blockers = []
    covered = {o.operation for o in prep.options}
    allowed = (request.by - request.start).days
    for op in prep.missing_mandatory:
        if op in covered:
            continue
        fastest = prep.fastest.get(op)
        if fastest is None:
            blockers.append(
                Blocker(
                    "mandatory",
                    f"mandatory operation {op!r} has no candidate inside the territory",
                    1.0,
                )
            )
        else:
            limit = (
                allowed
                if request.max_lead_time_days is None
                else min(allowed, request.max_lead_time_days)
            )
            which = (
                "lead-time limit"
                if request.max_lead_time_days is not None and (request.max_lead_time_days < allowed)
                else f"target date {request.by}"
            )
            blockers.append(
                Blocker(
                    "lead_time",
                    f"mandatory operation {op!r}: the fastest candidate needs {fastest} days, the "
                    f"{which} leaves {limit} (over by {fastest - limit})",
                    float(fastest - limit),
                )
            )
    reach = _reachable(prep, prep.options)
    if reach < prep.needed:
        short = (prep.needed - reach) / SCALE
        every = [c for c in request.candidates if c.operation in prep.targets]
        territory_ok = [
            c
            for c in every
            if c.country in prep.territory
            or (prep.targets[c.operation].line.any_eaeu and c.country in EAEU)
        ]
        without_time = _reachable(prep, territory_ok)
        if without_time >= prep.needed:
            slow = sorted(
                {c.lead_time_days for c in territory_ok} - {o.lead_time_days for o in prep.options}
            )
            blockers.append(
                Blocker(
                    "lead_time",
                    f"the threshold needs {prep.needed / SCALE:g} more points; candidates ready by "
                    f"{request.by} bring at most {reach / SCALE:g} (short by {short:g}); slower "
                    f"candidates (up to {max(slow, default=0)} days) would reach it",
                    short,
                )
            )
        else:
            blockers.append(
                Blocker(
                    "threshold",
                    f"the threshold {prep.before.threshold:g} needs {prep.needed / SCALE:g} more "
                    f"points; localizing every operation that has a candidate brings at most "
                    f"{reach / SCALE:g} (short by {short:g} points){_uncovered(prep)}",
                    short,
                )
            )
    return blockers


def _uncovered(prep: _Prepared) -> str:
    """Operations worth points that no candidate inside the territory can take."""
    covered = {o.operation for o in prep.options}
    missing = sorted(op for op in prep.targets if op not in covered and prep.gain(op) > 0)
    if not missing:
        return ""
    shown = ", ".join(missing[:8]) + (f" and {len(missing) - 8} more" if len(missing) > 8 else "")
    return f"; no candidate partner for {shown}"


def _diagnose(prep: _Prepared) -> list[Blocker]:
    """The model is infeasible though each operation is coverable: the budget or capacity."""
    request = prep.request
    if request.budget is not None:
        status, chosen, _ = _cp_sat(prep, undominated(prep.options, request), None)
        if status in (PlanStatus.OPTIMAL, PlanStatus.FEASIBLE):
            cheapest = total_cost(chosen, request)
            qualifier = "" if status is PlanStatus.OPTIMAL else " (not proven the cheapest)"
            return [
                Blocker(
                    "budget",
                    f"the cheapest plan costs {cheapest:,.2f}{qualifier}; the budget "
                    f"{request.budget:,.2f} is short by {cheapest - request.budget:,.2f}",
                    cheapest - request.budget,
                )
            ]
    return [
        Blocker(
            "capacity",
            f"partners' capacity ({request.capacity} operations each) leaves too few of them",
            1.0,
        )
    ]


# -- baselines ------------------------------------------------------------------------------


def greedy(request: PlanRequest) -> Plan:
    """Baseline: mandatory operations first (cheapest candidate), then the best points per
    cost until the threshold is met. Fast, not optimal."""
    started = time.perf_counter()
    prep = prepare(request)
    if prep.before.eligible:
        return _result(prep, PlanStatus.ALREADY_ELIGIBLE, (), 0.0, started)
    chosen = _greedy_pick(prep, prep.options)
    if chosen is None or (
        request.budget is not None and total_cost(chosen, request) > request.budget
    ):
        return _result(prep, PlanStatus.INFEASIBLE, (), math.inf, started)
    return _result(prep, PlanStatus.FEASIBLE, chosen, 0.0, started)


def _greedy_pick(prep: _Prepared, options: Sequence[Candidate]) -> list[Candidate] | None:
    request = prep.request
    used: dict[str, int] = {}
    chosen: list[Candidate] = []
    done: set[str] = set()
    group_best = dict(prep.group_now)
    points = 0

    def price(option: Candidate) -> float:
        fresh = option.partner not in used
        return option.cost + (request.onboarding_cost if fresh else 0.0)

    def usable(option: Candidate) -> bool:
        return option.operation not in done and (
            request.capacity is None or used.get(option.partner, 0) < request.capacity
        )

    def take(option: Candidate) -> None:
        nonlocal points
        target = prep.targets[option.operation]
        group = target.line.group
        if group is None:
            points += target.value
        else:
            points += max(0, target.value - group_best.get(group, 0))
            group_best[group] = max(group_best.get(group, 0), target.value)
        chosen.append(option)
        done.add(option.operation)
        used[option.partner] = used.get(option.partner, 0) + 1

    for op in prep.missing_mandatory:
        pool = [o for o in options if o.operation == op and usable(o)]
        if not pool:
            return None
        take(min(pool, key=price))
    while points < prep.needed:
        best: tuple[float, float, Candidate] | None = None
        for option in options:
            if not usable(option):
                continue
            target = prep.targets[option.operation]
            group = target.line.group
            gain = target.value - (group_best.get(group, 0) if group else 0)
            if gain <= 0:
                continue
            cost = price(option)
            ratio = gain / cost if cost > 0 else math.inf
            if best is None or (ratio, -cost) > best[:2]:
                best = (ratio, -cost, option)
        if best is None:
            return None
        take(best[2])
    return chosen


def _points(prep: _Prepared, chosen: Sequence[Candidate]) -> int:
    total = 0
    best: dict[str, int] = {}
    for c in chosen:
        group = prep.targets[c.operation].line.group
        if group is None:
            total += prep.gain(c.operation)
        else:
            best[group] = max(best.get(group, 0), prep.gain(c.operation))
    return total + sum(best.values())


def _improve(
    prep: _Prepared, options: Sequence[Candidate], chosen: list[Candidate]
) -> list[Candidate]:
    """A better starting plan for the solver (an early good incumbent prunes more): drop
    moves the threshold does not need, dearest first, then move operations to partners
    already used when that is cheaper counting the onboarding saved."""
    request = prep.request
    if not chosen:
        return chosen
    plan = list(chosen)
    mandatory = set(prep.missing_mandatory)
    for move in sorted(plan, key=lambda c: -c.cost):
        if move.operation in mandatory:
            continue
        rest = [c for c in plan if c is not move]
        if _points(prep, rest) >= prep.needed:
            plan = rest
    by_op: dict[str, list[Candidate]] = {}
    for option in options:
        by_op.setdefault(option.operation, []).append(option)
    for index, move in enumerate(list(plan)):
        load: dict[str, int] = {}
        for c in plan:
            load[c.partner] = load.get(c.partner, 0) + 1
        alone = load[move.partner] == 1
        for option in by_op.get(move.operation, []):
            if option.partner == move.partner or option.partner not in load:
                continue
            if request.capacity is not None and load[option.partner] >= request.capacity:
                continue
            saving = move.cost + (request.onboarding_cost if alone else 0.0) - option.cost
            if saving > 0:
                plan[index] = move = option
                break
    return plan


def total_cost(chosen: Sequence[Candidate], request: PlanRequest) -> float:
    return sum(c.cost for c in chosen) + request.onboarding_cost * len({c.partner for c in chosen})


def brute_force(request: PlanRequest) -> Plan:
    """Baseline for small instances: every combination of at most one candidate per
    operation, the cheapest that meets every constraint."""
    started = time.perf_counter()
    prep = prepare(request)
    if prep.before.eligible:
        return _result(prep, PlanStatus.ALREADY_ELIGIBLE, (), 0.0, started)
    ops = sorted({o.operation for o in prep.options})
    choices = [[None, *[o for o in prep.options if o.operation == op]] for op in ops]
    best: tuple[int, list[Candidate]] | None = None
    fixed = _money(request.onboarding_cost)
    for combo in itertools.product(*choices):
        picked = [c for c in combo if c is not None]
        if any(op not in {c.operation for c in picked} for op in prep.missing_mandatory):
            continue
        partners: dict[str, int] = {}
        for c in picked:
            partners[c.partner] = partners.get(c.partner, 0) + 1
        if request.capacity is not None and any(n > request.capacity for n in partners.values()):
            continue
        cost = sum(_money(c.cost) for c in picked) + fixed * len(partners)
        if request.budget is not None and cost > _money(request.budget):
            continue
        if best is not None and cost >= best[0]:
            continue
        gained = 0
        group_gain: dict[str, int] = {}
        for c in picked:
            group = prep.targets[c.operation].line.group
            if group is None:
                gained += prep.gain(c.operation)
            else:
                group_gain[group] = max(group_gain.get(group, 0), prep.gain(c.operation))
        if gained + sum(group_gain.values()) >= prep.needed:
            best = (cost, picked)
    if best is None:
        return _result(prep, PlanStatus.INFEASIBLE, (), math.inf, started)
    return _result(prep, PlanStatus.OPTIMAL, best[1], best[0] / SCALE, started)


def plan_meets_threshold(plan: Plan) -> bool:
    return plan.after is not None and meets(plan.after.score, plan.after.threshold)


def plan_record(plan: Plan, currency: str = "RUB") -> dict[str, object]:
    """The plain-data form of a plan (CLI --json, the API)."""
    return {
        "status": plan.status.value,
        "proven_optimal": plan.status in (PlanStatus.OPTIMAL, PlanStatus.ALREADY_ELIGIBLE),
        "cost": None if math.isinf(plan.cost) else round(plan.cost, 2),
        "bound": None if math.isinf(plan.bound) else round(plan.bound, 2),
        "currency": currency,
        "threshold": rounded(plan.threshold),
        "score_before": rounded(plan.before.score),
        "score_after": None if plan.after is None else rounded(plan.after.score),
        "needed": rounded(plan.needed),
        "eligible_after": None if plan.after is None else plan.after.eligible,
        "lead_time_days": plan.lead_time_days,
        "onboarding": round(plan.onboarding, 2),
        "partners": list(plan.partners),
        "moves": [
            {
                "operation": m.operation,
                "name": m.name,
                "partner": m.partner,
                "country": m.country,
                "points": rounded(m.points),
                "cost": round(m.cost, 2),
                "lead_time_days": m.lead_time_days,
                "why": m.note,
            }
            for m in plan.moves
        ],
        "blockers": [
            {"constraint": b.constraint, "message": b.message, "shortfall": round(b.shortfall, 2)}
            for b in plan.blockers
        ],
        "options": plan.options,
        "seconds": round(plan.seconds, 3),
        "after": None if plan.after is None else assessment_record(plan.after),
    }
