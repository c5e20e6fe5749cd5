"""Proven upper bounds on the meetings held: a linear relaxation per session, solved by GLOP.

The relaxation forgets slots and keeps sessions: each meeting is held at most once, in one of
its sessions; a participant holds at most as many meetings in a session as it has usable
slots there (slots one of its meetings may take); a session holds at most tables × slots
meetings. Every schedule satisfies these (fixed tables, precedences and fairness are simply
left out), so the relaxation's optimum bounds the held value of every schedule — per tier,
and for the one-sided tier among schedules holding at least a given mutual value.

The bound is not GLOP's objective value but the Lagrangian value of its duals clipped to
≥ 0, Σ π·b + Σ max(0, c − πA), which bounds the relaxation for *any* π ≥ 0: solver
tolerances can weaken it, never make it wrong. The fractions held in the optimum say which
meetings a good schedule holds (the large-event solver places them first).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from ortools.linear_solver.python import model_builder as mb

from coopex.engines.scheduling.objective import TIERS, tier, value
from coopex.engines.scheduling.problem import SchedulingProblem


@dataclass(frozen=True, slots=True)
class Relaxed:
    bound: int  # no schedule holds more in the tier (given the floors of earlier tiers)
    fractions: dict[str, float]  # meeting -> how much of it the relaxation's optimum holds
    sessions: dict[str, int]  # meeting -> the session where the optimum holds most of it


@dataclass(frozen=True, slots=True)
class _Row:
    """Σ coefficient·y over `columns` ≤ `limit`."""

    columns: tuple[int, ...]
    coefficients: tuple[float, ...]
    limit: float


def _unit_row(columns: list[int], limit: int) -> _Row:
    return _Row(tuple(columns), (1.0,) * len(columns), limit)


class HeldRelaxation:
    def __init__(self, problem: SchedulingProblem, domains: dict[str, list[int]]) -> None:
        self.problem = problem
        sessions = problem.slot_sessions
        self.columns: list[tuple[int, int]] = []  # (meeting index, session)
        per_meeting: dict[int, list[int]] = defaultdict(list)
        per_session: dict[int, list[int]] = defaultdict(list)
        per_person: dict[tuple[str, int], list[int]] = defaultdict(list)
        usable: dict[tuple[str, int], set[int]] = defaultdict(set)
        for index, meeting in enumerate(problem.meetings):
            for session in sorted({sessions[t] for t in domains[meeting.id]}):
                column = len(self.columns)
                self.columns.append((index, session))
                per_meeting[index].append(column)
                per_session[session].append(column)
                inside = {t for t in domains[meeting.id] if sessions[t] == session}
                for who in meeting.participants:
                    per_person[(who, session)].append(column)
                    usable[(who, session)] |= inside
        slots_in = defaultdict(int, {s: sessions.count(s) for s in set(sessions)})
        # only rows that can bind: the others hold whatever the columns' own bounds allow
        self.rows = [_unit_row(c, 1) for c in per_meeting.values() if len(c) > 1]
        self.rows += [
            _unit_row(c, len(usable[key]))
            for key, c in per_person.items()
            if len(c) > len(usable[key])
        ]
        self.rows += [
            _unit_row(c, problem.tables * slots_in[s])
            for s, c in per_session.items()
            if len(c) > problem.tables * slots_in[s]
        ]
        meetings = problem.meetings
        self.worth = [  # per tier, what each column is worth in it
            [float(value(meetings[i])) if tier(meetings[i]) == k else 0.0 for i, _ in self.columns]
            for k in TIERS
        ]

    def solve(self, of_tier: int, floors: dict[int, int] | None = None) -> Relaxed:
        """The most `of_tier` can hold among schedules holding ≥ `floors[k]` in tier k."""
        rows = [*self.rows, *(self._floor(k, floor) for k, floor in (floors or {}).items())]
        model = mb.Model()  # type: ignore[no-untyped-call]
        y = [model.new_num_var(0.0, 1.0, f"y{j}") for j in range(len(self.columns))]
        constraints = [
            model.add_linear_constraint(
                mb.LinearExpr.weighted_sum([y[j] for j in row.columns], list(row.coefficients)),
                ub=row.limit,
            )
            for row in rows
        ]
        worth = self.worth[of_tier]
        model.maximize(mb.LinearExpr.weighted_sum(y, worth))
        solver = mb.Solver("glop")
        if solver.solve(model) != mb.SolveStatus.OPTIMAL:
            # no dual certificate: the trivial bound (everything in the tier)
            return Relaxed(math.floor(sum(worth)), {}, {})
        prices = [max(0.0, float(solver.dual_value(c))) for c in constraints]
        bound = _lagrangian(worth, rows, prices)
        fractions, sessions = self._choice([float(solver.value(v)) for v in y])
        return Relaxed(math.floor(bound + 1e-6), fractions, sessions)

    def _floor(self, of_tier: int, floor: int) -> _Row:
        """Σ worth·y ≥ floor, written −Σ worth·y ≤ −floor like every other row."""
        used = [j for j, w in enumerate(self.worth[of_tier]) if w]
        return _Row(tuple(used), tuple(-self.worth[of_tier][j] for j in used), -floor)

    def _choice(self, shares: list[float]) -> tuple[dict[str, float], dict[str, int]]:
        """How much of each meeting is held, and the session holding most of it."""
        fractions: dict[str, float] = defaultdict(float)
        most: dict[str, tuple[float, int]] = {}
        for (index, session), share in zip(self.columns, shares, strict=True):
            meeting_id = self.problem.meetings[index].id
            fractions[meeting_id] += share
            if share > most.get(meeting_id, (0.0, 0))[0]:
                most[meeting_id] = (share, session)
        return dict(fractions), {m: session for m, (_, session) in most.items()}


def _lagrangian(worth: list[float], rows: list[_Row], prices: list[float]) -> float:
    """max over 0 ≤ y ≤ 1 of worth·y − Σ price·(row·y − limit): a bound for any prices ≥ 0."""
    reduced = list(worth)
    bound = 0.0
    for row, price in zip(rows, prices, strict=True):
        if price:
            bound += price * row.limit
            for j, coefficient in zip(row.columns, row.coefficients, strict=True):
                reduced[j] -= price * coefficient
    return bound + sum(r for r in reduced if r > 0)
