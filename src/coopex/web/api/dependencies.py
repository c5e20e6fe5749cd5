"""Request-scoped dependencies: the application and the signed-in actor."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from coopex.app import Coopex
from coopex.domain.accounts import Actor
from coopex.domain.errors import AuthenticationFailed

_bearer = HTTPBearer(
    auto_error=False, description="An API token: `coopex token create` or POST /auth/token"
)


def get_coopex(request: Request) -> Coopex:
    coopex: Coopex = request.app.state.coopex
    return coopex


def current_actor(
    request: Request,
    coopex: Annotated[Coopex, Depends(get_coopex)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Actor:
    if credentials is None:
        raise AuthenticationFailed("send Authorization: Bearer <token>")
    actor = coopex.accounts.authenticate(credentials.credentials)
    request.state.actor = actor  # a refusal later in the request is audited under its name
    return actor


CoopexDep = Annotated[Coopex, Depends(get_coopex)]
ActorDep = Annotated[Actor, Depends(current_actor)]
