"""Products, territories and plan inputs: every bad field is named, nothing silently fixed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopex.domain.errors import ValidationFailed
from coopex.domain.localization import okpd2_within, parse_territory
from coopex.domain.localization_plans import build_plan_input
from coopex.domain.localization_products import build_product, product_record, resolve_product
from coopex.reference.catalog import ShippedCatalog
from coopex.reference.regimes import load_regimes

catalog = ShippedCatalog()
REGIMES = load_regimes(catalog)


def fields(error: ValidationFailed) -> set[str]:
    return {e.field for e in error.errors}


def test_every_bad_product_field_is_named() -> None:
    with pytest.raises(ValidationFailed) as caught:
        build_product(
            {
                "name": "",
                "okpd2": "27-11",
                "operations": [
                    {"operation": "assembly", "points": -3, "country": "ZZ"},
                    {"points": 5, "country": "russia"},
                    "welding",
                ],
            },
            catalog,
        )
    assert fields(caught.value) == {
        "name",
        "okpd2",
        "operations[0].points",
        "operations[0].country",
        "operations[1].operation",
        "operations[1].country",
        "operations[2]",
    }


def test_unknown_operation_unknown_category_and_missing_points_are_named() -> None:
    bus = build_product(
        {
            "name": "Bus",
            "okpd2": "29.10.30",
            "category": "bus",
            "operations": [
                {"operation": "welding of wings", "country": "RU"},
                {"operation": "emotor-assembly", "country": "RU"},
            ],
        },
        catalog,
    )
    with pytest.raises(ValidationFailed) as caught:
        resolve_product(REGIMES, bus)
    reasons = {e.field: e.reason for e in caught.value.errors}
    assert "no such operation" in reasons["operations[0].operation"]
    assert "does not apply to category 'bus'" in reasons["operations[1].operation"]
    unknown = build_product(
        {"name": "X", "okpd2": "29.10.30", "category": "boats", "operations": [{"operation": "a"}]},
        catalog,
    )
    with pytest.raises(ValidationFailed, match="category: no such category"):
        resolve_product(REGIMES, unknown)
    nowhere = build_product(
        {"name": "X", "okpd2": "01.11", "operations": [{"operation": "a"}]}, catalog
    )
    with pytest.raises(ValidationFailed, match="okpd2: no shipped regime"):
        resolve_product(REGIMES, nowhere)
    no_points = build_product(
        {
            "name": "G",
            "okpd2": "27.11.31",
            "operations": [{"operation": "assembly", "country": "RU"}],
        },
        catalog,
    )
    with pytest.raises(ValidationFailed, match=r"operations\[0\].points: is required"):
        resolve_product(REGIMES, no_points)


def test_territories() -> None:
    assert parse_territory("RU", catalog) == {"RU"}
    assert parse_territory("ru+by", catalog) == {"RU", "BY"}
    assert parse_territory("EAEU", catalog) == {"AM", "BY", "KZ", "KG", "RU"}
    with pytest.raises(ValidationFailed, match="territory: no such ISO 3166-1 country"):
        parse_territory("RU+XX", catalog)
    with pytest.raises(ValidationFailed, match="ISO 3166-1 alpha-2"):
        parse_territory("Russia", catalog)


def test_okpd2_prefixes_follow_the_levels() -> None:
    assert okpd2_within("27.11.31.000", "27.11.31")
    assert okpd2_within("27.11.26.000", "27.11.2")  # a one-digit subgroup
    assert okpd2_within("29.10.30.110", "29.10.3")
    assert not okpd2_within("27.11.41", "27.11.4.1")
    assert not okpd2_within("27.11.310", "27.11.31")
    assert not okpd2_within("28.92.21.110", "28.92.1")


def test_plan_inputs_name_bad_fields() -> None:
    with pytest.raises(ValidationFailed) as caught:
        build_plan_input(
            {
                "budget": 5,
                "onboarding_cost": -1,
                "operations": [
                    {"operation": "a", "cost": -10, "lead_time_days": 5},
                    {"operation": "b", "cost": 10, "lead_time_days": -1},
                ],
                "partners": [{"partner": "x y", "operation": "a", "country": "QQ"}],
            },
            catalog,
        )
    assert fields(caught.value) == {
        "plan.budget",
        "plan.onboarding_cost",
        "plan.operations[0].cost",
        "plan.operations[1].lead_time_days",
        "plan.partners[0].partner",
        "plan.partners[0].country",
    }


operation_names = st.text(
    st.characters(codec="utf-8", categories=["L", "N"]), min_size=1, max_size=20
)


@given(
    st.lists(
        st.tuples(operation_names, st.integers(0, 500), st.sampled_from(["RU", "BY", "CN", None])),
        min_size=1,
        max_size=8,
        unique_by=lambda t: t[0].casefold(),
    )
)
def test_product_record_round_trips(ops: list[tuple[str, int, str | None]]) -> None:
    raw = {
        "name": "Generator",
        "okpd2": "27.11.31",
        "operations": [
            {"operation": name, "points": points, **({"country": c} if c else {})}
            for name, points, c in ops
        ],
    }
    product = build_product(raw, catalog)
    assert build_product(product_record(product), catalog) == product
