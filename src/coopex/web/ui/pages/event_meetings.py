"""An event's B2B meetings: requests (ask, accept, decline, withdraw), suggestions explained in
plain words, CSV imports (organisers), the schedule and its grid, locks, agendas (printable
and iCalendar), the table plan, and outcomes that open or advance projects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.accounts import Actor
from coopex.domain.errors import (
    Conflict,
    FieldError,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from coopex.domain.events import Event, Participant, is_organizer, slot_grid
from coopex.domain.listings import Listing
from coopex.domain.meetings import EventMeeting, FollowUp, Outcome, RequestStatus
from coopex.domain.projects import Project
from coopex.engines.matching.wording import surface_words
from coopex.interchange.calendar import agenda_calendar
from coopex.interchange.event_csv import (
    PARTICIPANT_COLUMNS,
    REQUEST_COLUMNS,
    decode,
    read_rows,
)
from coopex.interchange.records import UnreadableFile
from coopex.services.meetings import MeetingSuggestion
from coopex.web.ui.explain import reasons
from coopex.web.ui.i18n import N_
from coopex.web.ui.labels import PROJECT_STAGES
from coopex.web.ui.pages.events import errors_of, event_labels, reason_in
from coopex.web.ui.rendering import NOTICES, BadForm, FormDep, Page, PageDep
from coopex.web.ui.session import CSRF_FIELD, csrf_valid

router = APIRouter(include_in_schema=False)

REQUEST_STATUSES = {
    RequestStatus.PENDING: N_("Waiting for an answer"),
    RequestStatus.ACCEPTED: N_("Accepted"),
    RequestStatus.DECLINED: N_("Declined"),
    RequestStatus.CANCELLED: N_("Withdrawn"),
    RequestStatus.EXPIRED: N_("Expired"),
}
OUTCOMES = {
    Outcome.PLANNED: N_("Planned"),
    Outcome.HELD: N_("Held"),
    Outcome.NO_SHOW: N_("No-show"),
    Outcome.CANCELLED: N_("Cancelled"),
}
FOLLOW_UPS = {
    FollowUp.NONE: N_("No follow-up"),
    FollowUp.CONTACT: N_("Keep in contact"),
    FollowUp.NEGOTIATION: N_("Negotiation"),
    FollowUp.AGREEMENT: N_("Agreement"),
}
SCHEDULE_STATUSES = {
    "optimal": N_("Optimal: no better schedule exists"),
    "feasible": N_("Feasible: good, not proven the best"),
    "infeasible": N_("Infeasible: the locks or rules contradict each other"),
    "unknown": N_("Unknown: no schedule found within the time limit"),
    "empty": N_("Nothing to schedule"),
}
NOTICES.update(
    {
        "request-sent": N_("The request is sent."),
        "request-decided": N_("The answer is saved."),
        "imported": N_("The file is imported."),
        "scheduled": N_("The schedule is computed and stored."),
        "locked": N_("The meeting is pinned to its slot and table."),
        "unlocked": N_("The meeting is unpinned."),
        "outcome-saved": N_("The outcome is saved."),
    }
)
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


def meeting_labels(page: Page) -> dict[str, dict[str, str]]:
    t = page.i18n.gettext
    return {
        **event_labels(page),
        "request": {k.value: t(v) for k, v in REQUEST_STATUSES.items()},
        "outcome": {k.value: t(v) for k, v in OUTCOMES.items()},
        "follow_up": {k.value: t(v) for k, v in FOLLOW_UPS.items()},
        "schedule": {k: t(v) for k, v in SCHEDULE_STATUSES.items()},
        "stage": {k.value: t(v) for k, v in PROJECT_STAGES.items()},
    }


def acting_orgs(page: Page, actor: Actor, participants: list[Participant]) -> list[str]:
    """The participants the reader may act for: all for organisers, else their own."""
    if is_organizer(actor):
        return [p.org for p in participants]
    mine = set(page.coopex.accounts.memberships(actor))
    return [p.org for p in participants if p.org in mine]


@dataclass(frozen=True, slots=True)
class ShownSuggestion:
    suggestion: MeetingSuggestion
    reasons: list[str]


def _explained(page: Page, actor: Actor, found: list[MeetingSuggestion]) -> list[ShownSuggestion]:
    analyzer = page.coopex.matching.engine.analyzer
    shown: list[ShownSuggestion] = []
    for suggestion in found:
        if suggestion.match is None:
            shown.append(ShownSuggestion(suggestion, [suggestion.reason]))
            continue
        mine = page.coopex.registry.get_listing(actor, suggestion.listing)

        def ours(terms: list[str], listing: Listing = mine) -> dict[str, str]:
            return surface_words(analyzer, f"{listing.title}\n{listing.description}", terms)

        def theirs(listing: Listing, terms: list[str]) -> dict[str, str]:
            return surface_words(analyzer, f"{listing.title}\n{listing.description}", terms)

        said = reasons(page.i18n, suggestion.match, ours, theirs)
        shown.append(ShownSuggestion(suggestion, said))
    return shown


def _projects(page: Page, actor: Actor, meetings: list[EventMeeting]) -> dict[str, Project]:
    found: dict[str, Project] = {}
    for meeting in meetings:
        if meeting.project and meeting.project not in found:
            try:
                found[meeting.project] = page.coopex.projects.get(actor, meeting.project)
            except (NotFound, PermissionDenied):
                continue
    return found


# -- requests, suggestions, outcomes -----------------------------------------------------


@router.get("/events/{ref}/meetings")
def meetings(page: PageDep, ref: str) -> Response:
    return _meetings_page(page, ref, page.request.query_params.get("org", ""), {}, {})


def _meetings_page(
    page: Page,
    ref: str,
    org: str,
    values: dict[str, str],
    errors: dict[str, Any],
    status: int = 200,
    import_errors: list[str] | None = None,
) -> Response:
    actor = page.require_actor()
    event = page.coopex.events.get(ref)
    participants = page.coopex.events.participants(ref)
    names = {p.org: p.org_name for p in participants}
    orgs = acting_orgs(page, actor, participants)
    organizer = is_organizer(actor)
    if org not in orgs:
        org = "" if organizer or not orgs else orgs[0]
    requests = page.coopex.meetings.requests(actor, ref, org or None)
    found = page.coopex.meetings.meetings(actor, ref)
    mine = [m for m in found if not org or org in m.pair]
    suggestions: list[ShownSuggestion] = []
    if org:
        try:
            suggestions = _explained(
                page, actor, page.coopex.meetings.suggestions(actor, ref, org, 5)
            )
        except (NotFound, ValidationFailed):
            suggestions = []
    asked = {r.target for r in requests if r.requester == org}
    targets = [
        p
        for p in participants
        if p.org != org and p.org not in asked and p.status.value != "declined"
    ]
    return page.render(
        "events/meetings.html",
        status,
        event=event,
        org=org,
        orgs=orgs,
        names=names,
        incoming=[r for r in requests if org and r.target == org],
        outgoing=[r for r in requests if org and r.requester == org],
        all_requests=requests if not org else [],
        meetings=[m for m in mine if m.outcome is not Outcome.CANCELLED],
        projects=_projects(page, actor, mine),
        suggestions=suggestions,
        targets=targets,
        organizer=organizer,
        started=date.today() >= event.starts_on,
        labels=meeting_labels(page),
        values=values,
        errors=errors,
        import_errors=import_errors or [],
        follow_ups=[(f.value, page._(label)) for f, label in FOLLOW_UPS.items()],
    )


def _back(page: Page, ref: str, org: str, notice: str) -> Response:
    query = {"org": org} if org else {}
    return page.redirect(f"/events/{ref}/meetings", **query, notice=notice)


@router.post("/events/{ref}/requests")
def request_meeting(page: PageDep, form: FormDep, ref: str) -> Response:
    actor = page.require_actor()
    org = form.get("requester", "")
    try:
        page.coopex.meetings.request(actor, ref, _fields(form))
    except (ValidationFailed, Conflict) as error:
        return _meetings_page(page, ref, org, dict(form), errors_of(page, error, "target"), 422)
    return _back(page, ref, org, "request-sent")


def _fields(form: dict[str, str]) -> dict[str, object]:
    names = ("requester", "target", "priority", "message", "reason")
    return {n: form[n].strip() for n in names if form.get(n, "").strip()}


@router.post("/events/{ref}/requests/{request_id}")
def decide(page: PageDep, form: FormDep, ref: str, request_id: int) -> Response:
    actor = page.require_actor()
    org = form.get("org", "")
    try:
        status = RequestStatus(form.get("status", ""))
        page.coopex.meetings.decide(actor, ref, request_id, status)
    except ValueError:
        failed = ValidationFailed([FieldError("status", "must be one of: accepted, declined")])
        return _meetings_page(page, ref, org, {}, errors_of(page, failed, "status"), 422)
    except (ValidationFailed, Conflict) as error:
        return _meetings_page(page, ref, org, {}, errors_of(page, error, "status"), 422)
    return _back(page, ref, org, "request-decided")


@router.post("/events/{ref}/meetings/{meeting_id}/outcome")
def outcome(page: PageDep, form: FormDep, ref: str, meeting_id: int) -> Response:
    actor = page.require_actor()
    org = form.get("org", "")
    try:
        chosen = Outcome(form.get("outcome", ""))
        follow_up = FollowUp(form.get("follow_up") or "none")
        page.coopex.outcomes.record(
            actor, ref, meeting_id, chosen, follow_up, form.get("note", "").strip()
        )
    except ValueError:
        failed = ValidationFailed([FieldError("outcome", "must be one of: held, no_show")])
        return _meetings_page(page, ref, org, {}, errors_of(page, failed, "outcome"), 422)
    except (ValidationFailed, Conflict) as error:
        return _meetings_page(page, ref, org, {}, errors_of(page, error, "outcome"), 422)
    return _back(page, ref, org, "outcome-saved")


# -- CSV imports (organisers) -----------------------------------------------------------


@router.post("/events/{ref}/import/{what}")
async def import_file(page: PageDep, ref: str, what: str) -> Response:
    """A multipart form (the file and the CSRF token); all rows or none are stored."""
    form = await page.request.form()
    token = form.get(CSRF_FIELD)
    if not csrf_valid(page.request, token if isinstance(token, str) else None):
        raise BadForm()
    actor = page.require_actor()
    if what not in ("participants", "requests"):
        raise NotFound("import", what)
    upload = form.get("file")
    problems: list[str] = []
    try:
        if upload is None or isinstance(upload, str) or not upload.filename:
            raise ValidationFailed([FieldError("file", "is required")])
        data = await upload.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:
            raise ValidationFailed([FieldError("file", "is larger than 2 MB")])
        columns = PARTICIPANT_COLUMNS if what == "participants" else REQUEST_COLUMNS
        try:
            rows = read_rows(decode(data, upload.filename), columns, upload.filename)
        except UnreadableFile as error:
            raise ValidationFailed([FieldError("file", str(error))]) from None
        if what == "participants":
            page.coopex.events.import_participants(actor, ref, rows)
        else:
            page.coopex.meetings.import_requests(actor, ref, rows)
    except ValidationFailed as failed:
        problems = [f"{e.field}: {reason_in(page.i18n, e.reason)}" for e in failed.errors]
    if problems:
        return _meetings_page(page, ref, "", {}, {}, 422, import_errors=problems)
    return page.redirect(f"/events/{ref}/meetings", notice="imported")


# -- the schedule -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GridRow:
    slot: str
    label: str  # the time
    cells: list[EventMeeting | None]  # one per table


def grid(event: Event, page: Page, ref: str) -> tuple[list[GridRow], list[EventMeeting]]:
    view = page.coopex.schedules.view(ref)
    sessions = page.coopex.events.sessions(ref)
    at = {(m.slot, m.table): m for m in view.placed}
    rows = [
        GridRow(
            slot.name,
            f"{page.i18n.date(slot.starts.date())} {slot.starts:%H:%M}–{slot.ends:%H:%M}",
            [at.get((slot.name, table)) for table in range(1, event.tables + 1)],
        )
        for slot in slot_grid(sessions)
    ]
    return rows, list(view.meetings)


@router.get("/events/{ref}/schedule")
def schedule(page: PageDep, ref: str) -> Response:
    return _schedule_page(page, ref, {}, {})


def _schedule_page(
    page: Page, ref: str, values: dict[str, str], errors: dict[str, Any], status: int = 200
) -> Response:
    actor = page.require_actor()
    event = page.coopex.events.get(ref)
    view = page.coopex.schedules.view(ref)
    rows, meetings = grid(event, page, ref)
    names = {p.org: p.org_name for p in page.coopex.events.participants(ref)}
    return page.render(
        "events/schedule.html",
        status,
        event=event,
        summary=view.summary,
        rows=rows,
        meetings=meetings,
        unplaced=view.unplaced,
        slots=[r.slot for r in rows],
        names=names,
        organizer=is_organizer(actor),
        labels=meeting_labels(page),
        values=values,
        errors=errors,
    )


@router.post("/events/{ref}/schedule")
def run_schedule(page: PageDep, form: FormDep, ref: str) -> Response:
    actor = page.require_actor()
    text = form.get("time_limit", "").strip() or "30"
    try:
        try:
            limit = float(text)
        except ValueError:
            raise ValidationFailed([FieldError("time_limit", "must be a number")]) from None
        page.coopex.schedules.schedule(actor, ref, time_limit=limit)
    except (ValidationFailed, Conflict) as error:
        return _schedule_page(page, ref, dict(form), errors_of(page, error, "time_limit"), 422)
    return page.redirect(f"/events/{ref}/schedule", notice="scheduled")


@router.post("/events/{ref}/meetings/{meeting_id}/lock")
def lock(page: PageDep, form: FormDep, ref: str, meeting_id: int) -> Response:
    actor = page.require_actor()
    unlock = form.get("action") == "unlock"
    slot = None if unlock else form.get("slot", "").strip() or None
    table_text = form.get("table", "").strip()
    try:
        if not unlock and slot is None:
            raise ValidationFailed([FieldError("slot", "is required")])
        table = None
        if not unlock:
            if not table_text.isdigit():
                raise ValidationFailed([FieldError("table", "must be a number")])
            table = int(table_text)
        page.coopex.meetings.lock(actor, ref, meeting_id, slot, table)
    except (ValidationFailed, Conflict) as error:
        shown = errors_of(page, error, "slot")
        return _schedule_page(page, ref, {**form, "meeting": str(meeting_id)}, shown, 422)
    return page.redirect(f"/events/{ref}/schedule", notice="unlocked" if unlock else "locked")


# -- agendas and the table plan ---------------------------------------------------------


@router.get("/events/{ref}/agenda/{org}.ics")
def agenda_ics(page: PageDep, ref: str, org: str) -> Response:
    found = page.coopex.schedules.agenda(page.require_actor(), ref, org)
    headers = {"Content-Disposition": f'attachment; filename="{ref}-{org}.ics"'}
    return Response(
        agenda_calendar(found), media_type="text/calendar; charset=utf-8", headers=headers
    )


@router.get("/events/{ref}/agenda/{org}")
def agenda(page: PageDep, ref: str, org: str) -> Response:
    found = page.coopex.schedules.agenda(page.require_actor(), ref, org)
    days: dict[date, list[Any]] = {}
    for item in found.items:
        days.setdefault(item.starts.date(), []).append(item)
    return page.render(
        "events/agenda.html",
        agenda=found,
        event=found.event,
        days=sorted(days.items()),
        labels=meeting_labels(page),
    )


@router.get("/events/{ref}/tables")
def tables(page: PageDep, ref: str) -> Response:
    page.require_actor()
    event, plan = page.coopex.schedules.table_plan(ref)
    names = {p.org: p.org_name for p in page.coopex.events.participants(ref)}
    return page.render("events/tables.html", event=event, plan=plan, names=names)
