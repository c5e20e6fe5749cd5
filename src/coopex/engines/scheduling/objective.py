"""The first level of the objective, meetings held, as two tiers: mutual, then one-sided.

Mutual requests outrank any number of one-sided ones; within a tier a meeting counts its
priority (at least 1). The phases' CP-SAT models fold both tiers into one weight per meeting
(`weights`); bounds and gaps are reported tier by tier (`held_by_tier`), so a gap on the
one-sided tier is never hidden behind the mutual tier's much larger weight.
"""

from __future__ import annotations

from collections.abc import Iterable

from coopex.engines.scheduling.problem import Meeting, SchedulingProblem

MUTUAL, ONE_SIDED = 0, 1
TIERS = (MUTUAL, ONE_SIDED)


def tier(meeting: Meeting) -> int:
    return MUTUAL if meeting.mutual else ONE_SIDED


def value(meeting: Meeting) -> int:
    """What holding the meeting is worth within its tier."""
    return max(meeting.priority, 1)


def weights(problem: SchedulingProblem) -> dict[str, int]:
    """One weight per meeting whose sum orders schedules as the tiers do (mutual first)."""
    one_sided = sum(value(m) for m in problem.meetings if not m.mutual)
    return {m.id: value(m) * (one_sided + 1 if m.mutual else 1) for m in problem.meetings}


def held_by_tier(problem: SchedulingProblem, held: Iterable[str]) -> tuple[int, int]:
    """(Σ value of mutual meetings held, Σ value of one-sided meetings held)."""
    chosen = set(held)
    totals = [0, 0]
    for meeting in problem.meetings:
        if meeting.id in chosen:
            totals[tier(meeting)] += value(meeting)
    return totals[MUTUAL], totals[ONE_SIDED]
