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

from coopex.engines.scheduling.objective import tier, value
from coopex.engines.scheduling.problem import SchedulingProblem


@dataclass(frozen=True, slots=True)
class Relaxed:
    bound: int  # no schedule holds more in the tier (given the floors of earlier tiers)
    fractions: dict[str, float]  # meeting -> how much of it the relaxation's optimum holds
    sessions: dict[str, int]  # meeting -> the session where the optimum holds most of it


@dataclass(frozen=True, slots=True)
class _Row:
    columns: tuple[int, ...]  # coefficient 1 each
    limit: int


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
        self.rows = [_Row(tuple(c), 1) for c in per_meeting.values() if len(c) > 1]
        self.rows += [
            _Row(tuple(c), len(usable[key]))
            for key, c in per_person.items()
            if len(c) > len(usable[key])
        ]
        self.rows += [
            _Row(tuple(c), problem.tables * slots_in[s])
            for s, c in per_session.items()
            if len(c) > problem.tables * slots_in[s]
        ]

    def solve(self, of_tier: int, floors: dict[int, int] | None = None) -> Relaxed:
        """The most `of_tier` can hold among schedules holding ≥ `floors[k]` in tier k."""
        meetings = self.problem.meetings
        worth = [
            [value(meetings[i]) if tier(meetings[i]) == k else 0 for i, _ in self.columns]
            for k in (0, 1)
        ]
        model = mb.Model()  # type: ignore[no-untyped-call]
        y = [model.new_num_var(0.0, 1.0, f"y{j}") for j in range(len(self.columns))]
        constraints = [
            model.add_linear_constraint(
                mb.LinearExpr.sum([y[j] for j in row.columns]), ub=row.limit
            )
            for row in self.rows
        ]
        floor_rows = []
        for k, floor in (floors or {}).items():
            used = [j for j in range(len(y)) if worth[k][j]]
            expression = mb.LinearExpr.weighted_sum(
                [y[j] for j in used], [worth[k][j] for j in used]
            )
            floor_rows.append((k, floor, model.add_linear_constraint(expression, lb=floor)))
        objective = [j for j in range(len(y)) if worth[of_tier][j]]
        model.maximize(
            mb.LinearExpr.weighted_sum(
                [y[j] for j in objective], [worth[of_tier][j] for j in objective]
            )
        )
        solver = mb.Solver("glop")
        status = solver.solve(model)
        if status != mb.SolveStatus.OPTIMAL:
            # no dual certificate: fall back on the trivial bound (everything in the tier)
            return Relaxed(sum(worth[of_tier]), {}, {})
        # Lagrangian bound: for ≤ rows π ≥ 0; a floor row Σ w·y ≥ f is −Σ w·y ≤ −f
        reduced = list(map(float, worth[of_tier]))
        bound = 0.0
        for row, constraint in zip(self.rows, constraints, strict=True):
            price = max(0.0, float(solver.dual_value(constraint)))
            bound += price * row.limit
            for j in row.columns:
                reduced[j] -= price
        for k, floor, constraint in floor_rows:
            price = max(0.0, -float(solver.dual_value(constraint)))
            bound -= price * floor
            for j in range(len(y)):
                reduced[j] += price * worth[k][j]
        bound += sum(r for r in reduced if r > 0)
        fractions: dict[str, float] = defaultdict(float)
        most: dict[str, tuple[float, int]] = {}
        for j, (index, session) in enumerate(self.columns):
            share = float(solver.value(y[j]))
            meeting_id = meetings[index].id
            fractions[meeting_id] += share
            if share > most.get(meeting_id, (0.0, 0))[0]:
                most[meeting_id] = (share, session)
        sessions = {meeting_id: session for meeting_id, (_, session) in most.items()}
        return Relaxed(math.floor(bound + 1e-6), dict(fractions), sessions)
