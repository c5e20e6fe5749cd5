"""The shipped regimes: they load, they hold every threshold row of the facts table, the
dates a threshold changes on are honoured to the day, and a malformed file never loads."""

from __future__ import annotations

import csv
import itertools
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from coopex.domain.errors import ValidationFailed
from coopex.domain.localization import Regime
from coopex.domain.localization_products import build_product, resolve_product
from coopex.engines.localization.assess import assess
from coopex.reference.catalog import ShippedCatalog
from coopex.reference.regimes import load_regime_text, load_regimes

catalog = ShippedCatalog()
REGIMES = load_regimes(catalog)


def regime(regime_id: str) -> Regime:
    return next(r for r in REGIMES if r.id == regime_id)


def diesel_generator(score_ru: float) -> dict[str, object]:
    return {
        "name": "Diesel generator set",
        "okpd2": "27.11.31",
        "operations": [
            {"operation": "assembly", "points": score_ru, "country": "RU"},
            {"operation": "alternator", "points": 90, "country": "CN"},
        ],
    }


def test_every_shipped_regime_names_its_source_and_says_it_is_a_sample() -> None:
    assert {r.id for r in REGIMES} >= {
        "ru-pp719-vehicles",
        "ru-pp719-bulldozers",
        "ru-pp719-bearings",
        "ru-pp719-machine-tools",
        "ru-pp719-thresholds",
    }
    for r in REGIMES:
        assert r.source
        assert "not legal advice" in r.disclaimer.lower()


def test_a_diesel_generator_scoring_250_is_eligible_in_2026_not_in_2027() -> None:
    subject = resolve_product(REGIMES, build_product(diesel_generator(250), catalog))
    assert (subject.regime.id, subject.category.id) == ("ru-pp719-thresholds", "okpd2-27.11.31")
    in_2026 = assess(subject, date(2026, 6, 1))
    assert (in_2026.score, in_2026.threshold, in_2026.eligible) == (250, 180, True)
    in_2027 = assess(subject, date(2027, 6, 1))
    assert (in_2027.threshold, in_2027.eligible) == (270, False)
    assert in_2027.shortfall == 20
    outlook = {p.on: p for p in in_2026.outlook}
    assert outlook[date(2027, 1, 1)].threshold == 270
    assert outlook[date(2028, 1, 1)].threshold == 320
    assert not outlook[date(2028, 1, 1)].eligible


def test_the_change_days_are_honoured_to_the_day() -> None:
    subject = resolve_product(REGIMES, build_product(diesel_generator(270), catalog))
    assert assess(subject, date(2026, 12, 31)).threshold == 180
    assert assess(subject, date(2027, 1, 1)).threshold == 270
    assert assess(subject, date(2027, 1, 1)).eligible  # 270 is "not less than" 270
    # every change day of every shipped category, the day before and the day itself
    for r in REGIMES:
        for category in r.categories:
            rows = category.thresholds
            for before, row in itertools.pairwise(rows):
                assert category.threshold_on(row.start - timedelta(days=1)) == before
                assert category.threshold_on(row.start) == row


def test_the_regime_holds_every_threshold_row_of_the_facts_table(shared: Path) -> None:
    path = shared / "facts" / "pp719" / "pp719_thresholds_by_year.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    thresholds = regime("ru-pp719-thresholds")
    assert len(rows) == sum(len(c.thresholds) for c in thresholds.categories)
    for row in rows:
        category = thresholds.category(f"okpd2-{row['okpd2']}")
        assert category is not None and category.threshold_only
        start = (
            date.fromisoformat(row["from_date"]) if row["from_date"] else (thresholds.valid_from)
        )
        assert category.threshold_on(start) is not None
        assert category.threshold_on(start).value == float(row["min_points"])  # type: ignore[union-attr]


def test_bearings_have_a_maximum_of_126_and_percentage_thresholds() -> None:
    operations = regime("ru-pp719-bearings").operations
    product = {
        "name": "Ball bearing 6204",
        "okpd2": "28.15.10.110",
        "operations": [{"operation": op, "country": "RU"} for op in operations if op != "housing"]
        + [{"operation": "housing", "applicable": False}],
    }
    subject = resolve_product(REGIMES, build_product(product, catalog))
    result = assess(subject, date(2025, 1, 1))
    assert result.maximum == 121  # the housing does not apply: removed from the maximum
    assert result.threshold == pytest.approx(0.8 * 121)
    assert result.eligible
    assert assess(subject, date(2024, 12, 31)).threshold == pytest.approx(0.7 * 121)


def test_bus_points_differ_and_alternatives_count_once() -> None:
    product = {
        "name": "City bus",
        "okpd2": "29.10.30.110",
        "category": "bus",
        "operations": [
            {"operation": "stamping 30%", "country": "RU"},
            {"operation": "stamping-70", "country": "RU"},
            {"operation": "body-welding", "country": "RU"},
            {"operation": "body-painting", "country": "BY"},
        ],
    }
    subject = resolve_product(REGIMES, build_product(product, catalog))
    ru = assess(subject, date(2026, 1, 1))
    assert ru.score == 400 + 100  # welding + bus stamping >=70 %; >=30 % superseded
    assert ru.missing_mandatory == ("body-painting",)
    union = assess(subject, date(2026, 1, 1), frozenset({"RU", "BY"}))
    assert union.score == 1000 and union.missing_mandatory == ()


def test_eaeu_components_count_for_operations_that_accept_them() -> None:
    product = {
        "name": "Bulldozer",
        "okpd2": "28.92.21.110",
        "operations": [
            {"operation": "hydraulic distributors", "country": "BY"},
            {"operation": "engine", "country": "BY"},
        ],
    }
    subject = resolve_product(REGIMES, build_product(product, catalog))
    result = assess(subject, date(2026, 1, 1))
    standing = {c.operation: c.standing.value for c in result.contributions}
    assert standing["hydraulic-distributors"] == "counted_eaeu"
    assert standing["engine"] == "outside"


def test_the_code_must_pick_one_category() -> None:
    truck = {"name": "Truck", "okpd2": "29.10.41", "operations": [{"operation": "body-welding"}]}
    with pytest.raises(ValidationFailed) as caught:
        resolve_product(REGIMES, build_product(truck, catalog))
    assert caught.value.errors[0].field == "category"
    assert "trucks" in caught.value.errors[0].reason


def _bad(text: str) -> list[str]:
    with pytest.raises(ValidationFailed) as caught:
        load_regime_text(text, "mine.yaml", catalog)
    return [e.describe() for e in caught.value.errors]


GOOD = {
    "id": "mine",
    "name": "My regime",
    "source": "my notes",
    "disclaimer": "Sample data, not legal advice.",
    "territory": ["RU", "BY"],
    "valid_from": "2024-01-01",
    "operations": [{"id": "weld", "name": "Welding", "points": 10}],
    "categories": [
        {
            "id": "frames",
            "name": "Frames",
            "okpd2": ["25.11"],
            "thresholds": [{"from": "2024-01-01", "points": 5}],
        }
    ],
}


def test_a_valid_regime_file_loads() -> None:
    loaded = load_regime_text(json.dumps(GOOD), "mine.json", catalog)
    assert loaded.territory == frozenset({"RU", "BY"})


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"territory": ["RU", "XX"]}, "mine.yaml: territory: not an ISO 3166-1"),
        (
            {"operations": [{"id": "weld", "name": "W", "points": -1}]},
            "mine.yaml: operations[0].points: must be a finite number",
        ),
        (
            {"operations": [{"id": "weld", "name": "W", "pionts": 1}]},
            "mine.yaml: operations[0].pionts: unknown field",
        ),
        (
            {
                "categories": [
                    {
                        "id": "f",
                        "name": "F",
                        "okpd2": ["25.11"],
                        "operations": ["cut"],
                        "thresholds": [{"points": 5}],
                    }
                ]
            },
            "mine.yaml: categories[0].operations: no such operation",
        ),
        (
            {
                "categories": [
                    {
                        "id": "f",
                        "name": "F",
                        "okpd2": ["25.11"],
                        "thresholds": [
                            {"from": "2025-01-01", "points": 5},
                            {"from": "2024-06-01", "points": 6},
                        ],
                    }
                ]
            },
            "mine.yaml: categories[0].thresholds[1].from: thresholds must be in order",
        ),
        (
            {
                "categories": [
                    {
                        "id": "f",
                        "name": "F",
                        "okpd2": ["25.11"],
                        "thresholds": [{"from": "2025-01-01", "percent": 120}],
                    }
                ]
            },
            "mine.yaml: categories[0].thresholds[0].percent: must be more than 0 and at most 100",
        ),
        ({"valid_from": "someday"}, "mine.yaml: valid_from: must be a date"),
    ],
)
def test_a_malformed_regime_names_file_field_and_reason(
    change: dict[str, object], expected: str
) -> None:
    assert any(message.startswith(expected) for message in _bad(json.dumps({**GOOD, **change})))


def test_a_malformed_file_among_good_ones_stops_the_load(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: broken\nname: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        load_regimes(catalog, [tmp_path])
    assert caught.value.errors[0].field.endswith("broken.yaml")
    (tmp_path / "broken.yaml").write_text(json.dumps({**GOOD, "id": "ru-pp719-bearings"}))
    with pytest.raises(ValidationFailed, match="regime id also used"):
        load_regimes(catalog, [tmp_path])
