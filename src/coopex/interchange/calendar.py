"""A participant's agenda as an iCalendar file (RFC 5545), in the event's time zone."""

from __future__ import annotations

from datetime import UTC, datetime

import icalendar

from coopex import __version__
from coopex.domain.agenda import Agenda, AgendaItem

PRODID = f"-//coopex//coopex {__version__}//EN"


def _description(item: AgendaItem) -> str:
    lines = []
    if item.table is not None:
        lines.append(f"Table {item.table}")
    if item.with_org:
        lines.append(f"With: {item.with_name} ({item.with_org})")
    return "\n".join(lines)


def agenda_calendar(agenda: Agenda, stamp: datetime | None = None) -> bytes:
    """One VEVENT per agenda item; UIDs are stable, so a re-import updates the entries."""
    zone = agenda.event.zone
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{agenda.event.title} — {agenda.org_name}")
    now = stamp or datetime.now(UTC)
    for item in agenda.items:
        entry = icalendar.Event()
        entry.add("uid", f"{agenda.event.ref}-{agenda.org}-{item.key}@coopex")
        entry.add("dtstamp", now)
        entry.add("dtstart", item.starts.replace(tzinfo=zone))
        entry.add("dtend", item.ends.replace(tzinfo=zone))
        entry.add("summary", item.title)
        if item.place:
            entry.add("location", item.place)
        description = _description(item)
        if description:
            entry.add("description", description)
        entry.add("categories", [item.kind])
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
