"""A schedule being built or improved: who is where, what each slot holds, what a change costs.

The large-event solver places, swaps and drops meetings one at a time through this class.
`fits` checks every hard rule (one meeting per participant and slot, tables per slot, fixed
tables, precedences, the per-person fairness cap) for a meeting about to be placed; the
local search checks the same rules for its swaps (`polish.py`). Each participant's busy
slots are a bit mask, so its breaks are a few popcounts.
"""

from __future__ import annotations

from collections import defaultdict

from coopex.engines.scheduling.breaks import day_segments
from coopex.engines.scheduling.problem import Meeting, SchedulingProblem


class Timetable:
    def __init__(
        self, problem: SchedulingProblem, domains: dict[str, list[int]], cap: int | None
    ) -> None:
        self.problem = problem
        self.domains = domains
        self.cap = cap  # most breaks anyone may have (the fairness bound, made per person)
        self.segments = day_segments(problem)
        self.day_masks = [sum(1 << t for t in segment) for segment in self.segments]
        self.by_id = {meeting.id: meeting for meeting in problem.meetings}
        locked = {lock.meeting: lock.table for lock in problem.locked}
        self.table_of: dict[str, int] = {}
        for meeting in problem.meetings:
            table = locked.get(meeting.id, meeting.fixed_table)
            if table is not None:
                self.table_of[meeting.id] = table
        self.earlier: dict[str, list[str]] = defaultdict(list)  # meetings that must precede
        self.later: dict[str, list[str]] = defaultdict(list)
        for first, second in problem.precedences:
            self.earlier[second].append(first)
            self.later[first].append(second)
        self.slot_of: dict[str, int] = {}
        self.at: dict[str, dict[int, str]] = defaultdict(dict)  # participant -> slot -> meeting
        self.mask: dict[str, int] = defaultdict(int)  # participant -> busy slots as bits
        self.members: list[list[str]] = [[] for _ in range(problem.slots)]
        self._position: dict[str, int] = {}  # meeting -> index in its slot's members
        self.cells: dict[tuple[int, int], str] = {}  # (slot, fixed table) -> meeting

    @property
    def load(self) -> list[int]:
        return [len(held) for held in self.members]

    def breaks_in(self, mask: int) -> int:
        """Breaks of someone busy in `mask`: per day, runs of busy slots minus one."""
        count = 0
        for day in self.day_masks:
            busy = mask & day
            if busy:
                count += (busy & ~(busy << 1)).bit_count() - 1
        return count

    def breaks(self, who: str) -> int:
        return self.breaks_in(self.mask[who])

    def total_breaks(self) -> int:
        return sum(self.breaks_in(mask) for mask in self.mask.values())

    def in_order(self, meeting_id: str, slot: int, moved: dict[str, int] | None = None) -> bool:
        """Precedences of `meeting_id` in `slot`, the others where they are (or in `moved`)."""
        where = {**self.slot_of, **(moved or {})}
        if any(where.get(e, -1) >= slot for e in self.earlier[meeting_id]):
            return False
        return all(where.get(lt, self.problem.slots) > slot for lt in self.later[meeting_id])

    def fits(self, meeting: Meeting, slot: int) -> bool:
        """Whether `meeting` (not placed) may go in `slot` beside what is placed."""
        if len(self.members[slot]) >= self.problem.tables:
            return False
        if any(slot in self.at[who] for who in meeting.participants):
            return False
        table = self.table_of.get(meeting.id)
        if table is not None and (slot, table) in self.cells:
            return False
        if (self.earlier[meeting.id] or self.later[meeting.id]) and not self.in_order(
            meeting.id, slot
        ):
            return False
        if self.cap is not None:
            bit = 1 << slot
            return all(
                self.breaks_in(self.mask[who] | bit) <= self.cap for who in meeting.participants
            )
        return True

    def place(self, meeting: Meeting, slot: int) -> None:
        self.slot_of[meeting.id] = slot
        self._position[meeting.id] = len(self.members[slot])
        self.members[slot].append(meeting.id)
        for who in meeting.participants:
            self.at[who][slot] = meeting.id
            self.mask[who] |= 1 << slot
        table = self.table_of.get(meeting.id)
        if table is not None:
            self.cells[(slot, table)] = meeting.id

    def remove(self, meeting: Meeting) -> None:
        slot = self.slot_of.pop(meeting.id)
        held = self.members[slot]
        index = self._position.pop(meeting.id)
        last = held.pop()
        if last != meeting.id:  # fill the hole with the last one
            held[index] = last
            self._position[last] = index
        for who in meeting.participants:
            del self.at[who][slot]
            self.mask[who] &= ~(1 << slot)
        table = self.table_of.get(meeting.id)
        if table is not None:
            del self.cells[(slot, table)]

    def added_breaks(self, meeting: Meeting, slot: int) -> int:
        bit = 1 << slot
        return sum(
            self.breaks_in(self.mask[who] | bit) - self.breaks(who) for who in meeting.participants
        )

    def neighbours(self, meeting: Meeting, slot: int) -> int:
        """How many of the participants' meetings sit right next to `slot` (runs grow)."""
        return sum(
            (slot - 1 in self.at[who]) + (slot + 1 in self.at[who]) for who in meeting.participants
        )
