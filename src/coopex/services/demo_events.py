"""The demo event: the Ulyanovsk–Mordovia round table of seed 004, with sessions, participants
from the demo registry and accepted meeting requests, scheduled (idempotent)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from coopex.domain.accounts import Actor
from coopex.domain.errors import NotFound
from coopex.domain.meetings import RequestStatus
from coopex.services.events import EventService
from coopex.services.meetings import MeetingService
from coopex.services.schedule import ScheduleService


@dataclass(frozen=True, slots=True)
class DemoEvent:
    ref: str
    created: bool
    placed: int
    unplaced: int


def _document() -> dict[str, Any]:
    text = (resources.files("coopex.data") / "demo" / "event.json").read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def load_demo_event(
    events: EventService,
    meetings: MeetingService,
    schedules: ScheduleService,
    time_limit: float = 10.0,
) -> DemoEvent:
    """Create and schedule the demo event unless it exists (needs the demo registry)."""
    operator = Actor.operator("demo")
    document = _document()
    ref = str(document["event"]["ref"])
    try:
        events.get(ref)
    except NotFound:
        pass
    else:
        view = schedules.view(ref)
        return DemoEvent(ref, False, len(view.placed), len(view.unplaced))
    events.create(operator, document["event"])
    for session in document["sessions"]:
        events.add_session(operator, ref, session)
    for participant in document["participants"]:
        events.register(operator, ref, participant)
    for raw in document["requests"]:
        request = meetings.request(operator, ref, raw)
        assert request.id is not None
        meetings.decide(operator, ref, request.id, RequestStatus.ACCEPTED)
    view = schedules.schedule(operator, ref, time_limit=time_limit)
    return DemoEvent(ref, True, len(view.placed), len(view.unplaced))
