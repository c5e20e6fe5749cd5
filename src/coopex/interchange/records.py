"""A record read from a file, before validation, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from coopex.domain.errors import FieldError
from coopex.domain.listings import LISTING_FIELDS
from coopex.domain.organizations import ORGANIZATION_FIELDS


class Entity(StrEnum):
    ORGANIZATIONS = "organizations"
    LISTINGS = "listings"

    @property
    def fields(self) -> tuple[str, ...]:
        return ORGANIZATION_FIELDS if self is Entity.ORGANIZATIONS else LISTING_FIELDS


class FileFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


@dataclass(frozen=True, slots=True)
class SourceRecord:
    entity: Entity
    location: str  # "row 7" (CSV, counting the header as row 1) or "listings[3]" (JSON)
    raw: dict[str, object] = field(hash=False)
    read_errors: tuple[FieldError, ...] = ()  # problems found before validation (shape, JSON)


class UnreadableFile(Exception):
    """The file as a whole cannot be read: wrong format, encoding or layout."""
