"""Listings: what an organisation can make (offers) and what it needs (requests)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from coopex.domain.catalog import LANGUAGES, ReferenceCatalog
from coopex.domain.codes import Code
from coopex.domain.fields import FieldReader, stable_ref
from coopex.domain.organizations import Provenance, read_codes, read_country_and_region


class ListingKind(StrEnum):
    OFFER = "offer"
    REQUEST = "request"

    @property
    def opposite(self) -> ListingKind:
        return ListingKind.REQUEST if self is ListingKind.OFFER else ListingKind.OFFER


class ListingStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Listing:
    ref: str
    kind: ListingKind
    org_ref: str
    title: str
    description: str
    language: str
    codes: tuple[Code, ...] = ()
    sectors: tuple[str, ...] = ()
    region: str | None = None
    quantity: Decimal | None = None
    unit: str | None = None
    valid_until: date | None = None
    status: ListingStatus = ListingStatus.PUBLISHED
    provenance: Provenance = Provenance.USER
    source: str | None = None
    id: int | None = field(default=None, compare=False)
    created_at: datetime | None = field(default=None, compare=False)
    updated_at: datetime | None = field(default=None, compare=False)
    # The stored row's version, bumped by every change (optimistic concurrency, ETag).
    version: int | None = field(default=None, compare=False)

    def is_open_on(self, day: date) -> bool:
        """Published and not past its validity date."""
        if self.status is not ListingStatus.PUBLISHED:
            return False
        return self.valid_until is None or self.valid_until >= day


LISTING_FIELDS = (
    "ref",
    "kind",
    "org",
    "title",
    "description",
    "language",
    "codes",
    "sectors",
    "region",
    "quantity",
    "unit",
    "valid_until",
    "status",
    "provenance",
    "source",
)


def build_listing(raw: Mapping[str, object], catalog: ReferenceCatalog) -> Listing:
    """Validate one raw record into a Listing, or raise ValidationFailed naming each field.

    `language` must be present: callers detect it from the text when the user gave none.
    """
    reader = FieldReader(raw)
    kind = reader.choice("kind", ListingKind)
    org_ref = reader.ref("org")
    if org_ref is None and not any(e.field == "org" for e in reader.errors):
        reader.fail("org", "is required")
    title = reader.text("title", max_length=300)
    description = reader.optional_text("description", max_length=20000, multiline=True) or ""
    language = reader.text("language")
    if language and language not in LANGUAGES:
        reader.fail("language", f"must be one of: {', '.join(LANGUAGES)}", language)
    codes = read_codes(reader, "codes", catalog, products=True)
    sectors = tuple(sorted(reader.text_list("sectors")))  # a set; sorted for stable output
    for sector in sectors:
        if catalog.sector(sector) is None:
            reader.fail("sectors", "unknown sector (see `coopex sectors`)", sector)
    _, region = read_country_and_region(reader, catalog, country_required=False)
    quantity = reader.optional_decimal("quantity")
    unit = reader.optional_text("unit", max_length=40)
    if unit is not None and quantity is None:
        reader.fail("quantity", "is required when a unit is given")
    valid_until = reader.optional_date("valid_until")
    status = reader.choice("status", ListingStatus, default=ListingStatus.PUBLISHED)
    provenance = reader.choice("provenance", Provenance, default=Provenance.USER)
    source = reader.optional_text("source")
    ref = reader.ref("ref")
    reader.raise_if_failed()
    assert kind is not None and org_ref is not None
    assert status is not None and provenance is not None
    return Listing(
        ref=ref or stable_ref("lst", org_ref, kind.value, title.casefold()),
        kind=kind,
        org_ref=org_ref,
        title=title,
        description=description,
        language=language,
        codes=codes,
        sectors=sectors,
        region=region,
        quantity=quantity,
        unit=unit,
        valid_until=valid_until,
        status=status,
        provenance=provenance,
        source=source,
    )


def listing_record(listing: Listing) -> dict[str, object]:
    """The plain-data form of a Listing, the inverse of `build_listing`."""
    return {
        "ref": listing.ref,
        "kind": listing.kind.value,
        "org": listing.org_ref,
        "title": listing.title,
        "description": listing.description,
        "language": listing.language,
        "codes": [str(code) for code in listing.codes],
        "sectors": list(listing.sectors),
        "region": listing.region,
        "quantity": None if listing.quantity is None else str(listing.quantity),
        "unit": listing.unit,
        "valid_until": None if listing.valid_until is None else listing.valid_until.isoformat(),
        "status": listing.status.value,
        "provenance": listing.provenance.value,
        "source": listing.source,
    }
