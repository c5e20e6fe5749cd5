"""/api/v1/localization (assess, compare, plan, regimes) and an organisation's products
(/api/v1/organizations/{ref}/products). Bodies carry product files as plain JSON objects: the
domain validates them and names each bad field."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, Field

from coopex.domain.localization_assessments import assessment_record
from coopex.domain.localization_products import AssessmentEntry, StoredProduct
from coopex.engines.localization.plan import plan_record
from coopex.web.api.dependencies import ActorDep, CoopexDep
from coopex.web.api.schemas import PageOut

router = APIRouter(prefix="/localization", tags=["localization"])
products_router = APIRouter(prefix="/organizations/{org}/products", tags=["localization"])

PRODUCT_EXAMPLE = {
    "name": "Diesel generator set 200 kW",
    "okpd2": "27.11.31",
    "operations": [
        {"operation": "assembly and tests", "points": 180, "country": "RU"},
        {"operation": "engine", "points": 70, "country": "CN"},
    ],
}


class ContributionOut(BaseModel):
    operation: str
    name: str
    points: float = Field(description="What the operation is worth, multipliers applied")
    counted: float = Field(description="What it adds to the score")
    standing: str = Field(
        description="counted, counted_eaeu, outside, not_performed, not_applicable, superseded"
    )
    reason: str
    country: str | None
    performer: str | None
    mandatory: bool


class OutlookOut(BaseModel):
    on: date
    threshold: float | None
    eligible: bool
    shortfall: float


class AssessmentOut(BaseModel):
    product: str
    okpd2: str
    regime: str
    category: str
    on: date
    territory: str
    score: float
    maximum: float = Field(description="Applicable maximum: non-applicable operations removed")
    threshold: float = Field(description="Points needed on that day (inclusive)")
    threshold_rule: str
    eligible: bool
    shortfall: float
    missing_mandatory: list[str]
    contributions: list[ContributionOut]
    outlook: list[OutlookOut] = Field(description="Year by year as thresholds rise")
    source: str
    disclaimer: str


class AssessBody(BaseModel):
    product: dict[str, Any] = Field(examples=[PRODUCT_EXAMPLE])
    on: date | None = Field(None, description="Default: today")
    territory: str | None = Field(
        None, description="RU, RU+BY (Union State), EAEU; default: the regime's"
    )


class ComparisonOut(BaseModel):
    russia: AssessmentOut
    union_state: AssessmentOut
    gained: float = Field(description="Points mutual recognition adds")
    recognised: list[str] = Field(description="Operations that count only under {RU, BY}")


class CompareBody(BaseModel):
    product: dict[str, Any] = Field(examples=[PRODUCT_EXAMPLE])
    on: date | None = None


class PlanBody(BaseModel):
    product: dict[str, Any] = Field(
        description="A product file's data; its `plan` section, if any, is used unless `plan` "
        "is given",
        examples=[PRODUCT_EXAMPLE],
    )
    by: date = Field(description="Target date: the threshold in force then must be met")
    plan: dict[str, Any] | None = Field(
        None, description="Costs, lead times and partners (see docs/localization.md)"
    )
    budget: float | None = Field(None, ge=0)
    max_lead_time_days: int | None = Field(None, ge=0)
    territory: str | None = None
    start: date | None = Field(None, description="When work starts; default: today")
    search_registry: bool = Field(True, description="Find partners in the registry")


class MoveOut(BaseModel):
    operation: str
    name: str
    partner: str
    country: str
    points: float
    cost: float
    lead_time_days: int
    why: str


class BlockerOut(BaseModel):
    constraint: str = Field(description="threshold, mandatory, budget, lead_time, capacity")
    message: str
    shortfall: float


class PlanOut(BaseModel):
    status: str = Field(
        description="already_eligible, optimal (proven), feasible, infeasible, unknown"
    )
    proven_optimal: bool
    cost: float | None
    bound: float | None = Field(description="The solver's proven lower bound on the cost")
    currency: str
    threshold: float
    score_before: float
    score_after: float | None
    needed: float
    eligible_after: bool | None
    lead_time_days: int
    onboarding: float
    partners: list[str]
    moves: list[MoveOut]
    blockers: list[BlockerOut]
    options: int
    seconds: float
    after: AssessmentOut | None
    unpriced: list[str] = Field(description="Operations that could count but have no cost")


class RegimeOut(BaseModel):
    id: str
    name: str
    territory: list[str]
    valid_from: date
    valid_until: date | None
    categories: int
    operations: int
    source: str
    disclaimer: str


class ProductOut(BaseModel):
    ref: str
    org: str
    name: str
    okpd2: str
    regime: str
    category: str
    product: dict[str, Any]
    plan: dict[str, Any] | None
    created_by: str
    created_at: datetime | None

    @classmethod
    def of(cls, product: StoredProduct) -> ProductOut:
        return cls(
            ref=product.ref,
            org=product.org_ref,
            name=product.name,
            okpd2=product.okpd2,
            regime=product.regime,
            category=product.category,
            product=dict(product.record),
            plan=None if product.plan is None else dict(product.plan),
            created_by=product.created_by,
            created_at=product.created_at,
        )


class HistoryOut(BaseModel):
    id: int | None
    on: date
    territory: str
    score: float
    maximum: float
    threshold: float
    eligible: bool
    assessed_by: str
    assessed_at: datetime | None
    assessment: AssessmentOut

    @classmethod
    def of(cls, entry: AssessmentEntry) -> HistoryOut:
        return cls(
            id=entry.id,
            on=entry.on,
            territory=entry.territory,
            score=entry.score,
            maximum=entry.maximum,
            threshold=entry.threshold,
            eligible=entry.eligible,
            assessed_by=entry.assessed_by,
            assessed_at=entry.assessed_at,
            assessment=AssessmentOut.model_validate(dict(entry.result)),
        )


class AssessStoredBody(BaseModel):
    on: date | None = None
    territory: str | None = None


ProductPage = PageOut[ProductOut]
HistoryPage = PageOut[HistoryOut]


@router.post("/assess", summary="Assess a product against its regime on a date")
def assess(coopex: CoopexDep, _actor: ActorDep, body: AssessBody) -> AssessmentOut:
    result = coopex.localization.assess(body.product, body.on, body.territory)
    return AssessmentOut.model_validate(assessment_record(result))


@router.post("/compare", summary="The same product under {RU} and under {RU, BY}")
def compare(coopex: CoopexDep, _actor: ActorDep, body: CompareBody) -> ComparisonOut:
    result = coopex.localization.compare(body.product, body.on)
    return ComparisonOut(
        russia=AssessmentOut.model_validate(assessment_record(result.russia)),
        union_state=AssessmentOut.model_validate(assessment_record(result.union_state)),
        gained=round(result.gained, 4),
        recognised=list(result.recognised),
    )


@router.post("/plan", summary="The cheapest plan, with partners, to reach the threshold by a date")
def plan(coopex: CoopexDep, _actor: ActorDep, body: PlanBody) -> PlanOut:
    plan_input = body.plan if body.plan is not None else body.product.get("plan")
    report = coopex.localization.plan(
        body.product,
        body.by,
        plan_input=plan_input if isinstance(plan_input, dict) else None,
        budget=body.budget,
        max_lead_time_days=body.max_lead_time_days,
        territory=body.territory,
        start=body.start,
        search_registry=body.search_registry,
    )
    record = plan_record(report.plan, report.currency)
    return PlanOut.model_validate({**record, "unpriced": list(report.unpriced)})


@router.get("/regimes", summary="The regimes loaded (shipped and the operator's own)")
def regimes(coopex: CoopexDep, _actor: ActorDep) -> list[RegimeOut]:
    return [
        RegimeOut(
            id=r.id,
            name=r.name,
            territory=sorted(r.territory),
            valid_from=r.valid_from,
            valid_until=r.valid_until,
            categories=len(r.categories),
            operations=len(r.operations),
            source=r.source,
            disclaimer=r.disclaimer,
        )
        for r in coopex.localization.regimes
    ]


@products_router.post(
    "", status_code=status.HTTP_201_CREATED, summary="Keep a product (members and admins)"
)
def create_product(
    coopex: CoopexDep, actor: ActorDep, org: str, body: dict[str, Any]
) -> ProductOut:
    return ProductOut.of(coopex.localization.create_product(actor, org, body))


@products_router.get("", summary="An organisation's products (members, agency staff, admins)")
def list_products(
    coopex: CoopexDep,
    actor: ActorDep,
    org: str,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> ProductPage:
    page = coopex.localization.list_products(actor, org, cursor, limit)
    return ProductPage(items=[ProductOut.of(p) for p in page.items], next_cursor=page.next_cursor)


@products_router.get("/{ref}", summary="One product")
def get_product(coopex: CoopexDep, actor: ActorDep, org: str, ref: str) -> ProductOut:
    return ProductOut.of(coopex.localization.get_product(actor, org, ref))


@products_router.post(
    "/{ref}/assessments",
    status_code=status.HTTP_201_CREATED,
    summary="Assess a stored product; the result joins its history (members and admins)",
)
def assess_product(
    coopex: CoopexDep, actor: ActorDep, org: str, ref: str, body: AssessStoredBody
) -> HistoryOut:
    _, entry = coopex.localization.assess_product(actor, org, ref, body.on, body.territory)
    return HistoryOut.of(entry)


@products_router.get("/{ref}/assessments", summary="A product's assessment history")
def history(
    coopex: CoopexDep,
    actor: ActorDep,
    org: str,
    ref: str,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> HistoryPage:
    page = coopex.localization.history(actor, org, ref, cursor, limit)
    return HistoryPage(items=[HistoryOut.of(e) for e in page.items], next_cursor=page.next_cursor)
