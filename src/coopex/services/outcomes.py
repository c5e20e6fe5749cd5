"""After the event: each meeting held or not, its follow-up, and the cooperation project the
follow-up opens or advances — so event → meeting → agreement is counted per event."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor
from coopex.domain.errors import Conflict, NotFound
from coopex.domain.events import can_act_for, require_can_act_for
from coopex.domain.meetings import (
    EventCounts,
    EventMeeting,
    FollowUp,
    Outcome,
    RequestStatus,
    check_outcome,
)
from coopex.domain.projects import ProjectStage
from coopex.services.auditing import AuditedChange
from coopex.services.events import event_id, load_event, organization_ids
from coopex.services.projects import ProjectService
from coopex.storage.database import Database, utc_now
from coopex.storage.meetings import MeetingRepository


class OutcomeService:
    def __init__(self, database: Database, projects: ProjectService) -> None:
        self.database = database
        self.projects = projects
        self.audited = AuditedChange(database)

    def record(
        self,
        actor: Actor,
        ref: str,
        meeting_id: int,
        outcome: Outcome,
        follow_up: FollowUp = FollowUp.NONE,
        note: str = "",
    ) -> EventMeeting:
        """Mark a meeting held or no-show (either side, or an organiser), once the event
        has begun. A follow-up opens a project between the two organisations, or advances
        their open one (contact → lead, negotiation, agreement)."""
        check_outcome(outcome, follow_up)

        def work(connection: Connection) -> tuple[EventMeeting, str]:
            event = load_event(connection, ref)
            repo = MeetingRepository(connection)
            meeting = repo.meeting(event_id(event), meeting_id)
            if meeting is None or meeting.outcome is Outcome.CANCELLED:
                raise NotFound("meeting", meeting_id)
            ids = organization_ids(connection, list(meeting.pair))
            if not any(can_act_for(actor, ids[org]) for org in meeting.pair):
                require_can_act_for(
                    actor, ids[meeting.first], meeting.first, f"record meeting {meeting_id}"
                )
            if utc_now().date() < event.starts_on:
                raise Conflict(
                    f"{ref!r} starts on {event.starts_on}: outcomes are recorded from then",
                    field="outcome",
                )
            project_id: int | None = None
            stage = follow_up.stage
            if outcome is Outcome.HELD and stage is not None:
                title = f"{meeting.first} — {meeting.second}: met at {event.title}"
                project = self.projects.follow_up(
                    connection,
                    actor,
                    ((meeting.first, ids[meeting.first]), (meeting.second, ids[meeting.second])),
                    stage,
                    title,
                    f"{ref}/{meeting_id}",
                )
                project_id = project.id
            values: dict[str, object] = {
                "outcome": outcome.value,
                "follow_up": follow_up.value,
                "note": note[:2000],
            }
            if project_id is not None:
                values["project_id"] = project_id
            repo.update_meeting(meeting_id, **values)
            saved = repo.meeting(event_id(event), meeting_id)
            assert saved is not None
            detail = f"{outcome.value}, follow-up {follow_up.value}"
            return saved, detail + (f", project {saved.project}" if saved.project else "")

        return self.audited.run(actor, "meeting.outcome", f"{ref}/{meeting_id}", work)

    def counts(self, ref: str) -> EventCounts:
        """Requested → accepted → scheduled → held → follow-ups → agreements."""
        with self.database.transaction() as connection:
            event = load_event(connection, ref)
            repo = MeetingRepository(connection)
            now = utc_now()
            statuses = [
                r.effective_status(event.request_deadline, now)
                for r in repo.requests(event_id(event))
            ]
            meetings = [
                m for m in repo.meetings(event_id(event)) if m.outcome is not Outcome.CANCELLED
            ]
            stages = repo.project_stages(event_id(event))

        def requests(status: RequestStatus) -> int:
            return sum(1 for s in statuses if s is status)

        return EventCounts(
            requested=len(statuses),
            accepted=requests(RequestStatus.ACCEPTED),
            declined=requests(RequestStatus.DECLINED),
            pending=requests(RequestStatus.PENDING),
            expired=requests(RequestStatus.EXPIRED),
            cancelled=requests(RequestStatus.CANCELLED),
            meetings=len(meetings),
            scheduled=sum(1 for m in meetings if m.slot is not None),
            unplaced=sum(1 for m in meetings if m.slot is None and m.outcome is Outcome.PLANNED),
            held=sum(1 for m in meetings if m.outcome is Outcome.HELD),
            no_show=sum(1 for m in meetings if m.outcome is Outcome.NO_SHOW),
            follow_ups=sum(1 for m in meetings if m.follow_up is not FollowUp.NONE),
            projects=len(stages),
            agreements=sum(1 for s in stages.values() if s == ProjectStage.AGREEMENT.value),
        )
