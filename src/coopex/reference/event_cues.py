"""The wordings news events are read by, shipped as data (`event_cues.csv`: cue, lang, pattern),
so that a new language or wording is a row, not code."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from coopex.engines.news.cues import EventCues
from coopex.reference.catalog import read_reference_csv

FILE = "event_cues.csv"


def event_cues(rows: Sequence[dict[str, str]], source: str = FILE) -> EventCues:
    """The cues of `rows` as csv.DictReader gives them; a bad row is a ValueError naming it."""
    for number, row in enumerate(rows, start=2):
        if None in row:  # csv puts fields beyond the header's under None
            raise ValueError(
                f"{source}, row {number}: more fields than cue, lang, pattern "
                "(quote a pattern that holds a comma)"
            )
        if not row.get("pattern") or row.get("lang") not in ("ru", "en", "zh"):
            raise ValueError(f"{source}, row {number}: needs a pattern and a lang of ru, en or zh")
    try:
        return EventCues.from_rows((row["cue"], row["lang"], row["pattern"]) for row in rows)
    except ValueError as error:
        raise ValueError(f"{source}: {error}") from None


@cache
def shipped_event_cues() -> EventCues:
    return event_cues(read_reference_csv(FILE))
