"""The hybrid matcher: candidates from the vector and lexical indexes, fused and explained."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from coopex.domain.codes import Code
from coopex.domain.geography import UNIONS, proximity
from coopex.domain.listings import Listing, ListingStatus
from coopex.domain.matching import (
    Explanation,
    Match,
    MatchWeights,
    Signals,
    TermMatch,
    fuse,
)
from coopex.domain.queries import MatchFilter
from coopex.engines.matching.glossary import Glossary
from coopex.engines.matching.lexical import LexicalIndex
from coopex.engines.matching.ports import Analyzer, Embedder, NearestNeighbours, Vectors
from coopex.engines.matching.signals import code_overlap, sector_overlap
from coopex.engines.matching.vectors import VectorIndex

EMBEDDED_DESCRIPTION = 400  # characters of the description that go into the embedding


@dataclass(frozen=True, slots=True)
class IndexedListing:
    """A listing as the matcher sees it: with its owner's country."""

    listing: Listing
    country: str

    @property
    def id(self) -> int:
        assert self.listing.id is not None
        return self.listing.id


@dataclass(frozen=True, slots=True)
class MatchQuery:
    """What to match: a listing's content, or free text with optional codes and sectors."""

    text: str
    codes: tuple[Code, ...] = ()
    sectors: tuple[str, ...] = ()
    country: str | None = None
    region: str | None = None
    exclude_ids: frozenset[int] = field(default_factory=frozenset)
    exclude_org: str | None = None
    listing_id: int | None = None  # when the query is an indexed listing: reuse its embedding

    @classmethod
    def of(cls, item: IndexedListing) -> MatchQuery:
        listing = item.listing
        return cls(
            text=f"{listing.title}\n{listing.description}",
            codes=listing.codes,
            sectors=listing.sectors,
            country=item.country,
            region=listing.region,
            exclude_ids=frozenset({item.id}),
            exclude_org=listing.org_ref,
            listing_id=item.id,
        )


def embedding_text(listing: Listing) -> str:
    return f"{listing.title}. {listing.description[:EMBEDDED_DESCRIPTION]}"


def _passes(item: IndexedListing, query: MatchQuery, filters: MatchFilter) -> bool:
    listing = item.listing
    if listing.status is not ListingStatus.PUBLISHED or item.id in query.exclude_ids:
        return False
    if query.exclude_org is not None and listing.org_ref == query.exclude_org:
        return False
    checks = (
        filters.kind is None or listing.kind is filters.kind,
        filters.country is None or item.country == filters.country,
        filters.region is None or listing.region == filters.region,
        filters.union is None or item.country in UNIONS.get(filters.union, ()),
        filters.sector is None or filters.sector in listing.sectors,
        filters.code_prefix is None
        or any(
            c.scheme is filters.code_prefix.scheme and c.starts_with(filters.code_prefix.value)
            for c in listing.codes
        ),
        filters.open_on is None or listing.is_open_on(filters.open_on),
    )
    return all(checks)


class MatchEngine:
    """Holds the indexes in memory; `add`/`remove` keep them current without a rebuild.

    Candidates are the `pool` best of each retriever (semantic: HNSW past `ann_threshold`
    listings, exact below; lexical: BM25), widened while too few pass the filters; every
    candidate is then re-scored exactly on all signals and the best `limit` returned.
    """

    def __init__(
        self,
        embedder: Embedder,
        analyzer: Analyzer,
        glossary: Glossary,
        weights: MatchWeights | None = None,
        pool: int = 200,
        ann: NearestNeighbours | None = None,
        ann_threshold: int = 50_000,
    ) -> None:
        self.embedder = embedder
        self.analyzer = analyzer
        self.glossary = glossary
        self.weights = weights or MatchWeights()
        self.pool = pool
        self.ann = ann
        self.ann_threshold = ann_threshold
        self.lexical = LexicalIndex()
        self.vectors = VectorIndex(embedder.dimension)
        self._items: dict[int, IndexedListing] = {}

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, listing_id: object) -> bool:
        return listing_id in self._items

    def get(self, listing_id: int) -> IndexedListing | None:
        return self._items.get(listing_id)

    def ids(self) -> list[int]:
        return list(self._items)

    def items(self) -> list[IndexedListing]:
        return list(self._items.values())

    def add(
        self, items: Sequence[IndexedListing], vectors: Vectors | None = None, with_ann: bool = True
    ) -> None:
        """Index (or re-index) listings; embeds them unless `vectors` are given.
        `with_ann=False` leaves the neighbour graph alone (it was loaded with them)."""
        if not items:
            return
        if vectors is None:
            vectors = self.embedder.embed([embedding_text(i.listing) for i in items])
        ids = [i.id for i in items]
        self.vectors.upsert(ids, vectors)
        if self.ann is not None and with_ann:
            self.ann.upsert(ids, vectors)
        self.lexical.add_many(
            [
                (i.id, self.analyzer.terms(f"{i.listing.title}\n{i.listing.description}"))
                for i in items
            ]
        )
        for item in items:
            self._items[item.id] = item

    def remove(self, listing_id: int) -> None:
        self._items.pop(listing_id, None)
        self.lexical.remove(listing_id)
        self.vectors.remove(listing_id)
        if self.ann is not None:
            self.ann.remove(listing_id)

    def _query_vector(self, query: MatchQuery) -> Vectors:
        """An indexed listing's stored embedding (of the same text), else a fresh one."""
        if query.listing_id is not None and query.listing_id in self._items:
            stored = self.vectors.vector(query.listing_id)
            if stored is not None:
                return stored
        fresh: Vectors = self.embedder.embed([query.text[: EMBEDDED_DESCRIPTION + 300]])[0]
        return fresh

    def _semantic_top(self, query: Vectors, k: int, exact: bool) -> list[int]:
        if not exact and self.ann is not None and len(self) >= self.ann_threshold:
            ids, _ = self.ann.top(query, k)
        else:
            ids, _ = self.vectors.top(query, k)
        return [int(i) for i in ids]

    def search(
        self, query: MatchQuery, filters: MatchFilter, limit: int = 10, exact: bool = False
    ) -> list[Match]:
        """The best `limit` matches; `exact` takes semantic candidates by brute force."""
        query_vector = self._query_vector(query)
        query_terms = self.analyzer.terms(query.text)
        lexical = self.lexical.score(self.glossary.expand(query_terms))

        candidates: list[int] = []
        k = self.pool
        while True:
            pooled = self._semantic_top(query_vector, k, exact) + lexical.top(k)[0].tolist()
            candidates = [
                i
                for i in dict.fromkeys(pooled)
                if i in self._items and _passes(self._items[i], query, filters)
            ]
            if len(candidates) >= min(limit, self.pool) or k >= len(self):
                break
            k *= 8  # selective filters: widen the pool rather than miss listings

        cosines = self.vectors.similarity_of(candidates, query_vector)
        lexical_scores = lexical.of(candidates)
        best_lexical = (
            float(lexical_scores.max()) if len(candidates) and lexical_scores.max() > 0 else 1.0
        )
        scored = []
        for doc_id, cosine, bm25 in zip(
            candidates, cosines.tolist(), lexical_scores.tolist(), strict=True
        ):
            item = self._items[doc_id]
            signals = self._signals(item, query, cosine, bm25 / best_lexical)
            scored.append((fuse(signals, self.weights), doc_id, signals, cosine))
        scored.sort(key=lambda entry: (-entry[0], entry[1]))
        # Explanations only for what is returned: they are the costly part per candidate.
        sources = self._term_sources(query_terms)
        return [
            Match(
                self._items[doc_id].listing,
                score,
                signals,
                self._explain(doc_id, query, sources, cosine),
            )
            for score, doc_id, signals, cosine in scored[:limit]
        ]

    def _signals(
        self, item: IndexedListing, query: MatchQuery, cosine: float, lexical: float
    ) -> Signals:
        listing = item.listing
        codes, _ = code_overlap(query.codes, listing.codes)
        sectors, _ = sector_overlap(query.sectors, listing.sectors)
        geography = 0.0
        if query.country is not None:
            geography = self.weights.proximity_value(
                proximity(query.country, query.region, item.country, listing.region)
            )
        return Signals(max(cosine, 0.0), lexical, codes, sectors, geography)

    def _explain(
        self, doc_id: int, query: MatchQuery, sources: dict[str, str], cosine: float
    ) -> Explanation:
        item = self._items[doc_id]
        listing = item.listing
        matched = [TermMatch(sources[t], t) for t in self.lexical.terms_of(doc_id) if t in sources]
        matched.sort(key=lambda m: -self.lexical.idf(m.listing_term))  # rarer terms say more
        where = None
        if query.country is not None:
            where = proximity(query.country, query.region, item.country, listing.region)
        return Explanation(
            semantic_similarity=round(cosine, 4),
            matched_terms=tuple(matched),
            shared_codes=code_overlap(query.codes, listing.codes)[1],
            shared_sectors=sector_overlap(query.sectors, listing.sectors)[1],
            proximity=where,
        )

    def _term_sources(self, query_terms: list[str]) -> dict[str, str]:
        """Each term a listing may contain -> the query term that brought it in."""
        sources: dict[str, str] = {}
        for term in dict.fromkeys(query_terms):
            sources.setdefault(term, term)
        for term in dict.fromkeys(query_terms):
            for translation in self.glossary.translations(term):
                sources.setdefault(translation, term)
        return sources
