"""/api/v1/events through the real application and database, on every backend."""

from __future__ import annotations

from typing import Any

import icalendar
from fastapi.testclient import TestClient

from coopex.app import Coopex
from tests.conftest import People
from tests.services.event_fixtures import EVENT_RAW, SESSIONS, make_orgs

PROBLEM = "application/problem+json"
BASE = "/api/v1/events"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def test_an_event_from_creation_to_agreements(
    api: TestClient, coopex: Coopex, people: People
) -> None:
    make_orgs(coopex)
    _, staff = people.staff()
    _, rm_rail = people.member("rm-rail")
    _, kamaz = people.member("kamaz")
    refused = api.post(BASE, json=EVENT_RAW, headers=bearer(rm_rail))
    assert refused.status_code == 403 and refused.headers["content-type"] == PROBLEM
    event = ok(api.post(BASE, json=EVENT_RAW, headers=bearer(staff)), 201)
    ref = event["ref"]
    assert event["timezone"] == "Europe/Moscow" and event["tables"] == 2
    for session in SESSIONS:
        ok(api.post(f"{BASE}/{ref}/sessions", json=session, headers=bearer(staff)), 201)
    sessions = ok(api.get(f"{BASE}/{ref}/sessions", headers=bearer(rm_rail)))
    assert [s["key"] for s in sessions] == ["plenary", "b2b-1", "b2b-2", "visit"]
    assert [s["slots"] for s in sessions] == [0, 3, 3, 0]

    bad = api.post(
        f"{BASE}/{ref}/sessions",
        json={
            "key": "late",
            "title": "B2B",
            "kind": "matchmaking",
            "day": "2025-05-14",
            "starts": "18:00",
            "ends": "17:00",
        },
        headers=bearer(staff),
    )
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"ends", "slot_minutes"}

    for org, token in (("rm-rail", rm_rail), ("kamaz", kamaz)):
        body = ok(
            api.post(f"{BASE}/{ref}/participants", json={"org": org}, headers=bearer(token)), 201
        )
        assert body["status"] == "confirmed"

    stranger = api.post(
        f"{BASE}/{ref}/requests",
        json={"requester": "rm-rail", "target": "foton"},
        headers=bearer(rm_rail),
    )
    assert stranger.status_code == 422
    (error,) = stranger.json()["errors"]
    assert error["field"] == "target" and error["value"] == "foton"
    request = ok(
        api.post(
            f"{BASE}/{ref}/requests",
            json={"requester": "rm-rail", "target": "kamaz", "priority": 4},
            headers=bearer(rm_rail),
        ),
        201,
    )
    assert request["status"] == "pending"
    accepted = ok(
        api.post(
            f"{BASE}/{ref}/requests/{request['id']}",
            json={"status": "accepted"},
            headers=bearer(kamaz),
        )
    )
    assert accepted["status"] == "accepted" and accepted["decided_by"]
    wrong = api.post(
        f"{BASE}/{ref}/requests/{request['id']}", json={"status": "maybe"}, headers=bearer(kamaz)
    )
    assert wrong.status_code == 422

    solved = ok(api.post(f"{BASE}/{ref}/schedule", json={"time_limit": 5}, headers=bearer(staff)))
    assert solved["placed"] == 1 and solved["unplaced"] == 0
    assert api.post(f"{BASE}/{ref}/schedule", headers=bearer(rm_rail)).status_code == 403
    schedule = ok(api.get(f"{BASE}/{ref}/schedule", headers=bearer(rm_rail)))
    (meeting,) = schedule["meetings"]
    assert schedule["status"] in ("optimal", "feasible") and schedule["unplaced_meetings"] == []
    held = ("held_mutual", "held_one_sided", "held_bound_mutual", "held_bound_one_sided")
    assert all(isinstance(schedule[k], int) for k in held)
    assert schedule["held_mutual"] + schedule["held_one_sided"] > 0
    assert schedule["held_mutual"] <= schedule["held_bound_mutual"]
    assert isinstance(schedule["held_gap"], float) and 0.0 <= schedule["held_gap"] <= 1.0
    assert {k: schedule[k] for k in (*held, "held_gap")} == {
        k: solved[k] for k in (*held, "held_gap")
    }
    assert meeting["slot"].split("#")[0] in ("b2b-1", "b2b-2") and meeting["table"] in (1, 2)

    agenda = ok(api.get(f"{BASE}/{ref}/agenda/rm-rail", headers=bearer(rm_rail)))
    assert [i["kind"] for i in agenda["items"]].count("meeting") == 1
    assert api.get(f"{BASE}/{ref}/agenda/kamaz", headers=bearer(rm_rail)).status_code == 403
    ics = api.get(f"{BASE}/{ref}/agenda/rm-rail.ics", headers=bearer(rm_rail))
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(ics.content)
    assert len(list(calendar.walk("VEVENT"))) == len(agenda["items"])
    page = api.get(f"{BASE}/{ref}/agenda/rm-rail.html", headers=bearer(rm_rail))
    assert page.status_code == 200 and "<table>" in page.text
    plan = ok(api.get(f"{BASE}/{ref}/tables", headers=bearer(kamaz)))
    assert sum(len(p["seats"]) for p in plan) == 1 and len(plan) == 6
    assert "Table plan" in api.get(f"{BASE}/{ref}/tables.html", headers=bearer(kamaz)).text

    done = ok(
        api.post(
            f"{BASE}/{ref}/meetings/{meeting['id']}/outcome",
            json={"outcome": "held", "follow_up": "agreement"},
            headers=bearer(kamaz),
        )
    )
    assert done["outcome"] == "held" and done["project"]
    project = ok(api.get(f"/api/v1/projects/{done['project']}", headers=bearer(rm_rail)))
    assert project["stage"] == "agreement"
    counts = ok(api.get(f"{BASE}/{ref}/counts", headers=bearer(staff)))
    assert {k: counts[k] for k in ("requested", "accepted", "scheduled", "held", "agreements")} == {
        "requested": 1,
        "accepted": 1,
        "scheduled": 1,
        "held": 1,
        "agreements": 1,
    }

    events = ok(api.get(BASE, params={"kind": "forum"}, headers=bearer(kamaz)))
    assert [e["ref"] for e in events["items"]] == [ref]
    assert api.get(f"{BASE}/nope", headers=bearer(kamaz)).status_code == 404


def test_csv_imports_name_rows_and_store_nothing(
    api: TestClient, coopex: Coopex, people: People
) -> None:
    make_orgs(coopex)
    _, staff = people.staff()
    ref = ok(api.post(BASE, json=EVENT_RAW, headers=bearer(staff)), 201)["ref"]
    bad = "org,representatives\nrm-rail,Ivan\nghost,\n"
    response = api.post(
        f"{BASE}/{ref}/participants/import",
        files={"file": ("p.csv", bad.encode())},
        headers=bearer(staff),
    )
    assert response.status_code == 422 and response.headers["content-type"] == PROBLEM
    assert response.json()["errors"] == [
        {"field": "row 3: org", "reason": "no organisation with this ref", "value": "ghost"}
    ]
    assert ok(api.get(f"{BASE}/{ref}/participants", headers=bearer(staff))) == []
    broken = api.post(
        f"{BASE}/{ref}/participants/import",
        files={"file": ("p.csv", b"company,name\nx,y\n")},
        headers=bearer(staff),
    )
    assert broken.status_code == 422 and "unknown column(s) company, name" in broken.text
    latin1 = api.post(
        f"{BASE}/{ref}/participants/import",
        files={"file": ("p.csv", "org\nк\n".encode("cp1251"))},
        headers=bearer(staff),
    )
    assert latin1.status_code == 422 and "not UTF-8" in latin1.text
    good = "org\nrm-rail\nkamaz\n"
    assert ok(
        api.post(
            f"{BASE}/{ref}/participants/import",
            files={"file": ("p.csv", good.encode())},
            headers=bearer(staff),
        )
    ) == {"created": 2, "updated": 0}
    requests = "requester,target,priority\nrm-rail,kamaz,3\n"
    assert (
        ok(
            api.post(
                f"{BASE}/{ref}/requests/import",
                files={"file": ("r.csv", requests.encode())},
                headers=bearer(staff),
            )
        )["created"]
        == 1
    )


def test_openapi_lists_the_event_endpoints(api: TestClient) -> None:
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/events",
        "/api/v1/events/{ref}/schedule",
        "/api/v1/events/{ref}/agenda/{org}.ics",
        "/api/v1/events/{ref}/requests/import",
        "/api/v1/events/{ref}/counts",
    } <= set(paths)
