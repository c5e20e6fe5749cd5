"""Agency staff act for the organisations of their region, audited on their behalf."""

from __future__ import annotations

import pytest

from coopex.app import Coopex
from coopex.domain.errors import NotFound, PermissionDenied
from coopex.domain.listings import ListingStatus
from coopex.domain.queries import ListingFilter
from tests.conftest import OPERATOR, People, listing_raw, org_raw


@pytest.fixture
def agencies(coopex: Coopex) -> None:
    """The Ulyanovsk development corporation (RU-ULY) and a Tatarstan agency (RU-TA)."""
    coopex.registry.create_organization(
        OPERATOR, org_raw("uly-idc", kind="agency", region="RU-ULY")
    )
    coopex.registry.create_organization(
        OPERATOR, org_raw("ta-agency", kind="agency", region="RU-TA")
    )
    coopex.registry.create_organization(OPERATOR, org_raw("rm-rail", region="RU-ULY"))


@pytest.mark.usefixtures("agencies")
def test_staff_publish_for_an_enterprise_of_their_region_on_its_behalf(
    coopex: Coopex, people: People
) -> None:
    staff, _ = people.staff("uly-idc")
    assert staff.regions == {"RU-ULY"}
    listing = coopex.registry.create_listing(staff, listing_raw("rm-1", "rm-rail"))
    assert listing.org_ref == "rm-rail"
    coopex.registry.update_listing(staff, "rm-1", {"title": "Литые детали тележек"})
    coopex.registry.update_organization(staff, "rm-rail", {"website": "https://rmrail.example"})
    coopex.registry.close_listing(staff, "rm-1")
    trail = coopex.audit.recent(OPERATOR)
    assert [(e.action, e.actor, e.on_behalf_of) for e in trail[:4]] == [
        ("listing.close", staff.label, "rm-rail"),
        ("organization.update", staff.label, "rm-rail"),
        ("listing.update", staff.label, "rm-rail"),
        ("listing.create", staff.label, "rm-rail"),
    ]
    closed = ListingFilter(status=ListingStatus.CLOSED)
    assert [x.ref for x in coopex.registry.list_listings(staff, closed).items] == ["rm-1"]
    assert coopex.registry.get_listing(staff, "rm-1").status is ListingStatus.CLOSED


@pytest.mark.usefixtures("agencies")
def test_staff_of_another_region_are_refused_and_the_refusal_is_logged(
    coopex: Coopex, people: People
) -> None:
    far, _ = people.staff("ta-agency")
    with pytest.raises(PermissionDenied, match=r"not in your agency's region \(RU-ULY\)"):
        coopex.registry.create_listing(far, listing_raw("rm-1", "rm-rail"))
    denied = coopex.audit.recent(OPERATOR, limit=1)[0]
    assert denied.outcome.value == "denied" and denied.action == "listing.create"
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-d", "rm-rail", status="draft"))
    with pytest.raises(NotFound):
        coopex.registry.get_listing(far, "rm-d")


@pytest.mark.usefixtures("agencies")
def test_staff_register_an_enterprise_of_their_region_which_keeps_control(
    coopex: Coopex, people: People
) -> None:
    staff, _ = people.staff("uly-idc")
    org = coopex.registry.create_organization(staff, org_raw("aviastar", region="RU-ULY"))
    entry = coopex.audit.recent(OPERATOR, entity="organization", entity_ref="aviastar")[0]
    assert entry.on_behalf_of == "aviastar" and entry.actor == staff.label
    again = coopex.accounts.actor_for(coopex.accounts.user(staff.label))
    assert org.id not in again.organizations  # not a member: it acts through its region
    owner, _ = people.member("aviastar")
    coopex.registry.update_organization(owner, "aviastar", {"description": "Aircraft plant"})
    assert coopex.audit.recent(OPERATOR, limit=1)[0].on_behalf_of is None  # as itself
    coopex.registry.create_listing(owner, listing_raw("av-1", "aviastar"))
    coopex.registry.update_listing(staff, "av-1", {"description": "Castings for the plant"})
    assert coopex.registry.get_listing(owner, "av-1").description == "Castings for the plant"
    # Outside the region, staff register as before and become members.
    elsewhere = coopex.registry.create_organization(staff, org_raw("kazan-co", region="RU-TA"))
    assert (
        elsewhere.id in coopex.accounts.actor_for(coopex.accounts.user(staff.label)).organizations
    )


@pytest.mark.usefixtures("agencies")
def test_staff_express_interest_for_their_region(coopex: Coopex, people: People) -> None:
    coopex.registry.create_organization(OPERATOR, org_raw("orbita", region="RU-MO"))
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-1", "rm-rail"))
    coopex.registry.create_listing(OPERATOR, listing_raw("orb-1", "orbita", kind="offer"))
    staff, _ = people.staff("uly-idc")
    interest = coopex.interests.express(staff, "rm-1", "orb-1")
    entry = coopex.audit.recent(OPERATOR, entity="interest", limit=1)[0]
    assert entry.on_behalf_of == "rm-rail"
    assert [i.id for i in coopex.interests.page(staff).items] == [interest.id]
    with pytest.raises(PermissionDenied):
        coopex.interests.accept(staff, interest.id or 0)  # Orbita's to decide, not RU-ULY's
