"""The hybrid matcher: candidates from the vector and lexical indexes, fused and explained."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from coopex.domain.codes import Code
from coopex.domain.geography import UNIONS, proximity
from coopex.domain.listings import Listing, ListingKind, ListingStatus
from coopex.domain.matching import (
    Explanation,
    Fusion,
    Match,
    MatchWeights,
    Signals,
    TermMatch,
)
from coopex.domain.queries import MatchFilter
from coopex.engines.language import script_of
from coopex.engines.matching.glossary import CONCEPT, Glossary
from coopex.engines.matching.lexical import LexicalIndex
from coopex.engines.matching.ports import Analyzer, Embedder, NearestNeighbours, Vectors
from coopex.engines.matching.signals import code_overlap, sector_overlap
from coopex.engines.matching.vectors import VectorIndex

EMBEDDED_DESCRIPTION = 400  # characters of the description that go into the embedding
# A listing's vector mixes the embedding of its text with that of its title alone: the title
# says what is offered, the description also where, since when and for whom.
TITLE_SHARE = 0.3
VECTOR_KIND = "title-mix-0.3"  # part of the saved index's model name: change it with the mix
# Text score (semantic and lexical only) from which a match is called strong; calibrated on
# the tuning part of the development set (docs/matching.md).
STRONG_THRESHOLD = 0.36
# Two listings of one organisation in different languages whose vectors are this close are
# translations of each other: one result, with its languages.
TRANSLATION_SIMILARITY = 0.75
# In a request that says who the buyer is before what it needs (Glossary.need_start), the
# words about the buyer count this much in the lexical signal, and the query vector mixes the
# whole text's embedding with this share of the need's own; both chosen on the tuning part of
# the development set (docs/matching.md).
CONTEXT_WEIGHT = 0.25
NEED_SHARE = 0.5

# A candidate's signals while ranking, in `Signals`' order (semantic, lexical, codes, sectors,
# geography); only the returned ones become `Signals`.
SignalValues = tuple[float, float, float, float, float]
Scored = tuple[float, int, SignalValues, float]  # (score, listing id, signals, cosine)


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
    # Read as a buyer's request (the words before its need describe the buyer): free text
    # and requests, not offers ("we make pumps for plants that need ...").
    states_need: bool = True

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
            states_need=listing.kind is ListingKind.REQUEST,
        )


def embedding_text(listing: Listing) -> str:
    return f"{listing.title}. {listing.description[:EMBEDDED_DESCRIPTION]}"


def listing_vectors(embedder: Embedder, listings: Sequence[Listing]) -> Vectors:
    """Each listing's vector: its text's embedding mixed with its title's (TITLE_SHARE)."""
    whole = embedder.embed([embedding_text(x) for x in listings])
    titles = embedder.embed([x.title for x in listings])
    mixed = (1 - TITLE_SHARE) * whole + TITLE_SHARE * titles
    norms = np.linalg.norm(mixed, axis=1, keepdims=True)
    normalised: Vectors = (mixed / np.maximum(norms, 1e-12)).astype(np.float32)
    return normalised


def _matchable(token: str, language: str) -> bool:
    """Whether a query token can occur in a listing in `language`: concepts in any, other
    terms only in the language of their script (Latin words in English listings)."""
    if token.startswith(CONCEPT):
        return True
    script = script_of(token)
    return script is None or script == language


def _admission(query: MatchQuery, filters: MatchFilter) -> Callable[[IndexedListing], bool]:
    """Whether a candidate may be returned: published, not excluded, not the querying
    organisation's, and passing every filter that is set (only those are checked)."""
    checks: list[Callable[[IndexedListing], bool]] = []
    if query.exclude_org is not None:
        org = query.exclude_org
        checks.append(lambda item: item.listing.org_ref != org)
    if filters.kind is not None:
        kind = filters.kind
        checks.append(lambda item: item.listing.kind is kind)
    if filters.country is not None:
        country = filters.country
        checks.append(lambda item: item.country == country)
    if filters.region is not None:
        region = filters.region
        checks.append(lambda item: item.listing.region == region)
    if filters.union is not None:
        members = UNIONS.get(filters.union, ())
        checks.append(lambda item: item.country in members)
    if filters.sector is not None:
        sector = filters.sector
        checks.append(lambda item: sector in item.listing.sectors)
    if filters.code_prefix is not None:
        prefix = filters.code_prefix
        checks.append(
            lambda item: any(
                c.scheme is prefix.scheme and c.starts_with(prefix.value)
                for c in item.listing.codes
            )
        )
    if filters.open_on is not None:
        day = filters.open_on
        checks.append(lambda item: item.listing.is_open_on(day))
    excluded = query.exclude_ids

    def admits(item: IndexedListing) -> bool:
        if item.listing.status is not ListingStatus.PUBLISHED or item.id in excluded:
            return False
        return all(check(item) for check in checks)

    return admits


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
        # Per listing, where each of its distinct match tokens is first written (packed
        # character offsets, `_first_places`): explanations quote the listing's own words
        # without analysing its text again at every search.
        self._places: dict[int, bytes] = {}

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
            vectors = listing_vectors(self.embedder, [i.listing for i in items])
        ids = [i.id for i in items]
        self.vectors.upsert(ids, vectors)
        if self.ann is not None and with_ann:
            self.ann.upsert(ids, vectors)
        analysed = [self._analysed(i.listing) for i in items]
        self.lexical.add_many([(i.id, a[0]) for i, a in zip(items, analysed, strict=True)])
        for item, (_, places) in zip(items, analysed, strict=True):
            self._items[item.id] = item
            self._places[item.id] = places

    def remove(self, listing_id: int) -> None:
        self._items.pop(listing_id, None)
        self._places.pop(listing_id, None)
        self.lexical.remove(listing_id)
        self.vectors.remove(listing_id)
        if self.ann is not None:
            self.ann.remove(listing_id)

    def _query_vector(self, query: MatchQuery, need: str | None) -> Vectors:
        """An indexed listing's stored embedding (of the same text), else a fresh one: of the
        text, mixed with that of the `need` part when the text says who the buyer is first."""
        if query.listing_id is not None and query.listing_id in self._items:
            stored = self.vectors.vector(query.listing_id)
            if stored is not None:
                return stored
        texts = [query.text, *([need] if need else [])]
        embedded = self.embedder.embed([t[: EMBEDDED_DESCRIPTION + 300] for t in texts])
        if len(embedded) == 1:
            whole: Vectors = embedded[0]
            return whole
        mixed = (1 - NEED_SHARE) * embedded[0] + NEED_SHARE * embedded[1]
        normalised: Vectors = (mixed / max(float(np.linalg.norm(mixed)), 1e-12)).astype(np.float32)
        return normalised

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
        query_words = self.analyzer.words(query.text)
        terms = [term for _, _, term in query_words]
        query_spans = self.glossary.spans(terms)
        need = self.glossary.need_start(terms) if query.states_need else 0
        query_vector = self._query_vector(
            query, query.text[query_words[need - 1][1] :] if need else None
        )
        token_weights = _token_weights(query_spans, need)
        lexical = self.lexical.score(token_weights)
        ceilings = self._lexical_ceilings(token_weights)

        candidates: list[int] = []
        admits = _admission(query, filters)
        items = self._items
        k = self.pool
        while True:
            pooled = self._semantic_top(query_vector, k, exact) + lexical.top(k)[0].tolist()
            candidates = [i for i in dict.fromkeys(pooled) if i in items and admits(items[i])]
            if len(candidates) >= min(limit, self.pool) or k >= len(self):
                break
            k *= 8  # selective filters: widen the pool rather than miss listings

        cosines = self.vectors.similarity_of(candidates, query_vector)
        lexical_scores = lexical.of(candidates)
        fusion = Fusion(self.weights)
        signals_of = self._signals(query)
        scored: list[Scored] = []
        for doc_id, cosine, bm25 in zip(
            candidates, cosines.tolist(), lexical_scores.tolist(), strict=True
        ):
            item = items[doc_id]
            # BM25 over the most this query could score in the listing's language: the share
            # of the query's (idf-weighted) meaning found there, not a rank among candidates.
            ceiling = ceilings.get(item.listing.language, 0.0)
            coverage = min(bm25 / ceiling, 1.0) if ceiling > 0 else 0.0
            signals = signals_of(item, cosine, coverage)
            scored.append((fusion(*signals), doc_id, signals, cosine))
        scored.sort(key=lambda entry: (-entry[0], entry[1]))
        # Explanations only for what is returned: they are the costly part per candidate.
        sources = self._written(query.text, query_words, query_spans)
        return [
            replace(
                self._with_translations(group),
                explanation=self._explain(group[0][1], query, sources, group[0][3]),
            )
            for group in self._grouped(scored, limit)
        ]

    def is_strong(self, signals: Signals) -> bool:
        """Whether the text alone (semantic and lexical) makes this a strong match."""
        weights = self.weights.semantic + self.weights.lexical
        if weights <= 0:
            return False
        text = self.weights.semantic * signals.semantic + self.weights.lexical * signals.lexical
        return text / weights >= STRONG_THRESHOLD

    def _lexical_ceilings(self, weights: dict[str, float]) -> dict[str, float]:
        """Per listing language, the BM25 a listing would score holding every query token
        that can occur in that language (each at BM25's saturation, k1 + 1)."""
        idf = {
            token: self.lexical.idf(token) * weight
            for token, weight in weights.items()
            if self.lexical.df(token)
        }
        return {
            language: (self.lexical.k1 + 1)
            * sum(value for token, value in idf.items() if _matchable(token, language))
            for language in ("ru", "en", "zh")
        }

    def _grouped(self, scored: list[Scored], limit: int) -> list[list[Scored]]:
        """The best `limit` results, each with the lower-ranked translations of its listing
        (same organisation, another language, nearly the same vector) folded into it."""
        groups: list[list[Scored]] = []
        by_org: dict[str, list[list[Scored]]] = {}
        for entry in scored:
            listing = self._items[entry[1]].listing
            home = next(
                (
                    g
                    for g in by_org.get(listing.org_ref, ())
                    if self._translates(g, listing, entry[1])
                ),
                None,
            )
            if home is not None:
                home.append(entry)
            elif len(groups) < limit:
                groups.append([entry])
                by_org.setdefault(listing.org_ref, []).append(groups[-1])
        return groups

    def _translates(self, group: list[Scored], listing: Listing, doc_id: int) -> bool:
        first = self._items[group[0][1]].listing
        if first.org_ref != listing.org_ref or first.kind is not listing.kind:
            return False
        if listing.language in {self._items[e[1]].listing.language for e in group}:
            return False
        a, b = self.vectors.vector(group[0][1]), self.vectors.vector(doc_id)
        return a is not None and b is not None and float(a @ b) >= TRANSLATION_SIMILARITY

    def _with_translations(self, group: list[Scored]) -> Match:
        score, doc_id, values, _ = group[0]
        signals = Signals(*values)
        return Match(
            self._items[doc_id].listing,
            score,
            signals,
            Explanation(0.0),
            strong=self.is_strong(signals),
            translations=tuple(self._items[e[1]].listing for e in group[1:]),
        )

    def _signals(self, query: MatchQuery) -> Callable[[IndexedListing, float, float], SignalValues]:
        """A candidate's signals for `query`, given its cosine and lexical coverage. Codes,
        sectors and places are compared once per distinct value in a search (many candidates
        share them), and not at all when the query has none (free text)."""
        codes: dict[tuple[Code, ...], float] = {}
        sectors: dict[tuple[str, ...], float] = {}
        places: dict[tuple[str, str | None], float] = {}

        def signals(item: IndexedListing, cosine: float, lexical: float) -> SignalValues:
            listing = item.listing
            code = sector = geography = 0.0
            if query.codes:
                known = codes.get(listing.codes)
                if known is None:
                    known = codes[listing.codes] = code_overlap(query.codes, listing.codes)[0]
                code = known
            if query.sectors:
                known = sectors.get(listing.sectors)
                if known is None:
                    known = sector_overlap(query.sectors, listing.sectors)[0]
                    sectors[listing.sectors] = known
                sector = known
            if query.country is not None:
                place = (item.country, listing.region)
                known = places.get(place)
                if known is None:
                    known = places[place] = self.weights.proximity_value(
                        proximity(query.country, query.region, item.country, listing.region)
                    )
                geography = known
            return (max(cosine, 0.0), lexical, code, sector, geography)

        return signals

    def _explain(
        self, doc_id: int, query: MatchQuery, sources: dict[str, str], cosine: float
    ) -> Explanation:
        item = self._items[doc_id]
        listing = item.listing
        shown = self._shown(doc_id, sources)
        shared = sorted(shown, key=lambda token: -self.lexical.idf(token))  # rarer words say more
        matched = [TermMatch(sources[token], shown[token]) for token in shared]
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

    def _analysed(self, listing: Listing) -> tuple[list[str], bytes]:
        """A listing's match tokens (for the lexical index), and where each distinct one is
        first written in its text (for explanations)."""
        text = _text(listing)
        words = self.analyzer.words(text)
        spans = self.glossary.spans([term for _, _, term in words])
        return [token for token, _, _ in spans], _first_places(text, words, spans)

    def _shown(self, doc_id: int, sources: dict[str, str]) -> dict[str, str]:
        """The listing's tokens that are among `sources` -> the listing's words that make
        them, as written, in the order they first occur (as `_written` of its text would
        give them). The tokens come from the lexical index, whose per-listing counts list
        them in order of first occurrence, the order their places were packed in."""
        text = _text(self._items[doc_id].listing)
        places = memoryview(self._places[doc_id]).cast(_offset_type(text))
        tokens = self.lexical.terms_of(doc_id)
        assert len(places) == 2 * len(tokens)
        return {
            token: _as_written(text[places[2 * n] : places[2 * n + 1]])
            for n, token in enumerate(tokens)
            if token in sources
        }

    def _written(
        self,
        text: str,
        words: list[tuple[int, int, str]],
        spans: list[tuple[str, int, int]] | None = None,
    ) -> dict[str, str]:
        """Each match token of `text` -> the words that make it, as written (first seen)."""
        if spans is None:
            spans = self.glossary.spans([term for _, _, term in words])
        shown: dict[str, str] = {}
        for token, first, end in spans:
            if token not in shown:
                shown[token] = _as_written(text[words[first][0] : words[end - 1][1]])
        return shown


def _as_written(fragment: str) -> str:
    """Words of a text as an explanation shows them: spaces collapsed, lower case unless
    written all in capitals (IGBT)."""
    written = " ".join(fragment.split())
    return written if written.isupper() else written.lower()


def _offset_type(text: str) -> Literal["H", "I"]:
    """The array type of character offsets into `text`: two bytes while they fit."""
    return "H" if len(text) < 1 << 16 else "I"


def _first_places(
    text: str, words: list[tuple[int, int, str]], spans: list[tuple[str, int, int]]
) -> bytes:
    """(start, end) character offsets of the first occurrence of each distinct match token,
    in order of first occurrence, packed (2-4 bytes an offset: a million listings hold a
    few hundred megabytes less than as tuples)."""
    seen: set[str] = set()
    offsets = array(_offset_type(text))
    for token, first, end in spans:
        if token not in seen:
            seen.add(token)
            offsets.extend((words[first][0], words[end - 1][1]))
    return offsets.tobytes()


def _token_weights(spans: list[tuple[str, int, int]], need_start: int) -> dict[str, float]:
    """Each query token's lexical weight: 1 in the need, CONTEXT_WEIGHT when it only
    describes the buyer (before `need_start`)."""
    weights: dict[str, float] = {}
    for token, first, _ in spans:
        weight = 1.0 if first >= need_start else CONTEXT_WEIGHT
        weights[token] = max(weights.get(token, 0.0), weight)
    return weights


def _text(listing: Listing) -> str:
    return f"{listing.title}\n{listing.description}"
