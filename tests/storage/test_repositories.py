"""Repositories on real databases: what goes in comes out; filters and pages are exact."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import pytest

from coopex.app import Coopex
from coopex.domain.codes import parse_code
from coopex.domain.listings import Listing, ListingKind, ListingStatus, build_listing
from coopex.domain.organizations import Contact, build_organization
from coopex.domain.paging import decode_cursor
from coopex.domain.queries import ListingFilter, OrganizationFilter
from coopex.storage.listings import ListingRepository
from coopex.storage.organizations import OrganizationRepository
from tests.conftest import listing_raw, org_raw


def test_organisation_round_trip(coopex: Coopex) -> None:
    org = build_organization(
        org_raw(
            "rm-rail",
            name="УК «РМ Рейл»",
            aliases=["RM Rail", "РМ Рейл"],
            contacts=[
                {"name": "Сергей Дробжев", "role": "технический директор", "email": "s@rm.example"}
            ],
            description="Вагоностроение.\nВторая строка.",
        ),
        coopex.catalog,
    )
    with coopex.database.transaction() as connection:
        stored = OrganizationRepository(connection).add(org)
    with coopex.database.transaction() as connection:
        loaded = OrganizationRepository(connection).get(ref="rm-rail")
    assert loaded == org
    assert loaded is not None and loaded.id == stored.id
    assert loaded.contacts == (
        Contact("Сергей Дробжев", "технический директор", "s@rm.example", None),
    )


def _seed(coopex: Coopex) -> list[Listing]:
    catalog = coopex.catalog
    rows = [
        listing_raw(
            "a", "ru-org", language="ru", codes=["HS:860719", "OKPD2:30.20.40"], sectors=["rail"]
        ),
        listing_raw(
            "b",
            "cn-org",
            kind="offer",
            language="en",
            title="Freight car BOGIES",
            codes=["HS:8607"],
            sectors=["rail", "metalworking"],
            region="CN-JS",
        ),
        listing_raw(
            "c",
            "cn-org",
            kind="offer",
            language="zh",
            title="货车转向架",
            description="",
            codes=["HS:8708"],
            sectors=["auto_components"],
            quantity="12.50",
            unit="t",
            valid_until="2027-01-31",
        ),
        listing_raw("d", "ru-org", language="ru", title="Черновик", status="draft", codes=[]),
        listing_raw(
            "e", "ru-org", language="ru", title="100% скидка_на_всё", codes=["HS:87"], sectors=[]
        ),
    ]
    with coopex.database.transaction() as connection:
        orgs = OrganizationRepository(connection)
        ru = orgs.add(build_organization(org_raw("ru-org"), catalog))
        cn = orgs.add(build_organization(org_raw("cn-org", country="CN", region="CN-JS"), catalog))
        ids = {"ru-org": ru.id, "cn-org": cn.id}
        repo = ListingRepository(connection)
        return [repo.add(build_listing(raw, catalog), ids[str(raw["org"])] or 0) for raw in rows]


def refs(listings: Sequence[Listing]) -> list[str]:
    return [item.ref for item in listings]


def test_listing_round_trip_keeps_every_field(coopex: Coopex) -> None:
    stored = _seed(coopex)
    with coopex.database.transaction() as connection:
        loaded = ListingRepository(connection).get(ref="c")
    assert loaded == stored[2]
    assert loaded is not None
    assert loaded.quantity == Decimal("12.50") and str(loaded.quantity) == "12.50"
    assert loaded.valid_until == date(2027, 1, 31)
    assert loaded.created_at is not None and loaded.created_at.tzinfo is not None


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (ListingFilter(), ["a", "b", "c", "e"]),
        (ListingFilter(kind=ListingKind.OFFER), ["b", "c"]),
        (ListingFilter(country="CN"), ["b", "c"]),
        (ListingFilter(region="CN-JS"), ["b"]),
        (ListingFilter(code_prefix=parse_code("HS:8607")), ["a", "b"]),
        (ListingFilter(code_prefix=parse_code("HS:87")), ["c", "e"]),
        (ListingFilter(code_prefix=parse_code("OKPD2:30.20")), ["a"]),
        (ListingFilter(sector="rail"), ["a", "b"]),
        (ListingFilter(text="bogies"), ["b"]),
        (ListingFilter(text="ГРУЗОВЫХ"), ["a"]),  # case-insensitive beyond ASCII
        (ListingFilter(text="转向架"), ["c"]),
        (ListingFilter(text="100%"), ["e"]),  # LIKE wildcards are literal
        (ListingFilter(text="_на_"), ["e"]),
        (ListingFilter(language="zh"), ["c"]),
        (ListingFilter(org_ref="ru-org"), ["a", "e"]),
        (ListingFilter(status=ListingStatus.DRAFT), ["d"]),
    ],
)
def test_listing_filters(coopex: Coopex, filters: ListingFilter, expected: list[str]) -> None:
    _seed(coopex)
    with coopex.database.transaction() as connection:
        page = ListingRepository(connection).page(filters, after_id=0, limit=50)
    assert refs(page.items) == expected
    assert page.next_cursor is None


def test_unpublished_listings_only_for_visible_organisations(coopex: Coopex) -> None:
    _seed(coopex)
    with coopex.database.transaction() as connection:
        repo = ListingRepository(connection)
        drafts = ListingFilter(status=ListingStatus.DRAFT)
        assert refs(repo.page(drafts, 0, 50, visible_org_ids=frozenset()).items) == []
        ru_id = OrganizationRepository(connection).ids_by_ref(["ru-org"])["ru-org"]
        assert refs(repo.page(drafts, 0, 50, visible_org_ids=frozenset({ru_id})).items) == ["d"]


@pytest.mark.parametrize("limit", [1, 2, 3, 4, 5])
def test_pages_cover_everything_once(coopex: Coopex, limit: int) -> None:
    _seed(coopex)
    seen: list[str] = []
    cursor = None
    with coopex.database.transaction() as connection:
        repo = ListingRepository(connection)
        while True:
            page = repo.page(ListingFilter(), decode_cursor(cursor), limit)
            assert len(page.items) <= limit
            seen += refs(page.items)
            cursor = page.next_cursor
            if cursor is None:
                break
    assert seen == ["a", "b", "c", "e"]


def test_organisation_filters(coopex: Coopex) -> None:
    _seed(coopex)
    with coopex.database.transaction() as connection:
        repo = OrganizationRepository(connection)
        assert [o.ref for o in repo.page(OrganizationFilter(country="CN"), 0, 10).items] == [
            "cn-org"
        ]
        assert [
            o.ref for o in repo.page(OrganizationFilter(text="ORGANISATION RU"), 0, 10).items
        ] == ["ru-org"]
        assert repo.count() == 2
