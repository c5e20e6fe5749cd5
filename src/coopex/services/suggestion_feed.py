"""Suggestions that follow the listings: a listing created, changed, unpublished or closed
anywhere (this server, another one, the CLI) has its suggestions recomputed within a second
or two, without a full refresh.

The follower reads the committed listing change feed (services/changes.py) from where it
last stopped, a position kept in the database (`feed_positions`), so that what changed while
no server ran is caught up at the next start. A change made in this process wakes it at once;
others' are looked for every `WAIT_SECONDS`. Recomputing is idempotent, so two servers that
both follow the feed agree (and a change seen twice costs only time).

The follower also prunes the feed, every `PRUNE_EVERY_SECONDS`: entries older than a day that
every follower has read (services/changes.py).

What it recomputes is the changed listings' own suggestions (the listings among their best
matches are searched again to confirm). How a change moves a third listing down someone
else's ranking is left to the admins' full refresh.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence

from coopex.services.changes import ChangeFeedReader
from coopex.services.suggestions import RefreshReport, SuggestionService
from coopex.storage.changes import ChangeFeedRepository
from coopex.storage.database import Database

log = logging.getLogger(__name__)

FOLLOWER = "suggestions"  # its name in feed_positions
WAIT_SECONDS = 1.0  # how often other processes' changes are looked for
SETTLE_SECONDS = 0.3  # after a change here, how long to let more arrive before recomputing
PRUNE_EVERY_SECONDS = 3600.0


class SuggestionFeed:
    def __init__(self, database: Database, suggestions: SuggestionService) -> None:
        self.database = database
        self.suggestions = suggestions
        self.feed = ChangeFeedReader(database, interval=0.0)
        self._resumed = False
        self._pending: list[str] = []  # read from the feed, not recomputed yet (a failure)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def resume(self) -> None:
        """Continue where the follower stopped; the first time ever, from now on (the stored
        suggestions are what the last full refresh left)."""
        with self.database.transaction() as connection:
            position = ChangeFeedRepository(connection).position(FOLLOWER)
        if position is None:
            self.feed.start_at_end()
            self._save()
        else:
            self.feed.start_at(position)
        self._resumed = True

    def step(self) -> RefreshReport | None:
        """Recompute the suggestions of the listings changed since the last step (None when
        none did), and remember how far the feed was read."""
        if not self._resumed:
            self.resume()
        refs = list(dict.fromkeys([*self._pending, *self.feed.poll(force=True)]))
        if not refs:
            return None
        self._pending = refs
        report = self.suggestions.follow(refs)
        self._pending = []
        self._save()
        return report

    def changed(self, _refs: Sequence[str]) -> None:
        """A listing changed in this process (the registry's subscribers hear it first)."""
        self._wake.set()

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(
                target=self._follow, name="suggestion-feed", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            self._stop.set()
            self._wake.set()
            thread.join(timeout=10)

    def _follow(self) -> None:
        pruned_at = float("-inf")
        while not self._stop.is_set():
            if self._wake.wait(WAIT_SECONDS):
                self._stop.wait(SETTLE_SECONDS)
                self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self.step()
                if time.monotonic() - pruned_at >= PRUNE_EVERY_SECONDS:
                    pruned_at = time.monotonic()
                    self.feed.prune()
            except Exception:  # a busy database, a clash with another server: next time
                log.warning("updating suggestions from the change feed failed", exc_info=True)

    def _save(self) -> None:
        with self.database.transaction() as connection:
            ChangeFeedRepository(connection).save_position(FOLLOWER, self.feed.position)
