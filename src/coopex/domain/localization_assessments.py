"""Assessments: each operation's contribution and why, the score against the threshold in
force, the outlook; and their plain-data form."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from coopex.domain.localization import EPSILON, Threshold, territory_label

# -- assessments ----------------------------------------------------------------------------


class Standing(StrEnum):
    COUNTED = "counted"  # performed inside the territory
    COUNTED_EAEU = "counted_eaeu"  # a component from an EAEU state, which this operation accepts
    OUTSIDE = "outside"  # performed outside the territory
    NOT_PERFORMED = "not_performed"  # the product does not (yet) perform it
    NOT_APPLICABLE = "not_applicable"  # removed from the maximum
    SUPERSEDED = "superseded"  # a better alternative of its group counts instead

    @property
    def counts(self) -> bool:
        return self in (Standing.COUNTED, Standing.COUNTED_EAEU)


@dataclass(frozen=True, slots=True)
class Contribution:
    operation: str
    name: str
    points: float  # what it is worth, multipliers applied
    counted: float  # what it adds to the score
    standing: Standing
    reason: str
    country: str | None = None
    performer: str | None = None
    mandatory: bool = False
    group: str | None = None


@dataclass(frozen=True, slots=True)
class OutlookPoint:
    on: date
    threshold: float | None  # None: no threshold in force
    eligible: bool
    shortfall: float  # points missing (0 when eligible on points)


@dataclass(frozen=True, slots=True)
class Assessment:
    product: str
    okpd2: str
    regime: str
    category: str
    on: date
    territory: frozenset[str]
    score: float
    maximum: float
    threshold: float
    rule: Threshold
    eligible: bool
    missing_mandatory: tuple[str, ...]
    contributions: tuple[Contribution, ...]
    outlook: tuple[OutlookPoint, ...] = ()
    source: str = ""
    disclaimer: str = ""

    @property
    def shortfall(self) -> float:
        return (
            max(0.0, self.threshold - self.score) if self.score + EPSILON < self.threshold else 0.0
        )


def meets(score: float, threshold: float) -> bool:
    """Thresholds read "not less than": equal is enough."""
    return score + EPSILON >= threshold


def rounded(value: float) -> float:
    """Points as shown: two decimals, no float noise."""
    return 0.0 if math.isclose(value, 0.0, abs_tol=EPSILON) else round(value, 4)


def assessment_record(assessment: Assessment) -> dict[str, object]:
    """The plain-data form (CLI --json, the API, the stored history)."""
    a = assessment
    return {
        "product": a.product,
        "okpd2": a.okpd2,
        "regime": a.regime,
        "category": a.category,
        "on": a.on.isoformat(),
        "territory": territory_label(a.territory),
        "score": rounded(a.score),
        "maximum": rounded(a.maximum),
        "threshold": rounded(a.threshold),
        "threshold_rule": a.rule.describe(),
        "eligible": a.eligible,
        "shortfall": rounded(a.shortfall),
        "missing_mandatory": list(a.missing_mandatory),
        "contributions": [
            {
                "operation": c.operation,
                "name": c.name,
                "points": rounded(c.points),
                "counted": rounded(c.counted),
                "standing": c.standing.value,
                "reason": c.reason,
                "country": c.country,
                "performer": c.performer,
                "mandatory": c.mandatory,
            }
            for c in a.contributions
        ],
        "outlook": [
            {
                "on": p.on.isoformat(),
                "threshold": None if p.threshold is None else rounded(p.threshold),
                "eligible": p.eligible,
                "shortfall": rounded(p.shortfall),
            }
            for p in a.outlook
        ],
        "source": a.source,
        "disclaimer": a.disclaimer,
    }
