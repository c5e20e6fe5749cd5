"""/api/v1/auth: trade a password for a token; who am I."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from coopex.web.api.dependencies import ActorDep, CoopexDep
from coopex.web.api.schemas import LoginBody, TokenOut

router = APIRouter(prefix="/auth", tags=["auth"])


class Me(BaseModel):
    email: str
    role: str
    organizations: list[int]


@router.post("/token", summary="Sign in with e-mail and password; returns a bearer token")
def login(coopex: CoopexDep, body: LoginBody) -> TokenOut:
    issued = coopex.accounts.login(body.email, body.password, body.token_name)
    return TokenOut(token=issued.secret, email=issued.user.email)


@router.get("/me", summary="The signed-in user")
def me(actor: ActorDep) -> Me:
    return Me(email=actor.label, role=actor.role.value, organizations=sorted(actor.organizations))
