"""The two parties of a lead or a project: organisations joined by id, read back as refs."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from coopex.storage.tables import organizations

_initiator = organizations.alias("initiator_org")
_counterpart = organizations.alias("counterpart_org")


def with_party_refs(query: sa.Select[Any], table: sa.Table) -> sa.Select[Any]:
    """`query` over `table` plus `initiator_ref` and `counterpart_ref` (null when unlinked)."""
    return (
        query.add_columns(
            _initiator.c.ref.label("initiator_ref"), _counterpart.c.ref.label("counterpart_ref")
        )
        .outerjoin(_initiator, _initiator.c.id == table.c.initiator_org_id)
        .outerjoin(_counterpart, _counterpart.c.id == table.c.counterpart_org_id)
    )


def either_party_is(ref: str) -> sa.ColumnElement[bool]:
    """For a query made by `with_party_refs`: one of the two parties is organisation `ref`."""
    return sa.or_(_initiator.c.ref == ref, _counterpart.c.ref == ref)
