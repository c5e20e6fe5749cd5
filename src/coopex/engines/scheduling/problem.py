"""The scheduling problem and its answer, as plain values (no solver, no I/O).

Slots are numbered 0..n-1 in time order; each belongs to one session (a half-day, say).
Tables are numbered 0..n-1. A participant's *break* is a maximal run of idle slots between two
of their meetings in the same day; fewer is better. The events service builds a
`SchedulingProblem` from stored events; the `.dzn` importer builds one from the B2B benchmark.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Status = Literal["optimal", "feasible", "infeasible", "unknown"]


@dataclass(frozen=True, slots=True)
class Meeting:
    """One accepted meeting request between two participants."""

    id: str
    participants: tuple[str, str]
    priority: int = 1  # weight when not every meeting fits; higher first
    mutual: bool = False  # both sides asked: held before one-sided requests
    sessions: frozenset[int] | None = None  # sessions it may be held in; None = any
    fixed_slot: int | None = None  # the organiser pinned it here
    fixed_table: int | None = None


@dataclass(frozen=True, slots=True)
class Placement:
    meeting: str
    slot: int
    table: int


@dataclass(frozen=True, slots=True)
class SchedulingProblem:
    slot_sessions: tuple[int, ...]  # session of each slot; len = number of slots
    tables: int
    meetings: tuple[Meeting, ...]
    # participant -> slots they cannot meet in (absent = available everywhere)
    unavailable: Mapping[str, frozenset[int]] = field(default_factory=dict)
    # (earlier, later): meeting `earlier` must be in a strictly earlier slot than `later`
    precedences: tuple[tuple[str, str], ...] = ()
    # placements that must not move (a rescheduled event's locked or already-held meetings)
    locked: tuple[Placement, ...] = ()
    # a previous schedule: re-scheduling moves as few of these meetings as possible
    previous: tuple[Placement, ...] = ()
    # fairness: max difference of breaks between any two participants; None = no bound
    max_break_difference: int | None = 2
    # True: every meeting must be held (the benchmark's setting); False: hold as many as
    # fit, by priority, mutual first
    all_required: bool = False
    # slot indexes where a new day starts: a gap across days is not a break
    day_starts: frozenset[int] = frozenset({0})
    # everyone at the event, including those without a meeting (they have 0 breaks and count
    # in the fairness bound, as in the B2B benchmark); participants of meetings are added
    participants: tuple[str, ...] = ()

    @property
    def slots(self) -> int:
        return len(self.slot_sessions)

    def everyone(self) -> tuple[str, ...]:
        """`participants` then anyone else found in a meeting, each once, in that order."""
        seen = dict.fromkeys(self.participants)
        for meeting in self.meetings:
            seen.update(dict.fromkeys(meeting.participants))
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Unplaced:
    meeting: str
    reason: str  # plain words: "both participants are busy in every common slot", …


@dataclass(frozen=True, slots=True)
class ScheduleResult:
    status: Status
    placements: tuple[Placement, ...]
    unplaced: tuple[Unplaced, ...]
    breaks: int  # total over participants
    bound: int | None  # proven lower bound on breaks (among schedules holding as many)
    seconds: float
    breaks_by_participant: Mapping[str, int] = field(default_factory=dict)
    moved: int = 0  # meetings moved from `previous`
    # for an infeasible problem: which participants / constraints make it so
    conflicts: tuple[str, ...] = ()
    # meetings held, by tier (objective.py): (Σ priority of mutual ones, Σ of one-sided ones)
    held: tuple[int, int] = (0, 0)
    # proven upper bounds on `held`: the mutual tier's over every schedule, the one-sided
    # tier's over schedules holding at least `held[0]` mutual; None = not computed
    held_bound: tuple[int, int] | None = None

    @property
    def gap(self) -> float | None:
        if self.bound is None:
            return None
        if self.breaks == 0:
            return 0.0
        return (self.breaks - self.bound) / self.breaks

    @property
    def held_gap(self) -> float | None:
        """The worse tier's (bound − held) / bound: the first objective's gap, per tier.

        Per tier and not on the folded weight, where the mutual tier's weight would hide any
        shortfall of one-sided meetings.
        """
        if self.held_bound is None:
            return None
        return max(
            (bound - held) / bound if bound else 0.0
            for held, bound in zip(self.held, self.held_bound, strict=True)
        )
