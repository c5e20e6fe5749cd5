"""`coopex event ...` (events, sessions, participants, meeting requests, agendas, outcomes)
and `coopex schedule EVENT` (the meeting schedule)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import typer

from coopex.cli.context import OPERATOR, opened
from coopex.cli.output import JsonOption, console, emit, emit_json, fail, show_record
from coopex.domain.events import Event, EventKind, ParticipantStatus, event_record, session_record
from coopex.domain.meetings import EventMeeting, FollowUp, Outcome, RequestStatus, request_record
from coopex.interchange.agenda_page import agenda_page
from coopex.interchange.calendar import agenda_calendar
from coopex.interchange.event_csv import PARTICIPANT_COLUMNS, REQUEST_COLUMNS, decode, read_rows
from coopex.interchange.records import UnreadableFile

event_app = typer.Typer(no_args_is_help=True, help="Events, B2B meeting requests and agendas.")


def _event_row(event: Event) -> dict[str, object]:
    return event_record(event)


def _meeting_row(meeting: EventMeeting) -> dict[str, object]:
    return {
        "id": meeting.id,
        "participants": list(meeting.pair),
        "priority": meeting.priority,
        "mutual": meeting.mutual,
        "slot": meeting.slot,
        "table": meeting.table,
        "locked": meeting.locked,
        "outcome": meeting.outcome.value,
        "follow_up": meeting.follow_up.value,
        "project": meeting.project,
        "unplaced_reason": meeting.unplaced_reason,
    }


def _given(**values: object) -> dict[str, object]:
    return {key: value for key, value in values.items() if value is not None}


# -- events and sessions -------------------------------------------------------------------


@event_app.command("create")
def create(
    title: str = typer.Option(..., help="The event's name"),
    kind: EventKind = typer.Option(..., help="forum, round_table, business_mission, exhibition"),
    starts_on: str = typer.Option(..., "--starts-on", help="YYYY-MM-DD"),
    ends_on: str = typer.Option(None, "--ends-on", help="YYYY-MM-DD [default: --starts-on]"),
    timezone: str = typer.Option("UTC", help="IANA time zone, e.g. Europe/Moscow"),
    place: str = typer.Option(None),
    tables: int = typer.Option(0, help="Meeting tables in the matchmaking area"),
    registration: str = typer.Option("open", help="open, or confirmed by the organiser"),
    acceptance: str = typer.Option("opt_in", help="opt_in (target decides) or opt_out"),
    deadline: str = typer.Option(None, help="Request deadline, YYYY-MM-DDTHH:MM (local time)"),
    ref: str = typer.Option(None, help="Stable key [default: derived from title and date]"),
    as_json: bool = JsonOption,
) -> None:
    """Create an event."""
    raw = _given(
        title=title,
        kind=kind.value,
        starts_on=starts_on,
        ends_on=ends_on,
        timezone=timezone,
        place=place,
        tables=tables,
        registration=registration,
        acceptance=acceptance,
        request_deadline=deadline,
        ref=ref,
    )
    with opened() as coopex:
        show_record(_event_row(coopex.events.create(OPERATOR, raw)), as_json)


@event_app.command("list")
def list_events(kind: EventKind = typer.Option(None), as_json: bool = JsonOption) -> None:
    """Events, oldest first."""
    with opened() as coopex:
        page = coopex.events.page(kind, None, 500)
        emit(
            (_event_row(e) for e in page.items),
            as_json,
            ["ref", "title", "kind", "starts_on", "ends_on", "place", "tables"],
        )


@event_app.command("show")
def show(ref: str, as_json: bool = JsonOption) -> None:
    """An event with its counts: requested, accepted, scheduled, held, agreements."""
    with opened() as coopex:
        record = _event_row(coopex.events.get(ref))
        record["sessions"] = len(coopex.events.sessions(ref))
        record["participants"] = len(coopex.events.participants(ref))
        record.update(asdict(coopex.outcomes.counts(ref)))
        show_record(record, as_json)


@event_app.command("sessions")
def sessions(ref: str, as_json: bool = JsonOption) -> None:
    """Sessions in time order: business, matchmaking (with slots), visits."""
    with opened() as coopex:
        emit(
            (session_record(s) for s in coopex.events.sessions(ref)),
            as_json,
            ["key", "title", "kind", "day", "starts", "ends", "place", "slots", "host_org"],
        )


@event_app.command("session-add")
def session_add(
    ref: str,
    key: str = typer.Option(..., help="Unique in the event, e.g. day1-b2b"),
    title: str = typer.Option(...),
    kind: str = typer.Option("business", help="business, matchmaking or visit"),
    day: str = typer.Option(..., help="YYYY-MM-DD"),
    starts: str = typer.Option(..., help="HH:MM"),
    ends: str = typer.Option(..., help="HH:MM"),
    slot_minutes: int = typer.Option(None, "--slot-minutes", help="Matchmaking only"),
    place: str = typer.Option(None),
    host_org: str = typer.Option(None, "--host-org", help="A visit's host organisation"),
) -> None:
    """Add a session (a mission's visit is a session of kind `visit`)."""
    raw = _given(
        key=key,
        title=title,
        kind=kind,
        day=day,
        starts=starts,
        ends=ends,
        slot_minutes=slot_minutes,
        place=place,
        host_org=host_org,
    )
    with opened() as coopex:
        session = coopex.events.add_session(OPERATOR, ref, raw)
        console.print(f"session {session.key}: {session.slot_count} slot(s)", highlight=False)


# -- participants --------------------------------------------------------------------------


@event_app.command("participants")
def participants(
    ref: str, status: ParticipantStatus = typer.Option(None), as_json: bool = JsonOption
) -> None:
    """Registered organisations."""
    with opened() as coopex:
        rows = (
            {
                "org": p.org,
                "name": p.org_name,
                "status": p.status.value,
                "representatives": list(p.representatives),
                "unavailable": list(p.unavailable),
            }
            for p in coopex.events.participants(ref, status)
        )
        emit(rows, as_json, ["org", "name", "status", "representatives", "unavailable"])


@event_app.command("register")
def register(
    ref: str,
    org: str,
    representative: list[str] = typer.Option([], help="A representative's name (repeat)"),
    unavailable: list[str] = typer.Option([], help="SESSION or SESSION#N (repeat)"),
) -> None:
    """Register an organisation for the event."""
    raw = {"org": org, "representatives": representative, "unavailable": unavailable}
    with opened() as coopex:
        participant = coopex.events.register(OPERATOR, ref, raw)
        console.print(f"{org}: {participant.status.value}", highlight=False)


@event_app.command("confirm")
def confirm(
    ref: str, org: str, decline: bool = typer.Option(False, "--decline", help="Decline it")
) -> None:
    """Confirm (or decline) a registration."""
    status = ParticipantStatus.DECLINED if decline else ParticipantStatus.CONFIRMED
    with opened() as coopex:
        coopex.events.update_participant(OPERATOR, ref, org, {"status": status.value})
        console.print(f"{org}: {status.value}", highlight=False)


@event_app.command("import")
def import_csv(ref: str, path: Path) -> None:
    """Participants (column `org`) or meeting requests (`requester`, `target`) from a CSV
    file: every row goes in, or none, with each bad row's errors."""
    try:
        text = decode(path.read_bytes(), path.name)
        header = text.splitlines()[0] if text.strip() else ""
        requests = "requester" in header
        columns = REQUEST_COLUMNS if requests else PARTICIPANT_COLUMNS
        rows = read_rows(text, columns, path.name)
    except (UnreadableFile, OSError) as error:
        fail(str(error))
    with opened() as coopex:
        if requests:
            summary = coopex.meetings.import_requests(OPERATOR, ref, rows)
            console.print(f"{summary.created} request(s) imported", highlight=False)
        else:
            summary = coopex.events.import_participants(OPERATOR, ref, rows)
            console.print(
                f"participants: {summary.created} registered, {summary.updated} updated",
                highlight=False,
            )


# -- requests and meetings ------------------------------------------------------------------


@event_app.command("requests")
def requests(ref: str, org: str = typer.Option(None), as_json: bool = JsonOption) -> None:
    """Meeting requests, with their status (expired once the deadline passed)."""
    with opened() as coopex:
        emit(
            (request_record(r) for r in coopex.meetings.requests(OPERATOR, ref, org)),
            as_json,
            ["id", "requester", "target", "priority", "status", "message"],
        )


@event_app.command("request")
def request(
    ref: str,
    requester: str,
    target: str,
    priority: int = typer.Option(1, help="1 to 5"),
    message: str = typer.Option(None),
) -> None:
    """Ask for a meeting on an organisation's behalf."""
    raw = _given(requester=requester, target=target, priority=priority, message=message)
    with opened() as coopex:
        made = coopex.meetings.request(OPERATOR, ref, raw)
        console.print(f"request {made.id}: {made.status.value}", highlight=False)


def _decide(ref: str, request_id: int, status: RequestStatus) -> None:
    with opened() as coopex:
        decided = coopex.meetings.decide(OPERATOR, ref, request_id, status)
        console.print(f"request {decided.id}: {decided.status.value}", highlight=False)


@event_app.command("accept")
def accept(ref: str, request_id: int) -> None:
    """Accept a meeting request."""
    _decide(ref, request_id, RequestStatus.ACCEPTED)


@event_app.command("decline")
def decline(ref: str, request_id: int) -> None:
    """Decline a meeting request."""
    _decide(ref, request_id, RequestStatus.DECLINED)


@event_app.command("cancel")
def cancel(ref: str, request_id: int) -> None:
    """Withdraw a meeting request."""
    _decide(ref, request_id, RequestStatus.CANCELLED)


@event_app.command("suggest")
def suggest(ref: str, org: str, limit: int = typer.Option(10), as_json: bool = JsonOption) -> None:
    """Participants worth meeting for ORG: their listings match its listings."""
    with opened() as coopex:
        found = coopex.meetings.suggestions(OPERATOR, ref, org, limit)
        emit(
            (asdict(s) for s in found),
            as_json,
            ["target", "target_name", "score", "listing", "their_listing", "reason"],
        )


@event_app.command("meetings")
def meetings(ref: str, as_json: bool = JsonOption) -> None:
    """Granted meetings with their slot, table and outcome."""
    with opened() as coopex:
        emit(
            (_meeting_row(m) for m in coopex.meetings.meetings(OPERATOR, ref)),
            as_json,
            [
                "id",
                "participants",
                "priority",
                "mutual",
                "slot",
                "table",
                "locked",
                "outcome",
                "unplaced_reason",
            ],
        )


@event_app.command("lock")
def lock(ref: str, meeting_id: int, slot: str, table: int) -> None:
    """Pin a meeting to SLOT (SESSION#N) and TABLE; the schedule keeps it there."""
    with opened() as coopex:
        coopex.meetings.lock(OPERATOR, ref, meeting_id, slot, table)
        console.print(f"meeting {meeting_id}: locked to {slot}, table {table}", highlight=False)


@event_app.command("unlock")
def unlock(ref: str, meeting_id: int) -> None:
    """Let the schedule move a meeting again."""
    with opened() as coopex:
        coopex.meetings.lock(OPERATOR, ref, meeting_id, None, None)
        console.print(f"meeting {meeting_id}: unlocked", highlight=False)


@event_app.command("outcome")
def outcome(
    ref: str,
    meeting_id: int,
    result: Outcome = typer.Argument(..., help="held or no_show"),
    follow_up: FollowUp = typer.Option(FollowUp.NONE, "--follow-up"),
    note: str = typer.Option(""),
) -> None:
    """Record a meeting's outcome; a follow-up opens or advances a cooperation project."""
    with opened() as coopex:
        done = coopex.outcomes.record(OPERATOR, ref, meeting_id, result, follow_up, note)
        project = f", project {done.project}" if done.project else ""
        console.print(f"meeting {meeting_id}: {done.outcome.value}{project}", highlight=False)


# -- outputs --------------------------------------------------------------------------------


@event_app.command("agenda")
def agenda(
    ref: str,
    org: str,
    ics: Path = typer.Option(None, "--ics", help="Write an iCalendar (.ics) file here"),
    html: Path = typer.Option(None, "--html", help="Write a printable HTML page here"),
    as_json: bool = JsonOption,
) -> None:
    """ORG's agenda: sessions it attends and its meetings, in the event's local time."""
    with opened() as coopex:
        found = coopex.schedules.agenda(OPERATOR, ref, org)
    if ics:
        ics.write_bytes(agenda_calendar(found))
    if html:
        html.write_text(agenda_page(found), encoding="utf-8")
    rows = (
        {
            "starts": f"{item.starts:%Y-%m-%d %H:%M}",
            "ends": f"{item.ends:%H:%M}",
            "kind": item.kind,
            "title": item.title,
            "place": item.place,
            "table": item.table,
        }
        for item in found.items
    )
    emit(rows, as_json, ["starts", "ends", "kind", "title", "place", "table"])


@event_app.command("tables")
def tables(ref: str, as_json: bool = JsonOption) -> None:
    """The table plan: who sits at which table in each slot."""
    with opened() as coopex:
        _, plan = coopex.schedules.table_plan(ref)
    rows = (
        {
            "slot": entry.slot.name,
            "starts": f"{entry.slot.starts:%Y-%m-%d %H:%M}",
            "table": seat.table,
            "meeting": seat.meeting,
            "participants": [seat.first, seat.second],
        }
        for entry in plan
        for seat in entry.seats
    )
    emit(rows, as_json, ["slot", "starts", "table", "meeting", "participants"])


@event_app.command("counts")
def counts(ref: str, as_json: bool = JsonOption) -> None:
    """Requested → accepted → scheduled → held → projects → agreements."""
    with opened() as coopex:
        show_record(asdict(coopex.outcomes.counts(ref)), as_json)


def schedule(
    ref: str = typer.Argument(..., metavar="EVENT"),
    time_limit: float = typer.Option(60.0, "--time-limit", help="Seconds the solver may search"),
    as_json: bool = JsonOption,
) -> None:
    """Compute and store EVENT's meeting schedule; lists what could not be placed and why.
    Exit code 1 when some meeting could not be placed."""
    with opened() as coopex:
        view = coopex.schedules.schedule(OPERATOR, ref, time_limit=time_limit)
    summary = view.summary
    assert summary is not None
    record = {
        "status": summary.status,
        "placed": len(view.placed),
        "unplaced": len(view.unplaced),
        "breaks": summary.breaks,
        "bound": summary.bound,
        "gap": summary.gap,
        "moved": summary.moved,
        "seconds": summary.seconds,
    }
    if as_json:
        emit_json(record)
        for item in view.unplaced:
            emit_json(
                {"unplaced": item.meeting.id, "pair": item.meeting.pair, "reason": item.reason}
            )
    else:
        show_record(record, False)
        for item in view.unplaced:
            console.print(
                f"not placed: meeting {item.meeting.id} ({' – '.join(item.meeting.pair)}): "
                f"{item.reason}",
                highlight=False,
            )
    if view.unplaced:
        raise typer.Exit(1)
