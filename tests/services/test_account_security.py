"""Accounts: throttled sign-in, audited failures, expiring and revocable tokens, passwords,
deactivation."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coopex.app import Coopex
from coopex.domain.accounts import Role
from coopex.domain.errors import (
    AuthenticationFailed,
    PermissionDenied,
    TooManyAttempts,
    ValidationFailed,
)
from coopex.services.accounts import AccountService
from coopex.services.throttle import SignInThrottle, ThrottleLimits
from tests.conftest import OPERATOR


@pytest.fixture
def accounts(coopex: Coopex) -> AccountService:
    coopex.accounts.create_user(
        OPERATOR, "ann@example.org", "Ann", Role.AGENCY_STAFF, "s3cret-pass"
    )
    return coopex.accounts


def test_sign_in_is_throttled_per_account_and_failures_are_audited(
    coopex: Coopex, accounts: AccountService
) -> None:
    now = [0.0]
    accounts.throttle = SignInThrottle(ThrottleLimits(3, 100, 60.0), clock=lambda: now[0])
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            accounts.login("ann@example.org", "wrong", address="10.0.0.1")
    with pytest.raises(TooManyAttempts) as throttled:
        accounts.login("ann@example.org", "s3cret-pass", address="10.0.0.2")  # right, but held
    assert 1 <= throttled.value.retry_after <= 60
    now[0] = 61.0
    assert accounts.login("ann@example.org", "s3cret-pass").user.email == "ann@example.org"
    denied = [e for e in coopex.audit.recent(OPERATOR, 20) if e.action == "user.sign_in"]
    assert len(denied) == 3 and all(e.outcome.value == "denied" for e in denied)
    assert "wrong password" in denied[0].detail and "10.0.0.1" in denied[0].detail


def test_sign_in_is_throttled_per_address_for_unknown_accounts(accounts: AccountService) -> None:
    accounts.throttle = SignInThrottle(ThrottleLimits(100, 2, 60.0))
    for n in range(2):
        with pytest.raises(AuthenticationFailed):
            accounts.login(f"nobody{n}@example.org", "x", address="10.9.9.9")
    with pytest.raises(TooManyAttempts):
        accounts.login("ann@example.org", "s3cret-pass", address="10.9.9.9")
    assert accounts.login("ann@example.org", "s3cret-pass", address="10.1.1.1")


def test_tokens_expire_list_and_revoke(coopex: Coopex, accounts: AccountService) -> None:
    issued = accounts.login("ann@example.org", "s3cret-pass", "laptop")
    actor = accounts.authenticate(issued.secret)
    tokens = accounts.tokens(actor)
    assert [t.name for t in tokens] == ["laptop"] and tokens[0].expires_at is not None
    assert accounts.revoke_token(actor, tokens[0].id)
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(issued.secret)
    accounts.token_ttl = timedelta(microseconds=1)
    stale = accounts.issue_token(OPERATOR, "ann@example.org", "short")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(stale.secret)


def test_others_tokens_are_not_yours(accounts: AccountService, coopex: Coopex) -> None:
    coopex.accounts.create_user(
        OPERATOR, "bob@example.org", "Bob", Role.ENTERPRISE_MEMBER, "pass-word-1"
    )
    ann = accounts.authenticate(accounts.login("ann@example.org", "s3cret-pass").secret)
    bob_token = accounts.login("bob@example.org", "pass-word-1")
    bob = accounts.authenticate(bob_token.secret)
    with pytest.raises(PermissionDenied):
        accounts.revoke_token(ann, accounts.tokens(bob)[0].id)
    with pytest.raises(PermissionDenied):
        accounts.tokens(ann, "bob@example.org")


def test_password_change_needs_the_current_one(accounts: AccountService) -> None:
    actor = accounts.authenticate(accounts.login("ann@example.org", "s3cret-pass").secret)
    with pytest.raises(ValidationFailed) as wrong:
        accounts.change_password(actor, "new-pass-word", "not-it")
    assert wrong.value.errors[0].field == "current_password"
    with pytest.raises(ValidationFailed):
        accounts.change_password(actor, "short", "s3cret-pass")
    accounts.change_password(actor, "new-pass-word", "s3cret-pass")
    with pytest.raises(AuthenticationFailed):
        accounts.login("ann@example.org", "s3cret-pass")
    assert accounts.login("ann@example.org", "new-pass-word")


def test_deactivated_users_tokens_stop_at_once(accounts: AccountService) -> None:
    issued = accounts.login("ann@example.org", "s3cret-pass")
    accounts.authenticate(issued.secret)
    accounts.set_active(OPERATOR, "ann@example.org", False)
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(issued.secret)
    with pytest.raises(AuthenticationFailed):
        accounts.login("ann@example.org", "s3cret-pass")
    accounts.set_active(OPERATOR, "ann@example.org", True)
    assert accounts.authenticate(issued.secret).label == "ann@example.org"
