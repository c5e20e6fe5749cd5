"""The hard rules of an all-required event as clauses, with a literal per break.

Implied constraints (IC1 and IC2 of Bofill et al., JAIR 2022): a participant is busy in
exactly as many slots as they have meetings; a slot seats at most 2 × tables busy
participants. And "one run": a participant with no break fills one window of k slots.

Clauses (as in `model.py`): one slot per meeting; ≤ 1 meeting per participant and slot;
≤ `tables` per slot; one meeting per fixed table and slot; precedences; `busy`, `seen` (met at
or before t in the day) and `gap` (a break ends at t), defined both ways; at most the
fairness cap of gaps per participant.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pysat.card import CardEnc, EncType
from pysat.formula import IDPool

from coopex.engines.scheduling.breaks import day_segments
from coopex.engines.scheduling.problem import SchedulingProblem


@dataclass
class Formula:
    """The hard rules as clauses, the break literals and the meeting–slot literals."""

    clauses: list[list[int]]
    gaps: list[int]
    x: dict[str, dict[int, int]]
    top: int

    def slots(self, model: list[int]) -> dict[str, int]:
        """Each meeting's slot in a satisfying assignment."""
        true = {literal for literal in model if literal > 0}
        return {
            meeting: next(t for t, literal in literals.items() if literal in true)
            for meeting, literals in self.x.items()
        }


@dataclass
class _Encoder:
    problem: SchedulingProblem
    domains: dict[str, list[int]]
    pool: IDPool = field(default_factory=IDPool)
    clauses: list[list[int]] = field(default_factory=list)

    def card(self, literals: list[int], bound: int, exactly: bool = False) -> None:
        encode = CardEnc.equals if exactly else CardEnc.atmost
        encoding = EncType.ladder if bound == 1 else EncType.seqcounter
        self.clauses.extend(encode(literals, bound, vpool=self.pool, encoding=encoding).clauses)

    def encode(self, cap: int | None, implied: bool) -> Formula:
        problem, pool = self.problem, self.pool
        per_slot: dict[int, list[int]] = defaultdict(list)
        per_table: dict[tuple[int, int], list[int]] = defaultdict(list)
        mine: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        counts: dict[str, int] = defaultdict(int)
        locked_table = {lock.meeting: lock.table for lock in problem.locked}
        x: dict[str, dict[int, int]] = {}
        for meeting in problem.meetings:
            literals = {t: pool.id(("x", meeting.id, t)) for t in self.domains[meeting.id]}
            x[meeting.id] = literals
            if not literals:
                self.clauses.append([])  # a required meeting without a slot
                continue
            self.card(list(literals.values()), 1, exactly=True)
            table = locked_table.get(meeting.id, meeting.fixed_table)
            for t, literal in literals.items():
                per_slot[t].append(literal)
                if table is not None:
                    per_table[(t, table)].append(literal)
                for who in meeting.participants:
                    mine[who][t].append(literal)
            for who in meeting.participants:
                counts[who] += 1
        for in_slot in per_slot.values():
            if len(in_slot) > problem.tables:
                self.card(in_slot, problem.tables)
        for at_table in per_table.values():
            if len(at_table) > 1:
                self.card(at_table, 1)
        for earlier, later in problem.precedences:
            for t, literal in x[later].items():
                self.clauses.append([-literal, *(v for s, v in x[earlier].items() if s < t)])
        gaps = self._participants(mine, counts, cap, implied)
        self._break_reversal(x)
        return Formula(self.clauses, gaps, x, pool.top)

    def _break_reversal(self, x: dict[str, dict[int, int]]) -> None:
        """Played backwards, a schedule keeps its breaks: when every rule reads the same
        backwards, keep only schedules whose busiest meeting sits in the first half.

        Halves what a proof of "no schedule with k breaks" must explore.
        """
        last = self.problem.slots - 1
        if not reversible(self.problem, self.domains) or not x:
            return
        busiest = max(x, key=lambda meeting: len(x[meeting]))
        self.clauses.extend([-literal] for t, literal in x[busiest].items() if 2 * t > last)

    def _participants(
        self,
        mine: dict[str, dict[int, list[int]]],
        counts: dict[str, int],
        cap: int | None,
        implied: bool,
    ) -> list[int]:
        segments = day_segments(self.problem)
        seated: dict[int, list[int]] = defaultdict(list)
        every_gap: list[int] = []
        for who, by_slot in mine.items():
            busy: dict[int, int] = {}
            for t, theirs in by_slot.items():
                if len(theirs) > 1:
                    self.card(theirs, 1)
                flag = self.pool.id(("busy", who, t))
                busy[t] = flag
                seated[t].append(flag)
                self.clauses.append([-flag, *theirs])
                self.clauses.extend([-literal, flag] for literal in theirs)
            gaps: list[int] = []
            for segment in segments:
                gaps.extend(self._gaps(who, segment, busy))
            if cap is not None and len(gaps) > cap:
                if cap > 0:
                    self.card(gaps, cap)
                else:
                    self.clauses.extend([-g] for g in gaps)
            if implied:
                if len(busy) > counts[who]:  # IC1
                    self.card(list(busy.values()), counts[who], exactly=True)
                if gaps and len(segments) == 1:
                    self._one_run(who, counts[who], busy, gaps)
            every_gap.extend(gaps)
        if implied:
            for flags in seated.values():  # IC2
                if len(flags) > 2 * self.problem.tables:
                    self.card(flags, 2 * self.problem.tables)
        return every_gap

    def _gaps(self, who: str, segment: range, busy: dict[int, int]) -> list[int]:
        pool, clauses = self.pool, self.clauses
        gaps: list[int] = []
        seen: int | None = None
        for t in segment:
            if t not in busy:
                continue
            if seen is None:
                seen = busy[t]
                continue
            gap = pool.id(("gap", who, t))
            idle_before = busy.get(t - 1) if t - 1 in segment else None
            # gap <-> busy[t] ∧ ¬busy[t-1] ∧ seen[t-1]
            clauses.append([gap, -busy[t], -seen, *([idle_before] if idle_before else [])])
            clauses.append([-gap, busy[t]])
            clauses.append([-gap, seen])
            if idle_before:
                clauses.append([-gap, -idle_before])
            gaps.append(gap)
            merged = pool.id(("seen", who, t))
            clauses.extend([[-merged, seen, busy[t]], [-seen, merged], [-busy[t], merged]])
            seen = merged
        return gaps

    def _one_run(self, who: str, count: int, busy: dict[int, int], gaps: list[int]) -> None:
        """No break iff the participant's `count` meetings fill one window of `count` slots."""
        pool, clauses = self.pool, self.clauses
        starts = {
            s: pool.id(("run", who, s))
            for s in range(self.problem.slots - count + 1)
            if all(t in busy for t in range(s, s + count))
        }
        compact = pool.id(("compact", who))
        clauses.append([-compact, *starts.values()])
        if len(starts) > 1:
            self.card(list(starts.values()), 1)
        for s, literal in starts.items():
            clauses.append([-literal, compact])
            clauses.extend([-literal, busy[t]] for t in range(s, s + count))
        clauses.append([compact, *gaps])
        for t, flag in busy.items():
            clauses.append([-compact, -flag, *(v for s, v in starts.items() if s <= t < s + count)])


def reversible(problem: SchedulingProblem, domains: dict[str, list[int]]) -> bool:
    """Whether the schedule played backwards is always a schedule with the same breaks."""
    last = problem.slots - 1
    if problem.precedences or problem.previous:
        return False
    starts = {s for s in problem.day_starts if 0 < s <= last}
    if {last + 1 - s for s in starts} != starts:
        return False
    return all({last - t for t in slots} == set(slots) for slots in domains.values())


def encode(
    problem: SchedulingProblem, domains: dict[str, list[int]], cap: int | None, implied: bool
) -> Formula:
    return _Encoder(problem, domains).encode(cap, implied)
