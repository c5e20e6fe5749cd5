"""A small event with four organisations, shared by the event service, API and CLI tests."""

from __future__ import annotations

from coopex.app import Coopex
from coopex.domain.events import Event
from tests.conftest import OPERATOR, org_raw

ORGS = ("rm-rail", "kamaz", "foton", "belaz")
EVENT_RAW: dict[str, object] = {
    "ref": "kazan-2025",
    "title": "Russia–China forum",
    "kind": "forum",
    "starts_on": "2025-05-14",
    "ends_on": "2025-05-15",
    "timezone": "Europe/Moscow",
    "place": "Kazan Expo",
    "tables": 2,
}
SESSIONS: list[dict[str, object]] = [
    {
        "key": "plenary",
        "title": "Plenary",
        "day": "2025-05-14",
        "starts": "10:00",
        "ends": "12:00",
        "place": "Hall A",
    },
    {
        "key": "b2b-1",
        "title": "B2B day 1",
        "kind": "matchmaking",
        "day": "2025-05-14",
        "starts": "14:00",
        "ends": "15:00",
        "slot_minutes": 20,
        "place": "Hall B",
    },
    {
        "key": "b2b-2",
        "title": "B2B day 2",
        "kind": "matchmaking",
        "day": "2025-05-15",
        "starts": "10:00",
        "ends": "11:00",
        "slot_minutes": 20,
        "place": "Hall B",
    },
    {
        "key": "visit",
        "title": "Visit: KAMAZ plant",
        "kind": "visit",
        "day": "2025-05-15",
        "starts": "13:00",
        "ends": "16:00",
        "place": "Naberezhnye Chelny",
        "host_org": "kamaz",
    },
]


def make_orgs(coopex: Coopex) -> None:
    for ref in ORGS:
        coopex.registry.create_organization(OPERATOR, org_raw(ref))


def make_event(coopex: Coopex, **overrides: object) -> Event:
    """The event with its sessions and every organisation registered and confirmed."""
    make_orgs(coopex)
    event = coopex.events.create(OPERATOR, {**EVENT_RAW, **overrides})
    for session in SESSIONS:
        coopex.events.add_session(OPERATOR, event.ref, session)
    for ref in ORGS:
        coopex.events.register(OPERATOR, event.ref, {"org": ref})
    return event
