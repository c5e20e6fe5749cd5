"""The events pages through the real app (no browser): permissions, CSRF, forms with errors per
field and per CSV row, escaping, and the path request → schedule → agenda → outcome → project."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import icalendar
import pytest
from fastapi.testclient import TestClient

from coopex.app import Coopex
from coopex.domain.accounts import Role
from coopex.web.app import create_app
from tests.conftest import OPERATOR, listing_raw, org_raw
from tests.web import forms

PASSWORD = "s3cret-pass"
EVENT = "ui-forum"
HOSTILE = "<script>alert('x')</script>"


@pytest.fixture
def web(coopex: Coopex) -> Iterator[TestClient]:
    for ref in ("rm-rail", "kamaz", "orbita"):
        coopex.registry.create_organization(OPERATOR, org_raw(ref))
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-rail-02", "rm-rail"))
    for email, role, orgs in (
        ("m@example.org", Role.ENTERPRISE_MEMBER, ("rm-rail",)),
        ("k@example.org", Role.ENTERPRISE_MEMBER, ("kamaz",)),
        ("s@example.org", Role.AGENCY_STAFF, ()),
    ):
        coopex.accounts.create_user(OPERATOR, email, email, role, PASSWORD)
        for org in orgs:
            coopex.accounts.add_member(OPERATOR, email, org)
    today = date.today().isoformat()
    coopex.events.create(
        OPERATOR,
        {"ref": EVENT, "title": "Forum", "kind": "forum", "starts_on": today, "tables": 2},
    )
    coopex.events.add_session(
        OPERATOR,
        EVENT,
        {
            "key": "b2b",
            "title": "B2B",
            "kind": "matchmaking",
            "day": today,
            "starts": "10:00",
            "ends": "11:00",
            "slot_minutes": 20,
        },
    )
    for org in ("kamaz", "orbita"):
        coopex.events.register(OPERATOR, EVENT, {"org": org})
    with TestClient(create_app(coopex)) as client:
        yield client


def sign_in(client: TestClient, email: str) -> str:
    return forms.sign_in(client, email, PASSWORD, "/events")


def test_members_register_and_see_the_event_but_cannot_organise(web: TestClient) -> None:
    assert web.get("/events", follow_redirects=False).status_code == 303
    token = sign_in(web, "m@example.org")
    listing = web.get("/events")
    assert f'href="/events/{EVENT}"' in listing.text and "/events/new" not in listing.text
    assert EVENT not in web.get("/events?when=past").text
    assert web.get("/events/new").status_code == 403
    refused = web.post("/events/new", data={"title": "X", "kind": "forum", "csrf_token": token})
    assert refused.status_code == 403
    registered = web.post(f"/events/{EVENT}/register", data={"org": "rm-rail", "csrf_token": token})
    assert registered.status_code == 200 and "The organisation is registered." in registered.text
    assert (
        web.post(
            f"/events/{EVENT}/participants/kamaz/status",
            data={"status": "declined", "csrf_token": token},
        ).status_code
        == 403
    )
    page = web.get(f"/events/{EVENT}").text
    assert "Agenda:" in page and "rm-rail-02" in page  # its listing in the marketplace
    assert '<th scope="col">' in page  # the programme is a real table


def test_forms_without_csrf_are_refused(web: TestClient, coopex: Coopex) -> None:
    sign_in(web, "s@example.org")
    assert web.post(f"/events/{EVENT}/schedule", data={"time_limit": "5"}).status_code == 400
    bare = web.post(
        f"/events/{EVENT}/import/participants",
        files={"file": ("p.csv", b"org\nrm-rail\n", "text/csv")},
    )
    assert bare.status_code == 400
    assert "rm-rail" not in {p.org for p in coopex.events.participants(EVENT)}


def test_organisers_create_with_errors_per_field_then_add_sessions(web: TestClient) -> None:
    token = sign_in(web, "s@example.org")
    bad = web.post(
        "/events/new",
        data={"title": "", "kind": "forum", "starts_on": "2026-13-01", "csrf_token": token},
    )
    assert bad.status_code == 422
    assert 'id="title-errors"' in bad.text and 'id="starts_on-errors"' in bad.text
    made = web.post(
        "/events/new",
        data={
            "ref": "mission-1",
            "title": f"Mission {HOSTILE}",
            "kind": "business_mission",
            "starts_on": "2030-05-01",
            "ends_on": "2030-05-02",
            "timezone": "Europe/Moscow",
            "tables": "0",
            "csrf_token": token,
        },
    )
    assert made.status_code == 200 and "The event is saved." in made.text
    assert HOSTILE not in made.text and "&lt;script&gt;" in made.text
    wrong = web.post(
        "/events/mission-1/sessions",
        data={"key": "b2b", "title": "B2B", "kind": "matchmaking", "day": "2030-06-01",
              "starts": "10:00", "ends": "12:00", "csrf_token": token},
    )  # fmt: skip
    assert wrong.status_code == 422 and 'id="day-errors"' in wrong.text
    visit = web.post(
        "/events/mission-1/sessions",
        data={"key": "kamaz", "title": "Visit: KAMAZ", "kind": "visit", "day": "2030-05-02",
              "starts": "13:00", "ends": "15:00", "host_org": "kamaz", "csrf_token": token},
    )  # fmt: skip
    assert visit.status_code == 200
    page = web.get("/events/mission-1").text
    assert "Itinerary of visits" in page and "Visit: KAMAZ" in page
    assert "/events/mission-1" in web.get("/events?kind=business_mission").text


def test_csv_errors_are_shown_per_row_and_nothing_is_stored(
    web: TestClient, coopex: Coopex
) -> None:
    token = sign_in(web, "s@example.org")
    body = f"org,representatives\nrm-rail,Anna\nno-such-org,{HOSTILE}\n,Bob\n".encode()
    response = web.post(
        f"/events/{EVENT}/import/participants",
        data={"csrf_token": token},
        files={"file": ("people.csv", body, "text/csv")},
    )
    assert response.status_code == 422
    assert "row 3: org" in response.text and "row 4: org" in response.text
    assert "Nothing was stored" in response.text
    assert "rm-rail" not in {p.org for p in coopex.events.participants(EVENT)}
    unknown = web.post(
        f"/events/{EVENT}/import/requests",
        data={"csrf_token": token},
        files={"file": ("r.csv", b"who,whom\nx,y\n", "text/csv")},
    )
    assert unknown.status_code == 422 and "unknown column(s) who, whom" in unknown.text
    good = web.post(
        f"/events/{EVENT}/import/requests",
        data={"csrf_token": token},
        files={"file": ("r.csv", b"requester,target,priority\nkamaz,orbita,4\n", "text/csv")},
    )
    assert good.status_code == 200 and "The file is imported." in good.text
    member = sign_in(web, "m@example.org")
    refused = web.post(
        f"/events/{EVENT}/import/requests",
        data={"csrf_token": member},
        files={"file": ("r.csv", b"requester,target\norbita,kamaz\n", "text/csv")},
    )
    assert refused.status_code == 403


def test_request_accept_schedule_agenda_and_an_agreement(web: TestClient, coopex: Coopex) -> None:
    coopex.events.register(OPERATOR, EVENT, {"org": "rm-rail"})
    token = sign_in(web, "m@example.org")
    asked = web.post(
        f"/events/{EVENT}/requests",
        data={"requester": "rm-rail", "target": "kamaz", "priority": "5",
              "message": HOSTILE, "csrf_token": token},
    )  # fmt: skip
    assert asked.status_code == 200 and "The request is sent." in asked.text
    assert HOSTILE not in asked.text and "&lt;script&gt;" in asked.text
    again = web.post(
        f"/events/{EVENT}/requests",
        data={"requester": "rm-rail", "target": "kamaz", "csrf_token": token},
    )
    assert again.status_code == 422 and 'id="target-errors"' in again.text
    request_id = coopex.meetings.requests(OPERATOR, EVENT)[0].id
    # rm-rail's member may not answer for kamaz
    answer = {"status": "accepted", "org": "kamaz", "csrf_token": token}
    assert web.post(f"/events/{EVENT}/requests/{request_id}", data=answer).status_code == 403
    token = sign_in(web, "k@example.org")
    incoming = web.get(f"/events/{EVENT}/meetings").text
    assert "Requests to you" in incoming and 'value="accepted"' in incoming
    answer["csrf_token"] = token
    accepted = web.post(f"/events/{EVENT}/requests/{request_id}", data=answer)
    assert accepted.status_code == 200 and "The answer is saved." in accepted.text

    token = sign_in(web, "s@example.org")
    too_long = web.post(
        f"/events/{EVENT}/schedule", data={"time_limit": "99999", "csrf_token": token}
    )
    assert too_long.status_code == 422 and 'id="time_limit-errors"' in too_long.text
    scheduled = web.post(f"/events/{EVENT}/schedule", data={"time_limit": "5", "csrf_token": token})
    assert scheduled.status_code == 200 and "The schedule is computed and stored." in scheduled.text
    summary = coopex.schedules.view(EVENT).summary
    assert summary is not None and summary.placed == 1
    assert f"schedule-{summary.status}" in scheduled.text
    assert summary.held_gap is not None and "Placement gap" in scheduled.text
    assert f"{summary.held_mutual} mutual, {summary.held_one_sided} one-sided" in scheduled.text
    grid = scheduled.text.split("<tbody>")[1].split("</tbody>")[0]
    assert grid.count("<tr>") == 3 and "rm-rail — kamaz" not in grid  # names, not refs
    meeting = coopex.meetings.meetings(OPERATOR, EVENT)[0]
    assert meeting.id is not None
    lock = {"action": "lock", "slot": "b2b#9", "table": "1", "csrf_token": token}
    wrong = web.post(f"/events/{EVENT}/meetings/{meeting.id}/lock", data=lock)
    assert wrong.status_code == 422 and 'id="slot-errors"' in wrong.text
    lock["slot"] = "b2b#2"
    assert (
        "pinned to its slot"
        in web.post(f"/events/{EVENT}/meetings/{meeting.id}/lock", data=lock).text
    )
    assert coopex.meetings.meetings(OPERATOR, EVENT)[0].locked
    tables = web.get(f"/events/{EVENT}/tables").text
    assert "b2b#2" in tables

    token = sign_in(web, "m@example.org")
    agenda = web.get(f"/events/{EVENT}/agenda/rm-rail")
    assert agenda.status_code == 200 and ".ics" in agenda.text
    ics = web.get(f"/events/{EVENT}/agenda/rm-rail.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    entries = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    assert any(
        "10:20" in str(e.get("dtstart").dt) or e.get("dtstart").dt.minute == 20 for e in entries
    )
    assert web.get(f"/events/{EVENT}/agenda/orbita").status_code == 403

    held = web.post(
        f"/events/{EVENT}/meetings/{meeting.id}/outcome",
        data={"outcome": "held", "follow_up": "agreement", "org": "rm-rail", "csrf_token": token},
    )
    assert held.status_code == 200 and "The outcome is saved." in held.text
    project = coopex.meetings.meetings(OPERATOR, EVENT)[0].project
    assert project and project in held.text
    counts = coopex.outcomes.counts(EVENT)
    assert (counts.held, counts.projects, counts.agreements) == (1, 1, 1)
    funnel = web.get(f"/events/{EVENT}").text.split('class="funnel"')[1].split("</ol>")[0]
    assert re.findall(r'class="count">(\d+)<', funnel) == ["1", "1", "1", "1", "1", "1"]


def test_pages_and_errors_speak_the_readers_language(web: TestClient) -> None:
    token = sign_in(web, "s@example.org")
    web.cookies.set("coopex_lang", "ru")
    assert "Мероприятия" in web.get("/events").text
    bad = web.post(
        f"/events/{EVENT}/import/participants",
        data={"csrf_token": token},
        files={"file": ("p.csv", b"org\nno-such-org\n", "text/csv")},
    )
    assert "row 2: org: Неизвестная организация." in bad.text, bad.text
    asked = {"requester": "kamaz", "target": "orbita", "csrf_token": token}
    assert web.post(f"/events/{EVENT}/requests", data=asked).status_code == 200
    again = web.post(f"/events/{EVENT}/requests", data=asked)
    assert again.status_code == 422 and "Вы уже запросили встречу с ними." in again.text
    web.cookies.set("coopex_lang", "zh")
    assert "活动" in web.get(f"/events/{EVENT}/schedule").text
