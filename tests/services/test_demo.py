from __future__ import annotations

from collections import Counter

import pytest

from coopex.app import Coopex
from coopex.domain.listings import ListingKind
from coopex.domain.organizations import Provenance
from coopex.domain.queries import ListingFilter
from coopex.interchange.records import Entity
from coopex.services.demo import DEMO_USERS, load_demo
from tests.conftest import OPERATOR


def test_demo_loads_once_and_reloads_without_change(coopex: Coopex) -> None:
    first = load_demo(coopex.transfer, coopex.accounts)
    assert first.report.created[Entity.LISTINGS] >= 200
    assert not first.report.rejected
    second = load_demo(coopex.transfer, coopex.accounts)
    assert second.report.written == 0
    assert [u.email for u, _ in coopex.accounts.users()] == [u[0] for u in DEMO_USERS]
    assert coopex.accounts.authenticate(second.token.secret).is_admin


def test_demo_covers_three_languages_both_kinds_and_marks_its_sources(coopex: Coopex) -> None:
    load_demo(coopex.transfer, coopex.accounts)
    listings = list(coopex.transfer.export_records(Entity.LISTINGS))
    languages = Counter(str(x["language"]) for x in listings)
    assert set(languages) == {"ru", "en", "zh"} and min(languages.values()) >= 40
    assert {x["kind"] for x in listings} == {"offer", "request"}
    provenance = Counter(str(x["provenance"]) for x in listings)
    assert provenance[Provenance.SEED] >= 20 and provenance[Provenance.ILLUSTRATIVE] >= 150
    assert all(str(x["source"]).startswith("seed:") for x in listings if x["provenance"] == "seed")


def test_rm_rail_needs_from_the_seed_are_there(coopex: Coopex) -> None:
    load_demo(coopex.transfer, coopex.accounts)
    rm = coopex.registry.list_listings(
        OPERATOR, ListingFilter(org_ref="rm-rail", kind=ListingKind.REQUEST)
    )
    titles = " ".join(x.title for x in rm.items).lower()
    for need in ("металлообработ", "вагон", "нефтехим"):
        assert need in titles


def test_demo_refuses_a_database_with_data_of_its_own_unless_forced(coopex: Coopex) -> None:
    from coopex.domain.accounts import Role
    from coopex.services.demo import NotADemoDatabase
    from tests.conftest import org_raw

    coopex.registry.create_organization(OPERATOR, org_raw("ru-real-plant"))
    coopex.accounts.create_user(OPERATOR, "ops@plant.example", "Ops", Role.ADMIN, "long-pass-1")
    with pytest.raises(NotADemoDatabase) as refused:
        load_demo(coopex.transfer, coopex.accounts)
    assert "1 user(s)" in str(refused.value) and "1 organisation(s)" in str(refused.value)
    assert [u.email for u, _ in coopex.accounts.users()] == ["ops@plant.example"]
    assert load_demo(coopex.transfer, coopex.accounts, force=True).report.written > 0
