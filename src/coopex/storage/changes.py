"""The committed listing change feed: one row per changed listing ref, written in the
changing transaction, read by every process that keeps a match index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopex.storage.database import utc_now
from coopex.storage.tables import feed_positions, listing_changes


class ChangeFeedRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def record(self, refs: Iterable[str]) -> None:
        now = utc_now()
        rows = [{"ref": ref, "changed_at": now} for ref in dict.fromkeys(refs)]
        if rows:
            self.connection.execute(listing_changes.insert(), rows)

    def last_id(self) -> int:
        found = self.connection.execute(sa.select(sa.func.max(listing_changes.c.id))).scalar()
        return int(found or 0)

    def read(self, after_id: int, gaps: Sequence[int], limit: int) -> list[tuple[int, str]]:
        """(id, ref) of entries after `after_id`, and of the `gaps` ids below it that were
        missing when last read (a transaction that took its id earlier but committed later)."""
        condition = listing_changes.c.id > after_id
        if gaps:
            condition = sa.or_(condition, listing_changes.c.id.in_(list(gaps)))
        rows = self.connection.execute(
            sa.select(listing_changes.c.id, listing_changes.c.ref)
            .where(condition)
            .order_by(listing_changes.c.id)
            .limit(limit)
        )
        return [(int(row.id), str(row.ref)) for row in rows]

    def prune(self, before: datetime) -> int:
        """Forget entries older than `before` that every follower in `feed_positions` has
        read (a follower that resumes after a stop must still find what it missed); with no
        follower on record, age alone decides. The number of entries forgotten."""
        slowest = sa.select(sa.func.min(feed_positions.c.position)).scalar_subquery()
        result = self.connection.execute(
            listing_changes.delete().where(
                listing_changes.c.changed_at < before,
                listing_changes.c.id <= sa.func.coalesce(slowest, listing_changes.c.id),
            )
        )
        return int(result.rowcount or 0)

    def position(self, follower: str) -> int | None:
        """Where `follower` got to on the feed (None: it never followed it)."""
        found = self.connection.execute(
            sa.select(feed_positions.c.position).where(feed_positions.c.name == follower)
        ).scalar()
        return None if found is None else int(found)

    def save_position(self, follower: str, position: int) -> None:
        """Move `follower` on to `position`, never back (two processes may follow at once)."""
        now = utc_now()
        moved = self.connection.execute(
            feed_positions.update()
            .where(feed_positions.c.name == follower, feed_positions.c.position < position)
            .values(position=position, updated_at=now)
        )
        if not moved.rowcount and self.position(follower) is None:
            self.connection.execute(
                feed_positions.insert().values(name=follower, position=position, updated_at=now)
            )
