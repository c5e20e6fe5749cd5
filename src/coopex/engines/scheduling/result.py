"""The answer for chosen slots: tables dealt, breaks counted, what was not held and why."""

from __future__ import annotations

import time

from coopex.engines.scheduling.breaks import breaks_by_participant
from coopex.engines.scheduling.checks import base_domains
from coopex.engines.scheduling.objective import held_by_tier
from coopex.engines.scheduling.problem import (
    ScheduleResult,
    SchedulingProblem,
    Status,
    Unplaced,
)
from coopex.engines.scheduling.tables import assign_tables


def build_result(
    problem: SchedulingProblem,
    slots: dict[str, int],
    status: Status,
    bound: int,
    start: float,
    held_bound: tuple[int, int] | None = None,
) -> ScheduleResult:
    placements = assign_tables(problem, slots)
    breaks = breaks_by_participant(problem, placements)
    domains = base_domains(problem)
    unplaced = tuple(
        Unplaced(
            m.id,
            "no slot where both participants are available in its sessions"
            if not domains[m.id]
            else "did not fit beside the meetings held (mutual and higher priority first)",
        )
        for m in problem.meetings
        if m.id not in slots
    )
    held = held_by_tier(problem, slots)
    return ScheduleResult(
        status=status,
        placements=placements,
        unplaced=unplaced,
        breaks=sum(breaks.values()),
        bound=min(bound, sum(breaks.values())),
        seconds=time.perf_counter() - start,
        breaks_by_participant=breaks,
        moved=sum(1 for p in problem.previous if slots.get(p.meeting) != p.slot),
        held=held,
        held_bound=held if status == "optimal" and held_bound is None else held_bound,
    )
