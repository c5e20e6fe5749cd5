"""Dashboard aggregates on a small known dataset, and the admin services, on every backend."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from coopex.app import Coopex
from coopex.domain.accounts import Role
from coopex.domain.audit import AuditFilter, Outcome
from coopex.domain.errors import Conflict, PermissionDenied
from coopex.domain.news import EventType
from coopex.domain.projects import ProjectStage as S
from coopex.storage.database import utc_now
from coopex.storage.tables import leads, news_documents
from tests.conftest import OPERATOR, People, listing_raw, org_raw


def _document(coopex: Coopex, name: str, amounts: list[dict[str, object]]) -> int:
    row = {
        "content_hash": name.ljust(64, "0"),
        "name": name,
        "format": "text",
        "encoding": "utf-8",
        "lang": "en",
        "title": name,
        "original": b"x",
        "text": "x",
        "result": {"doc": name, "amounts": amounts},
        "minhash": b"x",
        "search_text": "x",
        "ingested_by": "test",
        "ingested_at": utc_now(),
    }
    with coopex.database.transaction() as connection:
        key = connection.execute(news_documents.insert().values(**row)).inserted_primary_key
        assert key is not None
        return int(key[0])


def _lead(coopex: Coopex, document: int, kind: EventType, evidence: str, **more: object) -> None:
    row = {
        "document_id": document,
        "type": kind.value,
        "initiator": "Ulyanovsk",
        "counterpart": "China",
        "sectors": [],
        "evidence": evidence,
        "status": "new",
        "search_text": evidence,
        "created_at": utc_now(),
        **more,
    }
    with coopex.database.transaction() as connection:
        connection.execute(leads.insert().values(**row))


@pytest.fixture
def data(coopex: Coopex, people: People) -> None:
    """Two Ulyanovsk enterprises and one in Mordovia and Zhejiang each; listings in rail and
    automotive; three projects; two news documents with amounts; one accepted interest."""
    for ref, region, country in (
        ("uly-agency", "RU-ULY", "RU"),
        ("orbita", "RU-ULY", "RU"),
        ("aviastar", "RU-ULY", "RU"),
        ("rm-rail", "RU-MO", "RU"),
        ("zj-parts", "CN-ZJ", "CN"),
    ):
        kind = "agency" if ref == "uly-agency" else "enterprise"
        coopex.registry.create_organization(
            OPERATOR, org_raw(ref, region=region, country=country, kind=kind)
        )
    reg = coopex.registry
    reg.create_listing(OPERATOR, listing_raw("rm-1", "rm-rail"))  # rail request, RU-MO
    reg.create_listing(OPERATOR, listing_raw("orb-1", "orbita", kind="offer"))  # rail, ULY
    reg.create_listing(
        OPERATOR, listing_raw("orb-2", "orbita", kind="offer", sectors=["automotive"])
    )
    reg.create_listing(OPERATOR, listing_raw("zj-1", "zj-parts", kind="offer"))  # rail, CN-ZJ
    reg.create_listing(OPERATOR, listing_raw("orb-3", "orbita", status="draft"))  # not counted
    for title, first, second, sectors in (
        ("Bogies", "rm-rail", "orbita", ["rail"]),
        ("Wings", "aviastar", "zj-parts", ["aerospace"]),
        ("Cars", "orbita", "aviastar", ["automotive"]),
    ):
        coopex.projects.create(
            OPERATOR,
            {"title": title, "initiator_org": first, "counterpart_org": second, "sectors": sectors},
        )
    bogies = coopex.projects.page(OPERATOR).items[0].ref
    coopex.projects.move(OPERATOR, bogies, S.CONTACT)
    one = _document(
        coopex,
        "uly-cn",
        [
            {"value": 120000000, "currency": "USD", "what": "trade", "text": "Trade hit $120m."},
            {"value": 5, "currency": "CNY", "what": "other", "text": "Five yuan elsewhere."},
        ],
    )
    _lead(
        coopex,
        one,
        EventType.TRADE_FIGURE,
        "Trade hit $120m.",
        initiator_place="RU-ULY",
        counterpart_place="CN-HL",
    )
    _lead(
        coopex, one, EventType.FORUM, "A forum.", initiator_place="RU-ULY", counterpart_place="CN"
    )
    two = _document(
        coopex,
        "mo-kz",
        [{"value": 3000000, "currency": "EUR", "what": "investment", "text": "Invests EUR 3m."}],
    )
    _lead(
        coopex,
        two,
        EventType.INVESTMENT,
        "Invests EUR 3m.",
        initiator_place="RU-MO",
        counterpart_place="KZ",
    )
    old = utc_now() - timedelta(days=400)
    _lead(coopex, two, EventType.FORUM, "An old forum.", initiator_place="RU-MO", created_at=old)
    orb, _ = people.member("orbita")
    rm, _ = people.member("rm-rail")
    interest = coopex.interests.express(orb, "orb-1", "rm-1")
    coopex.interests.accept(rm, interest.id or 0)
    coopex.interests.open_project(rm, interest.id or 0)


def _stages(coopex: Coopex, actor: object, region: str | None = None) -> dict[str, int]:
    return {
        s.stage.value: s.count
        for s in coopex.dashboard.projects_by_stage(actor, region)  # type: ignore[arg-type]
        if s.count
    }


@pytest.mark.usefixtures("data")
def test_projects_by_stage_and_region(coopex: Coopex, people: People) -> None:
    assert _stages(coopex, OPERATOR) == {"lead": 2, "contact": 2}
    assert [s.stage for s in coopex.dashboard.projects_by_stage(OPERATOR)] == list(S)
    assert _stages(coopex, OPERATOR, "RU-MO") == {"contact": 2}  # Bogies + the interest's
    assert _stages(coopex, OPERATOR, "CN-ZJ") == {"lead": 1}
    member, _ = people.member("zj-parts")
    assert _stages(coopex, member) == {"lead": 1}  # its own projects only
    assert _stages(coopex, member, "RU-MO") == {}


@pytest.mark.usefixtures("data")
def test_listings_and_projects_by_sector_and_region(coopex: Coopex) -> None:
    cells = {
        (c.sector, c.region): (c.offers, c.requests, c.projects)
        for c in coopex.dashboard.sector_region(OPERATOR)
    }
    assert cells == {
        ("rail", "RU-MO"): (0, 1, 2),
        ("rail", "RU-ULY"): (1, 0, 2),  # Bogies and the interest's project
        ("automotive", "RU-ULY"): (1, 0, 1),
        ("rail", "CN-ZJ"): (1, 0, 0),
        ("aerospace", "RU-ULY"): (0, 0, 1),
        ("aerospace", "CN-ZJ"): (0, 0, 1),
    }
    only = coopex.dashboard.sector_region(OPERATOR, "CN-ZJ")
    assert {(c.sector, c.total) for c in only} == {("rail", 1), ("aerospace", 1)}


@pytest.mark.usefixtures("data")
def test_leads_per_month_and_money_figures(coopex: Coopex, people: People) -> None:
    month = utc_now().strftime("%Y-%m")
    counts = {(m.month, m.type, m.count) for m in coopex.dashboard.leads_by_month(OPERATOR)}
    assert counts == {
        (month, EventType.FORUM, 1),
        (month, EventType.INVESTMENT, 1),
        (month, EventType.TRADE_FIGURE, 1),
    }  # the lead of 400 days ago is outside the last 12 months
    uly = {m.type for m in coopex.dashboard.leads_by_month(OPERATOR, "RU-ULY")}
    assert uly == {EventType.FORUM, EventType.TRADE_FIGURE}
    figures = {
        (f.type, f.country, f.currency): (f.amount, f.leads)
        for f in coopex.dashboard.money_figures(OPERATOR)
    }
    assert figures == {
        (EventType.TRADE_FIGURE, "CN", "USD"): (Decimal(120000000), 1),
        (EventType.INVESTMENT, "KZ", "EUR"): (Decimal(3000000), 1),
    }  # the yuan are not in any trade or investment sentence
    assert [f.country for f in coopex.dashboard.money_figures(OPERATOR, "RU-MO")] == ["KZ"]
    member, _ = people.member("orbita")
    with pytest.raises(PermissionDenied):
        coopex.dashboard.leads_by_month(member)
    with pytest.raises(PermissionDenied):
        coopex.dashboard.money_figures(member)


@pytest.mark.usefixtures("data")
def test_interests_funnel_by_scope_and_region(coopex: Coopex, people: People) -> None:
    everything = coopex.dashboard.interests_funnel(OPERATOR)
    assert (everything.expressed, everything.accepted, everything.projects) == (1, 1, 1)
    assert coopex.dashboard.interests_funnel(OPERATOR, "CN-ZJ").expressed == 0
    staff, _ = people.staff("uly-agency")
    assert coopex.dashboard.interests_funnel(staff).expressed == 1  # Orbita is in its region
    outsider, _ = people.member("zj-parts")
    assert coopex.dashboard.interests_funnel(outsider).expressed == 0


def test_admins_change_roles_and_memberships_on_the_record(coopex: Coopex, people: People) -> None:
    coopex.registry.create_organization(OPERATOR, org_raw("rm-rail"))
    admin, _ = people.admin()
    member, _ = people.member("rm-rail")
    user = coopex.accounts.set_role(admin, member.label, Role.AGENCY_STAFF)
    assert user.role is Role.AGENCY_STAFF
    with pytest.raises(Conflict, match="own role"):
        coopex.accounts.set_role(admin, admin.label, Role.ENTERPRISE_MEMBER)
    with pytest.raises(Conflict, match="deactivate yourself"):
        coopex.accounts.set_active(admin, admin.label, False)
    with pytest.raises(PermissionDenied):
        coopex.accounts.set_role(member, member.label, Role.ADMIN)
    with pytest.raises(PermissionDenied):
        coopex.accounts.directory(member)
    assert coopex.accounts.remove_member(admin, member.label, "rm-rail") is True
    assert coopex.accounts.remove_member(admin, member.label, "rm-rail") is False
    listed = {u.email: refs for u, refs in coopex.accounts.directory(admin)}
    assert listed[member.label] == [] and listed[admin.label] == []
    trail = coopex.audit.page(admin, AuditFilter(entity_ref=member.label)).items
    assert [(e.action, e.outcome.value) for e in trail] == [
        ("membership.remove", "done"),
        ("membership.remove", "done"),
        ("user.role", "denied"),
        ("user.role", "done"),
        ("token.issue", "done"),
        ("membership.add", "done"),
        ("user.create", "done"),
    ]


def test_audit_pages_and_filters(coopex: Coopex, people: People) -> None:
    admin, _ = people.admin()
    for n in range(7):
        coopex.registry.create_organization(admin, org_raw(f"org-{n}"))
    first = coopex.audit.page(admin, AuditFilter(entity="organization"), limit=3)
    assert [e.entity_ref for e in first.items] == ["org-6", "org-5", "org-4"]
    second = coopex.audit.page(admin, AuditFilter(entity="organization"), first.next_cursor, 3)
    third = coopex.audit.page(admin, AuditFilter(entity="organization"), second.next_cursor, 3)
    assert [e.entity_ref for e in [*second.items, *third.items]] == [
        f"org-{n}" for n in (3, 2, 1, 0)
    ]
    assert third.next_cursor is None
    assert (
        coopex.audit.page(admin, AuditFilter(actor=admin.label, action="user.create")).items == []
    )
    done = coopex.audit.page(admin, AuditFilter(outcome=Outcome.DENIED)).items
    assert done == []
    today = datetime.now(UTC).date()
    assert len(coopex.audit.page(admin, AuditFilter(since=today, until=today)).items) >= 7
    yesterday = today - timedelta(days=1)
    assert coopex.audit.page(admin, AuditFilter(until=yesterday)).items == []
    member, _ = people.member()
    with pytest.raises(PermissionDenied):
        coopex.audit.page(member)


def test_document_amounts_are_read_from_json_text_too() -> None:
    from coopex.storage.dashboard import _amounts_in

    found = list(
        _amounts_in(
            json.dumps({"amounts": [{"value": 1.5, "currency": "USD", "text": "a"}]}), "a b"
        )
    )
    assert found == [(0, Decimal("1.5"), "USD")]
