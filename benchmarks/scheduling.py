"""Scheduling benchmark: coopex's optimal scheduler against published optima and greedy.

Instances: the B2B benchmark beside the checkout (../shared/benchmarks/b2b-meetings, real
brokerage events, published MaxSAT optima at fairness d = 2). The 20 originals by default;
`--instances 'tic-12.*.dzn'` picks files by glob. Each instance is solved by coopex and by the
greedy first-free-slot baseline in the same run. `--generated` schedules a synthetic event of
1,000 participants instead (2 sessions × 8 slots, 150 tables, 8,000 accepted requests).
"""

from __future__ import annotations

import csv
import json
import os
import random
import time
from dataclasses import dataclass, replace
from pathlib import Path

from rich.console import Console
from rich.table import Table

from coopex.engines.scheduling.breaks import violations
from coopex.engines.scheduling.checks import base_domains
from coopex.engines.scheduling.greedy import greedy
from coopex.engines.scheduling.objective import MUTUAL, ONE_SIDED
from coopex.engines.scheduling.problem import Meeting, ScheduleResult, SchedulingProblem
from coopex.engines.scheduling.relaxation import HeldRelaxation
from coopex.engines.scheduling.solver import solve
from coopex.interchange.dzn import read_dzn
from evaluation import shared_folder

BENCHMARK = shared_folder() / "benchmarks" / "b2b-meetings"
console = Console()


@dataclass(frozen=True, slots=True)
class Record:
    instance: str
    status: str
    breaks: int | None
    bound: int | None
    seconds: float
    published_optimum: str  # a number, "UNSAT" or "not-reported"
    greedy_breaks: int
    greedy_valid: bool

    @property
    def matches(self) -> bool:
        """At the published optimum with a proof, or proven infeasible where it is UNSAT."""
        if self.published_optimum == "UNSAT":
            return self.status == "infeasible"
        if self.published_optimum == "not-reported":  # the paper's other solvers: UNSAT
            return self.status == "infeasible"
        return self.status == "optimal" and str(self.breaks) == self.published_optimum


def _published() -> dict[str, str]:
    with (BENCHMARK / "instances.csv").open(newline="") as handle:
        return {
            Path(row["file"]).name: row["published_optimum_d2"] for row in csv.DictReader(handle)
        }


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min) / {five:.1f} (5 min) on {os.cpu_count()} CPUs"


def run_instances(pattern: str, time_limit: float, workers: int) -> list[Record]:
    files = sorted((BENCHMARK / "instances").glob(pattern))
    if not files:
        raise SystemExit(f"no instance matches {pattern!r} in {BENCHMARK / 'instances'}")
    published = _published()
    console.print(f"{len(files)} instances, {time_limit:g} s each, {workers} workers; {_load()}")
    table = Table(title="B2B meeting scheduling (fairness d = 2)")
    for column in ("instance", "coopex", "bound", "status", "seconds", "published", "greedy"):
        table.add_column(column, justify="left" if column in ("instance", "status") else "right")
    records = []
    for path in files:
        problem = read_dzn(path).problem
        baseline = greedy(problem)
        result = solve(problem, time_limit=time_limit, workers=workers)
        solved = result.status in ("optimal", "feasible")
        if solved and violations(problem, result.placements):
            raise SystemExit(
                f"{path.name}: invalid schedule: {violations(problem, result.placements)}"
            )
        record = Record(
            instance=path.name.removesuffix(".dzn"),
            status=result.status,
            breaks=result.breaks if solved else None,
            bound=result.bound,
            seconds=round(result.seconds, 2),
            published_optimum=published.get(path.name, "?"),
            greedy_breaks=baseline.breaks,
            greedy_valid=baseline.status == "feasible",
        )
        records.append(record)
        if record.published_optimum.isdigit():
            published_value = int(record.published_optimum)
            if record.breaks is not None and record.breaks < published_value:
                console.print(f"[red]{record.instance}: below the published optimum[/red]")
            if record.bound is not None and record.bound > published_value:
                console.print(f"[red]{record.instance}: bound above the published optimum[/red]")
        greedy_text = f"{baseline.breaks}" + ("" if record.greedy_valid else f" ({_why(baseline)})")
        table.add_row(
            record.instance,
            "-" if record.breaks is None else str(record.breaks),
            "-" if record.bound is None else str(record.bound),
            record.status + (" ✓" if record.matches else ""),
            f"{record.seconds:.1f}",
            record.published_optimum,
            greedy_text,
        )
        console.print(
            f"  {record.instance}: {record.status} {record.breaks} (bound {record.bound}, "
            f"published {record.published_optimum}) in {record.seconds:.1f} s; greedy {greedy_text}"
        )
    console.print(table)
    matched = sum(r.matches for r in records)
    within = sum(r.matches and r.seconds <= time_limit + 1 for r in records)
    console.print(
        f"at the published optimum with proof, or proven infeasible where UNSAT: {matched}/"
        f"{len(records)} ({within} within the time limit); slowest "
        f"{max(r.seconds for r in records):.1f} s; {_load()}"
    )
    both = [r for r in records if r.breaks is not None]
    if both:
        ours = sum(r.breaks or 0 for r in both)
        theirs = sum(r.greedy_breaks for r in both)
        valid = sum(r.greedy_valid for r in records)
        console.print(
            f"breaks over the {len(both)} solved: coopex {ours}, greedy {theirs} "
            f"(greedy/coopex = {theirs / max(ours, 1):.1f}×; greedy valid — every meeting held "
            f"and fairness kept — on {valid}/{len(records)})"
        )
    return records


def _why(result: ScheduleResult) -> str:
    if result.unplaced:
        return f"{len(result.unplaced)} not placed"
    return "unfair"


def generated_event(seed: int = 7) -> SchedulingProblem:
    """1,000 participants, 2 sessions × 8 slots, 150 tables, 8,000 accepted requests.

    Popularity is skewed (a few exhibitors attract many requests), so some participants are
    asked for more meetings than they have slots; 150 tables × 16 slots = 2,400 places, so
    most requests cannot be held and priorities decide. 5 % of participants miss a session.
    """
    rng = random.Random(seed)
    people = [f"p{i}" for i in range(1000)]
    weights = [1.0 / (1 + i) ** 0.6 for i in range(len(people))]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < 8000:
        a, b = rng.choices(people, weights=weights, k=2)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    meetings = tuple(
        Meeting(
            id=f"m{index}",
            participants=pair,
            priority=rng.choice((1, 1, 2, 3)),
            mutual=rng.random() < 0.3,
            sessions=frozenset({rng.choice((0, 1))}) if rng.random() < 0.1 else None,
        )
        for index, pair in enumerate(sorted(pairs))
    )
    unavailable = {
        who: frozenset(range(8) if rng.random() < 0.5 else range(8, 16))
        for who in rng.sample(people, 50)
    }
    return SchedulingProblem(
        slot_sessions=(0,) * 8 + (1,) * 8,
        tables=150,
        meetings=meetings,
        unavailable=unavailable,
        max_break_difference=2,
        all_required=False,
        participants=tuple(people),
    )


def run_generated(time_limit: float, workers: int) -> dict[str, object]:
    """The generated event by coopex and by greedy, with the held gap of each.

    The held gap is per tier (mutual, then one-sided among schedules holding at least as
    much mutual weight), against the relaxation's proven bounds; greedy's is computed with
    the same bounds for comparison.
    """
    problem = generated_event()
    console.print(
        f"generated event: {len(problem.participants)} participants, {problem.slots} slots, "
        f"{problem.tables} tables, {len(problem.meetings)} requests; {_load()}"
    )
    start = time.perf_counter()
    baseline = greedy(problem)
    greedy_seconds = time.perf_counter() - start
    result = solve(problem, time_limit=time_limit, workers=workers)
    broken = violations(problem, result.placements)
    relaxation = HeldRelaxation(problem, base_domains(problem))
    greedy_bound = (
        relaxation.solve(MUTUAL).bound,
        relaxation.solve(ONE_SIDED, {MUTUAL: baseline.held[MUTUAL]}).bound,
    )
    greedy_gap = replace(baseline, held_bound=greedy_bound).held_gap or 0.0
    numbers: dict[str, object] = {
        "instance": "generated-1000",
        "status": result.status,
        "meetings_held": len(result.placements),
        "held": list(result.held),
        "held_bound": None if result.held_bound is None else list(result.held_bound),
        "held_gap": result.held_gap,
        "breaks": result.breaks,
        "breaks_bound": result.bound,
        "seconds": round(result.seconds, 2),
        "valid": not broken,
        "greedy_meetings_held": len(baseline.placements),
        "greedy_held": list(baseline.held),
        "greedy_held_gap": greedy_gap,
        "greedy_breaks": baseline.breaks,
        "greedy_seconds": round(greedy_seconds, 2),
        "greedy_valid": baseline.status == "feasible",
        "load": _load(),
    }
    gap = "-" if result.held_gap is None else f"{100 * result.held_gap:.2f} %"
    console.print(
        f"coopex: {result.status}, {len(result.placements)} meetings held, weight held "
        f"(mutual, one-sided) {result.held} of bound {result.held_bound}: gap {gap}; "
        f"{result.breaks} breaks (bound {result.bound}) in {result.seconds:.1f} s; "
        f"valid: {not broken}"
    )
    console.print(
        f"greedy: {len(baseline.placements)} held, weight {baseline.held} of bound "
        f"{greedy_bound}: gap {100 * greedy_gap:.2f} %; {baseline.breaks} breaks in "
        f"{greedy_seconds:.1f} s (valid: {_validity(problem, baseline)}); "
        f"breaks greedy/coopex = {baseline.breaks / max(result.breaks, 1):.1f}×; {_load()}"
    )
    return numbers


def _validity(problem: SchedulingProblem, result: ScheduleResult) -> str:
    broken = violations(problem, result.placements)
    return f"False, {broken[-1]}" if broken else "True"


def save(records: list[Record] | list[dict[str, object]], path: Path) -> None:
    rows = [
        {
            "instance": r.instance,
            "status": r.status,
            "breaks": r.breaks,
            "bound": r.bound,
            "seconds": r.seconds,
            "published_optimum": r.published_optimum,
            "greedy_breaks": r.greedy_breaks,
        }
        if isinstance(r, Record)
        else r
        for r in records
    ]
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n")
