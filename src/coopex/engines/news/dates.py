"""Dates named in a story, as ISO 8601 (partial where the text is): "2023-11-09", "2021-11",
"2016", "--05-18" (no year given). English by pattern here; Russian through natasha's
dates extractor (an adapter passes its facts in as `DateFact`s)."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>\d{1,2})(?:\s*[-–]\s*\d{1,2})?"  # "18-19 August": the first day
_ENGLISH = (
    re.compile(rf"\b{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.I),
    re.compile(rf"\b(?:in|since|by|until)\s+{_YEAR}\b", re.I),
)


@dataclass(frozen=True, slots=True)
class DateFact:
    year: int | None
    month: int | None
    day: int | None


def iso(fact: DateFact) -> str | None:
    if fact.month is not None and not 1 <= fact.month <= 12:
        return None
    if fact.day is not None and not 1 <= fact.day <= 31:
        return None
    if fact.year is None:
        if fact.month is None:
            return None
        return f"--{fact.month:02d}" + (f"-{fact.day:02d}" if fact.day else "")
    text = f"{fact.year:04d}"
    if fact.month is not None:
        text += f"-{fact.month:02d}"
        if fact.day is not None:
            text += f"-{fact.day:02d}"
    return text


def english_dates(text: str) -> list[DateFact]:
    found: list[tuple[int, DateFact]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _ENGLISH:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            groups = match.groupdict()
            month = MONTHS.get((groups.get("month") or "").lower().rstrip("."))
            day = groups.get("day")
            year = groups.get("year")
            found.append(
                (
                    match.start(),
                    DateFact(int(year) if year else None, month, int(day) if day else None),
                )
            )
    return [fact for _, fact in sorted(found, key=lambda item: item[0])]


def distinct_iso(facts: list[DateFact]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(text for fact in facts if (text := iso(fact)) is not None))
