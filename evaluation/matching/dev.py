"""Matching quality on the development set of real offers and buyers' requests.

`../shared/eval/dev-matching` (or `$COOPEX_DEV_MATCHING`): 136 offers of real organisations
and 67 requests in RU/EN/ZH with judged relevance. Odd-numbered requests are the tuning part
(weights, thresholds and word lists are chosen on them only), even-numbered the reporting part.
Each request is a free-text search over all offers, as `coopex search` runs it; the same
search with the embedding alone (every other signal off) is the baseline beside it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from coopex.domain.listings import Listing, ListingKind
from coopex.domain.matching import SIGNALS, Match, MatchWeights
from coopex.domain.queries import MatchFilter
from coopex.engines.matching.evaluation import Score, recall_at, reciprocal_rank
from coopex.engines.matching.ranker import IndexedListing, MatchEngine, MatchQuery
from coopex.nlp.analysis import MultilingualAnalyzer
from coopex.nlp.embeddings import UseEmbedder
from coopex.reference.glossary import chinese_words, load_glossary
from evaluation import shared_folder

DEV_SET = shared_folder() / "eval" / "dev-matching"
PARTS = ("tuning", "reporting")
EMBEDDING_ALONE = MatchWeights().without(*(s for s in SIGNALS if s != "semantic"))


@dataclass(frozen=True, slots=True)
class DevQuery:
    id: str
    lang: str
    text: str
    relevant: frozenset[str]

    @property
    def part(self) -> str:
        """Odd numbers tune, even numbers report (the set's fixed split)."""
        return PARTS[0] if int(self.id.lstrip("dq")) % 2 else PARTS[1]


def dev_set_folder() -> Path:
    return Path(os.environ.get("COOPEX_DEV_MATCHING", DEV_SET))


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def load_offers(folder: Path) -> list[IndexedListing]:
    """The offers as published listings, each owned by its organisation (by name)."""
    return [
        IndexedListing(
            Listing(
                ref=str(row["id"]),
                kind=ListingKind.OFFER,
                org_ref=str(row["org"]),
                title=str(row["title"]),
                description=str(row["description"]),
                language=str(row["lang"]),
                id=number,
            ),
            str(row["country"]),
        )
        for number, row in enumerate(_lines(folder / "offers.jsonl"), start=1)
    ]


def load_dev_queries(folder: Path) -> list[DevQuery]:
    return [
        DevQuery(
            str(r["id"]),
            str(r["lang"]),
            str(r["text"]),
            frozenset(str(x) for x in r["relevant"]),  # type: ignore[attr-defined]
        )
        for r in _lines(folder / "queries.jsonl")
    ]


def dev_engine(offers: list[IndexedListing]) -> MatchEngine:
    """The production engine (same models, glossary and stop words) over the offers."""
    analyzer = MultilingualAnalyzer(chinese_words())
    engine = MatchEngine(UseEmbedder(), analyzer, load_glossary(analyzer))
    engine.add(offers)
    return engine


def ranked_refs(matches: list[Match]) -> list[str]:
    """Result refs in order; a result with translations counts as each of its listings."""
    return [x.ref for m in matches for x in (m.listing, *m.translations)]


def evaluate_dev(
    engine: MatchEngine, queries: list[DevQuery], weights: MatchWeights, read_need: bool = True
) -> dict[tuple[str, str], Score]:
    """MRR and recall@10 per (part, query language), and per (part, "all"). `read_need=False`
    embeds each request as written, without finding its need (for the embedding alone)."""
    saved = engine.weights
    engine.weights = weights
    rows: dict[tuple[str, str], list[tuple[float, float]]] = {}
    try:
        for query in queries:
            matches = engine.search(
                MatchQuery(text=query.text, states_need=read_need), MatchFilter(), limit=len(engine)
            )
            refs = ranked_refs(matches)
            row = (recall_at(refs, query.relevant, 10), reciprocal_rank(refs, query.relevant))
            for lang in (query.lang, "all"):
                rows.setdefault((query.part, lang), []).append(row)
    finally:
        engine.weights = saved
    return {
        key: Score(len(v), sum(r for r, _ in v) / len(v), sum(m for _, m in v) / len(v))
        for key, v in sorted(rows.items())
    }


def embedding_alone(engine: MatchEngine, queries: list[DevQuery]) -> dict[tuple[str, str], Score]:
    """The baseline: each request's own embedding against the offers', nothing else."""
    return evaluate_dev(engine, queries, EMBEDDING_ALONE, read_need=False)
