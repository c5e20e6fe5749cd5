"""Ingesting news into stored documents and leads, on every storage backend."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from coopex.app import Coopex
from coopex.domain.errors import Conflict, PermissionDenied, ValidationFailed
from coopex.domain.news import EventType, Lead, LeadStatus
from coopex.domain.organizations import Provenance
from coopex.domain.queries import LeadFilter, OrganizationFilter
from coopex.engines.news.pipeline import RawDocument
from coopex.interchange.news_sources import SourceProblem, read_sources
from coopex.services.demo import demo_news_path
from coopex.storage.tables import audit_log, leads, news_documents, organizations
from tests.conftest import OPERATOR, People, on_sqlite_only, org_raw

DATA = demo_news_path()
CHUVASHIA = DATA / "chuvashia_kazakhstan.txt"


def count(coopex: Coopex, table: sa.Table) -> int:
    with coopex.database.transaction() as connection:
        return int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def all_leads(coopex: Coopex, **filters: Any) -> list[Lead]:
    return list(coopex.news.leads(OPERATOR, LeadFilter(**filters), limit=500).items)


def test_a_folder_goes_in_and_the_same_pages_again_change_nothing(coopex: Coopex) -> None:
    first = coopex.news.ingest(OPERATOR, read_sources([DATA]))
    pages = len(list(DATA.iterdir()))
    assert first.summary() == {
        "documents": pages,
        "stored": pages,
        "duplicates": 0,
        "near_duplicates": 0,
        "leads": first.leads,
        "errors": 0,
    }
    assert first.leads == count(coopex, leads) > 5
    assert all(seconds >= 0 for seconds in first.timings.values())
    snapshot = (count(coopex, news_documents), count(coopex, leads), count(coopex, organizations))
    again = coopex.news.ingest(OPERATOR, read_sources([DATA]))
    assert again.count("duplicate") == pages and again.leads == 0
    assert (
        count(coopex, news_documents),
        count(coopex, leads),
        count(coopex, organizations),
    ) == snapshot


def test_original_bytes_and_the_leads_document_are_kept(coopex: Coopex) -> None:
    html = DATA / "vladivostok_harbin.html"
    [item] = coopex.news.ingest(OPERATOR, read_sources([html])).items
    assert item.document_id is not None
    assert coopex.news.original(OPERATOR, item.document_id) == html.read_bytes()
    stored = coopex.news.document(OPERATOR, item.document_id)
    assert (stored.format, stored.encoding, stored.lang) == ("html", "cp1251", "ru")
    assert stored.result["doc"] == "vladivostok_harbin.html"
    assert stored.result["entities"]["persons"] == ["Олег Кожемяко"]
    assert "Поделиться" not in stored.text


def test_another_sites_copy_is_grouped_without_new_leads(coopex: Coopex) -> None:
    original = CHUVASHIA.read_bytes()
    copy = "Источник: ИА «Регион»\n".encode() + original + "\nРеклама".encode()
    report = coopex.news.ingest(
        OPERATOR, [RawDocument("site-a.txt", original), RawDocument("site-b.txt", copy)]
    )
    stored, near = report.items
    assert stored.outcome == "stored" and near.outcome == "near_duplicate"
    assert near.document_id is not None
    assert coopex.news.document(OPERATOR, near.document_id).duplicate_of == stored.document_id
    assert near.leads == 0 and count(coopex, leads) == stored.leads


def test_bad_documents_are_reported_and_the_rest_goes_in(coopex: Coopex) -> None:
    sources: list[RawDocument | SourceProblem] = [
        RawDocument("empty.txt", b""),
        SourceProblem("huge.txt", "too large for one article: 50.0 MB"),
        RawDocument("good.txt", CHUVASHIA.read_bytes()),
        RawDocument("binary.bin", bytes(range(256)) * 10),
    ]
    seen: list[str] = []
    report = coopex.news.ingest(OPERATOR, sources, progress=lambda item: seen.append(item.source))
    assert seen == ["empty.txt", "huge.txt", "good.txt", "binary.bin"]
    assert [(i.source, i.outcome) for i in report.items] == [
        ("empty.txt", "error"),
        ("huge.txt", "error"),
        ("good.txt", "stored"),
        ("binary.bin", "error"),
    ]
    reasons = {i.source: i.reason for i in report.errors}
    assert reasons["empty.txt"] == "empty document"
    assert (reasons["huge.txt"] or "").startswith("too large")
    assert count(coopex, news_documents) == 1


def test_parties_link_to_the_registry_or_become_provisional_organisations(coopex: Coopex) -> None:
    coopex.registry.create_organization(
        OPERATOR,
        org_raw(
            "kz-steppe", name="Steppe Cable", country="KZ", region=None, aliases=["Степь Кабель"]
        ),
    )
    coopex.news.ingest(OPERATOR, [RawDocument("chuvashia.txt", CHUVASHIA.read_bytes())])
    by_type = {lead.event.type: lead for lead in all_leads(coopex)}
    invitation = by_type[EventType.LOCALIZATION_INVITATION]
    assert invitation.counterpart_org == "kz-steppe"  # found by its alias
    assert invitation.initiator_place == "RU-CU"  # a place, by its ISO 3166-2 code
    agreement = by_type[EventType.AGREEMENT]
    assert agreement.counterpart_org is not None
    provisional = coopex.registry.get_organization(agreement.counterpart_org)
    assert provisional.name == "Торгово-промышленная палата Казахстана"
    assert provisional.provenance is Provenance.NEWS
    assert provisional.country == "KZ"  # the foreign side of the story
    assert provisional.source == "news:chuvashia.txt"
    trade = by_type[EventType.TRADE_FIGURE]
    assert (trade.initiator_place, trade.counterpart_place) == ("RU-CU", "KZ")


def test_a_city_party_is_its_region_and_a_company_named_like_a_city_a_company(
    coopex: Coopex,
) -> None:
    pages = {
        "komatsu.txt": "Японская компания Komatsu построит завод в Ярославле.",
        "severstal.txt": "Компания «Северсталь» инвестирует 12 млрд рублей в модернизацию"
        " завода в Череповце.",
    }
    coopex.news.ingest(OPERATOR, [RawDocument(n, t.encode()) for n, t in pages.items()])
    by_type = {lead.event.type: lead for lead in all_leads(coopex)}
    plan = by_type[EventType.LOCALIZATION_PLAN]
    assert plan.counterpart_place is None  # Komatsu, a city in Japan too, is the company
    assert coopex.registry.get_organization(plan.counterpart_org or "").name == "Komatsu"
    investment = by_type[EventType.INVESTMENT]
    assert investment.initiator_place == "RU-VLG"  # Череповец, known from the world's cities


def test_leads_filter_by_place_type_text_and_sector(coopex: Coopex) -> None:
    coopex.news.ingest(OPERATOR, read_sources([DATA]))
    chinese = all_leads(coopex, place="CN")
    assert chinese and all("CN" in (lead.counterpart_place or "") for lead in chinese)
    assert all_leads(coopex, place="CN-HL") and not all_leads(coopex, place="CN-ZJ")
    missions = all_leads(coopex, type=EventType.BUSINESS_MISSION)
    assert "Хэйлунцзян" in [lead.event.counterpart for lead in missions]
    assert {lead.event.type for lead in missions} == {EventType.BUSINESS_MISSION}
    assert all_leads(coopex, text="ХАРБИН")  # case-insensitive, Cyrillic too
    electrical = all_leads(coopex, sector="electrical_equipment")
    assert electrical and all("electrical_equipment" in lead.event.sectors for lead in electrical)


def test_accepting_opens_a_project_and_decisions_are_final(coopex: Coopex) -> None:
    coopex.news.ingest(OPERATOR, [RawDocument("chuvashia.txt", CHUVASHIA.read_bytes())])
    first, second = all_leads(coopex)[:2]
    assert first.id is not None and second.id is not None
    accepted = coopex.news.decide(OPERATOR, first.id, LeadStatus.ACCEPTED)
    assert accepted.status is LeadStatus.ACCEPTED and accepted.project is not None
    assert accepted.decided_by == OPERATOR.label and accepted.decided_at is not None
    project = coopex.projects.get(OPERATOR, accepted.project)
    assert project.stage.value == "lead" and project.leads == (first.id,)
    assert accepted.event.counterpart in project.title
    assert [p.ref for p in coopex.projects.page(OPERATOR).items] == [accepted.project]
    dismissed = coopex.news.decide(OPERATOR, second.id, LeadStatus.DISMISSED)
    assert dismissed.status is LeadStatus.DISMISSED and dismissed.project is None
    with pytest.raises(Conflict, match="already accepted"):
        coopex.news.decide(OPERATOR, first.id, LeadStatus.DISMISSED)
    assert [lead.id for lead in all_leads(coopex, status=LeadStatus.NEW)] == [
        lead.id for lead in all_leads(coopex)[2:]
    ]
    with coopex.database.transaction() as connection:
        actions = connection.execute(
            sa.select(audit_log.c.action, audit_log.c.outcome).where(audit_log.c.entity == "lead")
        ).all()
    assert actions == [("lead.decide", "done"), ("lead.decide", "done")]
    history = coopex.audit.recent(OPERATOR, entity="project", entity_ref=accepted.project)
    assert [entry.action for entry in history] == ["project.create"]
    assert coopex.news.lead(OPERATOR, first.id).status is LeadStatus.ACCEPTED


def test_enterprise_members_may_not_ingest_or_see_leads(coopex: Coopex, people: People) -> None:
    coopex.registry.create_organization(OPERATOR, org_raw("ru-plant"))
    member, _ = people.member("ru-plant")
    with pytest.raises(PermissionDenied):
        coopex.news.ingest(member, [RawDocument("a.txt", CHUVASHIA.read_bytes())])
    [refusal] = coopex.audit.recent(OPERATOR, entity="news")
    assert (refusal.action, refusal.outcome.value, refusal.actor) == (
        "news.ingest",
        "denied",
        member.label,
    )
    assert count(coopex, news_documents) == 0
    with pytest.raises(PermissionDenied):
        coopex.news.leads(member, LeadFilter())
    staff, _ = people.staff()
    assert coopex.news.ingest(staff, [RawDocument("a.txt", CHUVASHIA.read_bytes())]).leads > 0
    assert coopex.registry.list_organizations(OrganizationFilter(text="палата")).items


def test_reader_processes_give_the_same_leads_as_one_process(coopex: Coopex) -> None:
    documents: list[RawDocument | SourceProblem] = [
        RawDocument(path.name, path.read_bytes(), "html" if path.suffix == ".html" else "text")
        for path in sorted(DATA.iterdir())
    ]
    documents.insert(1, RawDocument("empty.txt", b""))
    expected = [coopex.news.read(d) for d in documents if isinstance(d, RawDocument) and d.data]
    coopex.news.workers = 2
    report = coopex.news.ingest(OPERATOR, documents)
    assert [item.outcome for item in report.items] == ["stored", "error"] + ["stored"] * (
        len(documents) - 2
    )
    assert [item.result for item in report.items if item.result] == [
        leads.as_dict() for leads in expected
    ]
    assert report.items[1].reason == "empty document"


def test_leads_are_found_by_meaning_across_languages(coopex: Coopex) -> None:
    first = [DATA / "vladivostok_harbin.html", DATA / "ulyanovsk_heilongjiang_zh.txt"]
    coopex.news.ingest(OPERATOR, read_sources(first))
    found = coopex.news.search_leads(OPERATOR, "electric power equipment", limit=2)
    assert {f.lead.event.counterpart for f in found} == {"哈尔滨电气集团", "Harbin Electric"}
    assert found[0].score >= found[1].score > 0
    # Leads stored after a search join the index on the next one; filters apply.
    coopex.news.ingest(OPERATOR, read_sources([CHUVASHIA]))
    cables = coopex.news.search_leads(
        OPERATOR, "кабельный завод", LeadFilter(type=EventType.LOCALIZATION_INVITATION), limit=1
    )
    assert [f.lead.event.counterpart for f in cables] == ["Степь Кабель"]
    with pytest.raises(ValidationFailed):
        coopex.news.search_leads(OPERATOR, "?!")


@on_sqlite_only  # the pool's recovery; storing from several readers: the test above
def test_a_reader_process_that_dies_is_replaced_and_nothing_is_lost(
    coopex: Coopex, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import signal
    from concurrent.futures import ProcessPoolExecutor

    from coopex.services import news

    coopex.news.workers = 2
    pool = coopex.news.warm()
    started: list[ProcessPoolExecutor] = []

    class CountedPool(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(news, "ProcessPoolExecutor", CountedPool)
    documents: list[RawDocument | SourceProblem] = list(read_sources([DATA]))
    os.kill(next(iter(pool._processes)), signal.SIGKILL)  # as the kernel's OOM killer would
    report = coopex.news.ingest(OPERATOR, documents)
    assert [item.outcome for item in report.items] == ["stored"] * len(documents)
    # One pool of fresh readers took over: each document the dead pool held failed on its
    # own, and none of them may throw away the readers the first one started.
    assert started == [coopex.news.warm()]


@on_sqlite_only  # the pool's recovery only
def test_readers_that_lost_a_process_are_replaced_before_the_next_batch(coopex: Coopex) -> None:
    import os
    import signal

    coopex.news.workers = 2
    pool = coopex.news.warm()
    pid, dead = next(iter(pool._processes.items()))
    os.kill(pid, signal.SIGKILL)
    dead.join(timeout=30)  # gone, whether or not the executor has noticed yet
    fresh = coopex.news.warm()
    assert fresh is not pool
    assert all(process.is_alive() for process in fresh._processes.values())
    assert coopex.news.warm() is fresh  # a healthy pool stays


def test_a_rolled_back_document_leaves_no_organisation_behind_for_the_next_one(
    coopex: Coopex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first copy of a page fails after registering its provisional organisations (its
    transaction rolls back); the second copy must register them again, not link to the row
    ids the rollback took away (another organisation's on SQLite, none on PostgreSQL)."""
    from coopex.storage.news import NewsRepository

    add_leads = NewsRepository.add_leads
    calls: list[int] = []

    def fail_first(self: NewsRepository, rows: Any) -> int:
        calls.append(len(rows))
        if len(calls) == 1:
            raise RuntimeError("the disk is full")
        return add_leads(self, rows)

    monkeypatch.setattr(NewsRepository, "add_leads", fail_first)
    data = CHUVASHIA.read_bytes()
    report = coopex.news.ingest(
        OPERATOR, [RawDocument("first.txt", data), RawDocument("second.txt", data)]
    )
    assert [item.outcome for item in report.items] == ["error", "stored"]
    assert report.items[0].reason == "not stored: the database refused it (see the log)"
    stored = all_leads(coopex)
    assert len(stored) == report.items[1].leads > 0
    for lead in stored:
        for name, ref in (
            (lead.event.initiator, lead.initiator_org),
            (lead.event.counterpart, lead.counterpart_org),
        ):
            if ref is not None:  # each party links to the organisation of its own name
                organization = coopex.registry.get_organization(ref)
                assert organization.source == "news:second.txt"
                assert organization.name == name[:200]
    with coopex.database.transaction() as connection:
        sources = connection.execute(sa.select(organizations.c.source)).scalars().all()
    assert "news:first.txt" not in sources
