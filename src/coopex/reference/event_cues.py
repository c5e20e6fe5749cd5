"""The wordings news events are read by, shipped as data (`event_cues.csv`: cue, lang, pattern),
so that a new language or wording is a row, not code."""

from __future__ import annotations

from functools import cache

from coopex.engines.news.cues import EventCues
from coopex.reference.catalog import read_reference_csv

FILE = "event_cues.csv"


@cache
def shipped_event_cues() -> EventCues:
    rows = read_reference_csv(FILE)
    for number, row in enumerate(rows, start=2):
        if not row.get("pattern") or row.get("lang") not in ("ru", "en", "zh"):
            raise ValueError(f"{FILE}, row {number}: needs a pattern and a lang of ru, en or zh")
    try:
        return EventCues.from_rows((row["cue"], row["pattern"]) for row in rows)
    except ValueError as error:
        raise ValueError(f"{FILE}: {error}") from None
