"""Listing rows <-> `Listing` domain objects, with their codes and sectors."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from coopex.domain.codes import Code, CodeScheme
from coopex.domain.geography import UNIONS
from coopex.domain.listings import Listing, ListingKind, ListingStatus
from coopex.domain.organizations import Provenance
from coopex.domain.paging import Page, encode_cursor
from coopex.domain.queries import ListingFilter
from coopex.storage.database import as_utc, utc_now
from coopex.storage.keyset import fetch_after, iterate_batches
from coopex.storage.tables import listing_codes, listing_sectors, listings, organizations

_SELECT = sa.select(listings, organizations.c.ref.label("org_ref")).join(
    organizations, organizations.c.id == listings.c.organization_id
)


def _search_text(listing: Listing) -> str:
    return f"{listing.title}\n{listing.description}".casefold()


def _columns(listing: Listing, organization_id: int) -> dict[str, Any]:
    return {
        "ref": listing.ref,
        "kind": listing.kind.value,
        "organization_id": organization_id,
        "title": listing.title,
        "description": listing.description,
        "language": listing.language,
        "region": listing.region,
        "quantity": None if listing.quantity is None else str(listing.quantity),
        "unit": listing.unit,
        "valid_until": listing.valid_until,
        "status": listing.status.value,
        "provenance": listing.provenance.value,
        "source": listing.source,
        "search_text": _search_text(listing),
    }


def _to_domain(row: RowMapping, codes: Sequence[Code], sectors: Sequence[str]) -> Listing:
    return Listing(
        id=row["id"],
        ref=row["ref"],
        kind=ListingKind(row["kind"]),
        org_ref=row["org_ref"],
        title=row["title"],
        description=row["description"],
        language=row["language"],
        codes=tuple(sorted(codes)),
        sectors=tuple(sectors),
        region=row["region"],
        quantity=None if row["quantity"] is None else Decimal(row["quantity"]),
        unit=row["unit"],
        valid_until=row["valid_until"],
        status=ListingStatus(row["status"]),
        provenance=Provenance(row["provenance"]),
        source=row["source"],
        created_at=as_utc(row["created_at"]),
        updated_at=as_utc(row["updated_at"]),
        version=row["version"],
    )


def _filtered(
    query: sa.Select[Any], filters: ListingFilter, visible_org_ids: frozenset[int] | None
) -> sa.Select[Any]:
    query = query.where(listings.c.status == filters.status.value)
    if filters.status is not ListingStatus.PUBLISHED and visible_org_ids is not None:
        query = query.where(listings.c.organization_id.in_(visible_org_ids))
    if filters.kind is not None:
        query = query.where(listings.c.kind == filters.kind.value)
    if filters.country is not None:
        query = query.where(organizations.c.country == filters.country)
    if filters.region is not None:
        query = query.where(listings.c.region == filters.region)
    if filters.union is not None:
        query = query.where(organizations.c.country.in_(sorted(UNIONS[filters.union])))
    if filters.language is not None:
        query = query.where(listings.c.language == filters.language)
    if filters.org_ref is not None:
        query = query.where(organizations.c.ref == filters.org_ref)
    if filters.text:
        query = query.where(
            listings.c.search_text.contains(filters.text.casefold(), autoescape=True)
        )
    if filters.code_prefix is not None:
        code = filters.code_prefix
        query = query.where(
            sa.exists().where(
                listing_codes.c.listing_id == listings.c.id,
                listing_codes.c.scheme == code.scheme.value,
                listing_codes.c.code.startswith(code.value, autoescape=True),
            )
        )
    if filters.sector is not None:
        query = query.where(
            sa.exists().where(
                listing_sectors.c.listing_id == listings.c.id,
                listing_sectors.c.sector == filters.sector,
            )
        )
    return query


class ListingRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def _hydrate(self, rows: Sequence[RowMapping]) -> list[Listing]:
        ids = [row["id"] for row in rows]
        codes: dict[int, list[Code]] = {i: [] for i in ids}
        sectors: dict[int, list[str]] = {i: [] for i in ids}
        if ids:
            for row in self.connection.execute(
                sa.select(listing_codes).where(listing_codes.c.listing_id.in_(ids))
            ).mappings():
                codes[row["listing_id"]].append(Code(CodeScheme(row["scheme"]), row["code"]))
            for row in self.connection.execute(
                sa.select(listing_sectors).where(listing_sectors.c.listing_id.in_(ids))
            ).mappings():
                sectors[row["listing_id"]].append(row["sector"])
        return [_to_domain(row, codes[row["id"]], sorted(sectors[row["id"]])) for row in rows]

    def get(self, *, ref: str | None = None, id: int | None = None) -> Listing | None:
        condition = listings.c.ref == ref if ref is not None else listings.c.id == id
        row = self.connection.execute(_SELECT.where(condition)).mappings().first()
        return self._hydrate([row])[0] if row else None

    def by_refs(self, refs: Sequence[str], chunk: int = 500) -> dict[str, tuple[Listing, int]]:
        """The stored listings among `refs`, each with its organisation id (a few queries)."""
        found: dict[str, tuple[Listing, int]] = {}
        for start in range(0, len(refs), chunk):
            query = _SELECT.where(listings.c.ref.in_(refs[start : start + chunk]))
            rows = list(self.connection.execute(query).mappings())
            for row, listing in zip(rows, self._hydrate(rows), strict=True):
                found[listing.ref] = (listing, row["organization_id"])
        return found

    def add_many(self, items: Sequence[tuple[Listing, int]]) -> None:
        """Insert new listings (with their codes and sectors) in a few multi-row statements."""
        if not items:
            return
        now = utc_now()
        rows = [
            {**_columns(listing, organization_id), "created_at": now, "updated_at": now}
            for listing, organization_id in items
        ]
        inserted = self.connection.execute(
            listings.insert().returning(
                listings.c.id, listings.c.ref, sort_by_parameter_order=True
            ),
            rows,
        )
        ids = {ref: id_ for id_, ref in inserted}
        codes = [
            {"listing_id": ids[listing.ref], "scheme": c.scheme.value, "code": c.value}
            for listing, _ in items
            for c in listing.codes
        ]
        sectors = [
            {"listing_id": ids[listing.ref], "sector": s}
            for listing, _ in items
            for s in listing.sectors
        ]
        if codes:
            self.connection.execute(listing_codes.insert(), codes)
        if sectors:
            self.connection.execute(listing_sectors.insert(), sectors)

    def refs_of_organization(self, organization_id: int) -> list[str]:
        query = sa.select(listings.c.ref).where(listings.c.organization_id == organization_id)
        return list(self.connection.execute(query).scalars())

    def organization_id(self, listing_id: int) -> int:
        query = sa.select(listings.c.organization_id).where(listings.c.id == listing_id)
        return int(self.connection.execute(query).scalar_one())

    def _write_children(self, listing_id: int, listing: Listing) -> None:
        self.connection.execute(
            listing_codes.delete().where(listing_codes.c.listing_id == listing_id)
        )
        self.connection.execute(
            listing_sectors.delete().where(listing_sectors.c.listing_id == listing_id)
        )
        if listing.codes:
            self.connection.execute(
                listing_codes.insert(),
                [
                    {"listing_id": listing_id, "scheme": c.scheme.value, "code": c.value}
                    for c in listing.codes
                ],
            )
        if listing.sectors:
            self.connection.execute(
                listing_sectors.insert(),
                [{"listing_id": listing_id, "sector": s} for s in listing.sectors],
            )

    def add(self, listing: Listing, organization_id: int) -> Listing:
        now = utc_now()
        result = self.connection.execute(
            listings.insert().values(
                **_columns(listing, organization_id), created_at=now, updated_at=now
            )
        )
        (new_id,) = result.inserted_primary_key or (None,)
        assert isinstance(new_id, int)
        self._write_children(new_id, listing)
        return self._hydrate_one(new_id)

    def replace(
        self,
        listing_id: int,
        listing: Listing,
        organization_id: int,
        expected_version: int | None = None,
    ) -> Listing | None:
        """Store `listing` over row `listing_id` and bump its version. With
        `expected_version`, only if the row is still at that version (checked by the UPDATE
        itself, atomically): None when a concurrent change got there first."""
        condition = listings.c.id == listing_id
        if expected_version is not None:
            condition = sa.and_(condition, listings.c.version == expected_version)
        result = self.connection.execute(
            listings.update()
            .where(condition)
            .values(
                **_columns(listing, organization_id),
                updated_at=utc_now(),
                version=listings.c.version + 1,
            )
        )
        if result.rowcount != 1:
            return None
        self._write_children(listing_id, listing)
        return self._hydrate_one(listing_id)

    def _hydrate_one(self, listing_id: int) -> Listing:
        found = self.get(id=listing_id)
        assert found is not None
        return found

    def page(
        self,
        filters: ListingFilter,
        after_id: int,
        limit: int,
        visible_org_ids: frozenset[int] | None = None,
    ) -> Page[Listing]:
        """A page of listings; unpublished ones only of `visible_org_ids` (None: all)."""
        query = _filtered(_SELECT, filters, visible_org_ids)
        rows, more = fetch_after(self.connection, query, listings.c.id, after_id, limit)
        return Page(self._hydrate(rows), encode_cursor(rows[-1]["id"]) if more else None)

    def iterate(self) -> Iterator[Listing]:
        for rows in iterate_batches(self.connection, _SELECT, listings.c.id):
            yield from self._hydrate(rows)

    def count(self) -> int:
        query = sa.select(sa.func.count()).select_from(listings)
        return int(self.connection.execute(query).scalar_one())
