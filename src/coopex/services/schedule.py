"""The meeting schedule of an event: built from what is stored, solved outside any
transaction, written back whole; and what people read from it (agendas, the table plan)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor
from coopex.domain.agenda import Agenda, SlotPlan, agenda, table_plan
from coopex.domain.errors import Conflict, FieldError, PermissionDenied, ValidationFailed
from coopex.domain.events import Event, can_act_for, require_organizer, unavailable_slots
from coopex.domain.meetings import EventMeeting, Outcome
from coopex.engines.scheduling.events import EventProblem, event_problem, lock_conflicts
from coopex.engines.scheduling.problem import ScheduleResult, SchedulingProblem
from coopex.services.auditing import AuditedChange
from coopex.services.events import event_id, load_event, load_participant, organization_ids
from coopex.storage.database import Database, utc_now
from coopex.storage.events import EventRepository
from coopex.storage.meetings import MeetingRepository, ScheduleSummary

Solver = Callable[[SchedulingProblem, float, int], ScheduleResult]
MAX_TIME_LIMIT = 3600.0


def default_solver(problem: SchedulingProblem, time_limit: float, workers: int) -> ScheduleResult:
    from coopex.engines.scheduling import solver  # the solver's libraries load on first use

    return solver.solve(problem, time_limit=time_limit, workers=workers)


@dataclass(frozen=True, slots=True)
class Unplaced:
    meeting: EventMeeting
    reason: str


@dataclass(frozen=True, slots=True)
class ScheduleView:
    summary: ScheduleSummary | None
    meetings: tuple[EventMeeting, ...]  # every meeting not cancelled

    @property
    def placed(self) -> list[EventMeeting]:
        return [m for m in self.meetings if m.slot is not None]

    @property
    def unplaced(self) -> list[Unplaced]:
        return [
            Unplaced(m, m.unplaced_reason or "not scheduled yet")
            for m in self.meetings
            if m.slot is None and m.outcome is Outcome.PLANNED
        ]


def _snapshot(meetings: list[EventMeeting]) -> list[tuple[object, ...]]:
    """What the schedule depends on: a change in between means solving again."""
    return [(m.id, m.outcome, m.locked, m.slot if m.locked else None, m.table) for m in meetings]


class ScheduleService:
    def __init__(self, database: Database, solver: Solver = default_solver) -> None:
        self.database = database
        self.solver = solver
        self.audited = AuditedChange(database)

    def _problem(self, actor: Actor, ref: str) -> tuple[Event, EventProblem, list[object]]:
        with self.database.transaction() as connection:
            event = load_event(connection, ref)
            events = EventRepository(connection)
            sessions = events.sessions(event_id(event))
            participants = events.participants(event_id(event))
            meetings = MeetingRepository(connection).meetings(event_id(event))
        built = event_problem(event, sessions, participants, meetings)
        by_key = {s.key: s for s in sessions}
        unavailable = {p.org: unavailable_slots(p, by_key) for p in participants}
        conflicts = lock_conflicts(meetings, built.grid, unavailable, event.tables)
        if conflicts:
            raise ValidationFailed([FieldError("locks", c) for c in conflicts])
        return event, built, list(_snapshot(meetings))

    def schedule(
        self, actor: Actor, ref: str, time_limit: float = 60.0, workers: int = 2
    ) -> ScheduleView:
        """Solve and store the schedule. Placed meetings keep their place when they can
        (re-scheduling after a cancellation or a late request); locked and held ones stay."""
        if not 0 < time_limit <= MAX_TIME_LIMIT:
            raise ValidationFailed(
                [FieldError("time_limit", f"must be over 0 and at most {MAX_TIME_LIMIT:g} s")]
            )
        self.audited.check(
            actor, "event.schedule", ref, lambda: require_organizer(actor, "schedule meetings")
        )
        event, built, snapshot = self._problem(actor, ref)
        result = self.solver(built.problem, time_limit, workers)

        def work(connection: Connection) -> tuple[ScheduleView, str]:
            repo = MeetingRepository(connection)
            if _snapshot(repo.meetings(event_id(event))) != snapshot:
                raise Conflict(f"the meetings of {ref!r} changed while scheduling; run it again")
            grid = built.grid
            spots = {p.meeting: (grid[p.slot].name, p.table + 1) for p in result.placements}
            reasons = {u.meeting: u.reason for u in (*result.unplaced, *built.excluded)}
            if result.status == "infeasible" and not result.placements:
                why = "; ".join(result.conflicts) or "the problem has no solution"
                reasons.update({m.id: why for m in built.problem.meetings})
            for meeting in repo.meetings(event_id(event)):
                key = str(meeting.id)
                assert meeting.id is not None
                if key in spots:
                    slot, table = spots[key]
                    repo.update_meeting(meeting.id, slot=slot, table_no=table, unplaced_reason=None)
                elif key in reasons and meeting.locked:  # a lock stays where it was put
                    repo.update_meeting(meeting.id, unplaced_reason=reasons[key])
                elif key in reasons and meeting.outcome is Outcome.PLANNED:
                    repo.update_meeting(
                        meeting.id, slot=None, table_no=None, unplaced_reason=reasons[key]
                    )
            summary = ScheduleSummary(
                status=result.status,
                placed=len(spots),
                unplaced=len(reasons),
                breaks=result.breaks,
                bound=result.bound,
                gap=result.gap,
                moved=result.moved,
                seconds=round(result.seconds, 3),
                time_limit=time_limit,
                conflicts=result.conflicts,
                solved_by=actor.label,
                solved_at=utc_now(),
                held_mutual=result.held[0],
                held_one_sided=result.held[1],
                held_bound_mutual=result.held_bound[0] if result.held_bound else None,
                held_bound_one_sided=result.held_bound[1] if result.held_bound else None,
                held_gap=result.held_gap,
            )
            repo.save_schedule(event_id(event), summary)
            detail = (
                f"status={summary.status} placed={summary.placed} unplaced={summary.unplaced} "
                f"breaks={summary.breaks} bound={summary.bound} moved={summary.moved}"
            )
            return self._view(connection, event), detail

        return self.audited.run(actor, "event.schedule", ref, work)

    @staticmethod
    def _view(connection: Connection, event: Event) -> ScheduleView:
        repo = MeetingRepository(connection)
        meetings = [m for m in repo.meetings(event_id(event)) if m.outcome is not Outcome.CANCELLED]
        return ScheduleView(repo.schedule(event_id(event)), tuple(meetings))

    def view(self, ref: str) -> ScheduleView:
        with self.database.transaction() as connection:
            return self._view(connection, load_event(connection, ref))

    def table_plan(self, ref: str) -> tuple[Event, list[SlotPlan]]:
        with self.database.transaction() as connection:
            event = load_event(connection, ref)
            sessions = EventRepository(connection).sessions(event_id(event))
            meetings = MeetingRepository(connection).meetings(event_id(event))
            return event, table_plan(sessions, meetings)

    def agenda(self, actor: Actor, ref: str, org: str) -> Agenda:
        """A participant's agenda (its members and organisers)."""
        with self.database.transaction() as connection:
            event = load_event(connection, ref)
            participant = load_participant(connection, event, org, "org")
            if not can_act_for(actor, organization_ids(connection, [org])[org]):
                raise PermissionDenied(f"see the agenda of {org!r}", "you are not a member")
            events = EventRepository(connection)
            sessions = events.sessions(event_id(event))
            names = {p.org: p.org_name for p in events.participants(event_id(event))}
            meetings = MeetingRepository(connection).meetings(event_id(event))
            return agenda(event, sessions, participant, meetings, names)
