"""Events: the list (upcoming or past, by kind), an event's page (sessions, itinerary,
participants, marketplace, the counts funnel), registration, and creating or editing an event
and its sessions (organisers). The services decide who may do what; the pages only ask."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.accounts import Actor
from coopex.domain.errors import Conflict, ValidationFailed
from coopex.domain.events import (
    Acceptance,
    Event,
    EventKind,
    ParticipantStatus,
    Registration,
    SessionKind,
    event_record,
    is_organizer,
    require_organizer,
)
from coopex.web.ui import nav
from coopex.web.ui.forms import reason_text
from coopex.web.ui.i18n import N_, I18n
from coopex.web.ui.pages.registry import labels as registry_labels
from coopex.web.ui.rendering import NOTICES, FormDep, Page, PageDep

router = APIRouter(include_in_schema=False)
nav.register(nav.NavItem("/events", N_("Events"), order=45))

EVENT_KINDS = {
    EventKind.FORUM: N_("Forum"),
    EventKind.ROUND_TABLE: N_("Round table"),
    EventKind.BUSINESS_MISSION: N_("Business mission"),
    EventKind.EXHIBITION: N_("Exhibition"),
}
SESSION_KINDS = {
    SessionKind.BUSINESS: N_("Business programme"),
    SessionKind.MATCHMAKING: N_("B2B meetings"),
    SessionKind.VISIT: N_("Visit"),
}
PARTICIPANT_STATUSES = {
    ParticipantStatus.PENDING: N_("Awaiting confirmation"),
    ParticipantStatus.CONFIRMED: N_("Confirmed"),
    ParticipantStatus.DECLINED: N_("Declined"),
}
REGISTRATIONS = {
    Registration.OPEN: N_("Open: confirmed at once"),
    Registration.CONFIRMED: N_("Confirmed by the organiser"),
}
ACCEPTANCES = {
    Acceptance.OPT_IN: N_("The other side accepts each request"),
    Acceptance.OPT_OUT: N_("Requests are accepted unless declined"),
}
EVENT_FIELDS = (
    "ref",
    "title",
    "kind",
    "starts_on",
    "ends_on",
    "timezone",
    "place",
    "registration",
    "acceptance",
    "tables",
    "request_deadline",
    "description",
)
SESSION_FIELDS = (
    "key",
    "title",
    "kind",
    "day",
    "starts",
    "ends",
    "slot_minutes",
    "place",
    "host_org",
)
LIST_SIZE = 500
NOTICES.update(
    {
        "event-saved": N_("The event is saved."),
        "session-saved": N_("The session is added."),
        "event-registered": N_("The organisation is registered."),
        "participant-saved": N_("The registration is updated."),
    }
)


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str


def event_labels(page: Page) -> dict[str, dict[str, str]]:
    t = page.i18n.gettext
    return {
        "kind": {k.value: t(v) for k, v in EVENT_KINDS.items()},
        "session": {k.value: t(v) for k, v in SESSION_KINDS.items()},
        "participant": {k.value: t(v) for k, v in PARTICIPANT_STATUSES.items()},
        "registration": {k.value: t(v) for k, v in REGISTRATIONS.items()},
        "acceptance": {k.value: t(v) for k, v in ACCEPTANCES.items()},
    }


def _options(page: Page, labels: dict[Any, str]) -> list[Option]:
    return [Option(k.value, page.i18n.gettext(v)) for k, v in labels.items()]


def _form_raw(form: dict[str, str], names: tuple[str, ...]) -> dict[str, object]:
    """Form fields -> the raw record the domain builder reads (blank means not given)."""
    return {n: form[n].strip() for n in names if form.get(n, "").strip()}


# The events services' reasons (English) -> messages in the reader's language; others go
# through the shared form reasons (forms.reason_text), else are shown as written.
_REASONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), m)
    for p, m in [
        (r"has already asked", N_("You have already asked for a meeting with them.")),
        (r"is already registered for", N_("This organisation is already registered.")),
        (r"^request \d+ is already ", N_("This request is already answered.")),
        (r"^request \d+ expired", N_("The request expired at the request deadline.")),
        (r"^requests to .* closed at", N_("Requests to this event are closed.")),
        (
            r"outcomes are recorded from then",
            N_("Outcomes are recorded from the event's first day."),
        ),
        (r"changed while scheduling", N_("The meetings changed while scheduling: run it again.")),
        (r"^is not a participant of", N_("Not a participant of this event.")),
        (r"^their registration was declined", N_("Their registration was declined.")),
        (r"^must be a time as HH:MM", N_("Enter a time as HH:MM.")),
        (r"^must be a whole number", N_("Enter a whole number.")),
        (r"^must be from (?P<low>\d+) to (?P<high>\d+)", N_("From %(low)s to %(high)s.")),
        (r"^is outside the event", N_("The date is outside the event's days.")),
        (r"^is required for a matchmaking session", N_("Required for B2B meetings.")),
        (r"^only matchmaking sessions have slots", N_("Only B2B meetings have slots.")),
        (r"^is longer than the session", N_("Longer than the session.")),
        (r"has no meeting tables", N_("The event has no meeting tables: set their number first.")),
        (r"^is not an IANA time zone", N_("Unknown time zone: write e.g. Europe/Moscow.")),
        (r"^is before starts_on", N_("The last day is before the first.")),
        (r"^must be after starts", N_("The end is before the start.")),
        (r"^must be over 0 and at most", N_("From 1 to 3600 seconds.")),
        (r"^must be a date and time", N_("Enter a date and time.")),
        (r"^must not contain '#'", N_("Without '#'.")),
        (r"^is larger than 2 MB", N_("The file is larger than 2 MB.")),
    ]
]


def reason_in(i18n: I18n, reason: str) -> str:
    for pattern, message in _REASONS:
        found = pattern.search(reason)
        if found:
            return i18n.gettext(message) % found.groupdict()
    return reason_text(i18n, reason)


def errors_of(page: Page, error: ValidationFailed | Conflict, default: str) -> dict[str, Any]:
    """Errors by form field, in the reader's language."""
    if isinstance(error, Conflict):
        return {error.field or default: [reason_in(page.i18n, str(error))]}
    shown: dict[str, list[str]] = {}
    for item in error.errors:  # grouped by form field as forms.field_errors does
        name = re.split(r"[.\[]", item.field, maxsplit=1)[0]
        shown.setdefault(name, []).append(reason_in(page.i18n, item.reason))
    return shown


# -- the list -----------------------------------------------------------------------------


@router.get("/events")
def events(page: PageDep) -> Response:
    actor = page.require_actor()
    params = {k: v.strip() for k, v in page.request.query_params.items() if v.strip()}
    kind = params.get("kind")
    when = params.get("when", "upcoming")
    chosen = EventKind(kind) if kind in {k.value for k in EventKind} else None
    found = page.coopex.events.page(chosen, None, LIST_SIZE).items
    today = date.today()
    shown = [e for e in found if (e.ends_on >= today) == (when != "past")]
    shown.sort(key=lambda e: e.starts_on, reverse=when == "past")
    return page.render(
        "events/list.html",
        events=shown,
        params=params,
        when=when,
        kinds=_options(page, EVENT_KINDS),
        labels=event_labels(page),
        organizer=is_organizer(actor),
    )


# -- create and edit (organisers) ---------------------------------------------------------


def _form_page(
    page: Page,
    values: dict[str, Any],
    errors: dict[str, Any],
    event: Event | None,
    status: int = 200,
) -> Response:
    return page.render(
        "events/event_form.html",
        status,
        values=values,
        errors=errors,
        event=event,
        sessions=page.coopex.events.sessions(event.ref) if event else [],
        kinds=_options(page, EVENT_KINDS),
        registrations=_options(page, REGISTRATIONS),
        acceptances=_options(page, ACCEPTANCES),
        labels=event_labels(page),
    )


def _session_page(
    page: Page, ref: str, values: dict[str, Any], errors: dict[str, Any], status: int = 200
) -> Response:
    return page.render(
        "events/session_form.html",
        status,
        event=page.coopex.events.get(ref),
        values=values,
        errors=errors,
        session_kinds=_options(page, SESSION_KINDS),
    )


def _require_organizer_page(page: Page) -> Actor:
    actor = page.require_actor()
    require_organizer(actor, "create or change events")
    return actor


@router.get("/events/new")
def new_event(page: PageDep) -> Response:
    _require_organizer_page(page)
    values = {"kind": "forum", "timezone": "Europe/Moscow", "registration": "open"}
    return _form_page(page, values, {}, None)


@router.post("/events/new")
def create_event(page: PageDep, form: FormDep) -> Response:
    actor = _require_organizer_page(page)  # refused before the form is read
    try:
        created = page.coopex.events.create(actor, _form_raw(form, EVENT_FIELDS))
    except (ValidationFailed, Conflict) as error:
        return _form_page(page, dict(form), errors_of(page, error, "ref"), None, 422)
    return page.redirect(f"/events/{created.ref}/edit", notice="event-saved")


def _values(found: Event) -> dict[str, Any]:
    record = event_record(found)
    if found.request_deadline:  # shown in the event's local time, as it is typed
        local = found.request_deadline.astimezone(found.zone)
        record["request_deadline"] = local.replace(tzinfo=None).isoformat("T", "minutes")
    return {k: "" if v is None else v for k, v in record.items()}


# -- one event ----------------------------------------------------------------------------


def register_choices(page: Page, actor: Actor, registered: set[str]) -> list[str]:
    """The organisations the reader may register (members: their own)."""
    return [o for o in page.coopex.accounts.memberships(actor) if o not in registered]


@router.get("/events/{ref}")
def event(page: PageDep, ref: str) -> Response:
    return _event_page(page, ref, {}, {})


def _event_page(
    page: Page, ref: str, values: dict[str, str], errors: dict[str, Any], status: int = 200
) -> Response:
    actor = page.require_actor()
    found = page.coopex.events.get(ref)
    sessions = page.coopex.events.sessions(ref)
    participants = page.coopex.events.participants(ref)
    mine = set(page.coopex.accounts.memberships(actor))
    registrable = register_choices(page, actor, {p.org for p in participants})
    return page.render(
        "events/event.html",
        status,
        event=found,
        sessions=sessions,
        visits=[s for s in sessions if s.kind is SessionKind.VISIT],
        participants=participants,
        listings=page.coopex.events.marketplace(ref),
        counts=page.coopex.outcomes.counts(ref),
        registrable=registrable,
        my_participations=[p for p in participants if p.org in mine],
        orgs=[s.host_org for s in sessions if s.host_org] + registrable,
        listing_labels=registry_labels(page),
        organizer=is_organizer(actor),
        labels=event_labels(page),
        values=values,
        errors=errors,
    )


@router.post("/events/{ref}/register")
def register(page: PageDep, form: FormDep, ref: str) -> Response:
    actor = page.require_actor()
    raw = _form_raw(form, ("org", "representatives", "unavailable", "listings"))
    try:
        page.coopex.events.register(actor, ref, raw)
    except (ValidationFailed, Conflict) as error:
        return _event_page(page, ref, dict(form), errors_of(page, error, "org"), 422)
    return page.redirect(f"/events/{ref}", notice="event-registered")


@router.post("/events/{ref}/participants/{org}/status")
def participant_status(page: PageDep, form: FormDep, ref: str, org: str) -> Response:
    actor = page.require_actor()
    status = form.get("status", "")
    try:
        page.coopex.events.update_participant(actor, ref, org, {"status": status})
    except ValidationFailed as error:
        return _event_page(page, ref, {}, errors_of(page, error, "status"), 422)
    return page.redirect(f"/events/{ref}", notice="participant-saved")


@router.get("/events/{ref}/edit")
def edit_event(page: PageDep, ref: str) -> Response:
    _require_organizer_page(page)
    found = page.coopex.events.get(ref)
    return _form_page(page, _values(found), {}, found)


@router.post("/events/{ref}/edit")
def update_event(page: PageDep, form: FormDep, ref: str) -> Response:
    actor = _require_organizer_page(page)  # refused before the form is read
    found = page.coopex.events.get(ref)
    changes = _form_raw(form, EVENT_FIELDS)
    changes.pop("ref", None)
    for name in ("place", "request_deadline", "description", "ends_on"):
        changes.setdefault(name, None)  # a field emptied on the form is cleared
    try:
        page.coopex.events.update(actor, ref, changes)
    except (ValidationFailed, Conflict) as error:
        values = {**_values(found), **form}
        return _form_page(page, values, errors_of(page, error, "title"), found, 422)
    return page.redirect(f"/events/{ref}", notice="event-saved")


@router.get("/events/{ref}/sessions/new")
def new_session(page: PageDep, ref: str) -> Response:
    _require_organizer_page(page)
    return _session_page(page, ref, {"kind": "business"}, {})


@router.post("/events/{ref}/sessions")
def add_session(page: PageDep, form: FormDep, ref: str) -> Response:
    actor = _require_organizer_page(page)  # refused before the form is read
    try:
        page.coopex.events.add_session(actor, ref, _form_raw(form, SESSION_FIELDS))
    except (ValidationFailed, Conflict) as error:
        return _session_page(page, ref, dict(form), errors_of(page, error, "key"), 422)
    return page.redirect(f"/events/{ref}/edit", notice="session-saved")
