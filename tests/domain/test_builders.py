"""Building organisations and listings from raw records: every bad field is named."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopex.domain.errors import ValidationFailed
from coopex.domain.listings import ListingKind, build_listing, listing_record
from coopex.domain.organizations import build_organization, organization_record
from coopex.reference.catalog import ShippedCatalog
from tests.conftest import listing_raw, org_raw

catalog = ShippedCatalog()


def fields_of(error: ValidationFailed) -> set[str]:
    return {e.field for e in error.errors}


def test_a_valid_organisation_is_normalised() -> None:
    org = build_organization(
        org_raw(
            "rm",
            name="  УК  «РМ Рейл» ",
            country="ru",
            region="ru-mo",
            aliases=["RM Rail", "RM Rail"],
        ),
        catalog,
    )
    assert org.name == "УК «РМ Рейл»"
    assert (org.country, org.region) == ("RU", "RU-MO")
    assert org.aliases == ("RM Rail",)


def test_every_bad_organisation_field_is_reported_at_once() -> None:
    raw = org_raw(
        "bad ref!",
        name="",
        kind="factory",
        country="XX",
        region="RU-MO",
        activity_codes=["HS:8607", "OKVED2:77.777.7777"],
        website="example.org",
    )
    with pytest.raises(ValidationFailed) as caught:
        build_organization(raw, catalog)
    assert fields_of(caught.value) == {
        "ref",
        "name",
        "kind",
        "country",
        "activity_codes",
        "website",
    }
    reasons = " ".join(e.reason for e in caught.value.errors)
    assert "activity code" in reasons  # HS is a product code, not an activity


def test_region_must_lie_in_the_country() -> None:
    with pytest.raises(ValidationFailed) as caught:
        build_organization(org_raw("x", country="BY", region="RU-TA"), catalog)
    assert [e.field for e in caught.value.errors] == ["region"]
    assert "not in country BY" in caught.value.errors[0].reason


def test_unknown_region_and_unknown_hs_chapter_are_refused() -> None:
    with pytest.raises(ValidationFailed) as caught:
        build_listing(
            listing_raw("l", "o", region="RU-ZZZ", codes=["HS:7700"], language="ru"), catalog
        )
    assert fields_of(caught.value) == {"region", "codes"}


def test_listing_without_ref_gets_a_stable_one() -> None:
    raw = listing_raw("", "rm-rail", language="ru")
    first = build_listing(raw, catalog)
    second = build_listing(raw, catalog)
    assert first.ref == second.ref
    assert first.ref.startswith("lst-")
    assert first.kind is ListingKind.REQUEST


def test_unit_needs_quantity_and_quantity_must_be_a_number() -> None:
    with pytest.raises(ValidationFailed) as caught:
        build_listing(listing_raw("l", "o", language="ru", unit="t"), catalog)
    assert fields_of(caught.value) == {"quantity"}
    with pytest.raises(ValidationFailed) as caught:
        build_listing(listing_raw("l", "o", language="ru", quantity="lots", unit="t"), catalog)
    assert fields_of(caught.value) == {"quantity"}


def test_list_items_may_not_contain_the_csv_separator() -> None:
    with pytest.raises(ValidationFailed) as caught:
        build_organization(org_raw("x", aliases=["A; B"]), catalog)
    assert fields_of(caught.value) == {"aliases"}


names = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "Zs", "P"]), min_size=1, max_size=60
).filter(lambda s: s.strip() and ";" not in s)


@given(
    name=names,
    region=st.sampled_from([None, "RU-TA", "RU-SMO", "RU-MO"]),
    codes=st.lists(st.sampled_from(["OKVED2:30.20", "NACE:28", "OKVED2:25.62"]), max_size=3),
    aliases=st.lists(names, max_size=3),
)
def test_organisation_record_rebuilds_to_the_same_organisation(
    name: str, region: str | None, codes: list[str], aliases: list[str]
) -> None:
    org = build_organization(
        org_raw("o1", name=name, region=region, activity_codes=codes, aliases=aliases), catalog
    )
    assert build_organization(organization_record(org), catalog) == org


@given(
    title=names,
    # NUL cannot be stored (PostgreSQL) and lone surrogates are not text: both are refused
    # (see test_hostile_inputs.py)
    description=st.text(
        alphabet=st.characters(exclude_characters="\x00", exclude_categories=["Cs"]),
        max_size=300,
    ),
    quantity=st.none() | st.decimals(min_value=0, max_value=10**9, places=3),
    sectors=st.lists(
        st.sampled_from(["rail", "food", "metalworking", "microelectronics"]), max_size=3
    ),
)
def test_listing_record_rebuilds_to_the_same_listing(
    title: str, description: str, quantity: object, sectors: list[str]
) -> None:
    raw = listing_raw(
        "l1",
        "o1",
        title=title,
        description=description,
        language="en",
        sectors=sectors,
        quantity=quantity,
        unit="t" if quantity is not None else None,
    )
    listing = build_listing(raw, catalog)
    assert build_listing(listing_record(listing), catalog) == listing
