"""Random regimes, products and planning requests for the localization property tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import strategies as st

from coopex.domain.localization import (
    Category,
    Multiplier,
    Operation,
    Regime,
    Threshold,
    ThresholdKind,
)
from coopex.domain.localization_products import Line, Product, Subject
from coopex.engines.localization.plan import Candidate, PlanRequest

COUNTRIES = ("RU", "BY", "KZ", "AM", "CN", "DE", None)
START = date(2020, 1, 1)


@st.composite
def subjects(draw: st.DrawFn, max_ops: int = 10, percent: bool | None = None) -> Subject:
    """A regime with one category and a product performing its operations here and there."""
    n = draw(st.integers(1, max_ops))
    ops = {}
    for i in range(n):
        group = draw(st.sampled_from([None, None, "g1", "g2"]))
        ops[f"op{i}"] = Operation(
            f"op{i}",
            f"operation {i}",
            float(draw(st.integers(0, 200))),
            group=group,
            any_eaeu=draw(st.booleans()),
        )
    mandatory = frozenset(draw(st.lists(st.sampled_from(sorted(ops)), max_size=2)))
    use_percent = draw(st.booleans()) if percent is None else percent
    kind = ThresholdKind.PERCENT if use_percent else ThresholdKind.POINTS
    values = sorted(
        draw(st.lists(st.integers(1, 100 if use_percent else 800), min_size=1, max_size=3))
    )
    rows = tuple(Threshold(date(2020 + 2 * i, 1, 1), kind, float(v)) for i, v in enumerate(values))
    category = Category("c", "category", ("99.99",), tuple(ops), mandatory, rows)
    multipliers = (
        Multiplier(
            "m",
            "x1.5",
            1.5,
            frozenset(draw(st.lists(st.sampled_from(sorted(ops)), max_size=3))),
            claimed=True,
        ),
    )
    regime = Regime(
        "r",
        "regime",
        "test",
        "test",
        frozenset({"RU"}),
        START,
        date(2035, 12, 31),
        ops,
        (category,),
        multipliers,
    )
    lines = tuple(
        Line(
            op.id,
            op.name,
            op.points,
            draw(st.sampled_from(COUNTRIES)),
            None,
            draw(st.integers(0, 9)) > 0,
            op.group,
            op.any_eaeu,
            op.id in mandatory,
        )
        for op in ops.values()
    )
    claims = frozenset({"m"}) if draw(st.booleans()) else frozenset()
    return Subject(Product("p", "99.99", ()), regime, category, lines, claims)


days = st.dates(min_value=START, max_value=date(2035, 12, 31))


@st.composite
def plan_requests(draw: st.DrawFn, max_ops: int = 6, max_partners: int = 3) -> PlanRequest:
    """A small planning problem (brute force can enumerate it)."""
    subject = draw(subjects(max_ops=max_ops, percent=True))
    lines = tuple(replace(line, applicable=True) for line in subject.lines)
    subject = replace(subject, lines=lines)
    partners = [f"p{i}" for i in range(draw(st.integers(1, max_partners)))]
    candidates = []
    for line in subject.lines:
        for partner in partners:
            if draw(st.booleans()):
                candidates.append(
                    Candidate(
                        line.operation,
                        partner,
                        draw(st.sampled_from(("RU", "RU", "RU", "BY", "CN"))),
                        float(draw(st.integers(0, 100))) * 1000,
                        draw(st.integers(0, 300)),
                    )
                )
    return PlanRequest(
        subject=subject,
        start=date(2025, 1, 1),
        by=draw(st.dates(min_value=date(2025, 6, 1), max_value=date(2030, 12, 31))),
        candidates=tuple(candidates),
        budget=draw(st.one_of(st.none(), st.none(), st.integers(0, 400).map(lambda k: k * 1000.0))),
        onboarding_cost=float(draw(st.sampled_from((0, 5000, 30000)))),
        capacity=draw(st.one_of(st.none(), st.integers(1, 3))),
        max_lead_time_days=draw(st.one_of(st.none(), st.none(), st.integers(0, 400))),
        time_limit_s=20.0,
        workers=1,
    )


def fixed_subject() -> Subject:
    """Three operations (one mandatory, one accepting any EAEU state), 100 points each."""
    ops = {
        "a": Operation("a", "A", 100.0),
        "b": Operation("b", "B", 100.0, any_eaeu=True),
        "c": Operation("c", "C", 100.0),
    }
    category = Category(
        "c",
        "category",
        ("99.99",),
        tuple(ops),
        frozenset({"a"}),
        (Threshold(START, ThresholdKind.POINTS, 200.0),),
    )
    regime = Regime(
        "r",
        "regime",
        "test",
        "test",
        frozenset({"RU"}),
        START,
        date(2035, 12, 31),
        ops,
        (category,),
    )
    lines = (
        Line("a", "A", 100.0, "RU", None, True, mandatory=True),
        Line("b", "B", 100.0, "KZ", None, True, any_eaeu=True),
        Line("c", "C", 100.0, "CN", None, True),
    )
    return Subject(Product("p", "99.99", ()), regime, category, lines)
