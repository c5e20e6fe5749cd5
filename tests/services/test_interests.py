"""Expressions of interest, contacts visibility and the funnel, on every backend."""

from __future__ import annotations

import pytest

from coopex.app import Coopex
from coopex.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from coopex.domain.interests import Direction, InterestStatus
from coopex.domain.projects import ListingPair, ProjectStage
from coopex.domain.queries import OrganizationFilter
from tests.conftest import OPERATOR, People, listing_raw, org_raw

CONTACTS = [{"name": "Ivan Petrov", "role": "sales", "email": "ivan@rmrail.example"}]


@pytest.fixture
def market(coopex: Coopex) -> None:
    """RM Rail (contacts hidden until an accepted interest) wants castings; Orbita and Third
    offer them."""
    coopex.registry.create_organization(
        OPERATOR,
        org_raw("rm-rail", contacts=CONTACTS, contacts_visibility="on_accepted_interest"),
    )
    coopex.registry.create_organization(OPERATOR, org_raw("orbita", contacts=CONTACTS))
    coopex.registry.create_organization(OPERATOR, org_raw("third"))
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-1", "rm-rail"))
    for ref, org in (("orb-1", "orbita"), ("third-1", "third")):
        coopex.registry.create_listing(
            OPERATOR, listing_raw(ref, org, kind="offer", title="Литьё деталей тележек")
        )


@pytest.mark.usefixtures("market")
def test_express_accept_and_contacts_are_shared(coopex: Coopex, people: People) -> None:
    orbita, _ = people.member("orbita")
    rm, _ = people.member("rm-rail")
    assert coopex.registry.get_organization("rm-rail", orbita).contacts == ()
    assert coopex.registry.get_organization("rm-rail").contacts == ()  # nobody in particular
    assert coopex.registry.get_organization("rm-rail", rm).contacts != ()
    assert coopex.registry.get_organization("orbita", rm).contacts != ()  # public

    interest = coopex.interests.express(orbita, "orb-1", "rm-1", "We cast bogie parts.")
    assert interest.status is InterestStatus.PENDING and interest.from_org == "orbita"
    assert interest.expressed_by == orbita.label and interest.message == "We cast bogie parts."
    assert [i.id for i in coopex.interests.page(rm, Direction.INCOMING).items] == [interest.id]
    assert coopex.interests.page(rm, Direction.OUTGOING).items == []
    assert [i.id for i in coopex.interests.page(orbita, Direction.OUTGOING).items] == [interest.id]
    with pytest.raises(PermissionDenied):
        coopex.interests.accept(orbita, interest.id or 0)  # not the side that was asked
    assert coopex.registry.get_organization("rm-rail", orbita).contacts == ()

    accepted = coopex.interests.accept(rm, interest.id or 0)
    assert accepted.status is InterestStatus.ACCEPTED and accepted.decided_by == rm.label
    shown = coopex.registry.get_organization("rm-rail", orbita)
    assert [c.email for c in shown.contacts] == ["ivan@rmrail.example"]
    listed = coopex.registry.list_organizations(OrganizationFilter(), actor=orbita).items
    assert {o.ref: len(o.contacts) for o in listed} == {"rm-rail": 1, "orbita": 1, "third": 0}
    third, _ = people.member("third")
    assert coopex.registry.get_organization("rm-rail", third).contacts == ()
    with pytest.raises(Conflict, match="already accepted"):
        coopex.interests.decline(rm, interest.id or 0)
    trail = coopex.audit.recent(OPERATOR, entity="interest")
    assert [(e.action, e.outcome.value) for e in trail] == [
        ("interest.accept", "done"),
        ("interest.accept", "denied"),  # Orbita's attempt
        ("interest.express", "done"),
    ]


@pytest.mark.usefixtures("market")
def test_bad_expressions_are_refused(coopex: Coopex, people: People) -> None:
    orbita, _ = people.member("orbita")
    rm, _ = people.member("rm-rail")
    with pytest.raises(PermissionDenied):
        coopex.interests.express(orbita, "rm-1", "orb-1")  # not orbita's listing
    with pytest.raises(ValidationFailed, match="to_listing: no listing"):
        coopex.interests.express(orbita, "orb-1", "ghost")
    coopex.registry.create_listing(OPERATOR, listing_raw("orb-2", "orbita", kind="offer"))
    with pytest.raises(ValidationFailed, match="your own organisation's listing"):
        coopex.interests.express(orbita, "orb-1", "orb-2")
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-draft", "rm-rail", status="draft"))
    with pytest.raises(NotFound):
        coopex.interests.express(orbita, "orb-1", "rm-draft")
    first = coopex.interests.express(orbita, "orb-1", "rm-1")
    with pytest.raises(Conflict, match="already pending"):
        coopex.interests.express(orbita, "orb-1", "rm-1")
    with pytest.raises(Conflict, match="accept it instead"):
        coopex.interests.express(rm, "rm-1", "orb-1")
    coopex.interests.withdraw(orbita, first.id or 0)
    again = coopex.interests.express(orbita, "orb-1", "rm-1")  # withdrawn: may ask again
    coopex.interests.decline(rm, again.id or 0)
    with pytest.raises(Conflict, match="already declined"):
        coopex.interests.express(orbita, "orb-1", "rm-1")
    with pytest.raises(Conflict, match="only a pending one"):
        coopex.interests.withdraw(orbita, again.id or 0)
    third, _ = people.member("third")
    with pytest.raises(NotFound):
        coopex.interests.get(third, again.id or 0)  # other organisations' business


@pytest.mark.usefixtures("market")
def test_a_project_opens_from_an_accepted_interest_and_the_funnel_counts(
    coopex: Coopex, people: People
) -> None:
    orbita, _ = people.member("orbita")
    third, _ = people.member("third")
    rm, _ = people.member("rm-rail")
    first = coopex.interests.express(orbita, "orb-1", "rm-1")
    second = coopex.interests.express(third, "third-1", "rm-1")
    with pytest.raises(Conflict, match="is pending"):
        coopex.interests.open_project(orbita, first.id or 0)
    coopex.interests.accept(rm, first.id or 0)
    coopex.interests.decline(rm, second.id or 0)

    project = coopex.interests.open_project(orbita, first.id or 0)
    assert project.stage is ProjectStage.CONTACT and project.parties == ("orbita", "rm-rail")
    assert project.matches == (ListingPair("orb-1", "rm-1"),) and project.sectors == ("rail",)
    assert project.interests == (first.id,)
    assert coopex.interests.get(rm, first.id or 0).project == project.ref
    with pytest.raises(Conflict, match="already opened project"):
        coopex.interests.open_project(rm, first.id or 0)
    assert coopex.projects.get(rm, project.ref).ref == project.ref  # both parties see it
    trail = coopex.audit.recent(OPERATOR, entity="project", entity_ref=project.ref)
    assert [e.action for e in trail] == ["project.create"]

    everything = coopex.interests.funnel(OPERATOR)
    assert (everything.expressed, everything.accepted, everything.declined) == (2, 1, 1)
    assert everything.projects == 1 and everything.acceptance_rate == 0.5
    mine = coopex.interests.funnel(third)
    assert (mine.expressed, mine.declined, mine.projects) == (1, 1, 0)
