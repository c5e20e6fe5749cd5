"""All-required events: the fewest breaks, proven by SAT counting up from zero.

What decides these events is "is there a schedule with at most k breaks?" for small k (the
benchmark's optima are 0–6, out of hundreds of possible breaks). Incremental SAT solvers
(glucose 4, python-sat) hold the hard rules and the break literals, with a totalizer over the
breaks so that "at most k" is one assumption. Asked k = 0, 1, 2, …, an unsatisfiable answer
proves k + 1 breaks a lower bound; the first satisfiable answer is an optimal schedule. The
solvers keep what they learnt between questions, so a question can be interrupted and asked
again later without starting over.

Two searches, because they fail differently. The climbing solver has the implied constraints
below: it refutes small k fast but struggles to build the schedule at the optimum. Beside it,
RC2 (core-guided MaxSAT) works on the plain rules: each unsatisfiable core names a few
participants of whom one must have a break, so its last call looks for a schedule where only
those may, which it builds fast (forum-13crafc, optimum 1: the implied solver refutes k = 0 in
0.5 s and finds no 1-break schedule in 30 s; RC2 on the plain rules finishes in 4 s). They run
side by side, a thread each (python-sat releases the GIL while it solves), and share the
bound: whichever proves more moves the other on. With one worker, the climbing solvers with
and without the implied constraints take turns, in slices that double.

Implied constraints (IC1 and IC2 of Bofill et al., JAIR 2022): a participant is busy in
exactly as many slots as they have meetings; a slot seats at most 2 × tables busy
participants. And "one run": a participant with no break fills one window of k slots.

Clauses (as in `model.py`): one slot per meeting; ≤ 1 meeting per participant and slot;
≤ `tables` per slot; one meeting per fixed table and slot; precedences; `busy`, `seen` (met at
or before t in the day) and `gap` (a break ends at t), defined both ways; at most the
fairness cap of gaps per participant.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from pysat.card import CardEnc, EncType, ITotalizer
from pysat.examples.rc2 import RC2
from pysat.formula import WCNF, IDPool
from pysat.solvers import Solver

from coopex.engines.scheduling.breaks import day_segments
from coopex.engines.scheduling.problem import SchedulingProblem

# the totalizer counts breaks up to this many when no schedule bounds them yet
DEFAULT_CEILING = 64
FIRST_SLICE = 1.0  # seconds per turn when one worker alternates the solvers
# SAT engines that climb with the implied constraints: glucose refutes levels fastest,
# MiniSat-GH often builds the schedule at the optimum first (ticf-14crafa, optimum 0: found in
# 7 s; glucose found none in 30 s)
CLIMBING_ENGINES = ("g4", "mgh")


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


class BoundedSolver:
    """One incremental SAT solver over a formula, asked "at most k breaks?"."""

    def __init__(self, formula: Formula, ceiling: int, engine: str = "g4") -> None:
        self.formula = formula
        self.ceiling = min(ceiling, len(formula.gaps))
        self._solver = Solver(name=engine, bootstrap_with=formula.clauses)
        self._totalizer: ITotalizer | None = None
        if self.ceiling > 0:
            self._totalizer = ITotalizer(formula.gaps, ubound=self.ceiling, top_id=formula.top)
            self._solver.append_formula(self._totalizer.cnf.clauses)

    def ask(self, k: int | None) -> bool | None:
        """True: a schedule with ≤ k breaks exists (see `slots`); False: none; None: stopped.

        k = None asks for any schedule; k at or above the ceiling counts nothing either.
        """
        counting = self._totalizer is not None and k is not None and k < self.ceiling
        assumptions = [-self._totalizer.rhs[k]] if counting else []  # type: ignore[union-attr]
        answer: bool | None = self._solver.solve_limited(
            assumptions=assumptions, expect_interrupt=True
        )
        self._solver.clear_interrupt()
        return answer

    def refuted_outright(self) -> bool:
        """After a False: no schedule at all, whatever the number of breaks."""
        return not self._solver.get_core()

    def slots(self) -> dict[str, int]:
        return self.formula.slots(self._solver.get_model() or [])

    def interrupt(self) -> None:
        self._solver.interrupt()

    def close(self) -> None:
        self._solver.delete()


@dataclass(frozen=True, slots=True)
class Proof:
    """`lower_bound` is proven; `slots` is an optimal schedule when one was found."""

    lower_bound: int
    slots: dict[str, int] | None
    infeasible: bool = False


@dataclass
class _Race:
    """The shared state of the searches: the bound proven so far and how it ended."""

    level: int  # every schedule has at least this many breaks
    stop_at: int  # a known schedule has this many breaks: reaching it proves that one
    climbers: list[Callable[[], None]]  # interrupt the searches that resume at a new level
    others: list[Callable[[], None]] = field(default_factory=list)  # and those that cannot
    lock: threading.Lock = field(default_factory=threading.Lock)
    done: threading.Event = field(default_factory=threading.Event)
    slots: dict[str, int] | None = None
    infeasible: bool = False

    def settle(self, solver: BoundedSolver, asked: int, answer: bool | None) -> None:
        """What the climbing solver's answer to "at most `asked` breaks?" proves."""
        if answer is None:
            return
        if answer:
            self.found(solver.slots())
        elif solver.refuted_outright():
            self.refuted()
        else:
            self.raise_to(asked + 1, min(self.stop_at, solver.ceiling))

    def raise_to(self, level: int, ceiling: int | None = None) -> None:
        with self.lock:
            if self.done.is_set() or level <= self.level:
                return
            self.level = level
            if level >= (self.stop_at if ceiling is None else ceiling):
                self._finish()
            else:
                for stop in self.climbers:  # they resume from the new level
                    stop()

    def found(self, slots: dict[str, int]) -> None:
        with self.lock:
            if not self.done.is_set():
                self.slots = slots
                self._finish()

    def refuted(self) -> None:
        with self.lock:
            if not self.done.is_set():
                self.infeasible = True
                self._finish()

    def finish(self) -> None:
        with self.lock:
            self._finish()

    def _finish(self) -> None:
        self.done.set()
        for stop in [*self.climbers, *self.others]:
            stop()


class _CoreGuided(RC2):  # type: ignore[misc]
    """RC2 whose `proven` cost stays a lower bound when it is interrupted.

    On an interrupted SAT call RC2 "finishes the current iteration": it counts the weight of
    a core that was never proven, so its `cost` after an interrupt can exceed the optimum.
    `proven` is the cost after the last core found by calls that really answered. A call
    also answers "unknown" when RC2 gives it a conflict budget (core minimisation does); that
    proves nothing and taints nothing — only an unknown after our `interrupt` does.
    """

    proven = 0
    tainted = False
    stopping = False
    on_bound: Callable[[int], None] | None = None

    def interrupt(self) -> None:
        self.stopping = True
        super().interrupt()

    def clear_interrupt(self) -> None:
        # RC2 clears an interrupt to finish its iteration; once stopping, every later call
        # must come back at once, so the interrupt stays
        if not self.stopping:
            super().clear_interrupt()

    def _call_oracle(
        self, assumptions: list[int] | None = None, expect_interrupt: bool = False
    ) -> bool | None:
        # every call interruptible: RC2 leaves its core-exhaustion calls uninterruptible, and
        # one of those ran for minutes past the time limit (forum-13crafb.forb0003)
        answer: bool | None = super()._call_oracle(assumptions or [], True)
        if answer is None and self.stopping:
            self.tainted = True
        return answer

    def process_core(self) -> None:
        super().process_core()
        if not self.tainted:
            self.proven = self.cost
            if self.on_bound is not None:
                self.on_bound(int(self.cost))


def prove(
    problem: SchedulingProblem,
    domains: dict[str, list[int]],
    cap: int | None,
    seconds: float,
    *,
    upper: int | None = None,
    parallel: bool = True,
) -> Proof:
    """Raise the bound on breaks for at most `seconds`; `upper`: a schedule with that many
    exists (reaching it proves that schedule optimal)."""
    deadline = time.perf_counter() + seconds
    ceiling = upper if upper is not None else DEFAULT_CEILING
    implied = encode(problem, domains, cap, implied=True)
    climbers = [BoundedSolver(implied, ceiling, engine) for engine in CLIMBING_ENGINES]
    race = _Race(0, upper if upper is not None else ceiling + 1, [c.interrupt for c in climbers])
    timer = threading.Timer(max(seconds, 0.0), race.finish)
    timer.start()
    plain = encode(problem, domains, cap, implied=False)
    try:
        if race.stop_at <= 0:
            race.finish()
        elif parallel:
            searches = [
                threading.Thread(target=_guide, args=(race, plain)),
                *(threading.Thread(target=_climb, args=(race, c)) for c in climbers[1:]),
            ]
            for search in searches:
                search.start()
            _climb(race, climbers[0])
            for search in searches:
                search.join()
        else:
            turns = BoundedSolver(plain, ceiling)
            race.climbers.append(turns.interrupt)
            try:
                _take_turns(race, [*climbers, turns], deadline)
            finally:
                turns.close()
    finally:
        timer.cancel()
        for climber in climbers:
            climber.close()
    if race.infeasible:
        return Proof(0, None, infeasible=True)
    return Proof(race.level, race.slots)


def _climb(race: _Race, solver: BoundedSolver) -> None:
    while not race.done.is_set():
        asked = race.level
        race.settle(solver, asked, solver.ask(asked))


def _guide(race: _Race, formula: Formula) -> None:
    """RC2 on the plain rules: its bounds raise the race's, its optimum ends it."""
    wcnf = WCNF()
    wcnf.extend(formula.clauses)
    for gap in formula.gaps:
        wcnf.append([-gap], weight=1)
    rc2 = _CoreGuided(wcnf, solver="g4", adapt=True, exhaust=True, minz=True)
    rc2.on_bound = race.raise_to
    with race.lock:
        stopped = race.done.is_set()
        race.others.append(rc2.interrupt)
    try:
        if stopped:
            return
        model = rc2.compute(expect_interrupt=True)
        if rc2.tainted or rc2.interrupted or race.done.is_set():
            return
        if model is None:
            race.refuted()
            return
        race.found(formula.slots(model))
    finally:
        rc2.delete()


def _take_turns(race: _Race, solvers: list[BoundedSolver], deadline: float) -> None:
    turn = FIRST_SLICE
    while not race.done.is_set():
        level = race.level
        for solver in solvers:
            if race.done.is_set():
                return
            seconds = min(turn, deadline - time.perf_counter())
            timer = threading.Timer(max(seconds, 0.0), solver.interrupt)
            timer.start()
            try:
                asked = race.level
                race.settle(solver, asked, solver.ask(asked))
            finally:
                timer.cancel()
        if race.level == level:
            turn *= 2


def first_schedule(
    problem: SchedulingProblem, domains: dict[str, list[int]], cap: int | None, seconds: float
) -> dict[str, int] | bool | None:
    """Any schedule keeping the hard rules (no objective): the slots, False when there is
    none, None when out of time. The plain formula: it builds schedules fastest."""
    solver = BoundedSolver(encode(problem, domains, cap, implied=False), ceiling=0)
    timer = threading.Timer(max(seconds, 0.0), solver.interrupt)
    timer.start()
    try:
        answer = solver.ask(None)
        if answer is None:
            return None
        return solver.slots() if answer else False
    finally:
        timer.cancel()
        solver.close()
