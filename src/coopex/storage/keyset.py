"""Keyset pagination over an ascending integer id, shared by the repositories."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

Row = RowMapping


def fetch_after(
    connection: Connection,
    query: sa.Select[Any],
    id_column: sa.ColumnElement[int],
    after_id: int,
    limit: int,
) -> tuple[Sequence[Row], bool]:
    """Up to `limit` rows with id > `after_id`, and whether more follow."""
    rows = list(
        connection.execute(
            query.where(id_column > after_id).order_by(id_column).limit(limit + 1)
        ).mappings()
    )
    return rows[:limit], len(rows) > limit


def iterate_batches(
    connection: Connection,
    query: sa.Select[Any],
    id_column: sa.ColumnElement[int],
    batch: int = 500,
) -> Iterator[Sequence[Row]]:
    """Every row of `query` in id order, `batch` at a time, without holding a cursor open."""
    after = 0
    while True:
        rows, more = fetch_after(connection, query, id_column, after, batch)
        if rows:
            yield rows
        if not more:
            return
        after = rows[-1]["id"]
