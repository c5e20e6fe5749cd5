"""Who hears about committed listing changes (the match index does), in this process and in
every other process on the same database.

Two paths, both after commit:
- in this process, `ListingChanges.publish` calls the subscribers at once;
- every change is also written to the database's change feed (`record`, inside the changing
  transaction), and `ChangeFeedReader.poll` returns what other processes (a second server,
  the CLI importing a file) committed since the last poll. Applying a change twice is
  harmless: the match index re-reads the listing and skips it when nothing differs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import timedelta

from sqlalchemy.engine import Connection

from coopex.storage.changes import ChangeFeedRepository
from coopex.storage.database import Database, utc_now

Subscriber = Callable[[Sequence[str]], None]

# A feed id missing when read is waited for this long (a transaction that took its id before
# a later one committed first); after that the id was a rollback and is forgotten.
GAP_PATIENCE_SECONDS = 60.0
MAX_GAPS = 10_000
FEED_KEPT = timedelta(days=1)  # entries older than this, read by every follower, are pruned


def record(connection: Connection, refs: Iterable[str]) -> None:
    """Put listing refs on the committed change feed, in the changing transaction."""
    ChangeFeedRepository(connection).record(refs)


class ListingChanges:
    """Publish refs of listings whose stored state changed, after the transaction commits."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.append(subscriber)

    def publish(self, refs: Sequence[str]) -> None:
        if refs:
            for subscriber in self._subscribers:
                subscriber(refs)


class ChangeFeedReader:
    """Reads the change feed from where it last stopped, at most every `interval` seconds."""

    def __init__(self, database: Database, interval: float = 0.5) -> None:
        self.database = database
        self.interval = interval
        self._after = 0
        self._gaps: dict[int, float] = {}  # missing id -> when first missed (monotonic)
        self._last_poll = float("-inf")
        self._lock = threading.Lock()

    def start_at_end(self) -> None:
        """Skip what is already on the feed (the caller just read the current state)."""
        with self.database.transaction() as connection:
            self.start_at(ChangeFeedRepository(connection).last_id())

    def start_at(self, position: int) -> None:
        """Read what comes after feed id `position` (where a follower stopped before)."""
        with self._lock:
            self._after = position
            self._gaps.clear()

    @property
    def position(self) -> int:
        """The last feed id read."""
        return self._after

    def prune(self) -> int:
        with self.database.transaction() as connection:
            return ChangeFeedRepository(connection).prune(utc_now() - FEED_KEPT)

    def poll(self, force: bool = False) -> list[str]:
        """Refs changed since the last poll (empty when polled less than `interval` ago)."""
        with self._lock:
            now = time.monotonic()
            if not force and now - self._last_poll < self.interval:
                return []
            self._last_poll = now
            refs: list[str] = []
            while True:
                with self.database.transaction() as connection:
                    rows = ChangeFeedRepository(connection).read(
                        self._after, sorted(self._gaps)[:1000], 5000
                    )
                for feed_id, ref in rows:
                    refs.append(ref)
                    self._gaps.pop(feed_id, None)
                    if feed_id > self._after:
                        if feed_id - self._after - 1 <= MAX_GAPS:
                            for missing in range(self._after + 1, feed_id):
                                self._gaps.setdefault(missing, now)
                        self._after = feed_id
                if len(rows) < 5000:
                    break
            self._gaps = {
                i: seen for i, seen in self._gaps.items() if now - seen < GAP_PATIENCE_SECONDS
            }
            return list(dict.fromkeys(refs))
