"""/api/v1/auth: trade a password for a token; who am I."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from coopex.web.api.dependencies import ActorDep, CoopexDep
from coopex.web.api.schemas import LoginBody, TokenOut

router = APIRouter(prefix="/auth", tags=["auth"])


class Me(BaseModel):
    email: str
    role: str
    organizations: list[int]


@router.post("/token", summary="Sign in with e-mail and password; returns a bearer token")
def login(coopex: CoopexDep, body: LoginBody, request: Request) -> TokenOut:
    address = request.client.host if request.client else None
    issued = coopex.accounts.login(body.email, body.password, body.token_name, address)
    return TokenOut(token=issued.secret, email=issued.user.email)


@router.get("/me", summary="The signed-in user")
def me(actor: ActorDep) -> Me:
    return Me(email=actor.label, role=actor.role.value, organizations=sorted(actor.organizations))


class AuditOut(BaseModel):
    at: datetime
    actor: str
    action: str
    entity: str
    entity_ref: str
    outcome: str
    detail: str
    on_behalf_of: str | None = None  # the organisation agency staff acted for


audit_router = APIRouter(prefix="/audit", tags=["audit"])


@audit_router.get("", summary="The audit log, newest first (admins)")
def audit_log(
    coopex: CoopexDep,
    actor: ActorDep,
    entity: str | None = None,
    ref: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[AuditOut]:
    return [
        AuditOut(
            at=e.at,
            actor=e.actor,
            action=e.action,
            entity=e.entity,
            entity_ref=e.entity_ref,
            outcome=e.outcome.value,
            detail=e.detail,
            on_behalf_of=e.on_behalf_of,
        )
        for e in coopex.audit.recent(actor, limit, entity, ref)
    ]
