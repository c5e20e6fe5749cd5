"""Localization regimes, products and assessments: does a product count as made in the territory.

A regime (Russia's Decree 719, an EAEU rule, the Union State) is data: the countries whose
operations count, product categories by OKPD2 prefix, technological operations with points,
mandatory operations, multipliers and thresholds by date. A product lists its operations and
where each is performed. Scores and plans are pure functions of (regime, product, date,
territory); see `engines/localization`. This module holds the regime and the territory;
`localization_products` the product, `localization_assessments` the answer, `regimes` the
builder that reads a regime file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from coopex.domain.catalog import ReferenceCatalog
from coopex.domain.codes import Code, country_format_error
from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.geography import UNIONS

# Scores are sums of points times multipliers (x1.5, x1.3): compare with a tolerance far below
# any real point value, so "not less than" stays inclusive despite binary fractions.
EPSILON = 1e-9
EAEU = UNIONS["EAEU"]


class ThresholdKind(StrEnum):
    POINTS = "points"  # a fixed number of points
    PERCENT = "percent"  # a percentage of the applicable maximum


@dataclass(frozen=True, slots=True)
class Threshold:
    """From `start` (inclusive) until the next row, or through `until` when given."""

    start: date
    kind: ThresholdKind
    value: float
    until: date | None = None
    note: str = ""

    def points(self, maximum: float) -> float:
        if self.kind is ThresholdKind.POINTS:
            return self.value
        return self.value * maximum / 100.0

    def describe(self) -> str:
        amount = (
            f"{self.value:g} points"
            if self.kind is ThresholdKind.POINTS
            else (f"{self.value:g}% of the applicable maximum")
        )
        end = f" through {self.until.isoformat()}" if self.until else ""
        return f"{amount} from {self.start.isoformat()}{end}"


@dataclass(frozen=True, slots=True)
class Operation:
    """A technological operation of a regime's table. `variants`: points by category id (the
    bus column of the vehicle table); `group`: alternatives of which only the best counts
    (stamping of >=30 %, >=50 %, >=70 % of the body mass)."""

    id: str
    name: str
    points: float
    variants: tuple[tuple[str, float], ...] = ()
    group: str | None = None
    any_eaeu: bool = False  # performed in any EAEU state, it counts whatever the territory
    aliases: tuple[str, ...] = ()
    # What a partner who can perform it offers: used to search the registry.
    codes: tuple[Code, ...] = ()
    sectors: tuple[str, ...] = ()
    search: str = ""

    def points_for(self, category: str) -> float:
        for name, points in self.variants:
            if name == category:
                return points
        return self.points


@dataclass(frozen=True, slots=True)
class Multiplier:
    """Points of `operations` times `factor`: automatically within its dates, or when the
    product claims it (`claimed`: an engine's emission class is the product's own fact)."""

    id: str
    name: str
    factor: float
    operations: frozenset[str]
    start: date | None = None
    until: date | None = None
    claimed: bool = False

    def applies(self, on: date, claims: frozenset[str]) -> bool:
        if self.start is not None and on < self.start:
            return False
        if self.until is not None and on > self.until:
            return False
        return self.id in claims if self.claimed else True


@dataclass(frozen=True, slots=True)
class Category:
    """Products of a regime under some OKPD2 prefixes. A threshold-only category has no
    operation table: the product's own points are entered by the user."""

    id: str
    name: str
    okpd2: tuple[str, ...]
    operations: tuple[str, ...]
    mandatory: frozenset[str]
    thresholds: tuple[Threshold, ...]
    threshold_only: bool = False
    # The shipped table is an excerpt: the product may add operations marked `extra`.
    extra_operations: bool = False
    note: str = ""

    def prefix_length(self, okpd2: str) -> int:
        """The longest of this category's prefixes that `okpd2` starts with (0: none)."""
        best = 0
        for prefix in self.okpd2:
            if okpd2_within(okpd2, prefix):
                best = max(best, len(prefix))
        return best

    def threshold_on(self, on: date) -> Threshold | None:
        found = None
        for row in self.thresholds:
            if row.start <= on:
                found = row
        if found is not None and found.until is not None and on > found.until:
            return None
        return found

    def change_dates(self) -> tuple[date, ...]:
        return tuple(row.start for row in self.thresholds)


@dataclass(frozen=True, slots=True)
class Regime:
    id: str
    name: str
    source: str
    disclaimer: str
    territory: frozenset[str]
    valid_from: date
    valid_until: date | None
    operations: Mapping[str, Operation]
    categories: tuple[Category, ...]
    multipliers: tuple[Multiplier, ...] = ()
    notes: str = ""

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)

    def check_date(self, on: date, field_name: str = "on") -> None:
        if not self.covers(on):
            end = self.valid_until.isoformat() if self.valid_until else "open-ended"
            raise ValidationFailed(
                [
                    FieldError(
                        field_name,
                        f"outside regime {self.id!r} ({self.valid_from.isoformat()} to {end})",
                        on.isoformat(),
                    )
                ]
            )


_OKPD2_LEVELS = (2, 2, 2, 3)  # digits of each dotted level: 27.11.31.000


def okpd2_within(code: str, prefix: str) -> bool:
    """`27.11.31.000` is within `27.11.31` and `27.11.3` (a one-digit subgroup), not `27.11.4`."""
    if code == prefix:
        return True
    if code.startswith(prefix + "."):
        return True
    parts = prefix.split(".")
    level = len(parts) - 1
    partial = level < len(_OKPD2_LEVELS) and len(parts[-1]) < _OKPD2_LEVELS[level]
    return partial and code.startswith(prefix)


# -- territory ------------------------------------------------------------------------------


def parse_territory(
    text: str, catalog: ReferenceCatalog, field_name: str = "territory"
) -> frozenset[str]:
    """`RU`, `RU+BY`, `EAEU`, `UNION_STATE` (unions expand to their members)."""
    countries: set[str] = set()
    errors: list[FieldError] = []
    for part in text.replace(",", "+").split("+"):
        code = part.strip().upper()
        if not code:
            continue
        if code in UNIONS:
            countries |= UNIONS[code]
            continue
        problem = country_format_error(code)
        if problem is None and not catalog.country_exists(code):
            problem = "no such ISO 3166-1 country"
        if problem:
            errors.append(FieldError(field_name, problem, code))
        else:
            countries.add(code)
    if not countries and not errors:
        errors.append(FieldError(field_name, "names no country (e.g. RU, RU+BY, EAEU)", text))
    if errors:
        raise ValidationFailed(errors)
    return frozenset(countries)


def territory_label(countries: frozenset[str]) -> str:
    for name, members in UNIONS.items():
        if countries == members and name == "EAEU":
            return name
    return "+".join(sorted(countries, key=lambda c: (c != "RU", c)))
