"""Matching use cases: partners for a listing, free-text search, and keeping the index current."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from coopex.domain.accounts import Actor
from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.listings import Listing, ListingStatus
from coopex.domain.matching import Match
from coopex.domain.queries import MatchFilter
from coopex.engines.language import detect_language
from coopex.engines.matching.ranker import (
    IndexedListing,
    MatchEngine,
    MatchQuery,
    listing_vectors,
)
from coopex.indexing.store import IndexStore
from coopex.services.changes import ChangeFeedReader
from coopex.services.registry import RegistryService
from coopex.storage.database import Database
from coopex.storage.listings import ListingRepository
from coopex.storage.organizations import OrganizationRepository

EMBED_BATCH = 32_768  # progress is reported per batch; big batches embed in parallel
MIN_QUERY_LETTERS = 2
MAX_QUERY_CHARACTERS = 2000


@dataclass(frozen=True, slots=True)
class SearchResult:
    query_language: str
    matches: list[Match]


@dataclass(frozen=True, slots=True)
class IndexReport:
    """What loading or rebuilding the index did."""

    listings: int
    reused: int  # embeddings taken from the saved index
    embedded: int  # listings (re-)embedded: new, changed, or no usable saved index
    dropped: int  # saved entries whose listing is gone or no longer published


Progress = Callable[[int, int], None]


class MatchingService:
    """Owns the match engine: built on first use from the database and the saved index (only
    listings changed since the save are re-embedded), then kept current by `listings_changed`,
    which the registry calls after each committed change. `save()` writes it back."""

    def __init__(
        self,
        database: Database,
        registry: RegistryService,
        engine_factory: Callable[[], MatchEngine],
        store: IndexStore | None = None,
        feed: ChangeFeedReader | None = None,
    ) -> None:
        self.database = database
        self.registry = registry
        self.store = store
        self.feed = feed  # changes committed by other processes (servers, the CLI)
        self._countries: dict[int, str] = {}
        self._engine_factory = engine_factory
        self._engine: MatchEngine | None = None
        self._stamps: dict[int, float] = {}
        self._dirty = False
        self._lock = threading.RLock()
        self.last_report: IndexReport | None = None

    @property
    def engine(self) -> MatchEngine:
        with self._lock:
            if self._engine is None:
                self.rebuild()
            assert self._engine is not None
            return self._engine

    def rebuild(self, full: bool = False, progress: Progress | None = None) -> IndexReport:
        """Build the engine from the database, reusing saved embeddings unless `full`."""
        with self._lock:
            engine = self._engine_factory()
            if self.feed is not None:  # what commits from now on is applied after the build
                self.feed.start_at_end()
            items = self._indexable(self._all_listings())
            stored = None if full or self.store is None else self.store.load()
            saved_rows = {} if stored is None else {int(i): row for row, i in enumerate(stored.ids)}
            vectors = np.zeros((len(items), engine.embedder.dimension), dtype=np.float32)
            stamps = {item.id: _stamp(item.listing) for item in items}
            stale: list[int] = []
            reused_positions: list[int] = []
            reused_rows: list[int] = []
            for position, item in enumerate(items):
                row = saved_rows.get(item.id)
                if stored is not None and row is not None and stored.stamps[row] == stamps[item.id]:
                    reused_positions.append(position)
                    reused_rows.append(row)
                else:
                    stale.append(position)
            if stored is not None and reused_rows:
                vectors[reused_positions] = stored.vectors[np.array(reused_rows)]
            for done in range(0, len(stale), EMBED_BATCH):
                batch = stale[done : done + EMBED_BATCH]
                vectors[batch] = listing_vectors(engine.embedder, [items[i].listing for i in batch])
                if progress is not None:
                    progress(done + len(batch), len(stale))
            gone = set(saved_rows) - set(stamps)
            graph = stored.hnsw_path if stored is not None else None
            if graph is not None and engine.ann is not None:
                engine.ann.load(graph)  # then bring the saved graph up to date
                engine.add(items, vectors, with_ann=False)
                for doc_id in gone:
                    engine.ann.remove(doc_id)
                engine.ann.upsert([items[i].id for i in stale], vectors[stale])
            else:
                engine.add(items, vectors)
            self._engine, self._stamps = engine, stamps
            self._countries = {item.id: item.country for item in items}
            self._dirty = bool(stale or gone)
            self.last_report = IndexReport(
                len(items), len(items) - len(stale), len(stale), len(gone)
            )
            return self.last_report

    def run(self, query: MatchQuery, filters: MatchFilter, limit: int) -> list[Match]:
        """One search, serialised with index updates (the engine is not safe to read while
        `listings_changed` writes to it)."""
        with self._lock:
            engine = self.engine
            self.catch_up()
            return engine.search(query, filters, limit)

    def indexed(self, fresh: bool = False) -> list[IndexedListing]:
        """The published listings the index holds; `fresh`: with every change committed
        so far, other processes' too (not only those polled in the last half second)."""
        with self._lock:
            engine = self.engine
            self.catch_up(force=fresh)
            return engine.items()

    def catch_up(self, force: bool = False) -> int:
        """Apply the changes other processes committed since the last look (at most every
        half second unless `force`); returns how many listings were looked at."""
        if self.feed is None or self._engine is None:
            return 0
        refs = self.feed.poll(force)
        self.listings_changed(refs)
        return len(refs)

    def status(self) -> dict[str, object]:
        """How the saved index compares with the database (reads only)."""
        published = {
            x.id: _stamp(x)
            for x, _ in self._all_listings()
            if x.status is ListingStatus.PUBLISHED and x.id
        }
        stored = None if self.store is None else self.store.load()
        saved = (
            {}
            if stored is None
            else dict(zip(stored.ids.tolist(), stored.stamps.tolist(), strict=True))
        )
        return {
            "folder": None if self.store is None else str(self.store.folder),
            "saved": stored is not None,
            "published_listings": len(published),
            "saved_listings": len(saved),
            "stale": sum(1 for i, stamp in published.items() if saved.get(i) != stamp),
            "orphaned": len(set(saved) - set(published)),
        }

    def save(self) -> bool:
        """Write the index to its store if it changed since loading; True when written."""
        with self._lock:
            if self.store is None or self._engine is None or not self._dirty:
                return False
            ids, vectors = self._engine.vectors.export()
            stamps = np.array([self._stamps[int(i)] for i in ids], dtype=np.float64)
            ann = self._engine.ann
            self.store.save(ids, stamps, vectors, ann.save if ann is not None else None)
            self._dirty = False
            return True

    def _all_listings(self) -> list[tuple[Listing, str]]:
        with self.database.transaction() as connection:
            countries = {o.ref: o.country for o in OrganizationRepository(connection).iterate()}
            return [(x, countries[x.org_ref]) for x in ListingRepository(connection).iterate()]

    @staticmethod
    def _indexable(rows: Sequence[tuple[Listing, str]]) -> list[IndexedListing]:
        return [
            IndexedListing(x, country) for x, country in rows if x.status is ListingStatus.PUBLISHED
        ]

    def listings_changed(self, refs: Sequence[str]) -> None:
        """Re-read these listings and update the index (no-op until the index is built).
        A listing whose stored state the index already holds is skipped, so the same change
        heard twice (in this process and from the feed) is embedded once."""
        if self._engine is None or not refs:
            return
        with self.database.transaction() as connection:
            stored = ListingRepository(connection).by_refs(list(refs))
            countries = OrganizationRepository(connection).countries_by_ref(
                sorted({x.org_ref for x, _ in stored.values()})
            )
        with self._lock:
            fresh = []
            for listing, _ in stored.values():
                assert listing.id is not None
                country = countries[listing.org_ref]
                if listing.status is ListingStatus.PUBLISHED:
                    if (
                        self._stamps.get(listing.id) == _stamp(listing)
                        and self._countries.get(listing.id) == country
                    ):
                        continue
                    fresh.append(IndexedListing(listing, country))
                    self._stamps[listing.id] = _stamp(listing)
                    self._countries[listing.id] = country
                elif listing.id in self._stamps:
                    self._engine.remove(listing.id)
                    self._stamps.pop(listing.id, None)
                    self._countries.pop(listing.id, None)
                else:
                    continue
                self._dirty = True
            self._engine.add(fresh)

    def match_listing(
        self, actor: Actor, ref: str, filters: MatchFilter, limit: int = 10
    ) -> tuple[Listing, list[Match]]:
        """Partners for listing `ref`: offers for a request, requests for an offer."""
        listing = self.registry.get_listing(actor, ref)
        org = self.registry.get_organization(listing.org_ref)
        query = MatchQuery.of(IndexedListing(listing, org.country))
        wanted = filters if filters.kind is not None else _with_kind(filters, listing)
        return listing, self.run(query, _open_today(wanted), limit)

    def search(
        self, text: str, filters: MatchFilter, limit: int = 10, language: str | None = None
    ) -> SearchResult:
        cleaned = " ".join(text.split())
        letters = sum(ch.isalnum() for ch in cleaned)
        if letters < MIN_QUERY_LETTERS:
            raise ValidationFailed(
                [
                    FieldError(
                        "q", f"needs at least {MIN_QUERY_LETTERS} letters or digits", text[:40]
                    )
                ]
            )
        if len(cleaned) > MAX_QUERY_CHARACTERS:
            raise ValidationFailed(
                [
                    FieldError(
                        "q", f"longer than {MAX_QUERY_CHARACTERS} characters", cleaned[:40] + "…"
                    )
                ]
            )
        if language is not None and language not in ("ru", "en", "zh"):
            raise ValidationFailed([FieldError("lang", "must be one of: ru, en, zh", language)])
        matches = self.run(MatchQuery(text=cleaned), _open_today(filters), limit)
        return SearchResult(language or detect_language(cleaned), matches)


def _stamp(listing: Listing) -> float:
    assert listing.updated_at is not None
    return listing.updated_at.timestamp()


def _with_kind(filters: MatchFilter, listing: Listing) -> MatchFilter:
    return replace(filters, kind=listing.kind.opposite)


def _open_today(filters: MatchFilter) -> MatchFilter:
    return filters if filters.open_on is not None else replace(filters, open_on=date.today())
