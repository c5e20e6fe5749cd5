"""Localization: the shipped regimes, assessing a product on a date, Russia vs the Union
State, and the cheapest plan to reach a threshold. Products come from the form or from an
uploaded product file (JSON/YAML); the service validates them and names each bad field."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from coopex.domain.errors import FieldError, NotFound, ValidationFailed
from coopex.domain.localization import Regime
from coopex.domain.localization_assessments import Assessment
from coopex.interchange.products import parse_products
from coopex.web.ui import localization_view as view
from coopex.web.ui import nav
from coopex.web.ui.i18n import N_
from coopex.web.ui.rendering import FormDep, Page, PageDep

router = APIRouter(include_in_schema=False)
nav.register(nav.NavItem("/localization", N_("Localization"), order=45))

MAX_UPLOAD = 1024 * 1024
CATEGORY_PAGE = 60  # threshold-only regimes have ~200 categories: filter, then page


async def get_upload(request: Request) -> tuple[str, str] | None:
    """The product file sent with the form, if any: (its name, its text)."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        return None
    upload = (await request.form()).get("file")  # parsed once; FormDep read it already
    if not isinstance(upload, UploadFile) or not upload.filename:
        return None
    data = await upload.read(MAX_UPLOAD + 1)
    if not data:
        return None
    if len(data) > MAX_UPLOAD:
        raise ValidationFailed([FieldError("file", "larger than 1 MB")])
    try:
        return upload.filename, data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationFailed(
            [FieldError(upload.filename, f"not UTF-8 text (byte {error.start})")]
        ) from None


UploadDep = Annotated[tuple[str, str] | None, Depends(get_upload)]


def territory_options(page: Page) -> list[tuple[str, str]]:
    return [(code, page._(label)) for code, label in view.TERRITORIES.items()]


def _today(page: Page) -> str:
    return date.today().isoformat()


def _day(form: Mapping[str, str], name: str, required: bool = True) -> date | None:
    text = form.get(name, "").strip()
    if not text:
        if required:
            raise ValidationFailed([FieldError(name, "is required")])
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationFailed([FieldError(name, "must be a date as YYYY-MM-DD", text)]) from None


def _product(
    form: Mapping[str, str], upload: tuple[str, str] | None
) -> tuple[Mapping[str, object], view.ProductForm | None]:
    """The product to work on: the uploaded file's first product, else the form's."""
    if upload is None:
        built = view.product_from_form(form)
        plan, cost_rows = view.plan_from_form(form)
        raw = {**built.raw, "plan": plan}
        return raw, view.ProductForm(raw, built.rows, cost_rows)
    name, text = upload
    records = parse_products(text, name)
    return records[0].raw, None


def _values_of(raw: Mapping[str, object], form: Mapping[str, str]) -> dict[str, str]:
    """What the form shows after a submit: the uploaded product's fields, else as typed."""
    plan = raw.get("plan")
    values = view.form_values(raw, plan if isinstance(plan, Mapping) else None)
    for key in ("on", "by", "start", "territory", "budget", "max_lead_time_days"):
        if form.get(key):
            values[key] = form[key]
    return values


def _show(
    page: Page,
    template: str,
    form: Mapping[str, str],
    status: int = 200,
    errors: Mapping[str, list[str]] | None = None,
    **data: Any,
) -> Response:
    return page.render(
        template,
        status,
        values=dict(form),
        errors=dict(errors or {}),
        territories=territory_options(page),
        rows=range(view.OPERATION_ROWS),
        cost_rows=range(view.COST_ROWS),
        lang_of=view.script_language,
        **data,
    )


def assessment_view(page: Page, assessment: Assessment) -> dict[str, Any]:
    """An assessment with its reasons in the reader's language and its outlook chart."""
    return {
        "a": assessment,
        "reasons": [
            view.contribution_reason(page.i18n, c, assessment.territory)
            for c in assessment.contributions
        ],
        "standing": {k.value: page._(v) for k, v in view.STANDING_LABELS.items()},
        "chart": view.outlook_chart(page.i18n, assessment),
        "names": {c.operation: c.name for c in assessment.contributions},
        "lang_of": view.script_language,
    }


# -- regimes ------------------------------------------------------------------------------


@router.get("/localization")
def regimes(page: PageDep) -> Response:
    page.require_actor()
    return page.render(
        "localization/regimes.html",
        regimes=page.coopex.localization.regimes,
        lang_of=view.script_language,
    )


def _regime(page: Page, regime_id: str) -> Regime:
    found = next((r for r in page.coopex.localization.regimes if r.id == regime_id), None)
    if found is None:
        raise NotFound("regime", regime_id)
    return found


@router.get("/localization/regimes/{regime_id}")
def regime(page: PageDep, regime_id: str) -> Response:
    page.require_actor()
    found = _regime(page, regime_id)
    query = page.request.query_params.get("q", "").strip()
    folded = query.casefold()
    categories = [
        c
        for c in found.categories
        if not folded
        or folded in c.name.casefold()
        or folded in c.id.casefold()
        or any(code.startswith(query) or query.startswith(code) for code in c.okpd2)
    ]
    try:
        shown = max(1, int(page.request.query_params.get("show", CATEGORY_PAGE)))
    except ValueError:
        shown = CATEGORY_PAGE
    return page.render(
        "localization/regime.html",
        regime=found,
        categories=categories[:shown],
        total=len(categories),
        more=len(categories) - shown,
        shown=shown,
        q=query,
        lang_of=view.script_language,
    )


# -- assess -------------------------------------------------------------------------------


@router.get("/localization/assess")
def assess_form(page: PageDep) -> Response:
    page.require_actor()
    return _show(page, "localization/assess.html", {"on": _today(page), "territory": "RU"})


@router.post("/localization/assess")
def assess(page: PageDep, form: FormDep, upload: UploadDep) -> Response:
    page.require_actor()
    shaped: view.ProductForm | None = None
    values = dict(form)
    try:
        raw, shaped = _product(form, upload)
        if upload is not None:
            values = _values_of(raw, form)
        on = _day(form, "on")
        territory = form.get("territory") or None
        result = page.coopex.localization.assess(
            {k: v for k, v in raw.items() if k != "plan"}, on, territory
        )
    except ValidationFailed as failed:
        errors = view.errors_by_field(page.i18n, failed.errors, shaped)
        return _show(page, "localization/assess.html", values, 422, errors)
    return _show(page, "localization/assess.html", values, result=assessment_view(page, result))


# -- Russia vs the Union State ---------------------------------------------------------------


@router.get("/localization/compare")
def compare_form(page: PageDep) -> Response:
    page.require_actor()
    return _show(page, "localization/compare.html", {"on": _today(page)})


@router.post("/localization/compare")
def compare(page: PageDep, form: FormDep, upload: UploadDep) -> Response:
    page.require_actor()
    shaped: view.ProductForm | None = None
    values = dict(form)
    try:
        raw, shaped = _product(form, upload)
        if upload is not None:
            values = _values_of(raw, form)
        on = _day(form, "on")
        result = page.coopex.localization.compare({k: v for k, v in raw.items() if k != "plan"}, on)
    except ValidationFailed as failed:
        errors = view.errors_by_field(page.i18n, failed.errors, shaped)
        return _show(page, "localization/compare.html", values, 422, errors)
    return _show(
        page,
        "localization/compare.html",
        values,
        russia=assessment_view(page, result.russia),
        union=assessment_view(page, result.union_state),
        gained=result.gained,
        recognised=result.recognised,
    )


# -- plans --------------------------------------------------------------------------------


def _optional_number(form: Mapping[str, str], name: str, whole: bool = False) -> float | None:
    text = form.get(name, "").strip().replace(" ", "").replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValidationFailed([FieldError(name, "must be a number", text)]) from None
    if whole and not value.is_integer():
        raise ValidationFailed([FieldError(name, "must be a whole number of days", text)])
    return value


@router.get("/localization/plan")
def plan_form(page: PageDep) -> Response:
    page.require_actor()
    return _show(
        page,
        "localization/plan.html",
        {"by": date(date.today().year + 1, 1, 1).isoformat(), "territory": "RU", "registry": "1"},
    )


@router.post("/localization/plan")
def plan(page: PageDep, form: FormDep, upload: UploadDep) -> Response:
    page.require_actor()
    shaped: view.ProductForm | None = None
    values = dict(form)
    try:
        raw, shaped = _product(form, upload)
        if upload is not None:
            values = _values_of(raw, form)
        by = _day(form, "by")
        assert by is not None
        budget = _optional_number(form, "budget")
        lead = _optional_number(form, "max_lead_time_days", whole=True)
        plan_raw = raw.get("plan")
        report = page.coopex.localization.plan(
            {k: v for k, v in raw.items() if k != "plan"},
            by,
            plan_input=plan_raw if isinstance(plan_raw, Mapping) else None,
            budget=budget,
            max_lead_time_days=None if lead is None else int(lead),
            territory=form.get("territory") or None,
            start=_day(form, "start", required=False),
            search_registry=bool(form.get("registry")),
            time_limit_s=5.0,
        )
    except ValidationFailed as failed:
        errors = view.errors_by_field(page.i18n, failed.errors, shaped)
        return _show(page, "localization/plan.html", values, 422, errors)
    result = report.plan
    blockers = [
        view.blocker_headline(page.i18n, b.constraint, b.message, b.shortfall, report.currency)
        for b in result.blockers
    ]
    return _show(
        page,
        "localization/plan.html",
        values,
        report=report,
        plan=result,
        status_text=page._(view.PLAN_STATUSES[result.status.value]),
        blockers=list(zip(blockers, result.blockers, strict=True)),
        orgs=sorted({m.partner for m in result.moves}),
        after=None if result.after is None else assessment_view(page, result.after),
        currency=report.currency,
    )
