"""Breaks of a schedule, counted the benchmark's way, and the check that a schedule is valid."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable

from coopex.engines.scheduling.problem import Placement, SchedulingProblem


def day_segments(problem: SchedulingProblem) -> list[range]:
    """Runs of consecutive slots within one day: breaks never span two of them."""
    starts = sorted({0, *(s for s in problem.day_starts if 0 < s < problem.slots)})
    ends = [*starts[1:], problem.slots]
    return [range(start, end) for start, end in zip(starts, ends, strict=True)]


def breaks_of(slots: Iterable[int], segments: list[range]) -> int:
    """Idle runs between two meetings of the same day (their length does not matter)."""
    taken = set(slots)
    count = 0
    for segment in segments:
        used = [t for t in segment if t in taken]
        count += sum(1 for a, b in itertools.pairwise(used) if b > a + 1)
    return count


def breaks_by_participant(
    problem: SchedulingProblem, placements: Iterable[Placement]
) -> dict[str, int]:
    slots_of: dict[str, list[int]] = defaultdict(list)
    by_id = {meeting.id: meeting for meeting in problem.meetings}
    for placement in placements:
        for who in by_id[placement.meeting].participants:
            slots_of[who].append(placement.slot)
    segments = day_segments(problem)
    return {who: breaks_of(slots_of.get(who, ()), segments) for who in problem.everyone()}


def violations(problem: SchedulingProblem, placements: Iterable[Placement]) -> list[str]:
    """Every hard rule a set of placements breaks (empty = a valid schedule).

    Fairness and "all required" are checked too; a meeting left out is not a violation
    otherwise.
    """
    placed = list(placements)
    found: list[str] = []
    by_id = {meeting.id: meeting for meeting in problem.meetings}
    slot_of: dict[str, int] = {}
    seen_cells: dict[tuple[int, int], str] = {}
    seen_people: dict[tuple[str, int], str] = {}
    for placement in placed:
        meeting = by_id.get(placement.meeting)
        if meeting is None:
            found.append(f"{placement.meeting}: not a meeting of the problem")
            continue
        if placement.meeting in slot_of:
            found.append(f"{placement.meeting}: placed twice")
        slot_of[placement.meeting] = placement.slot
        slot, table = placement.slot, placement.table
        if not (0 <= slot < problem.slots and 0 <= table < problem.tables):
            found.append(f"{meeting.id}: slot {slot} / table {table} out of range")
            continue
        other = seen_cells.setdefault((slot, table), meeting.id)
        if other != meeting.id:
            found.append(f"table {table} holds {other} and {meeting.id} in slot {slot}")
        for who in meeting.participants:
            other = seen_people.setdefault((who, slot), meeting.id)
            if other != meeting.id:
                found.append(f"{who} is in {other} and {meeting.id} in slot {slot}")
            if slot in problem.unavailable.get(who, frozenset()):
                found.append(f"{meeting.id}: {who} is unavailable in slot {slot}")
        if meeting.sessions is not None and problem.slot_sessions[slot] not in meeting.sessions:
            found.append(f"{meeting.id}: slot {slot} is outside its sessions")
        if meeting.fixed_slot is not None and slot != meeting.fixed_slot:
            found.append(f"{meeting.id}: fixed to slot {meeting.fixed_slot}, placed in {slot}")
        if meeting.fixed_table is not None and table != meeting.fixed_table:
            found.append(f"{meeting.id}: fixed to table {meeting.fixed_table}, given {table}")
    for lock in problem.locked:
        if (lock.meeting, lock.slot) not in {(p.meeting, p.slot) for p in placed}:
            found.append(f"{lock.meeting}: locked in slot {lock.slot}, moved or dropped")
    for meeting in problem.meetings:
        if meeting.id not in slot_of and (problem.all_required or meeting.fixed_slot is not None):
            found.append(f"{meeting.id}: required but not held")
    for earlier, later in problem.precedences:
        if earlier in slot_of and later in slot_of and slot_of[earlier] >= slot_of[later]:
            found.append(f"{earlier} must come before {later}")
    if problem.max_break_difference is not None:
        breaks = breaks_by_participant(problem, placed)
        if breaks and max(breaks.values()) - min(breaks.values()) > problem.max_break_difference:
            found.append(
                f"breaks range from {min(breaks.values())} to {max(breaks.values())}, "
                f"more than {problem.max_break_difference} apart"
            )
    return found
