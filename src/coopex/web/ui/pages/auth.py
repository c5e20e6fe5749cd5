"""Sign in and sign out."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from coopex.domain.errors import AuthenticationFailed
from coopex.web.ui.rendering import FormDep, PageDep, local_path
from coopex.web.ui.session import end_session, start_session

router = APIRouter(include_in_schema=False)


@router.get("/signin")
def signin_form(page: PageDep, next: str = "/") -> Response:
    if page.actor is not None:
        return page.redirect(local_path(next))
    return page.render("auth/signin.html", email="", next=local_path(next), error=None)


@router.post("/signin")
def signin(page: PageDep, form: FormDep) -> Response:
    email = form.get("email", "")
    target = local_path(form.get("next"))
    client = page.request.client.host if page.request.client else None
    try:
        issued = page.coopex.accounts.login(email, form.get("password", ""), "web", client)
    except AuthenticationFailed:
        return page.render(
            "auth/signin.html",
            401,
            email=email,
            next=target,
            error=page._("Wrong e-mail or password."),
        )
    response = page.redirect(target)
    start_session(page.coopex, response, issued.secret)
    return response


@router.post("/signout")
def signout(page: PageDep, form: FormDep) -> Response:
    response = page.redirect("/signin", notice="signed-out")
    end_session(page.coopex, page.request, response)
    return response
