"""Expressions of interest, contacts visibility and agencies acting for their region (no I/O)."""

from __future__ import annotations

import pytest

from coopex.domain.accounts import Actor, Role, User, acting_for, can_see_unpublished
from coopex.domain.errors import Conflict, PermissionDenied
from coopex.domain.interests import (
    Funnel,
    Interest,
    InterestStatus,
    as_seen_by,
    check_can_open_project,
    decide_interest,
)
from coopex.domain.organizations import Contact, ContactsVisibility, Organization, OrgKind

member = Actor("m@x", Role.ENTERPRISE_MEMBER, user_id=1, organizations=frozenset({10}))
outsider = Actor("o@x", Role.ENTERPRISE_MEMBER, user_id=2, organizations=frozenset({30}))
staff = Actor("s@x", Role.AGENCY_STAFF, 3, frozenset({20}), frozenset({"RU-ULY"}))
far_staff = Actor("f@x", Role.AGENCY_STAFF, 4, frozenset({21}), frozenset({"RU-TA"}))
admin = Actor.operator()

HIDDEN = Organization(
    ref="rm-rail",
    name="RM Rail",
    kind=OrgKind.ENTERPRISE,
    country="RU",
    region="RU-ULY",
    contacts=(Contact("Ivan", email="ivan@rmrail.example"),),
    contacts_visibility=ContactsVisibility.ON_ACCEPTED_INTEREST,
    id=10,
)


def test_agency_staff_act_for_their_region_on_its_behalf() -> None:
    assert acting_for(member, 10, "rm-rail", "RU-ULY") is None  # as itself
    assert acting_for(admin, 10, "rm-rail", "RU-ULY") is None
    assert acting_for(staff, 10, "rm-rail", "RU-ULY") == "rm-rail"  # on its behalf
    with pytest.raises(PermissionDenied, match=r"not in your agency's region \(RU-ULY\)"):
        acting_for(far_staff, 10, "rm-rail", "RU-ULY")
    with pytest.raises(PermissionDenied, match="no region"):
        acting_for(staff, 11, "somewhere", None)
    with pytest.raises(PermissionDenied, match="not a member"):
        acting_for(outsider, 10, "rm-rail", "RU-ULY")
    assert can_see_unpublished(staff, 10, "RU-ULY") and not can_see_unpublished(
        far_staff, 10, "RU-ULY"
    )


def test_only_agency_staff_carry_regions() -> None:
    user = User("x@y", "X", Role.ENTERPRISE_MEMBER, id=5)
    assert Actor.for_user(user, frozenset({1}), frozenset({"RU-ULY"})).regions == frozenset()
    staff_user = User("s@y", "S", Role.AGENCY_STAFF, id=6)
    assert Actor.for_user(staff_user, frozenset(), frozenset({"RU-ULY"})).regions == {"RU-ULY"}


def test_hidden_contacts_are_for_insiders_and_accepted_partners() -> None:
    assert as_seen_by(outsider, HIDDEN).contacts == ()
    assert as_seen_by(None, HIDDEN).contacts == ()
    assert as_seen_by(far_staff, HIDDEN).contacts == ()
    for insider in (member, staff, admin):
        assert as_seen_by(insider, HIDDEN).contacts == HIDDEN.contacts
    assert as_seen_by(outsider, HIDDEN, linked_by_interest=True).contacts == HIDDEN.contacts
    public = Organization("o", "O", OrgKind.ENTERPRISE, "RU", contacts=HIDDEN.contacts, id=1)
    assert as_seen_by(None, public) is public


def test_an_interest_is_decided_once_and_opens_one_project() -> None:
    pending = Interest("a", "b", "org-a", "org-b", id=7)
    assert decide_interest(pending, InterestStatus.ACCEPTED) is InterestStatus.ACCEPTED
    with pytest.raises(Conflict, match="back to pending"):
        decide_interest(pending, InterestStatus.PENDING)
    declined = Interest("a", "b", "org-a", "org-b", status=InterestStatus.DECLINED, id=7)
    with pytest.raises(Conflict, match="already declined"):
        decide_interest(declined, InterestStatus.ACCEPTED)
    with pytest.raises(Conflict, match="from an accepted interest"):
        check_can_open_project(pending)
    accepted = Interest("a", "b", "org-a", "org-b", status=InterestStatus.ACCEPTED, id=7)
    check_can_open_project(accepted)
    with pytest.raises(Conflict, match="already opened project 'p-1'"):
        check_can_open_project(
            Interest("a", "b", "x", "y", status=InterestStatus.ACCEPTED, project="p-1")
        )


def test_funnel_acceptance_rate() -> None:
    assert Funnel(10, 2, 6, 2, 0, 3).acceptance_rate == 0.75
    assert Funnel(1, 1, 0, 0, 0, 0).acceptance_rate is None
