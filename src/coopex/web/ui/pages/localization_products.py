"""Products kept per organisation: the "Products" section of the organisation page, a
product's page with its assessment history (score against threshold over time), "assess
again" and adding a product from a file. The service decides who may see and change what:
members and admins keep and assess; agency staff, admins and members see."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.accounts import Actor
from coopex.domain.errors import Conflict, FieldError, PermissionDenied, ValidationFailed
from coopex.domain.organizations import Organization
from coopex.interchange.products import located, parse_products
from coopex.web.ui import localization_view as view
from coopex.web.ui.i18n import N_
from coopex.web.ui.pages.localization import UploadDep, assessment_view, territory_options
from coopex.web.ui.rendering import NOTICES, FormDep, Page, PageDep
from coopex.web.ui.sections import register_org_section

router = APIRouter(include_in_schema=False)
NOTICES["product-saved"] = N_("The product is kept.")
NOTICES["product-assessed"] = N_("The product is assessed; the result joins its history.")


def _can_edit(actor: Actor, org: Organization) -> bool:
    return actor.is_admin or (org.id is not None and actor.is_member_of(org.id))


def products_section(
    page: Page, actor: Actor, org: Organization
) -> tuple[str, dict[str, Any]] | None:
    try:
        found = page.coopex.localization.list_products(actor, org.ref, limit=200)
    except PermissionDenied:
        return None  # other enterprises do not see an organisation's products
    return "localization/org_products.html", {
        "org": org,
        "products": found.items,
        "can_edit": _can_edit(actor, org),
    }


register_org_section("localization.products", products_section)


@router.post("/organizations/{org_ref}/products")
def add_product(page: PageDep, form: FormDep, upload: UploadDep, org_ref: str) -> Response:
    actor = page.require_actor()
    org = page.coopex.registry.get_organization(org_ref)
    try:
        if upload is None:
            raise ValidationFailed([FieldError("file", "is required")])
        name, text = upload
        records = parse_products(text, name)
        stored = []
        for record in records:
            try:
                raw = dict(record.raw)
                stored.append(page.coopex.localization.create_product(actor, org_ref, raw))
            except ValidationFailed as failed:
                raise located(failed, record.location) from None
    except (ValidationFailed, Conflict) as error:
        errors = [FieldError("file", str(error))] if isinstance(error, Conflict) else error.errors
        section = products_section(page, actor, org)
        return page.render(
            "localization/org_products_page.html",
            422,
            org=org,
            section=section[1] if section else {},
            errors=view.errors_by_field(page.i18n, errors),
        )
    target = (
        f"/organizations/{org_ref}/products/{stored[0].ref}"
        if len(stored) == 1
        else (f"/organizations/{org_ref}")
    )
    return page.redirect(target, notice="product-saved")


def _product_page(page: Page, org_ref: str, ref: str, status: int = 200, **data: Any) -> Response:
    actor = page.require_actor()
    product = page.coopex.localization.get_product(actor, org_ref, ref)
    org = page.coopex.registry.get_organization(org_ref)
    entries = page.coopex.localization.history(actor, org_ref, ref, limit=200).items
    points = [view.HistoryPoint(e.on, e.score, e.threshold, e.eligible) for e in entries]
    data.setdefault("values", {"on": date.today().isoformat(), "territory": "RU"})
    data.setdefault("errors", {})
    operations = product.record.get("operations")
    return page.render(
        "localization/product.html",
        status,
        org=org,
        product=product,
        operations=operations if isinstance(operations, list) else [],
        entries=entries,
        chart=view.history_chart(page.i18n, points),
        can_edit=_can_edit(actor, org),
        territories=territory_options(page),
        lang_of=view.script_language,
        **data,
    )


@router.get("/organizations/{org_ref}/products/{ref}")
def product(page: PageDep, org_ref: str, ref: str) -> Response:
    return _product_page(page, org_ref, ref)


@router.post("/organizations/{org_ref}/products/{ref}/assess")
def assess_again(page: PageDep, form: FormDep, org_ref: str, ref: str) -> Response:
    actor = page.require_actor()
    on_text = form.get("on", "").strip()
    try:
        try:
            on = date.fromisoformat(on_text) if on_text else None
        except ValueError:
            raise ValidationFailed(
                [FieldError("on", "must be a date as YYYY-MM-DD", on_text)]
            ) from None
        assessment, _ = page.coopex.localization.assess_product(
            actor, org_ref, ref, on, form.get("territory") or None
        )
    except ValidationFailed as failed:
        return _product_page(
            page,
            org_ref,
            ref,
            422,
            values=dict(form),
            errors=view.errors_by_field(page.i18n, failed.errors),
        )
    return _product_page(
        page,
        org_ref,
        ref,
        values=dict(form),
        result=assessment_view(page, assessment),
        notice=page._(NOTICES["product-assessed"]),
    )
