"""The baseline: what simple scheduling tools do (first free slot, in request order).

Locked and fixed meetings go first; the rest follow in request order (mutual and higher
priority first when not every meeting is required), each in the earliest slot where both
participants are free and available, a table is free, its session allows it and the meetings
it must follow are already earlier. No look-ahead, no care for breaks or fairness.
"""

from __future__ import annotations

import time
from collections import defaultdict

from coopex.engines.scheduling.breaks import breaks_by_participant, violations
from coopex.engines.scheduling.checks import (
    base_domains,
    precedence_cycle,
    required_ids,
    validate,
)
from coopex.engines.scheduling.objective import held_by_tier
from coopex.engines.scheduling.polish import enforce_cap
from coopex.engines.scheduling.problem import (
    Meeting,
    ScheduleResult,
    SchedulingProblem,
    Unplaced,
)
from coopex.engines.scheduling.tables import assign_tables
from coopex.engines.scheduling.timetable import Timetable


def greedy_slots(problem: SchedulingProblem) -> dict[str, int]:
    domains = base_domains(problem)
    locked = {lock.meeting for lock in problem.locked}
    pinned = [m for m in problem.meetings if m.id in locked or m.fixed_slot is not None]
    rest = [m for m in problem.meetings if m.id not in locked and m.fixed_slot is None]
    if not problem.all_required:
        rest.sort(key=lambda m: (not m.mutual, -m.priority))
    must_follow: dict[str, list[str]] = defaultdict(list)
    for earlier, later in problem.precedences:
        must_follow[later].append(earlier)
    order = _respecting_precedences([*pinned, *rest], problem.precedences)
    slot_of: dict[str, int] = {}
    busy: set[tuple[str, int]] = set()
    used: dict[int, int] = defaultdict(int)
    fixed_tables: set[tuple[int, int]] = set()
    locked_table = {lock.meeting: lock.table for lock in problem.locked}
    for meeting in order:
        after = max((slot_of[e] for e in must_follow[meeting.id] if e in slot_of), default=-1)
        table = locked_table.get(meeting.id, meeting.fixed_table)
        for t in domains[meeting.id]:
            if (
                t > after
                and used[t] < problem.tables
                and all((who, t) not in busy for who in meeting.participants)
                and (table is None or (t, table) not in fixed_tables)
            ):
                slot_of[meeting.id] = t
                used[t] += 1
                busy.update((who, t) for who in meeting.participants)
                if table is not None:
                    fixed_tables.add((t, table))
                break
    # a meeting placed before one it must follow was placed (cycles, odd orders): drop it
    for earlier, later in problem.precedences:
        if earlier in slot_of and later in slot_of and slot_of[earlier] >= slot_of[later]:
            del slot_of[later]
    return slot_of


def _respecting_precedences(
    meetings: list[Meeting], precedences: tuple[tuple[str, str], ...]
) -> list[Meeting]:
    """A stable order that puts each meeting after those it must follow (when acyclic)."""
    if not precedences or precedence_cycle(list(precedences)) is not None:
        return meetings
    rank = {meeting.id: index for index, meeting in enumerate(meetings)}
    earlier_of: dict[str, list[str]] = defaultdict(list)
    for earlier, later in precedences:
        earlier_of[later].append(earlier)
    done: set[str] = set()
    ordered: list[Meeting] = []
    by_id = {meeting.id: meeting for meeting in meetings}

    def visit(meeting_id: str) -> None:
        stack = [meeting_id]
        while stack:
            current = stack[-1]
            waiting = [e for e in earlier_of[current] if e not in done]
            if waiting:
                stack.append(min(waiting, key=rank.__getitem__))
                continue
            stack.pop()
            if current not in done:
                done.add(current)
                ordered.append(by_id[current])

    for meeting in meetings:
        visit(meeting.id)
    return ordered


def greedy(problem: SchedulingProblem) -> ScheduleResult:
    """First-free-slot schedule. Status "feasible" when it breaks no rule, else "unknown"."""
    start = time.perf_counter()
    validate(problem)
    slot_of = greedy_slots(problem)
    placements = assign_tables(problem, slot_of)
    breaks = breaks_by_participant(problem, placements)
    valid = not violations(problem, placements)
    return ScheduleResult(
        status="feasible" if valid else "unknown",
        placements=placements,
        unplaced=tuple(
            Unplaced(m.id, "no free slot left for both participants when its turn came")
            for m in problem.meetings
            if m.id not in slot_of
        ),
        breaks=sum(breaks.values()),
        bound=None,
        seconds=time.perf_counter() - start,
        breaks_by_participant=breaks,
        moved=sum(
            1 for p in problem.previous if p.meeting not in slot_of or slot_of[p.meeting] != p.slot
        ),
        held=held_by_tier(problem, slot_of),
    )


def fair_greedy_slots(problem: SchedulingProblem, cap: int | None) -> dict[str, int] | None:
    """Greedy, then meetings dropped until nobody has more than `cap` breaks.

    A valid (if poor) schedule to start from, or to fall back on. Drops, for the participant
    with the most breaks, the meeting whose removal costs its partner the fewest new breaks
    (then the least weight): `polish.enforce_cap`. `None` when a required meeting would have
    to go.
    """
    slot_of = greedy_slots(problem)
    if cap is None:
        return slot_of
    timetable = Timetable(problem, base_domains(problem), cap)
    for meeting in problem.meetings:
        if meeting.id in slot_of:
            timetable.place(meeting, slot_of[meeting.id])
    enforce_cap(timetable, required_ids(problem))
    if any(timetable.breaks(who) > cap for who in timetable.mask):
        return None
    return dict(timetable.slot_of)
