"""The composition root: builds every part from settings. Nothing is built at import time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from coopex.config import Settings
from coopex.domain.accounts import Actor, require_admin, require_staff
from coopex.domain.jobs import JobKind
from coopex.domain.matching import MatchWeights
from coopex.engines.news.pipeline import NewsModels
from coopex.indexing.store import IndexStore
from coopex.nlp.embeddings import UseEmbedder
from coopex.reference.catalog import ShippedCatalog
from coopex.services.accounts import AccountService
from coopex.services.auditing import AuditTrail
from coopex.services.changes import ChangeFeedReader, ListingChanges
from coopex.services.dashboard import DashboardService
from coopex.services.events import EventService
from coopex.services.interests import InterestService
from coopex.services.jobs import Execute, JobRunner, JobService
from coopex.services.localization import LocalizationService
from coopex.services.matching import MatchingService
from coopex.services.meetings import MeetingService
from coopex.services.news import NewsService
from coopex.services.outcomes import OutcomeService
from coopex.services.projects import ProjectService
from coopex.services.registry import RegistryService
from coopex.services.schedule import ScheduleService
from coopex.services.suggestion_feed import SuggestionFeed
from coopex.services.suggestions import SuggestionService
from coopex.services.throttle import SignInThrottle, ThrottleLimits
from coopex.services.transfer import TransferService
from coopex.storage.database import Database

if TYPE_CHECKING:
    from coopex.engines.matching.ranker import MatchEngine


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
    suggestion_feed: SuggestionFeed
    jobs: JobService
    news: NewsService
    projects: ProjectService
    events: EventService
    meetings: MeetingService
    schedules: ScheduleService
    outcomes: OutcomeService
    interests: InterestService
    localization: LocalizationService
    dashboard: DashboardService

    def migrate(self) -> None:
        from coopex.storage.migrate import upgrade

        upgrade(self.database.engine)

    def close(self) -> None:
        self.jobs.stop()
        self.suggestion_feed.stop()
        self.news.close()
        self.database.dispose()


def match_engine_factory(settings: Settings) -> MatchEngine:
    """The engine with its models; the models load on first use, not here. (Imported here:
    a command that does not match should not pay for loading the NLP libraries.)"""
    from coopex.engines.matching.ranker import MatchEngine
    from coopex.indexing.hnsw import HnswIndex
    from coopex.nlp.analysis import MultilingualAnalyzer
    from coopex.reference.glossary import chinese_words, load_glossary

    analyzer = MultilingualAnalyzer(chinese_words())
    embedder = UseEmbedder()
    return MatchEngine(
        embedder,
        analyzer,
        load_glossary(analyzer),
        MatchWeights(**settings.match_weights),
        ann=HnswIndex(embedder.dimension),
    )


def news_models_factory(home: frozenset[str]) -> NewsModels:
    from coopex.nlp.news import load_news_models

    return load_news_models(home)


def job_runner(settings: Settings, database: Database) -> Callable[[Execute], JobRunner]:
    """procrastinate's queue on PostgreSQL (imported only there), a thread on SQLite."""
    if database.dialect == "postgresql":
        from coopex.queueing.postgres import ProcrastinateRunner

        url = settings.resolved_database_url
        return lambda execute: ProcrastinateRunner(url, execute, settings.job_workers)
    from coopex.queueing.threads import ThreadRunner

    return ThreadRunner


def build(settings: Settings | None = None) -> Coopex:
    settings = settings or Settings()
    MatchWeights(
        **settings.match_weights
    )  # unknown signal names fail at start, not at first search
    database = Database.from_url(settings.resolved_database_url)
    catalog = ShippedCatalog()
    changes = ListingChanges()
    registry = RegistryService(database, catalog, changes)
    from coopex.engines.matching.ranker import VECTOR_KIND

    store = IndexStore(
        settings.home / "index", f"{UseEmbedder.model_name}+{VECTOR_KIND}", UseEmbedder.dimension
    )
    matching = MatchingService(
        database,
        registry,
        lambda: match_engine_factory(settings),
        store,
        ChangeFeedReader(database),
    )
    changes.subscribe(matching.listings_changed)
    projects = ProjectService(database, catalog)
    accounts = AccountService(
        database,
        settings.token_ttl,
        SignInThrottle(
            ThrottleLimits(
                settings.signin_account_limit,
                settings.signin_address_limit,
                settings.signin_window_seconds,
            )
        ),
    )
    suggestions = SuggestionService(database, matching, settings.suggestion_threshold)
    suggestion_feed = SuggestionFeed(database, suggestions)
    changes.subscribe(suggestion_feed.changed)
    news = NewsService(
        database,
        partial(news_models_factory, frozenset(settings.news_home)),
        matching,
        settings.news_workers,
    )
    jobs = JobService(database, accounts, job_runner(settings, database))
    jobs.register(JobKind.NEWS_INGEST, _may("ingest news", require_staff), news.run_job)
    jobs.register(
        JobKind.SUGGESTIONS_REFRESH,
        _may("refresh suggestions", require_admin),
        suggestions.run_job,
    )
    return Coopex(
        settings=settings,
        database=database,
        catalog=catalog,
        registry=registry,
        accounts=accounts,
        transfer=TransferService(database, catalog, changes),
        audit=AuditTrail(database),
        matching=matching,
        suggestions=suggestions,
        suggestion_feed=suggestion_feed,
        jobs=jobs,
        news=news,
        projects=projects,
        interests=InterestService(database, catalog),
        events=EventService(database),
        meetings=MeetingService(database, matching),
        schedules=ScheduleService(database),
        outcomes=OutcomeService(database, projects),
        localization=LocalizationService(database, catalog, matching, [settings.home / "regimes"]),
        dashboard=DashboardService(database),
    )


def _may(action: str, rule: Callable[[Actor, str], None]) -> Callable[[Actor], None]:
    """Who may ask for a kind of job: the rule of the work it does."""
    return lambda actor: rule(actor, action)
