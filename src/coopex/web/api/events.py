"""/api/v1/events: events, sessions, participants, meeting requests, the schedule, agendas
(JSON, iCalendar, printable HTML), the table plan, outcomes and counts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, UploadFile
from fastapi.responses import HTMLResponse, Response

from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.events import EventKind, ParticipantStatus
from coopex.domain.meetings import RequestStatus
from coopex.interchange.agenda_page import agenda_page, table_plan_page
from coopex.interchange.calendar import agenda_calendar
from coopex.interchange.event_csv import (
    PARTICIPANT_COLUMNS,
    REQUEST_COLUMNS,
    Row,
    decode,
    read_rows,
)
from coopex.interchange.records import UnreadableFile
from coopex.web.api.dependencies import ActorDep, CoopexDep
from coopex.web.api.event_schemas import (
    AgendaOut,
    CountsOut,
    DecisionBody,
    EventBody,
    EventOut,
    ImportOut,
    LockBody,
    MeetingOut,
    OutcomeBody,
    ParticipantBody,
    ParticipantOut,
    RequestBody,
    RequestOut,
    ScheduleBody,
    ScheduleOut,
    SessionBody,
    SessionOut,
    SlotPlanOut,
    SuggestionOut,
)
from coopex.web.api.schemas import ListingOut, PageOut

router = APIRouter(prefix="/events", tags=["events"])
EventPage = PageOut[EventOut]
CSV_UPLOAD = "a CSV file as multipart/form-data field `file`"


def _raw(body: EventBody | SessionBody | ParticipantBody | RequestBody) -> dict[str, object]:
    return body.model_dump(exclude_unset=True, mode="json")


async def _rows(upload: UploadFile, columns: tuple[str, ...]) -> list[Row]:
    name = upload.filename or "the file"
    try:
        return read_rows(decode(await upload.read(), name), columns, name)
    except UnreadableFile as error:
        raise ValidationFailed([FieldError("file", str(error))]) from None


# -- events and sessions -------------------------------------------------------------------


@router.post("", status_code=201, summary="Create an event (admins and agency staff)")
def create_event(coopex: CoopexDep, actor: ActorDep, body: EventBody) -> EventOut:
    return EventOut.of(coopex.events.create(actor, _raw(body)))


@router.get("", summary="Events")
def list_events(
    coopex: CoopexDep,
    actor: ActorDep,
    kind: EventKind | None = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> EventPage:
    page = coopex.events.page(kind, cursor, limit)
    return EventPage(items=[EventOut.of(e) for e in page.items], next_cursor=page.next_cursor)


@router.get("/{ref}", summary="One event")
def get_event(coopex: CoopexDep, actor: ActorDep, ref: str) -> EventOut:
    return EventOut.of(coopex.events.get(ref))


@router.patch("/{ref}", summary="Change an event (organisers)")
def update_event(coopex: CoopexDep, actor: ActorDep, ref: str, body: EventBody) -> EventOut:
    return EventOut.of(coopex.events.update(actor, ref, _raw(body)))


@router.post("/{ref}/sessions", status_code=201, summary="Add a session, matchmaking or visit")
def add_session(coopex: CoopexDep, actor: ActorDep, ref: str, body: SessionBody) -> SessionOut:
    return SessionOut.of(coopex.events.add_session(actor, ref, _raw(body)))


@router.get("/{ref}/sessions", summary="Sessions in time order (a mission's itinerary)")
def list_sessions(coopex: CoopexDep, actor: ActorDep, ref: str) -> list[SessionOut]:
    return [SessionOut.of(s) for s in coopex.events.sessions(ref)]


# -- participants --------------------------------------------------------------------------


@router.post("/{ref}/participants", status_code=201, summary="Register an organisation")
def register(coopex: CoopexDep, actor: ActorDep, ref: str, body: ParticipantBody) -> ParticipantOut:
    raw = _raw(body)
    raw.pop("status", None)
    coopex.events.register(actor, ref, raw)
    found = [p for p in coopex.events.participants(ref) if p.org == raw.get("org")]
    return ParticipantOut.of(found[0])


@router.get("/{ref}/participants", summary="Participants")
def list_participants(
    coopex: CoopexDep, actor: ActorDep, ref: str, status: ParticipantStatus | None = None
) -> list[ParticipantOut]:
    return [ParticipantOut.of(p) for p in coopex.events.participants(ref, status)]


@router.patch("/{ref}/participants/{org}", summary="Change a registration, or confirm it")
def update_participant(
    coopex: CoopexDep, actor: ActorDep, ref: str, org: str, body: ParticipantBody
) -> ParticipantOut:
    return ParticipantOut.of(coopex.events.update_participant(actor, ref, org, _raw(body)))


@router.post(
    "/{ref}/participants/import",
    summary=f"Register participants from {CSV_UPLOAD}: all rows or none",
)
async def import_participants(
    coopex: CoopexDep, actor: ActorDep, ref: str, file: UploadFile
) -> ImportOut:
    summary = coopex.events.import_participants(actor, ref, await _rows(file, PARTICIPANT_COLUMNS))
    return ImportOut(created=summary.created, updated=summary.updated)


@router.get("/{ref}/marketplace", summary="The listings confirmed participants bring")
def marketplace(coopex: CoopexDep, actor: ActorDep, ref: str) -> list[ListingOut]:
    return [ListingOut.of(x) for x in coopex.events.marketplace(ref)]


# -- requests and suggestions ----------------------------------------------------------------


@router.post("/{ref}/requests", status_code=201, summary="Ask another participant to meet")
def request_meeting(coopex: CoopexDep, actor: ActorDep, ref: str, body: RequestBody) -> RequestOut:
    return RequestOut.of(coopex.meetings.request(actor, ref, _raw(body)))


@router.get("/{ref}/requests", summary="Requests (members: their organisations')")
def list_requests(
    coopex: CoopexDep, actor: ActorDep, ref: str, org: str | None = None
) -> list[RequestOut]:
    return [RequestOut.of(r) for r in coopex.meetings.requests(actor, ref, org)]


@router.post("/{ref}/requests/import", summary=f"Meeting requests from {CSV_UPLOAD}")
async def import_requests(
    coopex: CoopexDep, actor: ActorDep, ref: str, file: UploadFile
) -> ImportOut:
    summary = coopex.meetings.import_requests(actor, ref, await _rows(file, REQUEST_COLUMNS))
    return ImportOut(created=summary.created, updated=summary.updated)


@router.post("/{ref}/requests/{request_id}", summary="Accept, decline or cancel a request")
def decide(
    coopex: CoopexDep, actor: ActorDep, ref: str, request_id: int, body: DecisionBody
) -> RequestOut:
    try:
        status = RequestStatus(body.status)
    except ValueError:
        raise ValidationFailed(
            [FieldError("status", "must be accepted, declined or cancelled", body.status)]
        ) from None
    return RequestOut.of(coopex.meetings.decide(actor, ref, request_id, status))


@router.get("/{ref}/suggestions", summary="Participants worth meeting, by matching listings")
def suggestions(
    coopex: CoopexDep,
    actor: ActorDep,
    ref: str,
    org: str,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[SuggestionOut]:
    return [SuggestionOut.of(s) for s in coopex.meetings.suggestions(actor, ref, org, limit)]


# -- meetings, schedule and outputs ---------------------------------------------------------


@router.get("/{ref}/meetings", summary="Meetings granted (members: their organisations')")
def list_meetings(coopex: CoopexDep, actor: ActorDep, ref: str) -> list[MeetingOut]:
    return [MeetingOut.of(m) for m in coopex.meetings.meetings(actor, ref)]


@router.post("/{ref}/meetings/{meeting_id}/lock", summary="Pin a meeting (organisers)")
def lock(
    coopex: CoopexDep, actor: ActorDep, ref: str, meeting_id: int, body: LockBody
) -> MeetingOut:
    return MeetingOut.of(coopex.meetings.lock(actor, ref, meeting_id, body.slot, body.table))


@router.post("/{ref}/meetings/{meeting_id}/outcome", summary="Held or no-show, with follow-up")
def outcome(
    coopex: CoopexDep, actor: ActorDep, ref: str, meeting_id: int, body: OutcomeBody
) -> MeetingOut:
    return MeetingOut.of(
        coopex.outcomes.record(actor, ref, meeting_id, body.outcome, body.follow_up, body.note)
    )


@router.post("/{ref}/schedule", summary="Compute and store the meeting schedule (organisers)")
def schedule(
    coopex: CoopexDep, actor: ActorDep, ref: str, body: ScheduleBody | None = None
) -> ScheduleOut:
    limit = (body or ScheduleBody()).time_limit
    return ScheduleOut.of(coopex.schedules.schedule(actor, ref, time_limit=limit))


@router.get("/{ref}/schedule", summary="The stored schedule: placed and unplaced meetings")
def get_schedule(coopex: CoopexDep, actor: ActorDep, ref: str) -> ScheduleOut:
    return ScheduleOut.of(coopex.schedules.view(ref))


@router.get("/{ref}/tables", summary="The table plan per slot")
def tables(coopex: CoopexDep, actor: ActorDep, ref: str) -> list[SlotPlanOut]:
    _, plan = coopex.schedules.table_plan(ref)
    return [SlotPlanOut.of(p) for p in plan]


@router.get("/{ref}/tables.html", response_class=HTMLResponse, summary="Printable table plan")
def tables_page(coopex: CoopexDep, actor: ActorDep, ref: str) -> HTMLResponse:
    event, plan = coopex.schedules.table_plan(ref)
    names = {p.org: p.org_name for p in coopex.events.participants(ref)}
    return HTMLResponse(table_plan_page(event, plan, names))


@router.get(
    "/{ref}/agenda/{org}.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}},
    summary="A participant's agenda as iCalendar (RFC 5545)",
)
def agenda_ics(coopex: CoopexDep, actor: ActorDep, ref: str, org: str) -> Response:
    body = agenda_calendar(coopex.schedules.agenda(actor, ref, org))
    headers = {"Content-Disposition": f'attachment; filename="{ref}-{org}.ics"'}
    return Response(body, media_type="text/calendar; charset=utf-8", headers=headers)


@router.get("/{ref}/agenda/{org}.html", response_class=HTMLResponse, summary="Printable agenda")
def agenda_html(coopex: CoopexDep, actor: ActorDep, ref: str, org: str) -> HTMLResponse:
    return HTMLResponse(agenda_page(coopex.schedules.agenda(actor, ref, org)))


@router.get("/{ref}/agenda/{org}", summary="A participant's agenda")
def agenda(coopex: CoopexDep, actor: ActorDep, ref: str, org: str) -> AgendaOut:
    return AgendaOut.of(coopex.schedules.agenda(actor, ref, org))


@router.get("/{ref}/counts", summary="Requested, accepted, scheduled, held; projects, agreements")
def counts(coopex: CoopexDep, actor: ActorDep, ref: str) -> CountsOut:
    return CountsOut.of(coopex.outcomes.counts(ref))
