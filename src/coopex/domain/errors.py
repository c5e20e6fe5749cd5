"""Errors the domain raises. Adapters translate them (HTTP problems, CLI exit codes)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldError:
    """One reason one field of one input is wrong."""

    field: str
    reason: str
    value: str | None = None

    def describe(self) -> str:
        shown = f" (got {self.value!r})" if self.value not in (None, "") else ""
        return f"{self.field}: {self.reason}{shown}"


class DomainError(Exception):
    """Base of every error the core raises on purpose."""


class ValidationFailed(DomainError):
    """Input broke one or more rules; `errors` says which field and why."""

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors = tuple(errors)
        super().__init__("; ".join(e.describe() for e in self.errors))


class NotFound(DomainError):
    def __init__(self, entity: str, key: object) -> None:
        self.entity = entity
        self.key = key
        super().__init__(f"{entity} {key!r} not found")


class PermissionDenied(DomainError):
    def __init__(self, action: str, reason: str) -> None:
        self.action = action
        self.reason = reason
        self.audited = False  # set once the refusal is on the audit trail
        super().__init__(f"not allowed to {action}: {reason}")


class AuthenticationFailed(DomainError):
    """Credentials were missing, wrong or revoked."""


class Conflict(DomainError):
    """The change clashes with the current state (a duplicate key, a closed listing...)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


class TooManyAttempts(DomainError):
    """Too many failed sign-ins for this account or address; try again after `retry_after`."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"too many failed sign-ins: try again in {retry_after} s")


class PreconditionFailed(DomainError):
    """The client changed a version it no longer holds (a stale If-Match): re-read and retry."""

    def __init__(self, entity: str, key: object, current: int) -> None:
        self.entity = entity
        self.key = key
        self.current = current
        super().__init__(
            f"{entity} {key!r} was changed by someone else (now at version {current}): "
            "read it again and re-apply your change"
        )


class Busy(DomainError):
    """The database stayed locked by other writers for too long; the same call may succeed
    when retried."""


class SetupBroken(DomainError):
    """A library the installation needs is missing or broken: found at start, with how to
    repair it, rather than as the same failure on every document."""
