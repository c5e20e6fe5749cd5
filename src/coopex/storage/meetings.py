"""Meeting requests, the meetings they grant (with their placement and outcome), and the
summary of an event's latest schedule."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from coopex.domain.meetings import (
    EventMeeting,
    FollowUp,
    MeetingRequest,
    Outcome,
    RequestStatus,
)
from coopex.storage.database import as_utc, utc_now
from coopex.storage.tables import (
    event_meetings,
    event_participants,
    event_schedules,
    meeting_requests,
    organizations,
    projects,
)

_p1, _p2 = event_participants.alias("p1"), event_participants.alias("p2")
_o1, _o2 = organizations.alias("o1"), organizations.alias("o2")


def _two_parties(query: sa.Select[Any], left: sa.Column[int], right: sa.Column[int]) -> Any:
    return (
        query.add_columns(_o1.c.ref.label("first_ref"), _o2.c.ref.label("second_ref"))
        .join(_p1, _p1.c.id == left)
        .join(_o1, _o1.c.id == _p1.c.organization_id)
        .join(_p2, _p2.c.id == right)
        .join(_o2, _o2.c.id == _p2.c.organization_id)
    )


_REQUESTS = _two_parties(
    sa.select(meeting_requests), meeting_requests.c.requester_id, meeting_requests.c.target_id
).order_by(meeting_requests.c.id)
_MEETINGS = _two_parties(
    sa.select(event_meetings).add_columns(projects.c.ref.label("project_ref")),
    event_meetings.c.first_id,
    event_meetings.c.second_id,
)
_MEETINGS = _MEETINGS.outerjoin(projects, projects.c.id == event_meetings.c.project_id).order_by(
    event_meetings.c.id
)


def _request(row: RowMapping) -> MeetingRequest:
    return MeetingRequest(
        requester=row["first_ref"],
        target=row["second_ref"],
        priority=row["priority"],
        status=RequestStatus(row["status"]),
        message=row["message"],
        reason=row["reason"],
        created_by=row["created_by"],
        created_at=as_utc(row["created_at"]),
        decided_by=row["decided_by"],
        decided_at=as_utc(row["decided_at"]) if row["decided_at"] else None,
        id=row["id"],
    )


def _meeting(row: RowMapping) -> EventMeeting:
    return EventMeeting(
        first=row["first_ref"],
        second=row["second_ref"],
        priority=row["priority"],
        mutual=row["mutual"],
        slot=row["slot"],
        table=row["table_no"],
        locked=row["locked"],
        outcome=Outcome(row["outcome"]),
        follow_up=FollowUp(row["follow_up"]),
        note=row["note"],
        project=row["project_ref"],
        unplaced_reason=row["unplaced_reason"],
        id=row["id"],
    )


@dataclass(frozen=True, slots=True)
class ScheduleSummary:
    status: str
    placed: int
    unplaced: int
    breaks: int
    bound: int | None
    gap: float | None
    moved: int
    seconds: float
    time_limit: float
    conflicts: tuple[str, ...]
    solved_by: str
    solved_at: datetime
    # Σ priority of the meetings held, per tier (mutual requests, one-sided ones), their proven
    # upper bounds and the worse tier's gap (bound − held) / bound; None: not computed (or a
    # summary stored before they were kept)
    held_mutual: int | None = None
    held_one_sided: int | None = None
    held_bound_mutual: int | None = None
    held_bound_one_sided: int | None = None
    held_gap: float | None = None


class MeetingRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    # -- requests --------------------------------------------------------------------------

    def add_request(
        self, event_id: int, requester_id: int, target_id: int, request: MeetingRequest
    ) -> int:
        now = utc_now()
        decided = request.status is not RequestStatus.PENDING
        return int(
            self.connection.execute(
                sa.insert(meeting_requests)
                .values(
                    event_id=event_id,
                    requester_id=requester_id,
                    target_id=target_id,
                    priority=request.priority,
                    status=request.status.value,
                    message=request.message,
                    reason=request.reason,
                    created_by=request.created_by,
                    created_at=now,
                    decided_by=request.decided_by if decided else None,
                    decided_at=now if decided else None,
                )
                .returning(meeting_requests.c.id)
            ).scalar_one()
        )

    def requests(self, event_id: int, org_ref: str | None = None) -> list[MeetingRequest]:
        query = _REQUESTS.where(meeting_requests.c.event_id == event_id)
        if org_ref is not None:
            query = query.where(sa.or_(_o1.c.ref == org_ref, _o2.c.ref == org_ref))
        return [_request(row) for row in self.connection.execute(query).mappings()]

    def request(self, event_id: int, request_id: int) -> MeetingRequest | None:
        row = (
            self.connection.execute(
                _REQUESTS.where(
                    meeting_requests.c.event_id == event_id, meeting_requests.c.id == request_id
                )
            )
            .mappings()
            .first()
        )
        return None if row is None else _request(row)

    def request_between(self, event_id: int, requester_id: int, target_id: int) -> int | None:
        found = self.connection.execute(
            sa.select(meeting_requests.c.id).where(
                meeting_requests.c.event_id == event_id,
                meeting_requests.c.requester_id == requester_id,
                meeting_requests.c.target_id == target_id,
            )
        ).scalar()
        return None if found is None else int(found)

    def decide(self, request_id: int, status: RequestStatus, by: str) -> None:
        self.connection.execute(
            sa.update(meeting_requests)
            .where(meeting_requests.c.id == request_id)
            .values(status=status.value, decided_by=by, decided_at=utc_now())
        )

    # -- meetings --------------------------------------------------------------------------

    def meetings(self, event_id: int, org_ref: str | None = None) -> list[EventMeeting]:
        """The event's meetings (those `org_ref` is in, when given)."""
        query = _MEETINGS.where(event_meetings.c.event_id == event_id)
        if org_ref is not None:
            query = query.where(sa.or_(_o1.c.ref == org_ref, _o2.c.ref == org_ref))
        return [_meeting(row) for row in self.connection.execute(query).mappings()]

    def meeting(self, event_id: int, meeting_id: int) -> EventMeeting | None:
        query = _MEETINGS.where(
            event_meetings.c.event_id == event_id, event_meetings.c.id == meeting_id
        )
        row = self.connection.execute(query).mappings().first()
        return None if row is None else _meeting(row)

    def add_meeting(
        self, event_id: int, first_id: int, second_id: int, priority: int, mutual: bool
    ) -> None:
        self.connection.execute(
            sa.insert(event_meetings).values(
                event_id=event_id,
                first_id=first_id,
                second_id=second_id,
                priority=priority,
                mutual=mutual,
                locked=False,
                outcome=Outcome.PLANNED.value,
                follow_up=FollowUp.NONE.value,
                note="",
                updated_at=utc_now(),
            )
        )

    def update_meeting(self, meeting_id: int, **values: Any) -> None:
        """Set columns of one meeting (`slot`, `table_no`, `locked`, `outcome`, ...)."""
        self.connection.execute(
            sa.update(event_meetings)
            .where(event_meetings.c.id == meeting_id)
            .values(**values, updated_at=utc_now())
        )

    def place(self, event_id: int, placements: Mapping[int, tuple[str, int] | None]) -> None:
        """Write a schedule: each meeting's (slot, table), or None when it was not placed."""
        for meeting_id, spot in placements.items():
            slot, table = spot if spot is not None else (None, None)
            self.connection.execute(
                sa.update(event_meetings)
                .where(event_meetings.c.event_id == event_id, event_meetings.c.id == meeting_id)
                .values(slot=slot, table_no=table, updated_at=utc_now())
            )

    def project_stages(self, event_id: int) -> dict[str, str]:
        """Projects the event's meetings opened or advanced, with their current stage."""
        rows = self.connection.execute(
            sa.select(projects.c.ref, projects.c.stage)
            .join(event_meetings, event_meetings.c.project_id == projects.c.id)
            .where(event_meetings.c.event_id == event_id)
        )
        return {row.ref: row.stage for row in rows}

    # -- the schedule summary --------------------------------------------------------------

    def save_schedule(self, event_id: int, summary: ScheduleSummary) -> None:
        self.connection.execute(
            sa.delete(event_schedules).where(event_schedules.c.event_id == event_id)
        )
        self.connection.execute(
            sa.insert(event_schedules).values(
                event_id=event_id,
                status=summary.status,
                placed=summary.placed,
                unplaced=summary.unplaced,
                breaks=summary.breaks,
                bound=summary.bound,
                gap=summary.gap,
                moved=summary.moved,
                seconds=summary.seconds,
                time_limit=summary.time_limit,
                conflicts=list(summary.conflicts),
                solved_by=summary.solved_by,
                solved_at=summary.solved_at,
                held_mutual=summary.held_mutual,
                held_one_sided=summary.held_one_sided,
                held_bound_mutual=summary.held_bound_mutual,
                held_bound_one_sided=summary.held_bound_one_sided,
                held_gap=summary.held_gap,
            )
        )

    def schedule(self, event_id: int) -> ScheduleSummary | None:
        row = (
            self.connection.execute(
                sa.select(event_schedules).where(event_schedules.c.event_id == event_id)
            )
            .mappings()
            .first()
        )
        if row is None:
            return None
        return ScheduleSummary(
            status=row["status"],
            placed=row["placed"],
            unplaced=row["unplaced"],
            breaks=row["breaks"],
            bound=row["bound"],
            gap=row["gap"],
            moved=row["moved"],
            seconds=row["seconds"],
            time_limit=row["time_limit"],
            conflicts=tuple(row["conflicts"]),
            solved_by=row["solved_by"],
            solved_at=as_utc(row["solved_at"]),
            held_mutual=row["held_mutual"],
            held_one_sided=row["held_one_sided"],
            held_bound_mutual=row["held_bound_mutual"],
            held_bound_one_sided=row["held_bound_one_sided"],
            held_gap=row["held_gap"],
        )
