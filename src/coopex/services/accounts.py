"""Accounts: users, memberships, passwords and API tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor, Role, User, require_admin
from coopex.domain.errors import (
    AuthenticationFailed,
    Conflict,
    FieldError,
    NotFound,
    ValidationFailed,
)
from coopex.security import hash_password, new_token, token_hash, verify_password
from coopex.services.auditing import AuditedChange
from coopex.storage.accounts import AccountRepository
from coopex.storage.database import Database, utc_now
from coopex.storage.organizations import OrganizationRepository

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True, slots=True)
class IssuedToken:
    user: User
    name: str
    secret: str  # shown once; only its hash is stored


def _actor(repo: AccountRepository, user: User) -> Actor:
    assert user.id is not None
    return Actor.for_user(user, repo.organization_ids(user.id), repo.agency_regions(user.id))


class AccountService:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.audited = AuditedChange(database)

    def create_user(
        self, actor: Actor, email: str, name: str, role: Role, password: str | None = None
    ) -> User:
        email = email.strip().lower()
        errors = []
        if not _EMAIL.match(email):
            errors.append(FieldError("email", "is not an e-mail address", email))
        if not name.strip():
            errors.append(FieldError("name", "is required"))
        if password is not None and len(password) < MIN_PASSWORD_LENGTH:
            errors.append(
                FieldError("password", f"must be at least {MIN_PASSWORD_LENGTH} characters")
            )
        if errors:
            raise ValidationFailed(errors)
        password_hash = hash_password(password) if password is not None else None

        def work(connection: Connection) -> tuple[User, str]:
            require_admin(actor, "create users")
            repo = AccountRepository(connection)
            if repo.user(email=email) is not None:
                raise Conflict(f"a user with e-mail {email!r} exists", field="email")
            user = repo.add_user(User(email=email, name=name.strip(), role=role), password_hash)
            return user, f"role={role.value}"

        return self.audited.run(actor, "user.create", email, work)

    def add_member(self, actor: Actor, email: str, organization_ref: str) -> bool:
        """Make a user a member of an organisation; False when already one."""

        def work(connection: Connection) -> tuple[bool, str]:
            require_admin(actor, "manage memberships")
            user = self._user(AccountRepository(connection), email)
            org = OrganizationRepository(connection).get(ref=organization_ref)
            if org is None or org.id is None:
                raise NotFound("organisation", organization_ref)
            assert user.id is not None
            added = AccountRepository(connection).add_membership(user.id, org.id)
            return added, f"organization={organization_ref}"

        return self.audited.run(actor, "membership.add", email, work)

    def issue_token(self, actor: Actor, email: str, name: str = "default") -> IssuedToken:
        secret = new_token()

        def work(connection: Connection) -> tuple[IssuedToken, str]:
            repo = AccountRepository(connection)
            user = self._user(repo, email)
            if actor.user_id != user.id:
                require_admin(actor, "issue tokens for other users")
            assert user.id is not None
            repo.add_token(user.id, name, token_hash(secret))
            return IssuedToken(user, name, secret), f"token={name}"

        return self.audited.run(actor, "token.issue", email, work)

    def login(self, email: str, password: str, token_name: str = "login") -> IssuedToken:
        """Trade an e-mail and password for a new API token."""
        with self.database.transaction() as connection:
            repo = AccountRepository(connection)
            user = repo.user(email=email.strip().lower())
            stored = repo.password_hash(user.id) if user and user.id is not None else None
            if (
                user is None
                or not user.active
                or stored is None
                or not verify_password(stored, password)
            ):
                raise AuthenticationFailed("wrong e-mail or password")
        return self.issue_token(self.actor_for(user), user.email, token_name)

    def authenticate(self, secret: str) -> Actor:
        """The actor behind a bearer token."""
        with self.database.transaction() as connection:
            repo = AccountRepository(connection)
            user = repo.user_for_token(token_hash(secret), utc_now())
            if user is None or user.id is None:
                raise AuthenticationFailed("unknown or revoked token")
            return _actor(repo, user)

    def actor_for(self, user: User) -> Actor:
        assert user.id is not None
        with self.database.transaction() as connection:
            return _actor(AccountRepository(connection), user)

    def user(self, email: str) -> User:
        with self.database.transaction() as connection:
            return self._user(AccountRepository(connection), email)

    def users(self) -> list[tuple[User, list[str]]]:
        """Every user with the refs of the organisations they belong to."""
        with self.database.transaction() as connection:
            repo = AccountRepository(connection)
            return [(user, repo.organization_refs(user.id or 0)) for user in repo.users()]

    @staticmethod
    def _user(repo: AccountRepository, email: str) -> User:
        user = repo.user(email=email.strip().lower())
        if user is None:
            raise NotFound("user", email)
        return user
