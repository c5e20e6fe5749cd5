"""Web sessions and CSRF protection.

A session is an API token issued at sign-in (named "web"), held in an HttpOnly, SameSite
cookie: the same authentication as the API, so revoking the token, expiry, and deactivating
the user end the session at once. Every form carries a CSRF token equal to a random value in
a second HttpOnly cookie (double submit); a cross-site page can neither read nor set it.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta

from fastapi import Request, Response

from coopex.app import Coopex
from coopex.domain.accounts import Actor
from coopex.domain.errors import AuthenticationFailed

SESSION_COOKIE = "coopex_session"
CSRF_COOKIE = "coopex_csrf"
CSRF_FIELD = "csrf_token"


def session_actor(coopex: Coopex, request: Request) -> Actor | None:
    """The signed-in actor, or None (no cookie, or its token is revoked or expired)."""
    if hasattr(request.state, "actor"):
        actor: Actor | None = request.state.actor
        return actor
    secret = request.cookies.get(SESSION_COOKIE)
    actor = None
    if secret:
        try:
            actor = coopex.accounts.authenticate(secret)
        except AuthenticationFailed:
            actor = None
    request.state.actor = actor
    return actor


def start_session(coopex: Coopex, response: Response, secret: str) -> None:
    ttl = coopex.accounts.token_ttl
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        max_age=int(ttl.total_seconds()) if ttl else int(timedelta(days=365).total_seconds()),
        httponly=True,
        samesite="lax",
        secure=coopex.settings.secure_cookies,
        path="/",
    )


def end_session(coopex: Coopex, request: Request, response: Response) -> None:
    secret = request.cookies.get(SESSION_COOKIE)
    if secret:
        coopex.accounts.sign_out(secret)
    response.delete_cookie(SESSION_COOKIE, path="/")


def csrf_token(request: Request) -> str:
    """This browser's CSRF token (made on its first page; the middleware sets the cookie)."""
    token: str | None = getattr(request.state, "csrf", None)
    if token is None:
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        request.state.csrf = token
    return token


def csrf_valid(request: Request, submitted: str | None) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE)
    return bool(cookie and submitted and hmac.compare_digest(cookie, submitted))


def keep_csrf_cookie(request: Request, response: Response, secure: bool) -> None:
    token = getattr(request.state, "csrf", None)
    if token and request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(
            CSRF_COOKIE, token, httponly=True, samesite="strict", secure=secure, path="/"
        )
