"""Large events (hundreds of participants, thousands of requests): decompose, then polish.

The monolithic CP-SAT model of such an event (≈ 130,000 meeting–slot literals at 1,000
participants) is not even presolved within a minute on two cores, and from about 1,000
meeting–slot pairs on it already holds less than this decomposition; events with optional
meetings beyond `LARGE` pairs are solved here instead, level by level of the objective:

1. **Which meetings, in which session.** A linear relaxation per session
   (`relaxation.py`) bounds the weight that can be held, tier by tier (mutual, then
   one-sided), and its optimum — integral on the events measured — chooses the meetings.
2. **A first schedule.** Locked and fixed meetings, then a previous schedule's placements
   (re-scheduling), then every meeting in the relaxation's order, each in the slot that adds
   the fewest breaks, within the per-person fairness cap. Valid, and the fallback.
3. **Every chosen meeting a slot.** When the first schedule holds less than the relaxation
   chose, an edge colouring by CP-SAT (`colouring.py`) gives every chosen meeting a slot —
   in its session if that can work, else anywhere — starting from the first schedule; it
   ignores breaks.
4. **Breaks.** Simulated annealing (`polish.py`) moves meetings along Kempe chains and
   exchanges meetings for others of the same worth, penalising breaks above the fairness
   cap, until the time limit; then anyone still above the cap loses meetings, and freed
   places are refilled.
5. **Report.** The best valid schedule among these, the previous one as it was and the
   greedy baseline's (so never worse than either), its held value per tier against the
   relaxation's bounds (the one-sided tier's among schedules holding at least as much mutual
   weight), and its breaks with the bound 0 (no lower bound on breaks is proven at this size).

Fairness is kept as "nobody has more than d breaks", which implies max − min ≤ d.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable

from coopex.engines.scheduling.breaks import breaks_by_participant, violations
from coopex.engines.scheduling.colouring import colour
from coopex.engines.scheduling.greedy import greedy_slots
from coopex.engines.scheduling.objective import MUTUAL, ONE_SIDED, held_by_tier, tier, value
from coopex.engines.scheduling.polish import Annealer, enforce_cap, fill
from coopex.engines.scheduling.problem import Meeting, ScheduleResult, SchedulingProblem
from coopex.engines.scheduling.relaxation import HeldRelaxation, Relaxed
from coopex.engines.scheduling.result import build_result
from coopex.engines.scheduling.tables import assign_tables
from coopex.engines.scheduling.timetable import Timetable

# meeting–slot pairs from which the monolithic model is not tried: from ~1,000 on it held
# less and left more breaks within the same time than this path (docs/scheduling.md)
LARGE = 1_000
RESERVE = 2.0  # seconds kept for the last bound, the comparison and the result
COLOUR_SHARE = 0.3  # of the time left, at most, for each colouring tried


def is_large(problem: SchedulingProblem, domains: dict[str, list[int]]) -> bool:
    return not problem.all_required and sum(map(len, domains.values())) >= LARGE


def solve_large(
    problem: SchedulingProblem,
    domains: dict[str, list[int]],
    required: set[str],
    *,
    start: float,
    time_limit: float,
    workers: int,
    seed: int = 0,
) -> ScheduleResult | None:
    """A valid schedule with its held bounds, by `start` + `time_limit` (perf_counter).

    None when no valid schedule was found this way (fixed meetings beyond the per-person
    cap): the caller then tries the exact model.
    """
    deadline = start + time_limit
    reserve = min(RESERVE, time_limit / 5)

    def left() -> float:
        return deadline - time.perf_counter()

    relaxation = HeldRelaxation(problem, domains)
    mutual_bound = relaxation.solve(MUTUAL).bound
    guide = relaxation.solve(ONE_SIDED, {MUTUAL: mutual_bound})
    order = _order(problem, guide)
    sessions = {m: s for m, s in guide.sessions.items() if guide.fractions[m] > 0.5}
    first = _first_schedule(problem, domains, required, order, sessions)
    if first is None:
        return None
    previous = {p.meeting: p.slot for p in problem.previous}
    timetable = _colour_chosen(
        first, required, sessions, previous, lambda: left() * COLOUR_SHARE, workers
    ) or _copy(first)  # the first schedule stays a candidate as it is
    annealer = Annealer(timetable, required, previous, random.Random(seed))
    annealer.run(lambda: left() - reserve)
    annealer.restore()
    enforce_cap(timetable, required)
    fill(timetable, order)
    # the previous schedule as it was is a candidate too: re-scheduling never does worse
    kept = {m: t for m, t in previous.items() if m in first.by_id and t in domains[m]}
    slots = _best(problem, [timetable.slot_of, first.slot_of, kept, greedy_slots(problem)])
    if slots is None:
        return None
    held = held_by_tier(problem, slots)
    bounds = (mutual_bound, relaxation.solve(ONE_SIDED, {MUTUAL: held[MUTUAL]}).bound)
    breaks = sum(breaks_by_participant(problem, assign_tables(problem, slots)).values())
    moved = any(slots.get(p.meeting) != p.slot for p in problem.previous)
    proven = held == bounds and breaks == 0 and not moved
    return build_result(
        problem, slots, "optimal" if proven else "feasible", 0, start, held_bound=bounds
    )


def _order(problem: SchedulingProblem, guide: Relaxed) -> list[Meeting]:
    """Mutual first; within a tier what the relaxation holds, then by priority."""
    rank = {meeting.id: index for index, meeting in enumerate(problem.meetings)}
    return sorted(
        problem.meetings,
        key=lambda m: (tier(m), -round(guide.fractions.get(m.id, 0.0), 3), -value(m), rank[m.id]),
    )


def _first_schedule(
    problem: SchedulingProblem,
    domains: dict[str, list[int]],
    required: set[str],
    order: list[Meeting],
    sessions: dict[str, int],
) -> Timetable | None:
    timetable = Timetable(problem, domains, problem.max_break_difference)
    by_id = timetable.by_id
    for meeting_id in sorted(required, key=list(by_id).index):
        meeting = by_id[meeting_id]
        if not domains[meeting_id] or not timetable.fits(meeting, domains[meeting_id][0]):
            return None
        timetable.place(meeting, domains[meeting_id][0])
    for placement in problem.previous:
        meeting = by_id[placement.meeting]
        if (
            meeting.id not in timetable.slot_of
            and placement.slot in domains[meeting.id]
            and timetable.fits(meeting, placement.slot)
        ):
            timetable.place(meeting, placement.slot)
    fill(timetable, order, sessions)
    return timetable


def _colour_chosen(
    first: Timetable,
    required: set[str],
    sessions: dict[str, int],
    previous: dict[str, int],
    budget: Callable[[], float],
    workers: int,
) -> Timetable | None:
    """Every meeting the relaxation chose (and the fixed ones) in a slot, or None.

    First each in the session the relaxation chose for it — when no one then has more
    meetings in a session than slots — which is the smaller model; else, or when that fails,
    anywhere in its domain (the relaxation may split a meeting between sessions).
    """
    problem = first.problem
    chosen = [m for m in problem.meetings if m.id in sessions or m.id in required]
    if held_by_tier(problem, (m.id for m in chosen)) <= held_by_tier(problem, first.slot_of):
        return None
    anywhere = {m.id: first.domains[m.id] for m in chosen}
    in_session = {
        m.id: [t for t in anywhere[m.id] if problem.slot_sessions[t] == sessions[m.id]]
        for m in chosen
        if m.id not in required
    }
    attempts = [anywhere]
    if _sessions_hold(problem, chosen, {**anywhere, **in_session}):
        attempts.insert(0, {**anywhere, **in_session})
    for allowed in attempts:
        slots = colour(first, chosen, allowed, budget(), workers, previous)
        if slots is not None:
            coloured = Timetable(problem, first.domains, first.cap)
            for meeting in chosen:
                coloured.place(meeting, slots[meeting.id])
            return coloured
    return None


def _sessions_hold(
    problem: SchedulingProblem, chosen: list[Meeting], allowed: dict[str, list[int]]
) -> bool:
    """Nobody has more meetings than usable slots in a session, no session more than tables."""
    sessions = problem.slot_sessions
    meetings: dict[tuple[str, int], int] = defaultdict(int)
    usable: dict[tuple[str, int], set[int]] = defaultdict(set)
    per_session: dict[int, int] = defaultdict(int)
    for meeting in chosen:
        if not allowed[meeting.id]:
            return False
        session = sessions[allowed[meeting.id][0]]
        per_session[session] += 1
        for who in meeting.participants:
            meetings[(who, session)] += 1
            usable[(who, session)].update(allowed[meeting.id])
    return all(count <= len(usable[key]) for key, count in meetings.items()) and all(
        count <= problem.tables * sessions.count(s) for s, count in per_session.items()
    )


def _copy(timetable: Timetable) -> Timetable:
    twin = Timetable(timetable.problem, timetable.domains, timetable.cap)
    for meeting_id, slot in timetable.slot_of.items():
        twin.place(timetable.by_id[meeting_id], slot)
    return twin


def _best(problem: SchedulingProblem, schedules: list[dict[str, int]]) -> dict[str, int] | None:
    """The valid schedule holding most, then with fewest breaks, then fewest moves."""
    previous = {p.meeting: p.slot for p in problem.previous}
    ranked = []
    for index, slots in enumerate(schedules):
        placements = assign_tables(problem, slots)
        if violations(problem, placements):
            continue
        breaks = sum(breaks_by_participant(problem, placements).values())
        moved = sum(1 for m, t in previous.items() if slots.get(m) != t)
        ranked.append((held_by_tier(problem, slots), -breaks, -moved, -index))
    if not ranked:
        return None
    return schedules[-max(ranked)[3]]
