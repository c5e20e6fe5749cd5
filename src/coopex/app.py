"""The composition root: builds every part from settings. Nothing is built at import time."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from coopex.config import Settings
from coopex.domain.matching import MatchWeights
from coopex.engines.matching.ranker import VECTOR_KIND, MatchEngine
from coopex.indexing.hnsw import HnswIndex
from coopex.indexing.store import IndexStore
from coopex.nlp.analysis import MultilingualAnalyzer
from coopex.nlp.embeddings import UseEmbedder
from coopex.nlp.news import load_news_models
from coopex.reference.catalog import ShippedCatalog
from coopex.reference.glossary import chinese_words, load_glossary
from coopex.services.accounts import AccountService
from coopex.services.auditing import AuditTrail
from coopex.services.changes import ListingChanges
from coopex.services.matching import MatchingService
from coopex.services.news import NewsService
from coopex.services.projects import ProjectService
from coopex.services.registry import RegistryService
from coopex.services.suggestions import SuggestionService
from coopex.services.transfer import TransferService
from coopex.storage.database import Database
from coopex.storage.migrate import upgrade


@dataclass(frozen=True, slots=True)
class Coopex:
    settings: Settings
    database: Database
    catalog: ShippedCatalog
    registry: RegistryService
    accounts: AccountService
    transfer: TransferService
    audit: AuditTrail
    matching: MatchingService
    suggestions: SuggestionService
    news: NewsService
    projects: ProjectService

    def migrate(self) -> None:
        upgrade(self.database.engine)

    def close(self) -> None:
        self.news.close()
        self.database.dispose()


def match_engine_factory(settings: Settings) -> MatchEngine:
    """The engine with its models; the models load on first use, not here."""
    analyzer = MultilingualAnalyzer(chinese_words())
    embedder = UseEmbedder()
    return MatchEngine(
        embedder,
        analyzer,
        load_glossary(analyzer),
        MatchWeights(**settings.match_weights),
        ann=HnswIndex(embedder.dimension),
    )


def build(settings: Settings | None = None) -> Coopex:
    settings = settings or Settings()
    MatchWeights(
        **settings.match_weights
    )  # unknown signal names fail at start, not at first search
    database = Database.from_url(settings.resolved_database_url)
    catalog = ShippedCatalog()
    changes = ListingChanges()
    registry = RegistryService(database, catalog, changes)
    store = IndexStore(
        settings.home / "index", f"{UseEmbedder.model_name}+{VECTOR_KIND}", UseEmbedder.dimension
    )
    matching = MatchingService(database, registry, lambda: match_engine_factory(settings), store)
    changes.subscribe(matching.listings_changed)
    return Coopex(
        settings=settings,
        database=database,
        catalog=catalog,
        registry=registry,
        accounts=AccountService(database),
        transfer=TransferService(database, catalog, changes),
        audit=AuditTrail(database),
        matching=matching,
        suggestions=SuggestionService(database, matching, settings.suggestion_threshold),
        news=NewsService(
            database,
            partial(load_news_models, frozenset(settings.news_home)),
            matching,
            settings.news_workers,
        ),
        projects=ProjectService(database),
    )
