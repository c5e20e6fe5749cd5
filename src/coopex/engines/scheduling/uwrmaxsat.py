"""UWrMaxSat on the rules with the implied constraints, in a process of its own.

UWrMaxSat (through hermax's native binding) builds the low-break schedules the climbing SAT
solvers cannot. It polls a Python callback to know when to stop, tens of thousands of times
a second, and each poll needs the GIL: beside a busy Python thread it ran at half speed
(forum-13crafb: 25 s alone, 55 s beside one). In a process of its own the poll reads a flag
in shared memory and takes nobody's lock.

Spawned, not forked: the parent has solver threads running, and a forked child would inherit
their locks in whatever state they were.
"""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized

from hermax.core.ipamir_solver_interface import SolveStatus
from hermax.core.urmaxsat_py import UWrMaxSAT

from coopex.engines.scheduling.problem import SchedulingProblem
from coopex.engines.scheduling.sat_encoding import encode

GRACE = 3.0  # seconds a stopped solver has to hand its best schedule back


@dataclass(frozen=True, slots=True)
class Outcome:
    """How the run ended: `optimal` (its `slots` proven best), `feasible` (the best found
    when stopped), `infeasible`, or `stopped` (no schedule yet)."""

    status: str
    breaks: int | None = None
    slots: dict[str, int] | None = None


def _solve(
    problem: SchedulingProblem,
    domains: dict[str, list[int]],
    cap: int | None,
    stop: Synchronized[int],
    answer: Connection,
) -> None:
    formula = encode(problem, domains, cap, implied=True)
    solver = UWrMaxSAT()
    for clause in formula.clauses:
        solver.addClause(clause, None)
    for gap in formula.gaps:
        solver.addClause([-gap], 1)
    solver.set_terminate(lambda: stop.value)
    status = solver.solve()
    if status in (SolveStatus.OPTIMUM, SolveStatus.INTERRUPTED_SAT):
        true = [
            literal
            for literals in formula.x.values()
            for literal in literals.values()
            if solver.getValue(literal) is True
        ]
        kind = "optimal" if status == SolveStatus.OPTIMUM else "feasible"
        answer.send(Outcome(kind, int(solver.getCost()), formula.slots(true)))
    else:
        answer.send(Outcome("infeasible" if status == SolveStatus.UNSAT else "stopped"))
    answer.close()


class MaxSatRun:
    """One UWrMaxSat run, started at once; `stop` asks it to hand back what it has."""

    def __init__(
        self, problem: SchedulingProblem, domains: dict[str, list[int]], cap: int | None
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self._stop: Synchronized[int] = context.Value("b", 0, lock=False)
        self._answers, answer = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_solve, args=(problem, domains, cap, self._stop, answer), daemon=True
        )
        self._process.start()
        answer.close()  # the child holds the only sending end: its death closes the pipe

    def stop(self) -> None:
        self._stop.value = 1

    def wait(self, seconds: float) -> Outcome | None:
        """The outcome if it came within `seconds`; a run that died answers "stopped"."""
        if not self._answers.poll(seconds):
            return None
        try:
            outcome: Outcome = self._answers.recv()
        except EOFError:
            return Outcome("stopped")
        return outcome

    def close(self) -> None:
        """End the process: whoever closes has taken the outcome or does not want it."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._answers.close()
