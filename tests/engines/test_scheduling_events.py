"""From events to scheduling problems and back: exclusions with reasons, locks, agendas.
Only what any valid scheduler guarantees is asserted, never particular slots."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from coopex.domain.agenda import agenda, table_plan
from coopex.domain.events import (
    Event,
    EventKind,
    Participant,
    ParticipantStatus,
    Session,
    build_session,
)
from coopex.domain.meetings import EventMeeting, Outcome
from coopex.engines.scheduling import solver
from coopex.engines.scheduling.events import event_problem, lock_conflicts
from coopex.interchange.agenda_page import agenda_page, table_plan_page
from coopex.interchange.calendar import agenda_calendar
from tests.engines.schedule_checks import assert_valid

EVENT = Event(
    "kazan",
    "Forum <Russia–China>",
    EventKind.FORUM,
    date(2026, 5, 14),
    date(2026, 5, 15),
    timezone="Europe/Moscow",
    place="Kazan Expo",
    tables=2,
)


def _session(key: str, day: int, kind: str = "matchmaking") -> Session:
    raw: dict[str, object] = {
        "key": key,
        "title": key,
        "kind": kind,
        "day": f"2026-05-{day}",
        "starts": "10:00",
        "ends": "11:00",
        "place": "Hall B",
    }
    if kind == "matchmaking":
        raw["slot_minutes"] = 20
    return build_session(raw, EVENT)


SESSIONS = [_session("d1", 14), _session("d2", 15), _session("plenary", 14, "business")]
ORGS = "abcdef"


def people(**overrides: Participant) -> list[Participant]:
    found = {o: Participant(o, ParticipantStatus.CONFIRMED, org_name=o.upper()) for o in ORGS}
    found.update(overrides)
    return list(found.values())


def meeting(ident: int, first: str, second: str, **kw: object) -> EventMeeting:
    return EventMeeting(first, second, 1, False, id=ident, **kw)  # type: ignore[arg-type]


def test_unschedulable_meetings_are_kept_out_with_their_reason() -> None:
    participants = people(
        c=Participant("c", ParticipantStatus.PENDING),
        d=Participant("d", ParticipantStatus.CONFIRMED, unavailable=("d1",)),
        e=Participant("e", ParticipantStatus.CONFIRMED, unavailable=("d2",)),
        f=Participant("f", ParticipantStatus.CONFIRMED, unavailable=("d1", "d2")),
    )
    meetings = [
        meeting(1, "a", "b"),
        meeting(2, "a", "c"),
        meeting(3, "d", "e"),
        meeting(4, "a", "f"),
        meeting(5, "a", "z"),
        meeting(6, "a", "d", outcome=Outcome.CANCELLED),
    ]
    built = event_problem(EVENT, SESSIONS, participants, meetings)
    assert [m.id for m in built.problem.meetings] == ["1"]
    reasons = {u.meeting: u.reason for u in built.excluded}
    assert reasons == {
        "2": "c's registration is not confirmed",
        "3": "d and e have no slot in common where both are free",
        "4": "f is unavailable in every slot",
        "5": "z is not a participant of the event",
    }
    assert built.problem.slot_sessions == (0, 0, 0, 1, 1, 1)
    assert built.problem.day_starts == frozenset({0, 3})
    assert built.problem.unavailable["d"] == frozenset({0, 1, 2})


def test_locked_held_and_previous_placements() -> None:
    meetings = [
        meeting(1, "a", "b", slot="d1#2", table=2, locked=True),
        meeting(2, "a", "c", slot="d2#1", table=1, outcome=Outcome.HELD),
        meeting(3, "b", "c", slot="d1#1", table=1),
        meeting(4, "d", "e"),
    ]
    built = event_problem(EVENT, SESSIONS, people(), meetings)
    locked = {p.meeting: (p.slot, p.table) for p in built.problem.locked}
    assert locked == {"1": (1, 1), "2": (3, 0)}
    assert {p.meeting: (p.slot, p.table) for p in built.problem.previous} == {"3": (0, 0)}
    result = solver.solve(built.problem, time_limit=5)
    assert_valid(built.problem, result)


def test_contradictory_locks_are_named() -> None:
    participants = people(e=Participant("e", ParticipantStatus.CONFIRMED, unavailable=("d2#1",)))
    meetings = [
        meeting(1, "a", "b", slot="d1#1", table=1, locked=True),
        meeting(2, "a", "c", slot="d1#1", table=2, locked=True),
        meeting(3, "d", "f", slot="d1#1", table=1, locked=True),
        meeting(4, "d", "e", slot="d2#1", table=3, locked=True),
        meeting(5, "b", "c", slot="d9#1", table=1, locked=True),
    ]
    grid = event_problem(EVENT, SESSIONS, participants, meetings).grid
    unavailable = {"e": frozenset({3})}
    problems = lock_conflicts(meetings, grid, unavailable, EVENT.tables)
    assert problems == [
        "meeting 2 (a – c) and meeting 1 are both locked to d1#1, and a is in both",
        "meeting 3 (d – f) and meeting 1 are both locked to table 1 in d1#1",
        "meeting 4 (d – e) is locked to table 3; tables are 1 to 2",
        "meeting 4 (d – e) is locked to d2#1, when e is unavailable",
        "meeting 5 (b – c) is locked to 'd9#1', which is not a slot",
    ]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(ORGS), st.sampled_from(ORGS)), max_size=25),
    st.dictionaries(
        st.sampled_from(ORGS),
        st.lists(st.sampled_from(["d1", "d2", "d1#1", "d1#3", "d2#2"]), max_size=3),
    ),
)
def test_any_schedule_of_an_event_is_valid_and_reports_every_meeting(
    pairs: list[tuple[str, str]], absent: dict[str, list[str]]
) -> None:
    unique = sorted({tuple(sorted(p)) for p in pairs if p[0] != p[1]})
    meetings = [meeting(i + 1, a, b) for i, (a, b) in enumerate(unique)]
    participants = [replace(p, unavailable=tuple(absent.get(p.org, ()))) for p in people()]
    built = event_problem(EVENT, SESSIONS, participants, meetings)
    result = solver.solve(built.problem, time_limit=5)
    assert_valid(built.problem, result)
    reported = {p.meeting for p in result.placements} | {u.meeting for u in result.unplaced}
    assert reported | {u.meeting for u in built.excluded} == {str(m.id) for m in meetings}


def test_agenda_table_plan_calendar_and_page() -> None:
    participants = people(a=Participant("a", ParticipantStatus.CONFIRMED, org_name="A & Co"))
    meetings = [
        meeting(1, "a", "b", slot="d1#2", table=2),
        meeting(2, "a", "c", slot="d2#1", table=1),
        meeting(3, "b", "c", slot="d1#1", table=1),
        meeting(4, "a", "d", outcome=Outcome.CANCELLED, slot="d1#3", table=1),
    ]
    names = {p.org: p.org_name for p in participants}
    mine = agenda(EVENT, SESSIONS, participants[0], meetings, names)
    assert [(i.kind, i.with_org) for i in mine.items] == [
        ("business", None),
        ("meeting", "b"),
        ("meeting", "c"),
    ]
    assert [i.starts for i in mine.items] == sorted(i.starts for i in mine.items)
    plan = table_plan(SESSIONS, meetings)
    assert len(plan) == 6 and sum(len(p.seats) for p in plan) == 3
    assert [s.table for s in plan[0].seats] == [1]

    import icalendar

    calendar = icalendar.Calendar.from_ical(agenda_calendar(mine))
    entries = list(calendar.walk("VEVENT"))
    assert len(entries) == 3
    assert len({str(e["uid"]) for e in entries}) == 3
    first_meeting = next(e for e in entries if "B2B" in str(e["summary"]))
    start = first_meeting.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Moscow" and start.hour == 10 and start.minute == 20
    assert "Table 2" in str(first_meeting["description"])
    assert calendar.walk("VTIMEZONE")

    page = agenda_page(mine)
    assert "A &amp; Co" in page and "Forum &lt;Russia–China&gt;" in page and "<script" not in page
    assert "table plan" in table_plan_page(EVENT, plan, names).lower()
