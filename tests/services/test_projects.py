"""Projects opened directly, moved, edited and annotated, on every backend."""

from __future__ import annotations

from datetime import date

import pytest

from coopex.app import Coopex
from coopex.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from coopex.domain.projects import HistoryKind, IllegalMove, ListingPair, ProjectStage, replay
from coopex.domain.queries import ProjectFilter
from tests.conftest import OPERATOR, People, listing_raw, org_raw

S = ProjectStage


@pytest.fixture
def registry(coopex: Coopex) -> None:
    for ref in ("rm-rail", "orbita", "third"):
        coopex.registry.create_organization(OPERATOR, org_raw(ref))
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-1", "rm-rail"))
    coopex.registry.create_listing(
        OPERATOR, listing_raw("orb-1", "orbita", kind="offer", title="Литьё деталей тележек")
    )


def _raw(**overrides: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "title": "Wagon bogie castings",
        "initiator_org": "rm-rail",
        "counterpart_org": "orbita",
        "sectors": ["rail"],
        "value": "2500000",
        "currency": "RUB",
        "next_step": "Send drawings",
        "next_step_due": "2026-12-15",
        "matches": [["rm-1", "orb-1"]],
        "links": [{"kind": "meeting", "key": "17"}],
    }
    raw.update(overrides)
    return raw


@pytest.mark.usefixtures("registry")
def test_a_member_opens_a_project_of_their_organisation(coopex: Coopex, people: People) -> None:
    member, _ = people.member("rm-rail")
    project = coopex.projects.create(member, _raw())
    assert project.stage is S.LEAD and project.parties == ("rm-rail", "orbita")
    assert project.matches == (ListingPair("rm-1", "orb-1"),)
    assert [(link.kind, link.key) for link in project.links] == [("meeting", "17")]
    assert str(project.value) == "2500000" and project.currency == "RUB"
    assert project.created_by == member.label
    assert coopex.projects.get(member, project.ref) == project
    outsider, _ = people.member("third")
    with pytest.raises(PermissionDenied, match="must be one of its parties"):
        coopex.projects.create(outsider, _raw(title="Not mine"))
    with pytest.raises(NotFound):  # a project's existence is its parties' affair
        coopex.projects.get(outsider, project.ref)
    with pytest.raises(Conflict, match="exists"):
        coopex.projects.create(member, _raw())
    trail = coopex.audit.recent(OPERATOR, entity="project", entity_ref=project.ref)
    assert [e.action for e in trail] == ["project.create"]


@pytest.mark.usefixtures("registry")
def test_unknown_parties_and_listings_are_field_errors_and_nothing_is_stored(
    coopex: Coopex,
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        coopex.projects.create(
            OPERATOR,
            _raw(counterpart_org="nobody", matches=[["rm-1", "ghost"], ["rm-1", "rm-1b"]]),
        )
    assert {e.field for e in caught.value.errors} == {"counterpart_org"}
    with pytest.raises(ValidationFailed) as caught:
        coopex.projects.create(OPERATOR, _raw(matches=[["rm-1", "ghost"]]))
    assert [(e.field, e.value) for e in caught.value.errors] == [("matches[0]", "ghost")]
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-2", "rm-rail", kind="offer"))
    with pytest.raises(ValidationFailed, match="two different organisations"):
        coopex.projects.create(OPERATOR, _raw(matches=[["rm-1", "rm-2"]]))
    assert coopex.projects.page(OPERATOR).items == []


@pytest.mark.usefixtures("registry")
def test_moves_follow_the_machine_and_are_history(coopex: Coopex, people: People) -> None:
    member, _ = people.member("orbita")
    ref = coopex.projects.create(OPERATOR, _raw()).ref
    for stage in (S.CONTACT, S.NEGOTIATION, S.CONTACT, S.NEGOTIATION, S.AGREEMENT):
        assert coopex.projects.move(member, ref, stage, f"to {stage.value}").stage is stage
    with pytest.raises(IllegalMove, match="cannot move from agreement to lead"):
        coopex.projects.move(member, ref, S.LEAD)
    coopex.projects.move(OPERATOR, ref, S.LAUNCHED)
    with pytest.raises(IllegalMove, match="it is final"):
        coopex.projects.move(OPERATOR, ref, S.DROPPED)
    outsider, _ = people.member("third")
    with pytest.raises(PermissionDenied):
        coopex.projects.move(outsider, ref, S.DROPPED)

    history = coopex.projects.history(OPERATOR, ref)
    assert history[0].kind is HistoryKind.CREATED and history[0].to_stage is S.LEAD
    moves = [(e.from_stage, e.to_stage) for e in history if e.kind is HistoryKind.MOVED]
    assert moves[0] == (S.LEAD, S.CONTACT) and moves[-1] == (S.AGREEMENT, S.LAUNCHED)
    assert history[1].actor == member.label and history[1].detail == "to contact"
    assert replay(ref, history) is coopex.projects.get(OPERATOR, ref).stage is S.LAUNCHED
    trail = coopex.audit.recent(OPERATOR, entity="project", entity_ref=ref)
    assert [e.action for e in trail].count("project.move") == 7
    assert any(e.outcome.value == "denied" for e in trail)  # the outsider's attempt


@pytest.mark.usefixtures("registry")
def test_edits_and_notes_are_on_the_timeline(coopex: Coopex, people: People) -> None:
    member, _ = people.member("rm-rail")
    ref = coopex.projects.create(member, _raw()).ref
    edited = coopex.projects.update(
        member, ref, {"next_step": "Sign the NDA", "next_step_due": "2027-01-10", "value": "3e6"}
    )
    assert edited.next_step == "Sign the NDA" and edited.next_step_due == date(2027, 1, 10)
    assert str(edited.value) == "3E+6" and edited.matches == (ListingPair("rm-1", "orb-1"),)
    with pytest.raises(ValidationFailed) as caught:
        coopex.projects.update(member, ref, {"stage": "launched", "colour": "red"})
    assert {e.field for e in caught.value.errors} == {"stage", "colour"}
    with pytest.raises(ValidationFailed, match="currency"):
        coopex.projects.update(member, ref, {"currency": "ABC"})
    note = coopex.projects.add_note(member, ref, "Met at the Ulyanovsk round table.\nGood fit.")
    assert note.kind is HistoryKind.NOTE and note.actor == member.label
    with pytest.raises(ValidationFailed, match="text: is required"):
        coopex.projects.add_note(member, ref, "   ")
    kinds = [e.kind for e in coopex.projects.history(member, ref)]
    assert kinds == [HistoryKind.CREATED, HistoryKind.EDITED, HistoryKind.NOTE]
    edit = coopex.projects.history(member, ref)[1]
    assert '"next_step": ["Send drawings", "Sign the NDA"]' in edit.detail
    assert [n.detail for n in coopex.projects.notes(member, ref)] == [note.detail]
    with pytest.raises(NotFound):
        coopex.projects.add_note(member, "no-such-project", "x")


@pytest.mark.usefixtures("registry")
def test_the_list_filters_by_stage_party_sector_and_due_date(
    coopex: Coopex, people: People
) -> None:
    first = coopex.projects.create(OPERATOR, _raw(title="one", next_step_due="2026-12-01"))
    second = coopex.projects.create(
        OPERATOR,
        _raw(
            title="two",
            counterpart_org="third",
            sectors=["automotive"],
            next_step_due="2027-03-01",
            matches=[],
        ),
    )
    third = coopex.projects.create(
        OPERATOR,
        _raw(
            title="three",
            initiator_org="third",
            counterpart_org=None,
            next_step=None,
            next_step_due=None,
            matches=[],
        ),
    )
    coopex.projects.move(OPERATOR, second.ref, S.CONTACT)

    def refs(**filters: object) -> list[str]:
        page = coopex.projects.page(OPERATOR, ProjectFilter(**filters))  # type: ignore[arg-type]
        return [p.ref for p in page.items]

    assert refs() == [first.ref, second.ref, third.ref]
    assert refs(stage=S.CONTACT) == [second.ref]
    assert refs(org_ref="third") == [second.ref, third.ref]
    assert refs(org_ref="orbita") == [first.ref]
    assert refs(sector="automotive") == [second.ref]
    assert refs(sector="rail") == [first.ref, third.ref]
    assert refs(due_before=date(2027, 1, 1)) == [first.ref]
    member, _ = people.member("orbita")
    assert [p.ref for p in coopex.projects.page(member).items] == [first.ref]
    assert [p.ref for p in coopex.projects.page(OPERATOR, S.LEAD).items] == [first.ref, third.ref]
