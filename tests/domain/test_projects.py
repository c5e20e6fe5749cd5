"""The project stage machine, its history, and the project builder (no I/O)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopex.domain.accounts import Actor, Role
from coopex.domain.errors import Conflict, PermissionDenied, ValidationFailed
from coopex.domain.projects import (
    MOVES,
    OPENING_STAGES,
    HistoryEntry,
    HistoryKind,
    IllegalMove,
    ListingPair,
    ProjectLink,
    ProjectStage,
    build_project,
    check_move,
    project_record,
    replay,
    require_can_manage_project,
)
from coopex.reference.catalog import ShippedCatalog

CATALOG = ShippedCatalog()
S = ProjectStage
START = datetime(2026, 1, 1, tzinfo=UTC)


def test_the_happy_road_and_the_ways_off_it() -> None:
    stage = S.LEAD
    for target in (S.CONTACT, S.NEGOTIATION, S.AGREEMENT, S.LAUNCHED):
        stage = check_move("p", stage, target)
    assert stage is S.LAUNCHED and not MOVES[S.LAUNCHED]
    assert check_move("p", S.NEGOTIATION, S.CONTACT) is S.CONTACT  # talks stall
    assert check_move("p", S.AGREEMENT, S.DROPPED) is S.DROPPED
    assert check_move("p", S.DROPPED, S.LEAD) is S.LEAD  # reopened


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.LEAD, S.AGREEMENT),  # no skipping to a signed agreement
        (S.LEAD, S.LEAD),  # not a move
        (S.CONTACT, S.LAUNCHED),
        (S.LAUNCHED, S.DROPPED),  # launched is final
        (S.DROPPED, S.NEGOTIATION),
    ],
)
def test_illegal_moves_name_both_stages_and_what_is_allowed(
    current: ProjectStage, target: ProjectStage
) -> None:
    with pytest.raises(IllegalMove) as caught:
        check_move("p-1", current, target)
    message = str(caught.value)
    assert f"from {current.value} to {target.value}" in message and "'p-1'" in message
    assert caught.value.from_stage is current and caught.value.to_stage is target
    assert caught.value.field == "stage" and isinstance(caught.value, Conflict)
    if not MOVES[current]:
        assert "it is final" in message
    for allowed in MOVES[current]:
        assert allowed.value in message.split(": ", 1)[1]


def _entry(
    kind: HistoryKind,
    offset: int,
    from_stage: ProjectStage | None = None,
    to_stage: ProjectStage | None = None,
) -> HistoryEntry:
    return HistoryEntry(START + timedelta(minutes=offset), "someone", kind, from_stage, to_stage)


@given(st.sampled_from(OPENING_STAGES), st.lists(st.sampled_from(list(ProjectStage)), max_size=40))
def test_random_moves_stay_in_the_machine_and_the_history_replays(
    opening: ProjectStage, targets: list[ProjectStage]
) -> None:
    stage = opening
    history = [_entry(HistoryKind.CREATED, 0, to_stage=opening)]
    for offset, target in enumerate(targets, start=1):
        legal = target in MOVES[stage]
        try:
            moved = check_move("p", stage, target)
        except IllegalMove:
            assert not legal
            history.append(_entry(HistoryKind.NOTE, offset))  # refused: only a note
            continue
        assert legal and moved is target
        history.append(_entry(HistoryKind.MOVED, offset, from_stage=stage, to_stage=moved))
        stage = moved
        assert stage in set(ProjectStage)
    assert replay("p", history) is stage


def test_replay_refuses_a_history_that_does_not_chain() -> None:
    created = _entry(HistoryKind.CREATED, 0, to_stage=S.LEAD)
    with pytest.raises(Conflict, match="never opens"):
        replay("p", [])
    with pytest.raises(Conflict, match="does not start where"):
        replay(
            "p",
            [created, _entry(HistoryKind.MOVED, 1, from_stage=S.CONTACT, to_stage=S.NEGOTIATION)],
        )
    with pytest.raises(IllegalMove):
        replay("p", [created, _entry(HistoryKind.MOVED, 1, from_stage=S.LEAD, to_stage=S.LAUNCHED)])
    with pytest.raises(Conflict, match="opens twice"):
        replay("p", [created, created])


def test_a_full_project_record_round_trips() -> None:
    raw = {
        "title": "Литьё тележек для RM Rail",
        "stage": "negotiation",
        "initiator_org": "rm-rail",
        "counterpart_org": "orbita",
        "sectors": ["rail", "metalworking"],
        "description": "Talks at the Ulyanovsk round table.",
        "value": "1500000.50",
        "currency": "rub",
        "next_step": "Send drawings",
        "next_step_due": "2026-12-15",
        "matches": [["rm-1", "orb-1"], {"first": "rm-2", "second": "orb-1"}],
        "links": [{"kind": "meeting", "key": "42"}],
    }
    project = build_project(raw, CATALOG, "someone")
    assert project.ref.startswith("project-") and project.stage is S.NEGOTIATION
    assert project.value == Decimal("1500000.50") and project.currency == "RUB"
    assert project.next_step_due == date(2026, 12, 15)
    assert project.matches == (ListingPair("rm-1", "orb-1"), ListingPair("rm-2", "orb-1"))
    assert project.links == (ProjectLink("meeting", "42"),)
    assert build_project(project_record(project), CATALOG, "someone") == project


def test_bad_project_records_name_every_field() -> None:
    raw = {
        "title": "",
        "stage": "launched",
        "initiator_org": "same",
        "counterpart_org": "same",
        "sectors": ["no-such-sector"],
        "value": "-3",
        "currency": "XYZ",
        "next_step_due": "31.02.2026",
        "matches": [["a", "a"], ["only-one"]],
        "links": [{"kind": "dinner", "key": "1"}],
    }
    with pytest.raises(ValidationFailed) as caught:
        build_project(raw, CATALOG)
    fields = {e.field for e in caught.value.errors}
    assert fields == {
        "title",
        "stage",
        "counterpart_org",
        "sectors",
        "value",
        "currency",
        "next_step_due",
        "matches[0]",
        "matches[1]",
        "links[0].kind",
    }
    assert "no such ISO 4217 currency" in str(caught.value)


def test_value_and_currency_go_together_and_a_due_date_needs_a_step() -> None:
    with pytest.raises(ValidationFailed) as caught:
        build_project({"title": "t", "value": "10", "next_step_due": "2026-01-01"}, CATALOG)
    assert {e.field for e in caught.value.errors} == {"currency", "next_step"}
    with pytest.raises(ValidationFailed) as caught:
        build_project({"title": "t", "currency": "USD"}, CATALOG)
    assert {e.field for e in caught.value.errors} == {"value"}


def test_members_manage_their_projects_staff_and_admins_all() -> None:
    member = Actor("m@x", Role.ENTERPRISE_MEMBER, user_id=1, organizations=frozenset({10}))
    require_can_manage_project(member, "p", frozenset({10, 11}))
    require_can_manage_project(Actor("s@x", Role.AGENCY_STAFF, user_id=2), "p", frozenset({11}))
    require_can_manage_project(Actor.operator(), "p", frozenset())
    with pytest.raises(PermissionDenied, match="not a party"):
        require_can_manage_project(member, "p", frozenset({11}))
