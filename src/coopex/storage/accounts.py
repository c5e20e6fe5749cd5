"""Users, memberships and API tokens."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from coopex.domain.accounts import Role, TokenInfo, User
from coopex.domain.organizations import OrgKind
from coopex.storage.database import as_utc, as_utc_or_none, utc_now
from coopex.storage.tables import api_tokens, memberships, organizations, users

# Whose staff act for the organisations of their region.
AGENCY_KINDS = (OrgKind.AGENCY.value, OrgKind.REGION_BODY.value)


def _user(row: RowMapping) -> User:
    return User(
        id=row["id"],
        email=row["email"],
        name=row["name"],
        role=Role(row["role"]),
        active=row["active"],
        language=row["language"],
    )


class AccountRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def add_user(self, user: User, password_hash: str | None) -> User:
        result = self.connection.execute(
            users.insert().values(
                email=user.email,
                name=user.name,
                role=user.role.value,
                password_hash=password_hash,
                active=user.active,
                created_at=utc_now(),
            )
        )
        (new_id,) = result.inserted_primary_key or (None,)
        found = self.user(id=new_id)
        assert found is not None
        return found

    def user(self, *, email: str | None = None, id: int | None = None) -> User | None:
        condition = users.c.email == email if email is not None else users.c.id == id
        row = self.connection.execute(sa.select(users).where(condition)).mappings().first()
        return _user(row) if row else None

    def users(self) -> list[User]:
        rows = self.connection.execute(sa.select(users).order_by(users.c.id)).mappings()
        return [_user(row) for row in rows]

    def password_hash(self, user_id: int) -> str | None:
        query = sa.select(users.c.password_hash).where(users.c.id == user_id)
        return self.connection.execute(query).scalar_one_or_none()

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        self.connection.execute(
            users.update().where(users.c.id == user_id).values(password_hash=password_hash)
        )

    def add_membership(self, user_id: int, organization_id: int) -> bool:
        """Make the user a member; False when already one."""
        exists = self.connection.execute(
            sa.select(memberships).where(
                memberships.c.user_id == user_id, memberships.c.organization_id == organization_id
            )
        ).first()
        if exists:
            return False
        self.connection.execute(
            memberships.insert().values(user_id=user_id, organization_id=organization_id)
        )
        return True

    def remove_membership(self, user_id: int, organization_id: int) -> bool:
        """End the membership; False when there was none."""
        result = self.connection.execute(
            memberships.delete().where(
                memberships.c.user_id == user_id, memberships.c.organization_id == organization_id
            )
        )
        return bool(result.rowcount)

    def organization_refs_by_user(self) -> dict[int, list[str]]:
        """user id -> refs of their organisations (sorted), in one query."""
        query = (
            sa.select(memberships.c.user_id, organizations.c.ref)
            .join(organizations, organizations.c.id == memberships.c.organization_id)
            .order_by(memberships.c.user_id, organizations.c.ref)
        )
        found: dict[int, list[str]] = {}
        for user_id, ref in self.connection.execute(query):
            found.setdefault(user_id, []).append(ref)
        return found

    def set_role(self, user_id: int, role: Role) -> None:
        self.connection.execute(users.update().where(users.c.id == user_id).values(role=role.value))

    def organization_ids(self, user_id: int) -> frozenset[int]:
        query = sa.select(memberships.c.organization_id).where(memberships.c.user_id == user_id)
        return frozenset(self.connection.execute(query).scalars())

    def agency_regions(self, user_id: int) -> frozenset[str]:
        """The ISO 3166-2 regions of the agencies and regional bodies the user works for."""
        query = (
            sa.select(organizations.c.region)
            .join(memberships, memberships.c.organization_id == organizations.c.id)
            .where(
                memberships.c.user_id == user_id,
                organizations.c.kind.in_(AGENCY_KINDS),
                organizations.c.region.is_not(None),
            )
        )
        return frozenset(self.connection.execute(query).scalars())

    def organization_refs(self, user_id: int) -> list[str]:
        query = (
            sa.select(organizations.c.ref)
            .join(memberships, memberships.c.organization_id == organizations.c.id)
            .where(memberships.c.user_id == user_id)
            .order_by(organizations.c.ref)
        )
        return list(self.connection.execute(query).scalars())

    def add_token(
        self, user_id: int, name: str, token_hash: str, expires_at: datetime | None = None
    ) -> int:
        result = self.connection.execute(
            api_tokens.insert().values(
                user_id=user_id,
                name=name,
                token_hash=token_hash,
                created_at=utc_now(),
                expires_at=expires_at,
            )
        )
        (new_id,) = result.inserted_primary_key or (None,)
        assert isinstance(new_id, int)
        return new_id

    def user_for_token(self, token_hash: str, now: datetime) -> User | None:
        """The active user owning a live token; marks the token as used."""
        row = self.connection.execute(
            sa.select(api_tokens.c.id, api_tokens.c.user_id).where(
                api_tokens.c.token_hash == token_hash,
                api_tokens.c.revoked_at.is_(None),
                sa.or_(api_tokens.c.expires_at.is_(None), api_tokens.c.expires_at > now),
            )
        ).first()
        if row is None:
            return None
        self.connection.execute(
            api_tokens.update().where(api_tokens.c.id == row.id).values(last_used_at=now)
        )
        user = self.user(id=row.user_id)
        return user if user is not None and user.active else None

    def revoke_tokens(self, user_id: int, name: str | None = None) -> int:
        condition = sa.and_(api_tokens.c.user_id == user_id, api_tokens.c.revoked_at.is_(None))
        if name is not None:
            condition = sa.and_(condition, api_tokens.c.name == name)
        result = self.connection.execute(
            api_tokens.update().where(condition).values(revoked_at=utc_now())
        )
        return result.rowcount

    def tokens(self, user_id: int) -> list[TokenInfo]:
        """The user's tokens, newest first, revoked and expired ones included."""
        rows = self.connection.execute(
            sa.select(api_tokens)
            .where(api_tokens.c.user_id == user_id)
            .order_by(api_tokens.c.id.desc())
        ).mappings()
        return [
            TokenInfo(
                id=row["id"],
                name=row["name"],
                created_at=as_utc(row["created_at"]),
                last_used_at=as_utc_or_none(row["last_used_at"]),
                expires_at=as_utc_or_none(row["expires_at"]),
                revoked_at=as_utc_or_none(row["revoked_at"]),
            )
            for row in rows
        ]

    def token_owner(self, token_id: int) -> int | None:
        query = sa.select(api_tokens.c.user_id).where(api_tokens.c.id == token_id)
        return self.connection.execute(query).scalar_one_or_none()

    def revoke_token(self, token_id: int) -> bool:
        """Revoke one token; False when it was revoked already."""
        result = self.connection.execute(
            api_tokens.update()
            .where(api_tokens.c.id == token_id, api_tokens.c.revoked_at.is_(None))
            .values(revoked_at=utc_now())
        )
        return bool(result.rowcount)

    def set_active(self, user_id: int, active: bool) -> None:
        self.connection.execute(users.update().where(users.c.id == user_id).values(active=active))

    def set_language(self, user_id: int, language: str | None) -> None:
        self.connection.execute(
            users.update().where(users.c.id == user_id).values(language=language)
        )

    def revoke_token_hash(self, token_hash: str) -> bool:
        result = self.connection.execute(
            api_tokens.update()
            .where(api_tokens.c.token_hash == token_hash, api_tokens.c.revoked_at.is_(None))
            .values(revoked_at=utc_now())
        )
        return bool(result.rowcount)
