"""Breaks as weighted MaxSAT, solved core-guided (RC2): the prover for all-required events.

Why a second engine: the benchmark's optima are tiny (0–6 breaks on the real events) and the
question is "is there a schedule with one break fewer?". A core-guided MaxSAT solver asks
exactly that, one unsatisfiable core per unit of bound, which is how the paper's best results
were obtained. CP-SAT's own core worker did not refute even "0 breaks" on forum-13crafc in 30 s;
RC2 with the implied constraints below proves its optimum 1 in seconds.

Clauses (the same meaning as `model.py`): one slot per meeting; ≤ 1 meeting per participant
and slot; ≤ `tables` meetings per slot (sequential counter); precedences; `busy`, `seen`
(met at or before t in the day) and `gap` (a break ends at t), defined both ways; ≤ the
fairness cap of gaps per participant. Soft: ¬gap, weight 1.

Implied ("one run"): a participant whose k meetings are all required has no break iff they
fill one window of k slots. A literal per window, `compact` = one window chosen, and
¬compact → some gap. Without it RC2 is ~10× slower on forum-13.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass

from pysat.card import CardEnc, EncType
from pysat.examples.rc2 import RC2
from pysat.formula import WCNF, IDPool
from pysat.solvers import Solver

from coopex.engines.scheduling.breaks import day_segments
from coopex.engines.scheduling.problem import SchedulingProblem


class _BoundedRC2(RC2):  # type: ignore[misc]
    """RC2 whose bound stays valid when interrupted.

    On an interrupted SAT call RC2 "finishes the current iteration": it treats the call as
    unsatisfiable and adds the weight of a core that was never proven to its cost, so `cost`
    after an interrupt can exceed the optimum (we saw 33 on an instance whose optimum is 30).
    `proven` is the cost after the last core found by a call that really answered.
    """

    proven = 0
    tainted = False

    def _call_oracle(
        self, assumptions: list[int] | None = None, expect_interrupt: bool = False
    ) -> bool | None:
        answer: bool | None = super()._call_oracle(assumptions or [], expect_interrupt)
        if answer is None:
            self.tainted = True
        return answer

    def process_core(self) -> None:
        super().process_core()
        if not self.tainted:
            self.proven = self.cost


@dataclass(frozen=True, slots=True)
class MaxSatOutcome:
    """`slots` (meeting -> slot) when solved to optimum; `None` with `infeasible` or a timeout."""

    slots: dict[str, int] | None
    breaks: int | None
    lower_bound: int  # proven even when interrupted
    infeasible: bool
    finished: bool


class BreaksMaxSat:
    def __init__(
        self, problem: SchedulingProblem, domains: dict[str, list[int]], cap: int | None
    ) -> None:
        self.problem = problem
        self.domains = domains
        self.pool = IDPool()
        self.wcnf = WCNF()
        self.x: dict[str, dict[int, int]] = {}
        self._solver: _BoundedRC2 | None = None
        self._stop = threading.Event()
        self._encode(cap)

    def _card(self, literals: list[int], bound: int, exactly: bool = False) -> None:
        encode = CardEnc.equals if exactly else CardEnc.atmost
        encoding = EncType.ladder if bound == 1 else EncType.seqcounter
        self.wcnf.extend(encode(literals, bound, vpool=self.pool, encoding=encoding).clauses)

    def _encode(self, cap: int | None) -> None:
        problem, pool, hard = self.problem, self.pool, self.wcnf
        per_slot: dict[int, list[int]] = defaultdict(list)
        mine: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        counts: dict[str, int] = defaultdict(int)
        locked_table = {lock.meeting: lock.table for lock in problem.locked}
        per_table: dict[tuple[int, int], list[int]] = defaultdict(list)
        for meeting in problem.meetings:
            literals = {t: pool.id(("x", meeting.id, t)) for t in self.domains[meeting.id]}
            self.x[meeting.id] = literals
            if not literals:
                hard.append([])  # a required meeting without a slot: unsatisfiable
                continue
            self._card(list(literals.values()), 1, exactly=True)
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
                self._card(in_slot, problem.tables)
        for at_table in per_table.values():
            if len(at_table) > 1:
                self._card(at_table, 1)
        for earlier, later in problem.precedences:
            for t, literal in self.x[later].items():
                hard.append([-literal, *(v for s, v in self.x[earlier].items() if s < t)])
        segments = day_segments(problem)
        for who, by_slot in mine.items():
            busy: dict[int, int] = {}
            for t, theirs in by_slot.items():
                if len(theirs) > 1:
                    self._card(theirs, 1)
                flag = pool.id(("busy", who, t))
                busy[t] = flag
                hard.append([-flag, *theirs])
                for literal in theirs:
                    hard.append([-literal, flag])
            gaps: list[int] = []
            for segment in segments:
                gaps.extend(self._gaps(who, segment, busy))
            if cap is not None and len(gaps) > cap:
                self._card(gaps, cap) if cap > 0 else hard.extend([[-g] for g in gaps])
            for gap in gaps:
                hard.append([-gap], weight=1)
            if gaps and len(segments) == 1:
                self._one_run(who, counts[who], busy, gaps)

    def _gaps(self, who: str, segment: range, busy: dict[int, int]) -> list[int]:
        pool, hard = self.pool, self.wcnf
        gaps: list[int] = []
        seen: int | None = None
        for t in segment:
            if t not in busy:
                continue
            if seen is not None:
                gap = pool.id(("gap", who, t))
                idle_before = busy.get(t - 1) if t - 1 in segment else None
                # gap <-> busy[t] ∧ ¬busy[t-1] ∧ seen[t-1]
                hard.append([gap, -busy[t], -seen, *([idle_before] if idle_before else [])])
                hard.append([-gap, busy[t]])
                hard.append([-gap, seen])
                if idle_before:
                    hard.append([-gap, -idle_before])
                gaps.append(gap)
                merged = pool.id(("seen", who, t))
                hard.append([-merged, seen, busy[t]])
                hard.append([-seen, merged])
                hard.append([-busy[t], merged])
                seen = merged
            else:
                seen = busy[t]
        return gaps

    def _one_run(self, who: str, count: int, busy: dict[int, int], gaps: list[int]) -> None:
        pool, hard = self.pool, self.wcnf
        starts = {
            s: pool.id(("run", who, s))
            for s in range(self.problem.slots - count + 1)
            if all(t in busy for t in range(s, s + count))
        }
        compact = pool.id(("compact", who))
        hard.append([-compact, *starts.values()])
        if len(starts) > 1:
            self._card(list(starts.values()), 1)
        for s, literal in starts.items():
            hard.append([-literal, compact])
            for t in range(s, s + count):
                hard.append([-literal, busy[t]])
        hard.append([compact, *gaps])
        for t, flag in busy.items():
            hard.append([-compact, -flag, *(v for s, v in starts.items() if s <= t < s + count)])

    def interrupt(self) -> None:
        """Stop a running `solve` from another thread (it then reports its bound so far)."""
        self._stop.set()
        if self._solver is not None:
            self._solver.interrupt()

    def feasible(self, seconds: float) -> dict[str, int] | bool | None:
        """Any schedule that keeps the hard rules (plain SAT, no objective): a starting point.

        Returns the slots, `False` when proven infeasible, `None` when out of time.
        """
        with Solver(name="g4", bootstrap_with=self.wcnf.hard) as solver:
            timer = threading.Timer(max(seconds, 0.0), solver.interrupt)
            timer.start()
            try:
                answer = solver.solve_limited(expect_interrupt=True)
            finally:
                timer.cancel()
            if answer is None:
                return None
            if not answer:
                return False
            return self._slots(solver.get_model())

    def _slots(self, model: list[int]) -> dict[str, int]:
        true = {literal for literal in model if literal > 0}
        return {
            meeting: next(t for t, literal in literals.items() if literal in true)
            for meeting, literals in self.x.items()
        }

    def solve(self, seconds: float) -> MaxSatOutcome:
        solver = _BoundedRC2(self.wcnf, solver="g4", adapt=True, exhaust=True, minz=True)
        self._solver = solver
        if self._stop.is_set():
            solver.interrupt()
        timer = threading.Timer(max(seconds, 0.0), solver.interrupt)
        timer.start()
        try:
            model = solver.compute(expect_interrupt=True)
            interrupted = solver.interrupted or self._stop.is_set() or solver.tainted
            cost = solver.proven if interrupted else solver.cost
        finally:
            timer.cancel()
            self._solver = None
            solver.delete()
        if interrupted:
            return MaxSatOutcome(None, None, int(cost), infeasible=False, finished=False)
        if model is None:
            return MaxSatOutcome(None, None, 0, infeasible=True, finished=True)
        return MaxSatOutcome(self._slots(model), int(cost), int(cost), False, finished=True)
