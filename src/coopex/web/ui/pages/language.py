"""Switching the language: remembered in a cookie and, when signed in, on the account."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.catalog import LANGUAGES
from coopex.web.ui import i18n
from coopex.web.ui.rendering import FormDep, PageDep, local_path

router = APIRouter(include_in_schema=False)
YEAR = 365 * 24 * 3600


@router.post("/language")
def set_language(page: PageDep, form: FormDep) -> Response:
    language = form.get("lang", "")
    response = page.redirect(local_path(form.get("next")))
    if language in LANGUAGES:
        if page.actor is not None:
            page.coopex.accounts.set_language(page.actor, language)
        response.set_cookie(
            i18n.COOKIE,
            language,
            max_age=YEAR,
            httponly=True,
            samesite="lax",
            secure=page.coopex.settings.secure_cookies,
            path="/",
        )
    return response
