"""Cursor pagination: opaque cursors over ascending ids, stable under concurrent inserts."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from coopex.domain.errors import FieldError, ValidationFailed

T = TypeVar("T")

MAX_PAGE_SIZE = 500
# Row ids are 32-bit on PostgreSQL (and 64-bit on SQLite): a larger id names nothing, and
# sending one to the database would be an error there rather than "not found".
MAX_ID = 2**31 - 1


def is_storable_id(value: int) -> bool:
    return 1 <= value <= MAX_ID


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: Sequence[T]
    next_cursor: str | None


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"after:{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The id after which the page starts (0 for the first page)."""
    if not cursor:
        return 0
    if len(cursor) > 100:
        raise ValidationFailed([FieldError("cursor", "is not a cursor this server issued")])
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        prefix, _, number = base64.urlsafe_b64decode(padded).decode().partition(":")
        if prefix != "after" or not number.isascii() or not number.isdigit():
            raise ValueError(cursor)
        if len(number) > 10 or int(number) > MAX_ID:
            raise ValueError(cursor)
        return int(number)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ValidationFailed(
            [FieldError("cursor", "is not a cursor this server issued", cursor)]
        ) from None


def check_page_size(limit: int) -> None:
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise ValidationFailed(
            [FieldError("limit", f"must be between 1 and {MAX_PAGE_SIZE}", str(limit))]
        )
