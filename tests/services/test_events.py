"""Events through the services on every backend: registration, requests, the schedule,
re-scheduling, locks, outcomes → projects, counts, CSV imports and the audit trail."""

from __future__ import annotations

from contextlib import suppress
from datetime import UTC, datetime, timedelta
from random import Random

import pytest

from coopex.app import Coopex
from coopex.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from coopex.domain.events import ParticipantStatus
from coopex.domain.meetings import FollowUp, Outcome, RequestStatus, granted_meetings
from coopex.domain.projects import ProjectStage, replay
from coopex.interchange.event_csv import PARTICIPANT_COLUMNS, REQUEST_COLUMNS, read_rows
from coopex.services.schedule import ScheduleView
from tests.conftest import OPERATOR, People, org_raw
from tests.services.event_fixtures import EVENT_RAW, make_event, make_orgs

REF = "kazan-2025"


def assert_consistent(view: ScheduleView, tables: int) -> None:
    """No participant and no table twice in a slot; every live meeting placed or explained."""
    seen_tables: set[tuple[str, int]] = set()
    seen_people: set[tuple[str, str]] = set()
    for meeting in view.placed:
        assert meeting.slot and meeting.table and 1 <= meeting.table <= tables
        assert (meeting.slot, meeting.table) not in seen_tables
        seen_tables.add((meeting.slot, meeting.table))
        for org in meeting.pair:
            assert (meeting.slot, org) not in seen_people
            seen_people.add((meeting.slot, org))
    assert all(u.reason for u in view.unplaced)
    assert len(view.placed) + len(view.unplaced) == len(
        [m for m in view.meetings if m.outcome is Outcome.PLANNED or m.slot]
    )


def ask(coopex: Coopex, requester: str, target: str, priority: int = 1) -> int:
    request = coopex.meetings.request(
        OPERATOR, REF, {"requester": requester, "target": target, "priority": priority}
    )
    assert request.id is not None
    return request.id


def test_registration_is_open_or_confirmed_by_the_organiser(coopex: Coopex, people: People) -> None:
    make_orgs(coopex)
    member, _ = people.member("rm-rail")
    staff, _ = people.staff()
    with pytest.raises(PermissionDenied):
        coopex.events.create(member, EVENT_RAW)
    event = coopex.events.create(staff, {**EVENT_RAW, "registration": "confirmed"})
    assert event.created_by == staff.label
    with pytest.raises(PermissionDenied, match="not a member of 'kamaz'"):
        coopex.events.register(member, REF, {"org": "kamaz"})
    pending = coopex.events.register(member, REF, {"org": "rm-rail"})
    assert pending.status is ParticipantStatus.PENDING
    with pytest.raises(Conflict, match="already registered"):
        coopex.events.register(member, REF, {"org": "rm-rail"})
    with pytest.raises(PermissionDenied):
        coopex.events.update_participant(member, REF, "rm-rail", {"status": "confirmed"})
    confirmed = coopex.events.update_participant(staff, REF, "rm-rail", {"status": "confirmed"})
    assert confirmed.status is ParticipantStatus.CONFIRMED
    with pytest.raises(ValidationFailed, match="org: no organisation with this ref"):
        coopex.events.register(staff, REF, {"org": "nobody"})
    with pytest.raises(ValidationFailed, match="unavailable: no session 'b2b-9'"):
        coopex.events.update_participant(member, REF, "rm-rail", {"unavailable": ["b2b-9"]})
    refused = coopex.audit.recent(OPERATOR, entity="event")
    assert any(e.outcome.value == "denied" and e.action == "event.create" for e in refused)
    assert {e.action for e in refused} >= {"event.create", "event.register", "event.participant"}


def test_requests_opt_in_and_bad_targets(coopex: Coopex, people: People) -> None:
    make_event(coopex)
    rm_rail, _ = people.member("rm-rail")
    kamaz, _ = people.member("kamaz")
    coopex.registry.create_organization(OPERATOR, org_raw("outsider"))
    with pytest.raises(ValidationFailed) as failure:
        coopex.meetings.request(rm_rail, REF, {"requester": "rm-rail", "target": "outsider"})
    assert failure.value.errors[0].field == "target"
    assert "is not a participant of 'kazan-2025'" in failure.value.errors[0].reason
    with pytest.raises(PermissionDenied):
        coopex.meetings.request(rm_rail, REF, {"requester": "kamaz", "target": "foton"})
    request = coopex.meetings.request(
        rm_rail, REF, {"requester": "rm-rail", "target": "kamaz", "priority": 3}
    )
    assert request.status is RequestStatus.PENDING and request.id is not None
    with pytest.raises(Conflict, match="already asked"):
        coopex.meetings.request(rm_rail, REF, {"requester": "rm-rail", "target": "kamaz"})
    with pytest.raises(PermissionDenied):  # only the target accepts
        coopex.meetings.decide(rm_rail, REF, request.id, RequestStatus.ACCEPTED)
    assert coopex.meetings.meetings(OPERATOR, REF) == []
    coopex.meetings.decide(kamaz, REF, request.id, RequestStatus.ACCEPTED)
    (meeting,) = coopex.meetings.meetings(OPERATOR, REF)
    assert meeting.pair == ("kamaz", "rm-rail") and meeting.priority == 3
    assert not meeting.mutual
    back = ask(coopex, "kamaz", "rm-rail")  # the other way: still one meeting
    (meeting,) = coopex.meetings.meetings(OPERATOR, REF)
    assert meeting.mutual is False  # kamaz's own request is still pending
    coopex.meetings.decide(rm_rail, REF, back, RequestStatus.ACCEPTED)
    (meeting,) = coopex.meetings.meetings(OPERATOR, REF)
    assert meeting.mutual is True and meeting.outcome is Outcome.PLANNED
    # a member sees only the requests of their organisations
    foton, _ = people.member("foton")
    assert coopex.meetings.requests(foton, REF) == []
    assert len(coopex.meetings.requests(kamaz, REF)) == 2
    with pytest.raises(NotFound):
        coopex.meetings.decide(kamaz, REF, 9999, RequestStatus.ACCEPTED)


def test_opt_out_accepts_at_once_and_the_deadline_expires_requests(coopex: Coopex) -> None:
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    make_event(coopex, acceptance="opt_out")
    request_id = ask(coopex, "rm-rail", "kamaz")
    (request,) = coopex.meetings.requests(OPERATOR, REF)
    assert request.status is RequestStatus.ACCEPTED and request.decided_by == "opt-out"
    coopex.meetings.decide(OPERATOR, REF, request_id, RequestStatus.DECLINED)
    assert coopex.meetings.meetings(OPERATOR, REF)[0].outcome is Outcome.CANCELLED
    coopex.events.update(OPERATOR, REF, {"acceptance": "opt_in"})
    pending_id = ask(coopex, "foton", "belaz")
    coopex.events.update(OPERATOR, REF, {"request_deadline": past})
    with pytest.raises(Conflict, match="closed at"):
        ask(coopex, "belaz", "kamaz")
    statuses = {r.id: r.status for r in coopex.meetings.requests(OPERATOR, REF)}
    assert statuses[pending_id] is RequestStatus.EXPIRED
    with pytest.raises(Conflict, match="expired"):
        coopex.meetings.decide(OPERATOR, REF, pending_id, RequestStatus.ACCEPTED)
    counts = coopex.outcomes.counts(REF)
    assert (counts.requested, counts.declined, counts.expired) == (2, 1, 1)


def test_schedule_reschedule_locks_and_unplaceable_meetings(coopex: Coopex) -> None:
    make_event(coopex)
    coopex.events.update_participant(OPERATOR, REF, "belaz", {"unavailable": ["b2b-1", "b2b-2"]})
    for a, b in [
        ("rm-rail", "kamaz"),
        ("rm-rail", "foton"),
        ("kamaz", "foton"),
        ("foton", "belaz"),
        ("kamaz", "rm-rail"),
    ]:
        coopex.meetings.decide(OPERATOR, REF, ask(coopex, a, b), RequestStatus.ACCEPTED)
    view = coopex.schedules.schedule(OPERATOR, REF, time_limit=5)
    assert_consistent(view, tables=2)
    assert view.summary is not None and view.summary.status in ("optimal", "feasible")
    (unplaced,) = view.unplaced
    assert unplaced.meeting.pair == ("belaz", "foton")
    assert unplaced.reason == "belaz is unavailable in every slot"
    assert len(view.placed) == 3 and view.summary.placed == 3 and view.summary.unplaced == 1
    # the weight held per tier and its proven bounds are stored beside the breaks' ones
    s = view.summary
    assert s.held_mutual is not None and s.held_one_sided is not None
    assert s.held_mutual > 0 and s.held_one_sided > 0  # kamaz–rm-rail both ways; two one-sided
    assert s.held_bound_mutual is not None and s.held_bound_one_sided is not None
    assert s.held_mutual <= s.held_bound_mutual and s.held_one_sided <= s.held_bound_one_sided
    assert s.held_gap is not None and 0.0 <= s.held_gap <= 1.0
    if s.status == "optimal":
        assert (s.held_bound_mutual, s.held_bound_one_sided) == (s.held_mutual, s.held_one_sided)
        assert s.held_gap == 0.0
    assert coopex.schedules.view(REF).summary == s  # read back from the database as stored
    assert {m.pair for m in view.meetings if m.mutual} == {("kamaz", "rm-rail")}

    # lock one meeting; a second lock that double-books rm-rail is refused, naming both
    first, second = (m for m in view.placed if "rm-rail" in m.pair)
    assert first.id is not None and second.id is not None
    coopex.meetings.lock(OPERATOR, REF, first.id, "b2b-2#3", 1)
    with pytest.raises(ValidationFailed) as clash:
        coopex.meetings.lock(OPERATOR, REF, second.id, "b2b-2#3", 2)
    assert "rm-rail is in both" in str(clash.value)
    with pytest.raises(ValidationFailed, match="has slots #1 to #3"):
        coopex.meetings.lock(OPERATOR, REF, second.id, "b2b-2#4", 1)
    with pytest.raises(ValidationFailed, match="tables are 1 to 2"):
        coopex.meetings.lock(OPERATOR, REF, second.id, "b2b-1#1", 5)

    # a cancellation and a late request: re-schedule; the lock holds
    kamaz_foton = next(
        r
        for r in coopex.meetings.requests(OPERATOR, REF)
        if (r.requester, r.target) == ("kamaz", "foton")
    )
    assert kamaz_foton.id is not None
    coopex.meetings.decide(OPERATOR, REF, kamaz_foton.id, RequestStatus.CANCELLED)
    coopex.meetings.decide(OPERATOR, REF, ask(coopex, "belaz", "rm-rail"), RequestStatus.ACCEPTED)
    again = coopex.schedules.schedule(OPERATOR, REF, time_limit=5)
    assert_consistent(again, tables=2)
    locked = next(m for m in again.meetings if m.id == first.id)
    assert (locked.slot, locked.table, locked.locked) == ("b2b-2#3", 1, True)
    assert ("foton", "kamaz") not in {m.pair for m in again.meetings}
    assert {u.meeting.pair for u in again.unplaced} == {("belaz", "foton"), ("belaz", "rm-rail")}

    # availability changed under a lock: scheduling is refused with the clash named
    coopex.events.update_participant(OPERATOR, REF, "rm-rail", {"unavailable": ["b2b-2#3"]})
    with pytest.raises(ValidationFailed, match="when rm-rail is unavailable"):
        coopex.schedules.schedule(OPERATOR, REF, time_limit=5)
    # a declined registration: its meetings are listed with the reason
    coopex.events.update_participant(OPERATOR, REF, "rm-rail", {"unavailable": []})
    coopex.events.update_participant(OPERATOR, REF, "foton", {"status": "declined"})
    declined = coopex.schedules.schedule(OPERATOR, REF, time_limit=5)
    assert_consistent(declined, tables=2)
    assert {u.reason for u in declined.unplaced if u.meeting.pair == ("foton", "rm-rail")} == {
        "foton's registration was declined"
    }
    with pytest.raises(ValidationFailed, match="time_limit"):
        coopex.schedules.schedule(OPERATOR, REF, time_limit=0)


def test_agenda_and_table_plan(coopex: Coopex, people: People) -> None:
    make_event(coopex)
    coopex.meetings.decide(OPERATOR, REF, ask(coopex, "rm-rail", "kamaz"), RequestStatus.ACCEPTED)
    coopex.schedules.schedule(OPERATOR, REF, time_limit=5)
    member, _ = people.member("rm-rail")
    agenda = coopex.schedules.agenda(member, REF, "rm-rail")
    kinds = [item.kind for item in agenda.items]
    assert kinds.count("meeting") == 1 and "business" in kinds and "visit" in kinds
    with pytest.raises(PermissionDenied):
        coopex.schedules.agenda(member, REF, "kamaz")
    _, plan = coopex.schedules.table_plan(REF)
    assert len(plan) == 6 and sum(len(p.seats) for p in plan) == 1


def test_outcomes_open_and_advance_projects_and_are_counted(coopex: Coopex, people: People) -> None:
    make_event(coopex)
    for a, b in [("rm-rail", "kamaz"), ("foton", "belaz"), ("rm-rail", "foton")]:
        coopex.meetings.decide(OPERATOR, REF, ask(coopex, a, b), RequestStatus.ACCEPTED)
    ask(coopex, "kamaz", "belaz")  # left pending
    view = coopex.schedules.schedule(OPERATOR, REF, time_limit=5)
    meetings = {m.pair: m for m in view.meetings}
    first = meetings[("kamaz", "rm-rail")]
    assert first.id is not None
    rm_rail, _ = people.member("rm-rail")
    outsider, _ = people.member("belaz")
    with pytest.raises(PermissionDenied):
        coopex.outcomes.record(outsider, REF, first.id, Outcome.HELD)
    held = coopex.outcomes.record(rm_rail, REF, first.id, Outcome.HELD, FollowUp.NEGOTIATION)
    assert held.project is not None and held.outcome is Outcome.HELD
    project = coopex.projects.get(OPERATOR, held.project)
    assert project.stage is ProjectStage.NEGOTIATION
    assert {project.initiator_org, project.counterpart_org} == {"kamaz", "rm-rail"}
    again = coopex.outcomes.record(OPERATOR, REF, first.id, Outcome.HELD, FollowUp.AGREEMENT)
    assert again.project == held.project  # advanced, not a second project
    assert coopex.projects.get(OPERATOR, held.project).stage is ProjectStage.AGREEMENT
    second = meetings[("belaz", "foton")]
    assert second.id is not None
    coopex.outcomes.record(OPERATOR, REF, second.id, Outcome.NO_SHOW)
    with pytest.raises(ValidationFailed, match="no follow-up"):
        coopex.outcomes.record(OPERATOR, REF, second.id, Outcome.NO_SHOW, FollowUp.CONTACT)
    counts = coopex.outcomes.counts(REF)
    assert (counts.requested, counts.accepted, counts.pending) == (4, 3, 1)
    assert (counts.meetings, counts.scheduled, counts.held, counts.no_show) == (3, 3, 1, 1)
    assert (counts.follow_ups, counts.projects, counts.agreements) == (1, 1, 1)
    history = coopex.audit.recent(OPERATOR, entity="project", entity_ref=held.project)
    assert [e.action for e in reversed(history)] == ["project.create", "project.move"]
    timeline = coopex.projects.history(OPERATOR, held.project)
    assert replay(held.project, timeline) is ProjectStage.AGREEMENT


def test_outcomes_wait_for_the_event(coopex: Coopex) -> None:
    later = (datetime.now(UTC) + timedelta(days=30)).date()
    make_orgs(coopex)
    coopex.events.create(OPERATOR, {**EVENT_RAW, "starts_on": later.isoformat(), "ends_on": ""})
    coopex.events.add_session(
        OPERATOR,
        REF,
        {
            "key": "b2b",
            "title": "B2B",
            "kind": "matchmaking",
            "day": later.isoformat(),
            "starts": "10:00",
            "ends": "11:00",
            "slot_minutes": 30,
        },
    )
    for ref in ("rm-rail", "kamaz"):
        coopex.events.register(OPERATOR, REF, {"org": ref})
    coopex.meetings.decide(OPERATOR, REF, ask(coopex, "rm-rail", "kamaz"), RequestStatus.ACCEPTED)
    (meeting,) = coopex.schedules.schedule(OPERATOR, REF, time_limit=5).placed
    assert meeting.id is not None
    with pytest.raises(Conflict, match="outcomes are recorded from then"):
        coopex.outcomes.record(OPERATOR, REF, meeting.id, Outcome.HELD)


def test_csv_imports_are_all_or_nothing(coopex: Coopex) -> None:
    make_orgs(coopex)
    coopex.events.create(OPERATOR, EVENT_RAW)
    coopex.events.add_session(
        OPERATOR,
        REF,
        {
            "key": "b2b-1",
            "title": "B2B",
            "kind": "matchmaking",
            "day": "2025-05-14",
            "starts": "14:00",
            "ends": "15:00",
            "slot_minutes": 20,
        },
    )
    bad = (
        "org,representatives,unavailable\n"
        "rm-rail,Ivan Petrov;Anna Li,\n"
        "nobody,,\n"
        "kamaz,,b2b-1#7\n"
        "foton,too,many,cells\n"
    )
    with pytest.raises(ValidationFailed) as failure:
        coopex.events.import_participants(
            OPERATOR, REF, read_rows(bad, PARTICIPANT_COLUMNS, "p.csv")
        )
    described = [e.describe() for e in failure.value.errors]
    assert described == [
        "row 3: org: no organisation with this ref (got 'nobody')",
        "row 4: unavailable: session 'b2b-1' has slots #1 to #3 (got 'b2b-1#7')",
        "row 5: row: has 4 cells; the header has 3",
    ]
    assert coopex.events.participants(REF) == []  # nothing half-stored
    good = "org,representatives\nrm-rail,Ivan Petrov\nkamaz,\nfoton,\n"
    summary = coopex.events.import_participants(OPERATOR, REF, read_rows(good, PARTICIPANT_COLUMNS))
    assert (summary.created, summary.updated) == (3, 0)
    requests = "requester,target,priority\nrm-rail,kamaz,2\nrm-rail,belaz,1\nkamaz,kamaz,1\n"
    with pytest.raises(ValidationFailed) as failure:
        coopex.meetings.import_requests(OPERATOR, REF, read_rows(requests, REQUEST_COLUMNS))
    described = [e.describe() for e in failure.value.errors]
    assert described == [
        "row 3: target: is not a participant of 'kazan-2025' (got 'belaz')",
        "row 4: target: an organisation cannot ask to meet itself (got 'kamaz')",
    ]
    assert coopex.meetings.requests(OPERATOR, REF) == []
    ok = "requester,target,priority,message\nrm-rail,kamaz,2,Bogies\nfoton,rm-rail,,\n"
    assert (
        coopex.meetings.import_requests(OPERATOR, REF, read_rows(ok, REQUEST_COLUMNS)).created == 2
    )
    assert len(coopex.meetings.requests(OPERATOR, REF)) == 2


def test_meetings_always_follow_the_accepted_requests(coopex: Coopex) -> None:
    """After any sequence of asks and decisions, the live meetings are exactly the pairs
    with an accepted request, mutual when both asked (checked after every step)."""
    make_event(coopex)
    orgs = ["rm-rail", "kamaz", "foton", "belaz"]
    pick = Random(20250514)
    decisions = [RequestStatus.ACCEPTED, RequestStatus.DECLINED, RequestStatus.CANCELLED]
    for _ in range(40):
        requests = coopex.meetings.requests(OPERATOR, REF)
        if requests and pick.random() < 0.6:
            request = pick.choice(requests)
            assert request.id is not None
            with suppress(Conflict):  # already in that state, or cancelled for good
                coopex.meetings.decide(OPERATOR, REF, request.id, pick.choice(decisions))
        else:
            a, b = pick.sample(orgs, 2)
            with suppress(Conflict):  # asked before
                ask(coopex, a, b, pick.randint(1, 5))
        granted = granted_meetings(coopex.meetings.requests(OPERATOR, REF))
        live = {
            m.pair: m
            for m in coopex.meetings.meetings(OPERATOR, REF)
            if m.outcome is not Outcome.CANCELLED
        }
        assert set(live) == set(granted)
        for pair, meeting in live.items():
            assert (meeting.priority, meeting.mutual) == (
                granted[pair].priority,
                granted[pair].mutual,
            )
