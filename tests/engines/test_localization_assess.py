"""Assessment invariants (hypothesis) and the vectorised batch agreeing with the scalar path."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopex.domain.errors import ValidationFailed
from coopex.domain.localization import Threshold, ThresholdKind
from coopex.domain.localization_assessments import Standing
from coopex.domain.localization_products import Subject
from coopex.engines.localization.assess import assess
from coopex.engines.localization.batch import assess_batch, compile_category, encode
from tests.engines.localization_cases import COUNTRIES, START, days, fixed_subject, subjects

RU = frozenset({"RU"})
RU_BY = frozenset({"RU", "BY"})


@given(subjects(), days, st.data())
def test_moving_an_operation_into_the_territory_never_lowers_the_score(
    subject: Subject, on: date, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(subject.lines) - 1))
    moved = list(subject.lines)
    moved[index] = replace(moved[index], country="RU")
    before = assess(subject, on, RU, outlook=False)
    after = assess(replace(subject, lines=tuple(moved)), on, RU, outlook=False)
    assert after.score >= before.score - 1e-9
    assert after.maximum == pytest.approx(before.maximum)
    assert len(after.missing_mandatory) <= len(before.missing_mandatory)


@given(subjects(), days)
def test_union_state_scores_at_least_russia_alone(subject: Subject, on: date) -> None:
    ru = assess(subject, on, RU, outlook=False)
    union = assess(subject, on, RU_BY, outlook=False)
    assert union.score >= ru.score - 1e-9
    assert union.threshold == pytest.approx(ru.threshold)  # the maximum does not move
    assert not (ru.eligible and not union.eligible)


@given(subjects(), days)
def test_score_is_the_sum_of_contributions_and_never_above_the_maximum(
    subject: Subject, on: date
) -> None:
    result = assess(subject, on, RU, outlook=False)
    assert result.score == pytest.approx(sum(c.counted for c in result.contributions))
    assert 0 <= result.score <= result.maximum + 1e-9
    for row in result.contributions:
        if row.standing is Standing.NOT_APPLICABLE:
            assert row.counted == 0
        if row.standing is Standing.OUTSIDE:
            assert row.country not in RU
        if row.standing is Standing.COUNTED_EAEU:
            assert row.country in {"BY", "KZ", "AM", "KG"}


@given(subjects(percent=False), days)
def test_a_threshold_is_inclusive(subject: Subject, on: date) -> None:
    """A score exactly at the threshold ("not less than") is eligible."""
    result = assess(subject, on, RU, outlook=False)
    exact = replace(
        subject.category,
        thresholds=(Threshold(subject.regime.valid_from, ThresholdKind.POINTS, result.score),),
    )
    at = assess(replace(subject, category=exact), on, RU, outlook=False)
    assert at.eligible == (not at.missing_mandatory)
    above = replace(
        exact,
        thresholds=(
            Threshold(subject.regime.valid_from, ThresholdKind.POINTS, result.score + 0.01),
        ),
    )
    assert not assess(replace(subject, category=above), on, RU, outlook=False).eligible


@given(subjects(percent=True), days)
def test_a_percentage_threshold_leaves_non_applicable_operations_out(
    subject: Subject, on: date
) -> None:
    result = assess(subject, on, RU, outlook=False)
    assert result.threshold == pytest.approx(result.rule.value * result.maximum / 100)
    everything = replace(subject, lines=tuple(replace(x, applicable=True) for x in subject.lines))
    full = assess(everything, on, RU, outlook=False)
    assert full.maximum >= result.maximum - 1e-9


@settings(max_examples=60, deadline=None)
@given(
    st.lists(subjects(max_ops=8), min_size=1, max_size=1),
    st.lists(days, min_size=30, max_size=30),
    st.data(),
)
def test_the_batch_agrees_with_the_scalar_assessment(
    base: list[Subject], on: list[date], data: st.DataObject
) -> None:
    """Thirty products of one category (random sites, applicability, claims), both ways."""
    subject = base[0]
    products = []
    for _ in range(30):
        lines = tuple(
            replace(
                line,
                country=data.draw(st.sampled_from(COUNTRIES)),
                applicable=data.draw(st.integers(0, 5)) > 0,
            )
            for line in subject.lines
        )
        claims = frozenset({"m"}) if data.draw(st.booleans()) else frozenset()
        products.append(replace(subject, lines=lines, claims=claims))
    compiled = compile_category(subject.regime, subject.category, countries=COUNTRIES[:-1])
    for territory in (RU, RU_BY):
        result = assess_batch(compiled, encode(compiled, products, on), territory)
        for i, (product, day) in enumerate(zip(products, on, strict=True)):
            expected = assess(product, day, territory, outlook=False)
            assert result.score[i] == pytest.approx(expected.score)
            assert result.maximum[i] == pytest.approx(expected.maximum)
            assert result.threshold[i] == pytest.approx(expected.threshold)
            assert bool(result.eligible[i]) == expected.eligible
            assert int(result.missing_mandatory[i]) == len(expected.missing_mandatory)


def test_batch_marks_days_without_a_threshold() -> None:
    subject = fixed_subject()
    late = replace(
        subject.category,
        thresholds=(
            Threshold(date(2030, 1, 1), ThresholdKind.POINTS, 10.0, until=date(2030, 12, 31)),
        ),
    )
    subject = replace(subject, category=late)
    compiled = compile_category(subject.regime, late, countries=("RU", "CN"))
    days_ = [START, date(2030, 6, 1), date(2031, 1, 1)]
    result = assess_batch(compiled, encode(compiled, [subject] * 3, days_), RU)
    assert np.isnan(result.threshold[0]) and np.isnan(result.threshold[2])
    assert not result.eligible[0] and not result.eligible[2]
    with pytest.raises(ValidationFailed, match="no threshold"):
        assess(subject, START, RU)
    with pytest.raises(ValidationFailed, match="outside regime"):
        assess(subject, date(2019, 12, 31), RU)


def test_contributions_say_why() -> None:
    subject = fixed_subject()
    result = assess(subject, date(2026, 1, 1), RU)
    why = {c.operation: c for c in result.contributions}
    assert why["a"].standing is Standing.COUNTED
    assert why["b"].standing is Standing.COUNTED_EAEU
    assert "EAEU" in why["b"].reason
    assert why["c"].standing is Standing.OUTSIDE
    assert "outside the territory" in why["c"].reason
    assert (result.score, result.maximum, result.threshold) == (200, 300, 200)
    assert result.eligible  # 200 is "not less than" 200
    moved_out = replace(
        subject, lines=(replace(subject.lines[0], country="CN"), *subject.lines[1:])
    )
    missing = assess(moved_out, date(2026, 1, 1), RU)
    assert missing.missing_mandatory == ("a",) and not missing.eligible


def test_the_batch_takes_entered_points_threshold_only_and_extras() -> None:
    from coopex.domain.localization_products import build_product, resolve_product
    from coopex.reference.catalog import ShippedCatalog
    from coopex.reference.regimes import load_regimes

    catalog = ShippedCatalog()
    regimes = load_regimes(catalog)
    generators = [
        {
            "name": "g",
            "okpd2": "27.11.31",
            "operations": [
                {"operation": "assembly", "points": p, "country": c},
                {"operation": "alternator", "points": 90, "country": "RU"},
            ],
        }
        for p, c in ((90, "RU"), (180, "CN"), (250, "BY"))
    ]
    buses = [
        {
            "name": "b",
            "okpd2": "29.10.30",
            "category": "bus",
            "operations": [
                {"operation": "body-welding", "country": "RU"},
                {"operation": "body-painting", "country": c},
                {"operation": "gearbox", "extra": True, "points": p, "country": "RU"},
            ],
        }
        for p, c in ((2000, "RU"), (2500, "BY"), (100, "RU"))
    ]
    for raws in (generators, buses):
        subjects_ = [resolve_product(regimes, build_product(r, catalog)) for r in raws]
        compiled = compile_category(
            subjects_[0].regime, subjects_[0].category, width=2, countries=("RU", "CN")
        )
        on = [date(2026, 6, 1)] * len(subjects_)
        for territory in (RU, RU_BY):
            result = assess_batch(compiled, encode(compiled, subjects_, on), territory)
            for i, subject in enumerate(subjects_):
                expected = assess(subject, on[i], territory, outlook=False)
                assert result.score[i] == pytest.approx(expected.score)
                assert result.threshold[i] == pytest.approx(expected.threshold)
                assert bool(result.eligible[i]) == expected.eligible
