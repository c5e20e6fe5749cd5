"""Organisation rows <-> `Organization` domain objects."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from coopex.domain.codes import Code, CodeScheme
from coopex.domain.organizations import (
    Contact,
    ContactsVisibility,
    Organization,
    OrgKind,
    Provenance,
    organization_record,
)
from coopex.domain.paging import Page, encode_cursor
from coopex.domain.queries import OrganizationFilter
from coopex.storage.database import utc_now
from coopex.storage.keyset import fetch_after, iterate_batches
from coopex.storage.tables import organization_codes, organizations


def _search_text(org: Organization) -> str:
    return "\n".join([org.name, *org.aliases]).casefold()


def _columns(org: Organization) -> dict[str, Any]:
    columns = organization_record(org)
    del columns["activity_codes"]  # kept in organization_codes
    return {**columns, "search_text": _search_text(org)}


def _to_domain(row: RowMapping, codes: Sequence[Code]) -> Organization:
    return Organization(
        id=row["id"],
        ref=row["ref"],
        name=row["name"],
        kind=OrgKind(row["kind"]),
        country=row["country"],
        region=row["region"],
        activity_codes=tuple(sorted(codes)),
        aliases=tuple(row["aliases"]),
        website=row["website"],
        description=row["description"],
        contacts=tuple(Contact(**c) for c in row["contacts"]),
        provenance=Provenance(row["provenance"]),
        source=row["source"],
        contacts_visibility=ContactsVisibility(row["contacts_visibility"]),
        version=row["version"],
    )


class OrganizationRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def _codes_by_org(self, ids: Sequence[int]) -> dict[int, list[Code]]:
        result: dict[int, list[Code]] = {i: [] for i in ids}
        if not ids:
            return result
        query = sa.select(organization_codes).where(organization_codes.c.organization_id.in_(ids))
        for row in self.connection.execute(query).mappings():
            result[row["organization_id"]].append(Code(CodeScheme(row["scheme"]), row["code"]))
        return result

    def _hydrate(self, rows: Sequence[RowMapping]) -> list[Organization]:
        codes = self._codes_by_org([row["id"] for row in rows])
        return [_to_domain(row, codes[row["id"]]) for row in rows]

    def get(self, *, ref: str | None = None, id: int | None = None) -> Organization | None:
        query = sa.select(organizations)
        query = query.where(
            organizations.c.ref == ref if ref is not None else organizations.c.id == id
        )
        row = self.connection.execute(query).mappings().first()
        return self._hydrate([row])[0] if row else None

    def ids_by_ref(self, refs: Sequence[str]) -> dict[str, int]:
        if not refs:
            return {}
        query = sa.select(organizations.c.ref, organizations.c.id).where(
            organizations.c.ref.in_(refs)
        )
        return {row.ref: row.id for row in self.connection.execute(query)}

    def ids_in_regions(self, regions: frozenset[str]) -> frozenset[int]:
        if not regions:
            return frozenset()
        query = sa.select(organizations.c.id).where(organizations.c.region.in_(regions))
        return frozenset(self.connection.execute(query).scalars())

    def countries_by_ref(self, refs: Sequence[str]) -> dict[str, str]:
        if not refs:
            return {}
        query = sa.select(organizations.c.ref, organizations.c.country).where(
            organizations.c.ref.in_(refs)
        )
        return {row.ref: row.country for row in self.connection.execute(query)}

    def names_by_ref(self, refs: Sequence[str]) -> dict[str, str]:
        if not refs:
            return {}
        query = sa.select(organizations.c.ref, organizations.c.name).where(
            organizations.c.ref.in_(refs)
        )
        return {row.ref: row.name for row in self.connection.execute(query)}

    def _write_codes(self, organization_id: int, codes: Sequence[Code]) -> None:
        self.connection.execute(
            organization_codes.delete().where(
                organization_codes.c.organization_id == organization_id
            )
        )
        if codes:
            self.connection.execute(
                organization_codes.insert(),
                [
                    {"organization_id": organization_id, "scheme": c.scheme.value, "code": c.value}
                    for c in codes
                ],
            )

    def add(self, org: Organization) -> Organization:
        now = utc_now()
        result = self.connection.execute(
            organizations.insert().values(**_columns(org), created_at=now, updated_at=now)
        )
        (new_id,) = result.inserted_primary_key or (None,)
        assert isinstance(new_id, int)
        self._write_codes(new_id, org.activity_codes)
        return self._hydrate_one(new_id)

    def replace(
        self, organization_id: int, org: Organization, expected_version: int | None = None
    ) -> Organization | None:
        """Store `org` over row `organization_id` and bump its version; with
        `expected_version`, only if still at it (None when a concurrent change won)."""
        condition = organizations.c.id == organization_id
        if expected_version is not None:
            condition = sa.and_(condition, organizations.c.version == expected_version)
        result = self.connection.execute(
            organizations.update()
            .where(condition)
            .values(**_columns(org), updated_at=utc_now(), version=organizations.c.version + 1)
        )
        if result.rowcount != 1:
            return None
        self._write_codes(organization_id, org.activity_codes)
        return self._hydrate_one(organization_id)

    def _hydrate_one(self, organization_id: int) -> Organization:
        found = self.get(id=organization_id)
        assert found is not None
        return found

    def page(self, filters: OrganizationFilter, after_id: int, limit: int) -> Page[Organization]:
        query = sa.select(organizations)
        if filters.kind is not None:
            query = query.where(organizations.c.kind == filters.kind.value)
        if filters.country is not None:
            query = query.where(organizations.c.country == filters.country)
        if filters.region is not None:
            query = query.where(organizations.c.region == filters.region)
        if filters.text:
            query = query.where(
                organizations.c.search_text.contains(filters.text.casefold(), autoescape=True)
            )
        rows, more = fetch_after(self.connection, query, organizations.c.id, after_id, limit)
        items = self._hydrate(rows)
        return Page(items, encode_cursor(rows[-1]["id"]) if more else None)

    def iterate(self) -> Iterator[Organization]:
        for rows in iterate_batches(self.connection, sa.select(organizations), organizations.c.id):
            yield from self._hydrate(rows)

    def count(self) -> int:
        query = sa.select(sa.func.count()).select_from(organizations)
        return int(self.connection.execute(query).scalar_one())

    def count_with_source(self, sources: Sequence[str]) -> int:
        """How many organisations came from these sources (e.g. `news:<page>`)."""
        if not sources:
            return 0
        query = (
            sa.select(sa.func.count())
            .select_from(organizations)
            .where(organizations.c.source.in_(list(sources)))
        )
        return int(self.connection.execute(query).scalar_one())

    def names(self) -> Iterator[tuple[int, str, list[str]]]:
        """(id, name, aliases) of every organisation, for recognising names in the news."""
        query = sa.select(organizations.c.id, organizations.c.name, organizations.c.aliases)
        for rows in iterate_batches(self.connection, query, organizations.c.id, 5000):
            for row in rows:
                yield row["id"], row["name"], list(row["aliases"])

    def refs_by_id(self, ids: Sequence[int]) -> dict[int, str]:
        if not ids:
            return {}
        rows = self.connection.execute(
            sa.select(organizations.c.id, organizations.c.ref).where(organizations.c.id.in_(ids))
        )
        return {row.id: row.ref for row in rows}
