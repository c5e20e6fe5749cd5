"""A participant's agenda and the table plan as printable HTML pages (self-contained: no
scripts, no external styles)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from coopex.domain.agenda import Agenda, SlotPlan
from coopex.domain.events import Event

_STYLE = (
    "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}"
    "th{background:#eee}h2{margin-top:1.5em}@media print{body{margin:0}}"
)


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body>\n{body}\n</body></html>\n"
    )


def _heading(event: Event) -> str:
    when = event.starts_on.isoformat()
    if event.ends_on != event.starts_on:
        when += f" – {event.ends_on.isoformat()}"
    place = f", {escape(event.place)}" if event.place else ""
    return f"<h1>{escape(event.title)}</h1><p>{when}{place} ({escape(event.timezone)})</p>"


def agenda_page(agenda: Agenda) -> str:
    rows: list[str] = []
    day = None
    for item in agenda.items:
        if item.starts.date() != day:
            day = item.starts.date()
            rows.append(f'<tr><th colspan="5">{day.isoformat()}</th></tr>')
        table = "" if item.table is None else str(item.table)
        rows.append(
            f"<tr><td>{item.starts:%H:%M}–{item.ends:%H:%M}</td><td>{escape(item.kind)}</td>"
            f"<td>{escape(item.title)}</td><td>{escape(item.place or '')}</td>"
            f"<td>{table}</td></tr>"
        )
    body = (
        _heading(agenda.event)
        + f"<h2>Agenda: {escape(agenda.org_name)}</h2>"
        + "<table><tr><th>time</th><th>what</th><th>title</th><th>place</th><th>table</th></tr>"
        + "".join(rows)
        + "</table>"
    )
    if not agenda.items:
        body += "<p>Nothing scheduled yet.</p>"
    return _page(f"{agenda.event.title} — {agenda.org_name}", body)


def table_plan_page(event: Event, plan: Sequence[SlotPlan], names: dict[str, str]) -> str:
    sections = [_heading(event), "<h2>Table plan</h2>"]
    for entry in plan:
        slot = entry.slot
        sections.append(
            f"<h3>{escape(slot.name)}: {slot.starts:%Y-%m-%d %H:%M}–{slot.ends:%H:%M}</h3>"
        )
        if not entry.seats:
            sections.append("<p>No meetings.</p>")
            continue
        rows = "".join(
            f"<tr><td>{seat.table}</td><td>{escape(names.get(seat.first, seat.first))}</td>"
            f"<td>{escape(names.get(seat.second, seat.second))}</td></tr>"
            for seat in entry.seats
        )
        sections.append(f"<table><tr><th>table</th><th>side</th><th>side</th></tr>{rows}</table>")
    return _page(f"{event.title} — table plan", "".join(sections))
