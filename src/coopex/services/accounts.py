"""Accounts: users, memberships, passwords and API tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor, Role, TokenInfo, User, require_admin
from coopex.domain.audit import Outcome
from coopex.domain.catalog import LANGUAGES
from coopex.domain.errors import (
    AuthenticationFailed,
    Conflict,
    FieldError,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from coopex.security import hash_password, new_token, token_hash, verify_password
from coopex.services.auditing import AuditedChange
from coopex.services.throttle import SignInThrottle
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


@cache
def _dummy_hash() -> str:
    """A hash to verify against when the account is unknown, so that a wrong e-mail takes as
    long as a wrong password (no timing oracle for which accounts exist)."""
    return hash_password("not-a-password-anyone-has")


def _password_errors(password: str, field: str = "password") -> list[FieldError]:
    if len(password) < MIN_PASSWORD_LENGTH:
        return [FieldError(field, f"must be at least {MIN_PASSWORD_LENGTH} characters")]
    return []


class AccountService:
    def __init__(
        self,
        database: Database,
        token_ttl: timedelta | None = timedelta(days=30),
        throttle: SignInThrottle | None = None,
    ) -> None:
        self.database = database
        self.audited = AuditedChange(database)
        self.token_ttl = token_ttl if token_ttl and token_ttl.total_seconds() > 0 else None
        self.throttle = throttle or SignInThrottle()

    def create_user(
        self, actor: Actor, email: str, name: str, role: Role, password: str | None = None
    ) -> User:
        email = email.strip().lower()
        errors = []
        if not _EMAIL.match(email):
            errors.append(FieldError("email", "is not an e-mail address", email))
        if not name.strip():
            errors.append(FieldError("name", "is required"))
        if password is not None:
            errors.extend(_password_errors(password))
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

    def remove_member(self, actor: Actor, email: str, organization_ref: str) -> bool:
        """End a user's membership of an organisation; False when they were not a member."""

        def work(connection: Connection) -> tuple[bool, str]:
            require_admin(actor, "manage memberships")
            repo = AccountRepository(connection)
            user = self._user(repo, email)
            org = OrganizationRepository(connection).get(ref=organization_ref)
            if org is None or org.id is None:
                raise NotFound("organisation", organization_ref)
            assert user.id is not None
            return repo.remove_membership(user.id, org.id), f"organization={organization_ref}"

        return self.audited.run(actor, "membership.remove", email, work)

    def set_role(self, actor: Actor, email: str, role: Role) -> User:
        """Change a user's role (admins). Admins do not change their own: an exchange must
        not lose its last admin by a slip, so another admin does it."""

        def work(connection: Connection) -> tuple[User, str]:
            require_admin(actor, "change roles")
            repo = AccountRepository(connection)
            user = self._user(repo, email)
            assert user.id is not None
            if user.id == actor.user_id and role is not user.role:
                raise Conflict("you cannot change your own role", field="role")
            repo.set_role(user.id, role)
            found = repo.user(id=user.id)
            assert found is not None
            return found, f"role={user.role.value}->{role.value}"

        return self.audited.run(actor, "user.role", email, work)

    def directory(self, actor: Actor) -> list[tuple[User, list[str]]]:
        """Every user with the refs of their organisations, for admins."""
        require_admin(actor, "list users")
        with self.database.transaction() as connection:
            repo = AccountRepository(connection)
            refs = repo.organization_refs_by_user()
            return [(user, refs.get(user.id or 0, [])) for user in repo.users()]

    def issue_token(self, actor: Actor, email: str, name: str = "default") -> IssuedToken:
        secret = new_token()

        def work(connection: Connection) -> tuple[IssuedToken, str]:
            repo = AccountRepository(connection)
            user = self._user(repo, email)
            if actor.user_id != user.id:
                require_admin(actor, "issue tokens for other users")
            assert user.id is not None
            expires = utc_now() + self.token_ttl if self.token_ttl else None
            repo.add_token(user.id, name, token_hash(secret), expires)
            return IssuedToken(user, name, secret), f"token={name}"

        return self.audited.run(actor, "token.issue", email, work)

    def login(
        self, email: str, password: str, token_name: str = "login", address: str | None = None
    ) -> IssuedToken:
        """Trade an e-mail and password for a new API token.

        Throttled per account and per client `address` (TooManyAttempts); every failure is on
        the audit trail; unknown accounts cost the same time as wrong passwords."""
        email = email.strip().lower()
        keys = self.throttle.keys(email, address)
        self.throttle.check(keys)
        with self.database.transaction() as connection:
            repo = AccountRepository(connection)
            user = repo.user(email=email)
            stored = repo.password_hash(user.id) if user and user.id is not None else None
        right = verify_password(stored or _dummy_hash(), password) and stored is not None
        if user is None or not user.active or not right:
            self.throttle.failed(keys)
            reason = (
                "unknown account"
                if user is None
                else "account deactivated"
                if not user.active
                else "wrong password"
            )
            with self.database.transaction() as connection:
                self.audited.log(
                    connection,
                    Actor(label=email[:200], role=Role.ENTERPRISE_MEMBER),
                    "user.sign_in",
                    email[:200],
                    Outcome.DENIED,
                    f"{reason}; address={address or 'unknown'}",
                )
            raise AuthenticationFailed("wrong e-mail or password")
        self.throttle.succeeded(email)
        return self.issue_token(self.actor_for(user), user.email, token_name)

    def authenticate(self, secret: str) -> Actor:
        """The actor behind a bearer token."""
        with self.database.transaction() as connection:
            repo = AccountRepository(connection)
            user = repo.user_for_token(token_hash(secret), utc_now())
            if user is None or user.id is None:
                raise AuthenticationFailed("unknown or revoked token")
            return _actor(repo, user)

    def sign_out(self, secret: str) -> bool:
        """Revoke the token a web session (or script) holds; False when it was not live."""
        with self.database.transaction() as connection:
            return AccountRepository(connection).revoke_token_hash(token_hash(secret))

    def memberships(self, actor: Actor) -> list[str]:
        """Refs of the organisations the actor belongs to."""
        if actor.user_id is None:
            return []
        with self.database.transaction() as connection:
            return AccountRepository(connection).organization_refs(actor.user_id)

    def actor_now(self, user_id: int) -> Actor:
        """The user as they are now (role, organisations), to act for them after their request
        ended (a background job); a deactivated or deleted account no longer acts."""
        with self.database.transaction() as connection:
            repo = AccountRepository(connection)
            user = repo.user(id=user_id)
            if user is None or not user.active:
                raise AuthenticationFailed("the account that asked for it is no longer active")
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

    # -- tokens, passwords, activation, preferences --------------------------------------

    def tokens(self, actor: Actor, email: str | None = None) -> list[TokenInfo]:
        """A user's tokens (the actor's own unless an admin names another user)."""
        with self.database.transaction() as connection:
            repo = AccountRepository(connection)
            user_id = self._subject(repo, actor, email, "list other users' tokens")
            return repo.tokens(user_id)

    def revoke_token(self, actor: Actor, token_id: int) -> bool:
        """Revoke one token (own, or anyone's for admins); False when already revoked."""

        def work(connection: Connection) -> tuple[bool, str]:
            repo = AccountRepository(connection)
            owner = repo.token_owner(token_id)
            if owner is None:
                raise NotFound("token", token_id)
            if owner != actor.user_id:
                require_admin(actor, "revoke other users' tokens")
            return repo.revoke_token(token_id), f"token_id={token_id}"

        return self.audited.run(actor, "token.revoke", str(token_id), work)

    def change_password(
        self, actor: Actor, new_password: str, current: str | None = None, email: str | None = None
    ) -> None:
        """Set a password: your own (the current one is required), or anyone's as an admin."""
        errors = _password_errors(new_password, "new_password")
        if errors:
            raise ValidationFailed(errors)
        new_hash = hash_password(new_password)

        def work(connection: Connection) -> tuple[None, str]:
            repo = AccountRepository(connection)
            user_id = self._subject(repo, actor, email, "change other users' passwords")
            if user_id == actor.user_id:
                stored = repo.password_hash(user_id)
                if stored is None or current is None or not verify_password(stored, current):
                    raise ValidationFailed([FieldError("current_password", "is not right")])
            repo.set_password_hash(user_id, new_hash)
            return None, "password changed"

        self.audited.run(actor, "user.password", email or actor.label, work)

    def set_active(self, actor: Actor, email: str, active: bool) -> User:
        """Deactivate (or reactivate) a user; a deactivated user's tokens stop at once."""

        def work(connection: Connection) -> tuple[User, str]:
            require_admin(actor, "deactivate users" if not active else "activate users")
            repo = AccountRepository(connection)
            user = self._user(repo, email)
            assert user.id is not None
            if user.id == actor.user_id and not active:
                raise Conflict("you cannot deactivate yourself", field="active")
            repo.set_active(user.id, active)
            found = repo.user(id=user.id)
            assert found is not None
            return found, f"active={active}"

        return self.audited.run(
            actor, "user.activate" if active else "user.deactivate", email, work
        )

    def set_language(self, actor: Actor, language: str | None) -> None:
        """Remember the user's UI language. A preference, not a change to shared data, so it
        is not on the audit trail."""
        if language is not None and language not in LANGUAGES:
            raise ValidationFailed(
                [FieldError("language", f"must be one of: {', '.join(LANGUAGES)}", language)]
            )
        if actor.user_id is None:
            return
        with self.database.transaction() as connection:
            AccountRepository(connection).set_language(actor.user_id, language)

    @staticmethod
    def _subject(repo: AccountRepository, actor: Actor, email: str | None, action: str) -> int:
        """The user an account action is about: the actor, or (admins) the one named."""
        if email is not None:
            user = AccountService._user(repo, email)
            assert user.id is not None
            if user.id != actor.user_id:
                require_admin(actor, action)
            return user.id
        if actor.user_id is None:
            raise PermissionDenied(action, "name the user (the operator has no account)")
        return actor.user_id

    @staticmethod
    def _user(repo: AccountRepository, email: str) -> User:
        user = repo.user(email=email.strip().lower())
        if user is None:
            raise NotFound("user", email)
        return user
