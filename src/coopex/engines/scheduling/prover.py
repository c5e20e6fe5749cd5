"""All-required events: the fewest breaks, proven by SAT counting up from zero.

What decides these events is "is there a schedule with at most k breaks?" for small k (the
benchmark's optima are 0–6, out of hundreds of possible breaks). Incremental SAT solvers
(glucose 4, python-sat) hold the hard rules and the break literals, with a totalizer over the
breaks so that "at most k" is one assumption. Asked k = 0, 1, 2, …, an unsatisfiable answer
proves k + 1 breaks a lower bound; the first satisfiable answer is an optimal schedule. The
solvers keep what they learnt between questions, so a question can be interrupted and asked
again later without starting over.

Searches fail differently, so several run. With two workers: UWrMaxSat (the MaxSAT solver of
the paper's best results, through hermax; `uwrmaxsat.py`, in a process of its own) on the
rules with the implied constraints builds low-break schedules and proves them optimal
(forum-13crafb, optimum 6: 25 s; the climbing solvers proved 6 and built no schedule in 60 s);
beside it RC2 (core-guided MaxSAT) on the plain rules, in a thread: each unsatisfiable core
names a few participants of whom one must have a break, so its last call looks for a schedule
where only those may, which it builds fast (forum-13crafc, optimum 1: RC2 4 s, UWrMaxSat 58 s).
They share a race: a bound proven by one or a schedule built by the other moves both on. On
11 hard instances (60 s), this pair solved 10; with the two climbers below as threads too (and
UWrMaxSat in a thread, where its stop-polling waits for the GIL), 3.

With one worker, the climbing solvers take turns, in slices that double: glucose and
MiniSat-GH with the implied constraints (they refute small k fast but struggle to build the
schedule at the optimum) and glucose on the plain rules.

The rules as clauses: `sat_encoding.py`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from pysat.card import ITotalizer
from pysat.examples.rc2 import RC2
from pysat.formula import WCNF
from pysat.solvers import Solver

from coopex.engines.scheduling.problem import SchedulingProblem
from coopex.engines.scheduling.sat_encoding import Formula, encode
from coopex.engines.scheduling.uwrmaxsat import GRACE, MaxSatRun

# the totalizer counts breaks up to this many when no schedule bounds them yet
DEFAULT_CEILING = 64
FIRST_SLICE = 1.0  # seconds per turn when one worker alternates the solvers
# with one worker, SAT engines that climb with the implied constraints, in turns with a plain
# one: glucose refutes levels fastest, MiniSat-GH often builds the schedule at the optimum
# first (ticf-14crafa, optimum 0: found in 7 s; glucose found none in 30 s)
CLIMBING_ENGINES = ("g4", "mgh")
POLL = 0.2  # seconds between looks at the race while UWrMaxSat runs


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

    @property
    def counts_every_gap(self) -> bool:
        """The totalizer reaches the number of possible breaks (no default ceiling cut it)."""
        return self.ceiling == len(self.formula.gaps)

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
    """`lower_bound` is proven; `slots` is the best schedule the prover built (optimal when
    its breaks reach the bound), None when it built none better than the one it was given."""

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
    slots: dict[str, int] | None = None  # an optimal schedule
    better: dict[str, int] | None = None  # a schedule beating `stop_at` as it was given
    infeasible: bool = False

    def settle(self, solver: BoundedSolver, asked: int, answer: bool | None) -> None:
        """What the climbing solver's answer to "at most `asked` breaks?" proves."""
        if answer is None:
            return
        if answer:
            self.found(solver.slots())
        elif solver.refuted_outright():
            self.refuted()
        elif solver.counts_every_gap:
            # At the count of every possible break the next question counts nothing: its
            # schedule, any schedule, is optimal, so the climb goes on to build it.
            self.raise_to(asked + 1)
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

    def optimum(self, slots: dict[str, int], breaks: int) -> None:
        """A search proved `breaks` optimal and built this schedule."""
        with self.lock:
            if not self.done.is_set():
                self.level = max(self.level, breaks)
                self.slots = slots
                self._finish()

    def improved(self, slots: dict[str, int], breaks: int) -> None:
        """A schedule better than any known, optimality unproven; reaching the race's level
        proves it optimal."""
        with self.lock:
            if breaks >= self.stop_at or self.slots is not None:
                return
            self.stop_at = breaks
            self.better = slots
            if self.level >= breaks and not self.done.is_set():
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
    run: MaxSatRun | None = None,
) -> Proof:
    """Raise the bound on breaks for at most `seconds`; `upper`: a schedule with that many
    exists (reaching it proves that schedule optimal). In parallel, UWrMaxSat runs beside
    the SAT searches: `run` when the caller started it earlier, else one started here; it is
    closed on return either way."""
    deadline = time.perf_counter() + seconds
    ceiling = upper if upper is not None else DEFAULT_CEILING
    race = _Race(0, upper if upper is not None else ceiling + 1, [])
    timer = threading.Timer(max(seconds, 0.0), race.finish)
    timer.start()
    try:
        plain = encode(problem, domains, cap, implied=False)
        if race.stop_at <= 0:
            race.finish()
        elif parallel:
            run = run or MaxSatRun(problem, domains, cap)
            searches = [
                threading.Thread(target=_optimise, args=(race, run)),
                threading.Thread(target=_guide, args=(race, plain)),
            ]
            for search in searches:
                search.start()
            for search in searches:
                search.join()
        else:
            implied = encode(problem, domains, cap, implied=True)
            solvers = [BoundedSolver(implied, ceiling, engine) for engine in CLIMBING_ENGINES]
            solvers.append(BoundedSolver(plain, ceiling))
            race.climbers.extend(solver.interrupt for solver in solvers)
            try:
                _take_turns(race, solvers, deadline)
            finally:
                for solver in solvers:
                    solver.close()
    finally:
        timer.cancel()
        if run is not None:
            run.close()
    if race.infeasible:
        return Proof(0, None, infeasible=True)
    return Proof(race.level, race.better if race.slots is None else race.slots)


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


def _optimise(race: _Race, run: MaxSatRun) -> None:
    """Follow the UWrMaxSat process: stop it when the race ends, take what it hands back."""
    outcome = None
    while outcome is None and not race.done.is_set():
        outcome = run.wait(POLL)
    if outcome is None:
        run.stop()
        outcome = run.wait(GRACE)
    if outcome is None or outcome.slots is None or outcome.breaks is None:
        if outcome is not None and outcome.status == "infeasible":
            race.refuted()
        return
    if outcome.status == "optimal":
        race.optimum(outcome.slots, outcome.breaks)
    else:
        race.improved(outcome.slots, outcome.breaks)


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
