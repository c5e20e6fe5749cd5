"""Registry use cases: who may change what, and that every change and refusal is logged."""

from __future__ import annotations

import pytest

from coopex.app import Coopex
from coopex.domain.audit import Outcome
from coopex.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from coopex.domain.listings import ListingStatus
from coopex.domain.queries import ListingFilter
from tests.conftest import OPERATOR, People, listing_raw, org_raw


@pytest.fixture
def two_orgs(coopex: Coopex) -> None:
    coopex.registry.create_organization(OPERATOR, org_raw("rm-rail"))
    coopex.registry.create_organization(OPERATOR, org_raw("orbita"))
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-1", "rm-rail"))


@pytest.mark.usefixtures("two_orgs")
def test_member_of_one_organisation_cannot_change_anothers_listing(
    coopex: Coopex, people: People
) -> None:
    intruder, _ = people.member("orbita")
    before = coopex.registry.get_listing(intruder, "rm-1")
    with pytest.raises(PermissionDenied, match="not a member"):
        coopex.registry.update_listing(intruder, "rm-1", {"title": "Hijacked"})
    with pytest.raises(PermissionDenied):
        coopex.registry.close_listing(intruder, "rm-1")
    assert coopex.registry.get_listing(intruder, "rm-1") == before
    denied = [
        e for e in coopex.audit.recent(OPERATOR, entity="listing") if e.outcome is Outcome.DENIED
    ]
    assert [(e.action, e.actor, e.entity_ref) for e in denied] == [
        ("listing.close", intruder.label, "rm-1"),
        ("listing.update", intruder.label, "rm-1"),
    ]


@pytest.mark.usefixtures("two_orgs")
def test_member_updates_and_closes_own_listing_with_audit(coopex: Coopex, people: People) -> None:
    owner, _ = people.member("rm-rail")
    changes = {
        "title": "Wagon couplers wanted",
        "description": "Automatic couplers, serial supply.",
    }
    updated = coopex.registry.update_listing(owner, "rm-1", changes)
    assert updated.title == "Wagon couplers wanted"
    assert updated.language == "en"  # re-detected from the new text
    closed = coopex.registry.close_listing(owner, "rm-1")
    assert closed.status is ListingStatus.CLOSED
    with pytest.raises(Conflict):
        coopex.registry.close_listing(owner, "rm-1")
    trail = coopex.audit.recent(OPERATOR, entity="listing", entity_ref="rm-1")
    assert [(e.action, e.outcome) for e in trail] == [
        ("listing.close", Outcome.DONE),
        ("listing.update", Outcome.DONE),
        ("listing.create", Outcome.DONE),
    ]
    assert '"title": ["Изготовление' in trail[1].detail  # old and new values are kept


@pytest.mark.usefixtures("two_orgs")
def test_closed_and_draft_listings_are_hidden_from_outsiders(
    coopex: Coopex, people: People
) -> None:
    owner, _ = people.member("rm-rail")
    outsider, _ = people.member("orbita")
    coopex.registry.create_listing(owner, listing_raw("rm-draft", "rm-rail", status="draft"))
    with pytest.raises(NotFound):
        coopex.registry.get_listing(outsider, "rm-draft")
    assert coopex.registry.get_listing(owner, "rm-draft").status is ListingStatus.DRAFT
    drafts = ListingFilter(status=ListingStatus.DRAFT)
    assert [x.ref for x in coopex.registry.list_listings(outsider, drafts).items] == []
    assert [x.ref for x in coopex.registry.list_listings(owner, drafts).items] == ["rm-draft"]


def test_staff_register_organisations_and_become_members(coopex: Coopex, people: People) -> None:
    staff, _ = people.staff()
    org = coopex.registry.create_organization(staff, org_raw("new-co"))
    again = coopex.accounts.authenticate(
        people.coopex.accounts.issue_token(OPERATOR, staff.label).secret
    )
    assert org.id in again.organizations
    coopex.registry.update_organization(again, "new-co", {"website": "https://new.example"})


def test_enterprise_members_cannot_register_organisations(coopex: Coopex, people: People) -> None:
    member, _ = people.member()
    with pytest.raises(PermissionDenied):
        coopex.registry.create_organization(member, org_raw("sneaky"))
    with pytest.raises(NotFound):
        coopex.registry.get_organization("sneaky")


@pytest.mark.usefixtures("two_orgs")
def test_ref_and_owner_cannot_change(coopex: Coopex) -> None:
    with pytest.raises(ValidationFailed) as caught:
        coopex.registry.update_listing(OPERATOR, "rm-1", {"ref": "other", "org": "orbita"})
    assert {e.field for e in caught.value.errors} == {"ref", "org"}


@pytest.mark.usefixtures("two_orgs")
def test_duplicates_and_dangling_owners_are_refused(coopex: Coopex) -> None:
    with pytest.raises(Conflict):
        coopex.registry.create_organization(OPERATOR, org_raw("rm-rail"))
    with pytest.raises(Conflict):
        coopex.registry.create_listing(OPERATOR, listing_raw("rm-1", "rm-rail"))
    with pytest.raises(ValidationFailed) as caught:
        coopex.registry.create_listing(OPERATOR, listing_raw("x", "nobody"))
    assert caught.value.errors[0].field == "org"
