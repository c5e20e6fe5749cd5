"""PLACEHOLDER scheduler, for the events branch only: the integrator replaces this file with
the real solver (same `solve` and `greedy` signatures). It places meetings first-free-slot,
locked ones first, then mutual and higher-priority ones; it proves no bound.
"""

from __future__ import annotations

import itertools
import time

from coopex.engines.scheduling.problem import (
    Placement,
    ScheduleResult,
    SchedulingProblem,
    Status,
    Unplaced,
)


def _breaks(problem: SchedulingProblem, placements: list[Placement]) -> dict[str, int]:
    owners = {m.id: m.participants for m in problem.meetings}
    busy: dict[str, list[int]] = {}
    for placement in placements:
        for person in owners[placement.meeting]:
            busy.setdefault(person, []).append(placement.slot)
    counted: dict[str, int] = {}
    for person, slots in busy.items():
        ordered = sorted(slots)
        counted[person] = sum(
            1
            for a, b in itertools.pairwise(ordered)
            if b - a > 1 and not any(a < d <= b for d in problem.day_starts)
        )
    return counted


def greedy(problem: SchedulingProblem) -> ScheduleResult:
    started = time.perf_counter()
    fixed = {p.meeting: p for p in problem.locked}
    taken_tables: set[tuple[int, int]] = set()
    busy: set[tuple[int, str]] = set()
    placements: list[Placement] = []
    unplaced: list[Unplaced] = []
    owners = {m.id: m for m in problem.meetings}
    for placement in problem.locked:
        placements.append(placement)
        taken_tables.add((placement.slot, placement.table))
        for person in owners[placement.meeting].participants:
            busy.add((placement.slot, person))
    order = sorted(
        (m for m in problem.meetings if m.id not in fixed),
        key=lambda m: (not m.mutual, -m.priority, m.id),
    )
    for meeting in order:
        spot = None
        for slot in range(problem.slots):
            if meeting.sessions is not None and problem.slot_sessions[slot] not in meeting.sessions:
                continue
            if any(
                (slot, p) in busy or slot in problem.unavailable.get(p, frozenset())
                for p in meeting.participants
            ):
                continue
            free = [t for t in range(problem.tables) if (slot, t) not in taken_tables]
            if free:
                spot = (slot, free[0])
                break
        if spot is None:
            unplaced.append(Unplaced(meeting.id, "no slot where both sides and a table are free"))
            continue
        placements.append(Placement(meeting.id, *spot))
        taken_tables.add(spot)
        busy.update((spot[0], p) for p in meeting.participants)
    by_person = _breaks(problem, placements)
    status: Status = "infeasible" if problem.all_required and unplaced else "feasible"
    return ScheduleResult(
        status=status,
        placements=tuple(placements),
        unplaced=tuple(unplaced),
        breaks=sum(by_person.values()),
        bound=None,
        seconds=time.perf_counter() - started,
        breaks_by_participant=by_person,
    )


def solve(
    problem: SchedulingProblem, *, time_limit: float = 60.0, workers: int = 2
) -> ScheduleResult:
    del time_limit, workers  # the placeholder does not search
    return greedy(problem)
