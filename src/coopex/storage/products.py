"""Products kept for localization, and their assessments' history."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from coopex.domain.localization_products import AssessmentEntry, StoredProduct
from coopex.domain.paging import Page, encode_cursor
from coopex.storage.database import as_utc, utc_now
from coopex.storage.keyset import fetch_after
from coopex.storage.tables import organizations, product_assessments, products

_PRODUCTS = sa.select(products, organizations.c.ref.label("org_ref")).join(
    organizations, organizations.c.id == products.c.organization_id
)


def _product(row: RowMapping) -> StoredProduct:
    return StoredProduct(
        ref=row["ref"],
        org_ref=row["org_ref"],
        name=row["name"],
        okpd2=row["okpd2"],
        regime=row["regime"],
        category=row["category"],
        record=row["record"],
        plan=row["plan"],
        created_by=row["created_by"],
        created_at=as_utc(row["created_at"]),
        id=row["id"],
    )


def _entry(row: RowMapping, product_ref: str) -> AssessmentEntry:
    return AssessmentEntry(
        product_ref=product_ref,
        on=row["on_date"],
        territory=row["territory"],
        score=row["score"],
        maximum=row["maximum"],
        threshold=row["threshold"],
        eligible=row["eligible"],
        result=row["result"],
        assessed_by=row["assessed_by"],
        assessed_at=as_utc(row["assessed_at"]),
        id=row["id"],
    )


class ProductRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def add(self, product: StoredProduct, organization_id: int) -> StoredProduct:
        now = utc_now()
        self.connection.execute(
            sa.insert(products).values(
                ref=product.ref,
                organization_id=organization_id,
                name=product.name,
                okpd2=product.okpd2,
                regime=product.regime,
                category=product.category,
                record=dict(product.record),
                plan=None if product.plan is None else dict(product.plan),
                created_by=product.created_by,
                created_at=now,
                updated_at=now,
            )
        )
        stored = self.get(product.ref)
        assert stored is not None
        return stored

    def get(self, ref: str) -> StoredProduct | None:
        row = self.connection.execute(_PRODUCTS.where(products.c.ref == ref)).mappings().first()
        return None if row is None else _product(row)

    def page(self, organization_id: int, after_id: int, limit: int) -> Page[StoredProduct]:
        query: sa.Select[Any] = _PRODUCTS.where(products.c.organization_id == organization_id)
        rows, more = fetch_after(self.connection, query, products.c.id, after_id, limit)
        items = [_product(row) for row in rows]
        return Page(items, encode_cursor(rows[-1]["id"]) if more and rows else None)

    def add_assessment(self, product_id: int, entry: AssessmentEntry) -> AssessmentEntry:
        new_id = self.connection.execute(
            sa.insert(product_assessments)
            .values(
                product_id=product_id,
                on_date=entry.on,
                territory=entry.territory,
                score=entry.score,
                maximum=entry.maximum,
                threshold=entry.threshold,
                eligible=entry.eligible,
                result=dict(entry.result),
                assessed_by=entry.assessed_by,
                assessed_at=utc_now(),
            )
            .returning(product_assessments.c.id)
        ).scalar_one()
        row = (
            self.connection.execute(
                sa.select(product_assessments).where(product_assessments.c.id == new_id)
            )
            .mappings()
            .one()
        )
        return _entry(row, entry.product_ref)

    def history(
        self, product_id: int, product_ref: str, after_id: int, limit: int
    ) -> Page[AssessmentEntry]:
        query: sa.Select[Any] = sa.select(product_assessments).where(
            product_assessments.c.product_id == product_id
        )
        rows, more = fetch_after(self.connection, query, product_assessments.c.id, after_id, limit)
        items = [_entry(row, product_ref) for row in rows]
        return Page(items, encode_cursor(rows[-1]["id"]) if more and rows else None)
