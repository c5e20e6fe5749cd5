"""Mutual interest: a request and an offer that each rank the other among their best matches."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class SuggestionStatus(StrEnum):
    NEW = "new"
    CONTACTED = "contacted"
    DISMISSED = "dismissed"


@dataclass(frozen=True, slots=True)
class Suggestion:
    request_ref: str
    offer_ref: str
    score: float
    reason: str
    status: SuggestionStatus = SuggestionStatus.NEW
    id: int | None = field(default=None, compare=False)
    created_at: datetime | None = field(default=None, compare=False)
    updated_at: datetime | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One of a listing's best matches."""

    ref: str
    score: float
    reason: str


def mutual_pairs(
    best: Mapping[str, Sequence[Candidate]], requests: set[str], threshold: float
) -> dict[tuple[str, str], Candidate]:
    """(request ref, offer ref) -> the weaker direction's candidate, for every request R and
    offer O where O is among R's best with score >= threshold and R among O's likewise.

    `best` maps a listing ref to its best matches; listings absent from `best` were not
    searched, so they cannot confirm (or deny) interest.
    """
    result: dict[tuple[str, str], Candidate] = {}
    for source, candidates in best.items():
        for forward in candidates:
            if forward.score < threshold or forward.ref not in best:
                continue
            backward = next((c for c in best[forward.ref] if c.ref == source), None)
            if backward is None or backward.score < threshold:
                continue
            request, offer = (source, forward.ref) if source in requests else (forward.ref, source)
            weaker = forward if forward.score <= backward.score else backward
            result[(request, offer)] = weaker
    return result
