"""Localization benchmark: batch assessment throughput and the planner at scale.

Baselines, measured in the same run:
- assessment: the plain per-product loop (`assess` per product) against the vectorised batch
  (`assess_batch`), on the same products (the shipped truck table, random operation sites);
- planner: 120 operations x 500 candidate partners, CP-SAT on 2 workers against the greedy
  baseline (points per cost): time, proof of optimality and how much cheaper the optimum is;
  on small instances CP-SAT against brute force (the costs must be equal).
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass
from datetime import date

import numpy as np
from rich.console import Console
from rich.table import Table

from coopex.domain.localization import (
    EAEU,
    EPSILON,
    Category,
    Operation,
    Regime,
    Threshold,
    ThresholdKind,
)
from coopex.domain.localization_products import (
    Line,
    Product,
    Subject,
    build_product,
    resolve_product,
)
from coopex.engines.localization.assess import assess
from coopex.engines.localization.batch import assess_batch, compile_category, encode
from coopex.engines.localization.plan import (
    Candidate,
    PlanRequest,
    PlanStatus,
    brute_force,
    greedy,
    solve,
)
from coopex.reference.catalog import ShippedCatalog
from coopex.reference.regimes import load_regimes

console = Console()
COUNTRIES = ("RU", "BY", "KZ", "CN", "DE", "TR")
# where a random product performs an operation: mostly at home, as real applicants do
SITES = ("RU", "RU", "RU", "RU", "RU", "RU", "BY", "KZ", "CN", "DE", "TR", None)


# -- assessment -----------------------------------------------------------------------------


def truck_products(count: int, seed: int = 11) -> list[Subject]:
    catalog = ShippedCatalog()
    regimes = load_regimes(catalog)
    vehicles = next(r for r in regimes if r.id == "ru-pp719-vehicles")
    trucks = vehicles.category("trucks")
    assert trucks is not None
    rng = random.Random(seed)
    template = build_product(
        {
            "name": "truck",
            "okpd2": "29.10.41",
            "category": "trucks",
            "operations": [{"operation": op, "country": "RU"} for op in trucks.operations],
        },
        catalog,
    )
    base = resolve_product([vehicles], template)
    subjects = []
    for _ in range(count):
        lines = tuple(
            Line(
                line.operation,
                line.name,
                line.points,
                rng.choice(SITES),
                None,
                rng.random() > 0.05,
                line.group,
                line.any_eaeu,
                line.mandatory,
            )
            for line in base.lines
        )
        # the shipped table is an excerpt: operations beyond it come as entered extras
        extras = tuple(
            Line(
                f"extra {k}",
                f"extra {k}",
                float(rng.randint(0, 1500)),
                rng.choice(SITES),
                None,
                True,
                entered=True,
            )
            for k in range(2)
        )
        claims = frozenset({"engine-x1.5"}) if rng.random() < 0.3 else frozenset()
        subjects.append(Subject(base.product, vehicles, trucks, lines + extras, claims))
    return subjects


def plain_score(subject: Subject, on: date, territory: frozenset[str]) -> tuple[float, bool]:
    """The plain per-product loop: score, maximum, threshold, eligibility; no explanations."""
    factors: dict[str, float] = {}
    for m in subject.regime.multipliers:
        if m.applies(on, subject.claims):
            for op in m.operations:
                factors[op] = factors.get(op, 1.0) * m.factor
    score = maximum = 0.0
    group_score: dict[str, float] = {}
    group_max: dict[str, float] = {}
    missing = False
    for line in subject.lines:
        if not line.applicable:
            continue
        points = line.points * factors.get(line.operation, 1.0)
        counted = line.country is not None and (
            line.country in territory or (line.any_eaeu and line.country in EAEU)
        )
        missing |= line.mandatory and not counted
        if line.group is None:
            maximum += points
            score += points if counted else 0.0
        else:
            group_max[line.group] = max(group_max.get(line.group, 0.0), points)
            if counted:
                group_score[line.group] = max(group_score.get(line.group, 0.0), points)
    score += sum(group_score.values())
    maximum += sum(group_max.values())
    rule = subject.category.threshold_on(on)
    assert rule is not None
    return score, score + EPSILON >= rule.points(maximum) and not missing


def run_assessment(count: int) -> dict[str, float]:
    subjects = truck_products(count)
    days = [date(2026 + (i % 4), 1 + (i % 12), 1) for i in range(count)]
    territory = frozenset({"RU"})
    sample = min(count, 20_000)
    start = time.perf_counter()
    plain = [plain_score(s, d, territory) for s, d in zip(subjects, days, strict=True)]
    loop_rate = count / (time.perf_counter() - start)
    start = time.perf_counter()
    scalar = [
        assess(s, d, territory, outlook=False)
        for s, d in zip(subjects[:sample], days, strict=False)
    ]
    full_rate = sample / (time.perf_counter() - start)
    regime, category = subjects[0].regime, subjects[0].category
    compiled = compile_category(regime, category, width=2, countries=COUNTRIES)
    start = time.perf_counter()
    batch = encode(compiled, subjects, days)
    encode_s = time.perf_counter() - start
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        result = assess_batch(compiled, batch, territory)
        runs.append(time.perf_counter() - start)
    kernel_s = statistics.median(runs)
    agree = all(
        abs(p[0] - result.score[i]) < 1e-6 and p[1] == bool(result.eligible[i])
        for i, p in enumerate(plain)
    ) and all(
        abs(a.score - result.score[i]) < 1e-6 and a.eligible == bool(result.eligible[i])
        for i, a in enumerate(scalar)
    )
    table = Table(
        title=f"assessment: {count:,} truck products, {len(compiled.columns)} operation columns"
    )
    for column in ("method", "products/s", "ratio"):
        table.add_column(column)
    batch_rate = count / kernel_s
    with_encode = count / (kernel_s + encode_s)
    table.add_row("plain per-product loop (baseline)", f"{loop_rate:,.0f}", "1.0")
    table.add_row(
        "assess() per product, with reasons", f"{full_rate:,.0f}", f"{full_rate / loop_rate:.2f}x"
    )
    table.add_row("numpy batch", f"{batch_rate:,.0f}", f"{batch_rate / loop_rate:,.0f}x")
    table.add_row(
        "numpy batch + encoding the objects",
        f"{with_encode:,.0f}",
        f"{with_encode / loop_rate:,.1f}x",
    )
    console.print(table)
    console.print(
        f"batch agrees with both loops: {agree}; eligible share "
        f"{float(np.mean(result.eligible)):.3f}"
    )
    return {
        "loop_per_s": loop_rate,
        "assess_per_s": full_rate,
        "batch_per_s": batch_rate,
        "batch_with_encoding_per_s": with_encode,
    }


# -- planning -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Instance:
    request: PlanRequest
    operations: int
    partners: int


def synthetic_instance(
    operations: int,
    partners: int,
    seed: int,
    *,
    per_partner: int = 12,
    groups: int = 6,
    mandatory: int = 4,
    onboarding: float = 40_000.0,
    share: float = 0.7,
) -> Instance:
    """A table of `operations` (a few groups of alternatives, a few mandatory ones), a product
    doing most of them abroad, and `partners` each able to take `per_partner` operations at
    their own price and lead time; the threshold is `share` of the maximum."""
    rng = random.Random(seed)
    ops = {}
    for i in range(operations):
        group = f"g{i % groups}" if groups and i < groups * 3 else None
        ops[f"op{i}"] = Operation(
            f"op{i}", f"operation {i}", float(rng.randint(5, 120)), group=group
        )
    mandatory_ids = frozenset(rng.sample(sorted(ops), mandatory))
    category = Category(
        "bench",
        "bench",
        ("99.99",),
        tuple(ops),
        mandatory_ids,
        (Threshold(date(2020, 1, 1), ThresholdKind.PERCENT, share * 100),),
    )
    regime = Regime(
        "bench",
        "bench",
        "synthetic",
        "synthetic",
        frozenset({"RU"}),
        date(2020, 1, 1),
        None,
        ops,
        (category,),
    )
    lines = tuple(
        Line(
            op.id,
            op.name,
            op.points,
            "RU" if rng.random() < 0.25 else "CN",
            None,
            True,
            op.group,
            False,
            op.id in mandatory_ids,
        )
        for op in ops.values()
    )
    subject = Subject(Product("bench", "99.99", ()), regime, category, lines)
    base_cost = {op: rng.uniform(50_000, 900_000) for op in ops}
    candidates = []
    for p in range(partners):
        country = rng.choice(("RU", "RU", "RU", "BY"))
        for op in rng.sample(sorted(ops), min(per_partner, operations)):
            candidates.append(
                Candidate(
                    op,
                    f"partner-{p}",
                    country,
                    round(base_cost[op] * rng.uniform(0.7, 1.4), 2),
                    rng.randint(30, 400),
                )
            )
    request = PlanRequest(
        subject,
        date(2026, 1, 1),
        date(2027, 1, 1),
        tuple(candidates),
        onboarding_cost=onboarding,
        capacity=None,
        workers=2,
        time_limit_s=10.0,
    )
    return Instance(request, operations, partners)


def run_large(instances: int, per_partner: int) -> dict[str, float]:
    title = (
        f"planner: 120 operations x 500 candidate partners, {per_partner} operations each "
        "(CP-SAT, 2 workers, 10 s limit)"
    )
    table = Table(title=title)
    for column in (
        "seed",
        "options",
        "status",
        "CP-SAT s",
        "gap",
        "cost",
        "greedy cost",
        "greedy s",
        "saving",
    ):
        table.add_column(column)
    times, savings, proven = [], [], 0
    for seed in range(instances):
        instance = synthetic_instance(120, 500, seed, per_partner=per_partner)
        plan = solve(instance.request)
        base = greedy(instance.request)
        saving = (base.cost - plan.cost) / base.cost if base.found and plan.found else 0.0
        proven += plan.status is PlanStatus.OPTIMAL
        times.append(plan.seconds)
        savings.append(saving)
        gap = max(0.0, (plan.cost - plan.bound) / plan.cost) if plan.found and plan.cost else 0.0
        table.add_row(
            str(seed),
            f"{plan.options:,}",
            plan.status.value,
            f"{plan.seconds:.2f}",
            f"{gap:.2%}",
            f"{plan.cost:,.0f}",
            f"{base.cost:,.0f}",
            f"{base.seconds:.2f}",
            f"{saving:.1%}",
        )
    console.print(table)
    console.print(
        f"{per_partner} operations per partner: proven optimal {proven}/{instances}; CP-SAT "
        f"median {statistics.median(times):.2f} s, max {max(times):.2f} s; the optimum is "
        f"{statistics.mean(savings):.1%} cheaper than greedy on average"
    )
    return {
        f"planner_{per_partner}_median_s": statistics.median(times),
        f"planner_{per_partner}_max_s": max(times),
        f"planner_{per_partner}_proven": proven,
        f"planner_{per_partner}_mean_saving": statistics.mean(savings),
    }


def run_planner(instances: int, small: int) -> dict[str, float]:
    """Two densities: a partner able to take 4 of the 120 operations (a foundry, a paint
    shop: the realistic case) and 12 (a stress case with far more ways to consolidate)."""
    numbers: dict[str, float] = {}
    if instances:
        for per_partner in (4, 12):
            numbers.update(run_large(instances, per_partner))
    equal = planned = 0
    brute_times, sat_times, greedy_gaps = [], [], []
    for seed in range(small):
        instance = synthetic_instance(
            10, 5, 1000 + seed, per_partner=4, groups=1, mandatory=1, onboarding=20_000.0
        )
        exact = brute_force(instance.request)
        plan = solve(instance.request)
        base = greedy(instance.request)
        brute_times.append(exact.seconds)
        sat_times.append(plan.seconds)
        planned += bool(plan.moves)
        if plan.found and base.found and base.cost > 0:
            greedy_gaps.append((base.cost - plan.cost) / base.cost)
        same = (exact.status is PlanStatus.INFEASIBLE and plan.status is PlanStatus.INFEASIBLE) or (
            exact.found and plan.found and abs(exact.cost - plan.cost) < 0.01
        )
        equal += same
    if small:
        console.print(
            f"small instances (10 operations, 5 partners, {planned} needing moves): CP-SAT "
            f"equals brute force on {equal}/{small}; brute force median "
            f"{statistics.median(brute_times):.3f} s, CP-SAT median "
            f"{statistics.median(sat_times):.3f} s; greedy is "
            f"{statistics.mean(greedy_gaps or [0.0]):.1%} dearer on average"
        )
        numbers["small_equal"] = equal
    return numbers


def run(products: int = 100_000, instances: int = 5, small: int = 20) -> dict[str, float]:
    numbers = run_assessment(products)
    numbers.update(run_planner(instances, small))
    return numbers
