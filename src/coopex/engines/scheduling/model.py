"""The CP-SAT model: which meeting goes in which slot, and the breaks that follows from it.

Tables are interchangeable, so the model has no table variables: at most `tables` meetings per
slot (and one per fixed table), tables are dealt out afterwards (`tables.py`).

Breaks. `busy[p,t]` is the sum of p's meeting literals in t (≤ 1). Within a day, `seen[p,t]`
says p has met at or before t (a prefix OR). A break *ends* at t when p is busy at t, idle at
t-1 and has met before: `gap[p,t] = busy[p,t] ∧ ¬busy[p,t-1] ∧ seen[p,t-1]`, so p's breaks are
`Σ_t gap[p,t]` — each idle run between two meetings ends exactly once. All three are defined
both ways (not just bounded from below) because fairness bounds the *least* breaks too.

CP-SAT finds good schedules fast (LNS) and proves the easy optima; the hard lower bounds of
all-required events come from the SAT prover (`prover.py`), whose implied constraints did not
help CP-SAT (measured on forum-13: no better in 60 s).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from coopex.engines.scheduling.breaks import day_segments
from coopex.engines.scheduling.problem import SchedulingProblem


@dataclass
class ScheduleModel:
    problem: SchedulingProblem
    domains: dict[str, list[int]]
    required: set[str]
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    # meeting -> slot -> literal
    x: dict[str, dict[int, cp_model.IntVar]] = field(default_factory=dict)
    held: dict[str, cp_model.IntVar] = field(default_factory=dict)
    # participant -> its break-end literals (their sum is its breaks)
    gaps: dict[str, list[cp_model.IntVar]] = field(default_factory=dict)
    breaks: dict[str, cp_model.IntVar] = field(default_factory=dict)
    total_breaks: cp_model.IntVar | None = None

    def build(self, max_breaks: int | None = None) -> None:
        """All hard constraints; `max_breaks` caps each participant (a known fairness cap)."""
        self._meetings()
        self._capacity()
        self._precedences()
        self._breaks(max_breaks)

    def _meetings(self) -> None:
        model = self.model
        for meeting in self.problem.meetings:
            literals = {
                t: model.new_bool_var(f"x_{meeting.id}_{t}") for t in self.domains[meeting.id]
            }
            self.x[meeting.id] = literals
            held = model.new_bool_var(f"held_{meeting.id}")
            model.add(sum(literals.values()) == held)
            if meeting.id in self.required:
                model.add(held == 1)
            self.held[meeting.id] = held

    def _capacity(self) -> None:
        per_slot: dict[int, list[cp_model.IntVar]] = defaultdict(list)
        per_table: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
        locked_table = {lock.meeting: lock.table for lock in self.problem.locked}
        for meeting in self.problem.meetings:
            table = locked_table.get(meeting.id, meeting.fixed_table)
            for t, literal in self.x[meeting.id].items():
                per_slot[t].append(literal)
                if table is not None:
                    per_table[(t, table)].append(literal)
        for literals in per_slot.values():
            if len(literals) > self.problem.tables:
                self.model.add(sum(literals) <= self.problem.tables)
        for literals in per_table.values():
            if len(literals) > 1:
                self.model.add_at_most_one(literals)

    def _precedences(self) -> None:
        model = self.model
        for earlier, later in self.problem.precedences:
            # when both are held, `earlier` is in a strictly earlier slot
            for t, literal in self.x[later].items():
                before = [lit for s, lit in self.x[earlier].items() if s < t]
                model.add(sum(before) >= 1).only_enforce_if([literal, self.held[earlier]])

    def participants_slots(self) -> dict[str, dict[int, list[cp_model.IntVar]]]:
        found: dict[str, dict[int, list[cp_model.IntVar]]] = defaultdict(lambda: defaultdict(list))
        for meeting in self.problem.meetings:
            for who in meeting.participants:
                for t, literal in self.x[meeting.id].items():
                    found[who][t].append(literal)
        return found

    def _breaks(self, max_breaks: int | None) -> None:
        model = self.model
        segments = day_segments(self.problem)
        for who, by_slot in self.participants_slots().items():
            gaps: list[cp_model.IntVar] = []
            for segment in segments:
                busy: list[cp_model.IntVar | int] = []
                for t in segment:
                    literals = by_slot.get(t, [])
                    if not literals:
                        busy.append(0)
                    elif len(literals) == 1:
                        busy.append(literals[0])
                    else:
                        flag = model.new_bool_var(f"busy_{who}_{t}")
                        model.add(sum(literals) == flag)
                        busy.append(flag)
                gaps.extend(self._segment_gaps(who, segment, busy))
            self.gaps[who] = gaps
            upper = len(gaps) if max_breaks is None else min(len(gaps), max_breaks)
            count = model.new_int_var(0, upper, f"breaks_{who}")
            model.add(sum(gaps) == count)
            self.breaks[who] = count
        self.total_breaks = model.new_int_var(0, sum(len(g) for g in self.gaps.values()), "breaks")
        model.add(sum(self.breaks.values()) == self.total_breaks)

    def _segment_gaps(
        self, who: str, segment: range, busy: list[cp_model.IntVar | int]
    ) -> list[cp_model.IntVar]:
        model = self.model
        gaps: list[cp_model.IntVar] = []
        seen: cp_model.IntVar | int = busy[0]
        for index in range(1, len(busy)):
            current, previous = busy[index], busy[index - 1]
            t = segment[index]
            if not isinstance(current, int) and not isinstance(seen, int):
                gap = model.new_bool_var(f"gap_{who}_{t}")
                parts: list[cp_model.IntVar] = [current]
                negated: list[cp_model.IntVar] = []
                if not isinstance(previous, int):
                    negated.append(previous)
                if not isinstance(seen, int):
                    parts.append(seen)
                # gap <-> current ∧ ¬previous ∧ seen
                model.add_bool_or([gap, *[p.Not() for p in parts], *negated])
                for part in parts:
                    model.add_implication(gap, part)
                for part in negated:
                    model.add_implication(gap, part.Not())
                gaps.append(gap)
            # seen[t] = seen[t-1] ∨ busy[t]
            if isinstance(current, int):
                continue
            if isinstance(seen, int):
                seen = current
            else:
                merged = model.new_bool_var(f"seen_{who}_{t}")
                model.add_bool_or([merged.Not(), seen, current])
                model.add_implication(seen, merged)
                model.add_implication(current, merged)
                seen = merged
        return gaps
