"""News intelligence: ingesting documents into leads, and agency users acting on the leads.

Each document is read by the pure pipeline (`engines/news/pipeline.py`), in this process or in
worker processes, and stored in a transaction of its own with its audit entry: a bad document
is reported and skipped, and never takes another one's work with it. The same bytes again are
recognised by their hash and not stored twice; another site's copy of a stored story is kept
as a near-duplicate of it, without a second set of leads.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import chain, islice
from typing import Any, TypeVar

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor, require_staff
from coopex.domain.audit import Outcome
from coopex.domain.errors import Conflict, FieldError, NotFound, ValidationFailed
from coopex.domain.fields import stable_ref
from coopex.domain.jobs import JobFailed
from coopex.domain.matching import Match
from coopex.domain.news import Lead, LeadEvent, LeadStatus, NewsLeads, decide
from coopex.domain.organizations import Organization, Provenance
from coopex.domain.paging import Page, check_page_size, decode_cursor, is_storable_id
from coopex.domain.projects import project_from_lead
from coopex.domain.queries import LeadFilter, MatchFilter
from coopex.engines.matching.ports import Embedder
from coopex.engines.matching.vectors import VectorIndex
from coopex.engines.news.linking import NameIndex, guess_kind
from coopex.engines.news.pipeline import (
    STAGES,
    BadDocument,
    NewsModels,
    RawDocument,
    ReadDocument,
    read_document,
)
from coopex.interchange.news_sources import SourceProblem
from coopex.services.auditing import AuditedChange
from coopex.services.jobs import JobContext
from coopex.services.matching import MIN_QUERY_LETTERS, MatchingService
from coopex.storage.database import Database
from coopex.storage.jobs import JobInput
from coopex.storage.news import NewsRepository, StoredDocument
from coopex.storage.organizations import OrganizationRepository
from coopex.storage.projects import ProjectRepository

log = logging.getLogger(__name__)
ModelsFactory = Callable[[], NewsModels]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class IngestItem:
    """What became of one document (or of an entry that could not be read as one)."""

    source: str
    outcome: str  # stored | duplicate | near_duplicate | error
    document_id: int | None = None
    leads: int = 0
    reason: str | None = None
    result: dict[str, Any] | None = field(default=None, repr=False)  # what was read from it


@dataclass(frozen=True, slots=True)
class FoundLead:
    score: float  # cosine similarity of the query and the lead's sentence
    lead: Lead


@dataclass(slots=True)
class IngestReport:
    items: list[IngestItem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    def count(self, outcome: str) -> int:
        return sum(1 for item in self.items if item.outcome == outcome)

    @property
    def leads(self) -> int:
        return sum(item.leads for item in self.items)

    @property
    def errors(self) -> list[IngestItem]:
        return [item for item in self.items if item.outcome == "error"]

    def summary(self) -> dict[str, object]:
        return {
            "documents": len(self.items),
            "stored": self.count("stored"),
            "duplicates": self.count("duplicate"),
            "near_duplicates": self.count("near_duplicate"),
            "leads": self.leads,
            "errors": len(self.errors),
        }

    def as_dict(self) -> dict[str, Any]:
        """The summary, each document's outcome and the time per stage (a job's result)."""
        return {
            **self.summary(),
            "items": [
                {
                    "source": i.source,
                    "outcome": i.outcome,
                    "document_id": i.document_id,
                    "leads": i.leads,
                    "reason": i.reason,
                }
                for i in self.items
            ],
            "seconds_per_stage": {k: round(v, 4) for k, v in self.timings.items()},
        }


def job_inputs(sources: Iterable[Source]) -> list[JobInput]:
    """An upload's entries as a job keeps them until it reads them."""
    return [
        JobInput(s.source, problem=s.reason)
        if isinstance(s, SourceProblem)
        else JobInput(s.name, s.data, s.format, s.url)
        for s in sources
    ]


def _job_source(item: JobInput) -> Source:
    if item.data is None:
        return SourceProblem(item.name, item.problem or "no content")
    return RawDocument(item.name, item.data, "html" if item.format == "html" else "text", item.url)


# Worker processes: the models load once per process, in the initializer.
_worker_models: NewsModels | None = None


# One small page per language: reading it loads every model a language needs.
_WARM_UP = (
    # Череповец: a city only the world's cities know, which loads them (2 s)
    "Делегация Татарстана провела переговоры в Москве и Череповце.",
    "The delegation of Tatarstan held talks in Moscow.",
    "鞑靼斯坦代表团在莫斯科举行了会谈。",
)


def loaded(factory: ModelsFactory) -> NewsModels:
    """The models, with every lazily loaded part loaded (so no document pays for it)."""
    models = factory()
    for number, text in enumerate(_WARM_UP):
        read_document(RawDocument(f"warm-up-{number}", text.encode()), models)
    return models


def _start_worker(factory: ModelsFactory, parent: int) -> None:
    global _worker_models
    _watch_parent(parent)
    _worker_models = loaded(factory)


def _watch_parent(parent: int, every: float = 1.0) -> None:
    """End this reader when the process that started it is gone (killed, or stopped without
    shutting its pool down): a reader holds hundreds of MB and must not be orphaned. The
    parent's pid comes from the parent itself: one that died before this reader got here
    would otherwise leave its adopter's pid to watch, which never changes."""

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _worker_ready() -> bool:
    return _worker_models is not None


def _read_in_worker(document: RawDocument) -> ReadDocument | str:
    assert _worker_models is not None
    return _read_or_reason(document, _worker_models)


def _read_or_reason(document: RawDocument, models: NewsModels) -> ReadDocument | str:
    try:
        return read_document(document, models)
    except BadDocument as error:
        return str(error)
    except Exception:  # a model failing on one document must not stop the batch
        log.exception("reading %s failed", document.name)
        return "could not be read: the reader failed on this document (details in the log)"


Source = RawDocument | SourceProblem
AUTO = 0  # workers: one per core, for batches of at least AUTO_PARALLEL_FROM documents
AUTO_PARALLEL_FROM = 64
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _single_threaded_children() -> Iterator[None]:
    """Reader processes get one math thread each: N processes with N threads each on N cores
    run slower than one process (measured: 7.7 vs 13.3 documents/s on 2 cores)."""
    saved = {name: os.environ.get(name) for name in _THREAD_VARIABLES}
    os.environ.update(dict.fromkeys(_THREAD_VARIABLES, "1"))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class NewsService:
    def __init__(
        self,
        database: Database,
        models: ModelsFactory,
        matching: MatchingService | None = None,
        workers: int = AUTO,
    ) -> None:
        self.database = database
        self._factory = models
        self._models: NewsModels | None = None
        self.matching = matching
        self.workers = workers
        self.audited = AuditedChange(database)
        self._pool: ProcessPoolExecutor | None = None
        self._lead_index: VectorIndex | None = None
        self._indexed_up_to = 0  # the last lead id in the lead index
        self._lead_index_lock = threading.Lock()

    @property
    def models(self) -> NewsModels:
        if self._models is None:
            self._models = loaded(self._factory)
        return self._models

    # ---- reading -------------------------------------------------------------------------

    def read(self, document: RawDocument) -> NewsLeads:
        """The leads document of one document, without storing anything."""
        result = _read_or_reason(document, self.models)
        if isinstance(result, str):
            raise BadDocument(result)
        return result.leads

    def _parallel(self, sources: Iterable[Source]) -> tuple[bool, Iterable[Source]]:
        """Whether to read in worker processes: as configured, or with `workers=0` (auto),
        once the batch is big enough to repay starting them (a few seconds each)."""
        if self.workers != AUTO:
            return self.workers > 1, sources
        iterator = iter(sources)
        head = list(islice(iterator, AUTO_PARALLEL_FROM))
        big = len(head) == AUTO_PARALLEL_FROM and (os.cpu_count() or 1) > 1
        return big, chain(head, iterator)

    @property
    def _pool_size(self) -> int:
        return self.workers if self.workers != AUTO else (os.cpu_count() or 1)

    def _read_all(self, sources: Iterable[Source]) -> Iterator[tuple[Source, ReadDocument | str]]:
        parallel, sources = self._parallel(sources)
        if not parallel:
            for source in sources:
                if isinstance(source, SourceProblem):
                    yield source, source.reason
                else:
                    yield source, _read_or_reason(source, self.models)
            return
        window: deque[tuple[Source, Future[ReadDocument | str] | None]] = deque()
        for source in sources:
            window.append((source, self._submit(source)))
            while len(window) > 4 * self._pool_size:
                yield self._settle(*window.popleft())
        while window:
            yield self._settle(*window.popleft())

    def _submit(self, source: Source) -> Future[ReadDocument | str] | None:
        if isinstance(source, SourceProblem):
            return None
        try:
            return self.warm().submit(_read_in_worker, source)
        except BrokenProcessPool:
            self.close()
            return self.warm().submit(_read_in_worker, source)

    def warm(self) -> ProcessPoolExecutor:
        """Start the reader processes and wait until each has loaded the models; they stay
        up for later batches until `close`. A pool that lost a reader (killed, out of memory)
        is replaced even before the executor has noticed it: its next task would fail."""
        if self._pool is not None and self._lost_a_reader():
            self.close()
        if self._pool is None:
            with _single_threaded_children():
                self._pool = ProcessPoolExecutor(
                    self._pool_size,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(self._factory, os.getpid()),
                )
                for ready in [self._pool.submit(_worker_ready) for _ in range(self._pool_size)]:
                    ready.result()
        return self._pool

    def _lost_a_reader(self) -> bool:
        # The executor's own manager thread may be reaping the dead reader at this moment,
        # and `is_alive` then still says True (its waitpid finds no child): the executor's
        # broken flag and each process's exit sentinel (a pipe, not a wait) cannot race it.
        if getattr(self._pool, "_broken", False):
            return True
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        try:
            sentinels = [process.sentinel for process in processes]
        except ValueError:  # a process object already closed: the pool is gone
            return True
        return bool(multiprocessing.connection.wait(sentinels, timeout=0))

    def close(self) -> None:
        if self._pool is not None:
            # Readers may be busy on a long document: stop them rather than wait.
            processes = list(getattr(self._pool, "_processes", None) or {})
            self._pool.shutdown(wait=False, cancel_futures=True)
            for pid in processes:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
            self._pool = None

    def _settle(
        self, source: Source, job: Future[ReadDocument | str] | None
    ) -> tuple[Source, ReadDocument | str]:
        if isinstance(source, SourceProblem) or job is None:
            return source, source.reason if isinstance(source, SourceProblem) else ""
        try:
            return source, job.result()
        except BrokenProcessPool:
            # A reader process died (out of memory, a crash inside a model) with this document
            # or another one in flight: fresh readers give this document one more try. The
            # other documents the dead pool held fail here too, one by one: `warm` replaces
            # only a pool that is still broken, not the fresh one the first of them started.
            retry = self._submit(source)
            try:
                return source, retry.result() if retry else ""
            except BrokenProcessPool:
                self.close()
                return source, "the reader process died on this document"

    # ---- ingesting -----------------------------------------------------------------------

    def ingest(
        self,
        actor: Actor,
        sources: Iterable[Source],
        progress: Callable[[IngestItem], None] | None = None,
    ) -> IngestReport:
        self.audited.check(
            actor, "news.ingest", "batch", lambda: require_staff(actor, "ingest news")
        )
        report = IngestReport()
        names = self._name_index()
        for source, result in self._read_all(sources):
            label = source.source if isinstance(source, SourceProblem) else source.name
            if isinstance(result, str):
                item = IngestItem(label, "error", reason=result)
            else:
                for stage, seconds in result.timings.items():
                    report.timings[stage] = report.timings.get(stage, 0.0) + seconds
                assert isinstance(source, RawDocument)
                item = replace(
                    self._store(actor, source, result, names), result=result.leads.as_dict()
                )
            report.items.append(item)
            if progress is not None:
                progress(item)
        return report

    def _name_index(self) -> NameIndex:
        index = NameIndex()
        with self.database.transaction() as connection:
            for organization_id, name, aliases in OrganizationRepository(connection).names():
                index.add(organization_id, [name, *aliases])
        return index

    def _store(
        self, actor: Actor, source: RawDocument, read: ReadDocument, names: NameIndex
    ) -> IngestItem:
        with self.database.transaction() as connection:
            known = NewsRepository(connection).by_hash(read.content_hash)
        if known is not None:
            return IngestItem(source.name, "duplicate", known, reason=f"same as document {known}")
        pending = NameIndex()  # organisations this document registers, until it commits

        def work(connection: Connection) -> tuple[IngestItem, str]:
            repo = NewsRepository(connection)
            group = repo.near_duplicate(read.fingerprint)
            leads = read.leads
            document_id = repo.add_document(
                {
                    "content_hash": read.content_hash,
                    "name": source.name[:500],
                    "url": source.url,
                    "format": source.format,
                    "encoding": read.encoding,
                    "lang": leads.lang,
                    "title": leads.title,
                    "published": leads.published,
                    "original": source.data,
                    "text": read.article.text,
                    "result": leads.as_dict(),
                    "duplicate_of": group,
                },
                read.fingerprint,
                actor.label,
            )
            if group is not None:
                item = IngestItem(
                    source.name,
                    "near_duplicate",
                    document_id,
                    reason=f"another copy of document {group}",
                )
                return item, f"document {document_id}, near-duplicate of {group}"
            linker = _Linker(
                OrganizationRepository(connection), names, pending, leads, self.models, source
            )
            rows = [linker.lead_row(document_id, event) for event in leads.events]
            repo.add_leads(rows)
            detail = (
                f"document {document_id}: {len(rows)} leads, "
                f"{len(linker.created)} provisional organisations {linker.created}"
            )
            return IngestItem(source.name, "stored", document_id, len(rows)), detail

        try:
            item = self.audited.run(actor, "news.ingest", source.name[:200], work)
        except ValidationFailed as refused:
            return IngestItem(source.name, "error", reason=f"not stored: {refused}")
        except Exception:  # a storage failure on one document must not stop the batch
            log.exception("storing %s failed", source.name)
            return IngestItem(
                source.name, "error", reason="not stored: the database refused it (see the log)"
            )
        # Provisional organisations enter the batch's name index only once their document's
        # transaction committed: a rolled-back one must not leave its row ids behind.
        names.merge(pending)
        return item

    def run_job(self, job: JobContext) -> dict[str, Any]:
        """A news upload's job: its documents are ingested as its owner, the report is its
        result; nothing readable at all is a failure (the API's synchronous answer was 422)."""
        report = self.ingest(
            job.actor, map(_job_source, job.inputs()), progress=lambda _: job.advance()
        )
        if report.items and len(report.errors) == len(report.items):
            raise JobFailed(
                f"none of the {len(report.items)} documents could be read", report.as_dict()
            )
        return report.as_dict()

    # ---- leads ---------------------------------------------------------------------------

    def leads(
        self, actor: Actor, filters: LeadFilter, cursor: str | None = None, limit: int = 50
    ) -> Page[Lead]:
        require_staff(actor, "see news leads")
        check_page_size(limit)
        with self.database.transaction() as connection:
            return NewsRepository(connection).leads(filters, decode_cursor(cursor), limit)

    def _fetch(
        self, actor: Actor, what: str, key: int, fetch: Callable[[NewsRepository], T | None]
    ) -> T:
        require_staff(actor, f"see {what}s")
        if not is_storable_id(key):
            raise NotFound(what, key)
        with self.database.transaction() as connection:
            found = fetch(NewsRepository(connection))
        if found is None:
            raise NotFound(what, key)
        return found

    def lead(self, actor: Actor, lead_id: int) -> Lead:
        return self._fetch(actor, "lead", lead_id, lambda repo: repo.lead(lead_id))

    def decide(self, actor: Actor, lead_id: int, status: LeadStatus) -> Lead:
        """Accept (a cooperation project is opened from it) or dismiss a new lead."""

        def work(connection: Connection) -> tuple[Lead, str]:
            require_staff(actor, "decide on a lead")
            repo = NewsRepository(connection)
            lead = repo.lead(lead_id) if is_storable_id(lead_id) else None
            if lead is None:
                raise NotFound("lead", lead_id)
            decide(lead, status)
            if not repo.decide(lead_id, status, actor.label):
                raise Conflict(f"lead {lead_id} was decided by someone else just now", "status")
            detail = f"{lead.status.value} -> {status.value}"
            if status is LeadStatus.ACCEPTED:
                project = project_from_lead(lead, actor.label)
                project_id = ProjectRepository(connection).add(project, *repo.lead_org_ids(lead_id))
                repo.set_project(lead_id, project_id)
                detail += f", project {project.ref}"
                self.audited.log(
                    connection,
                    actor,
                    "project.create",
                    project.ref,
                    Outcome.DONE,
                    f"from lead {lead_id}: {project.title}",
                )
            decided = repo.lead(lead_id)
            assert decided is not None
            return decided, detail

        return self.audited.run(actor, "lead.decide", str(lead_id), work)

    def search_leads(
        self, actor: Actor, text: str, filters: LeadFilter | None = None, limit: int = 10
    ) -> list[FoundLead]:
        """Leads whose sentence means what `text` says, in any of the three languages (the
        matching engine's embedder and vector index, fed with the leads)."""
        require_staff(actor, "search news leads")
        check_page_size(limit)
        if sum(ch.isalnum() for ch in text) < MIN_QUERY_LETTERS:
            raise ValidationFailed(
                [FieldError("q", f"needs at least {MIN_QUERY_LETTERS} letters or digits", text)]
            )
        if self.matching is None:
            return []
        embedder = self.matching.engine.embedder
        with self._lead_index_lock:
            index = self._synced_lead_index(embedder)
            if not len(index):
                return []
            ids, scores = index.top(embedder.embed([text[:2000]])[0], min(len(index), limit * 10))
        with self.database.transaction() as connection:
            found = NewsRepository(connection).leads_among(filters or LeadFilter(), ids.tolist())
        ranked = [
            FoundLead(float(score), found[int(lead_id)])
            for lead_id, score in zip(ids, scores, strict=True)
            if int(lead_id) in found
        ]
        return ranked[:limit]

    def _synced_lead_index(self, embedder: Embedder) -> VectorIndex:
        """The leads' vectors, brought up to date with the stored leads (leads are only ever
        added; their status changes do not change their text)."""
        if self._lead_index is None:
            self._lead_index = VectorIndex(embedder.dimension)
        while True:
            with self.database.transaction() as connection:
                batch = NewsRepository(connection).lead_texts(self._indexed_up_to, 1000)
            if not batch:
                return self._lead_index
            self._lead_index.upsert(
                [lead_id for lead_id, _ in batch], embedder.embed([text for _, text in batch])
            )
            self._indexed_up_to = batch[-1][0]

    def partners(self, actor: Actor, lead_id: int, limit: int = 10) -> list[Match]:
        """Listings of the registry that answer the lead, found by the matching engine from
        its evidence sentence (in any of the three languages)."""
        lead = self.lead(actor, lead_id)
        if self.matching is None:
            return []
        query = f"{lead.event.counterpart}. {lead.event.evidence}"[:2000]
        return self.matching.search(query, MatchFilter(open_on=date.today()), limit).matches

    def documents(
        self,
        actor: Actor,
        text: str | None = None,
        lang: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> Page[StoredDocument]:
        """Stored documents, oldest first; `text` is found in any script, Chinese included."""
        require_staff(actor, "see news documents")
        check_page_size(limit)
        with self.database.transaction() as connection:
            return NewsRepository(connection).documents(text, lang, decode_cursor(cursor), limit)

    def document(self, actor: Actor, document_id: int) -> StoredDocument:
        return self._fetch(
            actor, "news document", document_id, lambda repo: repo.document(document_id)
        )

    def original(self, actor: Actor, document_id: int) -> bytes:
        return self._fetch(
            actor, "news document", document_id, lambda repo: repo.original(document_id)
        )


class _Linker:
    """Links a document's event parties to the registry: places get their ISO code; known
    organisations are found by name, alias or transliteration; unknown ones are registered
    as provisional (provenance `news`) so that staff can confirm or merge them."""

    def __init__(
        self,
        organizations: OrganizationRepository,
        names: NameIndex,
        pending: NameIndex,
        leads: NewsLeads,
        models: NewsModels,
        source: RawDocument,
    ) -> None:
        self.organizations = organizations
        self.names = names
        self.pending = pending
        self.leads = leads
        self.models = models
        self.source = source
        self.created: list[str] = []
        self._persons = set(leads.entities.persons)
        self._locations = set(leads.entities.locations)

    def _named_country(self, name: str) -> str | None:
        """The country a name carries ("Торгово-промышленная палата Казахстана")."""
        folded = name.casefold()
        for location in self.leads.entities.locations:
            words = [w for w in location.casefold().split() if len(w) >= 5]
            place = self.models.places.resolve(location)
            stems = [w[:-1] for w in words]  # "казахстан" in "казахстана"
            if (
                place is not None
                and len(place.countries) == 1
                and any(stem in folded for stem in stems)
            ):
                return next(iter(place.countries))
        return None

    def _country_for(self, name: str) -> str:
        """A provisional organisation's country: the one its name carries, else where the
        story places the side it is on."""
        named = self._named_country(name)
        if named is not None:
            return named
        codes = [
            place.countries
            for location in self.leads.entities.locations
            if (place := self.models.places.resolve(location)) is not None
            and len(place.countries) == 1
        ]
        home = [next(iter(c)) for c in codes if c <= self.models.home]
        abroad = [next(iter(c)) for c in codes if not c <= self.models.home]
        latin = name.isascii()
        if latin and self.leads.lang != "en" and abroad:
            return max(set(abroad), key=abroad.count)
        if home:
            return max(set(home), key=home.count)
        return sorted(self.models.home)[0]

    def party(self, name: str) -> tuple[int | None, str | None]:
        """(organisation id, place code) of one party of an event."""
        if not name or name in self._persons:
            return None, None
        # a city only for a name the page reads as a place: "Komatsu" the company stays one
        place = self.models.places.resolve(name, cities=name in self._locations)
        if place is not None:
            return None, place.code
        found = self.pending.find(name)
        if found is None:
            found = self.names.find(name)
        if found is not None:
            return found, None
        country = self._country_for(name)
        organization = self.organizations.add(
            Organization(
                ref=stable_ref("org", country, name.casefold()),
                name=name[:200],
                kind=guess_kind(name),
                country=country,
                provenance=Provenance.NEWS,
                source=f"news:{self.source.name}"[:200],
            )
        )
        assert organization.id is not None
        self.pending.add(organization.id, [name])
        self.created.append(organization.ref)
        return organization.id, None

    def lead_row(self, document_id: int, event: LeadEvent) -> dict[str, Any]:
        initiator_org, initiator_place = self.party(event.initiator)
        counterpart_org, counterpart_place = self.party(event.counterpart)
        return {
            "document_id": document_id,
            "type": event.type.value,
            "initiator": event.initiator[:500],
            "counterpart": event.counterpart[:500],
            "initiator_org_id": initiator_org,
            "counterpart_org_id": counterpart_org,
            "initiator_place": initiator_place,
            "counterpart_place": counterpart_place,
            "sectors": list(event.sectors),
            "evidence": event.evidence,
            "search_text": "\n".join(
                [event.initiator, event.counterpart, event.evidence]
            ).casefold(),
        }
