"""`coopex event ...` (events, sessions, participants, meeting requests, agendas, outcomes)
and `coopex schedule EVENT` (the meeting schedule)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import typer

from coopex.cli.context import OPERATOR, opened
from coopex.cli.output import JsonOption, console, emit, fail, show_record
from coopex.domain.events import Event, EventKind, ParticipantStatus, event_record, session_record
from coopex.interchange.event_csv import PARTICIPANT_COLUMNS, REQUEST_COLUMNS, decode, read_rows
from coopex.interchange.records import UnreadableFile

event_app = typer.Typer(no_args_is_help=True, help="Events, B2B meeting requests and agendas.")


def _event_row(event: Event) -> dict[str, object]:
    return event_record(event)


def given(**values: object) -> dict[str, object]:
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
    raw = given(
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
    raw = given(
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
