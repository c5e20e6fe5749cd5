"""Localization use cases: assess a product, compare territories, plan with partners from the
registry, and keep products with their assessments' history per organisation.

Who may do what with stored products (as with listings): members of the organisation and
admins create and assess them; agency staff, admins and members see them.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor, Role, require_can_edit_organization
from coopex.domain.catalog import ReferenceCatalog
from coopex.domain.errors import Conflict, FieldError, NotFound, PermissionDenied, ValidationFailed
from coopex.domain.fields import stable_ref
from coopex.domain.listings import ListingKind
from coopex.domain.localization import EAEU, Regime, parse_territory, territory_label
from coopex.domain.localization_assessments import Assessment, assessment_record
from coopex.domain.localization_plans import PlanInput, build_plan_input
from coopex.domain.localization_products import (
    AssessmentEntry,
    Product,
    StoredProduct,
    Subject,
    build_product,
    product_record,
    resolve_product,
)
from coopex.domain.matching import explain
from coopex.domain.paging import Page, check_page_size, decode_cursor
from coopex.domain.queries import MatchFilter
from coopex.engines.localization.assess import assess
from coopex.engines.localization.plan import Candidate, Plan, PlanRequest, solve
from coopex.engines.matching.ranker import MatchQuery
from coopex.reference.regimes import load_regimes
from coopex.services.auditing import AuditedChange, record_detail
from coopex.services.matching import MatchingService
from coopex.storage.database import Database
from coopex.storage.organizations import OrganizationRepository
from coopex.storage.products import ProductRepository

UNION_STATE = frozenset({"RU", "BY"})


@dataclass(frozen=True, slots=True)
class Comparison:
    """The same product under Russia alone and under Union State mutual recognition."""

    russia: Assessment
    union_state: Assessment

    @property
    def gained(self) -> float:
        return self.union_state.score - self.russia.score

    @property
    def recognised(self) -> tuple[str, ...]:
        """Operations that count only thanks to mutual recognition."""
        before = {c.operation for c in self.russia.contributions if c.standing.counts}
        return tuple(
            c.operation
            for c in self.union_state.contributions
            if c.standing.counts and c.operation not in before
        )


@dataclass(frozen=True, slots=True)
class PlanReport:
    plan: Plan
    currency: str
    candidates: tuple[Candidate, ...]
    unpriced: tuple[str, ...]  # operations that could count but have no cost given


def _can_read(actor: Actor, organization_id: int) -> bool:
    return actor.role is not Role.ENTERPRISE_MEMBER or actor.is_member_of(organization_id)


class LocalizationService:
    def __init__(
        self,
        database: Database,
        catalog: ReferenceCatalog,
        matching: MatchingService | None = None,
        regime_folders: Sequence[Path] = (),
    ) -> None:
        self.database = database
        self.catalog = catalog
        self.matching = matching
        self.regime_folders = tuple(regime_folders)
        self.audited = AuditedChange(database)
        self._regimes: tuple[Regime, ...] | None = None
        self._lock = threading.Lock()

    @property
    def regimes(self) -> tuple[Regime, ...]:
        """Loaded and validated on first use (all files, or an error naming each problem)."""
        with self._lock:
            if self._regimes is None:
                self._regimes = load_regimes(self.catalog, self.regime_folders)
            return self._regimes

    # -- stateless ----------------------------------------------------------------------

    def read(self, raw: Mapping[str, object] | Product) -> Subject:
        product = raw if isinstance(raw, Product) else build_product(raw, self.catalog)
        return resolve_product(self.regimes, product)

    def territory(self, text: str | None) -> frozenset[str] | None:
        return None if text is None else parse_territory(text, self.catalog)

    def assess(
        self,
        raw: Mapping[str, object] | Product,
        on: date | None = None,
        territory: str | None = None,
    ) -> Assessment:
        return assess(self.read(raw), on or date.today(), self.territory(territory))

    def compare(self, raw: Mapping[str, object] | Product, on: date | None = None) -> Comparison:
        subject = self.read(raw)
        day = on or date.today()
        return Comparison(
            assess(subject, day, frozenset({"RU"})), assess(subject, day, UNION_STATE)
        )

    def plan(
        self,
        raw: Mapping[str, object] | Product,
        by: date,
        *,
        plan_input: Mapping[str, object] | None = None,
        budget: float | None = None,
        max_lead_time_days: int | None = None,
        territory: str | None = None,
        start: date | None = None,
        search_registry: bool = True,
        time_limit_s: float = 10.0,
    ) -> PlanReport:
        """The cheapest plan to reach the threshold in force on `by`. `plan_input` is the
        product file's `plan` section (costs, partners); the registry adds partners found by
        the matching engine unless `search_registry` is off."""
        errors = []
        if budget is not None and budget < 0:
            errors.append(FieldError("budget", "must be zero or more", str(budget)))
        if max_lead_time_days is not None and max_lead_time_days < 0:
            errors.append(
                FieldError("max_lead_time_days", "must be zero or more", str(max_lead_time_days))
            )
        if errors:
            raise ValidationFailed(errors)
        subject = self.read(raw)
        subject.regime.check_date(by, "by")
        inputs = build_plan_input(plan_input, self.catalog)
        where = self.territory(territory) or subject.regime.territory
        begin = start or inputs.start or date.today()
        if begin > by:
            raise ValidationFailed(
                [FieldError("start", "is after the target date", begin.isoformat())]
            )
        costs = self._costs(subject, inputs)
        candidates = self._candidates(subject, inputs, costs, where, begin, search_registry)
        request = PlanRequest(
            subject=subject,
            start=begin,
            by=by,
            candidates=tuple(candidates),
            territory=where,
            budget=budget,
            max_lead_time_days=max_lead_time_days,
            onboarding_cost=inputs.onboarding_cost,
            capacity=inputs.capacity,
            time_limit_s=time_limit_s,
        )
        plan = solve(request)
        movable = {
            c.operation
            for c in plan.before.contributions
            if not c.standing.counts and c.standing.value in ("outside", "not_performed")
        }
        return PlanReport(
            plan, inputs.currency, tuple(candidates), tuple(sorted(movable - set(costs)))
        )

    @staticmethod
    def _costs(subject: Subject, inputs: PlanInput) -> dict[str, tuple[float, int]]:
        """Costs keyed by the product's operation ids (the file may use names or aliases)."""
        keys: dict[str, str] = {}
        for line in subject.lines:
            names = [line.operation, line.name]
            op = subject.regime.operations.get(line.operation)
            if op is not None:
                names.extend(op.aliases)
            for name in names:
                keys.setdefault(" ".join(name.casefold().split()), line.operation)
        found: dict[str, tuple[float, int]] = {}
        errors = []
        for index, cost in enumerate(inputs.costs):
            op_id = keys.get(" ".join(cost.operation.casefold().split()))
            if op_id is None:
                errors.append(
                    FieldError(
                        f"plan.operations[{index}].operation",
                        "not an operation of this product",
                        cost.operation,
                    )
                )
                continue
            found[op_id] = (cost.cost, cost.lead_time_days)
        for index, offer in enumerate(inputs.partners):
            if " ".join(offer.operation.casefold().split()) not in keys:
                errors.append(
                    FieldError(
                        f"plan.partners[{index}].operation",
                        "not an operation of this product",
                        offer.operation,
                    )
                )
        if errors:
            raise ValidationFailed(errors)
        return found

    def _candidates(
        self,
        subject: Subject,
        inputs: PlanInput,
        costs: Mapping[str, tuple[float, int]],
        territory: frozenset[str],
        on: date,
        search_registry: bool,
    ) -> list[Candidate]:
        by_name = {" ".join(line.name.casefold().split()): line.operation for line in subject.lines}
        by_name.update({line.operation.casefold(): line.operation for line in subject.lines})
        for line in subject.lines:
            op = subject.regime.operations.get(line.operation)
            for alias in op.aliases if op else ():
                by_name.setdefault(" ".join(alias.casefold().split()), line.operation)
        found: list[Candidate] = []
        named = [p.partner for p in inputs.partners if p.country is None]
        with self.database.transaction() as connection:
            countries = OrganizationRepository(connection).countries_by_ref(named)
        errors = []
        for index, offer in enumerate(inputs.partners):
            op_id = by_name[" ".join(offer.operation.casefold().split())]
            country = offer.country or countries.get(offer.partner)
            if country is None:
                errors.append(
                    FieldError(
                        f"plan.partners[{index}].partner",
                        "no organisation with this ref: give its country",
                        offer.partner,
                    )
                )
                continue
            base = costs.get(op_id)
            cost = offer.cost if offer.cost is not None else (base[0] if base else None)
            days = (
                offer.lead_time_days
                if offer.lead_time_days is not None
                else (base[1] if base else None)
            )
            if cost is None or days is None:
                errors.append(
                    FieldError(
                        f"plan.partners[{index}]",
                        "give cost and lead_time_days, or the operation's in plan.operations",
                    )
                )
                continue
            found.append(Candidate(op_id, offer.partner, country, cost, days, "named in the file"))
        if errors:
            raise ValidationFailed(errors)
        if search_registry and self.matching is not None:
            found.extend(self._registry_candidates(subject, costs, territory, on))
        return found

    def _registry_candidates(
        self,
        subject: Subject,
        costs: Mapping[str, tuple[float, int]],
        territory: frozenset[str],
        on: date,
        per_operation: int = 5,
    ) -> list[Candidate]:
        """Organisations with an open offer the matching engine finds for the operation (its
        search text, codes and sectors), inside the territory."""
        assert self.matching is not None
        before = assess(subject, on, territory, outlook=False)
        wanted = [
            c
            for c in before.contributions
            if not c.standing.counts
            and c.standing.value in ("outside", "not_performed")
            and c.operation in costs
        ]
        found: list[Candidate] = []
        for row in wanted:
            op = subject.regime.operations.get(row.operation)
            text = (op.search or op.name) if op else row.name
            query = MatchQuery(
                text=text,
                codes=op.codes if op else (),
                sectors=op.sectors if op else (),
            )
            accepted = territory | (EAEU if op is not None and op.any_eaeu else frozenset())
            matches = self.matching.run(
                query, MatchFilter(kind=ListingKind.OFFER, open_on=on), per_operation * 4
            )
            with self.database.transaction() as connection:
                countries = OrganizationRepository(connection).countries_by_ref(
                    sorted({m.listing.org_ref for m in matches})
                )
            cost, days = costs[row.operation]
            taken: set[str] = set()
            for match in matches:
                org = match.listing.org_ref
                if countries.get(org) not in accepted or org in taken:
                    continue
                taken.add(org)
                found.append(
                    Candidate(
                        row.operation,
                        org,
                        countries[org],
                        cost,
                        days,
                        f"registry offer {match.listing.ref}: {explain(match)}",
                    )
                )
                if len(taken) == per_operation:
                    break
        return found

    # -- stored products ----------------------------------------------------------------

    def create_product(
        self, actor: Actor, org_ref: str, raw: Mapping[str, object]
    ) -> StoredProduct:
        """Validate the product against its regime, then store it; nothing half-stored."""
        subject = self.read(raw)
        plan_raw = raw.get("plan")
        if plan_raw is not None and not isinstance(plan_raw, Mapping):
            raise ValidationFailed([FieldError("plan", "must be an object")])
        if plan_raw is not None:
            build_plan_input(plan_raw, self.catalog)
            # YAML hands over dates as objects: keep the plan as the JSON it would be
            plan_raw = json.loads(json.dumps(plan_raw, default=str))
        product = subject.product
        ref = product.ref or stable_ref("prd", org_ref, product.name.casefold(), product.okpd2)

        def work(connection: Connection) -> tuple[StoredProduct, str]:
            org = OrganizationRepository(connection).get(ref=org_ref)
            if org is None or org.id is None:
                raise NotFound("organisation", org_ref)
            require_can_edit_organization(actor, org.id, org.ref)
            repo = ProductRepository(connection)
            if repo.get(ref) is not None:
                raise Conflict(f"a product with ref {ref!r} exists", field="ref")
            record = {**product_record(product), "ref": ref}
            stored = repo.add(
                StoredProduct(
                    ref,
                    org_ref,
                    product.name,
                    product.okpd2,
                    subject.regime.id,
                    subject.category.id,
                    record,
                    None if plan_raw is None else dict(plan_raw),
                    actor.label,
                ),
                org.id,
            )
            return stored, record_detail(record)

        return self.audited.run(actor, "product.create", ref, work)

    def _visible(self, connection: Connection, actor: Actor, org_ref: str) -> int:
        org = OrganizationRepository(connection).get(ref=org_ref)
        if org is None or org.id is None:
            raise NotFound("organisation", org_ref)
        if not _can_read(actor, org.id):
            raise PermissionDenied(f"see products of {org_ref!r}", "you are not a member of it")
        return org.id

    def list_products(
        self, actor: Actor, org_ref: str, cursor: str | None = None, limit: int = 50
    ) -> Page[StoredProduct]:
        check_page_size(limit)
        with self.database.transaction() as connection:
            org_id = self._visible(connection, actor, org_ref)
            return ProductRepository(connection).page(org_id, decode_cursor(cursor), limit)

    def get_product(self, actor: Actor, org_ref: str, ref: str) -> StoredProduct:
        with self.database.transaction() as connection:
            self._visible(connection, actor, org_ref)
            product = ProductRepository(connection).get(ref)
        if product is None or product.org_ref != org_ref:
            raise NotFound("product", ref)
        return product

    def assess_product(
        self,
        actor: Actor,
        org_ref: str,
        ref: str,
        on: date | None = None,
        territory: str | None = None,
    ) -> tuple[Assessment, AssessmentEntry]:
        """Assess a stored product and add the result to its history."""
        stored = self.get_product(actor, org_ref, ref)
        assessment = self.assess(stored.record, on, territory)
        record = assessment_record(assessment)

        def work(connection: Connection) -> tuple[AssessmentEntry, str]:
            org = OrganizationRepository(connection).get(ref=org_ref)
            assert org is not None and org.id is not None and stored.id is not None
            require_can_edit_organization(actor, org.id, org.ref)
            entry = AssessmentEntry(
                ref,
                assessment.on,
                territory_label(assessment.territory),
                assessment.score,
                assessment.maximum,
                assessment.threshold,
                assessment.eligible,
                record,
                actor.label,
            )
            saved = ProductRepository(connection).add_assessment(stored.id, entry)
            summary = {k: record[k] for k in ("on", "territory", "score", "threshold", "eligible")}
            return saved, record_detail(summary)

        return assessment, self.audited.run(actor, "product.assess", ref, work)

    def history(
        self, actor: Actor, org_ref: str, ref: str, cursor: str | None = None, limit: int = 50
    ) -> Page[AssessmentEntry]:
        check_page_size(limit)
        stored = self.get_product(actor, org_ref, ref)
        assert stored.id is not None
        with self.database.transaction() as connection:
            return ProductRepository(connection).history(
                stored.id, ref, decode_cursor(cursor), limit
            )
