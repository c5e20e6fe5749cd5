"""`coopex event ...` for meetings (requests, suggestions, locks, outcomes, agendas, the
table plan, counts) and `coopex schedule EVENT`."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import typer

from coopex.cli.context import OPERATOR, opened
from coopex.cli.events import event_app, given
from coopex.cli.output import JsonOption, console, emit, emit_json, fail, show_record
from coopex.domain.meetings import EventMeeting, FollowUp, Outcome, RequestStatus, request_record
from coopex.engines.scheduling.solver import solve
from coopex.interchange.agenda_page import agenda_page
from coopex.interchange.calendar import agenda_calendar
from coopex.interchange.dzn import DznError, read_dzn


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
    raw = given(requester=requester, target=target, priority=priority, message=message)
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
        "held_mutual": summary.held_mutual,
        "held_one_sided": summary.held_one_sided,
        "held_bound_mutual": summary.held_bound_mutual,
        "held_bound_one_sided": summary.held_bound_one_sided,
        "held_gap": summary.held_gap,
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


@event_app.command("solve-dzn")
def solve_dzn(
    path: Path = typer.Argument(..., metavar="FILE"),
    fairness: int = typer.Option(
        2, "--fairness", help="Most breaks one participant may have beyond another (d)"
    ),
    time_limit: float = typer.Option(60.0, "--time-limit", help="Seconds the solver may search"),
    workers: int = typer.Option(2, "--workers", help="Solver threads and processes"),
    as_json: bool = JsonOption,
) -> None:
    """Schedule a B2B meeting instance in the MiniZinc `.dzn` format of the literature
    (Bofill et al.): every meeting required, fewest breaks, proven bound and gap; then each
    meeting's slot and table (numbered from 1, as in the file). Nothing is stored."""
    try:
        problem = read_dzn(path, fairness).problem
    except DznError as error:
        fail(str(error))
    result = solve(problem, time_limit=time_limit, workers=workers)
    record: dict[str, object] = {
        "instance": path.name.removesuffix(".dzn"),
        "status": result.status,
        "breaks": result.breaks if result.placements else None,
        "bound": result.bound,
        "gap": result.gap,
        "seconds": round(result.seconds, 2),
        "conflicts": list(result.conflicts),
    }
    rows = [
        {"meeting": int(p.meeting), "slot": p.slot + 1, "table": p.table + 1}
        for p in sorted(result.placements, key=lambda placement: int(placement.meeting))
    ]
    if as_json:
        emit_json(record)
        for row in rows:
            emit_json(row)
    else:
        show_record(record, False)
        emit(rows, False, ["meeting", "slot", "table"], title="Meetings")
    if result.status not in ("optimal", "feasible"):
        raise typer.Exit(1)
