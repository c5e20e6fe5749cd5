"""Deal tables out within each slot once the slots are chosen (tables are interchangeable)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from coopex.engines.scheduling.problem import Placement, SchedulingProblem


def assign_tables(problem: SchedulingProblem, slots: Mapping[str, int]) -> tuple[Placement, ...]:
    """Locked tables first, then fixed tables, then the previous table if free, then the lowest.

    The solver keeps at most `tables` meetings per slot and one per fixed table, so this never
    runs out; a `ValueError` here means the caller broke that promise.
    """
    locked = {lock.meeting: lock.table for lock in problem.locked}
    previous = {placement.meeting: placement for placement in problem.previous}
    by_id = {meeting.id: meeting for meeting in problem.meetings}
    order = {meeting.id: index for index, meeting in enumerate(problem.meetings)}
    per_slot: dict[int, list[str]] = defaultdict(list)
    for meeting_id, slot in slots.items():
        per_slot[slot].append(meeting_id)
    placements: list[Placement] = []
    for slot, ids in sorted(per_slot.items()):
        if len(ids) > problem.tables:
            raise ValueError(f"slot {slot} holds {len(ids)} meetings for {problem.tables} tables")
        taken: dict[int, str] = {}
        chosen: dict[str, int] = {}
        for meeting_id in sorted(ids, key=order.__getitem__):
            table = locked.get(meeting_id, by_id[meeting_id].fixed_table)
            if table is None:
                continue
            if table in taken:
                raise ValueError(f"slot {slot}: {taken[table]} and {meeting_id} need table {table}")
            taken[table] = meeting_id
            chosen[meeting_id] = table
        for meeting_id in sorted(ids, key=order.__getitem__):
            before = previous.get(meeting_id)
            if meeting_id in chosen or before is None or before.slot != slot:
                continue
            if before.table not in taken:
                taken[before.table] = meeting_id
                chosen[meeting_id] = before.table
        free = (table for table in range(problem.tables) if table not in taken)
        for meeting_id in sorted(ids, key=order.__getitem__):
            if meeting_id not in chosen:
                chosen[meeting_id] = next(t for t in free if t not in taken)
        placements.extend(Placement(meeting_id, slot, chosen[meeting_id]) for meeting_id in ids)
    return tuple(sorted(placements, key=lambda placement: order[placement.meeting]))
