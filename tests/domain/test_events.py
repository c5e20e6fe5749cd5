"""Events, sessions, slots, availability, requests and meetings: rules without I/O."""

from __future__ import annotations

import itertools
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopex.domain.accounts import Actor, Role
from coopex.domain.errors import PermissionDenied, ValidationFailed
from coopex.domain.events import (
    Event,
    EventKind,
    Participant,
    ParticipantStatus,
    Session,
    SessionKind,
    build_event,
    build_participant,
    build_session,
    event_record,
    require_can_act_for,
    require_organizer,
    resolve_slot,
    session_record,
    slot_grid,
    unavailable_slots,
)
from coopex.domain.meetings import (
    FollowUp,
    MeetingRequest,
    Outcome,
    RequestStatus,
    build_request,
    check_outcome,
    granted_meetings,
)

EVENT = Event("kazan", "Forum", EventKind.FORUM, date(2026, 5, 14), date(2026, 5, 15), tables=3)


def matchmaking(key: str, day: int, starts: str, ends: str, minutes: int = 20) -> Session:
    return build_session(
        {
            "key": key,
            "title": key,
            "kind": "matchmaking",
            "day": f"2026-05-{day}",
            "starts": starts,
            "ends": ends,
            "slot_minutes": minutes,
        },
        EVENT,
    )


SESSIONS = {
    s.key: s
    for s in (
        matchmaking("d2-am", 15, "10:00", "11:00"),
        matchmaking("d1-pm", 14, "14:00", "15:30", 30),
        build_session(
            {
                "key": "plenary",
                "title": "Plenary",
                "day": "2026-05-14",
                "starts": "10:00",
                "ends": "12:00",
            },
            EVENT,
        ),
    )
}


def errors_of(failure: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {e.field: e.reason for e in failure.value.errors}


def test_an_event_names_every_bad_field_at_once() -> None:
    with pytest.raises(ValidationFailed) as failure:
        build_event(
            {
                "title": "",
                "kind": "party",
                "starts_on": "2026-05-15",
                "ends_on": "2026-05-14",
                "timezone": "Mars/Olympus",
                "tables": "-1",
            }
        )
    assert set(errors_of(failure)) == {"title", "kind", "ends_on", "timezone", "tables"}


def test_an_event_deadline_without_a_zone_is_local_time() -> None:
    event = build_event(
        {
            "title": "Round table",
            "kind": "round_table",
            "starts_on": "2026-06-01",
            "timezone": "Europe/Moscow",
            "request_deadline": "2026-05-30T18:00",
        }
    )
    assert event.ends_on == event.starts_on
    assert event.request_deadline is not None
    assert event.request_deadline.utcoffset() is not None
    assert event.request_deadline.isoformat().endswith("+03:00")
    assert event.ref.startswith("event-")


def test_sessions_check_their_day_times_and_slots() -> None:
    with pytest.raises(ValidationFailed) as failure:
        build_session(
            {
                "key": "x",
                "title": "B2B",
                "kind": "matchmaking",
                "day": "2026-05-20",
                "starts": "11:00",
                "ends": "10:00",
            },
            EVENT,
        )
    assert set(errors_of(failure)) == {"day", "ends", "slot_minutes"}
    with pytest.raises(ValidationFailed, match="only matchmaking"):
        build_session(
            {
                "key": "p",
                "title": "Panel",
                "day": "2026-05-14",
                "starts": "10:00",
                "ends": "11:00",
                "slot_minutes": 10,
            },
            EVENT,
        )
    no_tables = Event("e", "E", EventKind.FORUM, date(2026, 5, 14), date(2026, 5, 14))
    with pytest.raises(ValidationFailed, match="no meeting tables"):
        matchmaking_in(no_tables)


def matchmaking_in(event: Event) -> Session:
    return build_session(
        {
            "key": "m",
            "title": "B2B",
            "kind": "matchmaking",
            "day": "2026-05-14",
            "starts": "10:00",
            "ends": "11:00",
            "slot_minutes": 15,
        },
        event,
    )


def test_slots_are_in_time_order_across_sessions_and_days() -> None:
    grid = slot_grid(list(SESSIONS.values()))
    assert [s.name for s in grid] == [
        "d1-pm#1",
        "d1-pm#2",
        "d1-pm#3",
        "d2-am#1",
        "d2-am#2",
        "d2-am#3",
    ]
    assert [s.index for s in grid] == list(range(6))
    assert grid[1].starts.time() == time(14, 30) and grid[1].ends.time() == time(15, 0)
    assert all(a.starts < b.starts for a, b in itertools.pairwise(grid))


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("d1-pm#4", "has slots #1 to #3"),
        ("d1-pm#0", "has slots #1 to #3"),
        ("hall#1", "no session 'hall'"),
        ("plenary#1", "not matchmaking"),
        ("d1-pm", "SESSION#N"),
    ],
)
def test_a_slot_outside_the_sessions_is_named(name: str, reason: str) -> None:
    with pytest.raises(ValidationFailed) as failure:
        resolve_slot(name, SESSIONS, "slot")
    (error,) = failure.value.errors
    assert error.field == "slot" and reason in error.reason and error.value == name


def test_unavailability_by_session_and_slot() -> None:
    someone = Participant("a", ParticipantStatus.CONFIRMED, unavailable=("d1-pm", "d2-am#2"))
    assert unavailable_slots(someone, SESSIONS) == {0, 1, 2, 4}
    plenary_only = Participant("a", ParticipantStatus.CONFIRMED, unavailable=("plenary",))
    assert unavailable_slots(plenary_only, SESSIONS) == frozenset()
    with pytest.raises(ValidationFailed) as failure:
        build_participant(
            {"org": "a", "unavailable": "d1-pm#9;nowhere"}, ParticipantStatus.CONFIRMED, SESSIONS
        )
    assert [e.value for e in failure.value.errors] == ["d1-pm#9", "nowhere"]


def test_requests_are_checked() -> None:
    with pytest.raises(ValidationFailed) as failure:
        build_request({"requester": "a", "target": "a", "priority": "9"})
    assert set(errors_of(failure)) == {"target", "priority"}
    with pytest.raises(ValidationFailed, match="requester: is required"):
        build_request({"target": "b"})
    assert build_request({"requester": "a", "target": "b"}).priority == 1


def accepted(requester: str, target: str, priority: int = 1) -> MeetingRequest:
    return MeetingRequest(requester, target, priority, RequestStatus.ACCEPTED)


def test_requests_both_ways_make_one_mutual_meeting() -> None:
    granted = granted_meetings(
        [
            accepted("b", "a", 2),
            accepted("a", "b", 4),
            accepted("a", "c"),
            MeetingRequest("d", "a", 5, RequestStatus.DECLINED),
            MeetingRequest("e", "a", 5, RequestStatus.PENDING),
        ]
    )
    assert set(granted) == {("a", "b"), ("a", "c")}
    assert granted[("a", "b")].mutual and granted[("a", "b")].priority == 4
    assert not granted[("a", "c")].mutual


@given(
    st.lists(
        st.tuples(
            st.sampled_from("abcde"),
            st.sampled_from("abcde"),
            st.integers(1, 5),
            st.sampled_from(list(RequestStatus)),
        ),
        max_size=30,
    )
)
def test_one_meeting_per_pair_with_an_accepted_request(
    rows: list[tuple[str, str, int, RequestStatus]],
) -> None:
    requests = [MeetingRequest(a, b, p, s) for a, b, p, s in rows if a != b]
    granted = granted_meetings(requests)
    wanted = {
        tuple(sorted((r.requester, r.target)))
        for r in requests
        if r.status is RequestStatus.ACCEPTED
    }
    assert set(granted) == wanted
    for pair, grant in granted.items():
        asks = [
            r
            for r in requests
            if r.status is RequestStatus.ACCEPTED and tuple(sorted((r.requester, r.target))) == pair
        ]
        assert grant.priority == max(r.priority for r in asks)
        assert grant.mutual == (len({r.requester for r in asks}) == 2)


def test_outcomes_and_follow_ups() -> None:
    check_outcome(Outcome.HELD, FollowUp.AGREEMENT)
    with pytest.raises(ValidationFailed, match="no follow-up"):
        check_outcome(Outcome.NO_SHOW, FollowUp.CONTACT)
    with pytest.raises(ValidationFailed, match="held or no_show"):
        check_outcome(Outcome.PLANNED, FollowUp.NONE)


def test_organisers_and_members() -> None:
    staff = Actor("staff", Role.AGENCY_STAFF)
    member = Actor("m", Role.ENTERPRISE_MEMBER, 7, frozenset({1}))
    require_organizer(staff, "x")
    with pytest.raises(PermissionDenied):
        require_organizer(member, "create an event")
    require_can_act_for(member, 1, "rm-rail", "x")
    require_can_act_for(staff, 2, "other", "x")
    with pytest.raises(PermissionDenied, match="not a member of 'other'"):
        require_can_act_for(member, 2, "other", "request a meeting")
    assert SessionKind.VISIT.value == "visit"


@given(
    st.dates(date(2020, 1, 1), date(2035, 12, 31)),
    st.integers(0, 5),
    st.sampled_from(["UTC", "Europe/Moscow", "Asia/Shanghai", "Europe/Minsk"]),
    st.sampled_from(list(EventKind)),
    st.integers(0, 50),
    st.text(alphabet="абвгдxyz 漢字-", min_size=1, max_size=40).filter(lambda t: t.strip()),
    st.booleans(),
)
def test_an_event_record_builds_the_same_event(
    starts: date, days: int, zone: str, kind: EventKind, tables: int, title: str, deadline: bool
) -> None:
    raw = {
        "title": title,
        "kind": kind.value,
        "starts_on": starts.isoformat(),
        "ends_on": date.fromordinal(starts.toordinal() + days).isoformat(),
        "timezone": zone,
        "tables": tables,
        "request_deadline": f"{starts.isoformat()}T09:30" if deadline else None,
    }
    event = build_event(raw, "someone")
    assert build_event(event_record(event), "someone") == event
    session = build_session(
        {
            "key": "s1",
            "title": "B2B",
            "kind": "matchmaking" if tables else "business",
            "day": event.ends_on.isoformat(),
            "starts": "09:00",
            "ends": "10:00",
            "slot_minutes": 15 if tables else None,
        },
        event,
    )
    assert build_session(session_record(session), event) == session
    assert session.slot_count == (4 if tables else 0)
