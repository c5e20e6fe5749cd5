"""`coopex localize ...`: assess products against localization regimes, compare {RU} with
{RU, BY}, plan the cheapest way to the threshold, and keep products per organisation."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.table import Table

from coopex.cli.context import OPERATOR, opened
from coopex.cli.output import JsonOption, console, emit, emit_json, errors, fail
from coopex.domain.errors import ValidationFailed
from coopex.domain.localization_assessments import Assessment, assessment_record, rounded
from coopex.domain.localization_products import StoredProduct
from coopex.interchange.products import ProductRecord, read_products

# The solver (OR-Tools) and the services load inside the commands that use them: `coopex
# --help` must not pay for them.
if TYPE_CHECKING:
    from coopex.app import Coopex
    from coopex.services.localization import PlanReport

localize_app = typer.Typer(no_args_is_help=True, help="Localization: regimes, scores, plans.")
product_app = typer.Typer(no_args_is_help=True, help="Products kept for an organisation.")
localize_app.add_typer(product_app, name="product")

OnOption = typer.Option(None, "--on", help="Day of the assessment, YYYY-MM-DD [default: today]")
TerritoryOption = typer.Option(
    None, "--territory", help="RU, RU+BY (Union State) or EAEU [default: the regime's]"
)


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{option}: must be a date as YYYY-MM-DD (got {text!r})")


def _read(path: Path) -> list[ProductRecord]:
    try:
        return read_products(path)
    except ValidationFailed as failure:
        for error in failure.errors:
            errors.print(f"[bold red]error:[/] {error.describe()}", highlight=False)
        raise typer.Exit(1) from None


def _report(path: Path, record: ProductRecord, failure: ValidationFailed) -> None:
    where = f"{path.name}: {record.location}" if record.location else path.name
    for error in failure.errors:
        errors.print(f"[bold red]error:[/] {where}: {error.describe()}", highlight=False)


def _print_assessment(a: Assessment) -> None:
    verdict = "[bold green]eligible[/]" if a.eligible else "[bold red]not eligible[/]"
    console.print(
        f"[bold]{a.product}[/] (OKPD2 {a.okpd2}) — {a.regime}/{a.category} on {a.on}: "
        f"{rounded(a.score):g} of {rounded(a.maximum):g} points, threshold "
        f"{rounded(a.threshold):g} ({a.rule.describe()}): {verdict}",
        highlight=False,
    )
    if a.missing_mandatory:
        console.print(f"missing mandatory operations: {', '.join(a.missing_mandatory)}")
    rows = [
        {
            "operation": c.operation,
            "points": f"{rounded(c.points):g}",
            "counted": f"{rounded(c.counted):g}",
            "where": c.country or "",
            "why": c.reason + (" [mandatory]" if c.mandatory else ""),
        }
        for c in a.contributions
    ]
    emit(rows, False, ["operation", "points", "counted", "where", "why"])
    if len(a.outlook) > 1:
        outlook = ", ".join(
            f"{p.on}: {'eligible' if p.eligible else f'short by {rounded(p.shortfall):g}'}"
            for p in a.outlook
        )
        console.print(f"outlook: {outlook}", highlight=False)
    console.print(f"[dim]{a.disclaimer}[/]", highlight=False)


@localize_app.command("assess")
def assess(
    file: Path = typer.Argument(..., help="Product file (JSON or YAML), one or many products"),
    on: str = OnOption,
    territory: str = TerritoryOption,
    as_json: bool = JsonOption,
) -> None:
    """Score each product, say whether it counts as made in the territory, and why.

    Every bad product is reported with its field and the rest are assessed; exit code 1 when
    any product could not be assessed."""
    day = _day(on, "--on")
    records = _read(file)
    failed = 0
    with opened() as coopex:
        for record in records:
            try:
                result = coopex.localization.assess(record.raw, day, territory)
            except ValidationFailed as failure:
                _report(file, record, failure)
                failed += 1
                continue
            if as_json:
                emit_json(assessment_record(result))
            else:
                _print_assessment(result)
    if failed:
        raise typer.Exit(1)


@localize_app.command("compare")
def compare(
    file: Path = typer.Argument(..., help="Product file (JSON or YAML)"),
    on: str = OnOption,
    as_json: bool = JsonOption,
) -> None:
    """The same product under {RU} and under {RU, BY}: what mutual recognition buys."""
    day = _day(on, "--on")
    records = _read(file)
    failed = 0
    with opened() as coopex:
        for record in records:
            try:
                result = coopex.localization.compare(record.raw, day)
            except ValidationFailed as failure:
                _report(file, record, failure)
                failed += 1
                continue
            ru, us = result.russia, result.union_state
            if as_json:
                emit_json(
                    {
                        "product": ru.product,
                        "russia": assessment_record(ru),
                        "union_state": assessment_record(us),
                        "gained": rounded(result.gained),
                        "recognised": list(result.recognised),
                    }
                )
                continue
            table = Table(title=f"{ru.product}: {{RU}} and {{RU, BY}} on {ru.on}")
            for column in ("", "RU", "RU+BY"):
                table.add_column(column)
            table.add_row("score", f"{rounded(ru.score):g}", f"{rounded(us.score):g}")
            table.add_row("threshold", f"{rounded(ru.threshold):g}", f"{rounded(us.threshold):g}")
            table.add_row("eligible", str(ru.eligible), str(us.eligible))
            table.add_row(
                "missing mandatory",
                ", ".join(ru.missing_mandatory),
                ", ".join(us.missing_mandatory),
            )
            console.print(table)
            if result.recognised:
                console.print(
                    f"mutual recognition adds {rounded(result.gained):g} points: "
                    f"{', '.join(result.recognised)}",
                    highlight=False,
                )
    if failed:
        raise typer.Exit(1)


def _print_plan(name: str, report: PlanReport) -> None:
    plan = report.plan
    money = report.currency
    console.print(
        f"[bold]{name}[/]: {plan.status.value} — needs {rounded(plan.needed):g} more points "
        f"for the threshold {rounded(plan.threshold):g}",
        highlight=False,
    )
    if plan.moves:
        rows = [
            {
                "operation": m.operation,
                "partner": m.partner,
                "country": m.country,
                "points": f"{rounded(m.points):g}",
                "cost": f"{m.cost:,.2f}",
                "days": str(m.lead_time_days),
                "why": m.note,
            }
            for m in plan.moves
        ]
        emit(rows, False, ["operation", "partner", "country", "points", "cost", "days", "why"])
        assert plan.after is not None
        proof = (
            "proven optimal"
            if plan.status.value == "optimal"
            else f"not proven optimal: lower bound {plan.bound:,.2f}"
        )
        console.print(
            f"total {plan.cost:,.2f} {money} (onboarding {plan.onboarding:,.2f} for "
            f"{len(plan.partners)} partners), {proof}; ready in {plan.lead_time_days} days; "
            f"score {rounded(plan.before.score):g} → {rounded(plan.after.score):g}",
            highlight=False,
        )
    for blocker in plan.blockers:
        console.print(f"[bold red]blocked ({blocker.constraint}):[/] {blocker.message}")
    if report.unpriced:
        console.print(
            f"[dim]not considered (no cost in plan.operations): {', '.join(report.unpriced)}[/]",
            highlight=False,
        )


@localize_app.command("plan")
def plan(
    file: Path = typer.Argument(..., help="Product file with a `plan` section (costs)"),
    by: str = typer.Option(..., "--by", help="Target date: meet the threshold in force then"),
    budget: float = typer.Option(None, "--budget", min=0, help="Spend at most this much"),
    max_lead_time: int = typer.Option(
        None, "--max-lead-time", min=0, help="No candidate slower than this many days"
    ),
    start: str = typer.Option(None, "--start", help="When work starts [default: today]"),
    territory: str = TerritoryOption,
    registry: bool = typer.Option(
        True, "--registry/--no-registry", help="Find partners in the registry (matching)"
    ),
    time_limit: float = typer.Option(10.0, "--time-limit", min=0.1, help="Solver seconds"),
    as_json: bool = JsonOption,
) -> None:
    """The cheapest set of operations and partners that reaches the threshold by a date."""
    target = _day(by, "--by")
    assert target is not None
    begin = _day(start, "--start")
    records = _read(file)
    failed = 0
    with opened() as coopex:
        for record in records:
            plan_raw = record.raw.get("plan")
            try:
                report = coopex.localization.plan(
                    record.raw,
                    target,
                    plan_input=plan_raw if isinstance(plan_raw, dict) else None,
                    budget=budget,
                    max_lead_time_days=max_lead_time,
                    territory=territory,
                    start=begin,
                    search_registry=registry,
                    time_limit_s=time_limit,
                )
            except ValidationFailed as failure:
                _report(file, record, failure)
                failed += 1
                continue
            if as_json:
                emit_json(
                    {
                        "product": report.plan.before.product,
                        **_plan_record(report),
                        "unpriced": list(report.unpriced),
                    }
                )
            else:
                _print_plan(report.plan.before.product, report)
    if failed:
        raise typer.Exit(1)


@localize_app.command("regimes")
def regimes(as_json: bool = JsonOption) -> None:
    """The regimes loaded: shipped, and any in $COOPEX_HOME/regimes."""
    with opened() as coopex:
        rows = [
            {
                "id": r.id,
                "territory": "+".join(sorted(r.territory)),
                "valid": f"{r.valid_from} – {r.valid_until or ''}",
                "categories": len(r.categories),
                "operations": len(r.operations),
                "name": r.name,
            }
            for r in coopex.localization.regimes
        ]
    emit(rows, as_json, ["id", "territory", "valid", "categories", "operations", "name"])


# -- stored products ------------------------------------------------------------------------


def _product_row(coopex: Coopex, ref: str, org: str) -> dict[str, object]:
    p = coopex.localization.get_product(OPERATOR, org, ref)
    return {
        "ref": p.ref,
        "org": p.org_ref,
        "name": p.name,
        "okpd2": p.okpd2,
        "regime": p.regime,
        "category": p.category,
        "product": dict(p.record),
    }


@product_app.command("add")
def product_add(
    org: str = typer.Argument(..., help="The organisation's ref"),
    file: Path = typer.Argument(..., help="Product file (JSON or YAML), one or many"),
    as_json: bool = JsonOption,
) -> None:
    """Keep the file's products for ORG; each is validated against its regime first."""
    records = _read(file)
    failed = 0
    with opened() as coopex:
        for record in records:
            try:
                stored = coopex.localization.create_product(OPERATOR, org, record.raw)
            except ValidationFailed as failure:
                _report(file, record, failure)
                failed += 1
                continue
            row = {
                "ref": stored.ref,
                "name": stored.name,
                "regime": stored.regime,
                "category": stored.category,
            }
            if as_json:
                emit_json(row)
            else:
                console.print(
                    f"stored {stored.ref} ({stored.regime}/{stored.category})", highlight=False
                )
    if failed:
        raise typer.Exit(1)


@product_app.command("list")
def product_list(org: str, as_json: bool = JsonOption) -> None:
    """ORG's products."""
    with opened() as coopex:
        items: list[StoredProduct] = []
        cursor: str | None = None
        while True:
            page = coopex.localization.list_products(OPERATOR, org, cursor, 500)
            items.extend(page.items)
            cursor = page.next_cursor
            if cursor is None:
                break
        rows = [
            {
                "ref": p.ref,
                "name": p.name,
                "okpd2": p.okpd2,
                "regime": p.regime,
                "category": p.category,
            }
            for p in items
        ]
    emit(rows, as_json, ["ref", "name", "okpd2", "regime", "category"])


@product_app.command("show")
def product_show(org: str, ref: str, as_json: bool = JsonOption) -> None:
    """One stored product."""
    with opened() as coopex:
        row = _product_row(coopex, ref, org)
    if as_json:
        emit_json(row)
    else:
        emit([{"field": k, "value": v} for k, v in row.items()], False, ["field", "value"])


@product_app.command("assess")
def product_assess(
    org: str,
    ref: str,
    on: str = OnOption,
    territory: str = TerritoryOption,
    as_json: bool = JsonOption,
) -> None:
    """Assess a stored product; the result joins its history."""
    day = _day(on, "--on")
    with opened() as coopex:
        result, _ = coopex.localization.assess_product(OPERATOR, org, ref, day, territory)
    if as_json:
        emit_json(assessment_record(result))
    else:
        _print_assessment(result)


@product_app.command("history")
def product_history(org: str, ref: str, as_json: bool = JsonOption) -> None:
    """A stored product's assessments, oldest first."""
    with opened() as coopex:
        page = coopex.localization.history(OPERATOR, org, ref, None, 500)
    rows = [
        {
            "id": e.id,
            "on": e.on.isoformat(),
            "territory": e.territory,
            "score": e.score,
            "threshold": e.threshold,
            "eligible": e.eligible,
            "by": e.assessed_by,
            "at": e.assessed_at.isoformat() if e.assessed_at else None,
        }
        for e in page.items
    ]
    emit(rows, as_json, ["id", "on", "territory", "score", "threshold", "eligible", "by", "at"])


def _plan_record(report: PlanReport) -> dict[str, object]:
    from coopex.engines.localization.plan import plan_record

    return plan_record(report.plan, report.currency)
