"""Assessing one product: score, applicable maximum, threshold in force, eligibility, each
operation's contribution and why, and the outlook as thresholds rise. Pure functions.
"""

from __future__ import annotations

from datetime import date

from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.localization import EAEU, Threshold, territory_label
from coopex.domain.localization_assessments import (
    Assessment,
    Contribution,
    OutlookPoint,
    Standing,
    meets,
)
from coopex.domain.localization_products import Line, Subject


def threshold_in_force(subject: Subject, on: date) -> Threshold:
    subject.regime.check_date(on)
    rule = subject.category.threshold_on(on)
    if rule is None:
        rows = "; ".join(row.describe() for row in subject.category.thresholds)
        raise ValidationFailed(
            [
                FieldError(
                    "on",
                    f"no threshold of category {subject.category.id!r} is in force on that day "
                    f"({rows})",
                    on.isoformat(),
                )
            ]
        )
    return rule


def _standing(line: Line, territory: frozenset[str], where: str) -> tuple[Standing, str]:
    if not line.applicable:
        return Standing.NOT_APPLICABLE, "does not apply to this product: removed from the maximum"
    if line.country is None:
        reason = (
            "no country given: not performed" if line.listed else "not performed for the product"
        )
        return Standing.NOT_PERFORMED, reason
    if line.country in territory:
        return Standing.COUNTED, f"performed in {line.country}, inside the territory {where}"
    if line.any_eaeu and line.country in EAEU:
        return (
            Standing.COUNTED_EAEU,
            f"component from an EAEU state ({line.country}): this operation accepts any EAEU state",
        )
    return Standing.OUTSIDE, f"performed in {line.country}, outside the territory {where}"


def contributions(
    subject: Subject, on: date, territory: frozenset[str]
) -> tuple[tuple[Contribution, ...], float, float]:
    """Each line's contribution, the score and the applicable maximum. Alternatives of one
    group count once: the best one performed inside, and the best one towards the maximum."""
    rows: list[Contribution] = []
    where = territory_label(territory)
    multiplied = {
        op
        for m in subject.regime.multipliers
        if m.applies(on, subject.claims)
        for op in m.operations
    }
    for line in subject.lines:
        standing, reason = _standing(line, territory, where)
        factor = subject.factor(line.operation, on) if line.operation in multiplied else 1.0
        points = line.points * factor
        if line.entered and standing.counts:
            reason += "; points entered for the product"
        rows.append(
            Contribution(
                operation=line.operation,
                name=line.name,
                points=points,
                counted=points if standing.counts else 0.0,
                standing=standing,
                reason=reason,
                country=line.country,
                performer=line.performer,
                mandatory=line.mandatory,
                group=line.group,
            )
        )
    score = 0.0
    maximum = 0.0
    best_in_group: dict[str, int] = {}
    group_max: dict[str, float] = {}
    for index, row in enumerate(rows):
        applicable = row.standing is not Standing.NOT_APPLICABLE
        if row.group is None:
            score += row.counted
            maximum += row.points if applicable else 0.0
            continue
        if applicable:
            group_max[row.group] = max(group_max.get(row.group, 0.0), row.points)
        if row.standing.counts:
            held = best_in_group.get(row.group)
            if held is None or rows[held].counted < row.counted:
                best_in_group[row.group] = index
    maximum += sum(group_max.values())
    for group, held in best_in_group.items():
        score += rows[held].counted
        for index, row in enumerate(rows):
            if row.group == group and index != held and row.standing.counts:
                rows[index] = Contribution(
                    row.operation,
                    row.name,
                    row.points,
                    0.0,
                    Standing.SUPERSEDED,
                    f"{rows[held].operation} counts instead (alternatives of group {group!r})",
                    row.country,
                    row.performer,
                    row.mandatory,
                    row.group,
                )
    return tuple(rows), score, maximum


def missing_mandatory(rows: tuple[Contribution, ...]) -> tuple[str, ...]:
    return tuple(
        row.operation
        for row in rows
        if row.mandatory
        and row.standing not in (Standing.COUNTED, Standing.COUNTED_EAEU, Standing.SUPERSEDED)
        and row.standing is not Standing.NOT_APPLICABLE
    )


def outlook_dates(subject: Subject, on: date) -> list[date]:
    """The day itself, 1 January of each later year up to the last known change, and every
    change day after `on` (thresholds do not only change on 1 January)."""
    regime = subject.regime
    changes = [d for d in subject.category.change_dates() if d > on]
    ends = [r.until for r in subject.category.thresholds if r.until and r.until >= on]
    last = max([*changes, *ends], default=on)
    days = {on, *changes}
    days |= {date(year, 1, 1) for year in range(on.year + 1, last.year + 1)}
    days |= {date(e.year + 1, 1, 1) for e in ends if e.year + 1 > on.year}
    return sorted(d for d in days if regime.covers(d))


def assess(
    subject: Subject,
    on: date,
    territory: frozenset[str] | None = None,
    *,
    outlook: bool = True,
) -> Assessment:
    """The product's standing on `on` under `territory` (default: the regime's own)."""
    where = territory if territory is not None else subject.regime.territory
    rule = threshold_in_force(subject, on)
    rows, score, maximum = contributions(subject, on, where)
    threshold = rule.points(maximum)
    missing = missing_mandatory(rows)
    points: list[OutlookPoint] = []
    if outlook:
        for day in outlook_dates(subject, on):
            later = subject.category.threshold_on(day)
            _, later_score, later_max = contributions(subject, day, where)
            needed = None if later is None else later.points(later_max)
            ok = needed is not None and meets(later_score, needed) and not missing
            short = 0.0 if needed is None or meets(later_score, needed) else needed - later_score
            points.append(OutlookPoint(day, needed, ok, short))
    return Assessment(
        product=subject.product.name,
        okpd2=subject.product.okpd2,
        regime=subject.regime.id,
        category=subject.category.id,
        on=on,
        territory=where,
        score=score,
        maximum=maximum,
        threshold=threshold,
        rule=rule,
        eligible=meets(score, threshold) and not missing,
        missing_mandatory=missing,
        contributions=rows,
        outlook=tuple(points),
        source=subject.regime.source,
        disclaimer=subject.regime.disclaimer,
    )
