"""/api/v1/tokens, /auth/password, /users/{email}: own tokens, passwords, deactivation."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from coopex.domain.accounts import TokenInfo
from coopex.storage.database import utc_now
from coopex.web.api.dependencies import ActorDep, CoopexDep

router = APIRouter(tags=["auth"])


class TokenInfoOut(BaseModel):
    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None
    live: bool = Field(description="neither revoked nor expired")

    @classmethod
    def of(cls, token: TokenInfo, now: datetime) -> TokenInfoOut:
        return cls(
            id=token.id,
            name=token.name,
            created_at=token.created_at,
            last_used_at=token.last_used_at,
            expires_at=token.expires_at,
            revoked_at=token.revoked_at,
            live=token.is_live(now),
        )


@router.get("/tokens", summary="Your API tokens (admins: anyone's, with ?email=)")
def list_tokens(coopex: CoopexDep, actor: ActorDep, email: str | None = None) -> list[TokenInfoOut]:
    now = utc_now()
    return [TokenInfoOut.of(t, now) for t in coopex.accounts.tokens(actor, email)]


@router.delete("/tokens/{token_id}", status_code=204, summary="Revoke a token at once")
def revoke_token(coopex: CoopexDep, actor: ActorDep, token_id: int) -> Response:
    coopex.accounts.revoke_token(actor, token_id)
    return Response(status_code=204)


class PasswordBody(BaseModel):
    current_password: str | None = Field(None, description="required for your own password")
    new_password: str
    email: str | None = Field(None, description="admins: whose password to set")


@router.put("/auth/password", status_code=204, summary="Change your password")
def change_password(coopex: CoopexDep, actor: ActorDep, body: PasswordBody) -> Response:
    coopex.accounts.change_password(actor, body.new_password, body.current_password, body.email)
    return Response(status_code=204)


class ActiveBody(BaseModel):
    active: bool


class UserOut(BaseModel):
    email: str
    name: str
    role: str
    active: bool


@router.patch("/users/{email}", summary="Deactivate or reactivate a user (admins)")
def set_active(coopex: CoopexDep, actor: ActorDep, email: str, body: ActiveBody) -> UserOut:
    user = coopex.accounts.set_active(actor, email, body.active)
    return UserOut(email=user.email, name=user.name, role=user.role.value, active=user.active)
