"""What a localization plan is given: costs and lead times to localize each operation, partners
named by hand, an onboarding cost per partner, capacity, the day work starts.

In a product file these sit under `plan`:

    plan:
      start: 2026-02-01
      onboarding_cost: 40000          # per partner used (qualification, contract)
      capacity: 5                     # operations one partner may take (optional)
      currency: RUB
      operations:                     # cost and lead time to localize, with any partner
        - {operation: body-painting, cost: 1200000, lead_time_days: 180}
      partners:                       # optional: candidates named by hand
        - {partner: kamaz, operation: body-painting, country: RU, cost: 900000}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from coopex.domain.catalog import ReferenceCatalog
from coopex.domain.codes import country_format_error
from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.fields import FieldReader

_PLAN_KEYS = {"start", "onboarding_cost", "capacity", "currency", "operations", "partners"}


@dataclass(frozen=True, slots=True)
class OperationCost:
    operation: str
    cost: float
    lead_time_days: int


@dataclass(frozen=True, slots=True)
class PartnerOffer:
    partner: str  # an organisation ref
    operation: str
    country: str | None = None  # None: the organisation's country, from the registry
    cost: float | None = None  # None: the operation's cost
    lead_time_days: int | None = None


@dataclass(frozen=True, slots=True)
class PlanInput:
    costs: tuple[OperationCost, ...] = ()
    partners: tuple[PartnerOffer, ...] = ()
    onboarding_cost: float = 0.0
    capacity: int | None = None
    start: date | None = None
    currency: str = "RUB"

    def cost_of(self, operation: str) -> OperationCost | None:
        return next((c for c in self.costs if c.operation == operation), None)


def _days(reader: FieldReader, name: str, required: bool) -> int | None:
    value = reader.raw.get(name)
    if value is None:
        if required:
            reader.fail(name, "is required")
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        reader.fail(name, "must be a whole number of days, zero or more", value)
        return None
    return value


def _items(raw: object, where: str, errors: list[FieldError]) -> list[tuple[str, FieldReader]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        errors.append(FieldError(where, "must be a list"))
        return []
    found = []
    for index, item in enumerate(raw):
        if not isinstance(item, Mapping):
            errors.append(FieldError(f"{where}[{index}]", "must be an object"))
            continue
        found.append((f"{where}[{index}]", FieldReader(item)))
    return found


def build_plan_input(
    raw: Mapping[str, object] | None, catalog: ReferenceCatalog, where: str = "plan"
) -> PlanInput:
    """Validate a plan section; every bad field is named (`plan.operations[2].cost`)."""
    if raw is None:
        return PlanInput()
    errors: list[FieldError] = [
        FieldError(f"{where}.{key}", f"unknown field; allowed: {', '.join(sorted(_PLAN_KEYS))}")
        for key in raw
        if key not in _PLAN_KEYS
    ]
    reader = FieldReader(raw)
    start = reader.optional_date("start")
    onboarding = reader.optional_decimal("onboarding_cost")
    capacity = _days(reader, "capacity", required=False)
    if capacity == 0:
        reader.fail("capacity", "must be at least 1", capacity)
    currency = (reader.optional_text("currency") or "RUB").upper()
    if len(currency) != 3 or not currency.isalpha():
        reader.fail("currency", "must be an ISO 4217 code, e.g. RUB", currency)
    errors.extend(FieldError(f"{where}.{e.field}", e.reason, e.value) for e in reader.errors)
    costs: list[OperationCost] = []
    seen: set[str] = set()
    for at, item in _items(raw.get("operations"), f"{where}.operations", errors):
        operation = item.text("operation", max_length=300)
        cost = item.optional_decimal("cost")
        if cost is None and not item.errors:
            item.fail("cost", "is required")
        days = _days(item, "lead_time_days", required=True)
        if operation in seen:
            item.fail("operation", "is listed twice", operation)
        seen.add(operation)
        errors.extend(FieldError(f"{at}.{e.field}", e.reason, e.value) for e in item.errors)
        if not item.errors and cost is not None and days is not None:
            costs.append(OperationCost(operation, float(cost), days))
    partners: list[PartnerOffer] = []
    for at, item in _items(raw.get("partners"), f"{where}.partners", errors):
        partner = item.ref("partner")
        if partner is None and not item.errors:
            item.fail("partner", "is required: an organisation ref")
        operation = item.text("operation", max_length=300)
        country = item.optional_text("country")
        if country is not None:
            country = country.upper()
            problem = country_format_error(country)
            if problem is None and not catalog.country_exists(country):
                problem = "not an ISO 3166-1 country"
            if problem:
                item.fail("country", problem, country)
        cost = item.optional_decimal("cost")
        days = _days(item, "lead_time_days", required=False)
        errors.extend(FieldError(f"{at}.{e.field}", e.reason, e.value) for e in item.errors)
        if not item.errors and partner is not None:
            partners.append(
                PartnerOffer(
                    partner, operation, country, None if cost is None else float(cost), days
                )
            )
    if errors:
        raise ValidationFailed(errors)
    return PlanInput(
        costs=tuple(costs),
        partners=tuple(partners),
        onboarding_cost=float(onboarding or 0),
        capacity=capacity,
        start=start,
        currency=currency,
    )
