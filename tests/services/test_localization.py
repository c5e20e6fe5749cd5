"""Localization through the service, on every backend: products kept per organisation with
their assessments' history, permissions as for listings, nothing half-stored, partners for a
plan found in the registry by the matching engine."""

from __future__ import annotations

from datetime import date

import pytest

from coopex.app import Coopex
from coopex.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from coopex.engines.localization.plan import PlanStatus
from coopex.services.demo import load_demo
from coopex.storage.tables import product_assessments, products
from tests.conftest import OPERATOR, People, org_raw

GENERATOR = {
    "name": "Diesel generator set 200 kW",
    "okpd2": "27.11.31",
    "operations": [
        {"operation": "assembly and tests", "points": 180, "country": "RU"},
        {"operation": "engine", "points": 70, "country": "RU", "performer": "motor-works"},
        {"operation": "alternator", "points": 90, "country": "CN"},
    ],
    "plan": {
        "start": "2026-03-01",
        "operations": [{"operation": "alternator", "cost": 2500000, "lead_time_days": 200}],
        "partners": [{"partner": "elektrosila", "operation": "alternator", "country": "RU"}],
    },
}


def count(coopex: Coopex, table: object) -> int:
    import sqlalchemy as sa

    with coopex.database.transaction() as connection:
        return int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


@pytest.fixture
def plant(coopex: Coopex) -> Coopex:
    coopex.registry.create_organization(OPERATOR, org_raw("gen-plant"))
    coopex.registry.create_organization(OPERATOR, org_raw("other-plant"))
    return coopex


def test_products_are_kept_with_their_assessment_history(plant: Coopex, people: People) -> None:
    member, _ = people.member("gen-plant")
    stored = plant.localization.create_product(member, "gen-plant", GENERATOR)
    assert (stored.regime, stored.category) == ("ru-pp719-thresholds", "okpd2-27.11.31")
    assert stored.plan is not None
    first, entry = plant.localization.assess_product(
        member, "gen-plant", stored.ref, date(2026, 6, 1)
    )
    assert first.eligible and entry.score == 250 and entry.threshold == 180
    _, later = plant.localization.assess_product(
        member, "gen-plant", stored.ref, date(2027, 6, 1), "RU"
    )
    assert not later.eligible
    history = plant.localization.history(member, "gen-plant", stored.ref)
    assert [(e.on, e.eligible) for e in history.items] == [
        (date(2026, 6, 1), True),
        (date(2027, 6, 1), False),
    ]
    assert history.items[0].result["contributions"]
    page = plant.localization.list_products(member, "gen-plant")
    assert [p.ref for p in page.items] == [stored.ref]
    trail = plant.audit.recent(OPERATOR, entity="product")
    assert {e.action for e in trail} == {"product.create", "product.assess"}


def test_who_may_see_and_change_products(plant: Coopex, people: People) -> None:
    member, _ = people.member("gen-plant")
    outsider, _ = people.member("other-plant")
    staff, _ = people.staff()
    admin, _ = people.admin()
    stored = plant.localization.create_product(member, "gen-plant", GENERATOR)
    with pytest.raises(PermissionDenied):
        plant.localization.create_product(outsider, "gen-plant", {**GENERATOR, "name": "B"})
    with pytest.raises(PermissionDenied):
        plant.localization.list_products(outsider, "gen-plant")
    with pytest.raises(PermissionDenied):
        plant.localization.get_product(outsider, "gen-plant", stored.ref)
    with pytest.raises(PermissionDenied):
        plant.localization.create_product(staff, "gen-plant", {**GENERATOR, "name": "C"})
    assert plant.localization.get_product(staff, "gen-plant", stored.ref).ref == stored.ref
    with pytest.raises(PermissionDenied):
        plant.localization.assess_product(staff, "gen-plant", stored.ref, date(2026, 6, 1))
    plant.localization.assess_product(admin, "gen-plant", stored.ref, date(2026, 6, 1))
    assert len(plant.localization.history(staff, "gen-plant", stored.ref).items) == 1
    with pytest.raises(NotFound):
        plant.localization.get_product(admin, "other-plant", stored.ref)
    with pytest.raises(Conflict):
        plant.localization.create_product(member, "gen-plant", GENERATOR)


def test_bad_products_store_nothing(plant: Coopex) -> None:
    bad = {**GENERATOR, "operations": [{"operation": "assembly", "country": "RU"}]}
    with pytest.raises(ValidationFailed, match=r"operations\[0\]\.points"):
        plant.localization.create_product(OPERATOR, "gen-plant", bad)
    bad_plan = {
        **GENERATOR,
        "plan": {"operations": [{"operation": "alternator", "cost": -1, "lead_time_days": 10}]},
    }
    with pytest.raises(ValidationFailed, match=r"plan.operations\[0\].cost"):
        plant.localization.create_product(OPERATOR, "gen-plant", bad_plan)
    with pytest.raises(NotFound):
        plant.localization.create_product(OPERATOR, "no-such-org", GENERATOR)
    assert count(plant, products) == 0
    stored = plant.localization.create_product(OPERATOR, "gen-plant", GENERATOR)
    with pytest.raises(ValidationFailed, match="outside regime"):
        plant.localization.assess_product(OPERATOR, "gen-plant", stored.ref, date(2014, 1, 1))
    with pytest.raises(ValidationFailed, match="territory"):
        plant.localization.assess_product(OPERATOR, "gen-plant", stored.ref, None, "RU+ZZ")
    assert count(plant, product_assessments) == 0


def test_a_plan_with_partners_named_in_the_file(coopex: Coopex) -> None:
    report = coopex.localization.plan(
        GENERATOR,
        date(2027, 1, 1),
        plan_input=GENERATOR["plan"],  # type: ignore[arg-type]
        search_registry=False,
    )
    plan = report.plan
    assert plan.status is PlanStatus.OPTIMAL
    assert [(m.operation, m.partner, m.cost) for m in plan.moves] == [
        ("alternator", "elektrosila", 2500000.0)
    ]
    assert plan.after is not None and plan.after.score == 340
    short = coopex.localization.plan(
        GENERATOR,
        date(2027, 1, 1),
        plan_input=GENERATOR["plan"],  # type: ignore[arg-type]
        budget=1_000_000,
        search_registry=False,
    )
    assert short.plan.status is PlanStatus.INFEASIBLE
    assert short.plan.blockers[0].constraint == "budget"
    assert short.plan.blockers[0].shortfall == pytest.approx(1_500_000)
    with pytest.raises(ValidationFailed, match=r"plan.operations\[0\].operation"):
        coopex.localization.plan(
            GENERATOR,
            date(2027, 1, 1),
            search_registry=False,
            plan_input={"operations": [{"operation": "welding", "cost": 1, "lead_time_days": 1}]},
        )


def test_union_state_comparison(coopex: Coopex) -> None:
    bus = {
        "name": "Electric bus",
        "okpd2": "29.10.30",
        "category": "e-bus",
        "operations": [
            {"operation": "body-welding", "country": "RU"},
            {"operation": "body-painting", "country": "BY"},
            {"operation": "rotor-stator", "country": "BY"},
            {"operation": "extra: gearbox", "extra": True, "points": 600, "country": "RU"},
            {"operation": "extra: batteries", "extra": True, "points": 600, "country": "RU"},
        ],
    }
    result = coopex.localization.compare(bus, date(2026, 6, 1))
    assert result.russia.score == 1600 and not result.russia.eligible
    assert result.union_state.score == 2250 and result.union_state.eligible
    assert set(result.recognised) == {"body-painting", "rotor-stator"}
    assert result.gained == 650


def test_registry_partners_for_a_plan(coopex: Coopex) -> None:
    """Partners inside the territory come from the demo registry through the matching engine."""
    load_demo(coopex.transfer, coopex.accounts)
    truck = {
        "name": "Heavy truck",
        "okpd2": "29.10.41",
        "category": "trucks",
        "operations": [
            {"operation": "body-welding", "country": "RU"},
            {"operation": "body-painting", "country": "RU"},
            {"operation": "extra: frame and axles", "extra": True, "points": 2400, "country": "RU"},
            {"operation": "stamping-70", "country": "CN"},
        ],
    }
    plan_input = {
        "operations": [{"operation": "stamping-70", "cost": 900000, "lead_time_days": 120}]
    }
    report = coopex.localization.plan(
        truck, date(2027, 6, 1), plan_input=plan_input, start=date(2026, 6, 1)
    )
    assert report.candidates, "no partner found in the registry"
    countries = {c.country for c in report.candidates}
    assert countries <= {"RU"}
    assert all(c.note.startswith("registry offer") for c in report.candidates)
    plan = report.plan
    assert plan.status is PlanStatus.OPTIMAL
    assert [m.operation for m in plan.moves] == ["stamping-70"]
    assert plan.after is not None and plan.after.eligible
