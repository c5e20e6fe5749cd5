"""Events, their sessions and their participants (organisations joined by id, read as refs)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from coopex.domain.events import (
    Acceptance,
    Event,
    EventKind,
    Participant,
    ParticipantStatus,
    Registration,
    Session,
    SessionKind,
)
from coopex.domain.paging import Page, encode_cursor
from coopex.storage.database import as_utc, utc_now
from coopex.storage.keyset import fetch_after
from coopex.storage.tables import event_participants, event_sessions, events, organizations


def _event(row: RowMapping) -> Event:
    deadline = row["request_deadline"]
    return Event(
        ref=row["ref"],
        title=row["title"],
        kind=EventKind(row["kind"]),
        starts_on=row["starts_on"],
        ends_on=row["ends_on"],
        timezone=row["timezone"],
        place=row["place"],
        registration=Registration(row["registration"]),
        acceptance=Acceptance(row["acceptance"]),
        tables=row["tables"],
        request_deadline=as_utc(deadline) if deadline else None,
        description=row["description"],
        created_by=row["created_by"],
        id=row["id"],
    )


def _event_values(event: Event) -> dict[str, Any]:
    return {
        "ref": event.ref,
        "title": event.title,
        "kind": event.kind.value,
        "starts_on": event.starts_on,
        "ends_on": event.ends_on,
        "timezone": event.timezone,
        "place": event.place,
        "registration": event.registration.value,
        "acceptance": event.acceptance.value,
        "tables": event.tables,
        "request_deadline": event.request_deadline,
        "description": event.description,
    }


def _clock(value: time) -> time:
    return value.replace(second=0, microsecond=0, tzinfo=None)


_host = organizations.alias("host_org")
_SESSIONS = (
    sa.select(event_sessions, _host.c.ref.label("host_ref"))
    .outerjoin(_host, _host.c.id == event_sessions.c.host_org_id)
    .order_by(event_sessions.c.day, event_sessions.c.starts, event_sessions.c.key)
)
_PARTICIPANTS = (
    sa.select(
        event_participants,
        organizations.c.ref.label("org_ref"),
        organizations.c.name.label("org_name"),
    )
    .join(organizations, organizations.c.id == event_participants.c.organization_id)
    .order_by(organizations.c.ref)
)


def _participant(row: RowMapping) -> Participant:
    return Participant(
        org=row["org_ref"],
        status=ParticipantStatus(row["status"]),
        representatives=tuple(row["representatives"]),
        unavailable=tuple(row["unavailable"]),
        listings=tuple(row["listings"]),
        org_name=row["org_name"],
        id=row["id"],
    )


class EventRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    # -- events ----------------------------------------------------------------------------

    def add(self, event: Event) -> Event:
        now = utc_now()
        event_id = self.connection.execute(
            sa.insert(events)
            .values(
                **_event_values(event),
                created_by=event.created_by,
                created_at=now,
                updated_at=now,
            )
            .returning(events.c.id)
        ).scalar_one()
        found = self.get(event.ref)
        assert found is not None and found.id == event_id
        return found

    def replace(self, event_id: int, event: Event) -> None:
        self.connection.execute(
            sa.update(events)
            .where(events.c.id == event_id)
            .values(**_event_values(event), updated_at=utc_now())
        )

    def get(self, ref: str) -> Event | None:
        row = self.connection.execute(sa.select(events).where(events.c.ref == ref)).mappings()
        first = row.first()
        return None if first is None else _event(first)

    def page(self, kind: EventKind | None, after_id: int, limit: int) -> Page[Event]:
        query: sa.Select[Any] = sa.select(events)
        if kind is not None:
            query = query.where(events.c.kind == kind.value)
        rows, more = fetch_after(self.connection, query, events.c.id, after_id, limit)
        items = [_event(row) for row in rows]
        return Page(items, encode_cursor(rows[-1]["id"]) if more and rows else None)

    # -- sessions --------------------------------------------------------------------------

    def add_session(self, event_id: int, session: Session, host_org_id: int | None) -> None:
        self.connection.execute(
            sa.insert(event_sessions).values(
                event_id=event_id,
                key=session.key,
                title=session.title,
                kind=session.kind.value,
                day=session.day,
                starts=_clock(session.starts),
                ends=_clock(session.ends),
                place=session.place,
                slot_minutes=session.slot_minutes,
                host_org_id=host_org_id,
            )
        )

    def sessions(self, event_id: int) -> list[Session]:
        rows = self.connection.execute(
            _SESSIONS.where(event_sessions.c.event_id == event_id)
        ).mappings()
        return [
            Session(
                key=row["key"],
                title=row["title"],
                kind=SessionKind(row["kind"]),
                day=row["day"],
                starts=_clock(row["starts"]),
                ends=_clock(row["ends"]),
                place=row["place"],
                slot_minutes=row["slot_minutes"],
                host_org=row["host_ref"],
                id=row["id"],
            )
            for row in rows
        ]

    # -- participants ----------------------------------------------------------------------

    def participants(
        self, event_id: int, status: ParticipantStatus | None = None
    ) -> list[Participant]:
        query = _PARTICIPANTS.where(event_participants.c.event_id == event_id)
        if status is not None:
            query = query.where(event_participants.c.status == status.value)
        return [_participant(row) for row in self.connection.execute(query).mappings()]

    def participant(self, event_id: int, org_ref: str) -> Participant | None:
        row = (
            self.connection.execute(
                _PARTICIPANTS.where(
                    event_participants.c.event_id == event_id, organizations.c.ref == org_ref
                )
            )
            .mappings()
            .first()
        )
        return None if row is None else _participant(row)

    def add_participant(
        self, event_id: int, organization_id: int, participant: Participant, by: str
    ) -> int:
        return int(
            self.connection.execute(
                sa.insert(event_participants)
                .values(
                    event_id=event_id,
                    organization_id=organization_id,
                    registered_by=by,
                    registered_at=utc_now(),
                    **self._participant_values(participant),
                )
                .returning(event_participants.c.id)
            ).scalar_one()
        )

    def update_participant(self, participant_id: int, participant: Participant) -> None:
        self.connection.execute(
            sa.update(event_participants)
            .where(event_participants.c.id == participant_id)
            .values(**self._participant_values(participant))
        )

    @staticmethod
    def _participant_values(participant: Participant) -> dict[str, Any]:
        return {
            "status": participant.status.value,
            "representatives": list(participant.representatives),
            "unavailable": list(participant.unavailable),
            "listings": list(participant.listings),
        }

    def participant_ids(self, event_id: int, org_refs: Sequence[str]) -> dict[str, int]:
        rows = self.connection.execute(
            sa.select(organizations.c.ref, event_participants.c.id)
            .join(organizations, organizations.c.id == event_participants.c.organization_id)
            .where(event_participants.c.event_id == event_id, organizations.c.ref.in_(org_refs))
        )
        return {row.ref: row.id for row in rows}
